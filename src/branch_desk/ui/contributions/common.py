"""Small helpers shared by the Iuran widgets."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QTableWidget, QTableWidgetItem

from branch_desk.ui.widgets.i18n_domain import column


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


def table(name: str, titles: Sequence[str]) -> QTableWidget:
    widget = QTableWidget(0, len(titles), objectName=name)
    widget.setHorizontalHeaderLabels([column(t) for t in titles])
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    widget.verticalHeader().setVisible(False)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def fill(widget: QTableWidget, rows: Sequence[Sequence[object]],
         right: Sequence[int] = ()) -> None:
    """Replace the table's rows; columns in `right` are right-aligned (figures)."""
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setItem(r, c, item)
    widget.resizeColumnsToContents()
