"""Writing participant spreadsheets: the participant export and the import error report
(through `xlsx_writer`: text stays text, NIK and KPJ are text cells, dates are dates)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from branch_desk.spreadsheets.xlsx_writer import (
    DATE,
    ID,
    INT,
    MONEY,
    PROBLEM_FILL,
    TEXT,
    Book,
    Column,
    safe_text,
)

EXPORT_COLUMNS = (
    Column("KPJ", 14, ID), Column("NIK", 20, ID), Column("Nama", 28),
    Column("Tanggal Lahir", 14, DATE), Column("Jenis Kelamin", 8), Column("Alamat", 30),
    Column("Kode Desa", 15, ID), Column("Desa/Kelurahan", 20), Column("No HP", 15, ID),
    Column("Pekerjaan", 20), Column("Segmen", 8), Column("Sumber Dana", 10),
    Column("Mitra", 18), Column("Program", 14), Column("Penghasilan", 13, MONEY),
    Column("Mulai Kepesertaan", 14, DATE), Column("Terdaftar", 12, DATE),
    Column("Status", 10), Column("Alasan Status", 24))
# Where the person can be found: left out of an export by a role without the personal-data
# permission (the NIK is masked there too).
CONTACT_COLUMNS = frozenset({"Alamat", "No HP"})
MASKED_EXPORT_COLUMNS = tuple(c for c in EXPORT_COLUMNS if c.title not in CONTACT_COLUMNS)


def write_participant_export(path: str | Path, rows: Iterable[Sequence[Any]], *,
                              personal: bool = True) -> Path:
    """The participant export: one row per participant in the order of `EXPORT_COLUMNS`
    (KPJ, NIK, name, … status reason), or of `MASKED_EXPORT_COLUMNS` when not `personal`."""
    with Book() as book:
        book.table("Peserta", EXPORT_COLUMNS if personal else MASKED_EXPORT_COLUMNS).extend(rows)
        return book.save(path)


def write_error_report(path: str | Path, *, header: Sequence[str], nik_column: int | None,
                       rows: Sequence[tuple[int, Sequence[Any], str]]) -> Path:
    """The rejected rows as sent, with "Baris asal" and "Keterangan" (what is wrong) in
    front, so the regional government can correct and send them again. The NIK column is
    text, so a damaged NIK stays visibly damaged but is not damaged further."""
    columns = [Column("Baris asal", 10, INT), Column("Keterangan", 60, TEXT),
               *[Column(safe_text(h) or f"Kolom {i + 1}", 18, ID if i == nik_column else TEXT)
                 for i, h in enumerate(header)]]
    with Book() as book:
        table = book.table("Perlu diperbaiki", columns)
        for number, cells, problem in rows:
            table.add([number, problem, *cells], fill={1: PROBLEM_FILL}, wrap=frozenset({1}))
        return book.save(path)
