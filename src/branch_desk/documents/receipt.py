"""Kwitansi (receipt) of a contribution payment: amount in figures and words, payer, months
covered and the verification QR. A4 portrait or A5 landscape."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, A5, landscape
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
from branch_desk.domain.coverage import add_months, month_label
from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_rupiah, terbilang

PROGRAM_NAMES = {"JKK": "Jaminan Kecelakaan Kerja", "JKM": "Jaminan Kematian",
                 "JHT": "Jaminan Hari Tua", "JP": "Jaminan Pensiun"}


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on a kwitansi."""

    number: str
    office_name: str
    office_address: str
    office_code: str
    kpj: str
    name: str
    payer: str
    amount: int
    first_month: date
    months: int
    programs: tuple[str, ...]
    paid_on: date
    officer: str
    reference: str
    verification: str
    correction: bool = False
    officer_title: str = ""  # "Petugas Pelayanan"; blank: the word "Petugas"


def period_text(first_month: date, months: int) -> str:
    """"Juni 2025" or "Juni 2025 s.d. November 2025 (6 bulan)"."""
    if months == 1:
        return month_label(first_month)
    last = add_months(first_month, months - 1)
    return f"{month_label(first_month)} s.d. {month_label(last)} ({months} bulan)"


def wrap_text(canvas: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` points."""
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if canvas.stringWidth(trial, font, size) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    return lines + ([current] if current else [])


def _draw(canvas: Canvas, data: ReceiptData, compact: bool) -> None:
    width, height = canvas._pagesize
    left, right = 20 * mm, width - 20 * mm
    scale = 0.9 if compact else 1.0
    y = draw_letterhead(canvas, Letterhead(data.office_name, data.office_address,
                                           data.office_code),
                        top=height - (12 if compact else 15) * mm)
    title = "BUKTI KOREKSI PEMBAYARAN IURAN" if data.correction else "KWITANSI PEMBAYARAN IURAN"
    canvas.setFont(SANS_BOLD, 14 * scale)
    canvas.drawCentredString(width / 2, y, title)
    canvas.setFont(SANS, 9.5 * scale)
    canvas.drawCentredString(width / 2, y - 5 * mm, f"Nomor: {data.number}")
    y -= (12 if compact else 15) * mm
    label_x, value_x = left, left + 42 * mm
    step = (6.2 if compact else 7.5) * mm
    words = terbilang(abs(data.amount)).capitalize()
    programs = ", ".join(f"{PROGRAM_NAMES.get(p, p)} ({p})" for p in data.programs)
    rows = [
        ("Telah terima dari", data.payer),
        ("Uang sejumlah", words),
        ("Untuk pembayaran", f"Iuran {programs}"),
        ("Peserta", f"{data.name} — KPJ {data.kpj}"),
        ("Masa iuran", period_text(data.first_month, data.months)),
    ]
    if data.reference:
        rows.append(("Referensi", data.reference))
    for label, value in rows:
        canvas.setFont(SANS, 10 * scale)
        canvas.drawString(label_x, y, label)
        canvas.drawString(value_x - 4 * mm, y, ":")
        font = SANS_ITALIC if label == "Uang sejumlah" else SANS
        lines = wrap_text(canvas, value, font, 10 * scale, right - value_x)
        canvas.setFont(font, 10 * scale)
        for i, line in enumerate(lines):
            canvas.drawString(value_x, y - i * 4.6 * mm, line)
        y -= step + (len(lines) - 1) * 4.6 * mm
    y -= 2 * mm
    box_h = 11 * mm
    canvas.setLineWidth(1)
    canvas.rect(left, y - box_h + 4 * mm, 70 * mm, box_h)
    canvas.setFont(SANS_BOLD, 15 * scale)
    amount = format_rupiah(data.amount)
    canvas.drawString(left + 4 * mm, y - box_h / 2 + 2.2 * mm, amount)
    sign_x = right - 60 * mm
    canvas.setFont(SANS, 10 * scale)
    canvas.drawString(sign_x, y + 2 * mm, f"{format_date(data.paid_on)}")
    canvas.drawString(sign_x, y - 3 * mm, f"{data.officer_title or 'Petugas'},")
    canvas.drawString(sign_x, y - (20 if compact else 25) * mm, data.officer)
    qr_size = (24 if compact else 30) * mm
    qr_y = 12 * mm if compact else y - box_h - qr_size - 4 * mm
    draw_qr(canvas, data.verification, left, qr_y, qr_size)
    canvas.setFont(SANS, 7 * scale)
    note_x = left + qr_size + 3 * mm
    canvas.drawString(note_x, qr_y + qr_size - 5 * mm,
                      "Pindai kode QR untuk memeriksa keaslian kwitansi ini")
    canvas.drawString(note_x, qr_y + qr_size - 9 * mm,
                      "di Branch Desk (menu Verifikasi dokumen).")
    canvas.drawString(note_x, qr_y + qr_size - 13 * mm,
                      f"Dokumen {data.number} — kantor {data.office_code}.")


def _receipts(buffer: io.BytesIO, receipts: Sequence[ReceiptData], size: str, title: str,
              progress: Callable[[int, int, str], None] | None = None) -> None:
    pagesize = landscape(A5) if size == "A5" else A4
    canvas = new_canvas(buffer, pagesize=pagesize, title=title)
    for index, data in enumerate(receipts, start=1):
        _draw(canvas, data, compact=size == "A5")
        canvas.showPage()
        if progress is not None:
            progress(index, len(receipts), f"Kwitansi {index} dari {len(receipts)}")
    canvas.save()


def write_receipt(path: Path, data: ReceiptData, *, size: str = "A4") -> Path:
    """Write the kwitansi PDF at `path` (A4 portrait or A5 landscape)."""
    return write_atomically(Path(path), lambda buffer: _receipts(
        buffer, [data], size, f"Kwitansi {data.number}"))


def receipts_pdf(receipts: Sequence[ReceiptData], *, title: str, size: str = "A4",
                 progress: Callable[[int, int, str], None] | None = None) -> bytes:
    """Several kwitansi as one PDF, one a page: one print job with its page count."""
    buffer = io.BytesIO()
    _receipts(buffer, receipts, size, title, progress)
    return buffer.getvalue()
