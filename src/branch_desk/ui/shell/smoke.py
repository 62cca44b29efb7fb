"""Smoke run of the real program: log in, open the main window, visit every page, quit.

Used to check an installed or bundled program end to end (`BRANCH_DESK_SMOKE=1`, see
`ui/shell/app.py`): the user comes from `BRANCH_DESK_SMOKE_USER`, the password from
`BRANCH_DESK_PASSWORD`. Works offscreen (`QT_QPA_PLATFORM=offscreen`). With
`BRANCH_DESK_SMOKE_SHOTS=DIR` a screenshot of every page is saved there.

The result is one JSON line on stdout, e.g.
`{"smoke": "ok", "user": "admin", "pages": {"beranda": "DashboardPage", ...}, "errors": [],
"font": "DejaVu Sans"}`,
and the exit code: 0 all pages built without error, 1 an error (exception, error dialog),
2 database not prepared, 3 login refused, 4 time limit reached.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from branch_desk.config import PASSWORD_ENV
from branch_desk.domain.errors import DomainError
from branch_desk.services import clock
from branch_desk.services.admin.users import authenticate
from branch_desk.services.database import is_set_up
from branch_desk.ui.shell.main_window import PAGES, MainWindow
from branch_desk.ui.shell.startup import application, open_main_window, prepare_database

SMOKE_ENV = "BRANCH_DESK_SMOKE"
USER_ENV = "BRANCH_DESK_SMOKE_USER"
SHOTS_ENV = "BRANCH_DESK_SMOKE_SHOTS"
TIME_LIMIT_MS = 90_000
POLL_MS = 100


def smoke_requested() -> bool:
    """True when the environment asks for a smoke run (`BRANCH_DESK_SMOKE=1`)."""
    return os.environ.get(SMOKE_ENV, "") not in ("", "0")


def _report(status: str, code: int, **extra: object) -> int:
    print(json.dumps({"smoke": status, **extra}, ensure_ascii=False), flush=True)
    return code


def run_smoke(db_target: str | None) -> int:
    """Run the smoke check against `db_target` (None: the default database); exit code."""
    app = application()
    username = os.environ.get(USER_ENV, "admin")
    try:
        db = prepare_database(db_target)
        if not is_set_up(db):
            return _report("no-database", 2, error="Basis data belum disiapkan.")
        actor = authenticate(db, username, os.environ.get(PASSWORD_ENV, ""), now=clock.now())
    except DomainError as exc:
        return _report("login-refused", 3, user=username, error=str(exc))
    try:
        return _Smoke(app, lambda: open_main_window(db, actor), actor.username).run()
    finally:
        db.dispose()


class _Smoke:
    """Drives the main window from inside the event loop."""

    def __init__(self, app: QApplication, opener: Callable[[], MainWindow], user: str) -> None:
        self.app, self.opener, self.user = app, opener, user
        self.errors: list[str] = []
        self.pages: dict[str, str] = {}
        self.window: MainWindow | None = None
        self.shots = os.environ.get(SHOTS_ENV)
        self.timed_out = False

    def run(self) -> int:
        previous_hook = sys.excepthook
        sys.excepthook = self._hook
        watcher = QTimer()
        watcher.timeout.connect(self._close_dialogs)
        watcher.start(POLL_MS)
        limit = QTimer()
        limit.setSingleShot(True)
        limit.timeout.connect(self._time_up)
        limit.start(TIME_LIMIT_MS)
        try:
            self.window = self.opener()
            self.window.show()
            QTimer.singleShot(0, lambda: self._visit(list(PAGES), 0))
            loop_code = self.app.exec()
        except Exception:
            self.errors.append(traceback.format_exc())
            loop_code = 1
        finally:
            watcher.stop()
            limit.stop()
            sys.excepthook = previous_hook
            if self.window is not None:
                # Delete the window now, not whenever Python collects it: its idle lock
                # filters the whole application's events.
                self.window.close()
                self.window.deleteLater()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                self.window = None
        if self.timed_out:
            return _report("timeout", 4, user=self.user, pages=self.pages, errors=self.errors)
        failed = bool(self.errors) or loop_code != 0 or len(self.pages) != len(PAGES)
        # The family Qt really draws with: the bundled DejaVu Sans unless registering the
        # program's fonts failed (then text on a PC without that font shows as boxes).
        return _report("failed" if failed else "ok", 1 if failed else 0, user=self.user,
                       pages=self.pages, errors=self.errors,
                       font=QFontInfo(self.app.font()).family())

    def _visit(self, pages: list[tuple[str, str, str]], index: int) -> None:
        """Show page `index`, let it paint, then go on to the next one (or finish)."""
        window = self.window
        assert window is not None
        if index >= len(pages):
            window.close()
            self.app.exit(0)
            return
        key = pages[index][0]
        try:
            window.nav.setCurrentRow(index)
            widget = window.pages.get(key)
            if widget is None or window.stack.currentWidget() is not widget:
                # the page's own exception went to the hook just before
                self.errors.append(f"halaman {key} tidak dapat dibuka")
                QTimer.singleShot(POLL_MS, lambda: self._visit(pages, index + 1))
                return
            self.pages[key] = type(widget).__name__
            if self.shots:
                Path(self.shots).mkdir(parents=True, exist_ok=True)
                window.grab().save(str(Path(self.shots) / f"{index + 1:02d}-{key}.png"))
        except Exception:
            self.errors.append(f"halaman {key}:\n{traceback.format_exc()}")
        # Through the event loop: queued refreshes, workers' results and paints happen first.
        QTimer.singleShot(POLL_MS, lambda: self._visit(pages, index + 1))

    def _hook(self, kind: type[BaseException], exc: BaseException,
              tb: TracebackType | None) -> None:
        """An exception escaping a slot: recorded (the crash dialog would block the run)."""
        self.errors.append("".join(traceback.format_exception(kind, exc, tb)))

    def _close_dialogs(self) -> None:
        """Any dialog that pops up is an error here: record its text and close it."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                text = widget.text() if isinstance(widget, QMessageBox) else ""
                detail = widget.detailedText() if isinstance(widget, QMessageBox) else ""
                self.errors.append(f"dialog {widget.windowTitle()!r}: {text}\n{detail}".strip())
                widget.reject()

    def _time_up(self) -> None:
        self.timed_out = True
        self.errors.append(f"batas waktu {TIME_LIMIT_MS // 1000} detik tercapai")
        self.app.exit(4)
