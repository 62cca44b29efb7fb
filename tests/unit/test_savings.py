"""JHT/JP figures estimated from recorded contributions, and who a claim is paid to."""

from __future__ import annotations

from datetime import date

import pytest

from branch_desk.domain.claim_recipients import heir_rank, paid_to_heirs, split_bank_account
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.programs import FundingSource, Program, Segment
from branch_desk.domain.rates import ContributionInput, monthly_contribution
from branch_desk.domain.savings import Earner, PaidPeriod, estimate_savings

PU4 = frozenset({Program.JKK, Program.JKM, Program.JHT, Program.JP})
PU_WAGE = Earner(Segment.PU, 8_000_000)
# PU at Rp8.000.000 (low risk): JKK 0,54 % + JKM 0,30 % + JHT 5,7 % + JP 3 % (DOMAIN §2.1)
MONTH_BILLED = 43_200 + 24_000 + 456_000 + 240_000


def test_jht_is_its_share_of_each_paid_month():
    periods = [PaidPeriod(date(2024, 3, 1), 12, PU4, 12 * MONTH_BILLED)]
    found = estimate_savings(periods, program=Program.JHT, earner=PU_WAGE,
                             as_of=date(2025, 6, 1))
    assert (found.months, found.contributions) == (12, 12 * 456_000)
    assert found.average_annual_wage is None


def test_months_after_the_event_are_not_counted():
    periods = [PaidPeriod(date(2024, 3, 1), 12, PU4, 12 * MONTH_BILLED)]
    found = estimate_savings(periods, program=Program.JP, earner=PU_WAGE,
                             as_of=date(2024, 8, 20))
    assert (found.months, found.contributions) == (6, 6 * 240_000)  # March-August 2024
    assert found.average_annual_wage == 96_000_000


def test_recorded_amount_decides_when_the_wage_changed():
    # paid when the wage was half of today's: the share follows what was recorded
    periods = [PaidPeriod(date(2024, 3, 1), 2, PU4, MONTH_BILLED)]
    found = estimate_savings(periods, program=Program.JHT, earner=PU_WAGE,
                             as_of=date(2025, 1, 1))
    assert found.contributions == 456_000


def test_jp_wage_base_is_capped():
    rich = Earner(Segment.PU, 20_000_000)
    billed = monthly_contribution(ContributionInput(Segment.PU, PU4, 20_000_000,
                                                    date(2025, 3, 1))).billed
    found = estimate_savings([PaidPeriod(date(2025, 3, 1), 1, PU4, billed)], program=Program.JP,
                             earner=rich, as_of=date(2025, 3, 1))
    # JP wage cap 2025 Rp10.547.400 (DOMAIN §2.1): 3 % of it, and the capped wage × 12
    assert found.contributions == 316_422
    assert found.average_annual_wage == 10_547_400 * 12


def test_bpu_jht_and_programmes_not_paid():
    bpu = Earner(Segment.BPU, 2_000_000, FundingSource.MANDIRI)
    jkk_jkm = frozenset({Program.JKK, Program.JKM})
    with_jht = jkk_jkm | {Program.JHT}
    periods = [PaidPeriod(date(2025, 1, 1), 3, jkk_jkm, 3 * 26_800),
               PaidPeriod(date(2025, 4, 1), 2, with_jht, 2 * (26_800 + 40_000))]
    found = estimate_savings(periods, program=Program.JHT, earner=bpu, as_of=date(2025, 12, 1))
    assert (found.months, found.contributions) == (2, 80_000)  # 2 % of Rp2.000.000


def test_a_month_without_rates_is_a_validation_error():
    with pytest.raises(ValidationError):
        # June 2015: before JP began (issue 18 item 5 gave every month since July 2015 a rate).
        estimate_savings([PaidPeriod(date(2015, 6, 1), 1, PU4, 1)], program=Program.JP,
                         earner=PU_WAGE, as_of=date(2025, 1, 1))


@pytest.mark.parametrize("claim_type, outcome, heirs", [
    ("JKM", None, True), ("BEASISWA", None, True), ("JKK", "death", True),
    ("JKK", "partial_disability", False), ("JHT", None, False), ("JP", None, False),
    ("JKP", None, False),
])
def test_who_is_paid(claim_type, outcome, heirs):
    assert paid_to_heirs(claim_type, outcome) is heirs


@pytest.mark.parametrize("text, expected", [
    ("BRI 123456789012", ("BRI", "123456789012")),
    ("Bank Sulselbar: 0223-4455-66", ("Bank Sulselbar", "0223445566")),
    ("0123 4567", ("", "01234567")),
    ("belum ada", ("", "belum ada")),
    ("", ("", "")),
])
def test_bank_account_split(text, expected):
    assert split_bank_account(text) == expected


def test_spouse_and_children_come_first():
    relations = ["mertua", "anak", "Lainnya", "istri", "ibu"]
    assert sorted(relations, key=heir_rank) == ["istri", "anak", "ibu", "mertua", "Lainnya"]
