"""The login dialog for office users."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import DomainError
from branch_desk.services import clock
from branch_desk.services.admin.accounts import password_change_due
from branch_desk.services.admin.users import authenticate, change_password
from branch_desk.services.database import Database
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.shell.messages import service_text


class LoginDialog(QDialog):
    """Asks for user name and password; `actor` is set when the login succeeded. A user
    whose password an admin reset chooses a new one here before going on."""

    def __init__(self, db: Database, office_name: str, parent: QWidget | None = None,
                 *, title: str | None = None, username: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(title or self.tr("Masuk — Branch Desk"))
        heading = QLabel(f"<b>{escape(office_name)}</b>")
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(360)  # the dialog's width; a long message adds lines
        self.message.setStyleSheet("color: #b00020")
        self.new_password = QLineEdit(objectName="new_password")
        self.new_password2 = QLineEdit(objectName="new_password2")
        for field in (self.new_password, self.new_password2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Kata sandi"), self.password)
        form.addRow(self.tr("Kata sandi baru"), self.new_password)
        form.addRow(self.tr("Ulangi kata sandi baru"), self.new_password2)
        self.form = form
        self._show_new_password(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Masuk"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The window grows with a long message (a lockout takes three lines) instead of
        # cutting it off.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def _show_new_password(self, shown: bool) -> None:
        for field in (self.new_password, self.new_password2):
            self.form.setRowVisible(field, shown)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.adjustSize()

    def try_login(self) -> None:
        try:
            actor = authenticate(self.db, self.username.text(), self.password.text(),
                                 now=clock.now())
            if password_change_due(self.db, actor.username):
                if not self.new_password.isVisibleTo(self):
                    self._show_new_password(True)
                    self._say(self.tr("Admin mengatur ulang kata sandi Anda. Buat kata sandi "
                                      "baru (minimal 8 karakter) lalu tekan Masuk."))
                    self.new_password.setFocus()
                    return
                if self.new_password.text() != self.new_password2.text():
                    self._say(self.tr("Kedua kata sandi baru tidak sama."))
                    self.new_password2.selectAll()
                    self.new_password2.setFocus()
                    return
                with UnitOfWork(self.db, actor, write=True) as uow:
                    change_password(uow, old_password=self.password.text(),
                                    new_password=self.new_password.text(), now=clock.now())
                    uow.commit()
        except DomainError as exc:
            self._say(service_text(str(exc)))
            field = self.new_password if self.new_password.isVisibleTo(self) else self.password
            field.selectAll()
            field.setFocus()
            return
        self.actor = actor
        self.accept()
