"""The regional hub's report tables: rows of typed cells, and how they are shown.

`services.sync.hub_tables` fills a `HubTable` with values (codes, names, counts, rupiah as
int, dates); the titles, the column widths and the text of every kind of cell are here, so
the Wilayah tab, the `report hub-*` commands, the xlsx and the PDF all say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from branch_desk.domain.agreements import STATUS_LABELS
from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_count, format_rupiah

# The kinds of cell a column holds:
#   text    a string as it is
#   int     a count              money   rupiah (int)            date   a date
#   coded   (code, name), shown "73.09 Kabupaten Maros"
#   status  an agreement's status code, shown by its label
#   renewal days left before an agreement must be renewed (None: it need not be)
NUMERIC = frozenset({"int", "money"})  # aligned right
NATIVE = frozenset({"int", "money", "date"})  # kept as numbers and dates in a spreadsheet

REPORT_TITLES = {
    "coverage": "Cakupan kepesertaan per provinsi, kabupaten/kota dan kantor cabang",
    "claims": "Klaim dan manfaat dibayar per kantor cabang dan program",
    "agreements": "Perjanjian kerja sama dan jadwal perpanjangan se-wilayah",
}
# Column key: (title, width in characters; the PDF shares its page width in proportion).
COLUMNS: dict[str, tuple[str, int]] = {
    "province": ("Provinsi", 22), "regency": ("Kabupaten/Kota", 26),
    "office": ("Kantor", 8), "office_name": ("Nama kantor", 28),
    "participants": ("Peserta", 11), "active": ("Aktif", 11),
    "program": ("Program", 10), "claims": ("Klaim", 9), "open": ("Diproses", 9),
    "paid": ("Dibayar", 9), "rejected": ("Ditolak", 9), "paid_amount": ("Manfaat dibayar", 20),
    "number": ("Nomor", 24), "partner_name": ("Mitra", 30), "start_date": ("Mulai", 16),
    "end_date": ("Berakhir", 16), "status": ("Status", 13), "workers": ("Pekerja", 10),
    "budget": ("Anggaran", 20), "renewal": ("Perpanjangan", 22),
}
COUNTED = {"offices": "kantor", "agreements": "perjanjian",
           "renewals_due": "perlu diperpanjang"}
TOTAL_LABEL = "Jumlah"


@dataclass(frozen=True)
class Column:
    """A column of a hub table: which value it holds (a key of COLUMNS) and its kind."""

    key: str
    kind: str = "text"

    @property
    def title(self) -> str:
        return COLUMNS[self.key][0]

    @property
    def width(self) -> int:
        return COLUMNS[self.key][1]


@dataclass(frozen=True)
class Count:
    """A number of things in a total row, shown with their name ("3 kantor")."""

    number: int
    things: str  # a key of COUNTED


@dataclass(frozen=True)
class HubTable:
    """One hub report: typed rows, their total, and what the report covers.

    The first cell of `total` is where the label "Jumlah" is shown; the service leaves it
    None. `offices` (coverage), `year` (claims) and `as_of`/`within_days` (agreements) say
    what the report covers, for its subtitle."""

    kind: str  # coverage | claims | agreements
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    total: tuple[Any, ...] | None  # None when the rows do not add up
    records: tuple[Any, ...]  # the service's rows, for JSON
    offices: tuple[str, ...] = ()
    year: int | None = None
    as_of: date | None = None
    within_days: int = 90

    @property
    def title(self) -> str:
        return REPORT_TITLES[self.kind]

    @property
    def subtitle(self) -> str:
        if self.kind == "coverage":
            return "Kantor: " + (", ".join(self.offices) if self.offices else "(belum ada data)")
        if self.kind == "claims":
            return f"Klaim diajukan tahun {self.year}" if self.year else "Semua klaim"
        assert self.as_of is not None  # an agreements table is always as of a date
        return (f"Per {format_date(self.as_of)}; perlu diperpanjang = aktif dan berakhir dalam "
                f"{self.within_days} hari")

    def display(self, row: tuple[Any, ...]) -> tuple[str, ...]:
        """A row as text, cell by cell."""
        return tuple(show(c.kind, v) for c, v in zip(self.columns, row, strict=True))

    def display_total(self) -> tuple[str, ...]:
        """The total row as text, under its label."""
        assert self.total is not None
        return (TOTAL_LABEL, *self.display(self.total)[1:])

    def sheet_row(self, row: tuple[Any, ...]) -> list[Any]:
        """A row for a spreadsheet: numbers and dates as they are, the rest as text."""
        return [v if c.kind in NATIVE or v is None else show(c.kind, v)
                for c, v in zip(self.columns, row, strict=True)]

    def sheet_total(self) -> list[Any]:
        """The total row for a spreadsheet, under its label."""
        assert self.total is not None
        return [TOTAL_LABEL, *self.sheet_row(self.total)[1:]]


def show(kind: str, value: Any) -> str:
    """The text of one cell of kind `kind` ("" when empty)."""
    if value is None or value == "":
        return ""
    if isinstance(value, Count):
        return f"{value.number} {COUNTED[value.things]}"
    if kind == "money":
        return format_rupiah(int(value))
    if kind == "int":
        return format_count(int(value))
    if kind == "date":
        return format_date(value) if isinstance(value, date) else str(value)
    if kind == "coded":
        code, name = value
        return f"{code} {name}"
    if kind == "status":
        return STATUS_LABELS.get(value, value)
    if kind == "renewal":
        return f"LEWAT {-value} hari" if value < 0 else f"PERLU, {value} hari lagi"
    return str(value)
