"""Month and day pickers of the Iuran widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def month_edit(name: str, value: date) -> QDateEdit:
    """A month picker ("Januari 2026") starting at `value`: the arrow keys and the wheel step
    through months and years; there is no day to pick (no calendar of days)."""
    edit = QDateEdit(QDate(value.year, value.month, 1), objectName=name)
    edit.setDisplayFormat("MMMM yyyy")
    edit.setCurrentSection(QDateEdit.Section.MonthSection)
    return edit


def day_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value), objectName=name, calendarPopup=True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


def as_date(edit: QDateEdit) -> date:
    return edit.date().toPython()  # type: ignore[no-any-return]
