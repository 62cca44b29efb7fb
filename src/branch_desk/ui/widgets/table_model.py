"""A thin read-only table model over rows of display text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from branch_desk.ui.widgets.i18n_domain import column

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of strings with column titles; `keys[i]` is the id behind row i."""

    def __init__(self, columns: Sequence[str], rows: Sequence[Sequence[str]] = (),
                 keys: Sequence[str] = ()) -> None:
        super().__init__()
        self.columns = tuple(columns)
        self.rows: list[tuple[str, ...]] = [tuple(r) for r in rows]
        self.keys = list(keys)

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[str] = ()) -> None:
        self.beginResetModel()
        self.rows = [tuple(r) for r in rows]
        self.keys = list(keys)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column(self.columns[section])
        return None

    def key(self, row: int) -> str:
        return self.keys[row] if 0 <= row < len(self.keys) else ""


def make_table(model: RowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


def selected_key(view: QTableView) -> str:
    model = view.model()
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows or not isinstance(model, RowsModel):
        return ""
    return model.key(rows[0].row())
