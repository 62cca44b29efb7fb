"""Log in through the dialog and open every page of the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from branch_desk.services.admin.offices import office_row
from branch_desk.ui.shell.login import LoginDialog
from branch_desk.ui.shell.main_window import PAGES
from branch_desk.ui.shell.startup import application, open_main_window
from branch_desk.ui.shell.worker import Runner
from tests.support.gui import clipped_texts
from tests.support.offices import PASSWORDS


def _login(qtbot, office, username, password):
    application()
    with office.uow(write=False) as uow:
        name = office_row(uow).name
    dialog = LoginDialog(office.db, name)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def test_the_lockout_message_is_read_whole(qtbot, office):
    dialog = _login(qtbot, office, "petugas", "bukan-sandinya")
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    for _ in range(5):
        ok.click()
    assert "terkunci" in dialog.message.text() and "minta admin" in dialog.message.text()
    assert clipped_texts(dialog) == []
    assert dialog.height() <= 740


def test_wrong_password_keeps_dialog_open_with_message(qtbot, office):
    dialog = _login(qtbot, office, "petugas", "bukan-sandinya")
    assert dialog.actor is None
    assert "salah" in dialog.message.text()


def test_login_and_open_every_page(qtbot, office, tmp_path):
    dialog = _login(qtbot, office, "kepala", PASSWORDS["kepala"])
    assert dialog.actor is not None and dialog.actor.role == "supervisor"
    window = open_main_window(office.db, dialog.actor, runner=Runner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert "Kantor Cabang Maros" in window.findChild(QLabel, "status_office").text()
    assert window.findChild(QLabel, "status_user").text() == "Pengguna: Kepala — Kepala Cabang"
    for index, (key, _label, _factory) in enumerate(PAGES):
        qtbot.keyClick(window, Qt.Key.Key_1 + index, Qt.KeyboardModifier.ControlModifier)
        assert window.nav.currentRow() == index
        page = window.pages[key]
        assert window.stack.currentWidget() is page
        page.grab().save(str(tmp_path / f"{key}.png"))
    dashboard = window.pages["beranda"]
    qtbot.waitUntil(lambda: dashboard.tiles["participants"].value.text() == "0")
    hint = window.minimumSizeHint()  # every page fits a 1366×768 office screen
    assert hint.width() <= 1366 and hint.height() <= 740, hint


def test_every_page_with_demo_data_fits_a_small_office_screen(qtbot, tmp_path):
    from branch_desk.db.base import utcnow
    from branch_desk.db.engine import Database
    from branch_desk.services.admin.users import authenticate
    from branch_desk.services.demo.office import build_demo

    application()
    db = Database(tmp_path / "demo.db")
    build_demo(db, seed=3, participants=40)
    for user in ("admin", "petugas", "kepala"):
        actor = authenticate(db, user, f"{user}-demo", now=utcnow())
        window = open_main_window(db, actor, runner=Runner(synchronous=True))
        qtbot.addWidget(window)
        window.show()
        for index in range(len(PAGES)):
            window.nav.setCurrentRow(index)
        tile = window.pages["beranda"].tiles["participants"].value
        qtbot.waitUntil(lambda t=tile: t.text() == "40")
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 740, (user, hint)
        window.close()
    db.dispose()
