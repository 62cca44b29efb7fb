"""Pemda participant lists as real xlsx files (input of the import, crash and fuzz tests)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from openpyxl import Workbook

HEADER = ("No", "NIK", "Nama Lengkap", "Tanggal Lahir", "Jenis Kelamin", "Alamat", "Kode Desa",
          "Pekerjaan", "No HP", "Penghasilan", "Mulai Kepesertaan")


def pemda_rows(count: int, *, seed: int = 7, regency: str = "73.09",
               today: date = date(2025, 6, 16)) -> list[tuple[object, ...]]:
    """`count` valid workers of villages in `regency` (Maros), deterministic."""
    from branch_desk.services.demo.people import make_person, villages_of

    rng = random.Random(seed)
    villages = villages_of(regency)
    serials: dict[str, int] = {}
    rows = []
    for number in range(1, count + 1):
        person = make_person(rng, rng.choice(villages), serials, today=today)
        rows.append((number, person.nik, person.name, person.birth_date, person.sex,
                     person.address, person.village_code, "Petani", person.phone, 1_000_000,
                     date(today.year, today.month, 1)))
    return rows


def write_pemda_list(path: Path, rows: list[tuple[object, ...]], *,
                     title: str = "DAFTAR PEKERJA RENTAN KABUPATEN MAROS") -> Path:
    """An xlsx laid out like the lists Pemda send: a title row, a header, the rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Daftar"
    sheet.append([title])
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(list(row))
    for cell in sheet["B"]:
        cell.number_format = "@"
    book.save(path)
    return path
