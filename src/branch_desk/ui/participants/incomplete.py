""""Belum lengkap": the active participants whose record still misses a village, address or
occupation (of one partner or area), completed one after another from the keyboard: Enter
opens the form on the chosen one, Save opens the next."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branch_desk.services.participants.queries import incomplete_participants
from branch_desk.services.participants.rows import IncompleteRow, ParticipantRow
from branch_desk.ui.participants.edit_form import ParticipantEditForm
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error

LIMIT = 500
# The fields of registration.INCOMPLETE_FIELDS as the list names what is missing.
MISSING = {"village_code": QT_TRANSLATE_NOOP("IncompleteDialog", "desa/kelurahan"),
           "address": QT_TRANSLATE_NOOP("IncompleteDialog", "alamat"),
           "occupation": QT_TRANSLATE_NOOP("IncompleteDialog", "pekerjaan")}


class IncompleteDialog(QDialog):
    """The incomplete records of `partner_code` and/or `village_code` (None: all)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 partner_code: str | None = None, village_code: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.partner_code, self.village_code = partner_code, village_code
        self.rows: tuple[IncompleteRow, ...] = ()
        self.form: ParticipantEditForm | None = None
        self.setObjectName("incomplete")
        self.setWindowTitle(self.tr("Data peserta belum lengkap"))
        where = ", ".join(x for x in (partner_code, village_code) if x) or self.tr("semua")
        self.heading = QLabel(self.tr("Peserta aktif yang datanya belum lengkap ({0}). Enter: "
                                      "lengkapi; Simpan membuka peserta berikutnya.").format(where),
                              objectName="incomplete_heading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 5, objectName="incomplete_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("KPJ"), self.tr("Nama"), self.tr("Desa/Kel."), self.tr("Mitra"),
            self.tr("Belum ada")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        self.table.activated.connect(lambda _index: self.complete_current())
        self.count = QLabel(objectName="incomplete_count")
        complete = QPushButton(self.tr("&Lengkapi"), objectName="complete")
        complete.setDefault(True)  # Enter in the list opens the form
        complete.clicked.connect(self.complete_current)
        close = QPushButton(self.tr("Tutup"), objectName="close")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        buttons.addWidget(complete)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(860, 520)
        self.reload()

    def reload(self) -> None:
        try:
            with self.ctx.reading() as uow:
                page = incomplete_participants(uow, partner_code=self.partner_code,
                                               village_code=self.village_code, limit=LIMIT)
        except Exception as exc:
            show_error(self, exc)
            return
        self.rows = page.rows
        self.table.setRowCount(len(self.rows))
        for r, item in enumerate(self.rows):
            p = item.row
            values = (p.kpj, p.name, p.village_name or "—", p.partner_code or self.tr("Mandiri"),
                      ", ".join(self.tr(MISSING[f]) for f in item.missing))
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        more = "+" if page.has_more else ""
        self.count.setText(self.tr("{0}{1} peserta belum lengkap").format(len(self.rows), more)
                           if self.rows else self.tr("Semua data peserta sudah lengkap."))
        if self.rows:
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def complete_current(self) -> ParticipantEditForm | None:
        """Open the edit form on the selected participant (the first when none is)."""
        if not self.rows:
            return None
        row = max(0, self.table.currentRow())
        return self.complete(self.rows[row].row.id)

    def complete(self, participant_id: str) -> ParticipantEditForm:
        form = ParticipantEditForm(self.ctx, participant_id, self)
        form.saved.connect(self._saved)
        form.open()
        self.form = form
        return form

    def _saved(self, saved: ParticipantRow) -> None:
        """Open the next incomplete participant after the one just saved (in list order)."""
        before = [r.row.id for r in self.rows]
        self.reload()
        if not self.rows:
            self.form = None
            return
        position = before.index(saved.id) if saved.id in before else -1
        later = set(before[position + 1:])
        following = [r.row.id for r in self.rows if r.row.id in later]
        others = [r.row.id for r in self.rows if r.row.id != saved.id]
        chosen = (following or others or [None])[0]
        if chosen is None:  # only the one just saved, still incomplete: stay in the list
            self.form = None
            return
        self.table.selectRow([r.row.id for r in self.rows].index(chosen))
        self.complete(chosen)
