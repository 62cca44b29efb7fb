"""Coverage figures as xlsx: the dashboard export and the Monev Inpres 2/2021 workbook."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from branch_desk.domain.coverage import month_label
from branch_desk.domain.dates import format_date

_HEAD_FILL = PatternFill("solid", fgColor="DDE7F0")


def _table(sheet: Worksheet, titles: list[str], rows: list[list[Any]],
           widths: list[int]) -> None:
    sheet.append(titles)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
    for row in rows:
        sheet.append(row)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width


def _pct(value: Any) -> float | None:
    return float(value) / 100 if value is not None else None


def _figures(sheet: Worksheet, figures: Any, first: str) -> None:
    _table(sheet, [first, "Nama", "Target", "Tercakup", "Persentase"],
           [[f.code, f.name, f.target, f.covered, _pct(f.percentage)] for f in figures],
           [16, 36, 12, 12, 12])
    for row in sheet.iter_rows(min_row=sheet.max_row - len(figures) + 1, min_col=5, max_col=5):
        row[0].number_format = "0.00%"


def _save(workbook: Workbook, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    workbook.save(tmp)
    tmp.replace(path)
    return path


def fill_summary(workbook: Workbook, summary: Any, *, title: str) -> None:
    """Sheets Ringkasan, Wilayah, Segmen, Mitra and Tren for one coverage summary."""
    head = workbook.active
    head.title = "Ringkasan"
    head.append([title])
    head["A1"].font = Font(bold=True, size=13)
    head.append(["Wilayah", summary.region_name])
    head.append(["Per tanggal", format_date(summary.as_of)])
    head.append(["Target pekerja", summary.target])
    head.append(["Pekerja tercakup", summary.covered])
    head.append(["Persentase cakupan", _pct(summary.percentage)])
    head.cell(row=6, column=2).number_format = "0.00%"
    head.column_dimensions["A"].width = 22
    head.column_dimensions["B"].width = 48
    _figures(workbook.create_sheet("Wilayah"), summary.areas, "Kode wilayah")
    _figures(workbook.create_sheet("Segmen"), summary.segments, "Segmen")
    _figures(workbook.create_sheet("Mitra"), summary.partners, "Kode mitra")
    trend = workbook.create_sheet("Tren")
    _table(trend, ["Bulan", "Tercakup"], [[month_label(m), c] for m, c in summary.trend],
           [18, 12])


def write_coverage_xlsx(path: Path, summary: Any) -> Path:
    """The dashboard figures as a workbook."""
    workbook = Workbook()
    fill_summary(workbook, summary, title="Cakupan Kepesertaan BPJS Ketenagakerjaan")
    return _save(workbook, Path(path))


def write_monev_xlsx(path: Path, summary: Any, *, bills: list[list[Any]]) -> Path:
    """The Monev Inpres 2/2021 workbook: the summary sheets and the Pemda bills of the year."""
    workbook = Workbook()
    fill_summary(workbook, summary, title="Monitoring dan Evaluasi Inpres Nomor 2 Tahun 2021")
    sheet = workbook.create_sheet("Pendanaan APBD")
    _table(sheet, ["Nomor tagihan", "Mitra", "Pekerja", "Jumlah (Rp)", "Status"], bills,
           [24, 36, 10, 16, 10])
    return _save(workbook, Path(path))
