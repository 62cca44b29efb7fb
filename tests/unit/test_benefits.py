"""Benefit formulas (DOMAIN §3)."""

from __future__ import annotations

import itertools
import json
from datetime import date
from decimal import ROUND_CEILING, Decimal

import pytest

from branch_desk.domain.benefit_rules import (
    ANATOMIC_CASES,
    JP_LIMITS,
    SCHOLARSHIP_RULES,
    pension_age,
)
from branch_desk.domain.benefits import (
    ChildInput,
    JkkInput,
    JpInput,
    jht_benefit,
    jkk_benefit,
    jkm_benefit,
    jkp_benefit,
    jp_benefit,
    scholarship_benefit,
)
from branch_desk.domain.errors import EligibilityError, ValidationError

EVENT = date(2025, 3, 10)
JT = 1_000_000


def amounts(result) -> dict[str, int]:
    return {line.code: line.amount for line in result.lines}


def jkk(outcome="medical_only", wage=5 * JT, **kwargs):
    return jkk_benefit(JkkInput(kwargs.pop("event_date", EVENT), wage, outcome, **kwargs))


# --- JKM (§3.1) ---------------------------------------------------------------------------

@pytest.mark.parametrize(("event", "expected", "version"), [
    pytest.param(EVENT, {"JKM_SANTUNAN_SEKALIGUS": 20 * JT, "JKM_SANTUNAN_BERKALA": 12 * JT,
                         "JKM_BIAYA_PEMAKAMAN": 10 * JT}, "PP 82/2019", id="PP82-2019-42jt"),
    pytest.param(date(2019, 12, 2), {"JKM_SANTUNAN_SEKALIGUS": 20 * JT,
                                     "JKM_SANTUNAN_BERKALA": 12 * JT,
                                     "JKM_BIAYA_PEMAKAMAN": 10 * JT}, "PP 82/2019",
                 id="PP82-2019-first-day"),
    pytest.param(date(2019, 12, 1), {"JKM_SANTUNAN_SEKALIGUS": 16_200_000,
                                     "JKM_SANTUNAN_BERKALA": 4_800_000,
                                     "JKM_BIAYA_PEMAKAMAN": 3 * JT}, "PP 44/2015 [I]",
                 id="PP44-2015-24jt-[I]"),
])
def test_jkm_benefit(event, expected, version):
    result = jkm_benefit(event)
    assert amounts(result) == expected
    assert result.rule_version == version
    assert all(version.split(" [")[0] in line.rule for line in result.lines)


def test_jkm_total_is_42_million():
    result = jkm_benefit(EVENT)
    assert result.total == 42 * JT
    assert "24 × Rp500.000" in result.line("JKM_SANTUNAN_BERKALA").detail


def test_jkm_before_tables_is_refused():
    with pytest.raises(ValidationError) as err:
        jkm_benefit(date(2015, 6, 30))
    assert err.value.field == "event_date"


# --- JKK (§3.3) ---------------------------------------------------------------------------

def test_jkk_death_is_48_times_wage_plus_funeral_and_periodic():
    result = jkk("death", 5 * JT)
    assert amounts(result) == {"JKK_SANTUNAN_KEMATIAN": 240 * JT,
                               "JKK_BIAYA_PEMAKAMAN": 10 * JT,
                               "JKK_SANTUNAN_BERKALA": 12 * JT}
    assert "60% × 80 × Rp5.000.000" in result.line("JKK_SANTUNAN_KEMATIAN").detail


def test_jkk_death_never_below_jkm_santunan():
    """48 × Rp300.000 = Rp14,4 jt is raised to the JKM santunan sekaligus (Rp20 jt)."""
    line = jkk("death", 300_000).line("JKK_SANTUNAN_KEMATIAN")
    assert line.amount == 20 * JT
    assert "santunan kematian JKM" in line.detail


