"""The office recovery key, shown once: after the first set-up and after a plain database was
encrypted. The officer prints the sheet and confirms before going on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_desk.config import backup_dir
from branch_desk.services import clock
from branch_desk.services.database import Database, is_set_up
from branch_desk.services.encryption import (
    encrypt_database,
    key_warning,
    needs_encryption,
    recovery_key_text,
    write_recovery_sheet,
)
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.widgets.pdf_preview import preview_written


def _in_lines(key_text: str) -> str:
    """The recovery key as shown: eight groups a line, the check group on its own line."""
    groups, _, check = key_text.partition(" / ")
    parts = groups.split("-")
    lines = ["-".join(parts[i:i + 8]) for i in range(0, len(parts), 8)]
    return "\n".join([*lines, f"/ {check}" if check else ""]).strip()


class RecoveryKeyDialog(QDialog):
    """The recovery key in large type, "Cetak lembar kunci pemulihan" (a PDF preview with a
    print button; no copy is left on disk), and the confirmation that closes the dialog."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Kunci pemulihan kantor"))
        intro = QLabel(self.tr(
            "Basis data kantor ini dienkripsi. Kuncinya tersimpan di komputer ini, jadi "
            "petugas tidak perlu mengetiknya. Untuk membuka basis data atau cadangannya di "
            "komputer lain (misalnya bila komputer ini rusak atau dicuri) diperlukan kunci "
            "pemulihan di bawah. Kunci ini hanya ditampilkan sekali: cetak lembarnya dan "
            "simpan di tempat terkunci, terpisah dari komputer."))
        intro.setWordWrap(True)
        self.key_label = QLabel(_in_lines(recovery_key_text(db)))
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(15)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setObjectName("recovery_key")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        warning = key_warning(db)
        if warning:
            note = QLabel(warning)
            note.setWordWrap(True)
            note.setStyleSheet("color: #a00000;")
            layout.addWidget(note)
        self.print_button = QPushButton(self.tr("Cetak lembar kunci pemulihan"))
        self.print_button.clicked.connect(self.print_sheet)
        self.confirm = QCheckBox(self.tr("Saya sudah menyimpan kunci pemulihan"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Lanjut"))
        self.ok.setEnabled(False)
        self.confirm.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        for widget in (self.print_button, self.confirm, self.buttons):
            layout.addWidget(widget)
        # Wide enough for the key's lines; the wrapped texts get the height they need there.
        width = max(560, self.key_label.sizeHint().width() + 40)
        self.setMinimumWidth(width)
        margins = layout.contentsMargins()
        for label in self.findChildren(QLabel):
            if label.wordWrap():
                label.setMinimumHeight(label.heightForWidth(
                    width - margins.left() - margins.right()))

    def print_sheet(self) -> None:
        """The sheet in the preview, written to a private temporary folder that is removed."""
        preview_written(self, lambda out: write_recovery_sheet(self.db, out=out,
                                                               made_on=clock.today()),
                        "kunci-pemulihan.pdf", self.tr("Lembar kunci pemulihan"))

    def accept(self) -> None:
        if self.confirm.isChecked():
            super().accept()

    def reject(self) -> None:
        """Closing is refused until the officer confirms the key is kept."""
        self.confirm.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.confirm.isChecked():
            return
        super().keyPressEvent(event)


def encrypt_at_first_start(parent: QWidget | None, db: Database) -> Database:
    """Encrypt a plain office database (after a backup) when the program starts on it; the
    database to go on with. When it cannot be done now (another computer has it open), the
    officer is told and the plain database is used this time."""
    if not is_set_up(db) or not needs_encryption(db):
        return db
    try:
        result = encrypt_database(db, backup_dir=backup_dir())
    except Exception as exc:  # shown; the program goes on with the plain file
        show_error(parent, exc)
        return db
    QMessageBox.information(
        parent, QApplication.translate("recovery_key", "Basis data dienkripsi"),
        QApplication.translate(
            "recovery_key", "Basis data kantor kini terenkripsi. Cadangan yang dibuat "
            "sebelumnya ({0}) dan cadangan lama di folder cadangan juga dienkripsi dengan "
            "kunci yang sama.").format(result.backup.name))
    return result.database
