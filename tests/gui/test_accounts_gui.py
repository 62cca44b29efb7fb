"""Pengaturan › Pengguna kantor for an admin, and the login that makes a user whose password
was reset choose a new one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from branch_desk.services import clock
from branch_desk.services.admin.users import LoginError, authenticate
from branch_desk.ui.admin.users_panel import UsersPanel
from branch_desk.ui.shell.login import LoginDialog
from branch_desk.ui.shell.startup import application
from tests.support.gui import answer_next_box, app_context
from tests.support.offices import PASSWORDS


def _panel(qtbot, office) -> UsersPanel:
    application()
    panel = UsersPanel(app_context(office, "admin"))
    qtbot.addWidget(panel)
    panel.show()
    panel.load()
    return panel


def _states(panel: UsersPanel) -> dict[str, str]:
    return {panel.table.item(r, 0).text(): panel.table.item(r, 4).text()
            for r in range(panel.table.rowCount())}


def test_admin_unlocks_resets_and_deactivates_from_the_table(qtbot, office):
    for _ in range(5):
        with pytest.raises(LoginError):
            authenticate(office.db, "petugas", "salah-salah-salah", now=clock.now())
    panel = _panel(qtbot, office)
    assert _states(panel)["petugas"] == "terkunci"
    panel.select("petugas")
    unlock = panel.findChild(QPushButton, "user_unlock")
    assert unlock.isEnabled()
    answer_next_box(Qt.Key.Key_Return)
    unlock.click()
    assert _states(panel)["petugas"] == "aktif"
    panel.ask_text = lambda *_args: "sementara-123"
    answer_next_box(Qt.Key.Key_Return)
    panel.findChild(QPushButton, "user_reset").click()
    assert _states(panel)["petugas"] == "aktif, ganti kata sandi saat masuk"
    panel.select("petugas2")
    answer_next_box(Qt.Key.Key_Return)
    panel.findChild(QPushButton, "user_active").click()
    assert _states(panel)["petugas2"] == "nonaktif"
    assert panel.findChild(QPushButton, "user_active").text() == "Aktifkan kembali"
    panel.ask_item = lambda _title, items, _current: items.index("Kepala Cabang")
    answer_next_box(Qt.Key.Key_Return)
    panel.findChild(QPushButton, "user_role").click()
    roles = {panel.table.item(r, 0).text(): panel.table.item(r, 3).text()
             for r in range(panel.table.rowCount())}
    assert roles["petugas2"] == "Kepala Cabang"


def test_a_refused_action_says_why_and_changes_nothing(qtbot, office):
    panel = _panel(qtbot, office)
    panel.select("admin")
    seen = answer_next_box(Qt.Key.Key_Return)
    panel.findChild(QPushButton, "user_active").click()
    assert "sendiri" in seen.text
    assert _states(panel)["admin"] == "aktif"


def test_login_after_a_reset_asks_for_a_new_password(qtbot, office):
    from branch_desk.services.admin import accounts

    with office.uow("admin") as uow:
        accounts.reset_password(uow, username="petugas", new_password="sementara-123")
        uow.commit()
    application()
    dialog = LoginDialog(office.db, "Kantor Cabang Maros")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "petugas")
    qtbot.keyClicks(dialog.password, "sementara-123")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.actor is None and dialog.new_password.isVisible()
    assert "Buat kata sandi baru" in dialog.message.text()
    qtbot.keyClicks(dialog.new_password, "baru-sekali-9")
    qtbot.keyClicks(dialog.new_password2, "baru-sekali-0")
    ok.click()
    assert dialog.actor is None and "tidak sama" in dialog.message.text()
    dialog.new_password2.clear()
    qtbot.keyClicks(dialog.new_password2, "baru-sekali-9")
    ok.click()
    assert dialog.actor is not None and dialog.actor.username == "petugas"
    assert authenticate(office.db, "petugas", "baru-sekali-9", now=clock.now())
    assert PASSWORDS["petugas"] != "baru-sekali-9"
