"""What a walk through the screens checks on each window: texts cut off (labels, buttons, combo
boxes, table cells), table columns off to the right, buttons outside the window, Qt's English
standard words in Indonesian mode, Indonesian words in English mode (the catalogue's texts,
and the statuses, counts and percentages in labels, choices and table cells), the navigation's
page names."""

from __future__ import annotations

import re
from functools import cache
from xml.etree import ElementTree

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QMenuBar,
    QScrollArea,
    QTabBar,
    QTableView,
    QWidget,
)

from tests.support.gui import clipped_texts, elided_cells

SCREEN = QRect(0, 0, 1366, 740)  # 768 less the taskbar
WIDE = QRect(0, 0, 1920, 1050)  # 1080 less the taskbar
# Columns a table may leave to its scroll bar at 1366×768: placed last on purpose, and shown
# whole in the detail beside the list.
MAY_SCROLL = {"claims_table": {"Tgl kejadian", "Catatan", "Event date", "Notes"}}
# English words for a state that a translation can give a button by mistake ("Batal" is both
# the Cancel button and the cancelled status).
STATES_NOT_ACTIONS = {"Cancelled", "Rejected", "Paid", "Issued", "Submitted"}
QT_ENGLISH = {"OK", "Cancel", "&Cancel", "Yes", "&Yes", "No", "&No", "Open", "&Open", "Save",
              "&Save", "Close", "&Close", "Apply", "Reset", "Help", "Discard", "Abort",
              "Retry", "Ignore", "Select All", "&Copy", "&Paste", "Cu&t", "&Undo", "&Redo"}


def _scrolled_into(widget: QWidget) -> QScrollArea | None:
    """The scroll area `widget` lives in, if any."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def window_problems(window: QWidget, where: str, screen: QRect = SCREEN, *,
              language: str = "id") -> list[str]:
    """What is wrong in `window` as shown; it must fit `screen` (a dialog: the screen it
    opened on, which sizes it)."""
    found = [f"{where}: cut off: {text!r}" for text in clipped_texts(window)]
    if window.width() > screen.width() or window.height() > screen.height():
        found.append(f"{where}: the window needs {window.width()}×{window.height()}")
    for table in window.findChildren(QTableView):
        if table.isVisible() and table.model() is not None and table.model().rowCount():
            scroll = table.horizontalScrollBar()
            if scroll.maximum() > 0:
                hidden = [table.model().headerData(c, Qt.Orientation.Horizontal)
                          for c in range(table.model().columnCount())
                          if table.columnViewportPosition(c) + table.columnWidth(c)
                          > table.viewport().width()]
                hidden = [h for h in hidden if h not in MAY_SCROLL.get(table.objectName(), ())]
                if hidden:
                    found.append(f"{where}: {table.objectName()} columns off to the right: "
                                 f"{hidden}")
    for table in window.findChildren(QTableView):
        found += [f"{where}: cut off: {cell}" for cell in elided_cells(table)]
    area = QRect(QPoint(0, 0), window.size())
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text():
            continue
        shown = _scrolled_into(button) or button  # a scroll area brings its buttons in view
        corner = shown.mapTo(window, QPoint(0, 0))
        if not area.contains(QRect(corner, shown.size())):
            found.append(f"{where}: outside the window: {button.text()!r}")
        if language == "id" and button.text() in QT_ENGLISH:
            found.append(f"{where}: English: {button.text()!r}")
        if language == "en" and button.text().replace("&", "") in STATES_NOT_ACTIONS:
            found.append(f"{where}: a button named as a state: {button.text()!r}")
    if language == "en":
        found += [f"{where}: Indonesian in English mode: {text!r}"
                  for text in untranslated_texts(window)]
        found += [f"{where}: Indonesian in English mode: {text!r} ({', '.join(words)})"
                  for text, words in indonesian_words(window)]
    return found


def nav_cut(nav: QListWidget) -> list[str]:
    """The chosen page's name in the navigation when it does not fit (bold, 11 pt, with the
    item's 14-pixel padding each side, as the style sheet draws it)."""
    item = nav.currentItem()
    font = QFont(nav.font())
    font.setPointSizeF(11)
    font.setBold(True)
    if QFontMetrics(font).horizontalAdvance(item.text()) + 28 > nav.viewport().width():
        return [f"navigation: cut off: {item.text()!r}"]
    return []


@cache
def _indonesian_sources() -> frozenset[str]:
    """The Indonesian texts of the catalogue whose English differs, without their `&`."""
    from branch_desk.domain.resources_path import resource_path

    tree = ElementTree.parse(resource_path("i18n", "branch_desk_en.ts"))
    found = set()
    for message in tree.getroot().iter("message"):
        source = (message.findtext("source") or "").replace("&", "")
        english = (message.findtext("translation") or "").replace("&", "")
        if source and english and source != english and "{" not in source:
            found.add(source)
    return frozenset(found)


def untranslated_texts(window: QWidget) -> list[str]:
    """In English mode: the texts shown under `window` (labels, buttons, tabs, group boxes,
    menus, table headers and cells, list choices) that are an Indonesian text of the
    catalogue."""
    sources = _indonesian_sources()
    return sorted({text for text in _shown_texts(window) if text.replace("&", "") in sources})


# Indonesian words a label, a choice or a cell shows in English mode when a status, a label, a
# count or a percentage was left untranslated. Names of people, places, partners, offices and
# login names are data and stay as written, so only words that are none of those are listed.
INDONESIAN = frozenset((
    "draf", "diajukan", "diverifikasi", "disetujui", "dibayar", "ditolak", "aktif", "nonaktif",
    "lunas", "terbit", "batal", "diperpanjang", "berakhir", "dibatalkan", "penerima", "upah",
    "bukan", "mandiri", "tanpa", "semua", "wilayah", "tahun", "tidak", "ya", "hari", "sisa",
    "lewat", "terlambat", "dan", "dari", "yang", "belum", "sudah", "untuk", "dengan", "bulan",
    "baris", "peserta", "klaim", "iuran", "tagihan", "laki-laki", "perempuan", "tambah",
    "ubah", "hapus"))
_COMMA_PERCENT = re.compile(r"\d,\d\d%")
_TABLE_ROWS = 20  # the first rows of a table are read


def _shown_texts(window: QWidget) -> list[str]:
    """The texts visible in `window`: its title, labels, buttons, group boxes, tabs, menus,
    list choices, and the headers and first rows of its tables."""
    texts: list[str] = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                texts.append(action.text())
                if action.menu() is not None:
                    texts += [a.text() for a in action.menu().actions()]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount())]
            texts += [str(model.index(r, c).data() or "")
                      for r in range(min(model.rowCount(), _TABLE_ROWS))
                      for c in range(model.columnCount())
                      # a cell the officer types in holds data, not the program's words
                      if not model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable]
    return texts


def indonesian_words(window: QWidget) -> list[tuple[str, list[str]]]:
    """In English mode: each text shown in `window` with the Indonesian words (and decimal
    commas in percentages) it still holds."""
    found = []
    for text in _shown_texts(window):
        words = re.findall(r"[A-Za-z-]+", re.sub(r"<[^>]+>", " ", text))
        bad = [w for w in words if w.lower() in INDONESIAN] + _COMMA_PERCENT.findall(text)
        if bad:
            found.append((text, bad))
    return found
