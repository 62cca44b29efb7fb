"""Reading the participant lists regional governments send (xlsx, python-calamine).

Tolerates title rows above the header, header spellings and order, blank rows. Cells
come back as Python values (str, float, int, date, datetime, bool) exactly as stored:
interpreting them (a NIK stored as a number, dates as text) is the importer's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.text import fold

# Canonical field → header spellings (folded: lower case, punctuation as spaces).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "nik": ("nik", "no nik", "nomor nik", "nik ktp", "no ktp", "nomor ktp",
            "nomor induk kependudukan", "nik peserta"),
    "name": ("nama", "nama lengkap", "nama peserta", "nama tenaga kerja", "nama pekerja",
             "nama sesuai ktp"),
    "birth_date": ("tanggal lahir", "tgl lahir", "tgl lhr", "tanggal lhr", "tanggal kelahiran"),
    "sex": ("jenis kelamin", "jk", "l p", "kelamin", "gender", "jns kelamin"),
    "address": ("alamat", "alamat lengkap", "alamat rumah", "alamat domisili"),
    "village": ("desa kelurahan", "desa", "kelurahan", "kelurahan desa", "desa kel",
                "kode desa", "kode desa kelurahan", "kode wilayah", "nama desa"),
    "occupation": ("pekerjaan", "jenis pekerjaan", "profesi", "jabatan"),
    "phone": ("no hp", "nomor hp", "no telp", "no telepon", "telepon", "hp", "no handphone",
              "no wa", "nomor telepon", "nomor whatsapp"),
    "income": ("penghasilan", "upah", "gaji", "penghasilan per bulan", "penghasilan bulanan",
               "upah sebulan", "penghasilan rp"),
    "tmt": ("mulai kepesertaan", "tmt", "tanggal mulai", "tgl mulai", "tanggal mulai kepesertaan",
            "tgl mulai kepesertaan", "tmt kepesertaan"),
}
FIELD_LABELS = {"nik": "NIK", "name": "Nama", "birth_date": "Tanggal Lahir",
                "sex": "Jenis Kelamin", "address": "Alamat", "village": "Desa/Kelurahan",
                "occupation": "Pekerjaan", "phone": "No HP", "income": "Penghasilan",
                "tmt": "Mulai Kepesertaan"}
_LOOKUP = {alias: field for field, aliases in HEADER_ALIASES.items() for alias in aliases}
HEADER_SCAN_ROWS = 25


@dataclass(frozen=True)
class SheetRows:
    """The data rows of the first sheet and where each field's column is."""

    sheet: str
    header_row: int  # 1-based row number of the header
    header: tuple[str, ...]  # the header cells as written
    columns: dict[str, int]  # field → 0-based column index
    rows: list[tuple[int, list[Any]]]  # (1-based sheet row number, cells), blank rows dropped


def header_field(cell: Any) -> str | None:
    """The field a header cell names, or None."""
    if not isinstance(cell, str):
        return None
    key = fold(cell.replace("*", " "))
    if key in _LOOKUP:
        return _LOOKUP[key]
    for prefix in ("no ", "nomor "):  # "No. Urut" is not a field, "No NIK" is
        if key.startswith(prefix) and key[len(prefix):] in _LOOKUP:
            return _LOOKUP[key[len(prefix):]]
    return None


def _map_header(cells: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        field = header_field(cell)
        if field and field not in found:
            found[field] = index
    return found


def _blank(cells: list[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def read_participant_sheet(path: str | Path) -> SheetRows:
    """The first sheet's data rows; raises ValidationError (Indonesian) when the file is
    unreadable or no header with at least NIK and Nama is found."""
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        name = workbook.sheet_names[0]
        cells = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises several unrelated types
        raise ValidationError(f"Berkas '{Path(path).name}' tidak dapat dibaca sebagai xlsx: "
                              f"{exc}", field="file") from None
    for index, row in enumerate(cells[:HEADER_SCAN_ROWS]):
        columns = _map_header(row)
        if "nik" in columns and "name" in columns:
            header = tuple("" if c is None else str(c).strip() for c in row)
            data = [(number, row_cells) for number, row_cells in
                    enumerate(cells[index + 1:], start=index + 2) if not _blank(row_cells)]
            return SheetRows(name, index + 1, header, columns, data)
    raise ValidationError(
        f"Baris judul kolom tidak ditemukan pada {HEADER_SCAN_ROWS} baris pertama lembar "
        f"'{name}': diperlukan sedikitnya kolom NIK dan Nama.", field="file")
