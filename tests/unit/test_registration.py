"""Registration rules without a database (DOMAIN §1, §2.2, §6.1, §7.1): checking what the
officer entered, the segment's default programmes, the BPU income floor, funding defaults,
TMT, heirs and deactivation reasons."""

from __future__ import annotations

from datetime import date

import pytest

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.programs import Segment
from branch_desk.domain.registration import (
    BPU_INCOME_FLOOR,
    NameProblem,
    TmtProblem,
    check_heir,
    check_registration,
    deactivation_reason,
    death_reason,
    declared_income,
    default_funding,
    default_programs,
    funding_source,
    is_deceased,
    missing_fields,
    name_problem,
    nik_mismatches,
    ordered_programs,
    tmt_problem,
    village_code,
)

TODAY = date(2025, 6, 16)
AMINAH = {"nik": "7309014507850001", "name": "Sitti Aminah", "birth_date": None, "sex": None,
          "segment": "BPU", "programs": None, "income": None, "tmt": None}


def check(**change):  # type: ignore[no-untyped-def]
    return check_registration(**{**AMINAH, **change}, today=TODAY)


def test_birth_date_and_sex_come_from_the_nik():
    """DOMAIN §7.1: digits 7–12 are the birth date, the day plus 40 for women."""
    got = check()
    assert (got.nik, got.birth_date, got.sex) == ("7309014507850001", date(1985, 7, 5), "P")


def test_bpu_defaults():
    """DOMAIN §1 and §2.2: a BPU worker gets JKK and JKM, on the Rp1.000.000 income floor,
    from today."""
    got = check(name="  Sitti   Aminah ")
    assert got.name == "Sitti Aminah" and got.segment == "BPU"
    assert got.programs == ("JKK", "JKM") and got.income == BPU_INCOME_FLOOR == 1_000_000
    assert got.tmt == TODAY


def test_programmes_are_kept_in_their_usual_order():
    got = check(segment="pu", income=3_000_000, programs=frozenset({"jp", "JHT", "JKM", "JKK"}))
    assert got.segment == "PU" and got.programs == ("JKK", "JKM", "JHT", "JP")


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"nik": "73090145078500"}, "nik", "16 digit"),
    ({"name": " "}, "name", "wajib"),
    ({"name": "Sitti 2"}, "name", "berisi angka"),
    ({"sex": "X"}, "sex", "L atau P"),
    ({"birth_date": date(1985, 7, 6)}, "birth_date", "tidak sama"),
    ({"sex": "L"}, "sex", "tidak sama"),
    ({"segment": "XX"}, "segment", "tidak dikenal"),
    ({"programs": frozenset({"XYZ"})}, "programs", "Program tidak dikenal"),
    ({"programs": frozenset({"JKK"})}, "programs", "wajib"),
    ({"programs": frozenset({"JKK", "JKM", "JP"})}, "programs", "tidak tersedia"),
    ({"segment": "PU"}, "income", "wajib"),
    ({"income": 0}, "income", "lebih dari Rp0"),
    ({"tmt": date(2025, 7, 1)}, "tmt", "masa depan"),
    ({"tmt": date(1980, 1, 1)}, "tmt", "sebelum tanggal lahir"),
])
def test_each_problem_names_its_field(change, field, message):
    with pytest.raises(ValidationError, match=message) as info:
        check(**change)
    assert info.value.field == field


def test_a_mismatch_with_the_nik_may_be_accepted_explicitly():
    got = check_registration(**{**AMINAH, "birth_date": date(1985, 7, 6)}, today=TODAY,
                             allow_nik_mismatch=True)
    assert got.birth_date == date(1985, 7, 6)


def test_nik_mismatches_explain_the_plus_40_rule():
    assert nik_mismatches("7309014507850001", date(1985, 7, 5), "P", today=TODAY) == []
    problems = nik_mismatches("7309014507850001", date(1985, 7, 6), "L", today=TODAY)
    assert len(problems) == 2 and "05-07-1985" in problems[0] and "ditambah 40" in problems[1]


@pytest.mark.parametrize(("name", "problem"), [
    ("Sitti Aminah", None), ("", NameProblem.EMPTY), ("Baso 2", NameProblem.DIGITS)])
def test_name_problem(name, problem):
    assert name_problem(name) is problem


@pytest.mark.parametrize(("tmt", "problem"), [
    (TODAY, None), (date(1985, 7, 5), None), (date(2025, 6, 17), TmtProblem.FUTURE),
    (date(1985, 7, 4), TmtProblem.BEFORE_BIRTH)])
def test_tmt_lies_between_birth_and_today(tmt, problem):
    assert tmt_problem(tmt, birth_date=date(1985, 7, 5), today=TODAY) is problem


