"""Identifier numbers: KPJ, NPWP, office numbers and document numbers."""

from __future__ import annotations

import re
from datetime import date

from stdnum import exceptions as stdnum_errors
from stdnum import luhn
from stdnum.id import npwp as stdnum_npwp

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.nik import NikError, parse_nik
from branch_desk.domain.text import clean_number, strip_invisible

KPJ_LENGTH = 11
KPJ_MAX_SERIAL = 9_999_999
DOCUMENT_MAX_SERIAL = 999_999

_OFFICE_CODE = re.compile(r"[A-Z]{3,6}")
_DOCUMENT_PART = re.compile(r"[A-Z0-9]{1,12}")


def _digits(text: str, *, label: str, field: str) -> str:
    """Clean ``text`` and insist that what is left is a non-empty run of ASCII digits."""
    value = clean_number(text)
    if not value:
        raise ValidationError(f"{label} wajib diisi.", field=field)
    if not (value.isascii() and value.isdigit()):
        bad = next(ch for ch in value if not ("0" <= ch <= "9"))
        raise ValidationError(
            f"{label} hanya boleh berisi angka; ditemukan karakter '{bad}'.", field=field
        )
    return value


# --- KPJ ------------------------------------------------------------------------------------


def format_kpj(office_number: int, serial: int) -> str:
    """Build an 11-digit KPJ issued offline: 3-digit office number, 7-digit serial, and a
    Luhn check digit over those ten digits. Distinct offices can never collide.

    Raises ``ValueError`` for an office number outside 1–999 or a serial outside
    1–9,999,999 (both come from the program, not from the officer).
    """
    if not 1 <= office_number <= 999:
        raise ValueError(f"office_number must be 1-999, got {office_number}")
    if not 1 <= serial <= KPJ_MAX_SERIAL:
        raise ValueError(f"serial must be 1-{KPJ_MAX_SERIAL}, got {serial}")
    body = f"{office_number:03d}{serial:07d}"
    return body + luhn.calc_check_digit(body)


def validate_kpj(text: str, *, check_digit: bool = True) -> str:
    """Return the 11 digits of a KPJ number typed or pasted by the officer.

    With ``check_digit=False`` only the length is checked, for numbers issued by the
    national system, which follow no published check-digit scheme.
    """
    value = _digits(text, label="Nomor KPJ", field="kpj")
    if len(value) != KPJ_LENGTH:
        raise ValidationError(
            f"Nomor KPJ harus {KPJ_LENGTH} digit; yang dimasukkan {len(value)} digit.",
            field="kpj",
        )
    if check_digit:
        if not luhn.is_valid(value):
            raise ValidationError(
                f"Nomor KPJ {value} tidak valid: digit pemeriksa (digit terakhir) tidak cocok. "
                "Periksa kembali penulisannya.",
                field="kpj",
            )
        if value.startswith("000"):
            raise ValidationError(
                f"Nomor KPJ {value} tidak valid: kode kantor 000 tidak pernah dipakai.",
                field="kpj",
            )
    return value


def kpj_office_number(kpj: str) -> int:
    """Office number (first three digits) of a KPJ built by :func:`format_kpj`."""
    return int(validate_kpj(kpj)[:3])


def office_number_from_code(code: str) -> int:
    """Deterministic office number 100–999 for a 3–6 letter office code (e.g. ``MRS``).

    The letters are read as a bijective base-26 number (A=1 … Z=26, first letter most
    significant); the result is that value mod 900, plus 100. Different codes may map
    to the same number, so the caller must check uniqueness among its offices.
    """
    letters = strip_invisible(code).strip().upper()
    if not _OFFICE_CODE.fullmatch(letters):
        raise ValidationError(
            "Kode kantor harus terdiri dari 3 sampai 6 huruf (A–Z).", field="kode_kantor"
        )
    value = 0
    for letter in letters:
        value = value * 26 + (ord(letter) - ord("A") + 1)
    return value % 900 + 100


# --- NPWP -----------------------------------------------------------------------------------


def validate_npwp(text: str, *, today: date) -> str:
    """Return the digits of an NPWP: 15 digits (old format), 16 digits starting with 0
    (old number with a leading 0), or 16 digits that are the holder's NIK (checked as a
    NIK on `today`, which fixes the century of its birth date)."""
    value = _digits(text, label="NPWP", field="npwp")
    if len(value) not in (15, 16):
        raise ValidationError(
            f"NPWP harus 15 atau 16 digit; yang dimasukkan {len(value)} digit.", field="npwp"
        )
    if set(value) == {"0"}:
        raise ValidationError(
            "NPWP tidak boleh seluruhnya nol; kosongkan jika tidak memiliki NPWP.", field="npwp"
        )
    if len(value) == 16 and not value.startswith("0"):
        # stdnum checks a NIK-based NPWP against the statistics office (BPS) region table,
        # which is not the Kemendagri numbering NIKs use: check it with our own NIK rules.
        try:
            parse_nik(value, regions=False, today=today)
        except NikError as error:
            raise ValidationError(
                f"NPWP 16 digit berupa NIK, tetapi NIK tersebut tidak valid: {error.message}",
                field="npwp",
            ) from error
        return value
    try:
        return stdnum_npwp.validate(value)
    except stdnum_errors.ValidationError as error:
        raise ValidationError(
            f"NPWP {value} tidak valid: digit pemeriksa tidak cocok. Periksa kembali penulisannya.",
            field="npwp",
        ) from error


def format_npwp(text: str, *, today: date) -> str:
    """Validate and present an NPWP: ``01.312.166.0-091.000`` for 15 digits, the plain
    16 digits for the new format."""
    value = validate_npwp(text, today=today)
    if len(value) == 15:
        return stdnum_npwp.format(value)
    return value


# --- Document numbers -----------------------------------------------------------------------


_DOCUMENT_NUMBER = re.compile(r"[A-Z0-9]{1,12}/([A-Z0-9]{1,12})/\d{4}/\d{6}")


def issued_by(number: str, office: str) -> bool:
    """Whether document `number` carries `office` as its issuing office: the second part
    of a document number (``JKM/MRS/2025/000123``), or the office number of a KPJ (member
    cards). A number that names no office is not the office's."""
    match = _DOCUMENT_NUMBER.fullmatch(number)
    if match is not None:
        return match[1] == office
    try:
        return kpj_office_number(number) == office_number_from_code(office)
    except ValidationError:
        return False


def format_document_number(kind: str, office: str, year: int, serial: int) -> str:
    """Number an outgoing document, e.g. ``("JKM", "MRS", 2025, 123)`` →
    ``JKM/MRS/2025/000123``. Raises ``ValueError`` for malformed parts."""
    parts = [kind.strip().upper(), office.strip().upper()]
    for part in parts:
        if not _DOCUMENT_PART.fullmatch(part):
            raise ValueError(f"document number part must be 1-12 letters/digits: {part!r}")
    if not 1000 <= year <= 9999:
        raise ValueError(f"year must have four digits, got {year}")
    if not 1 <= serial <= DOCUMENT_MAX_SERIAL:
        raise ValueError(f"serial must be 1-{DOCUMENT_MAX_SERIAL}, got {serial}")
    return f"{parts[0]}/{parts[1]}/{year}/{serial:06d}"
