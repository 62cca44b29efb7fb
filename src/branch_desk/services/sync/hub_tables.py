"""The hub reports as tables of typed cells, and their xlsx and PDF files; shared by the CLI
and the Wilayah report tab. How the cells are shown is `domain.report_cells`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from branch_desk.domain.report_cells import Column, Count, HubTable
from branch_desk.services.admin.offices import office_row
from branch_desk.services.sync import hub_reports as hr
from branch_desk.services.uow import UnitOfWork


def coverage_table(uow: UnitOfWork, *, office: str | None = None) -> HubTable:
    """Participants per province, regency and branch office."""
    uow.reader()
    rows = hr.hub_coverage(uow, office=office)
    cols = (Column("province", "coded"), Column("regency", "coded"), Column("office"),
            Column("office_name"), Column("participants", "int"), Column("active", "int"))
    cells = tuple(((r.province_code, r.province_name), (r.regency_code, r.regency_name),
                   r.office, r.office_name, r.participants, r.active) for r in rows)
    offices = tuple(sorted({r.office for r in rows}))
    total = (None, None, None, Count(len(offices), "offices"),
             sum(r.participants for r in rows), sum(r.active for r in rows))
    return HubTable("coverage", cols, cells, total, tuple(rows), offices=offices)


def claims_table(uow: UnitOfWork, *, year: int | None = None) -> HubTable:
    """Claims and benefits paid per branch office and programme (of `year`, or all)."""
    uow.reader()
    rows = hr.hub_claims(uow, year=year)
    cols = (Column("office"), Column("office_name"), Column("program"),
            Column("claims", "int"), Column("open", "int"), Column("paid", "int"),
            Column("rejected", "int"), Column("paid_amount", "money"))
    cells = tuple((r.office, r.office_name, r.program, r.claims, r.open, r.paid, r.rejected,
                   r.paid_amount) for r in rows)
    total = (None, Count(len({r.office for r in rows}), "offices"), None,
             *(sum(r[i] for r in cells) for i in range(3, 8)))
    return HubTable("claims", cols, cells, total, tuple(rows), year=year)


def agreements_table(uow: UnitOfWork, *, as_of: date, within_days: int = 90,
                     due_only: bool = False) -> HubTable:
    """The region's agreements on `as_of`, with those to renew within `within_days`."""
    uow.reader()
    rows = hr.hub_agreements(uow, as_of=as_of, within_days=within_days, due_only=due_only)
    cols = (Column("office"), Column("number"), Column("partner_name"),
            Column("start_date", "date"), Column("end_date", "date"), Column("status", "status"),
            Column("workers", "int"), Column("budget", "money"), Column("renewal", "renewal"))
    cells = tuple((r.office, r.number, r.partner_name, r.start_date, r.end_date, r.status,
                   r.workers, r.budget, r.days_left if r.renewal_due else None) for r in rows)
    total = (None, Count(len(rows), "agreements"), None, None, None, None,
             sum(r.workers for r in rows), sum(r.budget for r in rows),
             Count(sum(r.renewal_due for r in rows), "renewals_due"))
    return HubTable("agreements", cols, cells, total, tuple(rows), as_of=as_of,
                    within_days=within_days)


def table(uow: UnitOfWork, kind: str, *, as_of: date, year: int | None = None,
          within_days: int = 90) -> HubTable:
    """The report `kind`: coverage, claims or agreements."""
    uow.reader()
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

    uow.reader()
    office = office_row(uow)
    head = Letterhead(office.letterhead, office.address, office.code)
    return write_hub_pdf(Path(path), t, head)
