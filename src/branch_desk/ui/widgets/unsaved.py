"""Unsaved work: pages and dialogs say what typed input is not saved yet, and closing the
program, logging out or closing a form asks before that input is thrown away.

A page in `main_window.PAGES` may define `unsaved_work() -> list[str]`: one line per form
with unsaved input, naming it so the officer knows what would be lost. Every question here
defaults to the harmless answer: Enter or Esc goes back, nothing is discarded by habit.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

_B = QMessageBox.StandardButton


def unsaved_work_of(widgets: Iterable[QWidget]) -> list[str]:
    """The unsaved work the widgets report (those without `unsaved_work` report none)."""
    found: list[str] = []
    for widget in widgets:
        report = getattr(widget, "unsaved_work", None)
        if callable(report):
            found.extend(report())
    return found


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QDateEdit):
        date: QDate = widget.date()
        return date.toJulianDay()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.toPlainText().strip()
    if isinstance(widget, QTableWidget):
        return tuple((r, c, item.text().strip()) for r in range(widget.rowCount())
                     for c in range(widget.columnCount())
                     if (item := widget.item(r, c)) is not None and item.text().strip())
    return None


def _inner(widget: QWidget) -> bool:
    """The line edit inside a combo box or a spin/date box (its owner holds the value)."""
    return isinstance(widget.parent(), (QComboBox, QAbstractSpinBox))


def form_state(root: QWidget) -> tuple[object, ...]:
    """The values of every input widget under `root`, comparable with an earlier state
    (widgets that hold no input, such as labels and plain buttons, are left out)."""
    values = ((w, _value(w)) for w in root.findChildren(QWidget) if not _inner(w))
    return tuple((w.objectName(), value) for w, value in values if value is not None)


class UnsavedQuestion(QMessageBox):
    """A question whose default and Esc answer is "Kembali ke formulir"."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setIcon(QMessageBox.Icon.Question)

    def _ask(self, title: str, text: str, info: str, discard: str) -> UnsavedQuestion:
        self.setWindowTitle(title)
        self.setText(text)
        self.setInformativeText(info)
        self.addButton(_B.Discard).setText(discard)
        self.addButton(_B.Cancel).setText(self.tr("&Kembali ke formulir"))
        self.setDefaultButton(_B.Cancel)  # Enter keeps the work
        self.setEscapeButton(_B.Cancel)
        label = self.findChild(QLabel, "qt_msgbox_label")
        if label is not None:  # a list of forms reads better wide than wrapped
            label.setMinimumWidth(420)
        return self

    def leave_program(self, items: list[str], *, logout: bool) -> UnsavedQuestion:
        lines = "\n".join(f"• {item}" for item in items)
        if logout:
            text = self.tr("Isian berikut belum disimpan dan akan hilang bila Anda keluar "
                           "akun:\n\n{0}").format(lines)
            discard = self.tr("&Buang dan keluar akun")
        else:
            text = self.tr("Isian berikut belum disimpan dan akan hilang bila program "
                           "ditutup:\n\n{0}").format(lines)
            discard = self.tr("&Buang dan tutup")
        return self._ask(self.tr("Ada isian yang belum disimpan"), text,
                         self.tr("Kembali ke formulir untuk menyimpannya? (Enter atau Esc: "
                                 "kembali)"), discard)

    def close_form(self, what: str) -> UnsavedQuestion:
        return self._ask(self.tr("Tutup formulir?"),
                         self.tr("Isian {0} belum disimpan dan akan hilang.").format(what),
                         self.tr("Enter atau Esc: kembali ke formulir."),
                         self.tr("&Buang isian"))

    def answer(self) -> QMessageBox.StandardButton:
        self.exec()
        answer = self.standardButton(self.clickedButton())
        self.deleteLater()
        return answer


def confirm_leave(parent: QWidget, items: list[str], *, logout: bool) -> bool:
    """True when the officer agrees to lose `items` by closing the program (or logging out)."""
    box = UnsavedQuestion(parent, "unsaved_leave").leave_program(items, logout=logout)
    return box.answer() == _B.Discard


def confirm_close_form(parent: QWidget, what: str) -> bool:
    """True when the officer agrees to close a form whose input `what` is not saved."""
    return UnsavedQuestion(parent, "unsaved_close_form").close_form(what).answer() == _B.Discard


class GuardedDialog(QDialog):
    """A form dialog that asks before Esc, Batal or the title bar's close drop typed input.
    What the form shows when it first appears counts as clean (`mark_clean()` again after
    loading a record); `describe()` names the form in questions; `discard()` closes without
    asking."""

    _clean: tuple[object, ...] | None = None

    def mark_clean(self) -> None:
        self._clean = form_state(self)

    def showEvent(self, event: QShowEvent) -> None:
        if self._clean is None:
            self.mark_clean()
        super().showEvent(event)

    def has_changes(self) -> bool:
        return self._clean is not None and form_state(self) != self._clean

    def describe(self) -> str:
        """How the questions name this form's input."""
        return self.windowTitle()

    def unsaved_work(self) -> list[str]:
        return [self.describe()] if self.isVisible() and self.has_changes() else []

    def reject(self) -> None:
        if self.has_changes() and not confirm_close_form(self, self.describe()):
            return
        super().reject()

    def discard(self) -> None:
        super().reject()


def open_forms_of(widget: QWidget) -> list[str]:
    """The unsaved work of the form dialogs open over `widget` (for a page's report)."""
    return [line for form in widget.findChildren(GuardedDialog) for line in form.unsaved_work()]
