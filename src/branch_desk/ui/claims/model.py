"""A thin read-only table model over `ClaimListRow`s."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_rupiah
from branch_desk.services.claims.queries import ClaimListRow

Index = QModelIndex | QPersistentModelIndex


class ClaimsModel(QAbstractTableModel):
    COL_NUMBER, COL_TYPE, COL_NAME, COL_EVENT, COL_STATUS, COL_TOTAL, COL_NOTE = range(7)
    HEADERS = (QT_TRANSLATE_NOOP("ClaimsModel", "Nomor klaim"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Jenis"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Peserta"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Tgl kejadian"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Status"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Manfaat"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Catatan"))

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ClaimListRow] = []

    def set_rows(self, rows: list[ClaimListRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            note = []
            if not row.eligible:
                note.append(self.tr("tidak memenuhi syarat"))
            if row.late:
                note.append(self.tr("terlambat"))
            return (row.number, row.claim_type, row.participant_name,
                    format_date(row.event_date, "medium"), row.status_label,
                    format_rupiah(row.total_amount), ", ".join(note))[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.number
        return None
