"""The one thin read-only table model every screen's tables use, and its plain view.

A model holds a list of rows (frozen dataclasses from a service query, or tuples of text),
names its columns in `HEADERS` (with `COL_*` constants in the subclass) and says how a cell
looks through a few small hooks: `display` (required), `tooltip`, `background`,
`foreground` and `key` (the id behind a row, as `UserRole`); `RIGHT` lists the columns
aligned right. `data()` answers those roles and returns None for every other one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class TableModel(QAbstractTableModel, Generic[R]):
    """Rows of `R`, read-only. Column titles are translated in the `CONTEXT` translation
    context (``QT_TRANSLATE_NOOP("columns", …)`` unless a model says otherwise)."""

    HEADERS: tuple[str, ...] = ()
    CONTEXT = "columns"
    RIGHT: frozenset[int] = frozenset()

    def __init__(self, rows: Iterable[R] = (), *, headers: Sequence[str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: tuple[str, ...] = tuple(self.HEADERS if headers is None else headers)
        self.rows: list[R] = list(rows)

    def set_rows(self, rows: Iterable[R]) -> None:
        """Show `rows` instead of the current ones."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, index: int) -> R:
        return self.rows[index]

    # --- how a row looks: overridden by each model --------------------------------------

    def display(self, row: R, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: R, column: int) -> str | None:
        return None

    def background(self, row: R) -> QColor | None:
        return None

    def foreground(self, row: R) -> QColor | None:
        return None

    def key(self, index: int) -> Any:
        """The id behind row `index` (`UserRole`), None when the rows carry none."""
        return None

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return QCoreApplication.translate(self.CONTEXT, self.columns[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in self.RIGHT else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row)
        if role == Qt.ItemDataRole.UserRole:
            return self.key(index.row())
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RowsModel(TableModel[tuple[str, ...]]):
    """Rows of display text under the given column titles; `keys[i]` is the id behind
    row i."""

    def __init__(self, columns: Sequence[str], rows: Sequence[Sequence[str]] = (),
                 keys: Sequence[str] = ()) -> None:
        super().__init__((tuple(r) for r in rows), headers=columns)
        self.keys = list(keys)

    def set_rows(self, rows: Iterable[Sequence[str]],  # type: ignore[override]
                 keys: Sequence[str] = ()) -> None:
        self.keys = list(keys)
        super().set_rows(tuple(r) for r in rows)

    def display(self, row: tuple[str, ...], column: int) -> str:
        return row[column]

    def key(self, index: int) -> str:
        return self.keys[index] if 0 <= index < len(self.keys) else ""


def make_table(model: TableModel[Any], name: str) -> QTableView:
    """A read-only table view of `model`: whole rows selected one at a time."""
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
    """The key of the selected row of a `RowsModel` view ("" when none is selected)."""
    model = view.model()
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows or not isinstance(model, RowsModel):
        return ""
    return model.key(rows[0].row())
