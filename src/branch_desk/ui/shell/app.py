"""Starting the program: Qt application, fonts, first start, login, main window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from branch_desk.config import backup_dir, default_database, setup_logging
from branch_desk.db.engine import Database
from branch_desk.db.migrate import current_revision, upgrade
from branch_desk.domain.resources_path import resource_path
from branch_desk.services.admin.offices import office_row
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import install_excepthook, show_error
from branch_desk.ui.shell.login import LoginDialog
from branch_desk.ui.shell.main_window import MainWindow
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
    from branch_desk.ui.shell.i18n import install_language

    install_language(app)  # the saved language; Indonesian when none is saved
    font = QFont("DejaVu Sans")
    font.setPointSize(10)
    app.setFont(font)
    return app


def prepare_database(target: str | None) -> Database:
    """Open the database and bring its schema up to date (after a backup)."""
    from branch_desk.db.base import utcnow
    from branch_desk.services.admin.backups import daily_backup

    db = Database(target or default_database())
    if current_revision(db) is not None:
        upgrade(db, backup_dir=backup_dir())
        daily_backup(db, utcnow())
    return db


def open_main_window(db: Database, actor: object, *, runner: Runner | None = None) -> MainWindow:
    with UnitOfWork(db) as uow:
        office = office_row(uow.session)
    ctx = AppContext(db=db, actor=actor, office=office,  # type: ignore[arg-type]
                     runner=runner or Runner())
    return MainWindow(ctx)


def run(target: str | None, *, offer_demo: bool = False) -> int:
    from branch_desk.ui.shell.smoke import run_smoke, smoke_requested

    if smoke_requested():
        return run_smoke(target)
    setup_logging()
    app = application()
    install_excepthook()
    try:
        db = prepare_database(target)
        if current_revision(db) is None:
            from branch_desk.ui.shell.first_start import FirstStartDialog

            first = FirstStartDialog(db, demo_default=offer_demo)
            if not first.exec():
                return 0
    except Exception as exc:  # shown, logged, then the program ends cleanly
        show_error(None, exc)
        return 1
    with UnitOfWork(db) as uow:
        office_name = office_row(uow.session).name
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
