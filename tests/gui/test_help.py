"""Bantuan: the user guide inside the program (searchable, with its pictures), the keyboard
shortcuts and Tentang."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QTableWidget

from branch_desk import __version__
from branch_desk.ui.shell.startup import open_main_window
from branch_desk.ui.shell.worker import Runner


def _window(qtbot, office):
    window = open_main_window(office.db, office.actors["petugas"],
                              runner=Runner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_f1_opens_the_searchable_guide_with_its_pictures(qtbot, office):
    window = _window(qtbot, office)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.show_guide()
    assert guide.isVisible() and window.findChildren(type(guide)) == [guide]  # one window
    document = guide.browser.document()
    assert "Panduan Pengguna Branch Desk" in document.toPlainText()
    images = [fragment for block in _blocks(document) for fragment in block
              if fragment.charFormat().isImageFormat()]
    assert len(images) >= 10
    first = images[0].charFormat().toImageFormat().name()
    image = document.resource(QTextDocument.ResourceType.ImageResource, first)
    assert image is not None and not image.isNull(), first  # the picture itself was found
    assert guide.matches("kata sandi") >= 2
    guide.search.setText("kata sandi")
    assert guide.found.text() == f"{guide.matches('kata sandi')} ditemukan"
    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.browser.textCursor().selectedText().lower() == "kata sandi"
    start = guide.browser.textCursor().selectionStart()
    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.browser.textCursor().selectionStart() > start
    guide.search.setText("tidak ada di panduan xyz")
    assert not guide.find_next() and guide.found.text() == "0 ditemukan"


def _blocks(document):
    block = document.begin()
    while block.isValid():
        fragments, it = [], block.begin()
        while not it.atEnd():
            fragments.append(it.fragment())
            it += 1
        yield fragments
        block = block.next()


def test_shortcuts_and_about(qtbot, office):
    window = _window(qtbot, office)
    shortcuts = window.show_shortcuts()
    table = shortcuts.findChild(QTableWidget, "shortcuts_table")
    keys = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert keys["Ctrl+1"] == "Buka halaman Beranda" and keys["Ctrl+N"] == "Baru"
    assert "F1" in keys and "Ctrl+P" in keys
    shortcuts.close()
    about = window.show_about()
    text = about.findChild(QLabel, "about_text").text()
    assert __version__ in text and "Kantor Cabang Maros (MRS)" in text
    assert str(office.path) in text or office.path.name in text
    about.close()
