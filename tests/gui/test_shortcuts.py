"""Ctrl+N, Ctrl+F and Ctrl+P on the main window reach the page shown (Peserta, Iuran, Klaim),
and a page without the action says so in the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from branch_desk.ui.participants.form import ParticipantForm
from branch_desk.ui.shell.main_window import MainWindow
from branch_desk.ui.shell.shortcuts import install_page_shortcuts
from tests.support.contributions import person
from tests.support.gui import app_context

CTRL = Qt.KeyboardModifier.ControlModifier


def window_for(qtbot, office) -> MainWindow:
    window = MainWindow(app_context(office))
    qtbot.addWidget(window)
    if window.findChild(QAction, "shortcut_new_item") is None:  # until main_window calls it
        install_page_shortcuts(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_shortcuts_dispatch_to_the_current_page(office, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("branch_desk.ui.widgets.pdf_preview.show_pdf",
                        lambda parent, pdf, title, **kw: shown.append((pdf, title)))
    person(office, 1)
    window = window_for(qtbot, office)

    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # Peserta
    page = window.pages["peserta"]
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is page.search
    qtbot.keyClick(page.search, Qt.Key.Key_N, CTRL)
    form = next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, ParticipantForm) and w.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.nik)
    qtbot.keyClick(form.nik, Qt.Key.Key_Escape)
    assert not form.isVisible()
    window.activateWindow()  # a desktop gives the focus back by itself; offscreen does not
    qtbot.waitUntil(window.isActiveWindow)
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_P, CTRL)
    assert len(shown) == 1 and shown[0][0].startswith(b"%PDF")
    assert page.list_model.row_at(0).kpj in shown[0][1]

    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # Klaim
    claims = window.pages["klaim"]
    assert claims.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is claims.search
    qtbot.keyClick(claims.search, Qt.Key.Key_N, CTRL)
    assert claims.currentWidget() is claims.intake
    assert QApplication.focusWidget() is claims.intake.search

    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # Iuran
    contributions = window.pages["iuran"]
    contributions.setCurrentWidget(contributions.bills)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert contributions.currentWidget() is contributions.payment
    assert QApplication.focusWidget() is contributions.payment.lookup

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)  # Beranda has no search
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert "tidak punya kolom pencarian" in window.statusBar().currentMessage()


def test_the_actions_are_in_a_menu_with_their_keys(office, qtbot):
    window = window_for(qtbot, office)
    keys = {a.objectName(): a.shortcut().toString() for a in window.findChildren(QAction)
            if a.objectName().startswith("shortcut_")}
    assert keys == {"shortcut_new_item": "Ctrl+N", "shortcut_focus_search": "Ctrl+F",
                    "shortcut_print_current": "Ctrl+P"}
