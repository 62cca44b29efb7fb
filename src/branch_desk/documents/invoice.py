"""Invoice (surat tagihan iuran) to a regional government: per-month summary of workers and
amounts, total in figures and words, payment note, signature block and verification QR.
The worker list itself travels as the xlsx attachment."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.base import (
    Letterhead,
    draw_letterhead,
    draw_qr,
    new_canvas,
    write_atomically,
)
from branch_desk.documents.fonts import SANS, SANS_BOLD, SANS_ITALIC
from branch_desk.documents.receipt import PROGRAM_NAMES, period_text, wrap_text
from branch_desk.domain.coverage import month_label
from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_count, format_rupiah, terbilang


@dataclass(frozen=True)
class InvoiceData:
    number: str
    office_name: str
    office_address: str
    office_code: str
    head_name: str
    head_title: str
    partner_name: str
    partner_address: str
    recipient: str  # the head's whole title ("Bupati Maros"); blank: the partner's name
    issued_on: date
    first_month: date
    months: int
    programs: tuple[str, ...]
    workers: int
    total: int
    month_rows: Sequence[tuple[date, int, int]]  # (month, workers, amount)
    verification: str
    status: str = "terbit"


def _table_header(canvas: Canvas, y: float, cols: Sequence[float]) -> float:
    canvas.setFillGray(0.88)
    canvas.rect(cols[0], y - 2 * mm, cols[-1] - cols[0], 7 * mm, stroke=0, fill=1)
    canvas.setFillGray(0)
    canvas.setFont(SANS_BOLD, 9)
    canvas.drawString(cols[0] + 2 * mm, y, "No")
    canvas.drawString(cols[1] + 2 * mm, y, "Bulan iuran")
    canvas.drawRightString(cols[3] - 2 * mm, y, "Jumlah pekerja")
    canvas.drawRightString(cols[4] - 2 * mm, y, "Iuran")
    return y - 7 * mm


def _draw(canvas: Canvas, data: InvoiceData) -> None:
    width, height = canvas._pagesize
    left, right = 20 * mm, width - 20 * mm
    y = draw_letterhead(canvas, Letterhead(data.office_name, data.office_address,
                                           data.office_code))
    canvas.setFont(SANS, 10)
    canvas.drawString(left, y, f"Nomor   : {data.number}")
    canvas.drawRightString(right, y, format_date(data.issued_on))
    canvas.drawString(left, y - 5 * mm, "Lampiran: 1 (satu) berkas daftar pekerja")
    canvas.drawString(left, y - 10 * mm, "Perihal : Tagihan iuran jaminan sosial "
                                         "ketenagakerjaan")
    y -= 20 * mm
    canvas.drawString(left, y, "Kepada Yth.")
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(left, y - 5 * mm, data.recipient or data.partner_name)
    canvas.setFont(SANS, 10)
    canvas.drawString(left, y - 10 * mm, data.partner_address or "di tempat")
    y -= 20 * mm
    canvas.setFont(SANS_BOLD, 14)
    title = "TAGIHAN IURAN" + (" (LUNAS)" if data.status == "lunas" else "")
    canvas.drawCentredString(width / 2, y, title)
    y -= 9 * mm
    canvas.setFont(SANS, 10)
    programs = ", ".join(f"{PROGRAM_NAMES.get(p, p)} ({p})" for p in data.programs)
    intro = (f"Bersama ini kami sampaikan tagihan iuran {programs} bagi "
             f"{format_count(data.workers)} pekerja yang didanai "
             f"{data.partner_name} untuk masa iuran "
             f"{period_text(data.first_month, data.months)}, dengan rincian sebagai berikut:")
    for line in wrap_text(canvas, intro, SANS, 10, right - left):
        canvas.drawString(left, y, line)
        y -= 5 * mm
    y -= 3 * mm
    cols = (left, left + 12 * mm, left + 70 * mm, left + 115 * mm, right)
    y = _table_header(canvas, y, cols)
    canvas.setFont(SANS, 9.5)
    for index, (month, workers, amount) in enumerate(data.month_rows, start=1):
        if y < 70 * mm:
            canvas.showPage()
            y = _table_header(canvas, height - 25 * mm, cols)
            canvas.setFont(SANS, 9.5)
        canvas.drawString(cols[0] + 2 * mm, y, str(index))
        canvas.drawString(cols[1] + 2 * mm, y, month_label(month))
        canvas.drawRightString(cols[3] - 2 * mm, y, format_count(workers))
        canvas.drawRightString(cols[4] - 2 * mm, y, format_rupiah(amount))
        canvas.setStrokeGray(0.8)
        canvas.line(cols[0], y - 2 * mm, cols[-1], y - 2 * mm)
        canvas.setStrokeGray(0)
        y -= 6 * mm
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(cols[1] + 2 * mm, y, "JUMLAH TAGIHAN")
    canvas.drawRightString(cols[4] - 2 * mm, y, format_rupiah(data.total))
    y -= 7 * mm
    canvas.setFont(SANS_ITALIC, 9.5)
    canvas.drawString(left, y, f"Terbilang: {terbilang(data.total)}.")
    y -= 9 * mm
    canvas.setFont(SANS, 9.5)
    for line in ("Pekerja yang mulai atau berhenti di tengah masa iuran ditagih per bulan "
                 "kepesertaannya (pro rata bulanan).",
                 f"Mohon pembayaran mencantumkan nomor tagihan {data.number} sebagai berita "
                 "transfer.",
                 "Demikian kami sampaikan. Atas perhatian dan kerja samanya kami ucapkan "
                 "terima kasih."):
        canvas.drawString(left, y, line)
        y -= 5 * mm
    sign_x = right - 65 * mm
    y -= 6 * mm
    canvas.drawString(sign_x, y, data.head_title)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(sign_x, y - 24 * mm, data.head_name or "")
    qr = 30 * mm
    draw_qr(canvas, data.verification, left, y - 28 * mm, qr)
    canvas.setFont(SANS, 7)
    canvas.drawString(left + qr + 2 * mm, y - 4 * mm, "Kode verifikasi tagihan")
    canvas.drawString(left + qr + 2 * mm, y - 8 * mm, data.number)


def write_invoice(path: Path, data: InvoiceData) -> Path:
    """Write the invoice PDF at `path`."""

    def build(buffer: io.BytesIO) -> None:
        canvas = new_canvas(buffer, pagesize=A4, title=f"Tagihan {data.number}")
        _draw(canvas, data)
        canvas.showPage()
        canvas.save()

    return write_atomically(Path(path), build)