def test_jkk_total_disability_is_56_times_wage_plus_periodic():
    assert amounts(jkk("total_disability", 5 * JT)) == {
        "JKK_CACAT_TOTAL": 280 * JT, "JKK_SANTUNAN_BERKALA": 12 * JT}


@pytest.mark.parametrize(("kwargs", "amount"), [
    pytest.param({"anatomic_case": "kedua_mata"}, 280 * JT, id="S6-both-eyes-70%"),
    pytest.param({"anatomic_case": "satu_mata"}, 140 * JT, id="S6-one-eye-35%"),
    pytest.param({"anatomic_case": "lengan_kanan_bahu"}, 160 * JT, id="S81-right-arm-40%"),
    pytest.param({"anatomic_case": "satu_mata", "disability_percent": Decimal(35)}, 140 * JT,
                 id="S6-case-and-matching-percent"),
    pytest.param({"disability_percent": Decimal(10)}, 40 * JT, id="S6-explicit-percent"),
    pytest.param({"anatomic_case": "lengan_kanan_bahu", "function_loss_percent": Decimal(50)},
                 80 * JT, id="S6-function-loss-50%-of-40%"),
])
def test_jkk_partial_disability(kwargs, amount):
    result = jkk("partial_disability", 5 * JT, **kwargs)
    assert amounts(result) == {"JKK_CACAT_SEBAGIAN": amount}


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"anatomic_case": "satu_mata", "disability_percent": Decimal(40)}, "disability_percent"),
    ({}, "disability_percent"),
    ({"disability_percent": Decimal(120)}, "disability_percent"),
    ({"anatomic_case": "ekor"}, "anatomic_case"),
    ({"disability_percent": Decimal(10), "function_loss_percent": Decimal(0)},
     "function_loss_percent"),
])
def test_jkk_partial_disability_refuses_bad_input(kwargs, field):
    with pytest.raises(ValidationError) as err:
        jkk("partial_disability", 5 * JT, **kwargs)
    assert err.value.field == field


def test_anatomic_table_marks_unconfirmed_rows():
    marks = {case.key: case.mark for case in ANATOMIC_CASES}
    assert marks["kedua_mata"] == marks["satu_mata"] == marks["lengan_kanan_bahu"] == "[C]"
    assert len({case.key for case in ANATOMIC_CASES}) == len(ANATOMIC_CASES)


@pytest.mark.parametrize(("wage", "months", "amount"), [
    pytest.param(4 * JT, 3, 12 * JT, id="PP82-STMB-100%-first-months"),
    pytest.param(4 * JT, 12, 48 * JT, id="PP82-STMB-100%-12-months"),
    pytest.param(4 * JT, 15, 54 * JT, id="PP82-STMB-then-50%"),
    pytest.param(3_333_333, 13, 41_666_663, id="PP82-STMB-rounded-half-up-once"),
])
def test_jkk_stmb(wage, months, amount):
    result = jkk("temporary", wage, stmb_months=months)
    assert amounts(result) == {"JKK_STMB": amount}


def test_jkk_temporary_needs_months():
    with pytest.raises(ValidationError) as err:
        jkk("temporary")
    assert err.value.field == "stmb_months"


@pytest.mark.parametrize(("mode", "cost", "paid"), [
    pytest.param("darat", 7 * JT, 5 * JT, id="S6-land-cap-5jt"),
    pytest.param("laut", 3 * JT, 2 * JT, id="S6-sea-cap-2jt"),
    pytest.param("udara", 12 * JT, 10 * JT, id="S6-air-cap-10jt"),
    pytest.param("udara", 4 * JT, 4 * JT, id="S6-air-under-cap"),
])
def test_jkk_transport(mode, cost, paid):
    result = jkk(transport=mode, transport_cost=cost)
    assert amounts(result) == {"JKK_TRANSPORTASI": paid}


def test_jkk_transport_needs_a_mode():
    with pytest.raises(ValidationError) as err:
        jkk(transport_cost=JT)
    assert err.value.field == "transport"


