"""Contribution rates and programme rules (DOMAIN §1, §2)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest

from branch_desk.domain.construction_rates import construction_jkk
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.occupations import TRANSPORT, occupation_group
from branch_desk.domain.programs import (
    FundingSource,
    Program,
    RiskClass,
    Segment,
    allowed_programs,
    mandatory_programs,
)
from branch_desk.domain.rates import (
    DEFAULT_DISCOUNTS,
    DEFAULT_RULES,
    ContributionInput,
    find_rate_rule,
    monthly_contribution,
    pmi_contribution,
    pmi_protection_months,
    round_half_up,
)

P = Program
BPU_BASIC = frozenset({P.JKK, P.JKM})
MID_2025 = date(2025, 6, 1)  # before any PP 50/2025 discount


def pu(wage: int, month: date = MID_2025, programs=frozenset(Program), risk=RiskClass.VERY_LOW):
    return monthly_contribution(ContributionInput(Segment.PU, frozenset(programs), wage, month,
                                                  risk_class=risk))


def bpu(income: int, month: date = MID_2025, programs=BPU_BASIC, *,
        funding=FundingSource.MANDIRI, occupation=None):
    return monthly_contribution(ContributionInput(Segment.BPU, frozenset(programs), income, month,
                                                  funding=funding, occupation=occupation))


# --- programmes per segment (DOMAIN §1) ---------------------------------------------------

@pytest.mark.parametrize(("segment", "allowed"), [
    pytest.param(Segment.PU, set(Program), id="§1-PU-all-five"),
    pytest.param(Segment.BPU, {P.JKK, P.JKM, P.JHT}, id="§1-BPU-no-JP-JKP"),
    pytest.param(Segment.JAKON, {P.JKK, P.JKM}, id="§1-jasa-konstruksi-JKK-JKM"),
    pytest.param(Segment.PMI, {P.JKK, P.JKM, P.JHT}, id="§1-PMI-JHT-optional"),
])
def test_allowed_programs(segment, allowed):
    assert allowed_programs(segment) == allowed
    assert mandatory_programs(segment) == {P.JKK, P.JKM}
    assert mandatory_programs(segment) <= allowed_programs(segment)


def test_labels_are_indonesian():
    assert Segment.BPU.label == "Bukan Penerima Upah"
    assert Segment.JAKON.label == "Jasa Konstruksi"
    assert Program.JKP.label == "Jaminan Kehilangan Pekerjaan"
    assert RiskClass.VERY_LOW.label.endswith("sangat rendah")
    assert RiskClass.VERY_HIGH.label.endswith("sangat tinggi")
    assert [r.value for r in RiskClass] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(("funding", "state"), [
    (FundingSource.APBD, True), (FundingSource.APBN, True), (FundingSource.MANDIRI, False),
    (FundingSource.EMPLOYER, False), (FundingSource.CSR, False),
])
def test_state_budget_funding(funding, state):
    assert funding.is_state_budget is state


# --- PU (DOMAIN §2.1) ---------------------------------------------------------------------

@pytest.mark.parametrize(("risk", "amount"), [
    pytest.param(RiskClass.VERY_LOW, 24_000, id="PP44-LampI-0.24%"),
    pytest.param(RiskClass.LOW, 54_000, id="PP44-LampI-0.54%"),
    pytest.param(RiskClass.MEDIUM, 89_000, id="PP44-LampI-0.89%"),
    pytest.param(RiskClass.HIGH, 127_000, id="PP44-LampI-1.27%"),
    pytest.param(RiskClass.VERY_HIGH, 174_000, id="PP44-LampI-1.74%"),
])
def test_pu_jkk_by_risk_class(risk, amount):
    line = pu(10_000_000, programs={P.JKK, P.JKM}, risk=risk).line(P.JKK)
    assert (line.amount, line.employer_part, line.worker_part) == (amount, amount, 0)


def test_pu_jkk_reallocation_to_jkp_leaves_employer_total_unchanged():
    """PP 49/2023: 0.14 pt of JKK funds JKP; the employer pays the same total."""
    # July 2020: before the reallocation and outside the PP 49/2020 relief (Aug 2020–Jan 2021).
    before = pu(10_000_000, date(2020, 7, 1), {P.JKK, P.JKM}).line(P.JKK)
    after = pu(10_000_000, date(2025, 6, 1), {P.JKK, P.JKM}).line(P.JKK)
    assert before.employer_part == after.employer_part == 24_000
    assert "JKP" in after.note and before.note == ""
    assert "PP 49/2023" in after.rule_source


@pytest.mark.parametrize(("risk", "net"), [
    pytest.param(RiskClass.VERY_LOW, "0.10", id="PP49-JKK-net-0.10%"),
    pytest.param(RiskClass.LOW, "0.40", id="PP49-JKK-net-0.40%"),
    pytest.param(RiskClass.MEDIUM, "0.75", id="PP49-JKK-net-0.75%"),
    pytest.param(RiskClass.HIGH, "1.13", id="PP49-JKK-net-1.13%"),
    pytest.param(RiskClass.VERY_HIGH, "1.60", id="PP49-JKK-net-1.60%"),
])
def test_pu_jkk_rate_left_for_jkk_after_reallocation(risk, net):
    rule = find_rate_rule(DEFAULT_RULES, P.JKK, Segment.PU, MID_2025, risk)
    assert (rule.employer_rate - rule.jkp_share) * 100 == Decimal(net)


@pytest.mark.parametrize(("month", "total"), [
    pytest.param(date(2024, 6, 1), "0.46", id="PP37-2021-JKP-0.46%=0.22+0.14+0.10"),
    pytest.param(date(2025, 6, 1), "0.36", id="PP6-2025-JKP-0.36%=0.22+0.14"),
])
def test_jkp_rate_composition(month, total):
    funded = sum(
        find_rate_rule(DEFAULT_RULES, program, Segment.PU, month, RiskClass.LOW).jkp_share
        for program in (P.JKK, P.JKM)
    )
    jkp = find_rate_rule(DEFAULT_RULES, P.JKP, Segment.PU, month)
    assert jkp.government_rate * 100 == Decimal("0.22")
    assert (jkp.government_rate + funded) * 100 == Decimal(total)


@pytest.mark.parametrize(("program", "employer", "worker", "government"), [
    pytest.param(P.JKM, 30_000, 0, 0, id="PP44-JKM-0.30%"),
    pytest.param(P.JHT, 370_000, 200_000, 0, id="JHT-3.7%+2%"),
    # Issue 18 item 7: 0,22 % of the wage capped at Rp5.000.000 (was 0,22 % of the full wage).
    pytest.param(P.JKP, 0, 0, 11_000, id="PP37-JKP-0.22%-of-capped-5jt"),
])
def test_pu_rates(program, employer, worker, government):
    line = pu(10_000_000).line(program)
    assert (line.employer_part, line.worker_part, line.government_part) == (
        employer, worker, government)
    assert line.amount == employer + worker + government


@pytest.mark.parametrize(("month", "cap"), [
    pytest.param(date(2024, 2, 1), 9_559_600, id="PP45-cap-9.559.600-before-Mar-2024"),
    pytest.param(date(2024, 3, 1), 10_042_300, id="PP45-cap-10.042.300-from-Mar-2024"),
    pytest.param(date(2025, 2, 1), 10_042_300, id="PP45-cap-10.042.300-Feb-2025"),
    pytest.param(date(2025, 3, 1), 10_547_400, id="PP45-cap-10.547.400-from-Mar-2025-[I]"),
])
def test_pu_jp_wage_cap(month, cap):
    line = pu(20_000_000, month).line(P.JP)
    assert line.employer_part == round_half_up(Decimal(cap) * Decimal("0.02"))
    assert line.worker_part == round_half_up(Decimal(cap) * Decimal("0.01"))
    assert pu(cap, month).line(P.JP) == line


def test_pu_jp_below_cap_uses_wage():
    line = pu(5_000_000).line(P.JP)
    assert (line.employer_part, line.worker_part) == (100_000, 50_000)


def test_pu_jp_before_the_programme_is_refused():
    # Issue 18 item 5: JP has a rate for every month since July 2015 (was: from March 2023).
    with pytest.raises(ValidationError) as err:
        pu(5_000_000, date(2015, 6, 1), {P.JKK, P.JKM, P.JP})
    assert err.value.field == "month" and "Belum ada tarif iuran" in err.value.message


def test_pu_totals_and_billed_amount_exclude_jkp():
    breakdown = pu(10_000_000)
    assert breakdown.total == 24_000 + 30_000 + 570_000 + 300_000 + 11_000
    assert breakdown.billed == breakdown.total - 11_000
    assert breakdown.employer_total == 24_000 + 30_000 + 370_000 + 200_000
    assert breakdown.worker_total == 200_000 + 100_000
    assert breakdown.government_total == 11_000
    assert [line.program for line in breakdown.lines] == [P.JKK, P.JKM, P.JHT, P.JP, P.JKP]


def test_pu_rounds_each_part_half_up():
    # 0.30 % of 1.234.550 = 3.703,65 → 3.704; 1 % JP of 1.234.550 = 12.345,5 → 12.346.
    breakdown = pu(1_234_550, programs={P.JKK, P.JKM, P.JP})
    assert breakdown.line(P.JKM).amount == 3_704
    assert breakdown.line(P.JP).worker_part == 12_346


# --- BPU (DOMAIN §2.2) --------------------------------------------------------------------

@pytest.mark.parametrize(("income", "jkk", "jkm"), [
    pytest.param(1_000_000, 10_000, 6_800, id="S30-cheapest-package-16.800"),
    pytest.param(500_000, 10_000, 6_800, id="S13-income-below-floor-uses-1jt"),
    pytest.param(2_500_000, 25_000, 6_800, id="S13-JKK-1%"),
    pytest.param(20_700_000, 207_000, 6_800, id="S14-JKK-cap-207.000-at-20.7jt"),
    pytest.param(35_000_000, 207_000, 6_800, id="S14-JKK-cap-207.000-above"),
])
def test_bpu_jkk_jkm(income, jkk, jkm):
    breakdown = bpu(income)
    assert breakdown.line(P.JKK).amount == jkk
    assert breakdown.line(P.JKM).amount == jkm
    assert breakdown.total == jkk + jkm
    assert breakdown.worker_total == breakdown.total
    assert breakdown.discount_total == 0


def test_bpu_package_is_16800():
    assert bpu(1_000_000).total == 16_800


@pytest.mark.parametrize(("income", "jht"), [
    pytest.param(2_000_000, 40_000, id="S13-JHT-2%"),
    pytest.param(800_000, 20_000, id="JHT-floor-[I]"),
])
def test_bpu_jht(income, jht):
    assert bpu(income, programs={P.JKK, P.JKM, P.JHT}).line(P.JHT).amount == jht


@pytest.mark.parametrize(("programs", "message"), [
    pytest.param({P.JKK, P.JKM, P.JP}, "JP tidak tersedia", id="§1-BPU-no-JP"),
    pytest.param({P.JKK, P.JKM, P.JKP}, "JKP tidak tersedia", id="§1-BPU-no-JKP"),
    pytest.param({P.JKK}, "JKM wajib", id="§2.2-JKM-mandatory"),
])
def test_bpu_program_set_is_checked(programs, message):
    with pytest.raises(ValidationError) as err:
        bpu(1_000_000, programs=programs)
    assert message in err.value.message and err.value.field == "programs"


@pytest.mark.parametrize("segment", [Segment.JAKON, Segment.PMI])
def test_project_and_migrant_segments_are_not_monthly(segment):
    with pytest.raises(ValidationError) as err:
        monthly_contribution(ContributionInput(segment, BPU_BASIC, 1_000_000, MID_2025))
    assert err.value.field == "segment"


@pytest.mark.parametrize("wage", [0, -1])
def test_pu_wage_must_be_positive(wage):
    with pytest.raises(ValidationError) as err:
        pu(wage)
    assert err.value.field == "wage_or_income"


def test_month_is_normalised_to_first_day():
    assert ContributionInput(Segment.BPU, BPU_BASIC, 1, date(2025, 6, 17)).month == MID_2025


# --- PP 50/2025 discount (issue 18 items 1-2) ----------------------------------------------
# Periods corrected by issue 18: transport workers January 2026–March 2027, every other BPU
# April–December 2026 (before: all BPU January–December 2026, transport from 22 Dec 2025).

@pytest.mark.parametrize(("month", "funding", "occupation", "total", "discount"), [
    pytest.param(date(2025, 12, 1), FundingSource.MANDIRI, None, 16_800, 0,
                 id="PP50-not-before-2026"),
    pytest.param(date(2026, 1, 1), FundingSource.MANDIRI, "Petani", 16_800, 0,
                 id="PP50-non-transport-not-in-January-2026"),
    pytest.param(date(2026, 3, 1), FundingSource.MANDIRI, None, 16_800, 0,
                 id="PP50-non-transport-not-in-March-2026"),
    pytest.param(date(2026, 4, 1), FundingSource.MANDIRI, "Nelayan", 8_400, 8_400,
                 id="PP50-non-transport-from-April-2026"),
    pytest.param(date(2026, 12, 1), FundingSource.MANDIRI, "petani", 8_400, 8_400,
                 id="PP50-non-transport-December-2026"),
    pytest.param(date(2027, 1, 1), FundingSource.MANDIRI, "petani", 16_800, 0,
                 id="PP50-non-transport-ended"),
    pytest.param(date(2026, 4, 1), FundingSource.APBD, None, 16_800, 0,
                 id="PP50-excludes-APBD"),
    pytest.param(date(2026, 1, 1), FundingSource.APBN, "ojol", 16_800, 0,
                 id="PP50-excludes-APBN"),
    pytest.param(date(2026, 4, 1), FundingSource.CSR, None, 8_400, 8_400,
                 id="PP50-CSR-funded-gets-discount"),
    pytest.param(date(2025, 12, 1), FundingSource.MANDIRI, "ojol", 16_800, 0,
                 id="PP50-transport-not-December-2025"),
    pytest.param(date(2026, 1, 1), FundingSource.MANDIRI, "Pengemudi ojek online", 8_400,
                 8_400, id="PP50-transport-January-2026"),
    pytest.param(date(2027, 3, 1), FundingSource.MANDIRI, " Kurir ", 8_400, 8_400,
                 id="PP50-transport-15th-month"),
    pytest.param(date(2027, 4, 1), FundingSource.MANDIRI, "sopir", 16_800, 0,
                 id="PP50-transport-after-15-months"),
])
def test_pp50_discount(month, funding, occupation, total, discount):
    breakdown = bpu(1_000_000, month, funding=funding, occupation=occupation)
    assert breakdown.total == total
    assert breakdown.discount_total == discount
    if discount:
        assert all("PP 50/2025" in line.rule_source for line in breakdown.lines)
        assert all("50%" in line.rule_source for line in breakdown.lines)


@pytest.mark.parametrize("occupation", [
    "Pengemudi ojek online", "Tukang ojek", "Kurir paket", "Sopir angkot", "ojek pangkalan",
    "OJOL", "Kurir", "supir", "Pengemudi truk sawit", "Tukang bentor", "kurir makanan",
])
def test_pp50_transport_occupations_by_group(occupation):
    """Issue 18 item 2: transport workers qualify by the occupation's group, not one word."""
    assert occupation_group(occupation) == TRANSPORT
    assert bpu(1_000_000, date(2026, 2, 1), occupation=occupation).total == 8_400


