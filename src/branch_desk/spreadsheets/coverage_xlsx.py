"""Coverage figures as xlsx: the dashboard export and the Monev Inpres 2/2021 workbook
(through `xlsx_writer`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from branch_desk.domain.coverage import month_label
from branch_desk.spreadsheets.xlsx_writer import (
    DATE,
    ID,
    INT,
    MONEY,
    PERCENT,
    TEXT,
    Book,
    Column,
)


def _pct(value: Any) -> float | None:
    return float(value) / 100 if value is not None else None


def _figures(book: Book, name: str, figures: Any, first: str) -> None:
    book.table(name, [Column(first, 16, ID), Column("Nama", 36), Column("Target", 12, INT),
                      Column("Tercakup", 12, INT), Column("Persentase", 12, PERCENT)]).extend(
        [f.code, f.name, f.target, f.covered, _pct(f.percentage)] for f in figures)


def fill_summary(book: Book, summary: Any, *, title: str) -> None:
    """Sheets Ringkasan, Wilayah, Segmen, Mitra and Tren for one coverage summary."""
    head = book.table("Ringkasan", [Column(title, 22), Column("", 48)])
    head.add(["Wilayah", summary.region_name])
    head.add(["Per tanggal", summary.as_of], kinds=[TEXT, DATE])
    head.add(["Target pekerja", summary.target], kinds=[TEXT, INT])
    head.add(["Pekerja tercakup", summary.covered], kinds=[TEXT, INT])
    head.add(["Persentase cakupan", _pct(summary.percentage)], kinds=[TEXT, PERCENT])
    _figures(book, "Wilayah", summary.areas, "Kode wilayah")
    _figures(book, "Segmen", summary.segments, "Segmen")
    _figures(book, "Mitra", summary.partners, "Kode mitra")
    book.table("Tren", [Column("Bulan", 18), Column("Tercakup", 12, INT)]).extend(
        [month_label(m), c] for m, c in summary.trend)


def write_coverage_xlsx(path: Path, summary: Any) -> Path:
    """The dashboard figures as a workbook."""
    with Book() as book:
        fill_summary(book, summary, title="Cakupan Kepesertaan BPJS Ketenagakerjaan")
        return book.save(Path(path))


def write_monev_xlsx(path: Path, summary: Any, *, bills: list[list[Any]]) -> Path:
    """The Monev Inpres 2/2021 workbook: the summary sheets and the Pemda bills of the year."""
    with Book() as book:
        fill_summary(book, summary, title="Monitoring dan Evaluasi Inpres Nomor 2 Tahun 2021")
        book.table("Pendanaan APBD", [Column("Nomor tagihan", 24, ID), Column("Mitra", 36),
                                      Column("Pekerja", 10, INT), Column("Jumlah (Rp)", 16, MONEY),
                                      Column("Status", 10)]).extend(bills)
        return book.save(Path(path))
