"""KPJ, office numbers, NPWP and document numbers (DOMAIN.md §7.2)."""

from __future__ import annotations

import pickle
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.id import npwp as stdnum_npwp

from branch_desk.domain.errors import (
    ConflictError,
    DomainError,
    DuplicateError,
    EligibilityError,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from branch_desk.domain.identifiers import (
    format_document_number,
    format_kpj,
    format_npwp,
    kpj_office_number,
    office_number_from_code,
    validate_kpj,
    validate_npwp,
)
from branch_desk.domain.text import clean_number, strip_invisible

TODAY = date(2025, 6, 16)

# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cls",
    [ValidationError, PermissionDenied, NotFound, InvalidTransition, EligibilityError,
     ConflictError, DuplicateError],
)  # fmt: skip
def test_error_types_carry_message_field_and_row(cls: type[DomainError]) -> None:
    error = cls("Data tidak valid.", field="nik", row=3)
    assert isinstance(error, DomainError)
    assert (str(error), error.message, error.field, error.row) == (
        "Data tidak valid.", "Data tidak valid.", "nik", 3,
    )  # fmt: skip
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.message, copy.field, copy.row) == (cls, error.message, "nik", 3)


def test_duplicate_error_points_at_existing_record() -> None:
    error = DuplicateError("NIK sudah terdaftar.", existing_id="p-42", field="nik")
    assert error.existing_id == "p-42"
    assert pickle.loads(pickle.dumps(error)).existing_id == "p-42"
    assert DuplicateError("x").existing_id is None
    assert DomainError("x").field is None and DomainError("x").row is None


# --- cleaning -------------------------------------------------------------------------------


def test_strip_invisible_and_clean_number() -> None:
    assert strip_invisible("\ufeffa\u200bb\u200dc\u200e") == "abc"
    assert strip_invisible("a\u00a0b") == "a b"
    assert clean_number(" 12.345-678/9_0 \u200b") == "1234567890"


# --- KPJ ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("office", "serial", "expected_prefix"),
    [
        (1, 1, "0010000001"),
        (375, 123, "3750000123"),
        (999, 9_999_999, "9999999999"),
    ],
)
def test_format_kpj_layout(office: int, serial: int, expected_prefix: str) -> None:
    kpj = format_kpj(office, serial)
    assert len(kpj) == 11
    assert kpj[:10] == expected_prefix
    assert luhn.is_valid(kpj)
    assert validate_kpj(kpj) == kpj
    assert kpj_office_number(kpj) == office


@pytest.mark.parametrize(("office", "serial"), [(0, 1), (1000, 1), (1, 0), (1, 10_000_000)])
def test_format_kpj_rejects_out_of_range(office: int, serial: int) -> None:
    with pytest.raises(ValueError):
        format_kpj(office, serial)


@given(
    st.tuples(st.integers(1, 999), st.integers(1, 9_999_999)),
    st.tuples(st.integers(1, 999), st.integers(1, 9_999_999)),
)
def test_kpj_never_collides(a: tuple[int, int], b: tuple[int, int]) -> None:
    if a != b:
        assert format_kpj(*a) != format_kpj(*b)


def test_kpj_check_digit_catches_one_typo() -> None:
    kpj = format_kpj(375, 123)
    for i in range(11):
        for digit in "0123456789":
            if digit != kpj[i]:
                typo = kpj[:i] + digit + kpj[i + 1 :]
                with pytest.raises(ValidationError):
                    validate_kpj(typo)


