"""Interpreting one row of a Pemda list: tolerant of how Excel stores things, but never
guessing a NIK. The rules are the registration rules (`domain.registration`); each problem
is an Indonesian sentence the regional government can act on."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from branch_desk.db.models.participants import Participant
from branch_desk.domain import regions
from branch_desk.domain.dates import parse_date
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.money import parse_rupiah
from branch_desk.domain.nik import Nik, parse_nik
from branch_desk.domain.occupations import match_occupation
from branch_desk.domain.registration import NameProblem, TmtProblem, name_problem, tmt_problem
from branch_desk.domain.text import (
    clean_name,
    clean_number,
    display_name,
    fold,
    remove_unsafe,
    unsafe_characters,
)
from branch_desk.spreadsheets.workbook_reader import StoredNumber

EXCEL_EPOCH = date(1899, 12, 30)
_SEX = {"l": "L", "lk": "L", "laki laki": "L", "laki": "L", "pria": "L", "male": "L",
        "p": "P", "pr": "P", "perempuan": "P", "wanita": "P", "female": "P", "w": "P"}
_VILLAGE_NOISE = ("desa ", "ds ", "kelurahan ", "kel ", "desa adat ")
_COLUMNS = Participant.__table__.c
NAME_LENGTH, ADDRESS_LENGTH = _COLUMNS.name.type.length, _COLUMNS.address.type.length
PHONE_LENGTH, OCCUPATION_LENGTH = _COLUMNS.phone.type.length, _COLUMNS.occupation.type.length
FLOAT_EXACT = 2**53  # above this a float cannot hold every whole number
INCOME_LIMIT = 2**63 - 1  # what the BIGINT column `participants.income` holds
_RETYPE = "Ubah format kolom NIK menjadi Teks lalu ketik ulang NIK dari KTP."


class RowProblem(Exception):
    """Why a row is rejected (Indonesian)."""


@dataclass
class ParsedRow:
    """Column values of a participant read from a row, plus warnings."""

    nik: str
    name: str
    birth_date: date
    sex: str
    address: str
    village_code: str
    occupation: str
    phone: str
    income: int
    tmt: date
    warnings: list[str] = field(default_factory=list)


def cell_text(value: Any) -> str:
    """A cell as text; whole numbers without a trailing .0 (a stored number from its text)."""
    if value is None:
        return ""
    if isinstance(value, StoredNumber):
        number = _decimal(value)
        if number is not None and number == number.to_integral_value():
            return str(int(number))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decimal(text: str) -> Decimal | None:
    """The number a stored text holds; None for anything that is not a number of at most
    30 digits before the decimal point (a stored ``1E+99999`` is no identifier)."""
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() and number.adjusted() < 30 else None


def _stored_nik(text: StoredNumber) -> str:
    """The digits of a NIK the file stores as a number, read from the stored text; refused
    where the text shows the digits are not all there (Excel keeps 15 significant digits:
    ``9.17101050690003E+15``, or a 16th digit rounded to 0) or may have been rounded (above
    2^53 a float holds only even numbers: a NIK of provinces 91–96 typed as a number)."""
    number = _decimal(text)
    if number is None or number != number.to_integral_value() or number < 0:
        raise RowProblem(f"NIK tersimpan sebagai angka yang bukan bilangan bulat ({text}); "
                         f"digitnya sudah berubah. {_RETYPE}")
    digits = str(int(number))
    if len(digits) < 16:
        raise RowProblem(f"NIK tersimpan sebagai angka dan hanya {len(digits)} digit ({digits});"
                         f" angka 0 di depan atau digit lain hilang. {_RETYPE}")
    if len(digits) == 16 and len(digits.rstrip("0")) < 16:
        raise RowProblem(f"NIK tersimpan sebagai angka ({text}); Excel hanya menyimpan 15 digit "
                         f"angka sehingga digit ke-16 sudah menjadi 0. {_RETYPE}")
    if number >= FLOAT_EXACT and float(number) == number:
        # A value a spreadsheet program can hold as a number: the NIK typed may have been the
        # odd neighbour it was rounded to (…031 is kept as …032). Only text the file could not
        # have rounded (not a float's value) proves its digits.
        raise RowProblem(f"NIK tersimpan sebagai angka ({digits}) yang lebih besar dari yang "
                         f"dapat disimpan utuh; digit terakhirnya tidak pasti. {_RETYPE}")
    return digits


def read_nik(value: Any, today: date | None = None) -> Nik:
    """The 16 digits of a NIK cell; RowProblem explains a NIK Excel has damaged."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise RowProblem("NIK kosong.")
    if isinstance(value, bool):
        raise RowProblem("NIK tidak valid.")
    if isinstance(value, StoredNumber):
        text = _stored_nik(value)
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            raise RowProblem(f"NIK tersimpan sebagai angka desimal ({value!r}); ketik ulang NIK "
                             "sebagai teks.")
        if abs(value) >= FLOAT_EXACT and isinstance(value, float):
            raise RowProblem(f"NIK tersimpan sebagai angka ({value:.0f}) yang lebih besar dari "
                             f"yang dapat disimpan utuh; digit terakhirnya tidak pasti. {_RETYPE}")
        digits = str(int(value))
        if len(digits) == 16 and digits.endswith("0"):
            raise RowProblem(
                f"NIK tersimpan sebagai angka ({digits}); Excel hanya menyimpan 15 digit "
                "angka sehingga digit terakhir mungkin sudah berubah menjadi 0. Ubah format "
                "kolom NIK menjadi Teks lalu ketik ulang NIK dari KTP.")
        if len(digits) < 16:
            raise RowProblem(
                f"NIK tersimpan sebagai angka dan hanya {len(digits)} digit ({digits}); angka 0 "
                "di depan atau digit lain hilang. Ubah format kolom NIK menjadi Teks lalu ketik "
                "ulang NIK dari KTP.")
        text = digits
    else:
        text = str(value)
        upper = text.strip().upper()
        if "E+" in upper or "E1" in upper:
            raise RowProblem(f"NIK tertulis dalam format ilmiah ({text.strip()}); digitnya sudah "
                             "hilang. Ubah format kolom menjadi Teks lalu ketik ulang NIK.")
        if upper.endswith(".0") and clean_number(upper[:-2]).isdigit():
            text = upper[:-2]
    try:
        return parse_nik(text, regions=False, today=today)
    except ValidationError as exc:
        raise RowProblem(exc.message) from None


