"""NIK rules (DOMAIN.md §7.1) checked against real Kemendagri codes (data/wilayah)."""

from __future__ import annotations

from datetime import date

import pytest

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.nik import NikError, clean_nik, mask_nik, parse_nik

TODAY = date(2025, 6, 16)


@pytest.mark.parametrize(
    ("text", "district", "regency", "province", "born", "sex"),
    [
        # 73.09 is Kabupaten Maros in Kemendagri numbering (73.08 is Bone).
        ("7309011505900001", "Mandai", "Kabupaten Maros", "Sulawesi Selatan",
         date(1990, 5, 15), "L"),
        ("7308011505900001", "Bontocani", "Kabupaten Bone", "Sulawesi Selatan",
         date(1990, 5, 15), "L"),
        ("7604015708850123", "Tinambung", "Kabupaten Polewali Mandar", "Sulawesi Barat",
         date(1985, 8, 17), "P"),
        ("7373014101000001", "Wara", "Kota Palopo", "Sulawesi Selatan", date(2000, 1, 1), "P"),
        ("7407013112990002", "Wangi-Wangi", "Kabupaten Wakatobi", "Sulawesi Tenggara",
         date(1999, 12, 31), "L"),
        ("7471016802100003", "Mandonga", "Kota Kendari", "Sulawesi Tenggara",
         date(2010, 2, 28), "P"),
        ("7371012902000004", "Mariso", "Kota Makassar", "Sulawesi Selatan", date(2000, 2, 29), "L"),
    ],
)  # fmt: skip
def test_parse_decodes_region_birth_date_and_sex(
    text: str, district: str, regency: str, province: str, born: date, sex: str
) -> None:
    nik = parse_nik(text, today=TODAY)
    assert nik.value == text
    assert (nik.province_name, nik.regency_name, nik.birth_date, nik.sex) == (
        province, regency, born, sex,
    )  # fmt: skip
    assert nik.district_name == district
    assert nik.region_warning is None
    assert nik.district_code == f"{text[:2]}.{text[2:4]}.{text[4:6]}"
    assert nik.serial == text[12:]


def test_bone_is_73_08_not_maros() -> None:
    nik = parse_nik("7308011505900001", today=TODAY)
    assert nik.regency_name == "Kabupaten Bone"
    assert nik.regency_code == "73.08"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7309 0115 0590 0001", "7309011505900001"),
        ("73.09.01-150590-0001", "7309011505900001"),
        ("\ufeff7309011505900001", "7309011505900001"),  # BOM
        ("7309\u200b0115\u200c0590\u200d0001", "7309011505900001"),  # zero-width space/(non)joiner
        ("\u200e7309011505900001\u200f", "7309011505900001"),  # LTR/RTL marks
        ("\u202b7309011505900001\u202c", "7309011505900001"),  # RTL embedding
        ("7309\u00a00115\u202f0590 0001\n", "7309011505900001"),  # NBSP, narrow NBSP
        ("\u2060 7309011505900001\u00ad", "7309011505900001"),  # word joiner, soft hyphen
        ("７３０９０１１５０５９００００１", "7309011505900001"),  # full-width digits
        ("7309–0115–0590–0001", "7309011505900001"),  # en dashes
    ],
)
def test_pasted_invisible_and_separator_characters_are_tolerated(text: str, expected: str) -> None:
    assert clean_nik(text) == expected
    assert parse_nik(text, today=TODAY).value == expected


