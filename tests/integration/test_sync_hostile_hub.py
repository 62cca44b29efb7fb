"""The hostile insider against the hub, on SQLite and on PostgreSQL (the hub's engine when
BRANCH_DESK_TEST_PG is set): Maros signs crafted files with its own keys. A forged origin
and an impossible clock are refused with the hub unchanged; text PostgreSQL cannot store
is quarantined and never blocks Maros's later files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select

from branch_desk.db.models.core import ChangeEntry
from branch_desk.db.models.participants import Participant
from branch_desk.services.admin.users import authenticate
from branch_desk.services.sync.review import list_quarantine
from branch_desk.sync.errors import SyncRejected
from tests.support.claims import add_person
from tests.support.forgery import craft, logged
from tests.support.hub import HUB, PASSWORD, export_to, import_file


def _insider(offices) -> Any:
    """Maros as the forgery helpers see it (its code and units of work)."""
    mrs = offices["MRS"]
    return SimpleNamespace(code="MRS", uow=lambda write=True: mrs.uow("admin", write=write),
                           db=mrs.db)


def _hub_state(offices) -> tuple[int, int]:
    with offices[HUB].uow("admin", write=False) as uow:
        return (uow.session.scalar(select(func.count()).select_from(ChangeEntry)),
                uow.session.scalar(select(func.count()).select_from(Participant)))


def _refused(offices, path: Path, reason: str) -> None:
    before = _hub_state(offices)
    with pytest.raises(SyncRejected) as info:
        import_file(offices[HUB], path)
    assert info.value.reason == reason, str(info.value)
    assert _hub_state(offices) == before


def _entries(offices) -> list[list[Any]]:
    add_person(offices["MRS"], nik="7309014505900051", name="Andi Tenri", paid_to=None)
    return logged(_insider(offices))


def test_forged_origin_and_overflowing_clock_are_refused_by_the_hub(offices, tmp_path):
    entries = _entries(offices)
    pkj_claim = [["PKJ", 1, 5, "participants", entries[-1][4], "update", {"phone": "0811"},
                  "2025-06-16T03:00:00+00:00", "admin"]]
    _refused(offices, craft(_insider(offices), HUB, [*entries, *pkj_claim],
                            tmp_path / "forged.bdsync"), "provenance")
    clocked = [list(e) for e in entries]
    clocked[-1][2] = 2**63 - 1
    _refused(offices, craft(_insider(offices), HUB, clocked, tmp_path / "clock.bdsync"),
             "bounds")
    actor = authenticate(offices[HUB].db, "admin", PASSWORD, now=datetime.now(UTC))
    assert actor.office == HUB


@pytest.mark.parametrize("bad", ["A" * 10_000, "Andi\x00Tenri"])
def test_text_the_hub_cannot_store_is_quarantined_and_never_blocks_later_files(
        offices, tmp_path, bad):
    """As it happened: a name written into Maros's database around the program (an old
    version, an import tool) travels in Maros's honest, signed file."""
    import sqlite3

    entries = _entries(offices)
    person = next(e for e in entries if e[3] == "participants")
    offices["MRS"].db.dispose()
    with sqlite3.connect(offices["MRS"].path) as conn:
        conn.execute("UPDATE participants SET name = ? WHERE id = ?", (bad, person[4]))
        conn.execute("UPDATE change_log SET fields = json_set(fields, '$.name', ?) "
                     "WHERE row_id = ? AND op = 'insert'", (bad, person[4]))
    conn.close()
    sent = export_to(offices["MRS"], HUB, tmp_path / "spoiled.bdsync")
    assert len(sent.unfit) == 1 and "akan dikarantina" in sent.unfit_note  # Maros sees it
    result = import_file(offices[HUB], sent.path)
    assert result.quarantined >= 1 and result.new >= 1
    with offices[HUB].uow("admin", write=False) as uow:
        assert uow.session.get(Participant, person[4]) is None
        held = list_quarantine(uow)
    assert held[0].row_id == person[4] and held[0].origin == "MRS"
    # Maros's next file goes through: the hub is not stuck
    add_person(offices["MRS"], nik="7309014505900052", name="Baso Daeng", paid_to=None)
    later = import_file(offices[HUB], export_to(offices["MRS"], HUB,
                                                tmp_path / "later.bdsync").path)
    assert later.new >= 1
    with offices[HUB].uow("admin", write=False) as uow:
        assert uow.session.scalar(select(Participant.name).where(
            Participant.nik == "7309014505900052")) == "Baso Daeng"
