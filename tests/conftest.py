"""Shared fixtures: a migrated template database copied per test, office users, a fixed clock.

Qt runs offscreen (set before any Qt import) so GUI tests need no display: CI machines
have none, and tests must never be skipped for the lack of one.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

PASSWORDS = {"admin": "admin-demo", "petugas": "petugas-demo", "petugas2": "petugas2-demo",
             "kepala": "kepala-demo", "kepala2": "kepala2-demo"}
ROLES = {"admin": "admin", "petugas": "petugas", "petugas2": "petugas", "kepala": "supervisor",
         "kepala2": "supervisor"}
TODAY = date(2025, 6, 16)
NOW = datetime(2025, 6, 16, 2, 30, tzinfo=UTC)


PG_ENV = "BRANCH_DESK_TEST_PG"  # a PostgreSQL server URL, set by scripts/test


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="run the long property/fuzz runs")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: the test reads the SQLite file itself (not run on PostgreSQL)")


def db_engines() -> list[str]:
    """SQLite always; PostgreSQL too when scripts/test started a server."""
    return ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]


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
    monkeypatch.setenv("BRANCH_DESK_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("BRANCH_DESK_DB", raising=False)
    monkeypatch.delenv("BRANCH_DESK_PASSWORD", raising=False)


def _build_office(target: str | Path) -> None:
    from branch_desk.db.engine import Database
    from branch_desk.services.admin.offices import initialise
    from branch_desk.services.admin.users import add_user
    from branch_desk.services.uow import UnitOfWork

    db = Database(target)
    admin = initialise(db, office_code="MRS", office_name="Kantor Cabang Maros",
                       admin="admin", password=PASSWORDS["admin"], region_code="73.09",
                       head_name="Andi Makkasau", head_title="Kepala Kantor Cabang")
    with UnitOfWork(db, admin, write=True) as uow:
        for name, role in ROLES.items():
            if name != "admin":
                add_user(uow, username=name, role=role, password=PASSWORDS[name],
                         full_name=name.title())
        uow.commit()
    db.dispose()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database with office MRS and the users in PASSWORDS, built once."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    _build_office(path)
    return path


def _pg_admin_url(database: str = "postgres") -> str:
    from sqlalchemy.engine import make_url

    return make_url(os.environ[PG_ENV]).set(database=database).render_as_string(
        hide_password=False)


def _pg_execute(sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A PostgreSQL template database like template_db; copied per test (CREATE … TEMPLATE)."""
    name = f"bd_template_{os.getpid()}"
    _pg_execute(f"DROP DATABASE IF EXISTS {name}")
    _pg_execute(f"CREATE DATABASE {name}")
    _build_office(_pg_admin_url(name))
    yield name
    _pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@dataclass
class Office:
    """A test office: its database and an Actor per user name."""

    path: Path | str
    db: object
    actors: dict[str, object]

    def uow(self, user: str = "petugas", *, write: bool = True):  # type: ignore[no-untyped-def]
        from branch_desk.services.uow import UnitOfWork

        return UnitOfWork(self.db, self.actors[user], write=write)  # type: ignore[arg-type]


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
        yield Office(path, db, actors)  # type: ignore[arg-type]
        db.dispose()
        return
    template = request.getfixturevalue("pg_template")
    name = f"bd_test_{os.getpid()}_{next(_pg_counter)}"
    _pg_execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    url = _pg_admin_url(name)
    db = Database(url)
    yield Office(url, db, actors)  # type: ignore[arg-type]
    db.dispose()
    _pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def today() -> date:
    """The fixed 'today' of the tests (rules take dates as arguments)."""
    return TODAY
