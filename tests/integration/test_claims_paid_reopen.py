"""A paid claim is never paid twice: reopening it records that the first transfer came back
(the bank's reference and the date); the first transfer reference stays in the claim's
history; the recap counts the claim's payment once."""

from __future__ import annotations

from datetime import date

import pytest

from branch_desk.domain.errors import ValidationError
from branch_desk.services.claims.queries import get_claim
from branch_desk.services.claims.recap import RecapFilter, claims_recap
from branch_desk.services.claims.workflow import (
    advance_claim,
    mark_documents,
    new_claim,
    reopen_claim,
)
from tests.support.claims import add_person, jkm_data
from tests.support.offices import TODAY

PAY = (("petugas", "diajukan", {}), ("petugas2", "diverifikasi", {}),
       ("kepala", "disetujui", {}))


def _paid(office, reference: str) -> str:
    kpj = add_person(office)
    with office.uow("petugas") as uow:
        claim = new_claim(uow, data=jkm_data(kpj), today=TODAY)
        mark_documents(uow, number=claim.number, all_received=True, today=TODAY)
        uow.commit()
    _pay(office, claim.number, reference, first=True)
    return claim.number


def _pay(office, number: str, reference: str, *, first: bool) -> None:
    for user, to, kw in (PAY if first else PAY[1:]):
        with office.uow(user) as uow:
            advance_claim(uow, number=number, to=to, today=TODAY, **kw)
            uow.commit()
    with office.uow("petugas") as uow:
        advance_claim(uow, number=number, to="dibayar", reference=reference, today=TODAY)
        uow.commit()


def _row(office, number):
    with office.uow("kepala", write=False) as uow:
        return get_claim(uow, number)


@pytest.mark.parametrize(("kw", "field"), [
    ({}, "reference"),
    ({"reference": "RTR-BRI-77"}, "returned_on"),
    ({"reference": "RTR-BRI-77", "returned_on": date(2025, 1, 1)}, "returned_on"),
    ({"reference": "RTR-BRI-77", "returned_on": date(2030, 1, 1)}, "returned_on"),
])
def test_reopening_a_paid_claim_needs_the_returned_transfer(office, kw, field):
    number = _paid(office, "TRF-001")
    before = _row(office, number)
    with office.uow("kepala") as uow, pytest.raises(ValidationError) as info:
        reopen_claim(uow, number=number, reason="Rekening ditutup", today=TODAY, **kw)
    assert info.value.field == field
    assert _row(office, number) == before


def test_the_first_transfer_stays_in_the_history_and_the_recap_counts_one_payment(office):
    number = _paid(office, "TRF-001")
    with office.uow("kepala") as uow:
        reopen_claim(uow, number=number, reason="Rekening ditutup", reference="RTR-BRI-77",
                     returned_on=TODAY, today=TODAY)
        uow.commit()
    reopened = _row(office, number)
    assert reopened.status == "diajukan" and reopened.transfer_reference == ""
    reopen = reopened.events[-1]
    assert reopen.action == "reopen" and reopen.reference == "TRF-001"
    assert "TRF-001" in reopen.reason and "RTR-BRI-77" in reopen.reason
    _pay(office, number, "TRF-002", first=False)
    paid = _row(office, number)
    assert paid.transfer_reference == "TRF-002"
    references = [e.reference for e in paid.events if e.to_status == "dibayar"]
    assert references == ["TRF-001", "TRF-002"]  # both transfers, in order, for ever
    with office.uow("kepala", write=False) as uow:
        recap = claims_recap(uow, criteria=RecapFilter(date(2025, 1, 1), date(2025, 12, 31)))
    assert sum(p.paid_count for p in recap.programs) == 1
    assert recap.paid_total == paid.total_amount > 0
