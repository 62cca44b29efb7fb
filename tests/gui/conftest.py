"""Fixtures of the GUI tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The interface language of one walk (parametrized indirectly; Indonesian by default);
    Indonesian again afterwards."""
    from branch_desk.ui.shell.i18n import install_language
    from branch_desk.ui.shell.startup import application

    chosen = getattr(request, "param", "id")
    install_language(application(), chosen)
    yield chosen
    install_language(application(), "id")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The demo office the walks go through, encrypted as the program makes it (the recovery
    key dialog shows its key): (file, key). Built once for every walk."""
    from branch_desk.db.engine import Database
    from branch_desk.services.demo.office import build_demo
    from branch_desk.ui.shell.startup import application

    application()
    path = tmp_path_factory.mktemp("walk") / "demo.db"
    key = os.urandom(32)
    db = Database(path, key=key)
    build_demo(db, seed=5, participants=60)
    db.dispose()
    return path, key
