"""The PDF preview on an office screen: it fits the screen it opens on, remembers its size,
zooms, and its Cetak and Tutup buttons stay on the screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QPushButton, QToolButton, QWidget

from branch_desk.ui.widgets.pdf_preview import PREFERRED_SIZE, PdfPreviewDialog
from tests.support.pdf import sample_pdf


def _open(qtbot, parent: QWidget) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(parent, sample_pdf(pages=3), "Contoh")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _on_screen(widget: QWidget) -> bool:
    screen = widget.screen().availableGeometry()
    top_left = widget.mapToGlobal(QPoint(0, 0))
    bottom_right = widget.mapToGlobal(QPoint(widget.width() - 1, widget.height() - 1))
    return screen.contains(top_left) and screen.contains(bottom_right)


def test_preview_fits_the_screen_and_keeps_its_buttons_on_it(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = _open(qtbot, parent)
    room = dialog.screen().availableGeometry().size()
    assert room.height() < PREFERRED_SIZE.height()  # the test screen is smaller than wanted
    assert dialog.height() <= room.height() and dialog.width() <= room.width()
    for name in ("pdf_print", "pdf_close"):
        button = dialog.findChild(QPushButton, name)
        assert button.isVisible() and _on_screen(button), name


def test_preview_zooms_and_remembers_its_size(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = _open(qtbot, parent)
    view = dialog.view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    dialog.findChild(QToolButton, "pdf_fit_page").click()
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView
    dialog.findChild(QToolButton, "pdf_zoom_in").click()
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    larger = view.zoomFactor()
    dialog.zoom_out()
    dialog.zoom_out()
    assert view.zoomFactor() < larger
    for _ in range(30):
        dialog.zoom_out()
    assert view.zoomFactor() >= 0.25  # never zoomed into nothing
    dialog.fit_width()
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    dialog.resize(QSize(600, 420))
    dialog.close()
    again = _open(qtbot, parent)
    assert again.size() == QSize(600, 420)
