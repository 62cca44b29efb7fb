"""First start on an empty database: demo office or a real office set-up."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from branch_desk.config import backup_dir
from branch_desk.domain.errors import ValidationError
from branch_desk.services.database import Database
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.worker import Progress, Runner


class FirstStartDialog(QDialog):
    """Offers demo data (with the demo users' passwords shown) or a new office."""

    def __init__(self, db: Database, *, demo_default: bool = True,
                 runner: Runner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner or Runner()
        self.setWindowTitle(self.tr("Selamat datang di Branch Desk"))
        intro = QLabel(self.tr(
            "Basis data ini masih kosong. Pilih salah satu:"))
        self.demo = QRadioButton(self.tr(
            "Coba dengan data demo (Kantor Cabang Maros; pengguna admin / petugas / kepala, "
            "kata sandi lihat README: admin-demo, petugas-demo, kepala-demo)"))
        self.real = QRadioButton(self.tr("Siapkan kantor baru"))
        self.demo.setChecked(demo_default)
        self.real.setChecked(not demo_default)
        self.code = QLineEdit()
        self.code.setPlaceholderText("MRS")
        self.name = QLineEdit()
        self.name.setPlaceholderText("Kantor Cabang Maros")
        self.admin = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Kode kantor"), self.code)
        form.addRow(self.tr("Nama kantor"), self.name)
        form.addRow(self.tr("Admin pertama"), self.admin)
        form.addRow(self.tr("Kata sandi"), self.password)
        form.addRow(self.tr("Ulangi kata sandi"), self.password2)
        self.form = QWidget()
        self.form.setLayout(form)
        self.form.setEnabled(not demo_default)
        self.real.toggled.connect(self.form.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Siapkan kantor"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.demo, self.real, self.form, buttons):
            layout.addWidget(widget)

    def start(self) -> None:
        if self.demo.isChecked():
            from branch_desk.services.demo.office import build_demo

            def job(progress: Progress) -> Any:
                return build_demo(self.db, seed=2025, participants=600, password=None,
                                  backup_dir=backup_dir(), progress=progress)

            self.runner.run(self, self.tr("Membuat data demo…"), job,
                            lambda _result: self.accept(), lambda exc: show_error(self, exc))
            return
        try:
            if self.password.text() != self.password2.text():
                raise ValidationError(self.tr("Kedua kata sandi tidak sama."), field="password")
            from branch_desk.services.admin.offices import initialise

            initialise(self.db, office_code=self.code.text(), office_name=self.name.text(),
                       admin=self.admin.text(), password=self.password.text(),
                       backup_dir=backup_dir())
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()
