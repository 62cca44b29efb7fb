"""The login dialog for office users."""

from __future__ import annotations

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
from branch_desk.services.admin.users import authenticate
from branch_desk.services.database import Database


class LoginDialog(QDialog):
    """Asks for user name and password; `actor` is set when the login succeeded."""

    def __init__(self, db: Database, office_name: str, parent: QWidget | None = None,
                 *, title: str | None = None, username: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(title or self.tr("Masuk — Branch Desk"))
        heading = QLabel(f"<b>{office_name}</b>")
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
        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Kata sandi"), self.password)
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

    def try_login(self) -> None:
        try:
            self.actor = authenticate(self.db, self.username.text(), self.password.text(),
                                      now=clock.now())
        except DomainError as exc:
            self.message.setText(str(exc))
            self.adjustSize()
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()