@pytest.mark.parametrize("occupation", ["Petani", "Nelayan", "Pedagang kecil", "", None,
                                        "Guru honorer", "sopiran"])
def test_pp50_other_occupations_wait_for_april(occupation):
    assert bpu(1_000_000, date(2026, 2, 1), occupation=occupation).total == 16_800
    assert bpu(1_000_000, date(2026, 4, 1), occupation=occupation).total == 8_400


def test_pp50_transport_discount_lasts_15_months():
    months = [date(2025 + (m // 12), m % 12 + 1, 1) for m in range(11, 11 + 30)]
    discounted = [m for m in months
                  if bpu(1_000_000, m, occupation="ojol").discount_total > 0]
    assert len(discounted) == 15
    assert (discounted[0], discounted[-1]) == (date(2026, 1, 1), date(2027, 3, 1))


def test_pp50_other_bpu_discount_lasts_9_months():
    months = [date(2026, m, 1) for m in range(1, 13)] + [date(2027, 1, 1)]
    discounted = [m for m in months if bpu(1_000_000, m, occupation="petani").discount_total]
    assert discounted == [date(2026, m, 1) for m in range(4, 13)]


def test_pp50_does_not_discount_jht():
    breakdown = bpu(2_000_000, date(2026, 5, 1), {P.JKK, P.JKM, P.JHT})
    assert breakdown.line(P.JHT).discount == 0 and breakdown.line(P.JHT).amount == 40_000
    assert breakdown.line(P.JKK).amount == 10_000 and breakdown.line(P.JKK).gross == 20_000


def test_pp50_discount_rounds_half_up():
    # JKK 1 % of 1.234.500 = 12.345; 50 % = 6.172,5 → discount 6.173, payable 6.172.
    line = bpu(1_234_500, date(2026, 4, 1)).line(P.JKK)
    assert (line.gross, line.discount, line.amount) == (12_345, 6_173, 6_172)


@pytest.mark.parametrize(("funding", "part"), [
    (FundingSource.MANDIRI, "worker_part"),
    (FundingSource.EMPLOYER, "employer_part"),
    (FundingSource.CSR, "employer_part"),
    (FundingSource.APBD, "government_part"),
    (FundingSource.APBN, "government_part"),
])
def test_bpu_payer_follows_funding(funding, part):
    line = bpu(1_000_000, funding=funding).line(P.JKK)
    assert getattr(line, part) == line.amount == 10_000
    assert line.employer_part + line.worker_part + line.government_part == line.amount


# --- table integrity ----------------------------------------------------------------------

def test_rate_rows_never_overlap_and_cite_a_source():
    groups = defaultdict(list)
    for rule in DEFAULT_RULES:
        assert rule.source
        assert rule.valid_to is None or rule.valid_to >= rule.valid_from
        groups[(rule.program, rule.segment, rule.risk_class)].append(rule)
    for rows in groups.values():
        rows.sort(key=lambda r: r.valid_from)
        for earlier, later in pairwise(rows):
            assert earlier.valid_to is not None and earlier.valid_to < later.valid_from


def test_pp50_discounts_exclude_state_budget():
    pp50 = [d for d in DEFAULT_DISCOUNTS if "PP 50/2025" in d.source]
    assert len(pp50) == 2
    assert all(d.excluded_funding == {FundingSource.APBD, FundingSource.APBN} for d in pp50)
    assert all(d.segments == {Segment.BPU} for d in pp50)


# --- jasa konstruksi & PMI (DOMAIN §2.3) --------------------------------------------------

@pytest.mark.parametrize(("value", "jkk"), [
    pytest.param(50_000_000, 105_000, id="S38-0.21%-under-100jt"),
    pytest.param(100_000_000, 210_000, id="S38-0.21%-100jt"),
    pytest.param(500_000_000, 890_000, id="S38-+0.17%-100-500jt"),
    pytest.param(1_000_000_000, 1_540_000, id="S38-+0.13%-500jt-1M"),
    pytest.param(5_000_000_000, 5_940_000, id="S38-+0.11%-1-5M"),
    pytest.param(10_000_000_000, 10_440_000, id="S38-+0.09%-above-5M"),
    pytest.param(123_456_789, 249_877, id="S38-rounded-half-up-once"),
])
def test_construction_jkk(value, jkk):
    assert construction_jkk(value) == jkk


def test_construction_contract_value_must_be_positive():
    with pytest.raises(ValidationError):
        construction_jkk(0)


@pytest.mark.parametrize(("phase", "months", "amount"), [
    pytest.param("pra_penempatan", 0, 37_500, id="Permenaker4-2023-Ps18-pre-placement"),
    pytest.param("penempatan", 6, 108_000, id="Permenaker4-2023-Ps18-6-months"),
    pytest.param("penempatan", 12, 189_000, id="Permenaker4-2023-Ps18-12-months"),
    pytest.param("penempatan", 24, 332_500, id="Permenaker4-2023-Ps18-24-months"),
    pytest.param("penempatan", 30, 332_500 + 6 * 13_500, id="Permenaker4-2023-extra-months"),
])
def test_pmi_contribution(phase, months, amount):
    assert pmi_contribution(phase, months) == amount


@pytest.mark.parametrize(("phase", "months"), [("penempatan", 9), ("pulang", 6)])
def test_pmi_contribution_refuses_unknown_periods(phase, months):
    with pytest.raises(ValidationError):
        pmi_contribution(phase, months)


@pytest.mark.parametrize(("phase", "months", "protected"), [
    pytest.param("pra_penempatan", 5, 5, id="before-work-5-months"),
    pytest.param("penempatan", 24, 26, id="24-month-agreement-plus-return-and-30-days"),
    pytest.param("penempatan", 6, 8, id="6-month-agreement"),
    pytest.param("penempatan", 30, 32, id="30-month-agreement"),
])
def test_pmi_protection_months(phase, months, protected):
    # BPJS's membership manual (PROBIS Kepesertaan, UU 18/2017): before work up to 5 months;
    # during work to the agreement's end + up to 1 month to come home; after work 30 days.
    assert pmi_protection_months(phase, months) == protected


@pytest.mark.parametrize(("phase", "months", "text"), [
    pytest.param("pra_penempatan", 3, "isi 5 bulan", id="before-work-not-5"),
    pytest.param("penempatan", 9, "6, 12 atau 24", id="no-9-month-package"),
])
def test_pmi_protection_months_refuses_what_it_cannot_cover(phase, months, text):
    with pytest.raises(ValidationError) as err:
        pmi_protection_months(phase, months)
    assert text in err.value.message and err.value.field == "months"
