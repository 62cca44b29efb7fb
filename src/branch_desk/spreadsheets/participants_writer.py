"""Writing participant spreadsheets with openpyxl (write-only, so 100,000 rows stay
small in memory): the import error report and the participant export. Both have a
styled, frozen header row with an autofilter; NIK and KPJ are text, dates are dates."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = PatternFill("solid", fgColor="1F5C99")
HEADER_FONT = Font(bold=True, color="FFFFFF")
PROBLEM_FILL = PatternFill("solid", fgColor="FDE9E7")
DATE_FORMAT = "DD/MM/YYYY"
TEXT_FORMAT = "@"


def _header(ws: Worksheet, titles: Sequence[str]) -> list[WriteOnlyCell]:
    cells = []
    for title in titles:
        cell = WriteOnlyCell(ws, value=title)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cells.append(cell)
    return cells


def _cell(ws: Worksheet, value: Any, *, text: bool = False) -> Any:
    if value is None:
        return None
    if text:
        cell = WriteOnlyCell(ws, value=str(value))
        cell.number_format = TEXT_FORMAT
        return cell
    if isinstance(value, (date, datetime)):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def _save(workbook: Workbook, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    workbook.save(tmp)
    tmp.replace(path)
    return path


def _prepare(ws: Worksheet, widths: Sequence[int], columns: int, rows: int) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(columns, 1))}{max(rows, 1) + 1}"


EXPORT_TITLES = ("KPJ", "NIK", "Nama", "Tanggal Lahir", "Jenis Kelamin", "Alamat",
                 "Kode Desa", "Desa/Kelurahan", "No HP", "Pekerjaan", "Segmen", "Sumber Dana",
                 "Mitra", "Program", "Penghasilan", "Mulai Kepesertaan", "Terdaftar", "Status",
                 "Alasan Status")
EXPORT_WIDTHS = (14, 20, 28, 14, 8, 30, 15, 20, 15, 20, 8, 10, 18, 14, 13, 14, 12, 10, 24)
EXPORT_TEXT_COLUMNS = frozenset({0, 1, 6, 8})  # KPJ, NIK, village code, phone


def write_participant_export(path: str | Path, rows: Iterable[Sequence[Any]], *,
                             count: int) -> Path:
    """The participant export: one row per participant in the order of `EXPORT_TITLES`
    (KPJ, NIK, name, … status reason); `count` rows are expected."""
    return _write_table(path, sheet="Peserta", titles=EXPORT_TITLES, widths=EXPORT_WIDTHS,
                        rows=rows, text_columns=EXPORT_TEXT_COLUMNS, count=count)


def _write_table(path: str | Path, *, sheet: str, titles: Sequence[str], widths: Sequence[int],
                 rows: Iterable[Sequence[Any]], text_columns: frozenset[int] = frozenset(),
                 count: int) -> Path:
    """A one-sheet table; `count` rows are expected (for the autofilter range)."""
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(sheet)
    _prepare(ws, widths, len(titles), count)
    ws.append(_header(ws, titles))
    for row in rows:
        ws.append([_cell(ws, v, text=i in text_columns) for i, v in enumerate(row)])
    return _save(workbook, Path(path))


def write_error_report(path: str | Path, *, header: Sequence[str], nik_column: int | None,
                       rows: Sequence[tuple[int, Sequence[Any], str]]) -> Path:
    """The rejected rows as sent, with "Baris asal" and "Keterangan" (what is wrong) in
    front, so the regional government can correct and send them again."""
    titles = ["Baris asal", "Keterangan", *[h or f"Kolom {i + 1}" for i, h in enumerate(header)]]
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("Perlu diperbaiki")
    widths = [10, 60, *[18 for _ in header]]
    _prepare(ws, widths, len(titles), len(rows))
    ws.append(_header(ws, titles))
    for number, cells, problem in rows:
        reason = WriteOnlyCell(ws, value=problem)
        reason.fill = PROBLEM_FILL
        reason.alignment = Alignment(wrap_text=True, vertical="top")
        values = [_original(ws, v, text=(i == nik_column)) for i, v in enumerate(cells)]
        ws.append([number, reason, *values])
    return _save(workbook, Path(path))


def _original(ws: Worksheet, value: Any, *, text: bool) -> Any:
    if text and isinstance(value, float) and value.is_integer():
        # Keep what was sent (a damaged NIK stays visibly damaged), but as text.
        return _cell(ws, str(int(value)), text=True)
    return _cell(ws, value, text=text and value is not None)
