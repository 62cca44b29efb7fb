"""Driving the real widgets from a test: a page's context, the keyboard, message boxes, timers."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from branch_desk.db.engine import Database
from branch_desk.domain.actor import Actor
from branch_desk.services.admin.offices import office_row
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.worker import Runner
from tests.support.offices import Office
from tests.support.sync import SyncOffice


def app_context(office: Office | SyncOffice, user: str = "petugas", *,
                actor: Actor | None = None) -> AppContext:
    """What a page gets from the main window, for `user` logged in to `office` (or `actor`,
    for a sync test's office, which has no named users); work runs synchronously."""
    if actor is None:
        assert isinstance(office, Office), "a sync test's office needs actor=office.admin"
        actor = office.actors[user]
    return context_for(office.db, actor)


def context_for(db: Database, actor: Actor) -> AppContext:
    """The main window's context for `actor` on `db`; work runs synchronously."""
    with UnitOfWork(db, actor) as uow:
        row = office_row(uow)
    return AppContext(db=db, actor=actor, office=row, runner=Runner(synchronous=True))


def stop_timers(widget: QObject) -> None:
    """Stop the forms' delayed previews before the widget is closed: a preview firing in the
    next test would read a database that is gone (PostgreSQL drops it at teardown)."""
    for timer in widget.findChildren(QTimer):
        timer.stop()


def focused() -> QWidget:
    """The widget with the keyboard focus (there must be one)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, times: int = 1) -> QWidget:
    """Press `key` on whatever has the focus (as a keyboard would); the new focus widget."""
    for _ in range(times):
        qtbot.keyClick(focused(), key)
        QApplication.processEvents()  # item editors commit and close through queued calls
    return focused()


def type_text(qtbot: QtBot, text: str) -> None:
    """Type `text` key by key into whatever has the focus (an editor may open midway)."""
    for char in text:
        qtbot.keyClicks(focused(), char)


@dataclass
class Seen:
    """What the box showed: its object name, title, texts, buttons and default button."""

    name: str = ""
    title: str = ""
    text: str = ""
    info: str = ""
    buttons: list[str] = field(default_factory=list)
    default: str = ""


def answer_next_box(key: Qt.Key) -> Seen:
    """Press `key` in the next message box that opens (Enter, Esc, or a button's mnemonic
    letter, which a QMessageBox takes without Alt); returns what the box showed, filled in
    once it has opened."""
    seen = Seen()

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.name, seen.title, seen.text = box.objectName(), box.windowTitle(), box.text()
        seen.info = box.informativeText()
        seen.buttons = [b.text() for b in box.buttons()]
        seen.default = box.defaultButton().text() if box.defaultButton() else ""
        QTest.keyClick(box, key)

    QTimer.singleShot(0, answer)
    return seen


def clipped_texts(root: QWidget) -> list[str]:
    """The visible labels, buttons and combo boxes under `root` whose text does not fit
    them: a wrapped label shorter than its lines, a one-line label or button narrower than
    its text, a combo box whose chosen item is cut off; an empty field whose hint is cut
    off, a tab whose title does not fit the tab bar, a table header cut off."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QStyle,
        QStyleOptionComboBox,
        QTabBar,
    )

    clipped = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
            room = widget.contentsRect().width() - 8  # the frame's and the text's margins
            hint = widget.placeholderText()
            if widget.fontMetrics().horizontalAdvance(hint) > room:
                clipped.append(f"hint {hint!r}")
            continue
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                rect = widget.tabRect(i)
                if rect.right() > widget.width() or rect.left() < 0 \
                        or rect.width() < widget.fontMetrics().horizontalAdvance(
                            widget.tabText(i).replace("&", "")):
                    clipped.append(f"tab {widget.tabText(i)!r}")
            continue
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model = widget.model()
            for c in range(model.columnCount() if model is not None else 0):
                if widget.isSectionHidden(c) or widget.sectionViewportPosition(c) \
                        + widget.sectionSize(c) > widget.width():
                    continue  # a column scrolled off is the walk's own check
                title = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                if widget.fontMetrics().horizontalAdvance(title) + 8 > widget.sectionSize(c):
                    clipped.append(f"header {title!r}")
            continue
        if isinstance(widget, QComboBox) and not widget.isEditable():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            field = widget.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                  QStyle.SubControl.SC_ComboBoxEditField,
                                                  widget)
            if widget.fontMetrics().horizontalAdvance(widget.currentText()) > field.width():
                clipped.append(widget.currentText())
            continue
        if not isinstance(widget, QLabel | QAbstractButton):
            continue
        text = widget.text()
        if not text or (isinstance(widget, QLabel) and widget.pixmap() is not None
                        and not widget.pixmap().isNull()):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.height() < widget.heightForWidth(widget.width()):
                clipped.append(text)
        elif widget.width() < widget.minimumSizeHint().width() - 1:
            clipped.append(text)
    return clipped


def elided_cells(table: QTableView, *, rows: int = 30) -> list[str]:
    """The cells of the first `rows` rows of a visible table that are cut off ("…"): the
    text with the cell's margins is wider than its column (columns scrolled off to the right
    are the walk test's own check)."""
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QStyle

    model = table.model()
    if model is None or not table.isVisible():
        return []
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                            table) + 1)
    visible_width = table.viewport().width()
    found = []
    for row in range(min(rows, model.rowCount())):
        for column in range(model.columnCount()):
            if table.isColumnHidden(column):
                continue
            left = table.columnViewportPosition(column)
            if left < 0 or left + table.columnWidth(column) > visible_width:
                continue
            index = model.index(row, column)
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if not text:
                continue
            font = model.data(index, Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font if isinstance(font, QFont) else table.font())
            icon = model.data(index, Qt.ItemDataRole.DecorationRole)
            extra = table.iconSize().width() + 4 if icon is not None else 0
            widest = max(metrics.horizontalAdvance(line) for line in str(text).splitlines())
            if widest + margin + extra > table.columnWidth(column):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                found.append(f"{table.objectName()}[{header}]: {text!r}")
    return found
