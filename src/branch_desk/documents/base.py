"""Shared pieces of every PDF: fonts, letterhead, QR code, footer, atomic writing."""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import Color
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


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float,
                 *, border: int = 2) -> None:
    """A QR code of `text` (level M) as one filled path; lower-left corner at (x, y).

    Drawn straight on the canvas: reportlab's graphics renderer would add a
    non-embedded Helvetica to the PDF."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    # A fixed mask is valid QR (ISO 18004 allows any of the eight); choosing the "best"
    # one tries all eight and costs ~7x more, which dominates a batch of certificates.
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 2)
    count = qr.getModuleCount()
    box = size / (count + 2 * border)
    canvas.saveState()
    canvas.setFillColor(Color(1, 1, 1))
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(Color(0, 0, 0))
    path = canvas.beginPath()
    for r, row in enumerate(qr.modules):
        c = 0
        top = y + size - (r + border + 1) * box
        for dark, run in itertools.groupby(row):
            n = len(list(run))
            if dark:
                path.rect(x + (c + border) * box, top, n * box, box)
            c += n
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def write_atomically(path: Path, build: Callable[[io.BytesIO], None]) -> Path:
    """Build a PDF in memory and put it at `path` through a temporary file and a rename."""
    buffer = io.BytesIO()
    build(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)
    return path
