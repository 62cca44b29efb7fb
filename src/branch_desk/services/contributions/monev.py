"""The Monev Inpres 2/2021 report of a regency, as PDF and xlsx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from branch_desk.db.models.contributions import Bill
from branch_desk.db.models.partners import Partner
from branch_desk.domain import regions
from branch_desk.domain.coverage import add_months
from branch_desk.domain.errors import ValidationError
from branch_desk.services.admin.offices import office_row
from branch_desk.services.contributions.coverage_figures import CoverageSummary, coverage_summary
from branch_desk.services.uow import UnitOfWork


def _regency(uow: UnitOfWork, region: str | None) -> str:
    code = region or office_row(uow).region_code
    found = regions.regency_of(code) if code else None
    if found is None:
        raise ValidationError("Laporan Monev dibuat per kabupaten/kota: sebutkan kode "
                              "wilayahnya (mis. 73.09).", field="region")
    return found.code


def monev_bills(uow: UnitOfWork, regency: str, year: int) -> list[tuple[str, str, int, int, str]]:
    """Bills to partners of the regency (APBD funding) whose period touches `year`."""
    uow.reader()
    rows = uow.session.execute(select(Bill.number, Partner.name, Bill.workers, Bill.total,
                                      Bill.status, Bill.first_month, Bill.months)
                               .join(Partner, Partner.id == Bill.partner_id)
                               .where(Partner.region_code.startswith(regency),
                                      Bill.first_month <= date(year, 12, 31),
                                      Bill.status != "batal", Bill.deleted.is_(False))
                               .order_by(Bill.number))
    return [(n, p, w, t, st) for n, p, w, t, st, first, months in rows
            if add_months(first, months - 1).year >= year]


def write_monev(uow: UnitOfWork, *, as_of: date, region: str | None, pdf: Path,
                xlsx: Path | None = None) -> CoverageSummary:
    """Write the Monev report of the regency of `region` (default: the office's)."""
    uow.reader()
    from branch_desk.documents.monev import MonevData, write_monev_pdf
    from branch_desk.spreadsheets.coverage_xlsx import write_monev_xlsx

    regency = _regency(uow, region)
    summary = coverage_summary(uow, as_of=as_of, region=regency)
    bills = monev_bills(uow, regency, as_of.year)
    office = office_row(uow)
    write_monev_pdf(pdf, MonevData(office.letterhead or office.name, office.address,
                                   office.code, office.head_name, office.head_title, summary,
                                   bills, as_of))
    if xlsx is not None:
        write_monev_xlsx(xlsx, summary, bills=[list(b) for b in bills])
    return summary
