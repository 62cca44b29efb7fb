"""The hub reports as tables (titles, raw cells, display text) and their xlsx/PDF exports,
shared by the CLI and the Wilayah report tab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_rupiah
from branch_desk.services.admin.offices import office_row
from branch_desk.services.sync import hub_reports as hr
from branch_desk.services.uow import UnitOfWork

KINDS = ("coverage", "claims", "agreements")
TITLES = {"coverage": "Cakupan kepesertaan per provinsi, kabupaten/kota dan kantor cabang",
          "claims": "Klaim dan manfaat dibayar per kantor cabang dan program",
          "agreements": "Perjanjian kerja sama dan jadwal perpanjangan se-wilayah"}
STATUS = {"aktif": "Aktif", "diperpanjang": "Diperpanjang", "berakhir": "Berakhir",
          "dibatalkan": "Dibatalkan"}


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"  # text | int | money | date
    width: int = 14


@dataclass(frozen=True)
class HubTable:
    kind: str
    title: str
    subtitle: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]  # raw cells (int rupiah, date)
    total: tuple[Any, ...] | None  # raw total row, None when not summable
    records: tuple[Any, ...]  # the service rows (for JSON)

    def display(self, row: tuple[Any, ...]) -> tuple[str, ...]:
        return tuple(_show(c, v) for c, v in zip(self.columns, row, strict=True))


def _show(column: Column, value: Any) -> str:
    if value is None or value == "":
        return ""
    if column.kind == "money":
        return format_rupiah(int(value))
    if column.kind == "int":
        return f"{int(value):,}".replace(",", ".")
    if column.kind == "date":
        return format_date(value) if isinstance(value, date) else str(value)
    return str(value)


def coverage_table(uow: UnitOfWork, *, office: str | None = None) -> HubTable:
    rows = hr.hub_coverage(uow, office=office)
    cols = (Column("Provinsi", width=22), Column("Kabupaten/Kota", width=26),
            Column("Kantor", width=8), Column("Nama kantor", width=28),
            Column("Peserta", "int", 11), Column("Aktif", "int", 11))
    cells = tuple((f"{r.province_code} {r.province_name}", f"{r.regency_code} {r.regency_name}",
                   r.office, r.office_name, r.participants, r.active) for r in rows)
    total = ("Jumlah", "", "", f"{len({r.office for r in rows})} kantor",
             sum(r.participants for r in rows), sum(r.active for r in rows))
    return HubTable("coverage", TITLES["coverage"], _offices_note(rows), cols, cells, total,
                    tuple(rows))


def claims_table(uow: UnitOfWork, *, year: int | None = None) -> HubTable:
    rows = hr.hub_claims(uow, year=year)
    cols = (Column("Kantor", width=8), Column("Nama kantor", width=28),
            Column("Program", width=10), Column("Klaim", "int", 9), Column("Diproses", "int", 9),
            Column("Dibayar", "int", 9), Column("Ditolak", "int", 9),
            Column("Manfaat dibayar", "money", 20))
    cells = tuple((r.office, r.office_name, r.program, r.claims, r.open, r.paid, r.rejected,
                   r.paid_amount) for r in rows)
    total = ("Jumlah", f"{len({r.office for r in rows})} kantor", "",
             *(sum(r[i] for r in cells) for i in range(3, 8)))
    subtitle = f"Klaim diajukan tahun {year}" if year else "Semua klaim"
    return HubTable("claims", TITLES["claims"], subtitle, cols, cells, total, tuple(rows))


def agreements_table(uow: UnitOfWork, *, as_of: date, within_days: int = 90,
                     due_only: bool = False) -> HubTable:
    rows = hr.hub_agreements(uow, as_of=as_of, within_days=within_days, due_only=due_only)
    cols = (Column("Kantor", width=8), Column("Nomor", width=24), Column("Mitra", width=30),
            Column("Mulai", "date", 16), Column("Berakhir", "date", 16),
            Column("Status", width=13), Column("Pekerja", "int", 10),
            Column("Anggaran", "money", 20), Column("Perpanjangan", width=22))
    cells = tuple((r.office, r.number, r.partner_name, r.start_date, r.end_date,
                   STATUS.get(r.status, r.status), r.workers, r.budget, _renewal(r))
                  for r in rows)
    total = ("Jumlah", f"{len(rows)} perjanjian", "", "", "", "",
             sum(r.workers for r in rows), sum(r.budget for r in rows),
             f"{sum(r.renewal_due for r in rows)} perlu diperpanjang")
    subtitle = (f"Per {format_date(as_of)}; perlu diperpanjang = aktif dan berakhir dalam "
                f"{within_days} hari")
    return HubTable("agreements", TITLES["agreements"], subtitle, cols, cells, total,
                    tuple(rows))


def _renewal(r: hr.HubAgreementRow) -> str:
    if not r.renewal_due:
        return ""
    if r.days_left < 0:
        return f"LEWAT {-r.days_left} hari"
    return f"PERLU, {r.days_left} hari lagi"


def _offices_note(rows: list[hr.HubCoverageRow]) -> str:
    offices = sorted({r.office for r in rows})
    return "Kantor: " + (", ".join(offices) if offices else "(belum ada data)")


def table(uow: UnitOfWork, kind: str, *, as_of: date, year: int | None = None,
          within_days: int = 90) -> HubTable:
    if kind == "coverage":
        return coverage_table(uow)
    if kind == "claims":
        return claims_table(uow, year=year)
    if kind == "agreements":
        return agreements_table(uow, as_of=as_of, within_days=within_days)
    raise ValueError(kind)


def export_xlsx(t: HubTable, path: Path) -> Path:
    from branch_desk.spreadsheets.hub_reports import write_hub_xlsx

    return write_hub_xlsx(Path(path), t)


def export_pdf(uow: UnitOfWork, t: HubTable, path: Path) -> Path:
    from branch_desk.documents.base import Letterhead
    from branch_desk.documents.hub_report import write_hub_pdf
    office = office_row(uow)
    head = Letterhead(office.letterhead, office.address, office.code)
    return write_hub_pdf(Path(path), t, head)
