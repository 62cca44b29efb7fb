"""The rows of an import report as a table model: every row of a 100,000-row list is
shown without building 500,000 cell items, filtered by status (rejected, with notes, …)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QColor

from branch_desk.services.participants.importing import (
    NEW,
    PRESENT,
    REJECTED,
    STATUS_LABELS,
    ImportRowResult,
)
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.widgets.table_model import TableModel

COLOURS = {NEW: QColor("#E7F4EC"), PRESENT: QColor("#EEF1F5"), REJECTED: QColor("#FDE9E7")}
ALL, WITH_NOTES = "semua", "catatan"

_FILTERS: dict[str, Callable[[ImportRowResult], bool]] = {
    ALL: lambda row: True,
    REJECTED: lambda row: row.status == REJECTED,
    WITH_NOTES: lambda row: bool(row.warnings),
    NEW: lambda row: row.status == NEW,
    PRESENT: lambda row: row.status == PRESENT,
}


def _note(row: ImportRowResult) -> str:
    return " ".join(service_text(text) for text in (row.message, *row.warnings) if text)


class ImportRowsModel(TableModel[ImportRowResult]):
    """Sheet row, status, masked NIK, name and the reason or notes of each report row."""

    COL_ROW, COL_STATUS, COL_NIK, COL_NAME, COL_NOTE = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("ImportRowsModel", "Baris"),
               QT_TRANSLATE_NOOP("ImportRowsModel", "Status"),
               QT_TRANSLATE_NOOP("ImportRowsModel", "NIK"),
               QT_TRANSLATE_NOOP("ImportRowsModel", "Nama"),
               QT_TRANSLATE_NOOP("ImportRowsModel", "Keterangan"))
    CONTEXT = "ImportRowsModel"
    RIGHT = frozenset({COL_ROW})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._all: tuple[ImportRowResult, ...] = ()

    def set_report(self, rows: tuple[ImportRowResult, ...], shown: str = ALL) -> None:
        """The rows of a new report, of which those of kind `shown` are shown."""
        self._all = rows
        self.set_filter(shown)

    def set_filter(self, name: str) -> None:
        """Show only the rows of one kind (`ALL`, `REJECTED`, `WITH_NOTES`, `NEW`, `PRESENT`)."""
        keep = _FILTERS[name]
        self.set_rows(row for row in self._all if keep(row))

    def counts(self) -> dict[str, int]:
        """How many rows of the report each filter shows."""
        return {name: sum(1 for row in self._all if keep(row))
                for name, keep in _FILTERS.items()}

    def display(self, row: ImportRowResult, column: int) -> str:
        return (str(row.row), STATUS_LABELS[row.status], row.nik_masked, row.name,
                _note(row))[column]

    def tooltip(self, row: ImportRowResult, column: int) -> str | None:
        return _note(row) or None

    def background(self, row: ImportRowResult) -> QColor:
        return COLOURS[row.status]
