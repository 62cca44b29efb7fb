"""Hub reports as xlsx: one sheet, title rows, the table with real numbers and dates."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from branch_desk.domain.report_cells import HubTable

_HEAD_FILL = PatternFill("solid", fgColor="DDE7F0")
_FORMATS = {"int": "#,##0", "money": '"Rp"#,##0', "date": "dd/mm/yyyy"}


def write_hub_xlsx(path: Path, table: HubTable) -> Path:
    """Write `table` to `path`: counts, rupiah and dates as numbers with their formats."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = {"coverage": "Cakupan", "claims": "Klaim"}.get(table.kind, "Perjanjian")
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([table.subtitle])
    sheet.append([])
    sheet.append([c.title for c in table.columns])
    head = sheet.max_row
    for cell in sheet[head]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
    for row in table.rows:
        sheet.append(table.sheet_row(row))
    if table.total is not None:
        sheet.append(table.sheet_total())
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        fmt = _FORMATS.get(column.kind)
        if fmt:
            for (cell,) in sheet.iter_rows(min_row=head + 1, min_col=index, max_col=index):
                cell.number_format = fmt
    sheet.freeze_panes = sheet.cell(row=head + 1, column=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    workbook.save(tmp)
    tmp.replace(path)
    return path
