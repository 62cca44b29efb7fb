"""Pengaturan › Pengguna kantor, for admins: the accounts with their state, and the actions on
the selected one — unlock, reset the password, deactivate or reactivate, change the role, the
full name and the title — each through services.admin.accounts (audited)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.permissions import Role
from branch_desk.services import clock
from branch_desk.services.admin import accounts
from branch_desk.services.admin.users import UserRow, add_user, list_users
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.operations import WriteOp
from branch_desk.ui.widgets.i18n_domain import column, domain_label
from branch_desk.ui.widgets.tables import fill_table, text_table

COLUMNS = (QT_TRANSLATE_NOOP("columns", "Pengguna"), QT_TRANSLATE_NOOP("columns", "Nama lengkap"),
           QT_TRANSLATE_NOOP("columns", "Jabatan"), QT_TRANSLATE_NOOP("columns", "Peran"),
           QT_TRANSLATE_NOOP("columns", "Keadaan"))


class UsersPanel(QWidget):
    """The office's accounts and what an admin does with them."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[UserRow] = []
        self.ask_text: Callable[[str, str, str, bool], str | None] = self._ask_text  # tests
        self.ask_item: Callable[[str, list[str], int], int | None] = self._ask_item
        self.table = text_table("users", [column(t) for t in COLUMNS])
        self.table.setMinimumHeight(160)
        self.table.itemSelectionChanged.connect(self._selected)
        actions = (("add_user", self.tr("Tambah pengguna…"), self.add),
                   ("user_unlock", self.tr("Buka kunci"), self.unlock),
                   ("user_reset", self.tr("Atur ulang kata sandi…"), self.reset),
                   ("user_active", self.tr("Nonaktifkan"), self.toggle_active),
                   ("user_role", self.tr("Ubah peran…"), self.change_role),
                   ("user_details", self.tr("Nama && jabatan…"), self.change_details))
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for index, (name, text, slot) in enumerate(actions):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            self.buttons[name] = button
            grid.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(grid)
        self._selected()

    def load(self) -> None:
        chosen = self.current()
        with self.ctx.reading() as uow:
            self.rows = list_users(uow)
        now = clock.now()
        fill_table(self.table, [
            (r.username, r.full_name, r.title or "—", domain_label(Role(r.role).label),
             self._state(r, now)) for r in self.rows])
        self.table.resizeColumnsToContents()
        if chosen is not None:
            self.select(chosen.username)
        self._selected()

    def _state(self, row: UserRow, now: datetime) -> str:
        if not row.active:
            return self.tr("nonaktif")
        if row.locked(now):
            return self.tr("terkunci")
        if row.must_change_password:
            return self.tr("aktif, ganti kata sandi saat masuk")
        return self.tr("aktif")

    def select(self, username: str) -> None:
        for index, row in enumerate(self.rows):
            if row.username == username:
                self.table.selectRow(index)

    def current(self) -> UserRow | None:
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        return self.rows[selected[0].row()] if selected and self.rows else None

    def _selected(self) -> None:
        row = self.current()
        for name in ("user_unlock", "user_reset", "user_active", "user_role", "user_details"):
            self.buttons[name].setEnabled(row is not None)
        if row is not None:
            self.buttons["user_unlock"].setEnabled(row.locked(clock.now()))
            self.buttons["user_active"].setText(
                self.tr("Nonaktifkan") if row.active else self.tr("Aktifkan kembali"))

    # --- asking the admin (replaceable in tests) ------------------------------------------

    def _ask_text(self, title: str, label: str, value: str, secret: bool) -> str | None:
        mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        text, ok = QInputDialog.getText(self, title, label, mode, value)
        return text if ok else None

    def _ask_item(self, title: str, items: list[str], current: int) -> int | None:
        text, ok = QInputDialog.getItem(self, title, title, items, current, False)
        return items.index(text) if ok and text in items else None

    # --- actions -------------------------------------------------------------------------

    def _run(self, work: Callable[[UnitOfWork], object], done: str) -> None:
        def finished(_result: object) -> None:
            self.load()
            QMessageBox.information(self, self.tr("Pengguna kantor"), done)

        WriteOp(self, self.ctx, work).success(finished).run()

    def add(self) -> None:
        title = self.tr("Pengguna baru")
        name = self.ask_text(title, self.tr("Nama pengguna"), "", False)
        if not name:
            return
        roles = list(Role)
        index = self.ask_item(self.tr("Peran"), [domain_label(r.label) for r in roles], 0)
        if index is None:
            return
        password = self.ask_text(title, self.tr("Kata sandi awal (min. 8 karakter)"), "", True)
        if password is None:
            return
        role = roles[index]
        self._run(lambda uow: add_user(uow, username=name, role=role, password=password),
                  self.tr("Pengguna {0} ditambahkan.").format(name))

    def unlock(self) -> None:
        row = self.current()
        if row is not None:
            self._run(lambda uow: accounts.unlock_user(uow, username=row.username),
                      self.tr("Akun {0} dibuka kuncinya.").format(row.username))

    def reset(self) -> None:
        row = self.current()
        if row is None:
            return
        password = self.ask_text(self.tr("Atur ulang kata sandi {0}").format(row.username),
                                 self.tr("Kata sandi sementara (min. 8 karakter); {0} "
                                         "menggantinya saat masuk berikutnya").format(
                                     row.username), "", True)
        if password is not None:
            self._run(lambda uow: accounts.reset_password(uow, username=row.username,
                                                          new_password=password),
                      self.tr("Kata sandi {0} diatur ulang; ia harus menggantinya saat masuk "
                              "berikutnya.").format(row.username))

    def toggle_active(self) -> None:
        row = self.current()
        if row is None:
            return
        active = not row.active
        done = (self.tr("Akun {0} diaktifkan kembali.") if active
                else self.tr("Akun {0} dinonaktifkan.")).format(row.username)
        self._run(lambda uow: accounts.set_active(uow, username=row.username, active=active),
                  done)

    def change_role(self) -> None:
        row = self.current()
        if row is None:
            return
        roles = list(Role)
        index = self.ask_item(self.tr("Peran {0}").format(row.username),
                              [domain_label(r.label) for r in roles],
                              roles.index(Role(row.role)))
        if index is not None and roles[index] != row.role:
            role = roles[index]
            self._run(lambda uow: accounts.set_role(uow, username=row.username, role=role),
                      self.tr("Peran {0}: {1}.").format(row.username, domain_label(role.label)))

    def change_details(self) -> None:
        row = self.current()
        if row is None:
            return
        name = self.ask_text(self.tr("Nama lengkap {0}").format(row.username),
                             self.tr("Nama lengkap (tertulis pada kwitansi dan bukti bayar)"),
                             row.full_name, False)
        if name is None:
            return
        title = self.ask_text(self.tr("Jabatan {0}").format(row.username),
                              self.tr("Jabatan, mis. Petugas Pelayanan"), row.title, False)
        if title is not None:
            self._run(lambda uow: accounts.set_details(uow, username=row.username,
                                                       full_name=name, title=title),
                      self.tr("Nama dan jabatan {0} disimpan.").format(row.username))