def test_jkk_medical_cost_has_no_ceiling_and_aids_get_40_percent():
    result = jkk(medical_cost=750 * JT, rehabilitation_aid_cost=JT, wage=0)
    assert amounts(result) == {"JKK_PENGOBATAN": 750 * JT, "JKK_ALAT_BANTU": 1_400_000}


def test_jkk_lines_add_up():
    result = jkk("death", 5 * JT, medical_cost=20 * JT, stmb_months=2, transport="darat",
                 transport_cost=JT)
    assert result.total == 20 * JT + JT + 10 * JT + 240 * JT + 10 * JT + 12 * JT


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"outcome": "death", "wage": 0}, "wage"),
    ({"medical_cost": -1}, "medical_cost"),
    ({"event_date": date(2019, 12, 1)}, "event_date"),
])
def test_jkk_refuses(kwargs, field):
    with pytest.raises(ValidationError) as err:
        jkk(**kwargs)
    assert err.value.field == field


# --- Beasiswa (§3.2) ----------------------------------------------------------------------

@pytest.mark.parametrize(("level", "amount"), [
    pytest.param("TK", 1_500_000, id="S9-TK-1,5jt"),
    pytest.param("SD", 1_500_000, id="S9-SD-1,5jt"),
    pytest.param("SMP", 2_000_000, id="S9-SMP-2jt"),
    pytest.param("SMA", 3_000_000, id="S9-SMA-3jt"),
    pytest.param("S1", 12_000_000, id="S9-S1-12jt"),
])
def test_scholarship_per_level(level, amount):
    result = scholarship_benefit([ChildInput("Ani", level)], EVENT)
    assert result.total == amount


def test_scholarship_at_most_two_children():
    children = [ChildInput("Ani", "SMA"), ChildInput("Budi", "SD"), ChildInput("Citra", "TK")]
    result = scholarship_benefit(children, EVENT)
    assert [line.amount for line in result.lines] == [3 * JT, 1_500_000, 0]
    assert "2 anak" in result.lines[2].detail and "Citra" in result.lines[2].label
    assert result.total == 4_500_000


@pytest.mark.parametrize(("child", "paid", "reason"), [
    pytest.param(ChildInput("A", "S1", age=23), 0, "23 tahun", id="S8-stops-at-23"),
    pytest.param(ChildInput("A", "SMA", married_or_working=True), 0, "menikah",
                 id="S8-stops-on-marriage-or-work"),
    pytest.param(ChildInput("A", None, age=3), 0, "masuk sekolah", id="S8-below-school-age"),
    pytest.param(ChildInput("A", "SD", years_received=6), 0, "6 tahun", id="S9-SD-max-6-years"),
    pytest.param(ChildInput("A", "S1", years_received=4, paid_so_far=86 * JT), JT, "plafon",
                 id="S10-ceiling-87jt-per-child"),
])
def test_scholarship_limits(child, paid, reason):
    line = scholarship_benefit([child], EVENT).lines[0]
    assert line.amount == paid
    assert reason in line.detail


@pytest.mark.parametrize(("level", "years"), [
    pytest.param("TK", 2, id="S9-TK-2-years"), pytest.param("SD", 6, id="S9-SD-6-years"),
    pytest.param("SMP", 3, id="S9-SMP-3-years"), pytest.param("SMA", 3, id="S9-SMA-3-years"),
    pytest.param("S1", 5, id="S9-S1-5-years"),
])
def test_scholarship_max_years_per_level(level, years):
    last_year = scholarship_benefit([ChildInput("A", level, years_received=years - 1)], EVENT)
    assert last_year.total > 0
    beyond = scholarship_benefit([ChildInput("A", level, years_received=years)], EVENT)
    assert beyond.total == 0 and f"{years} tahun" in beyond.lines[0].detail