def read_date(value: Any, label: str) -> date | None:
    """A date cell: an Excel date, an Excel serial number, or text such as 05-07-1985."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 80000:  # 1900 … 2118
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise RowProblem(f"{label} '{cell_text(value)}' tidak dapat dibaca sebagai tanggal "
                         "(tulis seperti 29-04-2025).")
    text = str(value).strip()
    if len(text) >= 10 and text[4] == "-" and (len(text) == 10 or text[10] in " T"):
        text = text[:10]  # "1985-07-05 00:00:00"
    if "," in text and not text.split(",")[-1].strip()[:1].isalpha():
        text = text.split(",")[-1]  # "Maros, 05-07-1985" (tempat, tanggal lahir)
    try:
        return parse_date(text)
    except ValidationError:
        raise RowProblem(f"{label} '{str(value).strip()}' tidak dikenali; tulis seperti "
                         "05/07/1985 atau 5 Juli 1985.") from None


def read_sex(value: Any) -> str | None:
    key = fold(cell_text(value))
    if not key:
        return None
    if key not in _SEX:
        raise RowProblem(f"Jenis kelamin '{cell_text(value)}' tidak dikenali; isi L atau P.")
    return _SEX[key]


def read_phone(value: Any) -> str:
    digits = clean_number(remove_unsafe(cell_text(value))).lstrip("+")
    if digits.startswith("8") and 9 <= len(digits) <= 12:
        digits = "0" + digits  # a number cell lost the leading 0 of 08…
    return digits


def read_income(value: Any, floor: int) -> int:
    """Monthly income in whole rupiah; `floor` when the cell is empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return floor
    if isinstance(value, float) and not math.isfinite(value):
        raise RowProblem(f"Penghasilan '{value}' tidak valid.")
    if isinstance(value, StoredNumber):
        number = _decimal(value)
        value = float(number) if number is not None else value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != int(value) or value <= 0:
            raise RowProblem(f"Penghasilan '{value}' tidak valid.")
        amount = int(value)
    else:
        try:
            amount = parse_rupiah(str(value))
        except ValidationError:
            raise RowProblem(f"Penghasilan '{str(value).strip()[:40]}' tidak dikenali; tulis "
                             "seperti 1500000.") from None
        if amount <= 0:
            raise RowProblem("Penghasilan harus lebih dari Rp0.")
    if amount > INCOME_LIMIT:
        raise RowProblem(f"Penghasilan {amount:.3g} terlalu besar untuk disimpan (paling banyak "
                         f"{INCOME_LIMIT:,}).".replace(",", "."))
    return amount


