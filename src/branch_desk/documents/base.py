"""Shared pieces of every PDF: fonts, letterhead, QR code, footer, atomic writing."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.fonts import SANS, SANS_BOLD, register_fonts


@dataclass(frozen=True)
class Letterhead:
    """The issuing office as printed at the top of documents."""

    title: str  # e.g. "BPJS Ketenagakerjaan Kantor Cabang Maros"
    address: str = ""
    office_code: str = ""


def new_canvas(target: io.BytesIO | str, *, pagesize: tuple[float, float] = A4,
               title: str = "", author: str = "Branch Desk") -> Canvas:
    """A canvas whose default font is the embedded sans (no non-embedded Helvetica)."""
    register_fonts()
    canvas = Canvas(target, pagesize=pagesize, initialFontName=SANS, initialFontSize=10,
                    pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("Branch Desk")
    return canvas


def draw_letterhead(canvas: Canvas, head: Letterhead, *, top: float | None = None) -> float:
    """Draw the letterhead with a rule under it; returns the y below it."""
    width, height = canvas._pagesize
    y = (top if top is not None else height - 15 * mm)
    canvas.setFont(SANS_BOLD, 13)
    canvas.drawString(20 * mm, y, head.title)
    canvas.setFont(SANS, 8.5)
    if head.address:
        canvas.drawString(20 * mm, y - 5 * mm, head.address)
    canvas.setLineWidth(1.2)
    canvas.line(20 * mm, y - 8 * mm, width - 20 * mm, y - 8 * mm)
    return y - 14 * mm


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw a QR code of `text` with its lower-left corner at (x, y)."""
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def write_atomically(path: Path, build: Callable[[io.BytesIO], None]) -> Path:
    """Build a PDF in memory and put it at `path` through a temporary file and a rename."""
    buffer = io.BytesIO()
    build(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)
    return path
