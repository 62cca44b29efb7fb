"""Shared fixtures: a migrated template database copied per test, office users, a fixed clock.

Qt runs offscreen (set before any Qt import) so GUI tests need no display: CI machines
have none, and tests must never be skipped for the lack of one.
"""

from __future__ import annotations

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="run the long property/fuzz runs")


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


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with office MRS and the users in PASSWORDS, built once."""
    from branch_desk.db.engine import Database
    from branch_desk.services.offices import initialise
    from branch_desk.services.uow import UnitOfWork
    from branch_desk.services.users import add_user

    path = tmp_path_factory.mktemp("template") / "template.db"
    db = Database(path)
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
    return path


@dataclass
class Office:
    """A test office: its database and an Actor per user name."""

    path: Path
    db: object
    actors: dict[str, object]

    def uow(self, user: str = "petugas", *, write: bool = True):  # type: ignore[no-untyped-def]
        from branch_desk.services.uow import UnitOfWork

        return UnitOfWork(self.db, self.actors[user], write=write)  # type: ignore[arg-type]


@pytest.fixture
def office(template_db: Path, tmp_path: Path) -> Iterator[Office]:
    """A fresh copy of the template database, with actors admin/petugas/kepala/…"""
    from branch_desk.db.engine import Database
    from branch_desk.services.context import Actor

    path = tmp_path / "office.db"
    shutil.copy(template_db, path)
    db = Database(path)
    actors = {name: Actor(name, role, "MRS", name.title()) for name, role in ROLES.items()}
    yield Office(path, db, actors)  # type: ignore[arg-type]
    db.dispose()


@pytest.fixture
def today() -> date:
    """The fixed 'today' of the tests (rules take dates as arguments)."""
    return TODAY