def test_scholarship_ceiling_is_174_million_for_two_children():
    rule = SCHOLARSHIP_RULES[0]
    assert rule.per_child_ceiling == 87 * JT
    assert rule.per_child_ceiling * rule.max_children == 174 * JT


def test_scholarship_before_pp82_is_refused():
    with pytest.raises(ValidationError):
        scholarship_benefit([ChildInput("A", "SD")], date(2019, 1, 1))


# --- JHT (§3.4) ---------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "years", "kwargs", "amount"), [
    pytest.param("full", Decimal(2), {}, 100 * JT, id="PP46-full-balance"),
    pytest.param("partial_housing", Decimal(10), {}, 30 * JT, id="PP60-30%-housing-10y"),
    pytest.param("partial_other", 12, {}, 10 * JT, id="PP60-10%-other"),
    pytest.param("partial_housing", Decimal(10), {"requested": 20 * JT}, 20 * JT,
                 id="PP60-housing-less-than-max"),
    pytest.param("partial_housing", Decimal(10), {"requested": 50 * JT}, 30 * JT,
                 id="PP60-housing-capped-30%"),
])
def test_jht(kind, years, kwargs, amount):
    assert jht_benefit(100 * JT, kind, years, **kwargs).total == amount


@pytest.mark.parametrize(("requested", "detail"), [
    pytest.param(None, "Paling banyak 30% × Rp100.000.000 = Rp30.000.000; dibayar batas "
                       "terbesar (jumlah diminta tidak diisi).", id="nothing-requested"),
    pytest.param(20 * JT, "Paling banyak 30% × Rp100.000.000 = Rp30.000.000; diminta "
                          "Rp20.000.000, dibayar sesuai permintaan.", id="within-30%"),
    pytest.param(50 * JT, "Paling banyak 30% × Rp100.000.000 = Rp30.000.000; diminta "
                          "Rp50.000.000, melebihi batas 30%, dibayar Rp30.000.000.",
                 id="over-30%-capped"),
])
def test_jht_partial_line_says_how_the_rule_applied(requested, detail):
    line = jht_benefit(100 * JT, "partial_housing", Decimal(10), requested=requested).lines[0]
    assert line.detail == detail
    assert line.rule == "PP 46/2015 jo. PP 60/2015 Pasal 22; 30% setelah 10 tahun"


@pytest.mark.parametrize(("kind", "years", "taken", "field"), [
    pytest.param("partial_housing", Decimal("9.9"), False, "membership_years",
                 id="PP60-needs-10-years"),
    pytest.param("partial_other", Decimal(15), True, "kind", id="PP60-once-only"),
])
def test_jht_partial_refusals(kind, years, taken, field):
    with pytest.raises(EligibilityError) as err:
        jht_benefit(100 * JT, kind, years, partial_taken_before=taken)
    assert err.value.field == field
    assert "PP 46/2015" in err.value.message


def test_jht_unknown_kind():
    with pytest.raises(ValidationError):
        jht_benefit(JT, "separuh", 10)


# --- JP (§3.5) ----------------------------------------------------------------------------

@pytest.mark.parametrize(("months", "annual_wage", "amount"), [
    pytest.param(180, 60 * JT, 750_000, id="PP45-1%-15-years"),
    pytest.param(240, 120 * JT, 2 * JT, id="PP45-1%-20-years"),
    pytest.param(180, 24 * JT, 399_700, id="Mar-2025-minimum-399.700"),
])
def test_jp_monthly_pension(months, annual_wage, amount):
    result = jp_benefit(JpInput(months, annual_wage, 60, EVENT))
    assert amounts(result) == {"JP_PENSIUN_BULANAN": amount}


def test_jp_under_180_months_is_lump_sum():
    result = jp_benefit(JpInput(179, 60 * JT, 60, EVENT, accumulated_contributions=25 * JT))
    assert amounts(result) == {"JP_SEKALIGUS": 25 * JT}


