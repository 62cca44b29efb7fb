"""A region for the hub tests: a hub and three branches trusting it, and each branch's work."""

from __future__ import annotations

import itertools
import os
from datetime import date
from pathlib import Path
from typing import Any

from branch_desk.db.engine import Database
from branch_desk.domain.actor import Actor
from branch_desk.services.claims.workflow import advance_claim, mark_documents, new_claim
from branch_desk.services.partners.agreements import AgreementData, new_agreement
from branch_desk.services.partners.registry import PartnerData, add_partner
from branch_desk.services.uow import UnitOfWork
from tests.support.claims import add_person, jkm_data
from tests.support.offices import ROLES, TODAY, Office
from tests.support.postgres import pg_admin_url, pg_execute
from tests.support.sync import keep_alive

PASSWORD = "rahasia-wilayah-1"
BRANCHES = {"MRS": ("Kantor Cabang Maros", "73.09"),
            "PKJ": ("Kantor Cabang Pangkajene", "73.10"),
            "PRE": ("Kantor Cabang Parepare", "73.72")}
HUB = "SULSEL"
PARTNERS = {"MRS": ("PEMKAB-MAROS", "Pemerintah Kabupaten Maros", "pemkab", "73.09"),
            "PKJ": ("PEMKAB-PANGKEP", "Pemerintah Kabupaten Pangkajene Kepulauan", "pemkab",
                    "73.10"),
            "PRE": ("PEMKOT-PAREPARE", "Pemerintah Kota Parepare", "pemkot", "73.72")}
PEOPLE = {"MRS": [("7309010505800001", "Daeng Sija", "73.09.01.1001"),
                  ("7309014507850001", "Sitti Aminah", "73.09.01.1001")],
          "PKJ": [("7310010202810003", "Andi Basri", "73.10.01.1001")],
          "PRE": [("7372010303820004", "Muhammad Rahman", "73.72.01.1004"),
                  ("7372014404830005", "Nur Hasanah", "73.72.01.1004"),
                  ("7372010505840006", "Abdul Latif", "73.72.01.1004")]}
SIGNED = {"MRS": date(2024, 7, 1), "PKJ": date(2025, 1, 2), "PRE": date(2024, 8, 20)}
_counter = itertools.count()


def hub_target(engine: str, tmp_path: Path) -> str:
    """Where the hub's database goes on `engine`: a file in `tmp_path`, or a new PostgreSQL
    database."""
    if engine == "sqlite":
        return str(tmp_path / "hub.db")
    name = f"bd_hub_{os.getpid()}_{next(_counter)}"
    pg_execute(f"DROP DATABASE IF EXISTS {name}")
    pg_execute(f"CREATE DATABASE {name}")
    return pg_admin_url(name)


def drop_hub(target: str) -> None:
    """Drop the hub's PostgreSQL database (a file is left to tmp_path)."""
    if "://" in target:
        from sqlalchemy.engine import make_url

        pg_execute(f"DROP DATABASE IF EXISTS {make_url(target).database} WITH (FORCE)")


def open_office(target: str | Path, code: str, name: str, region: str, kind: str) -> Office:
    """Set up office `code` (a `kind` office: cabang or wilayah) at `target`, with the users
    in ROLES."""
    from branch_desk.services.admin.offices import initialise

    db = Database(target)
    keep_alive(db)
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


def branch_work(office: Office, code: str) -> str:
    """A branch's work: its partner, PEOPLE, an agreement and a JKM claim with its documents
    (at MRS paid through the four-eyes steps); returns the claim's number."""
    partner_code, name, kind, reg = PARTNERS[code]
    with office.uow("kepala") as uow:
        add_partner(uow, data=PartnerData(code=partner_code, name=name, kind=kind,
                                          region_code=reg, head_name=f"Kepala {name}"))
        uow.commit()
    kpjs = [add_person(office, nik=nik, name=person, village=village,
                       paid_to=date(2025, 6, 1) if i == 0 else None)
            for i, (nik, person, village) in enumerate(PEOPLE[code])]
    with office.uow("kepala") as uow:
        new_agreement(uow, data=AgreementData(partner_code=partner_code, signed_on=SIGNED[code],
                                              place=name.split()[-1], workers=1000))
        uow.commit()
    with office.uow("petugas") as uow:
        claim = new_claim(uow, data=jkm_data(kpjs[0]), today=TODAY)
        mark_documents(uow, number=claim.number, all_received=True, today=TODAY)
        uow.commit()
    if code == "MRS":  # one claim paid, through the four-eyes steps
        for user, to, kw in (("petugas", "diajukan", {}), ("petugas2", "diverifikasi", {}),
                             ("kepala", "disetujui", {}),
                             ("petugas", "dibayar", {"reference": "TRF-001"})):
            with office.uow(user) as uow:
                advance_claim(uow, number=claim.number, to=to, today=TODAY, **kw)
                uow.commit()
    return claim.number


def export_to(office: Office, target: str, out: Path) -> Any:
    """Export `office`'s changes for office `target` into `out`; the export's result."""
    from branch_desk.services.sync.exchange import export_changes

    with office.uow("admin") as uow:
        result = export_changes(uow, target=target, out=out)
        uow.commit()
    return result


def import_file(office: Office, path: Path) -> Any:
    """Import the sync file `path` into `office`; the import's result."""
    from branch_desk.services.sync.exchange import import_changes

    with office.uow("admin") as uow:
        result = import_changes(uow, path=path)
        uow.commit()
    return result


def reading(office: Office) -> UnitOfWork:
    """A read-only unit of work of `office`'s supervisor."""
    return office.uow("kepala", write=False)
