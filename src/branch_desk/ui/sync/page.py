"""Sinkronisasi: exchange files with other offices, review conflicts and duplicates, compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.permissions import Permission
from branch_desk.services.sync import exchange as sync_files
from branch_desk.services.sync import identity as sync_identity
from branch_desk.services.sync.review import table_title
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.shell.operations import BackgroundReadOp, BackgroundWriteOp, WriteOp
from branch_desk.ui.sync.review import ConflictsTab, DigestTab, DuplicatesTab, QuarantineTab

FILTER = QT_TRANSLATE_NOOP("ExchangeTab", "Berkas sinkronisasi (*.bdsync);;Semua berkas (*)")


def describe(result: Any) -> str:
    lines = [(QCoreApplication.translate("describe", "PRATINJAU — belum disimpan.") + "\n"
              if result.dry_run else "") + service_text(result.message),
             QCoreApplication.translate("describe", "Dari kantor {0}, berkas no. {1}.").format(
                 result.source, result.serial)]
    if result.schema_note:
        lines.append(service_text(result.schema_note))
    for table, per in sorted(result.tables.items()):
        lines.append(f"  • {table_title(table)}: " + QCoreApplication.translate(
            "describe", "{0} baru, {1} diubah").format(per.get("baru", 0), per.get("diubah", 0)))
    for kind, title in (("conflict", QCoreApplication.translate("describe", "Konflik")),
                        ("proposal", QCoreApplication.translate("describe", "Usulan"))):
        for item in result.samples.get(kind, [])[:10]:
            lines.append(f"  ! {title} {item['table']}.{item['field']}: " + QCoreApplication
                         .translate("describe", "{0} kalah oleh {1}")
                         .format(repr(item["losing"]), repr(item["winning"])))
    if result.duplicates:
        lines.append("  ! " + QCoreApplication.translate(
            "describe", "{0} kasus NIK ganda perlu digabung (tab NIK ganda).").format(
            result.duplicates))
    return "\n".join(lines)


class ExchangeTab(QWidget):
    """Export for a peer; import with a preview first; identity and trust."""

    def __init__(self, ctx: AppContext, page: SyncPage) -> None:
        super().__init__()
        self.ctx, self.page = ctx, page
        self.pending: Path | None = None
        self.peer = QComboBox()
        self.peer.setObjectName("sync_peer")
        self.export_button = QPushButton(self.tr("&Ekspor berkas untuk kantor ini…"))
        self.export_button.setObjectName("sync_export")
        self.export_button.clicked.connect(self._ask_export)
        self.import_button = QPushButton(self.tr("&Pilih berkas untuk diimpor…"))
        self.import_button.setObjectName("sync_import")
        self.import_button.clicked.connect(self._ask_import)
        self.apply_button = QPushButton(self.tr("&Terapkan impor"))
        self.apply_button.setObjectName("sync_apply")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply_import)
        self.report = QPlainTextEdit()
        self.report.setObjectName("sync_report")
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(self.tr(
            "Pilih berkas .bdsync: isinya diperiksa (tanda tangan, checksum, kantor tujuan) "
            "dan ditampilkan dulu sebelum diterapkan."))
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("sync_fingerprint")
        self.identity_button = QPushButton(self.tr("Simpan berkas &identitas…"))
        self.identity_button.setObjectName("sync_identity")
        self.identity_button.clicked.connect(self._ask_identity)
        self.trust_button = QPushButton(self.tr("P&ercayai kantor dari berkas identitas…"))
        self.trust_button.setObjectName("sync_trust")
        self.trust_button.clicked.connect(self._ask_trust)

        send = QGroupBox(self.tr("Kirim"))
        row = QHBoxLayout(send)
        row.addWidget(QLabel(self.tr("Kantor tujuan:")))
        row.addWidget(self.peer, 1)
        row.addWidget(self.export_button)
        receive = QGroupBox(self.tr("Terima"))
        col = QVBoxLayout(receive)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.apply_button)
        buttons.addStretch()
        col.addLayout(buttons)
        col.addWidget(self.report)
        ident = QGroupBox(self.tr("Identitas dan kepercayaan"))
        irow = QVBoxLayout(ident)
        irow.addWidget(self.fingerprint)
        ib = QHBoxLayout()
        ib.addWidget(self.identity_button)
        ib.addWidget(self.trust_button)
        ib.addStretch()
        irow.addLayout(ib)
        layout = QVBoxLayout(self)
        layout.addWidget(send)
        layout.addWidget(receive, 1)
        layout.addWidget(ident)
        self.setTabOrder(self.peer, self.export_button)
        self.setTabOrder(self.export_button, self.import_button)
        self.setTabOrder(self.import_button, self.apply_button)

    def refresh(self) -> None:
        with self.ctx.reading() as uow:
            peers = sync_identity.list_peers(uow)
        # A write: the office's encryption key is made on first use.
        WriteOp(self, self.ctx, sync_identity.own_identity).success(
            lambda own: self._show_identity(peers, own)).run()

    def _show_identity(self, peers: list[Any], own: Any) -> None:
        current = self.peer.currentData()
        self.peer.clear()
        for p in peers:
            self.peer.addItem(f"{p.office_code} — {p.office_name}", p.office_code)
        if current:
            self.peer.setCurrentIndex(max(self.peer.findData(current), 0))
        self.export_button.setEnabled(bool(peers))
        self.fingerprint.setText(self.tr("Kantor ini: {0} — sidik jari <b>{1}</b>")
                                 .format(own.office_code, own.fingerprint))

    # --- export -------------------------------------------------------------------------
    def _ask_export(self) -> None:
        code = self.peer.currentData()
        if not code:
            return
        name = f"{self.ctx.office.code}-ke-{code}.bdsync"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan berkas sinkronisasi"),
                                              name, self.tr(FILTER))
        if path:
            self.export_to(Path(path), code)

    def export_to(self, path: Path, code: str | None = None) -> None:
        code = code or self.peer.currentData()

        def done(result: Any) -> None:
            self.report.setPlainText(self.tr(
                "{0} perubahan ditulis ke {1} untuk kantor {2} ({3:,} bita).").format(
                    result.changes, result.path, result.target, result.size)
                + result.unfit_note)
            self.page.refresh_review()

        BackgroundWriteOp(self, self.ctx, lambda uow, progress: sync_files.export_changes(
            uow, target=code, out=path, progress=progress)).success(done).run(
            self.tr("Mengekspor perubahan…"))

    # --- import -------------------------------------------------------------------------
    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas sinkronisasi"), "",
                                              self.tr(FILTER))
        if path:
            self.preview(Path(path))

    def preview(self, path: Path) -> None:
        self.pending = None
        self.apply_button.setEnabled(False)

        def done(result: Any) -> None:
            self.report.setPlainText(describe(result))
            if result.new and not result.already_imported:
                self.pending = path
                self.apply_button.setEnabled(True)
                self.apply_button.setFocus()

        def failed(exc: BaseException) -> None:
            self.report.setPlainText(self.tr("DITOLAK: {0}").format(exc))
            show_error(self, exc)

        BackgroundReadOp(self, self.ctx, lambda uow, progress: sync_files.preview_import(
            uow, path=path, progress=progress), dry_run=True).success(done).failure(
            Exception, failed).run(self.tr("Memeriksa berkas…"))

    def apply_import(self) -> None:
        path = self.pending
        if path is None:
            return

        def done(result: Any) -> None:
            self.pending = None
            self.apply_button.setEnabled(False)
            self.report.setPlainText(describe(result))
            self.page.refresh_review()

        BackgroundWriteOp(self, self.ctx, lambda uow, progress: sync_files.import_changes(
            uow, path=path, progress=progress)).success(done).run(
            self.tr("Menerapkan perubahan…"))

    # --- identity -----------------------------------------------------------------------
    def _ask_identity(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan berkas identitas"), f"identitas-{self.ctx.office.code}.json",
            "JSON (*.json)")
        if not path:
            return
        WriteOp(self, self.ctx, lambda uow: sync_identity.write_identity(uow, out=Path(path))
                ).success(self._identity_written).run()

    def _identity_written(self, row: Any) -> None:
        QMessageBox.information(self, self.tr("Identitas disimpan"), self.tr(
            "Kirim berkas ini ke kantor mitra, lalu bacakan sidik jari lewat telepon:\n\n{0}")
            .format(row.fingerprint))

    def _ask_trust(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Berkas identitas kantor mitra"),
                                              "", "JSON (*.json)")
        if not path:
            return
        try:
            shown = sync_identity.read_identity(Path(path))
        except Exception as exc:
            show_error(self, exc)
            return
        answer = QMessageBox.question(self, self.tr("Cocokkan sidik jari"), self.tr(
            "Kantor {0} — {1}\n\nSidik jari: {2}\n\nApakah sama persis dengan yang dibacakan "
            "petugas kantor itu lewat telepon?").format(shown.office_code, shown.office_name,
                                                         shown.fingerprint))
        if answer == QMessageBox.StandardButton.Yes:
            self.trust(Path(path), shown.fingerprint)

    def trust(self, path: Path, fingerprint: str) -> None:
        WriteOp(self, self.ctx, lambda uow: sync_identity.trust_identity(
            uow, path=path, fingerprint=fingerprint)).success(self._trusted).run()

    def _trusted(self, _peer: object) -> None:
        self.refresh()
        self.page.digest.load_peers()


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        heading = QLabel(self.tr("Sinkronisasi antarkantor"))
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")
        self.exchange = ExchangeTab(ctx, self)
        self.conflicts = ConflictsTab(ctx)
        self.duplicates = DuplicatesTab(ctx)
        self.digest = DigestTab(ctx)
        self.quarantine = QuarantineTab(ctx)
        self.tabs.addTab(self.exchange, self.tr("Kirim && terima"))
        self.tabs.addTab(self.conflicts, self.tr("Konflik"))
        self.tabs.addTab(self.duplicates, self.tr("NIK ganda"))
        self.tabs.addTab(self.digest, self.tr("Bandingkan data"))
        self.tabs.addTab(self.quarantine, self.tr("Karantina"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs)
        self.exchange.refresh()
        self.digest.load_peers()
        self.refresh_review()

    def refresh_review(self) -> None:
        self.conflicts.refresh()
        self.duplicates.refresh()
        self.digest.refresh()
        self.quarantine.refresh()
        self.tabs.setTabText(1, self.tr("Konflik ({0})").format(len(self.conflicts.rows)))
        self.tabs.setTabText(4, self.tr("Karantina ({0})").format(len(self.quarantine.rows)))
        self.tabs.setTabText(2, self.tr("NIK ganda ({0})").format(len(self.duplicates.rows)))

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & {"sync", "participants", "partners"}:
            self.refresh_review()


class NoSyncPermission(QWidget):
    """What users without the sync permission see instead of the page."""

    def __init__(self) -> None:
        super().__init__()
        text = QLabel(self.tr("Sinkronisasi antarkantor dijalankan oleh admin kantor. "
                              "Peran Anda tidak berwenang menjalankan sinkronisasi."))
        text.setObjectName("no_permission")
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)


def create_page(ctx: AppContext) -> QWidget:
    if not ctx.actor.can(Permission.SYNC):
        return NoSyncPermission()
    return SyncPage(ctx)
