"""Shared pieces of every PDF: fonts, letterhead, QR code, footer, atomic writing."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.fonts import SANS, SANS_BOLD, register_fonts
from branch_desk.private_files import write_private

try:  # compiled QR encoder (libzint); optional
    import zint
except ImportError:  # pragma: no cover - reportlab's encoder is used instead
    zint = None


@dataclass(frozen=True)
class Letterhead:
    """The issuing office as printed at the top of documents."""

    title: str  # e.g. "BPJS Ketenagakerjaan Kantor Cabang Maros"
    address: str = ""
    office_code: str = ""

    @classmethod
    def of_agency(cls, title: str, address: str = "", office_code: str = "") -> Letterhead:
        """A letterhead that names the agency: "BPJS Ketenagakerjaan" is put before an
        office's own letterhead text when that text does not name it already."""
        if "BPJS" not in title.upper():
            title = f"BPJS Ketenagakerjaan {title}"
        return cls(title, address, office_code)


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


def qr_rows(text: str) -> list[str]:
    """The module matrix of a QR code of `text` (level M): one string per row, "1" for a
    dark module and "0" for a light one.

    Encoded by libzint (the compiled `zint-bindings` package, ~0.03 ms) when it is
    installed, else by reportlab's pure-Python encoder (~3–9 ms); both with a fixed mask (a
    valid choice under ISO 18004; scoring all eight costs 7–10x more)."""
    if zint is not None:
        symbol = zint.Symbol()
        symbol.symbology = zint.Symbology.QRCODE
        symbol.option_1 = 2  # error correction level M
        symbol.option_3 = (2 + 1) << 8  # fixed mask 2, as below: scoring all 8 costs ~10x
        symbol.encode(text.encode("utf-8"))
        count = symbol.width
        packed = symbol.encoded_data.tobytes()
        stride = len(packed) // max(1, symbol.encoded_data.shape[0])
        rows = []
        for r in range(symbol.rows):
            line = packed[r * stride:r * stride + (count + 7) // 8]
            bits = int.from_bytes(line, "little")  # module c is bit c (LSB first)
            rows.append(f"{bits:0{count}b}"[::-1][:count])
        return rows
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 2)
    return ["".join("1" if dark else "0" for dark in row) for row in qr.modules]


_LIGHT_IS_1 = str.maketrans("01", "10")


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float,
            *, border: int = 2) -> None:
    """A QR code of `text` (level M) with a white quiet zone; lower-left corner at (x, y).

    The modules are one 1-bit inline image (a few hundred bytes), drawn straight on the
    canvas: reportlab's graphics renderer would add a non-embedded Helvetica to the PDF,
    and one rectangle per run of dark modules costs ~20x more to write."""
    rows = qr_rows(text)
    count = len(rows)
    box = size / (count + 2 * border)
    canvas.saveState()
    canvas.setFillColor(Color(1, 1, 1))
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(Color(0, 0, 0))
    # An image mask, 1 bit per module, rows padded to whole bytes: 0 paints (dark).
    width = (count + 7) // 8 * 8
    data = "".join(f"{int(row.translate(_LIGHT_IS_1).ljust(width, '1'), 2):0{width // 4}x}"
                   for row in rows)
    side = count * box
    canvas._code.append(  # an inline image; no interpolation, so modules stay sharp
        f"q {fp_str(side)} 0 0 {fp_str(side)} {fp_str(x + border * box)} "
        f"{fp_str(y + border * box)} cm BI /W {count} /H {count} /IM true /F /AHx ID "
        f"{data}> EI Q")
    canvas.restoreState()


def write_atomically(path: Path, build: Callable[[io.BytesIO], None]) -> Path:
    """Build a PDF in memory and put it at `path`, readable only by its user, whole or not
    at all (`private_files.write_private`)."""
    buffer = io.BytesIO()
    build(buffer)
    return write_private(Path(path), buffer.getvalue())
