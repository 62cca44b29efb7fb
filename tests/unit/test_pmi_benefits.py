"""Migrant workers' benefits (Permenaker 4/2023): JKM by phase, the JKK death amount during
work, no STMB before or after work, and the JKK benefits particular to migrant workers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from branch_desk.domain.benefits import JkkInput, jkk_benefit, jkm_benefit
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.pmi_benefits import pmi_jkk_benefit, pmi_jkm_benefit

JT = 1_000_000


def amounts(result) -> dict[str, int]:
    return {line.code: line.amount for line in result.lines}


def test_pmi_jkm_during_work_is_85_million_instead_of_42():
    # Permenaker 4/2023; BPJS TK Sulut paid Rp85 jt JKM to the heir of a PMI who died at work
    # in the Solomon Islands on 19-04-2025 (antaranews Manado 2025).
    result = pmi_jkm_benefit(date(2025, 4, 19), "selama")
    assert amounts(result) == {"JKM_PMI": 85_000_000}
    assert jkm_benefit(date(2025, 4, 19)).total == 42_000_000
    with pytest.raises(ValidationError):
        pmi_jkm_benefit(date(2022, 12, 1), "selama")


@pytest.mark.parametrize("phase", ["sebelum", "setelah"])
def test_pmi_jkm_before_or_after_work_is_the_20_12_10_million_parts(phase):
    # BPJS Ketenagakerjaan (artikel 18896): before or after work, santunan kematian Rp20 jt,
    # santunan berkala Rp12 jt and funeral costs Rp10 jt, not the Rp85 jt of a death at work.
    result = pmi_jkm_benefit(date(2025, 4, 19), phase)
    assert amounts(result) == {"JKM_SANTUNAN_SEKALIGUS": 20_000_000,
                               "JKM_SANTUNAN_BERKALA": 12_000_000,
                               "JKM_BIAYA_PEMAKAMAN": 10_000_000}
    assert "Permenaker 4/2023" in result.lines[0].rule


@pytest.mark.parametrize("phase", ["", "dalam perjalanan", "SELAMA"])
def test_pmi_jkm_without_a_known_phase_is_refused(phase):
    with pytest.raises(ValidationError) as err:
        pmi_jkm_benefit(date(2025, 4, 19), phase)
    assert err.value.field == "pmi_phase" and "sebelum, selama, atau setelah" in err.value.message


@pytest.mark.parametrize(("key", "cost", "paid"), [
    pytest.param("perawatan_luar_negeri", 75_000_000, 50_000_000, id="abroad-capped-50-jt"),
    pytest.param("perawatan_luar_negeri", 12_345_678, 12_345_678, id="abroad-below-the-cap"),
    pytest.param("homecare", 25_000_000, 20_000_000, id="homecare-capped-20-jt"),
    pytest.param("alat_bantu_dengar", 3_000_000, 2_500_000, id="hearing-aid-2,5-jt"),
    pytest.param("kacamata", 1_200_000, 1_000_000, id="glasses-1-jt"),
    pytest.param("phk_sepihak", 0, 1_500_000, id="unilateral-PHK-1,5-jt"),
    pytest.param("tidak_sesuai_perjanjian", 0, 25_000_000, id="not-as-agreed-25-jt"),
    pytest.param("pemulangan_tidak_sesuai_perjanjian", 18_000_000, 15_000_000,
                 id="return-transport-15-jt"),
    pytest.param("pemerkosaan", 0, 50_000_000, id="rape-50-jt"),
])
def test_pmi_jkk_benefits_during_work_as_kemnaker_announced(key, cost, paid):
    # Kemnaker (inews Indramayu 10-10-2023): up to Rp50 jt treatment abroad, Rp20 jt home care,
    # Rp2,5 jt hearing aid, Rp1 jt glasses; Rp1,5 jt unilateral PHK; Rp25 jt + up to Rp15 jt
    # transport when placed not as agreed; Rp50 jt rape.
    inp = JkkInput(date(2025, 3, 1), 4 * JT, "medical_only")
    result = pmi_jkk_benefit(inp, "selama", [(key, cost)])
    assert amounts(result) == {f"JKK_PMI_{key.upper()}": paid}
    assert "Permenaker 4/2023" in result.lines[0].rule


def test_pmi_jkk_adds_its_benefits_to_the_standard_lines():
    inp = JkkInput(date(2025, 3, 1), 1_500_000, "total_disability", medical_cost=3 * JT)
    result = pmi_jkk_benefit(inp, "selama", [("perawatan_luar_negeri", 10 * JT)])
    assert amounts(result)["JKK_CACAT_TOTAL"] == 84 * JT  # 70% x 80 x Rp1,5 jt
    assert amounts(result)["JKK_PENGOBATAN"] == 3 * JT
    assert amounts(result)["JKK_PMI_PERAWATAN_LUAR_NEGERI"] == 10 * JT
    assert result.worksheet()["inputs"]["pmi_phase"] == "selama"


@pytest.mark.parametrize("wage", [pytest.param(0, id="no-wage-needed"),
                                  pytest.param(4 * JT, id="not-60%-x-80-x-wage"),
                                  pytest.param(25 * JT, id="a-Korean-wage")])
def test_pmi_death_from_a_work_accident_during_work_is_85_million_at_once(wage):
    # BPJS pays a PMI's heirs Rp85 jt from JKK for a death at work abroad (its Director of
    # Services, jpnn.com 5-7-2025; BPJS NTB, suarantb.com 21-01-2026), not 60% x 80 x wage +
    # funeral + berkala (Rp214 jt on Rp4 jt; over Rp1,2 M on a Korean fisherman's wage).
    inp = JkkInput(date(2025, 6, 27), wage, "death", medical_cost=2 * JT)
    result = pmi_jkk_benefit(inp, "selama", [])
    assert amounts(result) == {"JKK_PMI_KEMATIAN": 85 * JT, "JKK_PENGOBATAN": 2 * JT}
    assert "Permenaker 4/2023 Pasal 34" in result.lines[-1].rule
    assert result.worksheet()["inputs"]["outcome"] == "death"


@pytest.mark.parametrize("phase", ["sebelum", "setelah"])
def test_pmi_before_or_after_work_has_no_stmb(phase):
    # Permenaker 4/2023 Ps 27(1) lists the JKK santunan before and after work: no STMB.
    inp = JkkInput(date(2025, 3, 1), 4 * JT, "temporary", stmb_months=2)
    with pytest.raises(ValidationError) as err:
        pmi_jkk_benefit(inp, phase, [])
    assert err.value.field == "stmb_months" and "Pasal 27 ayat (1)" in err.value.message
    during = pmi_jkk_benefit(inp, "selama", [])  # Ps 34(1) not read to its end: standard
    assert amounts(during) == {"JKK_STMB": 8 * JT}


@pytest.mark.parametrize("phase", ["sebelum", "setelah"])
def test_pmi_death_from_a_work_accident_before_or_after_work_keeps_the_standard_lines(phase):
    # No published amount for those phases [U]: the standard PP 44/2015 lines stay.
    result = pmi_jkk_benefit(JkkInput(date(2025, 3, 1), 4 * JT, "death"), phase, [])
    assert amounts(result)["JKK_SANTUNAN_KEMATIAN"] == 192 * JT  # 60% x 80 x Rp4 jt
    assert "JKK_PMI_KEMATIAN" not in amounts(result)


@pytest.mark.parametrize(("outcome", "extra", "code", "formula"), [
    pytest.param("total_disability", {}, "JKK_CACAT_TOTAL", 224 * JT, id="total-224-jt"),
    pytest.param("partial_disability", {"disability_percent": Decimal(50)}, "JKK_CACAT_SEBAGIAN",
                 160 * JT, id="partial-50%-160-jt"),
])
@pytest.mark.parametrize("phase", ["sebelum", "selama", "setelah", ""])
def test_a_pmi_disability_pays_at_most_100_million(outcome, extra, code, formula, phase):
    # BPJS DKI Jakarta's deputy head (ipol.id, April 2024): a PMI's santunan cacat tetap is at
    # most Rp100 jt; before, 70% x 80 x Rp4 jt = Rp224 jt was paid. Any phase, or none given.
    inp = JkkInput(date(2025, 3, 1), 4 * JT, outcome, **extra)
    standard = {line.code: line for line in jkk_benefit(inp).lines}[code]
    assert standard.amount == formula
    line = {line.code: line for line in pmi_jkk_benefit(inp, phase, []).lines}[code]
    assert line.amount == 100 * JT
    assert line.rule.startswith("Permenaker 4/2023 Pasal 27 ayat (1) huruf b")
    assert "dibayar paling banyak Rp100.000.000" in line.detail


def test_a_pmi_disability_below_the_maximum_keeps_the_standard_formula():
    inp = JkkInput(date(2025, 3, 1), 4 * JT, "partial_disability", disability_percent=Decimal(10))
    assert amounts(jkk_benefit(inp)) == {"JKK_CACAT_SEBAGIAN": 32 * JT}
    assert amounts(pmi_jkk_benefit(inp, "", [])) == amounts(jkk_benefit(inp))
    before = JkkInput(date(2023, 2, 21), 4 * JT, "total_disability")  # before Permenaker 4/2023
    assert amounts(pmi_jkk_benefit(before, "", []))["JKK_CACAT_TOTAL"] == 224 * JT


@pytest.mark.parametrize(("phase", "items", "text"), [
    pytest.param("selama", [("gagal_berangkat", 0)], "sebelum bekerja", id="failed-departure"
                 "-only-before-work"),
    pytest.param("sebelum", [("tidak_sesuai_perjanjian", 0)], "selama bekerja",
                 id="placement-only-during-work"),
    pytest.param("selama", [("lotre", 0)], "tidak dikenal", id="unknown-benefit"),
    pytest.param("selama", [("kacamata", 0)], "Isi biaya", id="capped-without-a-cost"),
    pytest.param("selama", [("kacamata", -5)], "negatif", id="negative-cost"),
    pytest.param("selama", [("pemerkosaan", 0), ("pemerkosaan", 0)], "dua kali",
                 id="the-same-benefit-twice"),
    pytest.param("", [("kacamata", 900_000)], "masa pelindungan", id="no-phase"),
])
def test_pmi_jkk_refusals_name_the_benefit(phase, items, text):
    inp = JkkInput(date(2025, 3, 1), 4 * JT, "medical_only")
    with pytest.raises(ValidationError) as err:
        pmi_jkk_benefit(inp, phase, items)
    assert text in err.value.message
