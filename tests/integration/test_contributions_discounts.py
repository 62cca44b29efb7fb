"""Issue 18 items 1-2 through the payment service: PP 50/2025 by occupation group and period,
and the credit for months paid in full before the discount covered them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from branch_desk.db.models.contributions import ContributionEntry
from branch_desk.domain.errors import ValidationError
from branch_desk.services.contributions.payments import (
    quote_payment,
    record_payment,
    reverse_payment,
)
from tests.support.contributions import change_occupation, person

TMT = date(2025, 6, 1)


def quote(office, pid, first, months):
    with office.uow(write=False) as uow:
        return quote_payment(uow, participant_id=pid, first_month=first, months=months)


def pay(office, pid, first, months, paid_on):
    with office.uow("petugas") as uow:
        row = record_payment(uow, participant_id=pid, first_month=first, months=months,
                             payer="Daeng Nai", paid_on=paid_on)
        uow.commit()
    return row


def reverse(office, number):
    with office.uow("kepala") as uow:
        row = reverse_payment(uow, number_or_id=number, reason="salah catat bulan",
                              on=date(2026, 5, 2))
        uow.commit()
    return row


@pytest.mark.parametrize(("occupation", "january", "april"), [
    pytest.param("Pengemudi ojek online", 8_400, 8_400, id="ojol-from-January-2026"),
    pytest.param("Tukang ojek", 8_400, 8_400, id="ojek-pangkalan"),
    pytest.param("Kurir paket", 8_400, 8_400, id="kurir-paket"),
    pytest.param("Sopir angkot", 8_400, 8_400, id="sopir-angkot"),
    pytest.param("petani", 16_800, 8_400, id="farmer-from-April-2026"),
])
def test_pp50_by_occupation_group(office, occupation, january, april):
    pid = person(office, 1, tmt=TMT, occupation=occupation)
    assert quote(office, pid, date(2026, 1, 1), 1).total == january
    assert quote(office, pid, date(2026, 4, 1), 1).total == april
    assert quote(office, pid, date(2025, 12, 1), 1).total == 16_800


def test_months_paid_in_full_before_the_discount_count_towards_later_months(office):
    pid = person(office, 2, tmt=TMT, occupation="petani")
    early = pay(office, pid, date(2026, 1, 1), 3, paid_on=date(2025, 11, 20))
    assert early.amount == 3 * 16_800  # a farmer: no discount for January-March 2026
    # The officer learns he drives an ojek: January-March 2026 now cost 8.400 each, so
    # 3 × 8.400 = 25.200 was paid in advance and is credit for the next months.
    change_occupation(office, pid, 2, "Tukang ojek")
    offer = quote(office, pid, date(2026, 4, 1), 4)
    assert [a for _, a in offer.months] == [8_400] * 4
    assert (offer.credit, offer.total) == (25_200, 33_600 - 25_200)
    row = pay(office, pid, date(2026, 4, 1), 4, paid_on=date(2026, 4, 2))
    assert row.amount == 8_400 and "25.200" in row.note and "PP 50/2025" in row.note
    nxt = quote(office, pid, date(2026, 8, 1), 1)
    assert (nxt.credit, nxt.total) == (0, 8_400)


def test_credit_comes_back_when_the_payment_using_it_is_cancelled(office):
    pid = person(office, 3, tmt=TMT, occupation="petani")
    early = pay(office, pid, date(2026, 1, 1), 3, paid_on=date(2025, 11, 20))
    change_occupation(office, pid, 3, "Kurir paket")
    used = pay(office, pid, date(2026, 4, 1), 2, paid_on=date(2026, 4, 2))
    assert used.amount == 0
    # Cancelling the early payment while its credit pays April-May is refused: those months
    # would be left unpaid with nothing collected (an insider's refund trick).
    with office.uow("kepala") as uow, pytest.raises(ValidationError) as err:
        reverse_payment(uow, number_or_id=early.number, reason="dikembalikan tunai",
                        on=date(2026, 5, 2))
    assert err.value.field == "number" and "kredit" in err.value.message
    with office.uow(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(ContributionEntry)) == 2
    reverse(office, used.number)
    back = quote(office, pid, date(2026, 4, 1), 3)
    assert (back.credit, back.total) == (25_200, 0)
    reverse(office, early.number)  # allowed now: nothing rests on its credit
    assert quote(office, pid, date(2026, 4, 1), 3).credit == 0


def test_state_budget_participants_get_no_discount_and_no_credit(office):
    from tests.support.contributions import pemda

    pemda(office)
    pid = person(office, 4, tmt=TMT, occupation="Pengemudi ojek online",
                 partner_code="PEMKAB-MAROS")
    assert quote(office, pid, date(2026, 1, 1), 3).total == 3 * 16_800
    assert quote(office, pid, date(2026, 1, 1), 3).credit == 0


def _employer(office, code, industry, workers):
    from branch_desk.services.partners.registry import PartnerData, add_partner

    with office.uow("kepala") as uow:
        add_partner(uow, data=PartnerData(code=code, name=f"PT {code}", kind="employer",
                                          region_code="73.09", industry=industry,
                                          workers=workers))
        uow.commit()


@pytest.mark.parametrize(("industry", "workers", "may_2025"), [
    pytest.param("alas_kaki", 120, 370_800, id="footwear-120-workers-JKK-halved"),
    pytest.param("tekstil_pakaian_jadi", 49, 381_600, id="49-workers-full"),
    pytest.param("lainnya", 500, 381_600, id="other-industry-full"),
    pytest.param("", None, 381_600, id="unknown-employer-full"),
])
def test_pp7_2025_for_workers_of_a_labour_intensive_employer(office, industry, workers,
                                                            may_2025):
    _employer(office, "PT-SEPATU", industry, workers)
    pid = person(office, 5, segment="PU", income=4_000_000, partner_code="PT-SEPATU")
    # PP 7/2025 Pasal 6 ayat (2): JKK paid up to January 2025 (enrolled in January).
    assert quote(office, pid, date(2025, 1, 1), 5).total == 381_600 + 4 * may_2025
    pay(office, pid, date(2025, 1, 1), 1, paid_on=date(2025, 2, 10))
    # JKK 0,54% of 4 jt = 21.600 (halved: 10.800), JKM 12.000, JHT 228.000, JP 120.000.
    assert quote(office, pid, date(2025, 5, 1), 1).total == may_2025
    assert quote(office, pid, date(2025, 1, 1), 1).total == 381_600  # before February 2025
    assert quote(office, pid, date(2026, 2, 1), 1).total == 381_600  # after January 2026


def test_pp7_2025_needs_jkk_paid_up_to_january_2025_and_says_why(office):
    # A careless officer quotes May 2025 for a worker whose January 2025 is unpaid: full JKK,
    # with the reason, and the payment records the full amount.
    _employer(office, "PT-SEPATU", "alas_kaki", 120)
    pid = person(office, 5, segment="PU", income=4_000_000, partner_code="PT-SEPATU")
    row = quote(office, pid, date(2025, 5, 1), 1)
    assert row.total == 381_600
    assert row.refusals and "Januari 2025 belum dibayar" in row.refusals[0]
    assert "PP 7/2025" in row.refusals[0] and "Pasal 6 ayat (2)" in row.refusals[0]
    assert pay(office, pid, date(2025, 5, 1), 1, paid_on=date(2025, 6, 10)).amount == 381_600


def test_pp49_2020_needs_contributions_paid_to_july_2020_or_two_months_for_joiners(office):
    # PP 49/2020 Pasal 13: 99% off BPU JKK (Rp10.000 -> Rp100) and JKM (Rp6.800 -> Rp68)
    # for August 2020-January 2021 when paid up to July 2020; a later joiner pays its first
    # two months in full.
    old = person(office, 6, tmt=date(2020, 5, 1))
    assert quote(office, old, date(2020, 9, 1), 1).total == 16_800  # May-Aug 2020 unpaid
    pay(office, old, date(2020, 5, 1), 3, paid_on=date(2020, 8, 1))  # May-July 2020
    assert quote(office, old, date(2020, 8, 1), 2).total == 2 * 168
    joiner = person(office, 7, tmt=date(2020, 9, 1))
    first = quote(office, joiner, date(2020, 9, 1), 3)
    assert [a for _, a in first.months] == [16_800, 16_800, 168]
    assert "bulan ke-1 kepesertaan dibayar penuh" in first.refusals[0]


@pytest.mark.parametrize(("industry", "workers", "field"), [
    ("rokok", 100, "industry"), ("alas_kaki", -1, "workers"),
])
def test_crafted_employer_data_is_refused_and_nothing_is_written(office, industry, workers,
                                                                 field):
    from branch_desk.db.models.partners import Partner

    with pytest.raises(ValidationError) as err:
        _employer(office, "PT-X", industry, workers)
    assert err.value.field == field
    with office.uow(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Partner)) == 0


def test_a_pemda_bill_applies_pp49_2020_only_when_the_months_before_are_settled(office):
    # A worker enrolled in May 2020: billed from August 2020 alone, May-July stay unpaid and
    # the 99% PP 49/2020 discount is not granted; billed back to the TMT, the months billed
    # together count as paid and August 2020-January 2021 cost Rp168 a month.
    from branch_desk.services.contributions.bill_documents import month_rows
    from branch_desk.services.contributions.billing import bill_lines, build_bill, cancel_bill
    from tests.support.contributions import pemda

    code = pemda(office)
    pid = person(office, 8, tmt=date(2020, 5, 1), partner_code=code)

    def bill(back_to_tmt):
        with office.uow("kepala") as uow:
            row = build_bill(uow, partner_code=code, first_month=date(2020, 8, 1), months=6,
                             today=date(2026, 5, 4), back_to_tmt=back_to_tmt)
            uow.commit()
        with office.uow(write=False) as uow:
            lines = [ln for ln in bill_lines(uow, row.number) if ln.participant_id == pid]
            months = month_rows(uow, row.number)
        assert sum(amount for _, _, amount in months) == row.total  # the PDF adds up
        return row, sum(ln.amount for ln in lines)

    alone, amount = bill(back_to_tmt=False)
    assert amount == 6 * 16_800
    with office.uow("kepala") as uow:
        cancel_bill(uow, bill_number=alone.number, reason="tagih sejak TMT")
        uow.commit()
    _back, amount = bill(back_to_tmt=True)
    assert amount == 3 * 16_800 + 6 * 168
