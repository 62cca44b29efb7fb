"""Detail view of one participant: personal data (full NIK on request, audited),
programmes, heirs, contributions, claims and the history of changes; from here the data is
corrected (Ubah data, Koreksi NIK) and the status changed (nonaktif, aktif kembali,
meninggal dunia), each with its reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.coverage import month_label
from branch_desk.domain.participant_history import labelled_changes, summary
from branch_desk.domain.permissions import Permission
from branch_desk.domain.programs import FundingSource, Segment
from branch_desk.domain.registration import is_deceased
from branch_desk.services import clock
from branch_desk.services.participants.detail import ParticipantDetail, participant_detail
from branch_desk.services.participants.registry import (
    correct_nik,
    deactivate_participant,
    declare_death,
    reactivate_participant,
    reveal_nik,
)
from branch_desk.services.participants.rows import HistoryRow
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.participants.edit_form import ParticipantEditForm
from branch_desk.ui.participants.status_dialog import StatusDialog
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.messages import service_text, service_value
from branch_desk.ui.shell.operations import WriteOp
from branch_desk.ui.widgets.formatting import fmt_date, fmt_datetime, fmt_money
from branch_desk.ui.widgets.i18n_domain import domain_label, relationship_text


def _table(columns: tuple[str, ...], rows: list[tuple[str, ...]], name: str) -> QTableWidget:
    table = QTableWidget(len(rows), len(columns), objectName=name)
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    return table


def _reason(h: HistoryRow) -> str | None:
    """The status reason an entry wrote, if any."""
    return next((after for field, _before, after in h.changes if field == "status_reason"), None)


class ParticipantDetailDialog(QDialog):
    """Everything about one participant, read through `participant_detail`."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.participant_id = participant_id
        self.setObjectName("participant_detail")
        self.resize(760, 560)
        self.tabs = QTabWidget(objectName="detail_tabs")
        layout = QVBoxLayout(self)
        self.title = QLabel(objectName="detail_title")
        layout.addWidget(self.title)
        layout.addWidget(self.tabs)
        buttons = QHBoxLayout()
        self.show_nik = QPushButton(self.tr("Tampilkan NIK lengkap"), objectName="show_nik")
        self.show_nik.setVisible(ctx.actor.can(Permission.VIEW_FULL_NIK))
        self.show_nik.clicked.connect(self.reveal)
        self.edit = QPushButton(self.tr("&Ubah data…"), objectName="edit")
        self.edit.setVisible(ctx.actor.can(Permission.EDIT_PARTICIPANTS))
        self.edit.clicked.connect(self.open_edit)
        self.correct = QPushButton(self.tr("&Koreksi NIK…"), objectName="correct_nik")
        self.correct.setVisible(ctx.actor.can(Permission.CORRECT_NIK))
        self.correct.clicked.connect(self._correct_nik)
        self.deactivate = QPushButton(self.tr("&Nonaktifkan…"), objectName="deactivate")
        self.deactivate.clicked.connect(self._deactivate)
        self.reactivate = QPushButton(self.tr("&Aktifkan kembali…"), objectName="reactivate")
        self.reactivate.clicked.connect(self._reactivate)
        self.death = QPushButton(self.tr("Catat &meninggal…"), objectName="death")
        self.death.clicked.connect(self._death)
        close = QPushButton(self.tr("Tutup"), objectName="close")
        close.clicked.connect(self.accept)
        for button in (self.show_nik, self.edit, self.correct, self.deactivate, self.reactivate,
                       self.death):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        with self.ctx.reading() as uow:
            self.detail = participant_detail(uow, self.participant_id)
        self._fill(self.detail)

    def _fill(self, d: ParticipantDetail) -> None:
        r = d.row
        self.setWindowTitle(self.tr("Peserta {0}").format(r.name))
        self.title.setText(f"<b>{escape(r.name)}</b> — KPJ {escape(r.kpj)} — "
                           + (self.tr("Aktif") if r.status == "aktif" else self.tr("Nonaktif")))
        may = self.ctx.actor.can(Permission.DEACTIVATE_PARTICIPANTS)
        self.deactivate.setVisible(may and r.status == "aktif")
        self.reactivate.setVisible(may and r.status != "aktif")
        self.death.setVisible(may and self.ctx.actor.can(Permission.RECORD_DEATHS)
                              and not is_deceased(r.status, r.status_reason))
        self.tabs.clear()
        personal = QWidget()
        form = QFormLayout(personal)
        self.nik_label = QLabel(r.nik_masked, objectName="nik_value")
        rows = (
            (self.tr("NIK"), self.nik_label),
            (self.tr("KPJ"), r.kpj), (self.tr("Nama"), r.name),
            (self.tr("Tanggal lahir"), fmt_date(r.birth_date)),
            (self.tr("Jenis kelamin"),
             self.tr("Laki-laki") if r.sex == "L" else self.tr("Perempuan")),
            (self.tr("Alamat"), r.address or "—"),
            (self.tr("Desa/kelurahan"), f"{r.village_name} ({r.village_code})"
             if r.village_code else self.tr("belum diisi")),
            (self.tr("No. HP"), r.phone or "—"), (self.tr("Pekerjaan"), r.occupation or "—"),
            (self.tr("Segmen"), domain_label(Segment(r.segment).label)),
            (self.tr("Sumber dana"), domain_label(FundingSource(r.funding_source).label)
             + (f" — {r.partner_code}" if r.partner_code else "")),
            (self.tr("Penghasilan/upah"), fmt_money(r.income)),
            (self.tr("Mulai kepesertaan (TMT)"), fmt_date(r.tmt)),
            (self.tr("Terdaftar"), fmt_date(r.registered_on)),
        )
        for label, value in rows:
            form.addRow(label, value if isinstance(value, QWidget) else QLabel(str(value)))
        if r.status_reason:
            form.addRow(self.tr("Alasan status"), QLabel(r.status_reason))
        self.tabs.addTab(personal, self.tr("Data pribadi"))
        self.tabs.addTab(_table(
            (self.tr("Program"), self.tr("Mulai"), self.tr("Berakhir")),
            [(e.program, fmt_date(e.start_date), fmt_date(e.end_date) if e.end_date
              else self.tr("berjalan")) for e in d.enrolments], "enrolments"),
            self.tr("Program"))
        self.tabs.addTab(_table(
            (self.tr("Nama"), self.tr("Hubungan"), self.tr("NIK"), self.tr("No. HP")),
            [(h.name, relationship_text(h.relationship), h.nik_masked or "—", h.phone or "—")
             for h in d.heirs],
            "heirs"), self.tr("Ahli waris"))
        self.tabs.addTab(self._section(
            (self.tr("Nomor"), self.tr("Jenis"), self.tr("Bulan"), self.tr("Jumlah"),
             self.tr("Dibayar"), self.tr("Oleh")),
            [(p.number, p.kind, f"{month_label(p.first_month)} – {month_label(p.last_month)}",
              fmt_money(p.amount), p.paid_on.strftime("%d-%m-%Y"), p.payer)
             for p in d.payments], "contributions", self.tr("Belum ada pembayaran iuran.")),
            self.tr("Riwayat iuran"))
        self.tabs.addTab(self._section(
            (self.tr("Nomor"), self.tr("Jenis"), self.tr("Tanggal kejadian"), self.tr("Status"),
             self.tr("Jumlah")),
            [(c.number, c.claim_type, fmt_date(c.event_date, "medium"), c.status_label,
              fmt_money(c.total_amount)) for c in d.claims], "claims",
            self.tr("Belum ada klaim.")), self.tr("Klaim"))
        self.tabs.addTab(_table(
            (self.tr("Waktu"), self.tr("Oleh"), self.tr("Kejadian"), self.tr("Rincian")),
            [(fmt_datetime(h.at), h.username,
              service_text(summary(h.table, h.action, h.status, _reason(h))),
              self._details(h)) for h in d.history],
            "history"), self.tr("Riwayat"))

    def _section(self, columns: tuple[str, ...], rows: list[tuple[str, ...]], name: str,
                 empty: str) -> QWidget:
        """A table of `rows`, or the note `empty` when there are none."""
        if not rows:
            label = QLabel(empty, objectName=f"{name}_empty")
            label.setWordWrap(True)
            holder = QWidget(objectName=name)
            QVBoxLayout(holder).addWidget(label)
            return holder
        return _table(columns, rows, name)

    def _details(self, h: HistoryRow) -> str:
        """The fields an entry changed ("NIK: 7309…0001 → 7309…0009") and its reason."""
        parts = [f"{service_text(f)}: {service_value(b)} → {service_value(a)}"
                 if b not in ("—", "") else f"{service_text(f)}: {service_value(a)}"
                 for f, b, a in labelled_changes(h.changes)]
        if h.note:
            parts.append(self.tr("Alasan: {0}").format(h.note) if parts else h.note)
        return "; ".join(parts)

    def reveal(self) -> None:
        """Show the full NIK (the service records who saw it)."""
        WriteOp(self, self.ctx, lambda uow: reveal_nik(uow, self.participant_id)
                ).success(self.nik_label.setText).run()

    # --- corrections and status changes (each saved against the version shown) -------------

    def open_edit(self) -> ParticipantEditForm:
        """The form "Ubah data peserta"; the window shows the saved data afterwards."""
        form = ParticipantEditForm(self.ctx, self.participant_id, self)
        form.saved.connect(lambda _row: self.load())
        form.open()
        return form

    def _ask(self, title: str, **options: Any) -> StatusDialog | None:
        dialog = StatusDialog(self, title, today=clock.today(), **options)
        return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _correct_nik(self) -> None:
        note = self.tr("NIK sekarang: {0}. Tanggal lahir dan jenis kelamin yang terbaca dari "
                       "NIK ikut NIK baru.").format(self.detail.row.nik_masked)
        if dialog := self._ask(self.tr("Koreksi NIK"), nik=True, note=note):
            self.correct_nik_with(dialog.nik.text(), dialog.reason.text())

    def _deactivate(self) -> None:
        if dialog := self._ask(self.tr("Nonaktifkan peserta"),
                               date_label=self.tr("Berlaku &mulai")):
            self.deactivate_with(dialog.reason.text(), on=dialog.chosen_date())

    def _reactivate(self) -> None:
        if dialog := self._ask(self.tr("Aktifkan kembali peserta"),
                               date_label=self.tr("Berlaku &mulai")):
            self.reactivate_with(dialog.reason.text(), on=dialog.chosen_date())

    def _death(self) -> None:
        note = self.tr("Peserta nonaktif sejak tanggal meninggal; program berakhir pada "
                       "tanggal itu.")
        if dialog := self._ask(self.tr("Catat peserta meninggal dunia"),
                               date_label=self.tr("Tanggal &meninggal"), note=note):
            self.record_death_with(dialog.chosen_date(), dialog.reason.text())

    def _write(self, op: Callable[[UnitOfWork, int], object]) -> bool:
        version = self.detail.row.version
        return WriteOp(self, self.ctx, lambda uow: op(uow, version)).success(
            lambda _row: self.load()).run()

    def deactivate_with(self, reason: str, on: date | None = None) -> bool:
        """Deactivate the participant for `reason` from `on` (today); True when done."""
        return self._write(lambda uow, version: deactivate_participant(
            uow, participant_id=self.participant_id, reason=reason, expected_version=version,
            on=on))

    def reactivate_with(self, reason: str, on: date | None = None) -> bool:
        """Make the participant active again for `reason` from `on` (today)."""
        return self._write(lambda uow, version: reactivate_participant(
            uow, participant_id=self.participant_id, reason=reason, expected_version=version,
            on=on))

    def record_death_with(self, died_on: date, reason: str) -> bool:
        """Record the participant's death on `died_on` (inactive from that date)."""
        return self._write(lambda uow, version: declare_death(
            uow, participant_id=self.participant_id, died_on=died_on, reason=reason,
            expected_version=version))

    def correct_nik_with(self, new_nik: str, reason: str) -> bool:
        """Correct the participant's NIK (a supervisor, with a reason)."""
        return self._write(lambda uow, version: correct_nik(
            uow, participant_id=self.participant_id, new_nik=new_nik, reason=reason,
            expected_version=version))
