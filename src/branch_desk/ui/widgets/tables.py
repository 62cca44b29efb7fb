"""Read-only item tables of text rows (QTableWidget), for short lists a page fills at once;
long or paged lists use a `table_model.TableModel` instead."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem


def text_table(name: str, headers: Sequence[str]) -> QTableWidget:
    """An empty read-only table named `name`: whole rows selected one at a time, no row
    numbers, the last column stretched. `headers` are shown as given (already translated)."""
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(list(headers))
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.verticalHeader().setVisible(False)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def fill_table(widget: QTableWidget, rows: Sequence[Sequence[object]], *,
               right: Sequence[int] = (), empty: str = "") -> None:
    """Replace the table's rows: a None cell shows `empty`, columns in `right` are
    right-aligned (figures), and the columns are fitted to their contents."""
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(empty if value is None else str(value))
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setItem(r, c, item)
    widget.resizeColumnsToContents()