def test_jp_before_pension_age_is_refused():
    with pytest.raises(EligibilityError) as err:
        jp_benefit(JpInput(200, 60 * JT, 58, EVENT))
    assert err.value.field == "age" and "59" in err.value.message


def test_jp_before_the_programme_began_is_refused():
    with pytest.raises(ValidationError) as err:
        jp_benefit(JpInput(180, 60 * JT, 45, date(2015, 6, 30), kind="widow"))
    assert err.value.field == "event_date" and "belum dimuat" in err.value.message


@pytest.mark.parametrize(("event", "annual_wage", "amount"), [
    pytest.param(date(2016, 2, 29), 12 * JT, 300_000, id="PP45-Ps18(1)-until-Feb-2016"),
    pytest.param(date(2016, 2, 29), 480 * JT, 3_600_000, id="PP45-Ps18(2)-until-Feb-2016"),
    pytest.param(date(2016, 3, 1), 12 * JT, 310_050, id="Mar-2016-minimum-310.050"),
    pytest.param(date(2017, 2, 28), 480 * JT, 3_720_600, id="Mar-2016-maximum-3.720.600"),
    pytest.param(date(2017, 3, 1), 12 * JT, 319_450, id="Mar-2017-minimum-319.450"),
    pytest.param(date(2018, 2, 28), 480 * JT, 3_833_000, id="Mar-2017-maximum-3.833.000"),
    pytest.param(date(2018, 3, 1), 12 * JT, 331_000, id="Mar-2018-minimum-331.000-I"),
    pytest.param(date(2019, 2, 28), 480 * JT, 3_971_400, id="Mar-2018-maximum-3.971.400-I"),
    pytest.param(date(2019, 3, 1), 12 * JT, 341_400, id="Mar-2019-minimum-341.400"),
    pytest.param(date(2020, 2, 29), 480 * JT, 4_095_750, id="Mar-2019-maximum-4.095.750"),
    pytest.param(date(2020, 3, 1), 12 * JT, 350_700, id="Mar-2020-minimum-350.700"),
    pytest.param(date(2021, 2, 28), 480 * JT, 4_207_200, id="Mar-2020-maximum-4.207.200"),
    pytest.param(date(2021, 3, 1), 12 * JT, 356_600, id="Mar-2021-minimum-356.600-I"),
    pytest.param(date(2022, 2, 28), 480 * JT, 4_277_900, id="Mar-2021-maximum-4.277.900-I"),
    pytest.param(date(2022, 3, 1), 12 * JT, 363_300, id="Mar-2022-minimum-363.300"),
    pytest.param(date(2023, 2, 28), 480 * JT, 4_357_900, id="Mar-2022-maximum-4.357.900"),
    pytest.param(date(2023, 3, 1), 12 * JT, 383_400, id="Mar-2023-minimum-383.400"),
    pytest.param(date(2024, 3, 1), 12 * JT, 393_500, id="S15-Mar-2024-minimum-393.500"),
    pytest.param(date(2025, 2, 28), 12 * JT, 393_500, id="Feb-2025-still-393.500"),
    pytest.param(date(2025, 2, 28), 480 * JT, 4_718_200, id="Mar-2024-maximum-4.718.200-I"),
    pytest.param(date(2025, 3, 1), 12 * JT, 399_700, id="Mar-2025-minimum-399.700"),
    pytest.param(date(2025, 3, 1), 480 * JT, 4_792_300, id="Mar-2025-maximum-4.792.300"),
    pytest.param(date(2026, 2, 28), 12 * JT, 399_700, id="Feb-2026-still-399.700"),
    pytest.param(date(2026, 3, 1), 12 * JT, 411_400, id="Mar-2026-minimum-411.400-I"),
    pytest.param(date(2026, 3, 1), 480 * JT, 4_932_300, id="Mar-2026-maximum-4.932.300-I"),
])
def test_jp_minimum_and_maximum_by_year(event, annual_wage, amount):
    result = jp_benefit(JpInput(180, annual_wage, 40, event, kind="disability"))
    assert amounts(result) == {"JP_DISABILITY": amount}
    assert "Pasal 18" in result.lines[0].rule


