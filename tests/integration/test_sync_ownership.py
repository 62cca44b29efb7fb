"""Ownership on receipt, tried by a trusted insider at one branch against another branch's
claim, through the hub (SQLite, and PostgreSQL for the hub when BRANCH_DESK_TEST_PG is set):
payment fields of another office's records never change by merge; the edit becomes a
proposal for the owner, shown in its review queue and in `sync conflicts`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from branch_desk.db.models.claims import Claim, ClaimRecipient
from branch_desk.services.sync.review import list_conflicts, restore_conflict
from branch_desk.sync.received import MAX_CLOCK
from tests.support.forgery import plant_own_change
from tests.support.hub import HUB, branch_work, export_to, import_file

SWITCHED = {"bank_account": "9999999999", "bank_name": "BANK LAIN", "name": "Penipu"}


def logged_of(office) -> list[list[Any]]:
    """`office`'s change log as files carry it."""
    from types import SimpleNamespace

    from tests.support.forgery import logged

    return logged(SimpleNamespace(uow=lambda write=True: office.uow("admin", write=write)))


def _recipient(office, number: str) -> tuple[str, str, str, str]:
    with office.uow("kepala", write=False) as uow:
        s = uow.session
        claim = s.scalar(select(Claim).where(Claim.number == number))
        r = s.scalar(select(ClaimRecipient).where(ClaimRecipient.claim_id == claim.id))
        return r.id, r.name, r.bank_name, r.bank_account


def _region_with_maros_claim(offices, tmp_path: Path) -> str:
    """Maros's paid claim has reached the hub and Pangkajene; the claim's number."""
    number = branch_work(offices["MRS"], "MRS")
    import_file(offices[HUB], export_to(offices["MRS"], HUB, tmp_path / "m1.bdsync").path)
    import_file(offices["PKJ"], export_to(offices[HUB], "PKJ", tmp_path / "h1.bdsync").path)
    return number


def test_an_insider_changing_another_branchs_bank_account_only_proposes(offices, tmp_path):
    number = _region_with_maros_claim(offices, tmp_path)
    rid, *honest = _recipient(offices["MRS"], number)
    assert _recipient(offices["PKJ"], number) == (rid, *honest)
    pkj = offices["PKJ"]
    pkj.db.dispose()
    plant_own_change(Path(pkj.path), "PKJ", "claim_recipients", rid, SWITCHED,
                     lamport=MAX_CLOCK)
    # Pangkajene's key signs it; the hub applies nothing of it
    result = import_file(offices[HUB], export_to(pkj, HUB, tmp_path / "p1.bdsync").path)
    assert result.new >= 1
    assert _recipient(offices[HUB], number) == (rid, *honest)
    # relayed to Maros: still nothing changes; Maros gets a proposal per field
    import_file(offices["MRS"], export_to(offices[HUB], "MRS", tmp_path / "h2.bdsync").path)
    assert _recipient(offices["MRS"], number) == (rid, *honest)
    with offices["MRS"].uow("admin", write=False) as uow:
        proposals = {c.field: c for c in list_conflicts(uow) if c.kind == "proposal"}
    assert {f: proposals[f].losing_value for f in SWITCHED} == SWITCHED
    assert all(p.losing_office == "PKJ" and p.table == "claim_recipients"
               for p in proposals.values())
    with offices[HUB].uow("admin", write=False) as uow:  # the hub owns nothing of it
        assert not [c for c in list_conflicts(uow) if c.kind == "proposal"]


