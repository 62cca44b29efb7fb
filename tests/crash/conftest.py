"""Templates for the crash campaigns: the office database plus what each operation needs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def crash_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The office with partner PEMKAB-MAROS, closed cleanly (no WAL beside it)."""
    from branch_desk.db.engine import Database
    from branch_desk.services.context import Actor
    from branch_desk.services.partners import PartnerData, add_partner
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