# BPS's yearly (December y-o-y) inflation, the figure PP 45/2015 Ps 18(3) raises the limits by:
# 2015-2024 as BPJS's notices and the press quote them (krishand.com, Warta Ekonomi, kontan,
# gadjian.com, suaraindonesia.co.id); 2025 2,92% (BPS press release 5-1-2026, tvrinews/Antara).
INFLATION = {2015: "3.35", 2016: "3.02", 2017: "3.61", 2018: "3.13", 2019: "2.72",
             2020: "1.68", 2021: "1.87", 2022: "5.51", 2023: "2.61", 2024: "1.57",
             2025: "2.92"}
# The figures BPJS Ketenagakerjaan published (sources in benefit_rules.JP_LIMITS).
PUBLISHED = {2016: (310_050, 3_720_600), 2017: (319_450, 3_833_000),
             2019: (341_400, 4_095_750), 2020: (350_700, 4_207_200),
             2022: (363_300, 4_357_900), 2023: (383_400, 4_598_100), 2024: (393_500, None),
             2025: (399_700, 4_792_300)}


def _raised(amount: int, year: int) -> int:
    """`amount` raised by `year - 1`'s inflation and rounded up, to Rp50 until 2019 and to
    Rp100 from 2020 (the rounding every published figure shows)."""
    step = 50 if year <= 2019 else 100
    raised = Decimal(amount) * (1 + Decimal(INFLATION[year - 1]) / 100)
    return int((raised / step).to_integral_value(ROUND_CEILING)) * step


def test_every_published_jp_limit_is_the_year_before_raised_by_its_inflation():
    # PP 45/2015 Ps 18(3); this is what makes the [I] rows of the table (2018, 2021, the 2024
    # maximum, 2026) the chain's figures rather than guesses: each published year follows
    # from the table's year before it, and each [I] year leads to the published year after.
    by_year = {r.valid_from.year: r for r in JP_LIMITS}
    for year in range(2016, 2027):
        before, row = by_year[year - 1], by_year[year]
        assert (row.minimum, row.maximum) == (_raised(before.minimum, year),
                                              _raised(before.maximum, year)), year
        published_min, published_max = PUBLISHED.get(year, (row.minimum, row.maximum))
        assert (row.minimum, row.maximum) == (published_min, published_max or row.maximum)
    assert {y for y, r in by_year.items() if "[I]" in r.source} == {2018, 2021, 2024, 2026}


def test_jp_after_a_march_whose_adjustment_is_not_loaded_says_so():
    before = jp_benefit(JpInput(180, 12 * JT, 40, date(2027, 2, 28), kind="disability"))
    after = jp_benefit(JpInput(180, 12 * JT, 40, date(2027, 3, 1), kind="disability"))
    assert amounts(before) == amounts(after) == {"JP_DISABILITY": 411_400}
    assert "belum dimuat" not in before.lines[0].rule
    assert ("penyesuaian Maret 2027 belum dimuat, dipakai angka Maret 2026 sampai"
            in after.lines[0].rule)


def test_jp_limit_rows_do_not_overlap():
    rows = sorted(JP_LIMITS, key=lambda r: r.valid_from)
    for before, after in itertools.pairwise(rows):
        assert before.valid_to is not None and before.valid_to < after.valid_from


