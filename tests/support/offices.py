"""The test office: its users and passwords, the fixed clock, and how its database is built."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from branch_desk.db.engine import Database
    from branch_desk.domain.actor import Actor
    from branch_desk.services.uow import UnitOfWork

PASSWORDS = {"admin": "admin-demo", "petugas": "petugas-demo", "petugas2": "petugas2-demo",
             "kepala": "kepala-demo", "kepala2": "kepala2-demo"}
ROLES = {"admin": "admin", "petugas": "petugas", "petugas2": "petugas", "kepala": "supervisor",
         "kepala2": "supervisor"}
TODAY = date(2025, 6, 16)
NOW = datetime(2025, 6, 16, 2, 30, tzinfo=UTC)


@dataclass
class Office:
    """A test office: its database and an Actor per user name."""

    path: Path | str
    db: Database
    actors: dict[str, Actor]

    def uow(self, user: str = "petugas", *, write: bool = True) -> UnitOfWork:
        from branch_desk.services.uow import UnitOfWork

        return UnitOfWork(self.db, self.actors[user], write=write)


def build_office(target: str | Path) -> None:
    """Set up office MRS at `target` (a SQLite path or a database URL) with the users in
    PASSWORDS, each with the role ROLES gives."""
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