@pytest.mark.parametrize(("segment", "programs"), [
    (Segment.PU, ("JKK", "JKM", "JHT", "JP")), (Segment.BPU, ("JKK", "JKM")),
    (Segment.JAKON, ("JKK", "JKM")), (Segment.PMI, ("JKK", "JKM"))])
def test_default_programmes_per_segment(segment, programs):
    """DOMAIN §1: the programmes each segment is enrolled in when none are chosen."""
    assert default_programs(segment) == programs


def test_ordered_programs():
    assert ordered_programs({"JKP", "JHT", "JKK"}) == ("JKK", "JHT", "JKP")


@pytest.mark.parametrize(("income", "segment", "expected"), [
    (None, Segment.BPU, 1_000_000), (2_500_000, Segment.BPU, 2_500_000),
    (4_000_000, Segment.PU, 4_000_000)])
def test_declared_income_with_the_bpu_floor(income, segment, expected):
    """DOMAIN §2.2: the BPU income floor is Rp1.000.000."""
    assert declared_income(income, segment) == expected


@pytest.mark.parametrize(("kind", "funding"), [
    (None, "MANDIRI"), ("pemkab", "APBD"), ("pemprov", "APBD"), ("pemkot", "APBD"),
    ("pemdes", "APBD"), ("employer", "EMPLOYER"), ("organisation", "CSR")])
def test_funding_defaults_to_who_registers_the_worker(kind, funding):
    """DOMAIN §6.1: a regional government funds the workers it registers from its APBD."""
    assert default_funding(kind) == funding
    assert funding_source(None, partner_kind=kind) == funding


def test_funding_other_than_mandiri_needs_a_partner():
    assert funding_source(" apbd ", partner_kind="pemkab") == "APBD"
    with pytest.raises(ValidationError, match="memerlukan mitra") as info:
        funding_source("APBD", partner_kind=None)
    assert info.value.field == "partner_code"
    with pytest.raises(ValidationError, match="tidak dikenal") as info:
        funding_source("DONASI", partner_kind="pemkab")
    assert info.value.field == "funding_source"


@pytest.mark.parametrize(("code", "message"), [
    ("", "wajib dipilih"), ("73.09.01.9999", "tidak ada"), ("73.09", "tidak ada")])
def test_village_must_be_a_kemendagri_village(code, message):
    with pytest.raises(ValidationError, match=message) as info:
        village_code(code)
    assert info.value.field == "village_code"


def test_village_code_is_canonical():
    assert village_code("73.09.01.2003") == "73.09.01.2003"


def test_heirs():
    heir = check_heir(name=" Baso ", relationship="Suami", phone="0812-3456 789", today=TODAY)
    assert (heir.name, heir.relationship, heir.nik, heir.phone) == (
        "Baso", "suami", "", "08123456789")
    with pytest.raises(ValidationError, match="tidak dikenal"):
        check_heir(name="Baso", relationship="tetangga", today=TODAY)
    with pytest.raises(ValidationError, match="wajib"):
        check_heir(name=" ", relationship="anak", today=TODAY)


def test_deactivation_needs_a_reason():
    assert deactivation_reason("  pindah  kerja ") == "pindah kerja"
    with pytest.raises(ValidationError, match="minimal 5 huruf") as info:
        deactivation_reason("abc")
    assert info.value.field == "reason"


def test_death_reason_dates_the_death_and_refuses_impossible_dates():
    born, today = date(1985, 7, 5), date(2025, 6, 16)
    reason = death_reason(date(2025, 6, 1), " Akta  kematian ", birth_date=born, today=today)
    assert reason == "Meninggal dunia 01-06-2025: Akta kematian"
    assert is_deceased("nonaktif", reason) and not is_deceased("aktif", reason)
    assert not is_deceased("nonaktif", "Pindah ke luar daerah")
    for died_on, message in ((date(2025, 6, 17), "masa depan"), (date(1985, 7, 4), "lahir")):
        with pytest.raises(ValidationError, match=message) as exc:
            death_reason(died_on, "Akta kematian", birth_date=born, today=today)
        assert exc.value.field == "died_on"
    with pytest.raises(ValidationError, match="Alasan pencatatan kematian"):
        death_reason(date(2025, 6, 1), "mati", birth_date=born, today=today)


@pytest.mark.parametrize(("village", "address", "occupation", "missing"), [
    ("73.09.01.2003", "Dusun Bontoa", "Nelayan", ()),
    ("", "Dusun Bontoa", "Nelayan", ("village_code",)),
    ("", " ", "", ("village_code", "address", "occupation")),
])
def test_missing_fields(village, address, occupation, missing):
    assert missing_fields(village_code=village, address=address, occupation=occupation) == missing