def test_an_edit_typed_at_a_non_owner_changes_nothing_and_the_owner_can_accept_it(
        offices, tmp_path):
    number = _region_with_maros_claim(offices, tmp_path)
    rid, *honest = _recipient(offices["MRS"], number)
    pkj = offices["PKJ"]
    with pkj.uow("petugas") as uow:
        row = uow.session.get(ClaimRecipient, rid)
        row.bank_account = "1112223334"
        row.relationship = "anak"
        uow.commit()
    assert _recipient(pkj, number) == (rid, *honest)  # withheld here as everywhere
    import_file(offices[HUB], export_to(pkj, HUB, tmp_path / "p1.bdsync").path)
    import_file(offices["MRS"], export_to(offices[HUB], "MRS", tmp_path / "h2.bdsync").path)
    mrs = offices["MRS"]
    with mrs.uow("admin") as uow:
        proposal = next(c for c in list_conflicts(uow) if c.field == "bank_account")
        assert proposal.kind == "proposal" and proposal.losing_value == "1112223334"
        restore_conflict(uow, conflict_id=proposal.id)  # the owner accepts it
        uow.commit()
    assert _recipient(mrs, number)[3] == "1112223334"
    import_file(offices[HUB], export_to(mrs, HUB, tmp_path / "m2.bdsync").path)
    assert _recipient(offices[HUB], number)[3] == "1112223334"


def test_a_claims_status_and_transfer_reference_stay_the_owners(offices, tmp_path):
    number = _region_with_maros_claim(offices, tmp_path)
    pkj = offices["PKJ"]
    with pkj.uow("kepala", write=False) as uow:
        claim = uow.session.scalar(select(Claim).where(Claim.number == number))
        cid, status, reference = claim.id, claim.status, claim.transfer_reference
    pkj.db.dispose()
    plant_own_change(Path(pkj.path), "PKJ", "claims", cid,
                     {"status": "disetujui", "transfer_reference": "", "total_amount": 1},
                     lamport=MAX_CLOCK)
    import_file(offices[HUB], export_to(pkj, HUB, tmp_path / "p1.bdsync").path)
    with offices[HUB].uow("kepala", write=False) as uow:
        claim = uow.session.get(Claim, cid)
        assert (claim.status, claim.transfer_reference) == (status, reference)
        assert claim.total_amount > 1


def test_another_office_cannot_add_a_recipient_or_a_step_to_a_claim(offices, tmp_path):
    """Typed at Pangkajene: refused. Planted in Pangkajene's change log as its own signed
    changes: quarantined at the hub, the claim's recipients and steps unchanged."""
    import pytest

    from branch_desk.db.models.claims import ClaimEvent
    from branch_desk.domain.errors import ValidationError
    from tests.support.forgery import plant_own_insert

    number = _region_with_maros_claim(offices, tmp_path)
    rid, *_ = _recipient(offices["MRS"], number)
    pkj = offices["PKJ"]
    with pkj.uow("petugas", write=False) as uow:
        claim_id = uow.session.get(ClaimRecipient, rid).claim_id
    with pkj.uow("petugas") as uow, pytest.raises(ValidationError) as info:
        uow.session.add(ClaimRecipient(claim_id=claim_id, name="Penipu", relationship="anak",
                                       bank_name="BANK LAIN", bank_account="9999999999"))
        uow.flush()
    assert "milik kantor MRS" in str(info.value)
    template = next(e for e in logged_of(offices[HUB]) if e[4] == rid)[6]
    step = next(e for e in logged_of(offices[HUB]) if e[3] == "claim_events")[6]
    pkj.db.dispose()
    extra = plant_own_insert(Path(pkj.path), "PKJ", "claim_recipients",
                             {**template, "name": "Penipu", "bank_account": "9999999999"},
                             lamport=MAX_CLOCK)
    event = plant_own_insert(Path(pkj.path), "PKJ", "claim_events",
                             {**step, "action": "transition", "to_status": "dibayar",
                              "reference": "TRF-PALSU"}, lamport=MAX_CLOCK)
    result = import_file(offices[HUB], export_to(pkj, HUB, tmp_path / "p1.bdsync").path)
    assert result.quarantined == 2
    with offices[HUB].uow("kepala", write=False) as uow:
        assert uow.session.get(ClaimRecipient, extra) is None
        assert uow.session.get(ClaimEvent, event) is None
