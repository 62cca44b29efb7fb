"""Offices for the sync tests, each its own SQLite file, all trusting each other."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from branch_desk.db.engine import Database
from branch_desk.db.models.participants import Participant
from branch_desk.domain.actor import Actor
from branch_desk.services.uow import UnitOfWork

PASSWORD = "rahasia-kantor-1"
NAMES = {"MRS": "Kantor Cabang Maros", "PKJ": "Kantor Cabang Pangkajene",
         "WIL": "Kantor Wilayah Sulawesi", "BAU": "Kantor Cabang Bau-Bau",
         "TRN": "Kantor Cabang Ternate"}


# Databases are kept alive for the whole run: `recording.install` decides with
# `event.contains(sessionmaker, …)`, and SQLAlchemy's event registry can answer True for a
# new sessionmaker that reuses the id() of a collected one — then writes go unrecorded.
_ALIVE: list[Database] = []


def keep_alive(db: Database) -> Database:
    """Keep `db` referenced until the run ends (see above); returns it."""
    _ALIVE.append(db)
    return db


@dataclass
class SyncOffice:
    """An office of the sync tests: its code, database file and admin."""

    code: str
    path: Path
    db: Database
    admin: Actor = field(init=False)

    def __post_init__(self) -> None:
        self.admin = Actor("admin", "admin", self.code, "Admin")

    def uow(self, *, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self.db, self.admin, write=write)


def build_templates(base: Path, codes: list[str]) -> dict[str, Path]:
    """One initialised database per office code; all trust each other."""
    from branch_desk.services.admin.offices import initialise
    from branch_desk.services.sync.identity import trust_identity, write_identity

    paths: dict[str, Path] = {}
    for code in codes:
        path = base / f"{code}.db"
        db = Database(path)
        keep_alive(db)
        initialise(db, office_code=code, office_name=NAMES.get(code, code), admin="admin",
                   password=PASSWORD, kind="wilayah" if code == "WIL" else "cabang")
        with UnitOfWork(db, Actor("admin", "admin", code), write=True) as uow:
            write_identity(uow, out=base / f"{code}.identity.json")
            uow.commit()
        db.dispose()
        paths[code] = path
    for code in codes:
        db = Database(paths[code])
        keep_alive(db)
        with UnitOfWork(db, Actor("admin", "admin", code), write=True) as uow:
            for other in codes:
                if other != code:
                    trust_identity(uow, path=base / f"{other}.identity.json")
            uow.commit()
        db.dispose()
    return paths




def open_offices(templates: dict[str, Path], target: Path) -> dict[str, SyncOffice]:
    """A copy of each template database in `target`, opened."""
    target.mkdir(parents=True, exist_ok=True)
    offices = {}
    for code, path in templates.items():
        copy = target / path.name
        shutil.copy(path, copy)
        db = Database(copy)
        keep_alive(db)
        offices[code] = SyncOffice(code, copy, db)
    return offices


def close_offices(offices: dict[str, SyncOffice]) -> None:
    """Close every office's database."""
    for office in offices.values():
        office.db.dispose()


def export(src: SyncOffice, dst: str, out: Path) -> Any:
    """Export `src`'s changes for office `dst` into `out`; the export's result."""
    from branch_desk.services.sync.exchange import export_changes

    with src.uow() as uow:
        result = export_changes(uow, target=dst, out=out)
        uow.commit()
    return result


def import_(dst: SyncOffice, path: Path) -> Any:
    """Import the sync file `path` into `dst`; the import's result."""
    from branch_desk.services.sync.exchange import import_changes

    with dst.uow() as uow:
        result = import_changes(uow, path=path)
        uow.commit()
    return result


def add_participant(office: SyncOffice, *, nik: str, name: str, kpj: str) -> str:
    """A participant written straight to the database (as a sync test needs it); its id."""
    with office.uow() as uow:
        p = Participant(nik=nik, kpj=kpj, name=name, name_search=name.lower(),
                        birth_date=date(1990, 5, 5), sex="P", village_code="73.09.01.2001",
                        segment="BPU", tmt=date(2025, 1, 1), registered_on=date(2025, 1, 1))
        uow.session.add(p)
        uow.commit()
        return p.id


def edit_participant(office: SyncOffice, pid: str, **values: Any) -> None:
    """Set `values` on participant `pid`'s row."""
    with office.uow() as uow:
        p = uow.session.get(Participant, pid)
        assert p is not None
        for k, v in values.items():
            setattr(p, k, v)
        uow.commit()


def participant(office: SyncOffice, pid: str) -> Participant | None:
    """Participant `pid`'s row as `office` holds it, detached (None: not there)."""
    with office.uow(write=False) as uow:
        p = uow.session.scalar(select(Participant).where(Participant.id == pid))
        if p is not None:
            uow.session.expunge(p)
        return p


def digest(office: SyncOffice) -> dict[str, Any]:
    """The digest of everything `office` holds (equal digests: the same data)."""
    from branch_desk.sync import digest as d

    with office.uow(write=False) as uow:
        return d.compute(uow.session)
