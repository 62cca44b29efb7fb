"""Reading the participant lists regional governments send (xlsx, xls or CSV, through
`workbook_reader`).

Tolerates title rows above the header, header spellings and order (letter-spaced ``N I K``,
dots, asterisks), a row of column numbers under the header, two-row headers under a merged
group title, blank rows, and the list on another sheet than the first. Where a header is not
recognised, the officer names it: `columns` maps a field to the header text as written.
Cells come back as the reader gives them: interpreting them is the importer's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branch_desk.domain.errors import HeaderNotFoundError, ValidationError
from branch_desk.domain.text import fold, remove_unsafe
from branch_desk.spreadsheets.workbook_reader import SourceBook

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
FIELDS = tuple(HEADER_ALIASES)
FIELD_LABELS = {"nik": "NIK", "name": "Nama", "birth_date": "Tanggal Lahir",
                "sex": "Jenis Kelamin", "address": "Alamat", "village": "Desa/Kelurahan",
                "occupation": "Pekerjaan", "phone": "No HP", "income": "Penghasilan",
                "tmt": "Mulai Kepesertaan"}
REQUIRED = ("nik", "name")
_LOOKUP = {alias: field for field, aliases in HEADER_ALIASES.items() for alias in aliases}
# The same spellings without spaces: "N I K", "N.I.K.", "TGL  L A H I R", "NamaLengkap".
_COMPACT = {alias.replace(" ", ""): field for alias, field in _LOOKUP.items()}
HEADER_SCAN_ROWS = 25


@dataclass(frozen=True)
class SheetRows:
    """The data rows of the list's sheet and where each field's column is."""

    sheet: str
    header_row: int  # 1-based row number of the (last) header row
    header: tuple[str, ...]  # the header cells as written (two-row headers joined)
    columns: dict[str, int]  # field → 0-based column index
    rows: list[tuple[int, list[Any]]]  # (1-based sheet row number, cells), blank rows dropped
    sheets: tuple[str, ...] = ()  # every sheet of the file

    def mapping(self) -> dict[str, str]:
        """Field → the header text of its column (what the import used)."""
        return {f: self.header[i] or f"Kolom {i + 1}" for f, i in sorted(
            self.columns.items(), key=lambda item: item[1])}


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
    return _COMPACT.get(key.replace(" ", ""))


def header_key(text: str) -> str:
    """How a header given by the officer is compared with the file's (case, spaces and
    punctuation ignored)."""
    return fold(text.replace("*", " ")).replace(" ", "")


def _label(cell: Any) -> str:
    return "" if cell is None else " ".join(str(cell).split())


def _blank(cells: list[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _numbering(cells: list[Any]) -> bool:
    """A row of column numbers under the header: 1, 2, 3 … or (1), (2), (3) …"""
    values = []
    for cell in cells:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        text = str(cell).strip().strip("()[]").removesuffix(".0")
        if not text.isdigit() or len(text) > 4:
            return False
        values.append(int(text))
    return len(values) >= 2 and values[0] in (0, 1) and \
        values == list(range(values[0], values[0] + len(values)))


def _columns(labels: list[str], columns: dict[str, str]) -> dict[str, int]:
    """Field → column for one candidate header: the spellings we know, then the officer's
    mapping (which wins, and frees the column it takes from another field)."""
    found: dict[str, int] = {}
    for index, label in enumerate(labels):
        field = header_field(label)
        if field and field not in found:
            found[field] = index
    keys = [header_key(label) for label in labels]
    for field, wanted in columns.items():
        key = header_key(wanted)
        if key and key in keys:
            index = keys.index(key)
            found = {f: i for f, i in found.items() if i != index}
            found[field] = index
    return found


def _join(top: list[str], low: list[str], named: set[str]) -> list[str]:
    """A two-row header under group titles: the lower cell where it names a field (or the
    officer named it, or nothing is above it), else the group title above it."""
    width = max(len(top), len(low))
    top, low = top + [""] * (width - len(top)), low + [""] * (width - len(low))
    return [lo if lo and (header_field(lo) or header_key(lo) in named or not hi) else hi or lo
            for hi, lo in zip(top, low, strict=True)]


def find_header(cells: list[list[Any]], columns: dict[str, str]
                ) -> tuple[int, list[str], dict[str, int]] | None:
    """(0-based index of the last header row, labels, field → column) of the first header
    that names NIK and Nama; a two-row header when reading two rows finds more fields."""
    rows = [[_label(c) for c in row] for row in cells[:HEADER_SCAN_ROWS + 1]]
    mapped = [_columns(labels, columns) for labels in rows]
    named = {header_key(wanted) for wanted in columns.values()}
    for index, labels in enumerate(rows[:HEADER_SCAN_ROWS]):
        if index + 1 < len(rows):
            joined = _join(labels, rows[index + 1], named)
            both = _columns(joined, columns)
            if all(f in both for f in REQUIRED) and \
                    len(both) > max(len(mapped[index]), len(mapped[index + 1])):
                return index + 1, joined, both
        if all(f in mapped[index] for f in REQUIRED):
            return index, labels, mapped[index]
    return None


def _likely_header(cells: list[list[Any]]) -> tuple[str, ...]:
    """The row of the first 25 with the most text cells: what the officer maps by hand."""
    best: list[str] = []
    for row in cells[:HEADER_SCAN_ROWS]:
        labels = [_label(c) if isinstance(c, str) else "" for c in row]
        if sum(1 for lb in labels if lb) > sum(1 for lb in best if lb):
            best = labels
    while best and not best[-1]:
        best.pop()
    return tuple(best)


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of a list, in order (for the officer to choose one)."""
    with SourceBook(path) as book:
        return list(book.sheets)


