"""In-program PDF preview and printing, shared by every area.

`show_pdf(parent, pdf, title, on_print=…)` opens a window with the document (QtPdf) and a
Cetak button. The window fits the screen it opens on (its buttons stay on a 1366×768 screen),
remembers the size it was last given, and zooms: fit width, whole page, Ctrl++ and Ctrl+−.
Printing goes through the system print dialog; each page is rendered onto white (QtPdf
gives transparent pages) at the printer's resolution. The last printer and paper size are
remembered in QSettings. `on_print` runs after a print was sent, so the
caller can record it (reprints with a reason).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings, QSize
from PySide6.QtGui import (
    QCloseEvent,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from branch_desk.ui.widgets.printing import PrintFailed, print_pdf, render_page

SETTINGS_PRINTER = "printing/last_printer"
SETTINGS_PAPER = "printing/last_paper"
SETTINGS_SIZE = "printing/preview_size"
PREFERRED_SIZE = QSize(820, 960)
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0


class PdfPreviewDialog(QDialog):
    """A document shown with QtPdf, with page count and a print button."""

    def __init__(self, parent: QWidget | None, pdf: bytes | Path, title: str, *,
                 on_print: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWindowTitle(title)
        self.resize(fitted_size(self, remembered_size()))
        self.on_print = on_print
        data = Path(pdf).read_bytes() if isinstance(pdf, Path) else bytes(pdf)
        self._bytes = QByteArray(data)
        self.document = QPdfDocument(self)
        # The buffer is the document's child so it outlives the document's use of it.
        self._buffer = QBuffer(self.document)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet("background: #8a8f96;")
        self.pages_label = QLabel(self.tr("{0} halaman").format(self.document.pageCount()))
        self.pages_label.setObjectName("pdf_pages")
        self.print_button = QPushButton(self.tr("&Cetak…"))
        self.print_button.setObjectName("pdf_print")
        self.print_button.clicked.connect(self.print_with_dialog)
        close = QPushButton(self.tr("&Tutup"))
        close.setObjectName("pdf_close")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        for name, text, tip, action in (
                ("pdf_fit_width", self.tr("Lebar"), self.tr("Muat selebar jendela"),
                 self.fit_width),
                ("pdf_fit_page", self.tr("Halaman"), self.tr("Muat satu halaman utuh"),
                 self.fit_page),
                ("pdf_zoom_out", "−", self.tr("Perkecil (Ctrl+−)"), self.zoom_out),
                ("pdf_zoom_in", "+", self.tr("Perbesar (Ctrl++)"), self.zoom_in)):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_with_dialog)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, activated=self.zoom_in)
        QShortcut(QKeySequence("Ctrl+="), self, activated=self.zoom_in)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, activated=self.zoom_out)
        self.print_button.setDefault(True)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def _zoom_by(self, factor: float) -> None:
        """Zoom from what is shown now (a fit mode's factor included)."""
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom and self.document.pageCount():
            page = self.document.pagePointSize(0)
            viewport = self.view.viewport().size()
            current = viewport.width() / max(page.width() * self.logicalDpiX() / 72, 1)
            if self.view.zoomMode() == QPdfView.ZoomMode.FitInView:
                current = min(current, viewport.height()
                              / max(page.height() * self.logicalDpiY() / 72, 1))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, current * factor)))

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue(SETTINGS_SIZE, self.size())
        # Detach before deletion: QPdfView may still have page renders queued.
        self.view.setDocument(None)  # type: ignore[arg-type]
        self.document.close()
        super().closeEvent(event)

    def page_count(self) -> int:
        return self.document.pageCount()

    def page_image(self, index: int, dpi: float = 60) -> QImage:
        return render_page(self.document, index, dpi)

    def make_printer(self) -> QPrinter:
        """A printer set up as last time (printer name, paper; A4 by default)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        settings = QSettings()
        name = str(settings.value(SETTINGS_PRINTER, "") or "")
        if name:
            printer.setPrinterName(name)
        paper = settings.value(SETTINGS_PAPER, None)
        page_id = QPageSize.PageSizeId.A4
        if paper is not None:
            try:
                page_id = QPageSize.PageSizeId(int(paper))  # type: ignore[call-overload]
            except (TypeError, ValueError):
                page_id = QPageSize.PageSizeId.A4
        printer.setPageSize(QPageSize(page_id))
        if self.document.pageCount():
            first = self.document.pagePointSize(0)
            if first.width() > first.height():
                printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        return printer

    def remember(self, printer: QPrinter) -> None:
        settings = QSettings()
        settings.setValue(SETTINGS_PRINTER, printer.printerName())
        settings.setValue(SETTINGS_PAPER, int(printer.pageLayout().pageSize().id().value))

    def print_to(self, printer: QPrinter) -> int:
        """Print on an already set-up printer (a CUPS queue gets the PDF itself; tests also
        use a PDF printer); records the print. Raises PrintFailed when the printer refuses."""
        pages = print_pdf(bytes(self._bytes.data()), self.document, printer, self.windowTitle())
        if pages:
            self.remember(printer)
            if self.on_print is not None:
                self.on_print()
        return pages

    def print_with_dialog(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak {0}").format(self.windowTitle()))
        dialog.setMinMax(1, max(1, self.page_count()))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            pages = self.print_to(printer)
        except PrintFailed as exc:
            QMessageBox.warning(self, self.tr("Gagal mencetak"), str(exc))
            return
        self.pages_label.setText(self.tr("{0} halaman — {1} halaman dikirim ke printer").format(
            self.page_count(), pages))


def remembered_size() -> QSize:
    """The size the preview was last closed at, or the preferred size."""
    value = QSettings().value(SETTINGS_SIZE, None)
    return value if isinstance(value, QSize) and value.isValid() else PREFERRED_SIZE


def fitted_size(widget: QWidget, wanted: QSize) -> QSize:
    """`wanted`, made small enough for the available part of the screen `widget` opens on
    (its parent's screen), so that the window's frame and buttons stay on it."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size()
    frame = QSize(16, 48)  # title bar and borders the window manager adds
    return QSize(max(480, min(wanted.width(), room.width() - frame.width())),
                 max(360, min(wanted.height(), room.height() - frame.height())))


def show_pdf(parent: QWidget, pdf: bytes | Path, title: str, *,
             on_print: Callable[[], None] | None = None) -> None:
    """Open a preview window of `pdf` (bytes or a file) with a print button."""
    dialog = PdfPreviewDialog(parent, pdf, title, on_print=on_print)
    dialog.show()


def written_pdf(write: Callable[[Path], object], name: str = "dokumen.pdf") -> bytes:
    """The bytes of the PDF that `write(path)` produces in a private temporary folder (the
    folder is removed): for services that write files, so their documents can be previewed."""
    with tempfile.TemporaryDirectory(prefix="branch-desk-") as folder:
        path = Path(folder) / name
        write(path)
        return path.read_bytes()


def preview_written(parent: QWidget, write: Callable[[Path], object], name: str,
                    title: str) -> None:
    """The PDF that `write(path)` produces, in the preview; a failure is shown instead
    (a DomainError's message, or the crash dialog) and nothing opens."""
    from branch_desk.ui.shell.errors import show_error

    try:
        pdf = written_pdf(write, name)
    except Exception as exc:
        show_error(parent, exc)
        return
    show_pdf(parent, pdf, title)