class VillageResolver:
    """Village names or codes → codes, within the NIK's district, else the partner's
    region; cached, since a list names few villages many times."""

    def __init__(self, partner_region: str) -> None:
        self.partner_region = partner_region
        self._cache: dict[tuple[str, str], tuple[str, str | None]] = {}
        self._villages: dict[str, list[regions.Region]] = {}

    def _villages_under(self, code: str) -> list[regions.Region]:
        if code not in self._villages:
            found: list[regions.Region] = []
            stack = [code]
            while stack:
                for child in regions.children(stack.pop()):
                    (found.append(child) if child.level == "desa" else stack.append(child.code))
            self._villages[code] = found
        return self._villages[code]

    @staticmethod
    def _key(name: str) -> str:
        key = fold(name)
        for noise in _VILLAGE_NOISE:
            if key.startswith(noise):
                key = key[len(noise):]
        return key.replace(" ", "")

    def resolve(self, value: Any, nik: str) -> tuple[str, str | None]:
        """(village code or "", warning or None)."""
        text = cell_text(value)
        if not text:
            return "", "Desa/kelurahan kosong; lengkapi data peserta nanti."
        district = f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}"
        cache_key = (text, district)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._resolve(text, district)
        return self._cache[cache_key]

    def _resolve(self, text: str, district: str) -> tuple[str, str | None]:
        digits = clean_number(text)
        if digits.isdigit():
            try:
                found = regions.region(digits)
            except ValidationError:
                found = None
            if found is not None and found.level == "desa" and not found.historic:
                return found.code, None
            return "", f"Kode desa '{text}' tidak ada dalam daftar Kemendagri; desa dikosongkan."
        key = self._key(text)
        for scope in (district, self.partner_region):
            if not scope:
                continue
            try:
                matches = [v for v in self._villages_under(scope) if self._key(v.name) == key]
            except ValidationError:
                continue
            if len(matches) == 1:
                return matches[0].code, None
            if len(matches) > 1:
                where = ", ".join(f"{m.code}" for m in matches[:4])
                return "", (f"Desa '{text}' ambigu ({len(matches)} desa bernama sama: {where}); "
                            "desa dikosongkan, pilih yang benar di data peserta.")
        return "", (f"Desa '{text}' tidak ditemukan di kecamatan NIK ({district}) maupun wilayah "
                    "mitra; desa dikosongkan, lengkapi nanti.")


def parse_row(cells: list[Any], columns: dict[str, int], *, today: date, income_floor: int,
              villages: VillageResolver) -> ParsedRow:
    """The participant in one row; RowProblem when the row must be rejected."""
    def cell(name: str) -> Any:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    decoded = read_nik(cell("nik"), today)
    nik = decoded.value
    raw_name = cell_text(cell("name"))
    if bad := unsafe_characters(raw_name):
        raise RowProblem(f"Nama berisi karakter kendali atau pembalik arah tulisan "
                         f"({', '.join(bad[:3])}) yang tidak terlihat; ketik ulang nama.")
    name = display_name(raw_name)
    problem = name_problem(name)
    if problem is NameProblem.EMPTY:
        raise RowProblem("Nama peserta wajib diisi (kolom Nama kosong).")
    if problem is NameProblem.DIGITS:
        raise RowProblem(f"Nama '{name}' tidak boleh berisi angka.")
    _check_length("Nama", name, NAME_LENGTH)
    warnings: list[str] = []
    birth = read_date(cell("birth_date"), "Tanggal lahir")
    if birth is not None and birth != decoded.birth_date:
        raise RowProblem(f"Tanggal lahir {birth:%d-%m-%Y} tidak sama dengan tanggal lahir pada "
                         f"NIK ({decoded.birth_date:%d-%m-%Y}); periksa NIK dan tanggal lahir.")
    sex = read_sex(cell("sex"))
    if sex is not None and sex != decoded.sex:
        raise RowProblem(f"Jenis kelamin {sex} tidak sama dengan NIK ({decoded.sex}); periksa "
                         "NIK dan jenis kelamin.")
    tmt = read_date(cell("tmt"), "Mulai kepesertaan") or today
    late = tmt_problem(tmt, birth_date=decoded.birth_date, today=today)
    if late is TmtProblem.FUTURE:
        raise RowProblem(f"Mulai kepesertaan {tmt:%d-%m-%Y} tidak boleh di masa depan.")
    if late is TmtProblem.BEFORE_BIRTH:
        raise RowProblem("Mulai kepesertaan tidak boleh sebelum tanggal lahir.")
    village, warning = villages.resolve(cell("village"), nik)
    if warning:
        warnings.append(warning)
    address = _free_text("Alamat", cell("address"), warnings)
    _check_length("Alamat", address, ADDRESS_LENGTH)
    occupation = match_occupation(_free_text("Pekerjaan", cell("occupation"), warnings))
    _check_length("Pekerjaan", occupation, OCCUPATION_LENGTH)
    phone = read_phone(cell("phone"))
    _check_length("No HP", phone, PHONE_LENGTH)
    return ParsedRow(nik, name, decoded.birth_date, decoded.sex, address, village, occupation,
                     phone, read_income(cell("income"), income_floor), tmt, warnings)


def _free_text(label: str, value: Any, warnings: list[str]) -> str:
    """A free-text cell tidied for storage; control and bidirectional-control characters
    are removed, with a note."""
    text = cell_text(value)
    if bad := unsafe_characters(text):
        warnings.append(f"{label}: karakter kendali {', '.join(bad[:3])} dihapus.")
        text = remove_unsafe(text)
    return clean_name(text)


def _check_length(label: str, text: str, limit: int) -> None:
    if len(text) > limit:
        raise RowProblem(f"{label} terlalu panjang ({len(text):,} karakter); paling banyak "
                         f"{limit} karakter.".replace(",", "."))
