"""Piagam penghargaan: A4 landscape, decorative border, number, citation, signer, QR.

Built straight on the canvas (no platypus) so a batch of a thousand stays fast: the border
is drawn once as a form XObject and reused on every page, the QR is drawn as one path of
merged dark runs, and text is wrapped with the font metrics.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.base import draw_qr, new_canvas
from branch_desk.documents.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, SERIF_ITALIC
from branch_desk.domain.dates import format_date

PAGE = landscape(A4)
NAVY = HexColor("#0b3d6b")
GOLD = HexColor("#b8892b")
GREEN = HexColor("#1d7a46")


@dataclass(frozen=True)
class CertificateContent:
    """Everything printed on one certificate: text, and the place and date of issue."""

    number: str
    office_title: str  # "BPJS Ketenagakerjaan Kantor Cabang Maros"
    recipient: str  # "Pemerintah Kabupaten Maros"
    recipient_line: str  # "Bupati Maros, Dr. H.A.S. Chaidir Syam" (may be empty)
    citation: tuple[str, ...]  # paragraphs
    place: str  # "Maros"
    issued_on: date
    signer_title: str
    signer: str
    qr_text: str

    @property
    def place_date(self) -> str:
        """The line above the signature, e.g. "Maros, 29 April 2025"."""
        return f"{self.place}, {format_date(self.issued_on)}"


def _draw_border(canvas: Canvas) -> None:
    """Double frame with a band of small diamonds and corner ornaments."""
    w, h = PAGE
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(4)
    canvas.rect(9 * mm, 9 * mm, w - 18 * mm, h - 18 * mm)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.2)
    canvas.rect(13 * mm, 13 * mm, w - 26 * mm, h - 26 * mm)
    canvas.setLineWidth(0.6)
    canvas.rect(15 * mm, 15 * mm, w - 30 * mm, h - 30 * mm)
    canvas.setFillColor(GOLD)
    step = 6 * mm
    path = canvas.beginPath()
    for edge_y in (11 * mm, h - 11 * mm):
        x = 20 * mm
        while x < w - 20 * mm:
            path.moveTo(x, edge_y)
            path.lineTo(x + 1.2 * mm, edge_y + 1.2 * mm)
            path.lineTo(x + 2.4 * mm, edge_y)
            path.lineTo(x + 1.2 * mm, edge_y - 1.2 * mm)
            path.close()
            x += step
    for edge_x in (11 * mm, w - 11 * mm):
        y = 20 * mm
        while y < h - 20 * mm:
            path.moveTo(edge_x, y)
            path.lineTo(edge_x + 1.2 * mm, y + 1.2 * mm)
            path.lineTo(edge_x, y + 2.4 * mm)
            path.lineTo(edge_x - 1.2 * mm, y + 1.2 * mm)
            path.close()
            y += step
    canvas.drawPath(path, stroke=0, fill=1)
    for cx, cy in ((15 * mm, 15 * mm), (w - 15 * mm, 15 * mm), (15 * mm, h - 15 * mm),
                   (w - 15 * mm, h - 15 * mm)):
        canvas.setFillColor(NAVY)
        canvas.circle(cx, cy, 5 * mm, stroke=0, fill=1)
        canvas.setFillColor(GOLD)
        canvas.circle(cx, cy, 3 * mm, stroke=0, fill=1)
        canvas.setFillColor(Color(1, 1, 1))
        canvas.circle(cx, cy, 1.2 * mm, stroke=0, fill=1)
    # emblem above the heading
    canvas.setFillColor(GREEN)
    canvas.circle(w / 2, h - 33 * mm, 9 * mm, stroke=0, fill=1)
    canvas.setFillColor(Color(1, 1, 1))
    canvas.setFont(SANS_BOLD, 9)
    canvas.drawCentredString(w / 2, h - 34.5 * mm, "BPJS")
    canvas.setFillColor(NAVY)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawCentredString(w / 2, h - 47 * mm, "BPJS KETENAGAKERJAAN")


def _draw_one(canvas: Canvas, c: CertificateContent) -> None:
    w, h = PAGE
    canvas.doForm("piagam_border")
    canvas.setFillColor(NAVY)
    canvas.setFont(SANS, 9.5)
    canvas.drawCentredString(w / 2, h - 52.5 * mm, c.office_title)
    canvas.setFont(SERIF_BOLD, 30)
    canvas.drawCentredString(w / 2, h - 67 * mm, "PIAGAM PENGHARGAAN")
    canvas.setFillColor(Color(0.15, 0.15, 0.15))
    canvas.setFont(SANS, 10.5)
    canvas.drawCentredString(w / 2, h - 75 * mm, f"Nomor: {c.number}")
    canvas.setFont(SERIF_ITALIC, 12)
    canvas.drawCentredString(w / 2, h - 85 * mm, "diberikan kepada")
    canvas.setFillColor(NAVY)
    size = 22 if len(c.recipient) <= 45 else 17
    canvas.setFont(SERIF_BOLD, size)
    canvas.drawCentredString(w / 2, h - 96 * mm, c.recipient)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.8)
    canvas.line(w / 2 - 85 * mm, h - 99.5 * mm, w / 2 + 85 * mm, h - 99.5 * mm)
    y = h - 106 * mm
    canvas.setFillColor(Color(0.15, 0.15, 0.15))
    if c.recipient_line:
        canvas.setFont(SERIF, 11)
        canvas.drawCentredString(w / 2, y, c.recipient_line)
        y -= 9 * mm
    canvas.setFont(SERIF, 12)
    width = w - 80 * mm
    for paragraph in c.citation:
        for line in simpleSplit(paragraph, SERIF, 12, width):
            canvas.drawCentredString(w / 2, y, line)
            y -= 6 * mm
        y -= 2 * mm
    right = w - 40 * mm - 45 * mm
    canvas.setFont(SANS, 10.5)
    canvas.drawCentredString(right, 50 * mm, c.place_date)
    for i, line in enumerate(simpleSplit(c.signer_title, SANS, 10.5, 95 * mm)[:2]):
        canvas.drawCentredString(right, (45.5 - 4.5 * i) * mm, line)
    canvas.setFont(SANS_BOLD, 11)
    canvas.drawCentredString(right, 24 * mm, c.signer)
    canvas.line(right - 40 * mm, 22.5 * mm, right + 40 * mm, 22.5 * mm)
    draw_qr(canvas, c.qr_text, 24 * mm, 20 * mm, 30 * mm)
    canvas.setFont(SANS, 7)
    canvas.drawString(56 * mm, 30 * mm, "Pindai kode QR atau masukkan nomor piagam")
    canvas.drawString(56 * mm, 26.5 * mm, "pada menu Verifikasi Dokumen Branch Desk")
    canvas.drawString(56 * mm, 23 * mm, "untuk memeriksa keasliannya.")


def render_certificates(contents: Sequence[CertificateContent], *,
                        progress: Callable[[int, int, str], None] | None = None) -> bytes:
    """One PDF with one landscape page per certificate, in the given order."""
    buffer = io.BytesIO()
    title = (f"Piagam penghargaan {contents[0].number}" if len(contents) == 1
             else f"Piagam penghargaan ({len(contents)})")
    canvas = new_canvas(buffer, pagesize=PAGE, title=title)
    canvas.beginForm("piagam_border")
    _draw_border(canvas)
    canvas.endForm()
    total = len(contents)
    for index, content in enumerate(contents):
        _draw_one(canvas, content)
        canvas.showPage()
        if progress is not None and (index % 25 == 0 or index + 1 == total):
            progress(index + 1, total, f"Piagam {index + 1} dari {total}")
    canvas.save()
    return buffer.getvalue()
