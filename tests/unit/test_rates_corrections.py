"""Issue 18: contribution rules corrected against the regulations, each with its published
figure (JP wage caps, the JKP wage cap, PP 49/2020, PP 7/2025 jo. PP 36/2025, construction
JKM, the PP 50/2025 credit)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from branch_desk.domain.construction_rates import construction_contribution, construction_jkm
from branch_desk.domain.discount_credit import CreditState, PaidEntry, discount_credit
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.programs import FundingSource, Industry, Program, RiskClass, Segment
from branch_desk.domain.rates import (
    DEFAULT_DISCOUNTS,
    JP_WAGE_CAPS,
    ContributionInput,
    monthly_contribution,
)

P = Program
BASIC = frozenset({P.JKK, P.JKM})
PU_NO_JKP = frozenset({P.JKK, P.JKM, P.JHT, P.JP})


def pu(wage, month, programs=PU_NO_JKP, **kw):
    return monthly_contribution(ContributionInput(Segment.PU, frozenset(programs), wage, month,
                                                  **kw))


def bpu(income, month, **kw):
    return monthly_contribution(ContributionInput(Segment.BPU, BASIC, income, month, **kw))


# --- item 5: JP wage cap for every year since July 2015 ------------------------------------

@pytest.mark.parametrize(("month", "cap"), [
    pytest.param(date(2015, 7, 1), 7_000_000, id="PP45-Ps29(2)-7.000.000-Jul-2015"),
    pytest.param(date(2016, 2, 1), 7_000_000, id="2015-cap-until-Feb-2016"),
    pytest.param(date(2016, 3, 1), 7_335_300, id="2016-7.335.300"),
    pytest.param(date(2017, 3, 1), 7_703_500, id="2017-7.703.500"),
    pytest.param(date(2018, 3, 1), 8_094_000, id="2018-8.094.000"),
    pytest.param(date(2019, 3, 1), 8_512_400, id="2019-8.512.400"),
    pytest.param(date(2020, 3, 1), 8_939_700, id="B/1328/022020-8.939.700"),
    pytest.param(date(2021, 3, 1), 8_754_600, id="2021-8.754.600"),
    pytest.param(date(2022, 3, 1), 9_077_600, id="B/77/022023-2022-9.077.600"),
    pytest.param(date(2023, 2, 1), 9_077_600, id="Feb-2023-still-2022-cap"),
    pytest.param(date(2023, 3, 1), 9_559_600, id="B/77/022023-9.559.600"),
    pytest.param(date(2024, 3, 1), 10_042_300, id="B/1387/022024-10.042.300"),
    pytest.param(date(2025, 3, 1), 10_547_400, id="B/726/022025-10.547.400"),
    pytest.param(date(2026, 2, 1), 10_547_400, id="Feb-2026-still-2025-cap"),
    pytest.param(date(2026, 3, 1), 11_086_300, id="B/1226/022026-11.086.300"),
])
def test_jp_wage_cap_of_every_year(month, cap):
    line = pu(50_000_000, month, {P.JKK, P.JKM, P.JP}).line(P.JP)
    assert line.amount == cap * 3 // 100
    assert (line.employer_part, line.worker_part) == (cap * 2 // 100, cap // 100)


def test_every_jp_month_since_july_2015_has_a_rate():
    month = date(2015, 7, 1)
    while month <= date(2026, 12, 1):
        assert pu(5_000_000, month, {P.JKK, P.JKM, P.JP}).line(P.JP).amount == 150_000
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)


def test_jp_caps_follow_pp45_formula():
    """PP 45/2015 Pasal 29 ayat (3): each cap is the previous one × (1 + GDP growth),
    rounded to hundreds; the 2020 letter shows 8.512.400 × 1,0502 = 8.939.722 → 8.939.700."""
    caps = dict((start.year, cap) for start, cap, _ in JP_WAGE_CAPS)
    assert round(Decimal(caps[2019]) * Decimal("1.0502"), -2) == caps[2020]
    assert round(Decimal(caps[2020]) * Decimal("0.9793"), -2) == caps[2021]
    assert all(later > 0 for later in caps.values())
    assert [s for s, _, _ in JP_WAGE_CAPS] == sorted(s for s, _, _ in JP_WAGE_CAPS)
    assert all(source for _, _, source in JP_WAGE_CAPS)


# --- item 7: JKP on the wage capped at Rp5.000.000 ------------------------------------------

@pytest.mark.parametrize(("wage", "jkp"), [
    pytest.param(3_000_000, 6_600, id="below-cap-0.22%"),
    pytest.param(5_000_000, 11_000, id="at-cap"),
    pytest.param(12_000_000, 11_000, id="above-cap-Rp11.000-maximum"),
])
def test_jkp_government_share_on_capped_wage(wage, jkp):
    for month in (date(2024, 6, 1), date(2025, 6, 1)):
        line = pu(wage, month, frozenset(Program)).line(P.JKP)
        assert (line.amount, line.government_part, line.employer_part) == (jkp, jkp, 0)
        assert "5.000.000" in line.note


# --- item 4: PP 49/2020 ---------------------------------------------------------------------

def test_pp49_2020_bpu_pays_one_percent():
    """Kemnaker/PP 49/2020: BPU JKM Rp6.800 becomes Rp68 (1 %); JKK Rp10.000 becomes Rp100."""
    breakdown = bpu(1_000_000, date(2020, 9, 1))
    assert (breakdown.line(P.JKK).amount, breakdown.line(P.JKM).amount) == (100, 68)
    assert breakdown.discount_total == 9_900 + 6_732
    assert all("PP 49/2020" in line.rule_source for line in breakdown.lines)


@pytest.mark.parametrize(("month", "jkm"), [
    pytest.param(date(2020, 7, 1), 30_000, id="July-2020-full"),
    pytest.param(date(2020, 8, 1), 300, id="Aug-2020-1%-of-0.30%"),
    pytest.param(date(2021, 1, 1), 300, id="Jan-2021-last-month"),
    pytest.param(date(2021, 2, 1), 30_000, id="Feb-2021-full-again"),
])
def test_pp49_2020_pu_jkk_jkm(month, jkm):
    breakdown = pu(10_000_000, month, risk_class=RiskClass.VERY_LOW)
    assert breakdown.line(P.JKM).amount == jkm
    assert breakdown.line(P.JKK).amount == (240 if jkm == 300 else 24_000)
    assert breakdown.line(P.JHT).discount == 0 and breakdown.line(P.JHT).amount == 570_000


def test_pp49_2020_jp_is_deferred_not_waived():
    """PP 49/2020 Pasal 17 ayat (2): 99 % of JP deferred, settled by 15 April 2022 — still
    owed in full, so arrears and savings over those months count the whole JP."""
    line = pu(5_000_000, date(2020, 10, 1)).line(P.JP)
    assert (line.amount, line.discount, line.deferred) == (150_000, 0, 148_500)
    assert line.deferred_until == date(2022, 4, 15)
    assert "15-04-2022" in line.note
    after = pu(5_000_000, date(2021, 2, 1)).line(P.JP)
    assert (after.amount, after.deferred, after.deferred_until) == (150_000, 0, None)


def test_pp49_2020_construction_project():
    # 0,21 % of Rp100 jt = 210.000 → 1 % = 2.100; JKM 0,03 % = 30.000 → 300.
    relief = construction_contribution(month=date(2020, 10, 1), contract_value=100_000_000)
    assert (relief.jkk, relief.jkm) == (2_100, 300)
    full = construction_contribution(month=date(2021, 3, 1), contract_value=100_000_000)
    assert (full.jkk, full.jkm, full.discount) == (210_000, 30_000, 0)


# --- item 3: PP 7/2025 jo. PP 36/2025 -------------------------------------------------------

@pytest.mark.parametrize(("risk", "rate"), [
    pytest.param(RiskClass.VERY_LOW, "0.12", id="PP7-Ps4(1)-0.24->0.12"),
    pytest.param(RiskClass.LOW, "0.27", id="0.54->0.27"),
    pytest.param(RiskClass.MEDIUM, "0.445", id="0.89->0.445"),
    pytest.param(RiskClass.HIGH, "0.635", id="1.27->0.635"),
    pytest.param(RiskClass.VERY_HIGH, "0.87", id="1.74->0.87"),
])
def test_pp7_2025_halves_jkk_for_labour_intensive_employers(risk, rate):
    line = pu(10_000_000, date(2025, 5, 1), risk_class=risk,
              employer_industry=Industry.FOOTWEAR, employer_workers=50).line(P.JKK)
    assert line.amount == 10_000_000 * Decimal(rate) / 100
    assert "PP 7/2025" in line.rule_source and "PP 36/2025" in line.rule_source


@pytest.mark.parametrize(("month", "industry", "workers", "discounted"), [
    pytest.param(date(2025, 1, 1), Industry.TEXTILE_APPAREL, 500, False, id="before-Feb-2025"),
    pytest.param(date(2025, 2, 1), Industry.TEXTILE_APPAREL, 500, True, id="Feb-2025"),
    pytest.param(date(2025, 7, 1), Industry.FURNITURE, 50, True, id="July-2025-PP7"),
    pytest.param(date(2025, 8, 1), Industry.TOYS, 50, True, id="Aug-2025-PP36-extension"),
    pytest.param(date(2026, 1, 1), Industry.LEATHER, 50, True, id="Jan-2026-last"),
    pytest.param(date(2026, 2, 1), Industry.LEATHER, 50, False, id="Feb-2026-ended"),
    pytest.param(date(2025, 5, 1), Industry.FOOD_BEVERAGE_TOBACCO, 49, False, id="49-workers"),
    pytest.param(date(2025, 5, 1), Industry.OTHER, 5000, False, id="other-industry"),
    pytest.param(date(2025, 5, 1), None, None, False, id="unknown-employer"),
])
def test_pp7_2025_period_industry_and_size(month, industry, workers, discounted):
    breakdown = pu(4_000_000, month, employer_industry=industry, employer_workers=workers)
    assert (breakdown.line(P.JKK).discount > 0) is discounted
    assert breakdown.line(P.JKM).discount == 0 and breakdown.line(P.JP).discount == 0


def test_negative_employer_size_is_refused():
    with pytest.raises(ValidationError) as err:
        pu(4_000_000, date(2025, 5, 1), employer_industry=Industry.TOYS, employer_workers=-5)
    assert err.value.field == "employer_workers"


def test_every_discount_names_its_regulation():
    assert {d.source.split(" ")[0] + " " + d.source.split(" ")[1] for d in DEFAULT_DISCOUNTS} \
        == {"PP 50/2025", "PP 7/2025", "PP 49/2020"}
    assert all(d.valid_to is not None and d.valid_from <= d.valid_to
               for d in DEFAULT_DISCOUNTS)


# --- item 6: construction -------------------------------------------------------------------

@pytest.mark.parametrize(("value", "jkm"), [
    pytest.param(100_000_000, 30_000, id="0.03%-up-to-100jt"),
    pytest.param(500_000_000, 110_000, id="+0.02%-100-500jt"),
    pytest.param(1_000_000_000, 210_000, id="+0.02%-500jt-1M-[I]"),
    pytest.param(5_000_000_000, 610_000, id="+0.01%-1-5M-[I]"),
    pytest.param(10_000_000_000, 1_110_000, id="+0.01%-above-5M-[I]"),
])
def test_construction_jkm_by_contract_value(value, jkm):
    assert construction_jkm(value) == jkm
    both = construction_contribution(month=date(2025, 6, 1), contract_value=value)
    assert both.jkm == jkm and both.basis == "nilai_kontrak"
    assert both.total == both.jkk + jkm


def test_construction_wage_based_when_wages_are_known():
    result = construction_contribution(month=date(2025, 6, 1), wages=50_000_000)
    assert (result.basis, result.jkk, result.jkm) == ("upah", 870_000, 150_000)


@pytest.mark.parametrize("kwargs", [{}, {"wages": 0}, {"contract_value": -1},
                                    {"contract_value": 0}])
def test_construction_needs_wages_or_contract_value(kwargs):
    with pytest.raises(ValidationError):
        construction_contribution(month=date(2025, 6, 1), **kwargs)


# --- item 1: months paid in full before the discount are a credit ---------------------------

def _ojol(month):
    return bpu(1_000_000, month, occupation="ojol")


def _due(month):
    return _ojol(month).billed


def _cut(month):
    return _ojol(month).discount_total


def test_months_paid_in_full_before_the_discount_are_credited():
    # In November 2025 an ojol driver paid January–March 2026 at Rp16.800 (before PP 50/2025
    # was known): Rp8.400 a month too much, Rp25.200 of credit.
    early = PaidEntry(date(2025, 11, 20), date(2026, 1, 1), 3, 3 * 16_800)
    assert discount_credit([early], due=_due, discount=_cut).balance == 25_200
    # April–May paid with the credit (2 × 8.400 = 16.800 due, nothing paid): 8.400 left.
    used = PaidEntry(date(2026, 4, 2), date(2026, 4, 1), 2, 0)
    assert discount_credit([early, used], due=_due, discount=_cut) == CreditState(8_400, 0)


def test_credit_used_and_the_shortfall_when_the_source_is_gone():
    used = PaidEntry(date(2026, 4, 2), date(2026, 4, 1), 2, 0)
    assert discount_credit([used], due=_due, discount=_cut) == CreditState(0, 16_800)


def test_no_credit_without_a_discount_or_for_a_higher_income():
    plain = PaidEntry(date(2025, 1, 5), date(2025, 1, 1), 6, 6 * 16_800)
    assert discount_credit([plain], due=_due, discount=_cut) == CreditState(0, 0)
    # Paid at a higher income during the discount: only the discount part is credit.
    rich = PaidEntry(date(2025, 12, 1), date(2026, 1, 1), 1, 30_000)
    assert discount_credit([rich], due=_due, discount=_cut).balance == 8_400


def test_a_short_payment_before_any_credit_takes_nothing():
    short = PaidEntry(date(2025, 10, 1), date(2025, 10, 1), 1, 0)
    early = PaidEntry(date(2025, 11, 1), date(2026, 1, 1), 1, 16_800)
    assert discount_credit([early, short], due=_due, discount=_cut) == CreditState(8_400, 16_800)


def test_state_budget_bpu_gets_neither_discount_nor_credit():
    def due(m):
        return bpu(1_000_000, m, funding=FundingSource.APBD, occupation="ojol").billed

    def cut(m):
        return bpu(1_000_000, m, funding=FundingSource.APBD,
                   occupation="ojol").discount_total

    early = PaidEntry(date(2025, 11, 1), date(2026, 1, 1), 3, 3 * 16_800)
    assert discount_credit([early], due=due, discount=cut).balance == 0


def test_pp49_2020_savings_count_the_deferred_jp_in_full():
    """Savings over the PP 49/2020 months: the JP share is the whole JP (deferred, not
    waived), while JKK and JKM were 1 %."""
    from branch_desk.domain.savings import Earner, PaidPeriod, estimate_savings

    month = date(2020, 9, 1)
    billed = pu(5_000_000, month).billed
    period = PaidPeriod(month, 1, PU_NO_JKP, billed)
    jp = estimate_savings([period], program=P.JP, earner=Earner(Segment.PU, 5_000_000),
                          as_of=date(2021, 1, 1))
    assert (jp.months, jp.contributions) == (1, 150_000)
    assert billed == 150_000 + 285_000 + 270 + 150  # JP + JHT + JKK 1% + JKM 1%