@pytest.mark.parametrize(
    ("text", "message_part"),
    [
        ("", "wajib diisi"),
        ("   \u200b", "wajib diisi"),
        ("730901150590001", "yang dimasukkan 15 digit"),
        ("73090115059000011", "yang dimasukkan 17 digit"),
        ("7309", "yang dimasukkan 4 digit"),
        ("73090115059O0001", "hanya boleh berisi angka; ditemukan karakter 'O'"),
        ("NIK7309011505900001", "hanya boleh berisi angka"),
        ("7309010005900001", "harus 01–31"),  # day 00
        ("7309013205900001", "harus 01–31"),  # day 32
        ("7309014005900001", "harus 01–31"),  # day 40
        ("7309017205900001", "harus 01–31"),  # day 72
        ("7309018105900001", "harus 01–31"),  # day 81 (stdnum lets this through)
        ("7309011500900001", "harus 01–12"),  # month 00
        ("7309011513900001", "harus 01–12"),  # month 13
        ("7309013102900001", "tidak ada di kalender"),  # 31 February
        ("7309017102900001", "tidak ada di kalender"),  # woman, 31 February
        ("7309012902010001", "tidak ada di kalender"),  # 29 Feb 2001
        ("7309013104900001", "tidak ada di kalender"),  # 31 April
        ("7309011505900000", "tidak boleh 0000"),
        ("0009011505900001", "Kode provinsi 00"),
        ("9909011505900001", "Kode provinsi 99"),
        ("1009011505900001", "Kode provinsi 10"),
    ],
)
def test_invalid_nik_raises_nik_error_in_indonesian(text: str, message_part: str) -> None:
    with pytest.raises(NikError) as caught:
        parse_nik(text, today=TODAY)
    assert message_part in caught.value.message
    assert caught.value.field == "nik"
    assert isinstance(caught.value, ValidationError)
    assert str(caught.value) == caught.value.message


@pytest.mark.parametrize(
    ("yy", "today", "year"),
    [
        ("25", date(2025, 6, 16), 2025),  # same year, already born
        ("26", date(2025, 6, 16), 1926),  # next year would be the future
        ("00", date(2025, 6, 16), 2000),
        ("99", date(2025, 6, 16), 1999),
        ("10", date(2009, 12, 31), 1910),  # the reference date decides the century
        ("10", date(2010, 1, 1), 1910),  # 15 May 2010 is still in the future on 1 Jan 2010
        ("10", date(2010, 5, 15), 2010),
    ],
)
def test_century_follows_reference_date(yy: str, today: date, year: int) -> None:
    nik = parse_nik(f"7309011505{yy}0001", today=today)
    assert nik.birth_date == date(year, 5, 15)


def test_woman_day_plus_forty() -> None:
    nik = parse_nik("7309014505900001", today=TODAY)
    assert (nik.sex, nik.birth_date) == ("P", date(1990, 5, 5))
    assert parse_nik("7309017105900001", today=TODAY).birth_date == date(1990, 5, 31)


def test_old_2022_code_gives_warning_not_error() -> None:
    # 92.71.01 (Distrik Sorong, Kota Sorong) is in the 2022 list only: Papua Barat Daya (96)
    # was split from Papua Barat; the same district is now 96.71.01.
    nik = parse_nik("9271011505900001", today=TODAY)
    assert nik.district_name == "Sorong"
    assert nik.regency_name == "Kota Sorong"
    assert nik.region_warning is not None
    assert "kode lama" in nik.region_warning
    assert "96.71.01" in nik.region_warning


@pytest.mark.parametrize(
    ("text", "regency"),
    [
        ("7399011505900001", None),  # Sulawesi Selatan has no regency 99
        ("7309991505900001", "Kabupaten Maros"),  # Maros has no district 99
    ],
)
def test_unknown_code_in_known_province_gives_warning(text: str, regency: str | None) -> None:
    nik = parse_nik(text, today=TODAY)
    assert nik.province_name == "Sulawesi Selatan"
    assert nik.regency_name == regency
    assert nik.district_name is None
    assert nik.region_warning is not None
    assert "tidak ada dalam daftar" in nik.region_warning


def test_regions_false_skips_names_and_warning() -> None:
    nik = parse_nik("7399011505900001", regions=False, today=TODAY)
    assert (nik.province_name, nik.regency_name, nik.district_name) == (None, None, None)
    assert nik.region_warning is None
    with pytest.raises(NikError):
        parse_nik("9909011505900001", regions=False, today=TODAY)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("7309011505900001", "7309************"),
        ("7309 0115 0590 0001", "7309************"),
        ("7309********0001", "7309************"),  # the old mask, in old audit entries
        ("730901150590", "7309********"),
        ("12345678", "********"),
        ("123", "***"),
        ("", ""),
    ],
)
def test_mask_nik(text: str, masked: str) -> None:
    assert mask_nik(text) == masked


def test_nik_masked_property() -> None:
    assert parse_nik("7309011505900001", today=TODAY).masked == "7309************"
