"""Claim intake: numbers, benefit lines against DOMAIN.md amounts, eligibility and deadlines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from branch_desk.services.claims.data import ChildData, ClaimData, ClaimFactsData
from branch_desk.services.claims.workflow import new_claim
from tests.support.claims import add_person, jkm_data

PU_ALL = frozenset({"JKK", "JKM", "JHT", "JP", "JKP"})


def _new(office, data, today=date(2025, 6, 16)):
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=data, today=today)
        uow.commit()
    return row


def test_jkm_claim_number_lines_worksheet(office):
    kpj = add_person(office)
    row = _new(office, jkm_data(kpj))
    assert row.number == "JKM/MRS/2025/000001" and row.status == "draft"
    assert [(ln.code, ln.amount) for ln in row.lines] == [
        ("JKM_SANTUNAN_SEKALIGUS", 20_000_000), ("JKM_SANTUNAN_BERKALA", 12_000_000),
        ("JKM_BIAYA_PEMAKAMAN", 10_000_000)]
    assert row.total_amount == 42_000_000 and row.eligible and not row.late
    assert all("PP 82/2019" in ln.rule for ln in row.lines)
    assert row.worksheet["rule_version"] == "PP 82/2019"
    assert row.worksheet["total"] == 42_000_000 and len(row.worksheet["lines"]) == 3
    assert row.worksheet["event_date"] == "2025-06-01"
    assert {d.key for d in row.documents} >= {"akta_kematian", "surat_keterangan_ahli_waris"}
    assert not row.documents_complete
    assert row.recipients[0].bank_account == "0123456789"
    assert _new(office, jkm_data(kpj)).number == "JKM/MRS/2025/000002"


def test_lapsed_cover_is_not_eligible(office):
    kpj = add_person(office, paid_to=date(2024, 12, 1))
    row = _new(office, jkm_data(kpj))
    assert not row.eligible
    failed = " ".join(f.text for f in row.findings if not f.ok)
    assert "Nonaktif" in failed or "nonaktif" in failed


def test_grace_period_still_covers(office):
    kpj = add_person(office, paid_to=date(2025, 4, 1))  # May unpaid: masa tenggang in June
    assert _new(office, jkm_data(kpj)).eligible


@pytest.mark.parametrize("paid_from, eligible", [
    (date(2023, 1, 1), False),  # 29 months before a non-work death: under 3 years
    (date(2021, 1, 1), True),
])
def test_scholarship_waiting_period_after_non_work_death(office, paid_from, eligible):
    kpj = add_person(office, tmt=paid_from, paid_from=paid_from)
    children = (ChildData("Ani", "SD"), ChildData("Budi", "S1"), ChildData("Cici", "SMP"))
    row = _new(office, ClaimData(participant=kpj, claim_type="BEASISWA",
                                 event_date=date(2025, 6, 1), cause="bukan-kerja",
                                 facts=ClaimFactsData(children=children)))
    assert row.eligible is eligible
    assert [ln.amount for ln in row.lines] == [1_500_000, 12_000_000, 0]  # at most two children
    if not eligible:
        assert any("3 tahun" in f.text and not f.ok for f in row.findings)


@pytest.mark.parametrize("facts, expected", [
    ({"outcome": "death", "wage": 5_000_000},
     {"JKK_SANTUNAN_KEMATIAN": 240_000_000, "JKK_BIAYA_PEMAKAMAN": 10_000_000,
      "JKK_SANTUNAN_BERKALA": 12_000_000}),
    ({"outcome": "death", "wage": 300_000}, {"JKK_SANTUNAN_KEMATIAN": 20_000_000}),
    ({"outcome": "total_disability", "wage": 2_000_000}, {"JKK_CACAT_TOTAL": 112_000_000}),
    ({"outcome": "partial_disability", "wage": 2_000_000, "anatomic_case": "satu_mata"},
     {"JKK_CACAT_SEBAGIAN": 56_000_000}),
    ({"outcome": "temporary", "wage": 3_000_000, "stmb_months": 14},
     {"JKK_STMB": 12 * 3_000_000 + 2 * 1_500_000}),
    ({"medical_cost": 150_000_000, "transport": "laut", "transport_cost": 3_500_000},
     {"JKK_PENGOBATAN": 150_000_000, "JKK_TRANSPORTASI": 2_000_000}),
])
def test_jkk_formulas(office, facts, expected):
    kpj = add_person(office)
    row = _new(office, ClaimData(participant=kpj, claim_type="JKK", event_date=date(2025, 6, 14),
                                 cause="kerja", facts=ClaimFactsData(**facts)))
    got = {ln.code: ln.amount for ln in row.lines}
    assert {k: got[k] for k in expected} == expected
    assert row.eligible and row.total_amount == sum(got.values())


def test_jkk_late_report_is_flagged_not_refused(office):
    kpj = add_person(office)
    row = _new(office, ClaimData(participant=kpj, claim_type="JKK", event_date=date(2025, 6, 1),
                                 cause="kerja", facts=ClaimFactsData(
                                     medical_cost=1_000_000, reported_on=date(2025, 6, 10))))
    assert row.late and row.eligible
    assert any("2×24 jam" in f.text and "terlambat" in f.text for f in row.findings if not f.ok)


def test_jkk_expired_after_five_years(office):
    kpj = add_person(office, tmt=date(2020, 1, 1))
    row = _new(office, ClaimData(participant=kpj, claim_type="JKK", event_date=date(2020, 2, 3),
                                 cause="kerja", facts=ClaimFactsData(medical_cost=1_000_000)))
    assert not row.eligible and row.late
    assert any("5 tahun" in f.text and not f.ok for f in row.findings)


def test_non_work_accident_is_not_jkk(office):
    kpj = add_person(office)
    row = _new(office, ClaimData(participant=kpj, claim_type="JKK", event_date=date(2025, 6, 14),
                                 cause="bukan-kerja", facts=ClaimFactsData(medical_cost=10)))
    assert not row.eligible


def _pu(office, **kw):
    # Born 1985: joined JKP well before 54 (PP 37/2021 Ps 4).
    return add_person(office, nik="7309010101850002", name="Andi Baso", segment="PU",
                      income=8_000_000, programs=PU_ALL, tmt=date(2024, 3, 1),
                      paid_from=date(2024, 3, 1), **kw)


JKP_FACTS = ClaimFactsData(phk_reason="efisiensi")


def test_jkp_refused_after_resignation(office):
    kpj = _pu(office, paid_to=date(2025, 4, 1))
    row = _new(office, ClaimData(participant=kpj, claim_type="JKP", event_date=date(2025, 5, 2),
                                 facts=ClaimFactsData(phk_reason="mengundurkan_diri")))
    assert not row.eligible
    assert any("mengundurkan diri" in f.text and not f.ok for f in row.findings)


def test_jkp_refused_for_worker_who_joined_at_54(office):
    # NIK 730901 010170 0002: born 1 January 1970, enrolled 1 March 2024 at 54.
    kpj = add_person(office, nik="7309010101700002", name="Andi Baso", segment="PU",
                     income=8_000_000, programs=PU_ALL, tmt=date(2024, 3, 1),
                     paid_from=date(2024, 3, 1), paid_to=date(2025, 4, 1))
    row = _new(office, ClaimData(participant=kpj, claim_type="JKP", event_date=date(2025, 5, 2),
                                 facts=JKP_FACTS))
    assert not row.eligible
    assert any("Usia saat terdaftar 54 tahun" in f.text and not f.ok for f in row.findings)


def test_jkp_pp6_2025_sixty_percent_of_capped_wage(office):
    kpj = _pu(office, paid_to=date(2025, 4, 1))
    row = _new(office, ClaimData(participant=kpj, claim_type="JKP", event_date=date(2025, 5, 2),
                                 facts=JKP_FACTS))
    assert [(ln.amount, "PP 6/2025" in ln.rule) for ln in row.lines] == [(18_000_000, True)]
    assert row.eligible


def test_jkp_before_pp6_2025_uses_45_25_schedule_and_expires(office):
    kpj = _pu(office, paid_to=date(2025, 1, 1))
    row = _new(office, ClaimData(participant=kpj, claim_type="JKP", event_date=date(2025, 1, 20),
                                 facts=JKP_FACTS))
    assert [ln.amount for ln in row.lines] == [3 * 2_250_000, 3 * 1_250_000]
    assert not row.eligible  # PP 37/2021: to be claimed within 3 months of the dismissal


def test_jkp_needs_contribution_record(office):
    kpj = _pu(office, paid_to=date(2024, 8, 1))
    row = _new(office, ClaimData(participant=kpj, claim_type="JKP", event_date=date(2025, 5, 2),
                                 facts=JKP_FACTS))
    assert not row.eligible
    assert any("12 bulan" in f.text and not f.ok for f in row.findings)


def test_jp_short_record_is_paid_as_lump_sum(office):
    kpj = add_person(office, nik="7309010101650003", name="La Ode", segment="PU",
                     income=4_000_000, programs=PU_ALL, tmt=date(2024, 3, 1),
                     paid_from=date(2024, 3, 1))
    row = _new(office, ClaimData(participant=kpj, claim_type="JP", event_date=date(2025, 6, 1),
                                 facts=ClaimFactsData(accumulated_contributions=5_400_000)))
    assert [(ln.code, ln.amount) for ln in row.lines] == [("JP_SEKALIGUS", 5_400_000)]
    assert any("180 bulan" in f.text for f in row.findings)


def test_jht_partial_needs_ten_years(office):
    kpj = _pu(office, paid_to=date(2025, 5, 1))
    row = _new(office, ClaimData(participant=kpj, claim_type="JHT", event_date=date(2025, 6, 1),
                                 facts=ClaimFactsData(jht_kind="partial_housing",
                                                      balance=80_000_000)))
    assert not row.eligible and any("10 tahun" in f.text for f in row.findings if not f.ok)
    full = _new(office, ClaimData(participant=kpj, claim_type="JHT", event_date=date(2025, 6, 1),
                                  facts=ClaimFactsData(balance=80_000_000)))
    assert full.eligible and full.total_amount == 80_000_000
    assert "npwp" in {d.key for d in full.documents}  # balance above Rp50 jt


def test_disability_percent_is_kept_in_facts(office):
    kpj = add_person(office)
    row = _new(office, ClaimData(participant=kpj, claim_type="JKK", event_date=date(2025, 6, 14),
                                 cause="kerja", facts=ClaimFactsData(
                                     outcome="partial_disability", wage=1_000_000,
                                     disability_percent=Decimal("20"))))
    assert row.facts["disability_percent"] == "20"
    assert row.total_amount == 16_000_000
