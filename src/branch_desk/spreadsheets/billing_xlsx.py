"""The worker list attached to a Pemda bill (xlsx, openpyxl)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from branch_desk.domain.coverage import add_months, month_label

HEADER = ("No", "NIK", "KPJ", "Nama", "Kode Desa/Kelurahan", "Bulan Awal", "Bulan Akhir",
          "Jumlah Bulan", "Iuran (Rp)")
WIDTHS = (6, 20, 14, 32, 18, 16, 16, 13, 16)


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
    """The worker list of bill `number`: one sheet with a title, a header row and one row
    per bill line, then the total. NIK and KPJ are written as text so leading digits
    survive."""
    path = Path(path)
    title = f"Lampiran Tagihan {number}"
    subtitle = f"{partner_name} — {workers} pekerja — program {', '.join(programs)}"
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "Lampiran Tagihan"
    sheet.append([title])
    sheet.append([subtitle])
    sheet.append([])
    sheet.append(list(HEADER))
    bold = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[4]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDE7F0")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, line in enumerate(lines, start=1):
        sheet.append([index, line.nik, line.kpj, line.name, line.village_code,
                      month_label(line.first_month),
                      month_label(add_months(line.first_month, line.months - 1)),
                      line.months, line.amount])
    last = sheet.max_row
    for row in sheet.iter_rows(min_row=5, max_row=last, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "@"
    for row in sheet.iter_rows(min_row=5, max_row=last, min_col=9, max_col=9):
        row[0].number_format = "#,##0"
    sheet.append(["", "", "", "JUMLAH", "", "", "", sum(ln.months for ln in lines), total])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    sheet.cell(row=sheet.max_row, column=9).number_format = "#,##0"
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + column)].width = width
    sheet.freeze_panes = "A5"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    workbook.save(tmp)
    tmp.replace(path)
    return path
