"""Claim documents, deadlines (claim_rules) and eligibility (claim_eligibility), DOMAIN §3-§5."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from decimal import Decimal

import pytest

from branch_desk.domain.claim_eligibility import (
    EligibilityInput,
    check_eligibility,
    contribution_density,
    coverage_finding,
    membership_months,
)
from branch_desk.domain.claim_rules import (
    ClaimType,
    claim_deadlines,
    jkk_decision_due,
    jkk_stage2_check,
    required_documents,
)
from branch_desk.domain.coverage import CoverageStatus
from branch_desk.domain.errors import EligibilityError, ValidationError
from branch_desk.domain.programs import Segment

C = ClaimType
EVENT = date(2025, 3, 10)


# --- documents (§4.2) ---------------------------------------------------------------------

@pytest.mark.parametrize("claim_type", list(ClaimType))
def test_documents_have_stable_keys_and_indonesian_labels(claim_type):
    docs = required_documents(claim_type)
    keys = [doc.key for doc in docs]
    assert docs and len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", key) for key in keys)
    assert all(doc.label for doc in docs)
    assert all(doc.note for doc in docs if not doc.mandatory)


@pytest.mark.parametrize(("claim_type", "kwargs", "expected"), [
    pytest.param(C.JKK, {}, {"kpj", "ktp", "daftar_hadir", "laporan_kecelakaan", "formulir_3b",
                             "daftar_upah", "kuitansi_pengobatan", "kuitansi_transportasi",
                             "surat_keterangan_sakit", "surat_rujukan"}, id="S78-JKK"),
    pytest.param(C.JKM, {}, {"kpj", "ktp_almarhum", "ktp_ahli_waris", "akta_kematian",
                             "kartu_keluarga", "surat_keterangan_ahli_waris", "buku_nikah",
                             "buku_tabungan"}, id="S25-JKM"),
    pytest.param(C.BEASISWA, {}, {"formulir_beasiswa", "surat_keterangan_sekolah",
                                  "identitas_anak", "akta_kelahiran_anak", "kpj", "ktp",
                                  "akta_kematian", "kartu_keluarga",
                                  "surat_keterangan_ahli_waris"}, id="S26-beasiswa"),
    pytest.param(C.JHT, {}, {"kpj", "ktp", "kartu_keluarga", "paklaring_atau_phk",
                             "buku_tabungan"}, id="S21-JHT-resign-PHK"),
    pytest.param(C.JHT, {"jht_kind": "partial_housing"},
                 {"kpj", "ktp", "bukti_perumahan", "buku_tabungan"}, id="S86-JHT-30%-housing"),
    pytest.param(C.JKP, {}, {"bukti_phk", "komitmen_mencari_kerja", "buku_tabungan"},
                 id="S27-JKP"),
    pytest.param(C.JP, {}, {"formulir_7", "kpj", "ktp", "kartu_keluarga", "buku_tabungan"},
                 id="BPJS-JP-old-age"),
    pytest.param(C.JP, {"jp_kind": "disability"},
                 {"formulir_7", "kpj", "ktp", "kartu_keluarga", "buku_tabungan",
                  "surat_keterangan_cacat", "surat_tidak_mampu_bekerja"}, id="BPJS-JP-disability"),
    pytest.param(C.JP, {"jp_kind": "widow"},
                 {"formulir_7", "kpj", "ktp", "kartu_keluarga", "buku_tabungan", "buku_nikah",
                  "akta_kematian", "surat_keterangan_ahli_waris"}, id="BPJS-JP-widow"),
    pytest.param(C.JP, {"jp_kind": "child"},
                 {"formulir_7", "kpj", "ktp", "kartu_keluarga", "buku_tabungan",
                  "akta_kematian", "surat_keterangan_ahli_waris", "surat_keterangan_wali",
                  "ktp_wali"}, id="BPJS-JP-child"),
    pytest.param(C.JP, {"jp_kind": "parent"},
                 {"formulir_7", "kpj", "ktp", "kartu_keluarga", "buku_tabungan",
                  "akta_kematian", "surat_keterangan_ahli_waris"}, id="BPJS-JP-parent"),
])
def test_required_documents(claim_type, kwargs, expected):
    assert {doc.key for doc in required_documents(claim_type, **kwargs)} == expected


def test_a_migrant_workers_jkm_papers_are_permenaker_4_2023_pasal_57():
    # Ps 57(1): passport accepted, the death certificate may come from the Indonesian mission
    # or KDEI (or its statement that the worker is missing), no marriage book; Ps 57(2): the
    # leave statement only for a death while on leave in Indonesia.
    docs = {d.key: d for d in required_documents(C.JKM, pmi=True)}
    assert set(docs) == {"kpj", "ktp_almarhum", "ktp_ahli_waris", "kartu_keluarga",
                         "akta_kematian", "surat_keterangan_ahli_waris", "buku_tabungan",
                         "surat_keterangan_cuti"}
    assert "paspor" in docs["ktp_almarhum"].label and "KDEI" in docs["akta_kematian"].label
    assert not docs["surat_keterangan_cuti"].mandatory
    assert "buku_nikah" in {d.key for d in required_documents(C.JKM)}  # others: unchanged
    assert required_documents(C.JKK, pmi=True) == required_documents(C.JKK)


def test_a_migrant_workers_accident_abroad_asks_permenaker_4_2023_pasal_50_papers():
    # Ps 50(1): passport, a statement from the employer/mission/KDEI, the medical resume from
    # abroad; not the attendance or wage lists of an accident at home. Ps 50(3): a death adds
    # the heirs' papers. Before and after work (not read) the standard list stays.
    abroad = {d.key: d for d in required_documents(C.JKK, pmi=True, pmi_phase="selama")}
    assert {"paspor", "surat_keterangan_kecelakaan", "resume_medis"} <= set(abroad)
    assert "daftar_hadir" not in abroad and "daftar_upah" not in abroad
    assert not abroad["kuitansi_transportasi"].mandatory
    death = {d.key: d for d in required_documents(C.JKK, pmi=True, pmi_phase="selama",
                                                  outcome="death")}
    assert {"ktp_ahli_waris", "akta_kematian", "surat_keterangan_ahli_waris"} <= set(death)
    assert "ahli waris" in death["buku_tabungan"].label and "kuitansi_pengobatan" not in death
    assert required_documents(C.JKK, pmi=True, pmi_phase="sebelum") == required_documents(C.JKK)


def test_jkk_conditional_documents_are_not_mandatory():
    docs = {doc.key: doc for doc in required_documents(C.JKK)}
    assert not docs["kuitansi_transportasi"].mandatory
    assert docs["laporan_kecelakaan"].mandatory and "2 orang saksi" in docs[
        "laporan_kecelakaan"].label


@pytest.mark.parametrize(("kind", "holder"), [
    ("widow", "KTP janda/duda"), ("child", "KTP atau akta kelahiran anak"),
    ("parent", "KTP orang tua"), ("old_age", "KTP peserta"), ("disability", "KTP peserta"),
])
def test_jp_survivor_papers_ask_for_the_heirs_identity_card(kind, holder):
    # A survivor pension is claimed by the heir: their KTP replaces the participant's, in place.
    docs = required_documents(C.JP, jp_kind=kind)
    assert [d.label for d in docs if d.key == "ktp"] == [holder]
    assert [d.key for d in docs][:3] == ["formulir_7", "kpj", "ktp"]
    guardian = [d for d in docs if d.key in ("surat_keterangan_wali", "ktp_wali")]
    assert all(not d.mandatory and "18 tahun" in d.note for d in guardian)


def test_jkk_off_site_needs_assignment_letter_and_police_report():
    keys = {doc.key for doc in required_documents(C.JKK, off_site=True)}
    assert {"surat_tugas", "laporan_polisi"} <= keys


@pytest.mark.parametrize(("balance", "npwp"), [
    pytest.param(50_000_000, False, id="S21-NPWP-not-at-50jt"),
    pytest.param(50_000_001, True, id="S21-NPWP-above-50jt"),
    pytest.param(None, False, id="balance-unknown"),
])
def test_jht_npwp_above_50_million(balance, npwp):
    for kind in ("full", "partial_housing"):
        keys = {d.key for d in required_documents(C.JHT, jht_kind=kind, balance=balance)}
        assert ("npwp" in keys) is npwp


def test_unknown_jht_kind_is_refused():
    with pytest.raises(ValidationError):
        required_documents(C.JHT, jht_kind="sebagian")


def test_claim_type_labels():
    assert C.BEASISWA.label == "Beasiswa Pendidikan Anak"
    assert C.JKM.label == "Jaminan Kematian"


# --- deadlines (§4.1) ---------------------------------------------------------------------

@pytest.mark.parametrize(("reported", "met"), [
    pytest.param(date(2025, 3, 10), True, id="S22-same-day"),
    pytest.param(date(2025, 3, 12), True, id="S22-2x24h-last-day"),
    pytest.param(date(2025, 3, 13), False, id="S22-late-employer-liable"),
])
def test_jkk_report_within_2x24_hours(reported, met):
    check = claim_deadlines(C.JKK, EVENT, reported)[0]
    assert check.due == date(2025, 3, 12) and check.met is met
    assert "2×24 jam" in check.rule and check.advisory
    if not met:
        assert "tanggung jawab pemberi kerja" in check.message


@pytest.mark.parametrize(("event", "filed", "due", "met"), [
    pytest.param(date(2020, 3, 1), date(2025, 3, 1), date(2025, 3, 1), True,
                 id="PP82-5-years-last-day"),
    pytest.param(date(2020, 3, 1), date(2025, 3, 2), date(2025, 3, 1), False,
                 id="PP82-5-years-expired"),
    pytest.param(date(2019, 6, 1), date(2021, 6, 2), date(2021, 6, 1), False,
                 id="PP44-2-years-before-PP82-[I]"),
])
def test_jkk_claim_expiry(event, filed, due, met):
    check = claim_deadlines(C.JKK, event, filed)[1]
    assert (check.due, check.met) == (due, met)
    assert not check.advisory
    if not met:
        assert "hilang" in check.message


@pytest.mark.parametrize(("dismissed", "filed", "due", "met"), [
    pytest.param(date(2025, 3, 1), date(2025, 9, 1), date(2025, 9, 1), True,
                 id="PP6-2025-6-months"),
    pytest.param(date(2025, 3, 1), date(2025, 9, 2), date(2025, 9, 1), False,
                 id="PP6-2025-6-months-lost"),
    pytest.param(date(2024, 6, 1), date(2024, 9, 2), date(2024, 9, 1), False,
                 id="PP37-2021-3-months"),
])
def test_jkp_claim_within_months_of_dismissal(dismissed, filed, due, met):
    [check] = claim_deadlines(C.JKP, dismissed, filed)
    assert (check.due, check.met) == (due, met)


def test_scholarship_is_claimed_yearly():
    [check] = claim_deadlines(C.BEASISWA, EVENT, date(2025, 7, 15))
    assert check.due == date(2026, 7, 15) and check.met and check.advisory
    assert "setiap tahun" in check.rule


@pytest.mark.parametrize("claim_type", [C.JKM, C.JHT, C.JP])
def test_no_loaded_deadline(claim_type):
    assert claim_deadlines(claim_type, EVENT, date(2030, 1, 1)) == []


def test_report_before_event_is_refused():
    with pytest.raises(ValidationError) as err:
        claim_deadlines(C.JKK, EVENT, date(2025, 3, 9))
    assert err.value.field == "reported_at"


def test_jkk_decision_within_30_days():
    assert jkk_decision_due(date(2025, 3, 12)) == date(2025, 4, 11)


# --- eligibility (§3, §5) -----------------------------------------------------------------

BASE = EligibilityInput(
    claim_type=C.JKM, cause="bukan-kerja", event_date=EVENT,
    coverage_on_event=CoverageStatus.AKTIF, contribution_months_total=48,
    contribution_months_last_24=24, consecutive_months_before_event=24,
    membership_years=Decimal(4), age=40, segment=Segment.BPU,
)


JP_DENSE = {"jp_membership_months": 48, "jp_density": Decimal(1)}
JKP_OK = {"jkp_join_age": 30, "jkp_phk_reason": "efisiensi",
          "programs": frozenset({"JKK", "JKM", "JHT", "JP", "JKP"})}


def facts(**changes) -> EligibilityInput:
    return dataclasses.replace(BASE, **changes)


@pytest.mark.parametrize(("changes", "eligible", "text"), [
    pytest.param({}, True, "Aktif", id="JKM-active"),
    pytest.param({"coverage_on_event": CoverageStatus.MASA_TENGGANG}, True, "Masa tenggang",
                 id="§5-grace-is-covered"),
    pytest.param({"coverage_on_event": CoverageStatus.NONAKTIF}, False, "Nonaktif",
                 id="§5-lapsed-not-covered"),
    pytest.param({"coverage_on_event": CoverageStatus.BELUM_TERDAFTAR}, False,
                 "Belum terdaftar", id="not-enrolled"),
    pytest.param({"cause": "kerja"}, False, "melalui JKK", id="PP44-work-death-is-JKK"),
    pytest.param({"cause": None}, False, "harus dicatat", id="PP44-JKM-cause-required"),
    pytest.param({"claim_type": C.JKK, "cause": "kerja"}, True, "kecelakaan kerja",
                 id="PP44-JKK-work-accident"),
    pytest.param({"claim_type": C.JKK, "cause": "kerja", "segment": Segment.JAKON}, True,
                 "tersedia", id="§1-JAKON-JKK"),
    pytest.param({"claim_type": C.JKK, "cause": None}, False, "30 hari",
                 id="PP49-2023-KK-not-yet-decided"),
    pytest.param({"claim_type": C.JKK, "cause": "bukan-kerja"}, False, "bukan kecelakaan",
                 id="PP44-JKK-non-work"),
    pytest.param({"claim_type": C.JKK, "cause": "kerja",
                  "coverage_on_event": CoverageStatus.NONAKTIF}, False, "Nonaktif",
                 id="§5-JKK-lapsed"),
    pytest.param({"claim_type": C.BEASISWA, "contribution_months_total": 36}, True, "3 tahun",
                 id="PP82-scholarship-3-years"),
    pytest.param({"claim_type": C.BEASISWA, "contribution_months_total": 35}, False,
                 "3 tahun", id="PP82-scholarship-under-3-years"),
    pytest.param({"claim_type": C.BEASISWA, "event_date": date(2019, 6, 1)}, False,
                 "5 tahun", id="PP44-scholarship-5-years-before-PP82"),
    pytest.param({"claim_type": C.BEASISWA, "cause": "kerja", "contribution_months_total": 1,
                  "jkk_outcome": "death"},
                 True, "tanpa syarat masa iur", id="PP82-scholarship-JKK-no-minimum"),
    pytest.param({"claim_type": C.BEASISWA, "cause": "kerja", "jkk_outcome": "total_disability"},
                 True, "cacat total tetap", id="issue18-scholarship-JKK-total-disability"),
    pytest.param({"claim_type": C.BEASISWA, "cause": "kerja",
                  "jkk_outcome": "partial_disability"}, False, "cacat sebagian",
                 id="issue18-scholarship-not-for-partial-disability"),
    pytest.param({"claim_type": C.BEASISWA, "cause": "kerja"}, False, "belum dicatat",
                 id="issue18-scholarship-JKK-outcome-required"),
    pytest.param({"claim_type": C.BEASISWA, "cause": None}, False, "harus dicatat",
                 id="scholarship-cause-required"),
    pytest.param({"claim_type": C.JKP, "cause": None, "segment": Segment.PU,
                  "contribution_months_last_24": 12, "consecutive_months_before_event": 6,
                  **JKP_OK}, True, "12 bulan", id="PP37-JKP-12-of-24-and-6-consecutive"),
    pytest.param({"claim_type": C.JKP, "segment": Segment.PU,
                  "contribution_months_last_24": 11, **JKP_OK}, False, "12 bulan",
                 id="PP37-JKP-under-12-of-24"),
    pytest.param({"claim_type": C.JKP, "segment": Segment.PU,
                  "consecutive_months_before_event": 5, **JKP_OK}, False, "6 bulan",
                 id="PP37-JKP-under-6-consecutive"),
    pytest.param({"claim_type": C.JKP, "segment": Segment.PU, **JKP_OK, "jkp_join_age": 54},
                 False, "sebelum berusia 54", id="PP37-Ps4-JKP-joined-at-54"),
    pytest.param({"claim_type": C.JKP, "segment": Segment.PU, **JKP_OK, "jkp_join_age": 53},
                 True, "sebelum berusia 54", id="PP37-Ps4-JKP-joined-at-53"),
    pytest.param({"claim_type": C.JKP, "segment": Segment.PU, **JKP_OK,
                  "programs": frozenset({"JKK", "JKM", "JP"})}, False, "JHT",
                 id="PP37-Ps4-JKP-needs-JHT"),
    pytest.param({"claim_type": C.JKP, "segment": Segment.PU, **JKP_OK,
                  "programs": frozenset({"JKK", "JKM", "JHT"})}, False, "belum dicatat",
                 id="PP37-Ps4-JKP-no-JP-size-unknown"),
    pytest.param({"claim_type": C.JKP, "segment": Segment.PU, **JKP_OK,
                  "programs": frozenset({"JKK", "JKM", "JHT"}),
                  "employer_size": "mikro_kecil"}, True, "mikro", id="PP37-Ps4-JKP-small-no-JP"),
    pytest.param({"claim_type": C.JKP, "segment": Segment.PU, **JKP_OK,
                  "jkp_phk_reason": "mengundurkan_diri"}, False, "tidak diberikan",
                 id="PP37-Ps20-JKP-not-on-resignation"),
    pytest.param({"claim_type": C.JKP, "segment": Segment.PU, **JKP_OK,
                  "jkp_phk_reason": "pkwt_berakhir"}, False, "PKWT",
                 id="PP37-Ps20-JKP-not-when-PKWT-ends"),
    pytest.param({"claim_type": C.JKP, "segment": Segment.PU, **JKP_OK,
                  "jkp_phk_reason": ""}, False, "harus dicatat",
                 id="PP37-Ps20-JKP-reason-required"),
    pytest.param({"claim_type": C.JKP}, False, "JKP tidak tersedia", id="§1-JKP-not-for-BPU"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 60,
                  "contribution_months_total": 180}, True, "pensiun bulanan",
                 id="PP45-JP-180-months-monthly"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 60,
                  "contribution_months_total": 100}, True, "dibayar sekaligus",
                 id="PP45-JP-lump-sum"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 58}, False,
                 "usia pensiun", id="PP45-JP-before-pension-age-59-in-2025"),
    pytest.param({"claim_type": C.JP, "age": 60}, False, "JP tidak tersedia",
                 id="§1-JP-not-for-BPU"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 60,
                  "contribution_months_total": 60, "contribution_months_career": 210}, True,
                 "seluruhnya 210 bulan", id="issue18-JP-career-150-gap-60-is-210-monthly"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 40, "jp_kind": "widow",
                  **JP_DENSE}, True, "tidak menunggu usia pensiun",
                 id="PP45-Ps16-widow-pension-any-age"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 35, "jp_kind": "child",
                  **JP_DENSE}, True, "Pensiun anak", id="PP45-Ps16-child-pension-any-age"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 45,
                  "jp_kind": "disability", **JP_DENSE}, True, "cacat total tetap",
                 id="PP45-Ps16-disability-pension-any-age"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 40, "jp_kind": "widow",
                  **JP_DENSE}, True, "Masa iur 48 bulan: untuk pensiun janda/duda dihitung 180",
                 id="Permenaker29-Ps26-widow-48-months-dense-deemed-180"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 40, "jp_kind": "widow",
                  "jp_membership_months": 48, "jp_density": Decimal("0.75")}, True,
                 "karena kepadatan iuran 75%, kurang dari 80%: manfaat dibayar sekaligus",
                 id="Permenaker29-Ps26-widow-density-75-lump-sum"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 40, "jp_kind": "widow",
                  "contribution_months_total": 11, "jp_membership_months": 11,
                  "jp_density": Decimal(1)}, True,
                 "karena kepesertaan 11 bulan, kurang dari 12 bulan",
                 id="Permenaker29-Ps26-widow-member-11-months-lump-sum"),
    pytest.param({"claim_type": C.JP, "segment": Segment.PU, "age": 40, "jp_kind": "disability",
                  "contribution_months_total": 1, "jp_membership_months": 1,
                  "jp_density": Decimal(1)}, True, "untuk pensiun cacat (cacat total tetap) "
                 "dihitung 180", id="JP-disability-after-one-month-deemed-180"),
    pytest.param({"claim_type": C.JHT}, True, "sekaligus", id="PP46-JHT-full"),
    pytest.param({"claim_type": C.JHT, "jht_reason": "mengundurkan_diri",
                  "filed_on": date(2025, 4, 10)}, True, "mulai 10 April 2025",
                 id="Permenaker4-2022-JHT-resign-one-month-later"),
    pytest.param({"claim_type": C.JHT, "jht_reason": "phk", "filed_on": date(2025, 4, 9)},
                 False, "ajukan kembali mulai 10 April 2025",
                 id="Permenaker4-2022-JHT-PHK-too-early"),
    pytest.param({"claim_type": C.JHT, "segment": Segment.JAKON}, False, "JHT tidak tersedia",
                 id="§1-JHT-not-for-JAKON"),
    pytest.param({"claim_type": C.JHT, "jht_kind": "partial_housing",
                  "membership_years": Decimal(10)}, True, "10 tahun",
                 id="PP60-JHT-partial-10-years"),
    pytest.param({"claim_type": C.JHT, "jht_kind": "partial_other",
                  "membership_years": Decimal("9.5")}, False, "10 tahun",
                 id="PP60-JHT-partial-under-10-years"),
    pytest.param({"claim_type": C.JHT, "jht_kind": "partial_housing",
                  "membership_years": Decimal(12), "jht_partial_taken": True}, False,
                 "satu kali", id="PP60-JHT-partial-once"),
])
def test_check_eligibility(changes, eligible, text):
    result = check_eligibility(facts(**changes))
    assert result.eligible is eligible
    pool = result.reasons if eligible else result.failed
    assert any(text in reason for reason in pool), pool
    assert bool(result.failed) is not eligible
    assert all(re.search(r"\([^()]*(PP|Permenaker|ketentuan)[^()]*\)\.$", r)
               for r in result.reasons), result.reasons


def test_jht_coverage_status_does_not_matter():
    result = check_eligibility(facts(claim_type=C.JHT,
                                     coverage_on_event=CoverageStatus.NONAKTIF))
    assert result.eligible


def test_raise_if_ineligible():
    result = check_eligibility(facts(coverage_on_event=CoverageStatus.NONAKTIF, cause=None))
    assert len(result.failed) == 2
    with pytest.raises(EligibilityError) as err:
        result.raise_if_ineligible()
    assert "Nonaktif" in err.value.message
    check_eligibility(BASE).raise_if_ineligible()


# --- the coverage line of an assessment (§3.4, §3.5, §5) ------------------------------------

S = CoverageStatus
NOT_STARTED = ("Belum ada iuran yang dibayar sejak terdaftar Januari 2020; perlindungan belum "
               "berjalan.")


@pytest.mark.parametrize(("claim_type", "status", "met", "note"), [
    pytest.param(C.JKM, S.NONAKTIF, False, False, id="JKM-needs-cover"),
    pytest.param(C.JKK, S.MASA_TENGGANG, True, False, id="JKK-grace-covers"),
    pytest.param(C.JKP, S.BELUM_TERDAFTAR, False, False, id="JKP-needs-enrolment"),
    pytest.param(C.JHT, S.NONAKTIF, True, True, id="JHT-savings-no-cover-needed"),
    pytest.param(C.JP, S.NONAKTIF, True, True, id="JP-contributions-no-cover-needed"),
    pytest.param(C.JHT, S.AKTIF, True, False, id="JHT-active-no-note"),
])
def test_coverage_finding_mark_agrees_with_its_text(claim_type, status, met, note):
    ok, text = coverage_finding(claim_type, status, claim_type.value, NOT_STARTED)
    assert ok is met
    assert text.startswith(f"Kepesertaan {claim_type.value}: {NOT_STARTED}")
    assert ("bukan syarat klaim" in text) is note
    if note:  # a ✔ beside "belum berjalan" says why it is no failure
        assert f"Untuk {claim_type.value} status kepesertaan pada tanggal kejadian" in text


# --- JKK stage-II report (Permenaker 5/2021 Ps 19(2), issue 18) ---------------------------

@pytest.mark.parametrize(("reported", "met", "text"), [
    pytest.param(None, True, "belum dicatat; batas 5 Juni 2025", id="not-yet-shows-deadline"),
    pytest.param(date(2025, 6, 5), True, "tepat waktu", id="on-the-second-day"),
    pytest.param(date(2025, 6, 6), False, "terlambat", id="a-day-late"),
])
def test_jkk_stage2_report_within_2x24_hours(reported, met, text):
    check = jkk_stage2_check(date(2025, 6, 3), reported)
    assert (check.due, check.met, check.advisory) == (date(2025, 6, 5), met, True)
    assert text in check.message and "Permenaker 1/2025 Pasal 19 ayat (2)" in check.rule


def test_jkk_stage2_report_before_the_rule_and_before_the_outcome():
    assert jkk_stage2_check(date(2020, 6, 3), None) is None
    with pytest.raises(ValidationError) as err:
        jkk_stage2_check(date(2025, 6, 3), date(2025, 6, 2))
    assert err.value.field == "stage2_reported_on"


@pytest.mark.parametrize(("outcome", "extra"), [
    ("death", {"akta_kematian", "kartu_keluarga", "surat_keterangan_ahli_waris",
               "ktp_ahli_waris", "buku_tabungan_ahli_waris"}),
    ("total_disability", {"surat_keterangan_cacat"}),
    ("partial_disability", {"surat_keterangan_cacat"}),
    ("temporary", {"surat_keterangan_sakit"}),
])
def test_jkk_documents_follow_the_outcome(outcome, extra):
    base = {d.key for d in required_documents(C.JKK) if d.mandatory}
    docs = {d.key: d for d in required_documents(C.JKK, outcome=outcome)}
    assert {k for k, d in docs.items() if d.mandatory} == base | extra


def test_jkk_medical_claim_needs_the_receipts():
    docs = {d.key: d for d in required_documents(C.JKK, outcome="medical_only")}
    assert docs["kuitansi_pengobatan"].mandatory and docs["formulir_3b"].mandatory
    assert len([d for d in required_documents(C.JKK, outcome="medical_only")
                if d.key == "kuitansi_pengobatan"]) == 1


def test_jp_membership_months_count_whole_months():
    assert membership_months(date(2024, 3, 15), date(2025, 3, 14)) == 11
    assert membership_months(date(2024, 3, 15), date(2025, 3, 15)) == 12
    assert membership_months(date(2025, 3, 15), date(2025, 3, 1)) == 0  # event before enrolment


@pytest.mark.parametrize(("paid", "density"), [
    pytest.param([date(2024, m, 1) for m in range(3, 13)] + [date(2025, 1, 1), date(2025, 2, 1)],
                 Decimal(1), id="every-month-due-paid"),
    pytest.param([date(2024, m, 1) for m in range(3, 12)], Decimal(9) / 12,
                 id="nine-of-twelve"),
    pytest.param([date(2024, m, 1) for m in range(3, 13)] + [date(2025, 3, 1), date(2026, 1, 1)],
                 Decimal(10) / 12, id="the-event-month-and-later-are-not-due"),
    pytest.param([date(2023, 1, 1)], Decimal(0), id="before-enrolment-does-not-count"),
])
def test_jp_contribution_density_is_paid_over_due_before_the_event_month(paid, density):
    # Enrolled March 2024, event 5 March 2025: March 2024 - February 2025 are the 12 months due.
    got = contribution_density(paid, enrolled_from=date(2024, 3, 1), as_of=date(2025, 3, 5))
    assert got == density


def test_jp_contribution_density_with_nothing_due_is_zero():
    assert contribution_density([date(2025, 3, 1)], enrolled_from=date(2025, 3, 1),
                                as_of=date(2025, 3, 20)) == 0
