"""Tanda terima berkas klaim: the receipt of a claim file, listing the documents received.

`ClaimSheet` is what both claim PDFs print (this receipt and the payment statement); the
services fill it from the database. NIK is printed masked.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.base import (
    Letterhead,
    draw_letterhead,
    draw_qr,
    new_canvas,
    write_atomically,
)
from branch_desk.documents.fonts import SANS, SANS_BOLD, SANS_ITALIC
from branch_desk.domain.dates import format_date

LEFT = 20 * mm
RIGHT_MARGIN = 20 * mm


@dataclass(frozen=True)
class SheetDocument:
    label: str
    required: bool
    received: bool
    received_on: date | None


@dataclass(frozen=True)
class SheetLine:
    label: str
    rule: str
    detail: str
    amount: int


@dataclass(frozen=True)
class SheetRecipient:
    name: str
    relationship: str
    bank_name: str
    bank_account: str


@dataclass(frozen=True)
class ClaimSheet:
    """A claim as printed."""

    letterhead: Letterhead
    city: str
    number: str
    claim_type: str
    type_label: str
    status_label: str
    participant_name: str
    kpj: str
    nik_masked: str
    event_date: date
    filed_on: date
    cause: str
    place: str
    documents: tuple[SheetDocument, ...]
    lines: tuple[SheetLine, ...]
    total: int
    recipients: tuple[SheetRecipient, ...]
    officer: str
    approver: str
    head_name: str
    head_title: str
    paid_on: date | None
    transfer_reference: str
    printed_on: date
    verification: str
    officer_title: str = ""  # "Petugas Pelayanan"; blank: the word "Petugas"


CAUSES = {"kerja": "Kecelakaan kerja / karena hubungan kerja", "bukan-kerja": "Bukan karena "
          "kecelakaan kerja"}


def wrap(canvas: Canvas, text: str, x: float, y: float, width: float, *, font: str = SANS,
         size: float = 9, leading: float | None = None) -> float:
    """Draw `text` wrapped to `width`; returns the y below it."""
    leading = leading or size * 1.3
    canvas.setFont(font, size)
    for line in simpleSplit(text, font, size, width) or [""]:
        canvas.drawString(x, y, line)
        y -= leading
    return y


def draw_title(canvas: Canvas, sheet: ClaimSheet, title: str, y: float) -> float:
    width = canvas._pagesize[0]
    canvas.setFont(SANS_BOLD, 13)
    canvas.drawCentredString(width / 2, y, title)
    canvas.setFont(SANS, 9.5)
    canvas.drawCentredString(width / 2, y - 5.5 * mm, f"Nomor klaim: {sheet.number}")
    return y - 13 * mm


def draw_fields(canvas: Canvas, rows: list[tuple[str, str]], y: float) -> float:
    """Label : value rows."""
    width = canvas._pagesize[0] - LEFT - RIGHT_MARGIN - 50 * mm
    for label, value in rows:
        canvas.setFont(SANS, 9.5)
        canvas.drawString(LEFT, y, label)
        canvas.drawString(LEFT + 45 * mm, y, ":")
        y = wrap(canvas, value, LEFT + 48 * mm, y, width, size=9.5) - 0.8 * mm
    return y


def claim_fields(sheet: ClaimSheet) -> list[tuple[str, str]]:
    rows = [("Jenis klaim", f"{sheet.claim_type} — {sheet.type_label}"),
            ("Nama peserta", sheet.participant_name), ("Nomor KPJ", sheet.kpj),
            ("NIK", sheet.nik_masked or "-"),
            ("Tanggal kejadian", format_date(sheet.event_date))]
    if sheet.cause:
        rows.append(("Penyebab", CAUSES.get(sheet.cause, sheet.cause)))
    if sheet.place:
        rows.append(("Tempat kejadian", sheet.place))
    rows.append(("Tanggal pengajuan", format_date(sheet.filed_on)))
    return rows


def draw_signatures(canvas: Canvas, y: float, blocks: list[tuple[str, str]], *,
                    place_date: str) -> float:
    """Signature blocks side by side: (role, name); the place and date above the last."""
    width = canvas._pagesize[0] - LEFT - RIGHT_MARGIN
    column = width / len(blocks)
    canvas.setFont(SANS, 9.5)
    canvas.drawCentredString(LEFT + column * (len(blocks) - 0.5), y, place_date)
    y -= 5 * mm
    for index, (role, name) in enumerate(blocks):
        cx = LEFT + column * (index + 0.5)
        canvas.setFont(SANS, 9.5)
        canvas.drawCentredString(cx, y, role)
        canvas.setFont(SANS_BOLD, 9.5)
        canvas.drawCentredString(cx, y - 22 * mm, name or "(............................)")
        canvas.setLineWidth(0.5)
        canvas.line(cx - 25 * mm, y - 23.5 * mm, cx + 25 * mm, y - 23.5 * mm)
    return y - 30 * mm


def draw_footer_qr(canvas: Canvas, sheet: ClaimSheet, note: str) -> None:
    width = canvas._pagesize[0]
    size = 28 * mm
    draw_qr(canvas, sheet.verification, width - RIGHT_MARGIN - size, 14 * mm, size)
    canvas.setFont(SANS_ITALIC, 7.5)
    wrap(canvas, note, LEFT, 30 * mm, width - LEFT - RIGHT_MARGIN - size - 6 * mm,
         font=SANS_ITALIC, size=7.5)
    canvas.drawString(LEFT, 14 * mm, f"Dicetak {format_date(sheet.printed_on)} — Branch Desk")


def _documents_table(canvas: Canvas, sheet: ClaimSheet, y: float) -> float:
    width = canvas._pagesize[0] - LEFT - RIGHT_MARGIN
    canvas.setFont(SANS_BOLD, 9.5)
    canvas.drawString(LEFT, y, "No")
    canvas.drawString(LEFT + 10 * mm, y, "Dokumen")
    canvas.drawString(LEFT + width - 45 * mm, y, "Keterangan")
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, y - 2 * mm, LEFT + width, y - 2 * mm)
    y -= 6.5 * mm
    for index, doc in enumerate(sheet.documents, start=1):
        if doc.received:
            state = f"Diterima {format_date(doc.received_on, 'medium')}" if doc.received_on \
                else "Diterima"
        else:
            state = "BELUM DITERIMA" if doc.required else "Tidak diserahkan"
        canvas.setFont(SANS, 9)
        canvas.drawString(LEFT, y, str(index))
        canvas.setFont(SANS_BOLD if doc.received else SANS, 9)
        canvas.drawString(LEFT + width - 45 * mm, y, state)
        y = wrap(canvas, doc.label, LEFT + 10 * mm, y, width - 58 * mm, size=9) - 1.2 * mm
    canvas.line(LEFT, y + 2 * mm, LEFT + width, y + 2 * mm)
    return y - 3 * mm


def build_receipt(target: io.BytesIO, sheet: ClaimSheet) -> None:
    """Draw the tanda terima berkas into `target`."""
    canvas = new_canvas(target, title=f"Tanda Terima Berkas Klaim {sheet.number}")
    y = draw_letterhead(canvas, sheet.letterhead)
    y = draw_title(canvas, sheet, "TANDA TERIMA BERKAS KLAIM", y)
    y = draw_fields(canvas, claim_fields(sheet), y)
    y -= 3 * mm
    received = sum(1 for d in sheet.documents if d.received)
    y = wrap(canvas, f"Telah diterima berkas klaim dengan dokumen berikut ({received} dari "
                     f"{len(sheet.documents)} dokumen):", LEFT, y, 170 * mm, size=9.5) - 2 * mm
    y = _documents_table(canvas, sheet, y)
    missing = [d.label for d in sheet.documents if d.required and not d.received]
    if missing:
        y = wrap(canvas, "Dokumen wajib yang belum diterima harus dilengkapi sebelum klaim "
                         "dapat diajukan untuk diverifikasi.", LEFT, y, 170 * mm,
                 font=SANS_BOLD, size=9) - 2 * mm
    else:
        y = wrap(canvas, "Seluruh dokumen wajib telah diterima.", LEFT, y, 170 * mm,
                 size=9) - 2 * mm
    first = sheet.recipients[0].name if sheet.recipients else ""
    draw_signatures(canvas, y - 6 * mm, [("Yang menyerahkan", first),
                                         ("Petugas penerima", sheet.officer)],
                    place_date=f"{sheet.city}, {format_date(sheet.printed_on)}")
    draw_footer_qr(canvas, sheet, "Tanda terima ini bukan bukti persetujuan klaim. Keaslian "
                                  "dapat diperiksa dengan memindai kode QR di kantor BPJS "
                                  "Ketenagakerjaan.")
    canvas.showPage()
    canvas.save()


def write_receipt(path: Path, sheet: ClaimSheet) -> Path:
    """Write the tanda terima berkas PDF atomically."""
    return write_atomically(path, lambda buffer: build_receipt(buffer, sheet))
