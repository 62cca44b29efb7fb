"""The rows of an import report as a table model: every row of a 100,000-row list is
shown without building 500,000 cell items, filtered by status (rejected, with notes, …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from branch_desk.services.participants.importing import (
    NEW,
    PRESENT,
    REJECTED,
    STATUS_LABELS,
    ImportRowResult,
)

COLOURS = {NEW: QColor("#E7F4EC"), PRESENT: QColor("#EEF1F5"), REJECTED: QColor("#FDE9E7")}
ALL, WITH_NOTES = "semua", "catatan"

_FILTERS: dict[str, Callable[[ImportRowResult], bool]] = {
    ALL: lambda row: True,
    REJECTED: lambda row: row.status == REJECTED,
    WITH_NOTES: lambda row: bool(row.warnings),
    NEW: lambda row: row.status == NEW,
    PRESENT: lambda row: row.status == PRESENT,
}

Index = QModelIndex | QPersistentModelIndex


def _note(row: ImportRowResult) -> str:
    return " ".join(filter(None, (row.message, *row.warnings)))


class ImportRowsModel(QAbstractTableModel):
    """Sheet row, status, masked NIK, name and the reason or notes of each report row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: tuple[ImportRowResult, ...] = ()
        self._shown: list[ImportRowResult] = []
        self._filter = ALL
        self._headers = [self.tr("Baris"), self.tr("Status"), self.tr("NIK"), self.tr("Nama"),
                         self.tr("Keterangan")]

    def set_rows(self, rows: tuple[ImportRowResult, ...], shown: str = ALL) -> None:
        """The rows of a new report, of which those of kind `shown` are shown."""
        self._all = rows
        self.set_filter(shown)

    def set_filter(self, name: str) -> None:
        """Show only the rows of one kind (`ALL`, `REJECTED`, `WITH_NOTES`, `NEW`, `PRESENT`)."""
        self.beginResetModel()
        self._filter = name
        keep = _FILTERS[name]
        self._shown = [row for row in self._all if keep(row)]
        self.endResetModel()

    def counts(self) -> dict[str, int]:
        """How many rows of the report each filter shows."""
        return {name: sum(1 for row in self._all if keep(row))
                for name, keep in _FILTERS.items()}

    def row_at(self, index: int) -> ImportRowResult:
        return self._shown[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._shown[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole:
                return _note(row) or None
            return (str(row.row), STATUS_LABELS[row.status], row.nik_masked, row.name,
                    _note(row))[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return COLOURS[row.status]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