@pytest.mark.parametrize(
    ("text", "message_part"),
    [
        ("", "wajib diisi"),
        ("3750000123", "yang dimasukkan 10 digit"),
        ("375000012345", "yang dimasukkan 12 digit"),
        ("37500001A37", "hanya boleh berisi angka"),
        ("37500001238", "digit pemeriksa"),
        ("00000000000", "kode kantor 000"),
    ],
)
def test_validate_kpj_rejects(text: str, message_part: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_kpj(text)
    assert message_part in caught.value.message
    assert caught.value.field == "kpj"


def test_validate_kpj_tolerates_typing_and_national_numbers() -> None:
    assert validate_kpj(" 375-0000-1237 \u200b") == "37500001237"
    assert validate_kpj("37500001238", check_digit=False) == "37500001238"


@pytest.mark.parametrize(
    ("code", "number"),
    [
        ("MRS", 375),  # 13*26^2 + 18*26 + 19 = 9275; 9275 % 900 + 100
        ("mrs", 375),
        ("AAA", (1 * 676 + 1 * 26 + 1) % 900 + 100),
        ("PLP", (16 * 676 + 12 * 26 + 16) % 900 + 100),
        ("KDI", (11 * 676 + 4 * 26 + 9) % 900 + 100),
    ],
)
def test_office_number_from_code(code: str, number: int) -> None:
    assert office_number_from_code(code) == number


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=6))
def test_office_number_range(code: str) -> None:
    assert 100 <= office_number_from_code(code) <= 999


@pytest.mark.parametrize("code", ["", "AB", "ABCDEFG", "MR1", "M-S"])
def test_office_number_rejects(code: str) -> None:
    with pytest.raises(ValidationError):
        office_number_from_code(code)


# --- NPWP -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "digits", "formatted"),
    [
        ("01.312.166.0-091.000", "013121660091000", "01.312.166.0-091.000"),
        ("016090524017000", "016090524017000", "01.609.052.4-017.000"),
        ("0013121660091000", "0013121660091000", "0013121660091000"),  # 0 + old number
        ("7309011505900001", "7309011505900001", "7309011505900001"),  # NIK of a Maros resident
        (" 01 312 166 0 091 000\u200b", "013121660091000", "01.312.166.0-091.000"),
    ],
)
def test_validate_and_format_npwp(text: str, digits: str, formatted: str) -> None:
    assert validate_npwp(text, today=TODAY) == digits
    assert format_npwp(text, today=TODAY) == formatted


def test_nik_npwp_from_papua_barat_daya_is_accepted() -> None:
    # stdnum checks a NIK-based NPWP against the BPS table, which lacks province 96.
    nik_npwp = "9671011505900001"
    assert not stdnum_npwp.is_valid(nik_npwp)
    assert validate_npwp(nik_npwp, today=TODAY) == nik_npwp


@pytest.mark.parametrize(
    ("text", "message_part"),
    [
        ("", "wajib diisi"),
        ("01.312.166.0-091", "yang dimasukkan 12 digit"),
        ("01.312.166.1-091.000", "digit pemeriksa"),
        ("00.000.000.0-000.000", "seluruhnya nol"),
        ("7309013205900001", "NIK tersebut tidak valid"),  # day 32
        ("01.312.166.O-091.000", "hanya boleh berisi angka"),
    ],
)
def test_validate_npwp_rejects(text: str, message_part: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_npwp(text, today=TODAY)
    assert message_part in caught.value.message
    assert caught.value.field == "npwp"


# --- document numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("JKM", "MRS", 2025, 123), "JKM/MRS/2025/000123"),
        (("pks", "plp", 2024, 1), "PKS/PLP/2024/000001"),
        (("BA", "KDI", 2026, 999_999), "BA/KDI/2026/999999"),
    ],
)
def test_format_document_number(args: tuple[str, str, int, int], expected: str) -> None:
    assert format_document_number(*args) == expected


@pytest.mark.parametrize(
    "args",
    [("", "MRS", 2025, 1), ("JKM", "M/S", 2025, 1), ("JKM", "MRS", 25, 1),
     ("JKM", "MRS", 2025, 0), ("JKM", "MRS", 2025, 1_000_000)],
)  # fmt: skip
def test_format_document_number_rejects(args: tuple[str, str, int, int]) -> None:
    with pytest.raises(ValueError):
        format_document_number(*args)
