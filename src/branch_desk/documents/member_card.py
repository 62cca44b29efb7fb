"""Kartu peserta (member card): one card on its own page, or a batch of ten cards per A4
page with cut marks. Each card carries a QR with the signed verification string."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.base import draw_qr, new_canvas, write_atomically
from branch_desk.documents.fonts import SANS, SANS_BOLD
from branch_desk.domain.dates import format_date
from branch_desk.domain.programs import Segment

CARD_W, CARD_H = 85.6 * mm, 54 * mm  # ISO/IEC 7810 ID-1
COLUMNS, ROWS = 2, 5
GREEN = HexColor("#0B7A3E")
DARK = HexColor("#1F2D3D")
MARK = 4 * mm


@dataclass(frozen=True)
class CardData:
    """What one card shows (the NIK already masked)."""

    name: str
    kpj: str
    nik_masked: str
    programs: tuple[str, ...]  # ("JKK", "JKM")
    tmt: date
    status: str  # aktif | nonaktif
    status_reason: str
    segment: str  # "BPU"
    office: str  # "Kantor Cabang Maros"
    verification: str

    @property
    def programs_text(self) -> str:
        return ", ".join(self.programs) or "—"

    @property
    def cover(self) -> str:
        """The protection line: "Sejak 16 Juni 2025" while active, else "Nonaktif (…)"."""
        if self.status == "aktif":
            return f"Sejak {format_date(self.tmt)}"
        return f"Nonaktif ({self.status_reason})" if self.status_reason else "Nonaktif"


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> float:
    while size > 5 and canvas.stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def draw_card(canvas: Canvas, card: CardData, x: float, y: float) -> None:
    """Draw one card with its lower-left corner at (x, y)."""
    canvas.saveState()
    canvas.setStrokeColor(HexColor("#B0B8C0"))
    canvas.setLineWidth(0.4)
    canvas.roundRect(x, y, CARD_W, CARD_H, 3 * mm, stroke=1, fill=0)
    canvas.setFillColor(GREEN)
    canvas.roundRect(x, y + CARD_H - 11 * mm, CARD_W, 11 * mm, 3 * mm, stroke=0, fill=1)
    canvas.rect(x, y + CARD_H - 11 * mm, CARD_W, 4 * mm, stroke=0, fill=1)
    canvas.setFillColor(white)
    canvas.setFont(SANS_BOLD, 8.5)
    canvas.drawString(x + 4 * mm, y + CARD_H - 5.2 * mm, "BPJS KETENAGAKERJAAN")
    canvas.setFont(SANS, 6.5)
    canvas.drawString(x + 4 * mm, y + CARD_H - 9 * mm, "KARTU PESERTA")
    canvas.drawRightString(x + CARD_W - 4 * mm, y + CARD_H - 9 * mm, Segment(card.segment).label)
    canvas.setFillColor(DARK)
    text_w = CARD_W - 30 * mm
    size = _fit(canvas, card.name.upper(), SANS_BOLD, 9.5, text_w)
    canvas.setFont(SANS_BOLD, size)
    canvas.drawString(x + 4 * mm, y + CARD_H - 16.5 * mm, card.name.upper())
    lines = (("No. KPJ", card.kpj), ("NIK", card.nik_masked), ("Program", card.programs_text),
             ("Perlindungan", card.cover))
    line_y = y + CARD_H - 22 * mm
    for label, value in lines:
        canvas.setFont(SANS, 5.8)
        canvas.drawString(x + 4 * mm, line_y, label)
        font_size = _fit(canvas, value, SANS_BOLD, 7.2, text_w - 16 * mm)
        canvas.setFont(SANS_BOLD, font_size)
        canvas.drawString(x + 20 * mm, line_y, value)
        line_y -= 4.3 * mm
    canvas.setFont(SANS, 5.5)
    canvas.drawString(x + 4 * mm, y + 3.5 * mm, f"Diterbitkan: {card.office}")
    draw_qr(canvas, card.verification, x + CARD_W - 26 * mm, y + 4 * mm, 23 * mm)
    canvas.setFont(SANS, 4.5)
    canvas.drawCentredString(x + CARD_W - 14.5 * mm, y + 2.5 * mm, "Pindai untuk verifikasi")
    canvas.restoreState()


def _cut_marks(canvas: Canvas, x0: float, y0: float, cols: int, rows: int) -> None:
    """Short marks outside the grid at every card edge, for the guillotine."""
    canvas.saveState()
    canvas.setLineWidth(0.3)
    canvas.setStrokeColor(HexColor("#000000"))
    xs = [x0 + i * CARD_W for i in range(cols + 1)]
    ys = [y0 + j * CARD_H for j in range(rows + 1)]
    top, right = ys[-1], xs[-1]
    for x in xs:
        canvas.line(x, y0 - 1 * mm, x, y0 - 1 * mm - MARK)
        canvas.line(x, top + 1 * mm, x, top + 1 * mm + MARK)
    for y in ys:
        canvas.line(x0 - 1 * mm, y, x0 - 1 * mm - MARK, y)
        canvas.line(right + 1 * mm, y, right + 1 * mm + MARK, y)
    canvas.restoreState()


def build_cards(path: str | Path, cards: Sequence[CardData], *, batch: bool,
                title: str = "Kartu peserta") -> Path:
    """One card per card-sized page (`batch=False`) or ten per A4 page with cut marks."""

    def build(buffer: io.BytesIO) -> None:
        if not batch:
            canvas = new_canvas(buffer, pagesize=(CARD_W, CARD_H), title=title)
            for card in cards:
                draw_card(canvas, card, 0, 0)
                canvas.showPage()
            canvas.save()
            return
        canvas = new_canvas(buffer, pagesize=A4, title=title)
        width, height = A4
        x0 = (width - COLUMNS * CARD_W) / 2
        y0 = (height - ROWS * CARD_H) / 2
        per_page = COLUMNS * ROWS
        for start in range(0, len(cards), per_page):
            page = cards[start:start + per_page]
            rows_used = (len(page) + COLUMNS - 1) // COLUMNS
            for index, card in enumerate(page):
                col, row = index % COLUMNS, index // COLUMNS
                draw_card(canvas, card, x0 + col * CARD_W, y0 + (ROWS - 1 - row) * CARD_H)
            _cut_marks(canvas, x0, y0 + (ROWS - rows_used) * CARD_H, COLUMNS, rows_used)
            canvas.setFont(SANS, 7)
            canvas.drawString(x0, 6 * mm, f"{title} — halaman {start // per_page + 1}")
            canvas.showPage()
        canvas.save()

    return write_atomically(Path(path), build)
