"""Bukti pembayaran santunan: each benefit line, the total in figures and words, recipients,
transfer reference, signatures and the QR verification string."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.base import draw_letterhead, new_canvas, write_atomically
from branch_desk.documents.claim_receipt import (
    LEFT,
    RIGHT_MARGIN,
    ClaimSheet,
    claim_fields,
    draw_fields,
    draw_footer_qr,
    draw_signatures,
    draw_title,
    wrap,
)
from branch_desk.documents.fonts import SANS, SANS_BOLD
from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_rupiah, terbilang


def _lines_table(canvas: Canvas, sheet: ClaimSheet, y: float) -> float:
    width = canvas._pagesize[0] - LEFT - RIGHT_MARGIN
    amount_x = LEFT + width
    canvas.setFont(SANS_BOLD, 9.5)
    canvas.drawString(LEFT, y, "No")
    canvas.drawString(LEFT + 10 * mm, y, "Uraian manfaat dan dasar perhitungan")
    canvas.drawRightString(amount_x, y, "Jumlah")
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, y - 2 * mm, amount_x, y - 2 * mm)
    y -= 6.5 * mm
    text_width = width - 50 * mm
    for index, line in enumerate(sheet.lines, start=1):
        canvas.setFont(SANS, 9.5)
        canvas.drawString(LEFT, y, str(index))
        canvas.drawRightString(amount_x, y, format_rupiah(line.amount))
        y = wrap(canvas, line.label, LEFT + 10 * mm, y, text_width, font=SANS_BOLD, size=9.5)
        y = wrap(canvas, f"{line.detail} Dasar: {line.rule}.", LEFT + 10 * mm, y, text_width,
                 size=8, leading=10) - 1.5 * mm
    canvas.line(LEFT, y + 2 * mm, amount_x, y + 2 * mm)
    y -= 3 * mm
    canvas.setFont(SANS_BOLD, 10.5)
    canvas.drawString(LEFT + 10 * mm, y, "JUMLAH DIBAYARKAN")
    canvas.drawRightString(amount_x, y, format_rupiah(sheet.total))
    y -= 6 * mm
    words = terbilang(sheet.total)
    return wrap(canvas, f"Terbilang: {words[0].upper()}{words[1:]}", LEFT + 10 * mm, y,
                width - 10 * mm, font=SANS_BOLD, size=9.5) - 2 * mm


def _recipients(canvas: Canvas, sheet: ClaimSheet, y: float) -> float:
    canvas.setFont(SANS_BOLD, 9.5)
    canvas.drawString(LEFT, y, "Dibayarkan kepada")
    y -= 5.5 * mm
    if not sheet.recipients:
        return wrap(canvas, "(penerima belum dicatat)", LEFT + 5 * mm, y, 160 * mm)
    for r in sheet.recipients:
        bank = " ".join(part for part in (r.bank_name, r.bank_account) if part) or "-"
        y = wrap(canvas, f"{r.name} ({r.relationship}) — rekening {bank}", LEFT + 5 * mm, y,
                 165 * mm, size=9.5) - 0.5 * mm
    if sheet.paid_on is not None:
        y = wrap(canvas, f"Ditransfer {format_date(sheet.paid_on)}, referensi transfer "
                         f"{sheet.transfer_reference}", LEFT + 5 * mm, y - 1 * mm, 165 * mm,
                 size=9.5)
    else:
        y = wrap(canvas, "Belum ditransfer (klaim disetujui, menunggu pembayaran).",
                 LEFT + 5 * mm, y - 1 * mm, 165 * mm, size=9.5)
    return y - 2 * mm


def build_statement(target: io.BytesIO, sheet: ClaimSheet) -> None:
    """Draw the bukti pembayaran santunan into `target`."""
    canvas = new_canvas(target, title=f"Bukti Pembayaran Santunan {sheet.number}")
    y = draw_letterhead(canvas, sheet.letterhead)
    y = draw_title(canvas, sheet, "BUKTI PEMBAYARAN SANTUNAN", y)
    y = draw_fields(canvas, claim_fields(sheet), y) - 3 * mm
    y = _lines_table(canvas, sheet, y)
    y = _recipients(canvas, sheet, y - 2 * mm)
    first = sheet.recipients[0].name if sheet.recipients else ""
    y = draw_signatures(canvas, y - 4 * mm,
                        [("Penerima", first), (sheet.officer_title or "Petugas", sheet.officer),
                         (sheet.head_title or "Kepala Kantor Cabang",
                          sheet.approver or sheet.head_name)],
                        place_date=f"{sheet.city}, {format_date(sheet.printed_on)}")
    canvas.setFont(SANS, 8)
    draw_footer_qr(canvas, sheet, "Keaslian bukti pembayaran ini dapat diperiksa dengan memindai "
                                  "kode QR (Branch Desk: Verifikasi dokumen). Perhitungan "
                                  "lengkap tersimpan bersama berkas klaim.")
    canvas.showPage()
    canvas.save()


def write_statement(path: Path, sheet: ClaimSheet) -> Path:
    """Write the bukti pembayaran santunan PDF atomically."""
    return write_atomically(path, lambda buffer: build_statement(buffer, sheet))
