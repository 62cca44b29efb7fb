"""NIK (Nomor Induk Kependudukan): cleaning, validation, decoding and masking.

Layout ``PPKKCC DDMMYY SSSS``: Kemendagri district code where the NIK was first issued,
birth date (day + 40 for women), serial. There is no check digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from branch_desk.domain import regions as region_table
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.text import clean_number

NIK_LENGTH = 16


class NikError(ValidationError):
    """A NIK that cannot be right; the message says why, in Indonesian."""

    def __init__(self, message: str, *, row: int | None = None) -> None:
        super().__init__(message, field="nik", row=row)


@dataclass(frozen=True)
class Nik:
    """A structurally valid NIK and what it encodes.

    Region names are None when unknown (or when parsed with ``regions=False``);
    ``region_warning`` is an Indonesian note the officer may override.
    """

    value: str
    province_code: str
    regency_code: str
    district_code: str
    province_name: str | None
    regency_name: str | None
    district_name: str | None
    birth_date: date
    sex: Literal["L", "P"]
    serial: str
    region_warning: str | None = None

    @property
    def masked(self) -> str:
        """The NIK as every masked view shows it (`mask_nik`)."""
        return mask_nik(self.value)


def clean_nik(text: str) -> str:
    """Remove what people type or paste inside a NIK (spaces, dots, dashes, zero-width and
    bidi characters, BOM, NBSP); no validation."""
    return clean_number(text)


# Digits a mask shows: province and regency (``PPKK``), which the village beside it gives
# away anyway. Everything else is hidden: see `mask_nik` for why the serial must go too.
MASK_SHOWN = 4


def mask_nik(nik: str) -> str:
    """Show only the province and regency digits: ``7309************``.

    A mask must not be undone by what a list shows beside it. Digits 1–6 (district) follow
    from the village, digits 7–12 from the birth date and sex (DD + 40 for women, MM, YY),
    so only the serial (digits 13–16) is left unknown: 10,000 values less ``0000``, i.e.
    9,999 NIKs consistent with one row. Showing even one serial digit leaves 1,000 at most
    (999 when that digit is 0, ``0000`` being no serial), and the old mask with the whole
    serial (``7309********0001``) left exactly one. So the whole serial is hidden, and with
    it digits 5–12, which the other columns give away. An already masked value (an old
    audit entry) is masked again the same way; a value of eight characters or fewer is
    hidden entirely.
    """
    value = clean_nik(nik)
    if len(value) <= 8:
        return "*" * len(value)
    return value[:MASK_SHOWN] + "*" * (len(value) - MASK_SHOWN)


def _birth_date(value: str, today: date) -> tuple[date, Literal["L", "P"]]:
    day, month, yy = int(value[6:8]), int(value[8:10]), int(value[10:12])
    sex: Literal["L", "P"] = "L"
    if 41 <= day <= 71:
        day, sex = day - 40, "P"
    elif not 1 <= day <= 31:
        raise NikError(
            f"Tanggal lahir pada NIK tidak valid: digit ke-7–8 ({value[6:8]}) harus 01–31 "
            "untuk laki-laki atau 41–71 untuk perempuan."
        )
    if not 1 <= month <= 12:
        raise NikError(
            f"Bulan lahir pada NIK tidak valid: digit ke-9–10 ({value[8:10]}) harus 01–12."
        )
    # The NIK holds two year digits: the later century unless that puts birth in the future.
    year = 2000 + yy
    try:
        born = date(year, month, day)
    except ValueError:
        born = None
    if year > today.year or (born is not None and born > today):
        year = 1900 + yy
        try:
            born = date(year, month, day)
        except ValueError:
            born = None
    if born is None:
        raise NikError(
            f"Tanggal lahir pada NIK ({day:02d}-{month:02d}-{year}) tidak ada di kalender."
        )
    return born, sex


def _region_fields(value: str) -> tuple[str | None, str | None, str | None, str | None]:
    """Names of province, regency, district and the warning for the NIK's prefix."""
    province = region_table.region(value[:2])
    if province is None:
        raise NikError(f"Kode provinsi {value[:2]} pada NIK (digit ke-1–2) tidak dikenal.")
    regency = region_table.region(value[:4])
    district = region_table.region(value[:6])
    code = region_table.normalise_code(value[:6])
    warning = None
    if district is None:
        warning = (
            f"Kode wilayah {code} pada NIK tidak ada dalam daftar kode wilayah Kemendagri. "
            "Periksa kembali NIK pada KTP; jika sudah sesuai, data tetap dapat disimpan."
        )
    elif district.historic:
        now = region_table.successor(code)
        where = (
            f" Kemungkinan sekarang {now.code} ({region_table.full_name(now.code)})." if now else ""
        )
        warning = (
            f"Kode wilayah {code} pada NIK adalah kode lama (daftar Kemendagri 2022, sebelum "
            f"pemekaran atau perubahan wilayah): {region_table.full_name(code)}.{where} "
            "NIK lama tetap berlaku; periksa kembali KTP bila ragu."
        )
    return (
        province.name,
        regency.name if regency else None,
        district.name if district else None,
        warning,
    )


def parse_nik(text: str, *, today: date, regions: bool = True) -> Nik:
    """Validate and decode a NIK typed or pasted by the officer.

    Raises :class:`NikError` for a wrong length, non-digits, an impossible birth date,
    serial 0000 or a province code that does not exist. An unknown or old district code
    only sets ``region_warning``. ``regions=False`` skips the names and the warning (the
    province is still checked). ``today`` is the reference date for the century.
    """
    value = clean_nik(text)
    if not value:
        raise NikError("NIK wajib diisi.")
    if not (value.isascii() and value.isdigit()):
        bad = next(ch for ch in value if not ("0" <= ch <= "9"))
        raise NikError(f"NIK hanya boleh berisi angka; ditemukan karakter '{bad}'.")
    if len(value) != NIK_LENGTH:
        raise NikError(f"NIK harus {NIK_LENGTH} digit; yang dimasukkan {len(value)} digit.")
    born, sex = _birth_date(value, today)
    if value[12:] == "0000":
        raise NikError("Nomor urut NIK (4 digit terakhir) tidak boleh 0000.")
    if regions:
        names = _region_fields(value)
    else:  # fast path for bulk imports: the province must exist, names are not looked up
        if region_table.region(value[:2]) is None:
            raise NikError(f"Kode provinsi {value[:2]} pada NIK (digit ke-1–2) tidak dikenal.")
        names = (None, None, None, None)
    return Nik(
        value=value,
        province_code=value[:2],
        regency_code=f"{value[:2]}.{value[2:4]}",
        district_code=f"{value[:2]}.{value[2:4]}.{value[4:6]}",
        province_name=names[0],
        regency_name=names[1],
        district_name=names[2],
        birth_date=born,
        sex=sex,
        serial=value[12:],
        region_warning=names[3],
    )
