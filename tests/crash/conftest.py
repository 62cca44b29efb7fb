"""Templates for the crash campaigns: the office database plus what each operation needs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def crash_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The office with partner PEMKAB-MAROS, closed cleanly (no WAL beside it)."""
    from branch_desk.db.engine import Database
    from branch_desk.domain.actor import Actor
    from branch_desk.services.partners.registry import PartnerData, add_partner
    from branch_desk.services.uow import UnitOfWork

    path = tmp_path_factory.mktemp("crash") / "template.db"
    shutil.copy(template_db, path)
    db = Database(path)
    with UnitOfWork(db, Actor("admin", "admin", "MRS"), write=True) as uow:
        add_partner(uow, data=PartnerData(code="PEMKAB-MAROS", name="Pemerintah Kabupaten Maros",
                                          kind="pemkab", region_code="73.09"))
        uow.commit()
    db.dispose()
    assert not Path(str(path) + "-wal").exists()
    return path


def _import_list(db_path: Path, folder: Path, rows: int, office: str = "MRS") -> None:
    from datetime import date

    from branch_desk.db.engine import Database
    from branch_desk.domain.actor import Actor
    from branch_desk.services.participants.importing import import_participants
    from branch_desk.services.uow import UnitOfWork
    from tests.support.pemda_lists import pemda_rows, write_pemda_list

    source = write_pemda_list(folder / "daftar.xlsx", pemda_rows(rows, seed=11))
    db = Database(db_path)
    with UnitOfWork(db, Actor("admin", "admin", office), write=True) as uow:
        report = import_participants(uow, source, partner_code="PEMKAB-MAROS", dry_run=False,
                                     today=date(2025, 6, 16))
        assert report.imported == rows, report.summary()
        uow.commit()
    db.dispose()


BILL_WORKERS = 400


@pytest.fixture(scope="session")
def bill_template(crash_template: Path,
                  tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The office with 400 Pemda-funded workers and an unpaid bill for three months."""
    from datetime import date

    from branch_desk.db.engine import Database
    from branch_desk.domain.actor import Actor
    from branch_desk.services.contributions.billing import build_bill
    from branch_desk.services.uow import UnitOfWork

    folder = tmp_path_factory.mktemp("crash-bill")
    path = folder / "template.db"
    shutil.copy(crash_template, path)
    _import_list(path, folder, BILL_WORKERS)
    db = Database(path)
    with UnitOfWork(db, Actor("admin", "admin", "MRS"), write=True) as uow:
        bill = build_bill(uow, partner_code="PEMKAB-MAROS", first_month=date(2025, 6, 1),
                          months=3, today=date(2025, 6, 16))
        uow.commit()
    db.dispose()
    return path, bill.number


SYNC_PEOPLE = 400


@pytest.fixture(scope="session")
def sync_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """Office PKJ's database and a sync file from MRS holding 400 new participants."""
    from branch_desk.db.engine import Database
    from branch_desk.domain.actor import Actor
    from branch_desk.services.partners.registry import PartnerData, add_partner
    from branch_desk.services.sync.exchange import export_changes
    from branch_desk.services.uow import UnitOfWork
    from tests.support.sync import PASSWORD, build_templates

    folder = tmp_path_factory.mktemp("crash-sync")
    paths = build_templates(folder, ["MRS", "PKJ"])
    db = Database(paths["MRS"])
    with UnitOfWork(db, Actor("admin", "admin", "MRS"), write=True) as uow:
        add_partner(uow, data=PartnerData(code="PEMKAB-MAROS", name="Pemerintah Kabupaten Maros",
                                          kind="pemkab", region_code="73.09"))
        uow.commit()
    db.dispose()
    _import_list(paths["MRS"], folder, SYNC_PEOPLE)
    db = Database(paths["MRS"])
    out = folder / "MRS-ke-PKJ.bdsync"
    with UnitOfWork(db, Actor("admin", "admin", "MRS"), write=True) as uow:
        export_changes(uow, target="PKJ", out=out)
        uow.commit()
    db.dispose()
    return paths["PKJ"], out, PASSWORD
