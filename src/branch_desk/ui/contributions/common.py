"""Month and day pickers of the Iuran widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def month_edit(name: str, value: date) -> QDateEdit:
    """A month picker (MM-yyyy) starting at `value`."""
    edit = QDateEdit(QDate(value.year, value.month, 1), objectName=name, calendarPopup=True)
    edit.setDisplayFormat("MM-yyyy")
    return edit


def day_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value), objectName=name, calendarPopup=True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


def as_date(edit: QDateEdit) -> date:
    return edit.date().toPython()  # type: ignore[no-any-return]
