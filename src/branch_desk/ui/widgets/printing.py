"""Sending a PDF to the printer chosen in the system print dialog.

Where the printer is a CUPS queue (Linux), the PDF itself goes to it with `lp`: CUPS takes PDF
directly, so the pages print as drawn (vector text, sharp at any resolution), with the copies,
page range and two-sided printing chosen in the dialog. Elsewhere — Windows, whose spooler takes
no PDF, or a printer that writes a file — each page is rendered onto white at the printer's
resolution (at most MAX_PRINT_DPI) and painted onto the printer.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_PRINT_DPI = 300
LP_TIMEOUT = 120  # seconds for `lp` to hand the job to CUPS (not for the printer to print)


class PrintFailed(RuntimeError):
    """The print job could not be handed to the printer; the message is for the officer."""


def render_page(document: QPdfDocument, index: int, dpi: float) -> QImage:
    """Page `index` as an opaque image at `dpi`, painted onto white."""
    points = document.pagePointSize(index)
    size = QSize(max(1, round(points.width() * dpi / 72)),
                 max(1, round(points.height() * dpi / 72)))
    rendered = document.render(index, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(QPointF(0, 0), rendered)
    painter.end()
    return image


def chosen_pages(printer: QPrinter, page_count: int) -> range:
    """The pages (0-based) the print dialog asked for: all, or the range typed."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = min(printer.fromPage(), page_count)
        last = min(max(printer.toPage(), first), page_count)
        return range(first - 1, last)
    return range(page_count)


def cups_queue(printer: QPrinter) -> str | None:
    """The CUPS queue `printer` stands for, when a PDF can be sent to it as it is."""
    if sys.platform == "win32" or printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return None
    name = printer.printerName()
    return name if name and shutil.which("lp") else None


def lp_command(printer: QPrinter, queue: str, title: str, pages: range) -> list[str]:
    """The `lp` command that prints the PDF on stdin as the dialog asked."""
    command = ["lp", "-d", queue, "-t", title or "Branch Desk", "-n",
               str(max(1, printer.copyCount()))]
    if printer.printRange() == QPrinter.PrintRange.PageRange and len(pages):
        command += ["-o", f"page-ranges={pages.start + 1}-{pages.stop}"]
    if printer.duplex() in (QPrinter.DuplexMode.DuplexLongSide, QPrinter.DuplexMode.DuplexAuto):
        command += ["-o", "sides=two-sided-long-edge"]
    elif printer.duplex() == QPrinter.DuplexMode.DuplexShortSide:
        command += ["-o", "sides=two-sided-short-edge"]
    if printer.collateCopies() and printer.copyCount() > 1:
        command += ["-o", "collate=true"]
    return command


def send_to_cups(pdf: bytes, command: list[str]) -> None:
    """Hand the PDF to CUPS; a refusal becomes an Indonesian message."""
    try:
        done = subprocess.run(command, input=pdf, capture_output=True, timeout=LP_TIMEOUT,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintFailed(f"Dokumen tidak dapat dikirim ke printer: {exc}") from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"kode {done.returncode}"
        raise PrintFailed(f"Printer menolak dokumen: {reason}")


def paint_pages(document: QPdfDocument, printer: QPrinter, pages: range) -> int:
    """Paint `pages` onto `printer`, scaled to the printable area; returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    try:
        for done, index in enumerate(pages):
            if done:
                printer.newPage()
            image = render_page(document, index, dpi)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
            painter.setWindow(target)
    finally:
        painter.end()
    return len(pages)


def print_pdf(pdf: bytes, document: QPdfDocument, printer: QPrinter, title: str) -> int:
    """Print the PDF (`document` is the same PDF, loaded) on `printer`; returns the pages
    sent. Raises PrintFailed when the printer refuses the job."""
    pages = chosen_pages(printer, document.pageCount())
    queue = cups_queue(printer)
    if queue is not None:
        send_to_cups(pdf, lp_command(printer, queue, title, pages))
        return len(pages)
    return paint_pages(document, printer, pages)
