"""The worker list attached to a Pemda bill (xlsx, through `xlsx_writer`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from branch_desk.domain.coverage import add_months, month_label
from branch_desk.spreadsheets.xlsx_writer import ID, INT, MONEY, Book, Column

COLUMNS = (Column("No", 6, INT), Column("NIK", 20, ID), Column("KPJ", 14, ID),
           Column("Nama", 32), Column("Kode Desa/Kelurahan", 18, ID), Column("Bulan Awal", 16),
           Column("Bulan Akhir", 16), Column("Jumlah Bulan", 13, INT),
           Column("Iuran (Rp)", 16, MONEY))


@dataclass(frozen=True)
class AttachmentLine:
    nik: str
    kpj: str
    name: str
    village_code: str
    first_month: date
    months: int
    amount: int


def write_bill_attachment(path: str | Path, *, number: str, partner_name: str, workers: int,
                          programs: Sequence[str], lines: Sequence[AttachmentLine],
                          total: int) -> Path:
    """The worker list of bill `number`: a title, a header row and one row per bill line,
    then the total. NIK and KPJ are text cells so every digit survives."""
    with Book() as book:
        table = book.table("Lampiran Tagihan", COLUMNS, heading=[
            [f"Lampiran Tagihan {number}"],
            [f"{partner_name} — {workers} pekerja — program {', '.join(programs)}"]])
        for index, line in enumerate(lines, start=1):
            table.add([index, line.nik, line.kpj, line.name, line.village_code,
                       month_label(line.first_month),
                       month_label(add_months(line.first_month, line.months - 1)), line.months,
                       line.amount])
        table.total(["", "", "", "JUMLAH", "", "", "", sum(ln.months for ln in lines), total])
        return book.save(path)
