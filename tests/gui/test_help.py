"""Bantuan: the user guide inside the program (searchable, with its pictures; English in
English mode), the keyboard shortcuts and Tentang; the English guide against the Indonesian
one (same sections, lists, code and pictures)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QTableWidget

from branch_desk import __version__
from branch_desk.domain.resources_path import resource_path
from branch_desk.ui.shell.help import GUIDE, GUIDE_EN, guide_path
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


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_f1_opens_the_english_guide_in_english_mode(qtbot, office, language):
    window = _window(qtbot, office)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.show_guide()
    assert guide.isVisible() and window.findChildren(type(guide)) == [guide]
    assert guide.windowTitle() == "User guide"
    text = guide.browser.document().toPlainText()
    for heading in ("Branch Desk User Guide", "1. Getting started", "5. Claims",
                    "Office users (admin)"):
        assert heading in text
    for heading in ("Panduan Pengguna Branch Desk", "Memulai", "Pengguna kantor (admin)"):
        assert heading not in text  # not the Indonesian guide, nor a mix
    names = _pictures(guide.browser.document())
    assert len(names) == len(_markdown(GUIDE_EN).images) >= 10
    assert all(Path(name).name.startswith("guide-en-") for name in names), names
    assert guide.matches("password") >= 2 and guide.matches("kata sandi") == 0
    guide.search.setText("password")
    assert guide.found.text() == f"{guide.matches('password')} found"
    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.browser.textCursor().selectedText().lower() == "password"
    guide.search.setText("not in the guide xyz")
    assert not guide.find_next() and guide.found.text() == "0 found"


@pytest.mark.parametrize(("language", "name"), [("id", "user-guide.md"),
                                                ("en", "user-guide.en.md")],
                         indirect=["language"])
def test_the_guide_follows_the_interface_language(language, name):
    assert guide_path().name == name and guide_path().is_file()


def _pictures(document) -> list[str]:
    """The names of the pictures of `document`, each checked to have loaded."""
    names = [fragment.charFormat().toImageFormat().name()
             for block in _blocks(document) for fragment in block
             if fragment.charFormat().isImageFormat()]
    for name in names:
        image = document.resource(QTextDocument.ResourceType.ImageResource, name)
        assert image is not None and not image.isNull(), name  # the picture itself was found
    return names


class _Guide:
    """What a translation must keep of the guide: its headings (level by level, in order),
    its list items and inline code per section, and its pictures."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.headings: list[tuple[int, str]] = []
        self.sections: list[tuple[int, Counter[str]]] = []  # (list items, inline code)
        self.images: list[str] = []
        fenced = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                fenced = not fenced
                continue
            heading = re.match(r"(#{1,6}) (.+)", line)
            if heading and not fenced:
                self.headings.append((len(heading.group(1)), heading.group(2)))
                self.sections.append((0, Counter()))
                continue
            if not self.sections:
                continue
            items, code = self.sections[-1]
            if re.match(r"\s*- ", line):
                items += 1
            code.update(re.findall(r"`([^`]+)`", line))
            self.sections[-1] = (items, code)
            self.images += re.findall(r"!\[[^\]]*\]\(([^)]+)\)", line)


def _markdown(parts: tuple[str, str]) -> _Guide:
    return _Guide(resource_path(*parts))


def test_the_english_guide_has_the_indonesian_guides_structure_and_pictures():
    indonesian, english = _markdown(GUIDE), _markdown(GUIDE_EN)
    assert len(indonesian.headings) >= 10
    assert ([level for level, _ in english.headings]
            == [level for level, _ in indonesian.headings])  # same headings at each level
    assert (Counter(level for level, _ in english.headings)
            == Counter(level for level, _ in indonesian.headings))
    for (level, title), ours, theirs in zip(indonesian.headings, indonesian.sections,
                                            english.sections, strict=True):
        assert theirs == ours, f"section {'#' * level} {title}: list items and code differ"
    assert len(indonesian.images) >= 10
    assert [image.replace("screenshots/guide-en-", "screenshots/guide-")
            for image in english.images] == indonesian.images
    assert all(Path(image).name.startswith("guide-en-") for image in english.images)
    assert not any(Path(image).name.startswith("guide-en-") for image in indonesian.images)
    for guide in (indonesian, english):
        for image in guide.images:
            assert (guide.path.parent / image).is_file(), f"{guide.path.name}: {image}"


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
