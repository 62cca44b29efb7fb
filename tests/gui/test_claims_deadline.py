"""The claims page shows BPJS's payment deadline: days left, overdue claims and a filter."""

from __future__ import annotations

from datetime import date

from branch_desk.services.claims.data import ClaimData, ClaimFactsData, RecipientData
from branch_desk.services.claims.workflow import mark_documents, new_claim
from branch_desk.ui.claims.page import OVERDUE, ClaimsPage
from tests.support.claims import add_person, jkm_data
from tests.support.gui import app_context, stop_timers


def _page(qtbot, office, today):
    page = ClaimsPage(app_context(office, "petugas"), today=today)
    qtbot.addWidget(page, before_close_func=stop_timers)
    return page


def _claims(office):
    """A JKK file complete on Monday 16 June 2025 (due 25 June) and a JKM not complete."""
    kpj = add_person(office)
    jkk = ClaimData(participant=kpj, claim_type="JKK", event_date=date(2025, 6, 10),
                    cause="kerja", recipients=(RecipientData("Daeng Sija", "peserta",
                                                             "0123456789", "BRI"),),
                    facts=ClaimFactsData(outcome="temporary", stmb_months=1,
                                         reported_on=date(2025, 6, 11)))
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=jkk, today=date(2025, 6, 16))
        mark_documents(uow, number=row.number, all_received=True, today=date(2025, 6, 16))
        open_jkm = new_claim(uow, data=jkm_data(kpj), today=date(2025, 6, 16))
        uow.commit()
    return row.number, open_jkm.number


def test_days_left_then_overdue_with_filter(qtbot, office):
    jkk, jkm = _claims(office)
    page = _page(qtbot, office, date(2025, 6, 20))
    model = page.model
    texts = {r.number: model.data(model.index(i, model.COL_DUE))
             for i, r in enumerate(model.rows)}
    assert texts == {jkk: "sisa 5 hari", jkm: ""}
    late = _page(qtbot, office, date(2025, 6, 27))
    row = next(i for i, r in enumerate(late.model.rows) if r.number == jkk)
    assert late.model.data(late.model.index(row, late.model.COL_DUE)) == "lewat 2 hari"
    tip = late.model.data(late.model.index(row, late.model.COL_DUE), 3)  # ToolTipRole
    assert "25 Juni 2025" in tip and "Rp" in tip and "PP 44/2015" in tip
    late.state.setCurrentIndex(late.state.findData(OVERDUE))
    assert [r.number for r in late.model.rows] == [jkk]
    late.select(jkk)
    assert "Batas bayar BPJS" in late.detail.body.toPlainText()
