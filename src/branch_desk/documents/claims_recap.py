"""The claims recap as a landscape PDF: totals per programme, then the breakdown rows."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.base import new_canvas, write_atomically
from branch_desk.documents.fonts import SANS, SANS_BOLD
from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_rupiah

PAGE = landscape(A4)
LEFT = 15 * mm
# (title, x offset in mm, right aligned)
COLUMNS = (("Program", 0, False), ("Kabupaten/Kota", 24, False), ("Mitra", 84, False),
           ("Klaim", 170, True), ("Ditolak", 188, True), ("Dibayar", 206, True),
           ("Total manfaat", 238, True), ("Total dibayar", 267, True))


def _header(canvas: Canvas, recap: Any, page: int) -> float:
    f = recap.criteria
    y = PAGE[1] - 15 * mm
    canvas.setFont(SANS_BOLD, 13)
    canvas.drawString(LEFT, y, "REKAP KLAIM")
    canvas.setFont(SANS, 9.5)
    canvas.drawString(LEFT, y - 5.5 * mm, f"Periode pengajuan {format_date(f.date_from)} s.d. "
                                          f"{format_date(f.date_to)}")
    canvas.drawString(LEFT, y - 10.5 * mm,
                      f"Mitra: {recap.partner_name or 'semua'}   Program: {f.program or 'semua'}"
                      f"   Wilayah: {recap.region_name or 'semua'}")
    canvas.drawRightString(PAGE[0] - LEFT, y, f"Halaman {page}")
    return y - 18 * mm


def _row(canvas: Canvas, y: float, values: list[str], *, bold: bool = False) -> None:
    canvas.setFont(SANS_BOLD if bold else SANS, 8.5)
    for (_, x, right), value in zip(COLUMNS, values, strict=True):
        if right:
            canvas.drawRightString(LEFT + x * mm, y, value)
        else:
            canvas.drawString(LEFT + x * mm, y, value[:48])


def build_recap_pdf(target: io.BytesIO, recap: Any, *, today: date) -> None:
    canvas = new_canvas(target, pagesize=PAGE, title="Rekap Klaim")
    page = 1
    y = _header(canvas, recap, page)
    _row(canvas, y, [c[0] for c in COLUMNS], bold=True)
    canvas.line(LEFT, y - 2 * mm, PAGE[0] - LEFT, y - 2 * mm)
    y -= 6 * mm
    for ln in recap.lines:
        if y < 25 * mm:
            canvas.showPage()
            page += 1
            y = _header(canvas, recap, page)
        _row(canvas, y, [ln.program, ln.regency_name or "-", ln.partner_name or "(tanpa mitra)",
                         str(ln.count), str(ln.rejected), str(ln.paid_count),
                         format_rupiah(ln.total), format_rupiah(ln.paid_total)])
        y -= 5 * mm
    if y < 60 * mm:
        canvas.showPage()
        page += 1
        y = _header(canvas, recap, page)
    canvas.line(LEFT, y + 2 * mm, PAGE[0] - LEFT, y + 2 * mm)
    y -= 4 * mm
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(LEFT, y, "Jumlah per program")
    y -= 6 * mm
    for p in recap.programs:
        _row(canvas, y, [p.program, "", "", str(p.count), str(p.rejected), str(p.paid_count),
                         format_rupiah(p.total), format_rupiah(p.paid_total)])
        y -= 5 * mm
    _row(canvas, y, ["JUMLAH", "", "", str(recap.count),
                     str(sum(p.rejected for p in recap.programs)),
                     str(sum(p.paid_count for p in recap.programs)), format_rupiah(recap.total),
                     format_rupiah(recap.paid_total)], bold=True)
    y = _late_payments(canvas, recap, y - 9 * mm, page)
    canvas.setFont(SANS, 7.5)
    canvas.drawString(LEFT, 10 * mm, f"Dicetak {format_date(today)} — Branch Desk. Total manfaat "
                                     "tidak termasuk klaim yang ditolak.")
    canvas.showPage()
    canvas.save()


def _late_payments(canvas: Canvas, recap: Any, y: float, page: int) -> float:
    """Claims BPJS paid after its own deadline, with the compensation owed (issue 18)."""
    late = recap.late_payments
    if not late:
        return y
    if y < 30 * mm + 5 * mm * len(late):
        canvas.showPage()
        y = _header(canvas, recap, page + 1)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(LEFT, y, f"Dibayar melewati batas BPJS: {len(late)} klaim, kompensasi "
                               f"kepada peserta {format_rupiah(recap.late_compensation)}")
    canvas.setFont(SANS, 8.5)
    for p in late:
        y -= 5 * mm
        canvas.drawString(LEFT, y, f"{p.number}  selesai berkas {format_date(p.complete_on)}, "
                                   f"batas {format_date(p.due)}, dibayar "
                                   f"{format_date(p.paid_on)}: terlambat {p.days_late} hari, "
                                   f"kompensasi {format_rupiah(p.compensation)}")
    return y


def write_recap_pdf(path: Path, recap: Any, *, today: date) -> Path:
    return write_atomically(Path(path), lambda buf: build_recap_pdf(buf, recap, today=today))
