"""An officer's walk through the program on a 1366×768 screen, in Indonesian: every page of
the main window and every tab inside it, as the admin, an officer and a kepala see them, and
the windows the Bantuan menu opens; then the admin's walk on a 1920×1080 screen and in
English on both. Each fails the test on a text that does not fit its label, button or table
cell, a button outside the window, or (in Indonesian) one of Qt's English standard words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from branch_desk.ui.shell.main_window import PAGES
from branch_desk.ui.shell.startup import open_main_window
from branch_desk.ui.shell.worker import Runner
from tests.support.walk import SCREEN, WIDE, nav_cut, window_problems


def _tabs_shown(widget: QWidget) -> Iterator[str]:
    """Show every tab of every tab widget under `widget`, one after another."""
    for tabs in widget.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield f"{tabs.objectName() or 'tab'}:{tabs.tabText(index)}"


@pytest.mark.parametrize(("user", "screen", "language"), [
    ("admin", SCREEN, "id"), ("petugas", SCREEN, "id"), ("kepala", SCREEN, "id"),
    ("admin", WIDE, "id"), ("admin", SCREEN, "en"), ("admin", WIDE, "en"),
], ids=["admin", "petugas", "kepala", "admin-1920", "admin-en", "admin-1920-en"],
    indirect=["language"])
def test_every_page_and_tab_fits_the_screen(qtbot, demo_db, user, screen, language):
    from branch_desk.db.base import utcnow
    from branch_desk.db.engine import Database
    from branch_desk.services.admin.users import authenticate

    path, key = demo_db
    db = Database(path, key=key)
    actor = authenticate(db, user, f"{user}-demo", now=utcnow())
    window = open_main_window(db, actor, runner=Runner(synchronous=True))
    qtbot.addWidget(window)
    window.setGeometry(screen)
    window.show()
    qtbot.waitExposed(window)
    problems: list[str] = []
    for index, (key, _label, _factory) in enumerate(PAGES):
        window.nav.setCurrentRow(index)
        qtbot.wait(50)
        problems += nav_cut(window.nav)
        problems += window_problems(window, key, screen, language=language)
        for tab in _tabs_shown(window.pages[key]):
            qtbot.wait(20)
            problems += window_problems(window, f"{key}/{tab}", screen, language=language)
    for opened in (window.show_guide(), window.show_shortcuts(), window.show_about()):
        qtbot.waitExposed(opened)
        problems += window_problems(opened, opened.objectName(),
                              opened.screen().availableGeometry(), language=language)
        opened.close()
    window.close()
    db.dispose()
    assert not problems, "\n".join(sorted(set(problems)))
