"""Hub reports as xlsx: one sheet, title rows, the table with real numbers and dates
(through `xlsx_writer`)."""

from __future__ import annotations

from pathlib import Path

from branch_desk.domain.report_cells import HubTable
from branch_desk.spreadsheets.xlsx_writer import DATE, INT, MONEY, TEXT, Book, Column

_KINDS = {"int": INT, "money": MONEY, "date": DATE}


def write_hub_xlsx(path: Path, table: HubTable) -> Path:
    """Write `table` to `path`: counts, rupiah and dates as numbers with their formats."""
    with Book() as book:
        sheet = book.table(
            {"coverage": "Cakupan", "claims": "Klaim"}.get(table.kind, "Perjanjian"),
            [Column(c.title, c.width, _KINDS.get(c.kind, TEXT)) for c in table.columns],
            heading=[[table.title], [table.subtitle]])
        sheet.extend(table.sheet_row(row) for row in table.rows)
        if table.total is not None:
            sheet.total(table.sheet_total())
        return book.save(path)
