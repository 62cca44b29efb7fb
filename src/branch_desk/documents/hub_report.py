"""A hub report as a landscape PDF: letterhead, title, a table that runs over pages."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.base import Letterhead, draw_letterhead, new_canvas, write_atomically
from branch_desk.documents.fonts import SANS, SANS_BOLD
from branch_desk.domain.report_cells import NUMERIC, HubTable

PAGE = landscape(A4)
LEFT = 20 * mm
ROW = 5 * mm
SIZE = 8


def _layout(table: HubTable) -> list[tuple[float, float, bool]]:
    """(x, width, right-aligned) per column, widths proportional to the column widths."""
    usable = PAGE[0] - 2 * LEFT
    total = sum(c.width for c in table.columns)
    x, out = LEFT, []
    for c in table.columns:
        width = usable * c.width / total
        out.append((x, width, c.kind in NUMERIC))
        x += width
    return out


def _fit(text: str, width: float, font: str) -> str:
    if stringWidth(text, font, SIZE) <= width - 2 * mm:
        return text
    while text and stringWidth(text + "…", font, SIZE) > width - 2 * mm:
        text = text[:-1]
    return text + "…"


def _row(canvas: Canvas, y: float, layout: list[tuple[float, float, bool]],
         cells: tuple[str, ...], *, bold: bool = False) -> None:
    font = SANS_BOLD if bold else SANS
    canvas.setFont(font, SIZE)
    for (x, width, right), text in zip(layout, cells, strict=True):
        text = _fit(text, width, font)
        if right:
            canvas.drawRightString(x + width - 2 * mm, y, text)
        else:
            canvas.drawString(x, y, text)


def _page_head(canvas: Canvas, table: HubTable, head: Letterhead, page: int,
               layout: list[tuple[float, float, bool]]) -> float:
    y = draw_letterhead(canvas, head, top=PAGE[1] - 12 * mm)
    canvas.setFont(SANS_BOLD, 12)
    canvas.drawString(LEFT, y, table.title.upper())
    canvas.setFont(SANS, 9)
    canvas.drawString(LEFT, y - 5 * mm, table.subtitle)
    canvas.drawRightString(PAGE[0] - LEFT, y, f"Halaman {page}")
    y -= 12 * mm
    _row(canvas, y, layout, tuple(c.title for c in table.columns), bold=True)
    canvas.line(LEFT, y - 1.8 * mm, PAGE[0] - LEFT, y - 1.8 * mm)
    return y - 6 * mm


def build_hub_pdf(target: io.BytesIO, table: HubTable, head: Letterhead) -> None:
    canvas = new_canvas(target, pagesize=PAGE, title=table.title)
    layout = _layout(table)
    page = 1
    y = _page_head(canvas, table, head, page, layout)
    if not table.rows:
        canvas.setFont(SANS, 9)
        canvas.drawString(LEFT, y, "(belum ada data dari kantor cabang)")
        y -= ROW
    for row in table.rows:
        if y < 18 * mm:
            canvas.showPage()
            page += 1
            y = _page_head(canvas, table, head, page, layout)
        _row(canvas, y, layout, table.display(row))
        y -= ROW
    if table.total is not None:
        if y < 18 * mm:
            canvas.showPage()
            page += 1
            y = _page_head(canvas, table, head, page, layout)
        canvas.line(LEFT, y + 3.2 * mm, PAGE[0] - LEFT, y + 3.2 * mm)
        _row(canvas, y, layout, table.display_total(), bold=True)
    canvas.save()


def write_hub_pdf(path: Path, table: HubTable, head: Letterhead) -> Path:
    return write_atomically(path, lambda buffer: build_hub_pdf(buffer, table, head))
