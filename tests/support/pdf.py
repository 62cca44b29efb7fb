"""Reading written PDFs back as a person would: the text (pdftotext) and a page's QR code."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The text of `pdf`, laid out as on the page."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def qr_of_page(pdf: bytes, tmp_path: Path, page: int) -> str:
    """What the QR code on page `page` of `pdf` says, read from a 150 dpi picture of it."""
    path = tmp_path / "qr.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page),
                    str(path), str(tmp_path / "qr")], check=True)
    png = sorted(tmp_path.glob("qr-*.png"))[0]
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True,
                         check=False)
    return out.stdout.strip()


def sample_pdf(pages: int = 1) -> bytes:
    """A small A4 PDF of `pages` numbered pages (reportlab), for windows that show PDFs."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in range(1, pages + 1):
        canvas.drawString(72, 760, f"Halaman {page}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
