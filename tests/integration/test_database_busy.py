"""Another workstation holding the SQLite write lock longer than the program waits: the
officer gets a message instead of "database is locked", and nothing is written. (The wait is
SQLite's busy timeout, 30 seconds in the program; lowered here so the test does not wait.)"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from branch_desk.cli.main import main
from branch_desk.db import engine
from branch_desk.domain.errors import DatabaseBusy
from branch_desk.services.partners.registry import PartnerData, add_partner
from tests.support.offices import PASSWORDS

pytestmark = pytest.mark.sqlite_only


@pytest.fixture(autouse=True)
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection opened during the test waits 0.3 s for a lock instead of 30 s."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)


@contextmanager
def held_by_another_workstation(path: Path) -> Iterator[None]:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_service_write_tells_the_officer_and_writes_nothing(office):
    office.db.dispose()  # the pool's connections were opened before the lower timeout
    with held_by_another_workstation(office.path), \
            pytest.raises(DatabaseBusy, match="dikunci komputer atau program lain"), \
            office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(code="UJI", name="PT Uji", kind="employer",
                                          region_code="73.09"))
        uow.commit()
    with office.uow("admin", write=False) as uow:
        from branch_desk.services.partners.registry import list_partners

        assert "UJI" not in {p.code for p in list_partners(uow)}


def test_the_command_line_says_so_without_a_traceback(office, capsys, monkeypatch):
    office.db.dispose()
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORDS["admin"])
    before = digest(Path(office.path))
    with held_by_another_workstation(office.path):
        code = main(["--db", str(office.path), "partners", "add", "--code", "UJI",
                     "--kind", "employer", "--name", "PT Uji", "--region", "73.09",
                     "--user", "admin"])
    out, err = capsys.readouterr()
    assert code == 2 and "tunggu sebentar lalu ulangi" in err, (out, err)
    assert "Traceback" not in err and "database is locked" not in err
    assert digest(Path(office.path)) == before
