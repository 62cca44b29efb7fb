"""Review tabs: conflicts and proposals (restore or keep), duplicate NIK cases (merge),
digest comparison with a peer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_desk.services.sync import review as sync_review
from branch_desk.services.sync.identity import list_peers
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.shell.operations import WriteOp
from branch_desk.ui.widgets.formatting import fmt_datetime
from branch_desk.ui.widgets.tables import fill_table, text_table


class ConflictsTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[sync_review.ConflictRow] = []
        note = QLabel(self.tr(
            "Nilai yang kalah karena diubah bersamaan di dua kantor (konflik), dan perubahan "
            "data milik kantor ini oleh kantor lain (usulan: tidak diterapkan di kantor mana "
            "pun; Pulihkan menerapkannya sebagai perubahan kantor ini). Pulihkan nilai yang "
            "kalah atau pertahankan nilai sekarang."))
        note.setWordWrap(True)
        self.table = text_table("sync_conflicts", [
            self.tr("Jenis"), self.tr("Data"), self.tr("Kolom"), self.tr("Nilai kalah"),
            self.tr("Dari"), self.tr("Nilai sekarang"), self.tr("Pemenang")])
        self.restore_button = QPushButton(self.tr("&Pulihkan nilai yang kalah"))
        self.restore_button.setObjectName("sync_restore")
        self.keep_button = QPushButton(self.tr("Pertahankan nilai &sekarang"))
        self.keep_button.setObjectName("sync_keep")
        self.restore_button.clicked.connect(lambda: self.resolve(restore=True))
        self.keep_button.clicked.connect(lambda: self.resolve(restore=False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        with self.ctx.reading() as uow:
            self.rows = sync_review.list_conflicts(uow)
        kinds = {"conflict": self.tr("Konflik"), "proposal": self.tr("Usulan")}
        fill_table(self.table, [[kinds.get(r.kind, r.kind), f"{r.table_label} {r.row_id[-8:]}",
                                 r.field, shown(r.losing_value), f"{r.losing_office} "
                                 f"({r.losing_by})", shown(r.current_value), r.winning_office]
                                for r in self.rows], empty="—")

    def resolve(self, *, restore: bool, row: int | None = None) -> None:
        index = self.table.currentRow() if row is None else row
        if not 0 <= index < len(self.rows):
            return
        conflict_id = self.rows[index].id
        decide = sync_review.restore_conflict if restore else sync_review.keep_current
        WriteOp(self, self.ctx, lambda uow: decide(uow, conflict_id=conflict_id)
                ).success(lambda _row: self.refresh()).run()


class QuarantineTab(QWidget):
    """Received changes applied nowhere: no column here accepts a value of theirs."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[sync_review.QuarantineRow] = []
        note = QLabel(self.tr(
            "Perubahan dari kantor lain yang nilainya tidak dapat disimpan (terlalu panjang, "
            "karakter terlarang, tanggal atau jenis tidak sah). Perubahan ini tidak "
            "diterapkan; sisa berkas tetap diterapkan. Minta kantor asal memperbaiki datanya."))
        note.setWordWrap(True)
        self.table = text_table("sync_quarantine", [
            self.tr("Kantor asal"), self.tr("Data"), self.tr("Alasan"), self.tr("Diterima")])
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        with self.ctx.reading() as uow:
            self.rows = sync_review.list_quarantine(uow)
        fill_table(self.table, [[f"{q.origin} #{q.seq}", f"{q.table_label} {q.row_id[-8:]}",
                                 service_text(q.reason), fmt_datetime(q.detected_at)]
                                for q in self.rows], empty="—")


class DuplicatesTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[sync_review.DuplicateRow] = []
        note = QLabel(self.tr(
            "Peserta dengan NIK sama yang didaftarkan di dua kantor. Gabungkan ke salah satu: "
            "riwayat iuran, klaim dan ahli waris keduanya dipindahkan, tidak ada yang "
            "dihapus."))
        note.setWordWrap(True)
        self.table = text_table("sync_duplicates", [self.tr("NIK"), self.tr("Peserta pertama"),
                                               self.tr("Peserta kedua")])
        self.keep_first = QPushButton(self.tr("Gabung ke peserta &pertama"))
        self.keep_first.setObjectName("sync_keep_first")
        self.keep_second = QPushButton(self.tr("Gabung ke peserta &kedua"))
        self.keep_second.setObjectName("sync_keep_second")
        self.keep_first.clicked.connect(lambda: self.merge(first=True))
        self.keep_second.clicked.connect(lambda: self.merge(first=False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_first)
        buttons.addWidget(self.keep_second)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        with self.ctx.reading() as uow:
            self.rows = sync_review.list_duplicates(uow)
        fill_table(self.table, [[r.nik, r.first_label, r.second_label] for r in self.rows],
                   empty="—")

    def merge(self, *, first: bool, row: int | None = None) -> None:
        index = self.table.currentRow() if row is None else row
        if not 0 <= index < len(self.rows):
            return
        case = self.rows[index]
        keep_id = case.first_id if first else case.second_id
        WriteOp(self, self.ctx, lambda uow: sync_review.merge_duplicate(
            uow, case_id=case.id, keep_id=keep_id)).success(lambda _row: self.refresh()).run()


class DigestTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.peer = QComboBox()
        self.peer.setObjectName("sync_digest_peer")
        self.peer.currentIndexChanged.connect(lambda _i: self.refresh())
        self.verdict = QLabel()
        self.verdict.setObjectName("sync_digest_verdict")
        self.table = text_table("sync_digest", [self.tr("Data"), self.tr("Di kantor ini"),
                                           self.tr("Di kantor mitra"), self.tr("Status")])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bandingkan dengan ringkasan dari berkas terakhir:")))
        top.addWidget(self.peer)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table)

    def load_peers(self) -> None:
        with self.ctx.reading() as uow:
            peers = list_peers(uow)
        current = self.peer.currentData()
        self.peer.blockSignals(True)
        self.peer.clear()
        for p in peers:
            self.peer.addItem(f"{p.office_code} — {p.office_name}", p.office_code)
        if current:
            self.peer.setCurrentIndex(max(self.peer.findData(current), 0))
        self.peer.blockSignals(False)

    def refresh(self) -> None:
        code = self.peer.currentData()
        if not code:
            self.verdict.setText(self.tr("Belum ada kantor mitra yang dipercaya."))
            fill_table(self.table, [])
            return
        with self.ctx.reading() as uow:
            lines = sync_review.compare_digest(uow, peer=code)
        if all(x.theirs is None for x in lines):
            self.verdict.setText(self.tr("Belum ada berkas dari {0}.").format(code))
        elif all(x.same for x in lines):
            self.verdict.setText(self.tr("✔ Data bersama SAMA dengan {0}.").format(code))
            self.verdict.setStyleSheet("color: #137333; font-weight: bold;")
        else:
            differ = sum(1 for x in lines if not x.same)
            self.verdict.setText(self.tr("✖ {0} tabel BERBEDA dengan {1} — tukar berkas lagi "
                                         "lalu bandingkan ulang.").format(differ, code))
            self.verdict.setStyleSheet("color: #b3261e; font-weight: bold;")
        fill_table(self.table, [[x.table_label, x.ours, x.theirs,
                                 self.tr("sama") if x.same else self.tr("BEDA")] for x in lines],
                   empty="—")


def shown(value: Any) -> str:
    """A conflict's value as the officer reads it: "(kosong)" for nothing."""
    if value is None or value == "":
        return QCoreApplication.translate("sync", "(kosong)")
    return str(value)
