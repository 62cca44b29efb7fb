"""Approving and paying a claim ask for confirmation naming the amount and the payee; a
refusal writes nothing."""

from __future__ import annotations

from branch_desk.domain.money import format_rupiah
from branch_desk.services.claims.workflow import advance_claim, mark_documents, new_claim
from tests.support.claims import add_person, jkm_data
from tests.support.claims_gui import claims_page
from tests.support.offices import TODAY


def _verified(office) -> str:
    kpj = add_person(office)
    with office.uow("petugas") as uow:
        claim = new_claim(uow, data=jkm_data(kpj), today=TODAY)
        mark_documents(uow, number=claim.number, all_received=True, today=TODAY)
        advance_claim(uow, number=claim.number, to="diajukan", today=TODAY)
        uow.commit()
    with office.uow("petugas2") as uow:
        advance_claim(uow, number=claim.number, to="diverifikasi", today=TODAY)
        uow.commit()
    return claim.number


def test_approve_and_pay_name_the_amount_and_the_payee(qtbot, office):
    number = _verified(office)
    page = claims_page(qtbot, office, "kepala")
    page.select(number)
    detail = page.detail
    asked: list[str] = []
    detail.confirm = lambda title, text: asked.append(text) or False
    detail.buttons["disetujui"].click()
    assert detail.row.status == "diverifikasi"  # declined: nothing written
    amount = format_rupiah(detail.row.total_amount)
    assert amount in asked[0] and "Hasnah" in asked[0] and "0123456789" in asked[0]
    detail.confirm = lambda title, text: asked.append(text) or True
    detail.buttons["disetujui"].click()
    assert detail.row.status == "disetujui"
    officer = claims_page(qtbot, office, "petugas")
    officer.select(number)
    officer.detail.ask = lambda title, label: "TRF-BRI-0009"
    officer.detail.confirm = lambda title, text: asked.append(text) or False
    officer.detail.buttons["dibayar"].click()
    assert officer.detail.row.status == "disetujui"
    assert "dibayar" in asked[-1] and amount in asked[-1] and "BRI" in asked[-1]
