"""The one way this program writes a spreadsheet (openpyxl, write-only, so 100,000 rows stay
small in memory): every writer in `spreadsheets/` describes its columns and hands its rows
here.

Text is written as text: a string cell is always a string (openpyxl would otherwise turn a
value starting with ``=`` into a live formula, and a name ``=HYPERLINK(…)`` sent by a Pemda
would come back as a link), and a value starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return also gets Excel's quote prefix, so editing the cell keeps it text. Control
characters a worksheet cannot hold are removed (openpyxl would raise IllegalCharacterError and
stop the export, printing the value). Identifiers are text cells in the text format ``@``;
amounts are numbers in the rupiah format; dates are dates; the header row is styled, frozen
and filtered, and the columns are sized.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from branch_desk.private_files import replacing

# The kinds of column; each names how its cells are written.
TEXT, ID, INT, MONEY, DATE, PERCENT, DECIMAL = ("text", "id", "int", "money", "date", "percent",
                                               "decimal")
FORMATS = {ID: "@", INT: "#,##0", MONEY: '"Rp"#,##0;-"Rp"#,##0', DATE: "DD/MM/YYYY",
           PERCENT: "0.00%", DECIMAL: "#,##0.00"}  # coverage with two decimals, as Monev
NUMERIC = frozenset({INT, MONEY, PERCENT, DECIMAL})
HEADER_FILL = PatternFill("solid", fgColor="1F5C99")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=13)
BOLD = Font(bold=True)
PROBLEM_FILL = PatternFill("solid", fgColor="FDE9E7")
MAX_TEXT = 32_767  # what one Excel cell holds
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_EXACT = 10**15  # Excel keeps 15 significant digits of a number


@dataclass(frozen=True)
class Column:
    """A column: its title, width in characters and kind (TEXT, ID, INT, MONEY, DATE,
    PERCENT, DECIMAL)."""

    title: str
    width: int = 14
    kind: str = TEXT


def safe_text(value: Any) -> str:
    """`value` as text a worksheet can hold: characters it cannot store removed, cut at
    32,767 characters."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_TEXT]


class Table:
    """One sheet: optional heading lines, the header row, then rows (`add`) and a bold total
    (`total`). Columns, widths and the frozen header are set before the first row."""

    def __init__(self, ws: WriteOnlyWorksheet, columns: Sequence[Column], *,
                 heading: Sequence[Sequence[Any]] = ()) -> None:
        self.ws, self.columns = ws, tuple(columns)
        for index, column in enumerate(self.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        self.header_row = len(heading) + (2 if heading else 1)
        ws.freeze_panes = f"A{self.header_row + 1}"
        for number, line in enumerate(heading):
            self.ws.append([self.cell(v, TEXT, font=TITLE_FONT if number == 0 else None)
                            for v in line])
        if heading:
            self.ws.append([])
        header = [self.cell(c.title, TEXT, font=HEADER_FONT, fill=HEADER_FILL) for c in
                  self.columns]
        for cell in header:
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        self.ws.append(header)
        self.rows = 0

    def cell(self, value: Any, kind: str, *, font: Font | None = None,
             fill: PatternFill | None = None) -> Cell | None:
        """A typed cell for `value` in a column of `kind`."""
        if (value is None or value == "") and font is None and fill is None:
            return None
        cell = WriteOnlyCell(self.ws)
        if isinstance(value, bool) or (kind != ID and _number(value)):
            cell.value = value
            if kind in FORMATS and kind not in (ID, DATE):
                cell.number_format = FORMATS[kind]
        elif isinstance(value, (date, datetime)) and kind != ID:
            cell.value = value
            cell.number_format = FORMATS[DATE]
        else:
            text = _text(value)
            cell.value = text
            cell.data_type = "s"  # never a formula, whatever it starts with
            if text.startswith(FORMULA_START):
                cell.quotePrefix = True
            if kind == ID:
                cell.number_format = FORMATS[ID]
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        return cell

    def add(self, values: Sequence[Any], *, font: Font | None = None,
            fill: dict[int, PatternFill] | None = None, wrap: frozenset[int] = frozenset(),
            data: bool = True, kinds: Sequence[str] | None = None) -> None:
        """One row; `fill` colours some cells (index → fill), `wrap` wraps some; `data`
        rows are inside the filter range; `kinds` overrides the columns' kinds."""
        kinds = list(kinds) if kinds is not None else [c.kind for c in self.columns]
        cells = []
        for index, value in enumerate(values):
            kind = kinds[index] if index < len(kinds) else TEXT
            cell = self.cell(value, kind, font=font, fill=(fill or {}).get(index))
            if cell is not None and index in wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            cells.append(cell)
        self.ws.append(cells)
        self.rows += data

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for values in rows:
            self.add(values)

    def total(self, values: Sequence[Any]) -> None:
        """The bold total row, under the data rows and outside the filter range."""
        self.add(values, font=BOLD, data=False)

    def finish(self) -> None:
        """Put the filter on the header and the data rows (done by `Book.save`)."""
        last = get_column_letter(max(len(self.columns), 1))
        self.ws.auto_filter.ref = f"A{self.header_row}:{last}{self.header_row + self.rows}"
        self._filtered = True


def _number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    return abs(value) < _EXACT  # a longer whole number keeps its digits only as text


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return safe_text(value)


class Book:
    """A workbook written sheet by sheet, then saved privately and atomically.

    Use it as a context manager: openpyxl streams each sheet into a temporary file of the
    system's temporary folder (0600, holding every cell, NIKs included) until the book is
    saved; leaving the block without saving (an error, a cancel) removes those files."""

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True)
        self.tables: list[Table] = []

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.discard()

    def discard(self) -> None:
        """Remove the sheets' temporary files that saving has not consumed."""
        for ws in self.workbook.worksheets:
            rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
            with contextlib.suppress(Exception):  # close the streams, then delete the file
                if rows is not None:
                    rows.close()
                if writer is not None:
                    writer.close()
            if writer is not None and isinstance(writer.out, str):
                with contextlib.suppress(OSError, ValueError):
                    writer.cleanup()

    def table(self, name: str, columns: Sequence[Column], *,
              heading: Sequence[Sequence[Any]] = ()) -> Table:
        """A new sheet `name` (cut to Excel's 31 characters) holding one table."""
        ws = self.workbook.create_sheet(safe_text(name).translate(
            str.maketrans("[]:*?/\\", "()-----"))[:31])
        table = Table(ws, columns, heading=heading)
        self.tables.append(table)
        return table

    def save(self, path: str | Path) -> Path:
        """Write to `path` through a private temporary file in the same folder (all or
        nothing, `private_files.replacing`)."""
        for table in self.tables:
            table.finish()
        path = Path(path)
        try:
            with replacing(path) as tmp, open(tmp, "wb") as handle:
                archive = ZipFile(handle, "w", ZIP_DEFLATED, allowZip64=True)
                try:
                    ExcelWriter(self.workbook, archive).save()
                finally:  # closed already when saved; a failed archive is closed here, not
                    with contextlib.suppress(Exception):  # at garbage collection
                        archive.close()
        finally:
            self.discard()
        return path
