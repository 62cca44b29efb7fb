"""The claims list as a table model over `ClaimListRow`s."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_rupiah
from branch_desk.services.claims.queries import ClaimListRow
from branch_desk.ui.widgets.table_model import TableModel


class ClaimsModel(TableModel[ClaimListRow]):
    COL_NUMBER, COL_TYPE, COL_NAME, COL_EVENT, COL_STATUS, COL_TOTAL, COL_NOTE = range(7)
    HEADERS = (QT_TRANSLATE_NOOP("ClaimsModel", "Nomor klaim"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Jenis"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Peserta"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Tgl kejadian"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Status"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Manfaat"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Catatan"))
    CONTEXT = "ClaimsModel"
    RIGHT = frozenset({COL_TOTAL})

    def display(self, row: ClaimListRow, column: int) -> str:
        if column == self.COL_NOTE:
            note = []
            if not row.eligible:
                note.append(self.tr("tidak memenuhi syarat"))
            if row.late:
                note.append(self.tr("terlambat"))
            return ", ".join(note)
        return (row.number, row.claim_type, row.participant_name,
                format_date(row.event_date, "medium"), row.status_label,
                format_rupiah(row.total_amount))[column]

    def key(self, index: int) -> str:
        return self.rows[index].number
