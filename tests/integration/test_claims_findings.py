"""Each eligibility failure is explained once: the JP pension age and the JHT partial
withdrawal rules (DOMAIN §3.4, §3.5) are checked by `check_eligibility`, and the formulas
refusing for the same rule do not repeat it in other words. The JHT partial facts (amount
requested, earlier withdrawal) can be given through the CLI too."""

from __future__ import annotations

import json
from datetime import date

import pytest

from branch_desk.services.claims.data import ClaimData, ClaimFactsData
from branch_desk.services.claims.workflow import new_claim, preview_claim
from tests.support.claims import add_person

TODAY = date(2025, 6, 16)
PU_ALL = frozenset({"JKK", "JKM", "JHT", "JP", "JKP"})


def _preview(office, data):
    with office.uow("petugas", write=False) as uow:
        return preview_claim(uow, data=data, today=TODAY)


def _failed(findings) -> list[str]:
    return [f.text for f in findings if not f.ok]


def test_jp_pension_age_failure_listed_once(office):
    # born 5 May 1980: 45 years old in 2025, when the pension age is 59 (DOMAIN §3.5)
    kpj = add_person(office, segment="PU", income=5_000_000, programs=PU_ALL,
                     paid_from=None, paid_to=None)
    data = ClaimData(participant=kpj, claim_type="JP", event_date=date(2025, 6, 1))
    preview = _preview(office, data)
    assert not preview.eligible
    age = [t for t in _failed(preview.findings) if "usia pensiun" in t.lower()]
    assert age == ["Usia 45 tahun; usia pensiun pada 2025 adalah 59 tahun (PP 45/2015 "
                   "Pasal 15)."]
    with office.uow("petugas") as uow:  # what the claim stores says it once too
        row = new_claim(uow, data=data, today=TODAY)
        uow.commit()
    assert [f.text for f in row.findings if not f.ok] == _failed(preview.findings)


@pytest.mark.parametrize(("tmt", "taken", "rule"), [
    pytest.param(date(2020, 1, 1), False, "10 tahun", id="PP60-needs-10-years"),
    pytest.param(date(2012, 1, 1), True, "hanya satu kali", id="PP60-once-only"),
])
def test_jht_partial_failure_listed_once(office, tmt, taken, rule):
    kpj = add_person(office, segment="PU", income=5_000_000, programs=PU_ALL, tmt=tmt,
                     paid_from=None, paid_to=None)
    preview = _preview(office, ClaimData(
        participant=kpj, claim_type="JHT", event_date=date(2025, 6, 1),
        facts=ClaimFactsData(jht_kind="partial_housing", balance=100_000_000,
                             jht_partial_taken=taken)))
    assert not preview.eligible and preview.total == 0
    failed = _failed(preview.findings)
    assert len([t for t in failed if rule in t]) == 1, failed


def test_jht_partial_amount_requested_through_the_cli(office, cli):
    kpj = add_person(office, segment="PU", income=5_000_000, programs=PU_ALL,
                     tmt=date(2012, 1, 1), paid_from=None, paid_to=None)
    base = ("claims", "new", "--participant", kpj, "--type", "JHT", "--event-date",
            "2025-06-01", "--jht-kind", "partial_housing", "--balance", "100000000",
            "--json", "--today", "2025-06-16")
    out = cli(*base, "--requested", "Rp50.000.000")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["total"] == 30_000_000 and data["eligible"]  # DOMAIN §3.4: at most 30 %
    assert "diminta Rp50.000.000, melebihi batas 30%, dibayar Rp30.000.000" in \
        data["lines"][0]["detail"]
    out = cli(*base, "--requested", "0")
    assert out.returncode == 2 and "harus lebih dari nol" in json.loads(out.stdout)["error"]
    out = cli(*base, "--jht-partial-taken")
    data = json.loads(out.stdout)
    assert not data["eligible"] and data["total"] == 0
    assert [f["text"] for f in data["findings"] if not f["ok"]] == [
        "Pengambilan sebagian JHT hanya satu kali; sudah pernah diambil (PP 46/2015 jo. "
        "PP 60/2015 Pasal 22)."]


@pytest.mark.parametrize(("claim_type", "jht_kind", "met"), [
    pytest.param("JHT", "full", True, id="JHT-savings"),
    pytest.param("JP", None, True, id="JP-contributions"),
    pytest.param("JKM", None, False, id="JKM-needs-cover"),
])
def test_coverage_mark_agrees_with_a_cover_not_started(office, claim_type, jht_kind, met):
    # enrolled, never paid: "perlindungan belum berjalan" (DOMAIN §5)
    kpj = add_person(office, segment="PU", income=5_000_000, programs=PU_ALL,
                     tmt=date(2020, 1, 1), paid_from=None, paid_to=None)
    facts = ClaimFactsData(jht_kind=jht_kind, balance=10_000_000) if jht_kind else \
        ClaimFactsData()
    preview = _preview(office, ClaimData(participant=kpj, claim_type=claim_type,
                                         event_date=date(2025, 6, 1), cause="bukan-kerja",
                                         facts=facts))
    first = preview.findings[0]
    assert first.text.startswith(f"Kepesertaan {claim_type}: ")
    assert "perlindungan belum berjalan" in first.text
    assert first.ok is met
    assert ("bukan syarat klaim" in first.text) is met
