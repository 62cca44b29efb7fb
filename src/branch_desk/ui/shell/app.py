"""Running the program: first start, login, the main window until logout or quit (or the
smoke run when the environment asks for it)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from branch_desk.config import setup_logging
from branch_desk.services.admin.offices import office_of
from branch_desk.services.database import is_set_up
from branch_desk.ui.shell.errors import install_excepthook, show_error
from branch_desk.ui.shell.first_start import FirstStartDialog
from branch_desk.ui.shell.login import LoginDialog
from branch_desk.ui.shell.recovery_key import RecoveryKeyDialog, encrypt_at_first_start
from branch_desk.ui.shell.smoke import run_smoke, smoke_requested
from branch_desk.ui.shell.startup import application, open_main_window, prepare_database


def run(target: str | None, *, offer_demo: bool = False) -> int:
    """Run the program on `target` (None: the default database); the exit code."""
    if smoke_requested():
        return run_smoke(target)
    setup_logging()
    app = application()
    install_excepthook()
    try:
        db = prepare_database(target)
        if not is_set_up(db):
            first = FirstStartDialog(db, demo_default=offer_demo)
            if not first.exec():
                return 0
            show_key = db.is_encrypted
        else:
            encrypted = encrypt_at_first_start(None, db)
            show_key, db = encrypted is not db, encrypted
        if show_key:
            RecoveryKeyDialog(db).exec()
    except Exception as exc:  # shown, logged, then the program ends cleanly
        show_error(None, exc)
        return 1
    office_name = office_of(db).name
    while True:
        login = LoginDialog(db, office_name)
        if not login.exec() or login.actor is None:
            return 0
        window = open_main_window(db, login.actor)
        logged_out: list[bool] = []
        window.on_logout = lambda flag=logged_out: flag.append(True)
        window.show()
        app.exec()
        if not logged_out:
            return 0
        QMessageBox.information(None, "Branch Desk", app.translate("app", "Anda telah keluar."))