@pytest.mark.parametrize(("annual_wage", "amount"), [
    pytest.param(12 * JT, 383_400, id="PP45-Ps18-2023-minimum-383.400"),
    pytest.param(480 * JT, 4_598_100, id="PP45-Ps18-2023-maximum-4.598.100"),
    pytest.param(120 * JT, 1_500_000, id="PP45-Ps17-2023-between"),
])
def test_jp_2023_minimum_and_maximum(annual_wage, amount):
    result = jp_benefit(JpInput(180, annual_wage, 58, date(2023, 8, 1), kind="disability"))
    assert amounts(result) == {"JP_DISABILITY": amount}
    assert "Pasal 18" in result.lines[0].rule


def test_jp_survivor_pension_needs_no_pension_age_and_takes_its_share():
    # Widow of a participant aged 40: 50 % of 1 % × 200/12 × Rp108 jt/12 = Rp750.000.
    result = jp_benefit(JpInput(200, 108 * JT, 40, EVENT, kind="widow"))
    assert amounts(result) == {"JP_WIDOW": round(200 * 108 * JT / 12 / 12 / 100 / 2)}
    assert "janda/duda 50%" in result.lines[0].detail


def test_jp_disability_counts_a_short_record_as_180_months():
    result = jp_benefit(JpInput(24, 120 * JT, 40, EVENT, kind="disability",
                                membership_months=24, density=Decimal(1)))
    assert amounts(result) == {"JP_DISABILITY": 1_500_000}
    assert "masa iur 24 bulan dihitung 180 bulan" in result.lines[0].detail


@pytest.mark.parametrize(("kind", "member", "density", "deemed", "why"), [
    pytest.param("widow", 12, Decimal("0.8"), True, "",
                 id="Ps26(1)-a-year-and-80%-deemed-180"),
    pytest.param("widow", 11, Decimal(1), False, "kepesertaan 11 bulan, kurang dari 12 bulan",
                 id="Ps26(1)a-member-under-a-year-lump-sum"),
    pytest.param("child", 36, Decimal("0.79"), False, "kepadatan iuran 79%, kurang dari 80%",
                 id="Ps26(1)b-density-79%-lump-sum"),
    pytest.param("disability", 1, Decimal(1), True, "",
                 id="disability-a-month-a-member-deemed-180"),
    pytest.param("disability", 0, Decimal(0), False, "kepesertaan 0 bulan, kurang dari 1 bulan",
                 id="disability-in-the-first-month-lump-sum"),
])
def test_jp_short_record_is_deemed_only_with_membership_and_density(kind, member, density,
                                                                     deemed, why):
    # Permenaker 29/2015 Ps 26: a death before 15 years counts 15 years when the participant
    # was a member for a year and paid at least 80 % of the months due; else the lump sum.
    # A total disability: a member for a month and the same density (BPJS's account).
    result = jp_benefit(JpInput(24, 120 * JT, 40, EVENT, accumulated_contributions=9 * JT,
                                kind=kind, membership_months=member, density=density))
    if deemed:
        assert "JP_SEKALIGUS" not in amounts(result)
        assert "dihitung 180 bulan" in result.lines[0].detail
    else:
        assert amounts(result) == {"JP_SEKALIGUS": 9 * JT}
        assert why in result.lines[0].detail and "Permenaker 29/2015 Pasal 26" in (
            result.lines[0].detail)


def test_jp_short_record_without_membership_facts_is_refused():
    with pytest.raises(ValidationError) as err:
        jp_benefit(JpInput(24, 120 * JT, 40, EVENT, kind="widow"))
    assert "kepadatan iuran" in err.value.message


def test_jp_old_age_career_of_210_months_is_monthly_not_lump_sum():
    # Issue 18: 150 months, a 3-month gap, then 60 months = 210 months.
    result = jp_benefit(JpInput(150 + 60, 60 * JT, 60, EVENT))
    assert amounts(result) == {"JP_PENSIUN_BULANAN": 875_000}


def test_jp_unknown_kind_is_refused():
    with pytest.raises(ValidationError) as err:
        jp_benefit(JpInput(200, 60 * JT, 60, EVENT, kind="cousin"))  # type: ignore[arg-type]
    assert err.value.field == "jp_kind"


