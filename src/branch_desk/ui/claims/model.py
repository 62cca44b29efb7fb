"""The claims list as a table model over `ClaimListRow`s."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from branch_desk.domain.claim_payment import PaymentTiming
from branch_desk.services.claims.queries import ClaimListRow
from branch_desk.ui.claims.deadline import timing_sentence, timing_short
from branch_desk.ui.widgets.formatting import fmt_date, fmt_money
from branch_desk.ui.widgets.i18n_domain import domain_label
from branch_desk.ui.widgets.table_model import TableModel


class ClaimsModel(TableModel[ClaimListRow]):
    """Claims with BPJS's payment deadline as of `today` (set by the page)."""

    # What an officer looks for first (status, benefit, BPJS's deadline) comes before the
    # event date, so that it stays in view beside the detail at 1366×768.
    COL_NUMBER, COL_TYPE, COL_NAME, COL_STATUS, COL_TOTAL, COL_DUE, COL_EVENT, COL_NOTE = (
        range(8))
    HEADERS = (QT_TRANSLATE_NOOP("ClaimsModel", "Nomor klaim"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Jenis"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Peserta"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Status"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Manfaat"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Batas bayar BPJS"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Tgl kejadian"),
               QT_TRANSLATE_NOOP("ClaimsModel", "Catatan"))
    CONTEXT = "ClaimsModel"
    RIGHT = frozenset({COL_TOTAL})
    today: date | None = None

    def timing(self, row: ClaimListRow) -> PaymentTiming | None:
        return row.payment_timing(self.today) if self.today else None

    def background(self, row: ClaimListRow) -> QColor | None:
        timing = self.timing(row)
        return QColor("#ffebee") if timing and timing.late and not timing.paid else None

    def tooltip(self, row: ClaimListRow, column: int) -> str | None:
        return timing_sentence(self.timing(row)) or None if column == self.COL_DUE else None

    def display(self, row: ClaimListRow, column: int) -> str:
        if column == self.COL_DUE:
            return timing_short(self.timing(row))
        if column == self.COL_NOTE:
            note = []
            if not row.eligible:
                note.append(self.tr("tidak memenuhi syarat"))
            if row.late:
                note.append(self.tr("terlambat"))
            return ", ".join(note)
        if column == self.COL_TOTAL:  # nothing is payable on a claim the law does not allow
            return fmt_money(row.total_amount) if row.eligible else "—"
        if column == self.COL_EVENT:
            return fmt_date(row.event_date, "medium")
        return (row.number, row.claim_type, row.participant_name,
                domain_label(row.status_label))[column]

    def key(self, index: int) -> str:
        return self.rows[index].number
