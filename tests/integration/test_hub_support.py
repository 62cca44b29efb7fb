"""Helpers for the hub tests: three branches (SQLite files) and a regional hub (PostgreSQL when
BRANCH_DESK_TEST_PG names a server, and SQLite too), all trusting each other.

(Not a test module of its own: it holds no tests.)
"""

from __future__ import annotations

import itertools
import os
from datetime import date
from pathlib import Path

from branch_desk.db.engine import Database
from branch_desk.domain.actor import Actor
from branch_desk.services.uow import UnitOfWork
from tests.conftest import ROLES, Office

PASSWORD = "rahasia-wilayah-1"
BRANCHES = {"MRS": ("Kantor Cabang Maros", "73.09"),
            "PKJ": ("Kantor Cabang Pangkajene", "73.10"),
            "PRE": ("Kantor Cabang Parepare", "73.72")}
HUB = "SULSEL"
TODAY = date(2025, 6, 16)
# Kept alive for the run (see tests/integration/test_sync_support.py on recording.install).
_ALIVE: list[Database] = []
_counter = itertools.count()


def hub_target(engine: str, tmp_path: Path) -> str:
    if engine == "sqlite":
        return str(tmp_path / "hub.db")
    from tests.conftest import _pg_admin_url, _pg_execute

    name = f"bd_hub_{os.getpid()}_{next(_counter)}"
    _pg_execute(f"DROP DATABASE IF EXISTS {name}")
    _pg_execute(f"CREATE DATABASE {name}")
    return _pg_admin_url(name)


def drop_hub(target: str) -> None:
    if "://" in target:
        from sqlalchemy.engine import make_url

        from tests.conftest import _pg_execute

        _pg_execute(f"DROP DATABASE IF EXISTS {make_url(target).database} WITH (FORCE)")


def open_office(target: str | Path, code: str, name: str, region: str, kind: str) -> Office:
    from branch_desk.services.admin.offices import initialise

    db = Database(target)
    _ALIVE.append(db)
    initialise(db, office_code=code, office_name=name, admin="admin", password=PASSWORD,
               kind=kind, region_code=region, head_name=f"Kepala {code}",
               head_title="Kepala Kantor Wilayah" if kind == "wilayah" else
               "Kepala Kantor Cabang")
    actors = {n: Actor(n, role, code, n.title()) for n, role in ROLES.items()}
    return Office(target, db, actors)


def region(hub_url: str, folder: Path) -> dict[str, Office]:
    """The hub and three branches, identities exchanged (each branch trusts the hub)."""
    from branch_desk.services.sync.identity import trust_identity, write_identity

    folder.mkdir(parents=True, exist_ok=True)
    offices = {HUB: open_office(hub_url, HUB, "Kantor Wilayah Sulawesi Maluku", "73", "wilayah")}
    for code, (name, reg) in BRANCHES.items():
        offices[code] = open_office(folder / f"{code}.db", code, name, reg, "cabang")
    for code, office in offices.items():
        with office.uow("admin") as uow:
            write_identity(uow, out=folder / f"{code}.identity.json")
            uow.commit()
    for code, office in offices.items():
        with office.uow("admin") as uow:
            for other in ([c for c in offices if c != HUB] if code == HUB else [HUB]):
                trust_identity(uow, path=folder / f"{other}.identity.json")
            uow.commit()
    return offices


def export_to(office: Office, target: str, out: Path):  # type: ignore[no-untyped-def]
    from branch_desk.services.sync.exchange import export_changes

    with office.uow("admin") as uow:
        result = export_changes(uow, target=target, out=out)
        uow.commit()
    return result


def import_file(office: Office, path: Path):  # type: ignore[no-untyped-def]
    from branch_desk.services.sync.exchange import import_changes

    with office.uow("admin") as uow:
        result = import_changes(uow, path=path)
        uow.commit()
    return result


def reading(office: Office) -> UnitOfWork:
    return office.uow("kepala", write=False)