@pytest.mark.parametrize(("year", "age"), [
    pytest.param(2018, 56, id="PP45-56-at-start"), pytest.param(2019, 57, id="PP45-57-2019"),
    pytest.param(2021, 57, id="PP45-57-2021"), pytest.param(2022, 58, id="PP45-58-2022"),
    pytest.param(2025, 59, id="PP45-59-2025"), pytest.param(2028, 60, id="PP45-60-2028"),
    pytest.param(2043, 65, id="PP45-65-2043"), pytest.param(2050, 65, id="PP45-max-65"),
])
def test_pension_age(year, age):
    assert pension_age(date(year, 6, 1)) == age


# --- JKP (§3.6) ---------------------------------------------------------------------------

@pytest.mark.parametrize(("dismissed", "wage", "expected"), [
    pytest.param(date(2025, 2, 7), 4 * JT, {"JKP_BULAN_1_6": 14_400_000},
                 id="PP6-2025-60%-6-months"),
    pytest.param(date(2025, 6, 1), 8 * JT, {"JKP_BULAN_1_6": 18 * JT},
                 id="PP6-2025-cap-5jt-3jt-per-month-18jt"),
    pytest.param(date(2025, 2, 6), 8 * JT, {"JKP_BULAN_1_3": 6_750_000,
                                            "JKP_BULAN_4_6": 3_750_000},
                 id="PP37-2021-45%x3-25%x3-capped"),
    pytest.param(date(2023, 5, 1), 2 * JT, {"JKP_BULAN_1_3": 2_700_000,
                                            "JKP_BULAN_4_6": 1_500_000},
                 id="PP37-2021-45%x3-25%x3"),
])
def test_jkp_benefit(dismissed, wage, expected):
    assert amounts(jkp_benefit(dismissed, wage)) == expected


def test_jkp_monthly_maximum_is_3_million():
    line = jkp_benefit(EVENT, 9 * JT).lines[0]
    assert "Rp3.000.000 per bulan" in line.detail
    assert "dibatasi Rp5.000.000" in line.detail


def test_jkp_before_pp37_is_refused():
    with pytest.raises(ValidationError):
        jkp_benefit(date(2021, 1, 1), 4 * JT)


# --- worksheet ----------------------------------------------------------------------------

@pytest.mark.parametrize("result", [
    pytest.param(jkm_benefit(EVENT), id="jkm"),
    pytest.param(jkk_benefit(JkkInput(EVENT, 5 * JT, "partial_disability",
                                      function_loss_percent=Decimal("12.5"),
                                      anatomic_case="satu_mata")), id="jkk"),
    pytest.param(scholarship_benefit([ChildInput("Ani", "SD")], EVENT), id="beasiswa"),
    pytest.param(jht_benefit(10 * JT, "partial_other", Decimal(11)), id="jht"),
    pytest.param(jp_benefit(JpInput(200, 60 * JT, 60, EVENT)), id="jp"),
    pytest.param(jkp_benefit(EVENT, 4 * JT), id="jkp"),
])
def test_worksheet_is_json_and_complete(result):
    sheet = json.loads(json.dumps(result.worksheet()))
    assert sheet["rule_version"] == result.rule_version
    assert sheet["total"] == result.total == sum(line["amount"] for line in sheet["lines"])
    assert all(line["rule"] and line["detail"] and line["label"] for line in sheet["lines"])
    assert sheet["inputs"]


def test_worksheet_serialises_dates_decimals_and_children():
    sheet = scholarship_benefit([ChildInput("Ani", "SD")], EVENT).worksheet()
    assert sheet["inputs"]["event_date"] == "2025-03-10"
    assert sheet["inputs"]["children"][0]["level"] == "SD"
    jkk_sheet = jkk("partial_disability", disability_percent=Decimal("12.5")).worksheet()
    assert jkk_sheet["inputs"]["disability_percent"] == "12.5"
