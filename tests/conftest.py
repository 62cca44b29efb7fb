"""Shared fixtures: a migrated template database copied per test, office users, a fixed clock
(the helpers behind them are in tests/support).

Qt runs offscreen (set before any Qt import) so GUI tests need no display: CI machines
have none, and tests must never be skipped for the lack of one.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.support.offices import ROLES, TODAY, Office, build_office
from tests.support.postgres import db_engines, pg_admin_url, pg_execute

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Database keys never go to the real user's credential store: keyring's fail backend makes
# the program keep them in the key file under each test's own data directory.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.setdefault("QT_QUICK_BACKEND", "software")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="run the long property/fuzz runs")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: the test reads the SQLite file itself (not run on PostgreSQL)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test using the `office` fixture runs on each engine (unless sqlite_only), and
    so does every test using `hub_engine`."""
    parametrized = {name for mark in metafunc.definition.iter_markers("parametrize")
                    for name in (mark.args[0].split(",") if isinstance(mark.args[0], str)
                                 else mark.args[0])}
    if "office" in metafunc.fixturenames and "office" not in {n.strip() for n in parametrized}:
        engines = db_engines()
        if metafunc.definition.get_closest_marker("sqlite_only"):
            engines = ["sqlite"]
        metafunc.parametrize("db_engine", engines, scope="function")
    if "hub_engine" in metafunc.fixturenames:  # the hub tests' region of offices
        metafunc.parametrize("hub_engine", db_engines())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="long run: use --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own data directory (settings, logs, backups)."""
    from PySide6.QtCore import QSettings

    monkeypatch.setenv("BRANCH_DESK_DATA", str(tmp_path / "data"))
    # Window sizes and the last printer (QSettings) stay in the test's folder, not the home.
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.delenv("BRANCH_DESK_DB", raising=False)
    monkeypatch.delenv("BRANCH_DESK_PASSWORD", raising=False)
    monkeypatch.delenv("BRANCH_DESK_KEY_FILE", raising=False)


@pytest.fixture
def loose_umask(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """umask 0o022 (a new file is 0644 unless the code says otherwise), kept by `branch-desk`
    run in process too: a file found 0600 is so because the code that wrote it made it so."""
    monkeypatch.setattr("branch_desk.cli.main.restrict_umask", lambda: os.umask(0o022))
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database with office MRS and the users in PASSWORDS, built once."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    build_office(path)
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A PostgreSQL template database like template_db; copied per test (CREATE … TEMPLATE)."""
    name = f"bd_template_{os.getpid()}"
    pg_execute(f"DROP DATABASE IF EXISTS {name}")
    pg_execute(f"CREATE DATABASE {name}")
    build_office(pg_admin_url(name))
    yield name
    pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


_pg_counter = itertools.count()


@pytest.fixture
def office(request: pytest.FixtureRequest, db_engine: str, tmp_path: Path) -> Iterator[Office]:
    """A fresh copy of the template database (SQLite file or PostgreSQL database), with
    actors admin/petugas/kepala/…; `office.path` is what `--db` takes."""
    from branch_desk.db.engine import Database
    from branch_desk.domain.actor import Actor

    actors = {name: Actor(name, role, "MRS", name.title()) for name, role in ROLES.items()}
    if db_engine == "sqlite":
        path = tmp_path / "office.db"
        shutil.copy(request.getfixturevalue("template_db"), path)
        db = Database(path)
        yield Office(path, db, actors)
        db.dispose()
        return
    template = request.getfixturevalue("pg_template")
    name = f"bd_test_{os.getpid()}_{next(_pg_counter)}"
    pg_execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    url = pg_admin_url(name)
    db = Database(url)
    yield Office(url, db, actors)
    db.dispose()
    pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def today() -> date:
    """The fixed 'today' of the tests (rules take dates as arguments)."""
    return TODAY
