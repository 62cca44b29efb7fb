"""Backup panel: when the last backup was made, back up now, restore (confirmed), retention."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from branch_desk.domain.errors import DomainError
from branch_desk.services.admin.backups import (
    backup,
    backup_retention,
    last_backup_at,
    list_backups,
    set_backup_retention,
)
from branch_desk.services.admin.restore import restore
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.operations import WriteOp
from branch_desk.ui.widgets.formatting import fmt_datetime


class BackupPanel(QGroupBox):
    """Shown to users with Permission.BACKUP; `restored` fires after a successful restore."""

    restored = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 directory: Path | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Cadangan basis data"))
        self.ctx = ctx
        self.directory = directory
        self.last = QLabel(objectName="last_backup")
        self.count = QLabel(objectName="backup_count")
        self.backup_now = QPushButton(self.tr("Cadangkan sekarang"), objectName="backup_now")
        self.restore_button = QPushButton(self.tr("Pulihkan dari cadangan…"),
                                          objectName="restore_backup")
        self.keep = QSpinBox(objectName="backup_keep")
        self.keep.setRange(1, 365)
        self.keep.setSuffix(self.tr(" cadangan"))
        self.save_keep = QPushButton(self.tr("Simpan"), objectName="save_backup_keep")
        self.backup_now.clicked.connect(self.make_backup)
        self.restore_button.clicked.connect(self._choose_restore)
        self.save_keep.clicked.connect(self.save_retention)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep)
        keep_row.addWidget(self.save_keep)
        keep_row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Cadangan terakhir"), self.last)
        form.addRow(self.tr("Tersimpan"), self.count)
        form.addRow(self.tr("Simpan paling banyak"), keep_row)
        form.addRow("", buttons)
        note = QLabel(self.tr("Cadangan otomatis dibuat sekali sehari saat program pertama kali "
                              "dibuka. Simpan salinan juga di luar komputer ini."))
        note.setWordWrap(True)
        form.addRow(note)
        self.load()

    def load(self) -> None:
        when = last_backup_at(self.directory)
        self.last.setText(fmt_datetime(when) if when else self.tr("belum pernah"))
        self.last.setStyleSheet("" if when else "color: #b00020; font-weight: bold;")
        backups = list_backups(self.directory)
        self.count.setText(self.tr("{0} berkas di {1}").format(
            len(backups), str(backups[0].path.parent)) if backups
            else self.tr("belum ada berkas cadangan"))
        with self.ctx.reading() as uow:
            self.keep.setValue(backup_retention(uow))

    def make_backup(self) -> Path | None:
        try:
            path = backup(self.ctx.db, None, actor=self.ctx.actor,
                          directory=self.directory)
        except DomainError as exc:
            show_error(self, exc)
            return None
        self.load()
        return path

    def save_retention(self) -> None:
        keep = self.keep.value()
        WriteOp(self, self.ctx, lambda uow: set_backup_retention(uow, keep=keep)
                ).success(lambda _result: self.load()).run()

    def _choose_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas cadangan"), str(self.directory or ""),
            self.tr("Cadangan Branch Desk (*.db)"))
        if path:
            self.restore_from(Path(path))

    def confirm_restore(self, source: Path) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Pulihkan cadangan"),
            self.tr("Semua data saat ini akan diganti dengan isi cadangan\n{0}.\n\nData yang "
                    "dibuat setelah cadangan itu tidak ada lagi di basis data (basis data saat "
                    "ini disimpan sebagai salinan pengaman). Setelah itu Anda harus masuk "
                    "kembali. Lanjutkan?").format(source.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def restore_from(self, source: Path) -> bool:
        db = self.ctx.db
        if db.sqlite_path is None or not self.confirm_restore(source):
            return False
        db.dispose()  # every pooled connection closed: the file can be swapped
        try:
            result = restore(db.sqlite_path, source, actor=self.ctx.actor, key=db.key,
                             directory=self.directory)
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.load()
        self.restored.emit(str(result.source))
        return True
