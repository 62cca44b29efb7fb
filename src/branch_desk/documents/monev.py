"""Monev Inpres 2/2021 report of one regency: coverage against target, per district,
segment and funding partner, the monthly trend (bar chart) and APBD-funded bills."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.base import Letterhead, draw_letterhead, new_canvas, write_atomically
from branch_desk.documents.fonts import SANS, SANS_BOLD
from branch_desk.domain.coverage import BULAN, format_percentage
from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_rupiah


@dataclass(frozen=True)
class MonevData:
    office_name: str
    office_address: str
    office_code: str
    head_name: str
    head_title: str
    summary: Any  # services.contributions.coverage_figures.CoverageSummary
    bills: Sequence[tuple[str, str, int, int, str]]  # number, partner, workers, total, status
    printed_on: date


def _num(n: int | None) -> str:
    return "–" if n is None else f"{n:,}".replace(",", ".")


class _Page:
    def __init__(self, canvas: Canvas, data: MonevData) -> None:
        self.canvas, self.data = canvas, data
        self.width, self.height = canvas._pagesize
        self.left, self.right = 20 * mm, self.width - 20 * mm
        self.y = 0.0

    def need(self, space: float) -> None:
        if self.y - space < 20 * mm:
            self.canvas.showPage()
            self.y = self.height - 20 * mm

    def heading(self, text: str) -> None:
        self.need(20 * mm)
        self.canvas.setFont(SANS_BOLD, 11)
        self.canvas.drawString(self.left, self.y, text)
        self.y -= 7 * mm

    def table(self, titles: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float]) -> None:
        c = self.canvas
        xs = [self.left]
        for w in widths:
            xs.append(xs[-1] + w * mm)
        self.need(14 * mm)
        c.setFillGray(0.88)
        c.rect(self.left, self.y - 2 * mm, xs[-1] - self.left, 6.5 * mm, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont(SANS_BOLD, 8.5)
        for i, title in enumerate(titles):
            self._cell(title, xs, i)
        self.y -= 6.5 * mm
        c.setFont(SANS, 8.5)
        for row in rows:
            self.need(8 * mm)
            c.setFont(SANS, 8.5)
            for i, text in enumerate(row):
                self._cell(text, xs, i)
            c.setStrokeGray(0.85)
            c.line(self.left, self.y - 2 * mm, xs[-1], self.y - 2 * mm)
            c.setStrokeGray(0)
            self.y -= 5.5 * mm
        self.y -= 4 * mm

    def _cell(self, text: str, xs: Sequence[float], i: int) -> None:
        if i == 0 or i == 1:
            self.canvas.drawString(xs[i] + 1.5 * mm, self.y, text)
        else:
            self.canvas.drawRightString(xs[i + 1] - 1.5 * mm, self.y, text)


def _chart(page: _Page, trend: Sequence[tuple[date, int]]) -> None:
    c = page.canvas
    height, width = 45 * mm, page.right - page.left
    page.need(height + 15 * mm)
    base = page.y - height
    top = max([n for _, n in trend] + [1])
    bar = width / max(len(trend), 1)
    c.setStrokeGray(0.6)
    c.line(page.left, base, page.right, base)
    for i, (month, count) in enumerate(trend):
        h = (height - 8 * mm) * count / top
        x = page.left + i * bar + bar * 0.15
        c.setFillColorRGB(0.13, 0.42, 0.66)
        c.rect(x, base, bar * 0.7, h, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont(SANS, 6.5)
        c.drawCentredString(x + bar * 0.35, base + h + 1.5 * mm, _num(count))
        c.drawCentredString(x + bar * 0.35, base - 4 * mm,
                            f"{BULAN[month.month - 1][:3]} {month:%y}")
    page.y = base - 12 * mm


def _draw(canvas: Canvas, data: MonevData) -> None:
    s = data.summary
    page = _Page(canvas, data)
    page.y = draw_letterhead(canvas, Letterhead(data.office_name, data.office_address,
                                                data.office_code))
    canvas.setFont(SANS_BOLD, 13)
    canvas.drawCentredString(page.width / 2, page.y, "LAPORAN MONITORING DAN EVALUASI")
    canvas.setFont(SANS, 10)
    canvas.drawCentredString(page.width / 2, page.y - 5.5 * mm,
                             "Pelaksanaan Instruksi Presiden Nomor 2 Tahun 2021 tentang "
                             "Optimalisasi")
    canvas.drawCentredString(page.width / 2, page.y - 10.5 * mm,
                             "Pelaksanaan Program Jaminan Sosial Ketenagakerjaan")
    page.y -= 20 * mm
    rows = [("Wilayah", s.region_name), ("Keadaan per", format_date(s.as_of)),
            ("Target pekerja", _num(s.target)), ("Pekerja tercakup", _num(s.covered)),
            ("Persentase cakupan", format_percentage(s.percentage))]
    for label, value in rows:
        canvas.setFont(SANS, 10)
        canvas.drawString(page.left, page.y, label)
        canvas.setFont(SANS_BOLD if label == "Persentase cakupan" else SANS, 10)
        canvas.drawString(page.left + 45 * mm, page.y, f": {value}")
        page.y -= 5.5 * mm
    page.y -= 4 * mm
    page.heading("1. Cakupan per kecamatan")
    page.table(["Kode", "Kecamatan", "Target", "Tercakup", "%"],
               [(f.code, f.name, _num(f.target), _num(f.covered), format_percentage(f.percentage))
                for f in s.areas], (22, 70, 26, 26, 26))
    page.heading("2. Cakupan per segmen dan sumber pendanaan")
    page.table(["Kode", "Segmen / mitra pendana", "", "Tercakup", ""],
               [(f.code, f.name, "", _num(f.covered), "") for f in (*s.segments, *s.partners)],
               (30, 90, 10, 30, 10))
    page.heading("3. Tren pekerja tercakup 12 bulan terakhir")
    _chart(page, s.trend)
    page.heading(f"4. Tagihan iuran yang didanai APBD tahun {s.as_of.year}")
    page.table(["Nomor", "Mitra", "Pekerja", "Jumlah", "Status"],
               [(n, p[:34], _num(w), format_rupiah(t), st) for n, p, w, t, st in data.bills]
               or [("–", "belum ada tagihan", "", "", "")], (40, 62, 20, 32, 16))
    page.need(35 * mm)
    sign_x = page.right - 65 * mm
    canvas.setFont(SANS, 10)
    canvas.drawString(sign_x, page.y, format_date(data.printed_on))
    canvas.drawString(sign_x, page.y - 5 * mm, data.head_title)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(sign_x, page.y - 28 * mm, data.head_name)


def write_monev_pdf(path: Path, data: MonevData) -> Path:
    def build(buffer: io.BytesIO) -> None:
        canvas = new_canvas(buffer, pagesize=A4, title="Monev Inpres 2/2021")
        _draw(canvas, data)
        canvas.showPage()
        canvas.save()

    return write_atomically(Path(path), build)
