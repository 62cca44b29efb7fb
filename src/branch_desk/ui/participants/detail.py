"""Detail view of one participant: personal data (full NIK on request, audited),
programmes, heirs, contributions, claims and the history of changes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.coverage import month_label
from branch_desk.domain.dates import format_date, format_datetime
from branch_desk.domain.money import format_rupiah
from branch_desk.domain.participant_history import labelled_changes, summary
from branch_desk.domain.permissions import Permission
from branch_desk.domain.programs import FundingSource, Segment
from branch_desk.services.participants.detail import ParticipantDetail, participant_detail
from branch_desk.services.participants.registry import deactivate_participant, reveal_nik
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.operations import WriteOp
from branch_desk.ui.widgets.i18n_domain import domain_label


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
        self.deactivate = QPushButton(self.tr("Nonaktifkan…"), objectName="deactivate")
        self.deactivate.setVisible(ctx.actor.can(Permission.DEACTIVATE_PARTICIPANTS))
        self.deactivate.clicked.connect(self._deactivate)
        close = QPushButton(self.tr("Tutup"), objectName="close")
        close.clicked.connect(self.accept)
        buttons.addWidget(self.show_nik)
        buttons.addWidget(self.deactivate)
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
        self.title.setText(f"<b>{r.name}</b> — KPJ {r.kpj} — "
                           + (self.tr("Aktif") if r.status == "aktif" else self.tr("Nonaktif")))
        self.deactivate.setEnabled(r.status == "aktif")
        self.tabs.clear()
        personal = QWidget()
        form = QFormLayout(personal)
        self.nik_label = QLabel(r.nik_masked, objectName="nik_value")
        rows = (
            (self.tr("NIK"), self.nik_label),
            (self.tr("KPJ"), r.kpj), (self.tr("Nama"), r.name),
            (self.tr("Tanggal lahir"), format_date(r.birth_date)),
            (self.tr("Jenis kelamin"),
             self.tr("Laki-laki") if r.sex == "L" else self.tr("Perempuan")),
            (self.tr("Alamat"), r.address or "—"),
            (self.tr("Desa/kelurahan"), f"{r.village_name} ({r.village_code})"
             if r.village_code else self.tr("belum diisi")),
            (self.tr("No. HP"), r.phone or "—"), (self.tr("Pekerjaan"), r.occupation or "—"),
            (self.tr("Segmen"), domain_label(Segment(r.segment).label)),
            (self.tr("Sumber dana"), domain_label(FundingSource(r.funding_source).label)
             + (f" — {r.partner_code}" if r.partner_code else "")),
            (self.tr("Penghasilan/upah"), format_rupiah(r.income)),
            (self.tr("Mulai kepesertaan (TMT)"), format_date(r.tmt)),
            (self.tr("Terdaftar"), format_date(r.registered_on)),
        )
        for label, value in rows:
            form.addRow(label, value if isinstance(value, QWidget) else QLabel(str(value)))
        if r.status_reason:
            form.addRow(self.tr("Alasan status"), QLabel(r.status_reason))
        self.tabs.addTab(personal, self.tr("Data pribadi"))
        self.tabs.addTab(_table(
            (self.tr("Program"), self.tr("Mulai"), self.tr("Berakhir")),
            [(e.program, format_date(e.start_date), format_date(e.end_date) if e.end_date
              else self.tr("berjalan")) for e in d.enrolments], "enrolments"),
            self.tr("Program"))
        self.tabs.addTab(_table(
            (self.tr("Nama"), self.tr("Hubungan"), self.tr("NIK"), self.tr("No. HP")),
            [(h.name, h.relationship, h.nik_masked or "—", h.phone or "—") for h in d.heirs],
            "heirs"), self.tr("Ahli waris"))
        self.tabs.addTab(self._section(
            (self.tr("Nomor"), self.tr("Jenis"), self.tr("Bulan"), self.tr("Jumlah"),
             self.tr("Dibayar"), self.tr("Oleh")),
            [(p.number, p.kind, f"{month_label(p.first_month)} – {month_label(p.last_month)}",
              format_rupiah(p.amount), p.paid_on.strftime("%d-%m-%Y"), p.payer)
             for p in d.payments], "contributions", self.tr("Belum ada pembayaran iuran.")),
            self.tr("Riwayat iuran"))
        self.tabs.addTab(self._section(
            (self.tr("Nomor"), self.tr("Jenis"), self.tr("Tanggal kejadian"), self.tr("Status"),
             self.tr("Jumlah")),
            [(c.number, c.claim_type, c.event_date.strftime("%d-%m-%Y"), c.status_label,
              format_rupiah(c.total_amount)) for c in d.claims], "claims",
            self.tr("Belum ada klaim.")), self.tr("Klaim"))
        self.tabs.addTab(_table(
            (self.tr("Waktu"), self.tr("Oleh"), self.tr("Kejadian"), self.tr("Rincian")),
            [(format_datetime(h.at), h.username, summary(h.table, h.action, h.status),
              "; ".join(f"{f}: {b} → {a}" if b not in ("—", "") else f"{f}: {a}"
                        for f, b, a in labelled_changes(h.changes)) or h.note)
             for h in d.history],
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

    def reveal(self) -> None:
        """Show the full NIK (the service records who saw it)."""
        WriteOp(self, self.ctx, lambda uow: reveal_nik(uow, self.participant_id)
                ).success(self.nik_label.setText).run()

    def _deactivate(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Nonaktifkan peserta"),
                                          self.tr("Alasan penonaktifan:"))
        if ok:
            self.deactivate_with(reason)

    def deactivate_with(self, reason: str) -> bool:
        """Deactivate the participant for `reason`; True when done."""
        version = self.detail.row.version
        return WriteOp(self, self.ctx, lambda uow: deactivate_participant(
            uow, participant_id=self.participant_id, reason=reason, expected_version=version)
        ).success(lambda _row: self.load()).run()