def read_participant_sheet(path: str | Path, *, sheet: str | None = None,
                           columns: dict[str, str] | None = None,
                           remembered: dict[str, str] | None = None) -> SheetRows:
    """The data rows of `sheet`, or of the first sheet holding a header with NIK and Nama.
    `columns` (field → header text) names columns the file must have; `remembered` (the
    partner's last mapping) applies where the file has those headers. Raises
    ValidationError (Indonesian) when the file is unreadable or over a limit, and
    HeaderNotFoundError when no header is found."""
    columns = columns or {}
    with SourceBook(path) as book:
        sheets = tuple(book.sheets)
        for field, wanted in columns.items():
            if field not in HEADER_ALIASES:
                raise ValidationError(f"Kolom '{field}' tidak dikenal; pilih salah satu: "
                                      f"{', '.join(FIELDS)}.", field="columns")
            if not header_key(wanted):
                raise ValidationError(f"Judul kolom untuk {FIELD_LABELS[field]} kosong.",
                                      field="columns")
        first_cells: list[list[Any]] | None = None
        for name in [sheet] if sheet is not None else sheets:
            cells = book.rows(name)
            if first_cells is None:
                first_cells = cells
            found = find_header(cells, {**(remembered or {}), **columns})
            if found is None:
                continue
            index, labels, mapped = found
            _check_named(columns, labels, name)
            start = index + 1
            if start < len(cells) and _numbering(cells[start]):
                start += 1
            data = [(number, row) for number, row in enumerate(cells[start:], start=start + 1)
                    if not _blank(row)]
            return SheetRows(name, index + 1, tuple(labels), mapped, data, sheets)
        shown = sheet if sheet is not None else sheets[0]
        where = f"lembar '{shown}'" if sheet is not None or len(sheets) == 1 else \
            f"{len(sheets)} lembar berkas ini"
        headers = _likely_header(first_cells or [])
        seen = remove_unsafe(", ".join(f"'{h}'" for h in headers if h))[:500]
        raise HeaderNotFoundError(
            f"Baris judul kolom tidak ditemukan pada {HEADER_SCAN_ROWS} baris pertama {where}: "
            "diperlukan sedikitnya kolom NIK dan Nama. Pilih lembar yang berisi daftar, atau "
            "tentukan kolom mana yang berisi NIK dan Nama"
            + (f" (judul kolom lembar '{shown}': {seen})." if seen else "."),
            sheet=shown, sheets=sheets, headers=headers)


def _check_named(columns: dict[str, str], labels: list[str], sheet: str) -> None:
    keys = {header_key(label) for label in labels}
    missing = [wanted for wanted in columns.values() if header_key(wanted) not in keys]
    if missing:
        raise ValidationError(
            f"Judul kolom {', '.join(repr(m) for m in missing)} tidak ada pada lembar "
            f"'{sheet}'; judul yang ada: {', '.join(lb for lb in labels if lb)}.",
            field="columns")
