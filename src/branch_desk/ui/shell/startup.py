"""What starting the program is made of, for the normal start (`app.run`) and the smoke
run (`smoke.run_smoke`) alike: the Qt application, the database brought up to date, the
main window for a logged-in user."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from branch_desk.domain.actor import Actor
from branch_desk.domain.resources_path import resource_path
from branch_desk.services import clock
from branch_desk.services.admin.backups import daily_backup
from branch_desk.services.admin.offices import office_of
from branch_desk.services.database import Database, is_set_up, open_database, upgrade_schema
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.i18n import install_language
from branch_desk.ui.shell.main_window import MainWindow
from branch_desk.ui.shell.wheel_guard import install_wheel_guard
from branch_desk.ui.shell.worker import Runner


def application() -> QApplication:
    """The QApplication, with the packaged font registered and set as default."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Branch Desk")
    app.setOrganizationName("BranchDesk")
    app.setDesktopFileName("branch-desk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "branch-desk.png"))))
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    install_language(app)  # the saved language; Indonesian when none is saved
    install_wheel_guard(app)
    font = QFont("DejaVu Sans")
    font.setPointSize(10)
    app.setFont(font)
    return app


def prepare_database(target: str | None) -> Database:
    """Open the database with its key (a file that holds no database yet gets a new key:
    the set-up makes an encrypted database) and bring its schema up to date (after a
    backup)."""
    db = open_database(target, create=True)
    if is_set_up(db):
        upgrade_schema(db)
        daily_backup(db, clock.now())
    return db


def open_main_window(db: Database, actor: Actor, *, runner: Runner | None = None) -> MainWindow:
    """The main window for `actor`, logged in to the office of `db`."""
    ctx = AppContext(db=db, actor=actor, office=office_of(db), runner=runner or Runner())
    return MainWindow(ctx)
