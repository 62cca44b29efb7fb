"""Claims recap: counts and totals per programme, regency and partner over a period.

The period is the intake date (`filed_on`); a claim's regency and partner are the ones
recorded at intake. Totals count the computed benefit of every claim that is not rejected;
`paid_total` only the claims marked paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select

from branch_desk.db.models.claims import Claim
from branch_desk.db.models.partners import Partner
from branch_desk.documents import claims_recap as recap_pdf
from branch_desk.domain import regions
from branch_desk.domain.claim_payment import payment_timing
from branch_desk.domain.errors import ValidationError
from branch_desk.services.claims.queries import files_complete_on
from branch_desk.services.partners.registry import partner_by_code
from branch_desk.services.uow import UnitOfWork
from branch_desk.spreadsheets import claims_recap as recap_sheet

CLAIM_TYPES = ("JKK", "JKM", "JHT", "JP", "JKP", "BEASISWA")


@dataclass(frozen=True)
class RecapFilter:
    """What the recap covers; `region` is a Kemendagri code prefix (e.g. 73.09)."""

    date_from: date
    date_to: date
    partner: str | None = None
    program: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class RecapLine:
    """Claims of one programme in one regency for one partner."""

    program: str
    regency_code: str
    regency_name: str
    partner_code: str
    partner_name: str
    count: int
    rejected: int
    paid_count: int
    total: int
    paid_total: int


@dataclass(frozen=True)
class ProgramTotal:
    program: str
    count: int
    rejected: int
    paid_count: int
    total: int
    paid_total: int


@dataclass(frozen=True)
class LatePayment:
    """A claim of the period that BPJS paid after its own deadline (`claim_payment`)."""

    number: str
    program: str
    complete_on: date
    due: date
    paid_on: date
    days_late: int
    compensation: int  # rupiah owed to the participant


@dataclass(frozen=True)
class ClaimsRecap:
    criteria: RecapFilter
    partner_name: str
    region_name: str
    lines: tuple[RecapLine, ...]
    programs: tuple[ProgramTotal, ...]
    late_payments: tuple[LatePayment, ...] = ()

    @property
    def late_compensation(self) -> int:
        return sum(p.compensation for p in self.late_payments)

    @property
    def count(self) -> int:
        return sum(p.count for p in self.programs)

    @property
    def total(self) -> int:
        return sum(p.total for p in self.programs)

    @property
    def paid_total(self) -> int:
        return sum(p.paid_total for p in self.programs)

    def as_json(self) -> dict[str, object]:
        """The `claims recap --json` document: `count` and `total` per programme."""
        f = self.criteria
        return {
            "from": f.date_from.isoformat(), "to": f.date_to.isoformat(),
            "partner": f.partner, "program": f.program, "region": f.region,
            "programs": {p.program: {"count": p.count, "total": p.total,
                                     "rejected": p.rejected, "paid_count": p.paid_count,
                                     "paid_total": p.paid_total} for p in self.programs},
            "count": self.count, "total": self.total, "paid_total": self.paid_total,
            "rows": [{"program": ln.program, "regency_code": ln.regency_code,
                      "regency": ln.regency_name, "partner": ln.partner_code,
                      "count": ln.count, "total": ln.total, "paid_count": ln.paid_count,
                      "paid_total": ln.paid_total, "rejected": ln.rejected}
                     for ln in self.lines],
            "late_payments": {
                "count": len(self.late_payments), "compensation": self.late_compensation,
                "claims": [{"number": p.number, "program": p.program,
                            "complete_on": p.complete_on.isoformat(),
                            "due": p.due.isoformat(), "paid_on": p.paid_on.isoformat(),
                            "days_late": p.days_late, "compensation": p.compensation}
                           for p in self.late_payments]},
        }


def claims_recap(uow: UnitOfWork, *, criteria: RecapFilter) -> ClaimsRecap:
    """Counts and totals of claims filed in the period, with the filters applied."""
    uow.reader()
    f = criteria
    if f.date_to < f.date_from:
        raise ValidationError("Tanggal akhir periode tidak boleh sebelum tanggal awal.",
                              field="date_to")
    program = f.program.strip().upper() if f.program else None
    if program is not None and program not in CLAIM_TYPES:
        raise ValidationError(f"Program '{f.program}' tidak dikenal; pilih salah satu: "
                              f"{', '.join(CLAIM_TYPES)}.", field="program")
    conditions = [Claim.deleted.is_(False), Claim.filed_on >= f.date_from,
                  Claim.filed_on <= f.date_to]
    partner_name = region_name = ""
    if f.partner:
        partner = partner_by_code(uow, f.partner)
        conditions.append(Claim.partner_id == partner.id)
        partner_name = partner.name
    if program:
        conditions.append(Claim.claim_type == program)
    if f.region:
        code = regions.normalise_code(f.region)
        found = regions.region(code)
        if found is None:
            raise ValidationError(f"Kode wilayah '{f.region}' tidak dikenal.", field="region")
        conditions.append(Claim.region_code.startswith(found.code))
        region_name = found.name
    live = Claim.status != "ditolak"
    regency = func.substr(Claim.region_code, 1, 5)
    stmt = (
        select(Claim.claim_type, regency, Partner.code, Partner.name,
               func.count(), func.sum(case((live, 0), else_=1)),
               func.sum(case((Claim.status == "dibayar", 1), else_=0)),
               func.coalesce(func.sum(case((live, Claim.total_amount), else_=0)), 0),
               func.coalesce(func.sum(case((Claim.status == "dibayar", Claim.total_amount),
                                           else_=0)), 0))
        .select_from(Claim).outerjoin(Partner, Partner.id == Claim.partner_id)
        .where(*conditions)
        .group_by(Claim.claim_type, regency, Partner.code, Partner.name)
    )
    lines = []
    for ctype, reg, pcode, pname, count, rejected, paid, total, paid_total in (
            uow.session.execute(stmt)):
        found = regions.region(reg) if reg else None
        lines.append(RecapLine(ctype, reg or "", found.name if found else "", pcode or "",
                               pname or "", int(count), int(rejected or 0), int(paid or 0),
                               int(total), int(paid_total)))
    order = {t: i for i, t in enumerate(CLAIM_TYPES)}
    lines.sort(key=lambda ln: (order.get(ln.program, 99), ln.regency_name, ln.partner_name))
    programs = []
    for ctype in CLAIM_TYPES:
        mine = [ln for ln in lines if ln.program == ctype]
        if mine or program == ctype:
            programs.append(ProgramTotal(
                ctype, sum(ln.count for ln in mine), sum(ln.rejected for ln in mine),
                sum(ln.paid_count for ln in mine), sum(ln.total for ln in mine),
                sum(ln.paid_total for ln in mine)))
    return ClaimsRecap(RecapFilter(f.date_from, f.date_to, f.partner, program, f.region),
                       partner_name, region_name, tuple(lines), tuple(programs),
                       _late_payments(uow, conditions))


def _late_payments(uow: UnitOfWork, conditions: list[Any]) -> tuple[LatePayment, ...]:
    """Paid claims of the recap whose complete file was paid after BPJS's deadline."""
    paid = list(uow.session.execute(select(
        Claim.id, Claim.number, Claim.claim_type, Claim.total_amount, Claim.paid_on)
        .where(*conditions, Claim.status == "dibayar").order_by(Claim.number)))
    complete = files_complete_on(uow, [r.id for r in paid])
    late = []
    for r in paid:
        timing = payment_timing(r.claim_type, r.total_amount, complete.get(r.id),
                                paid_on=r.paid_on, today=r.paid_on)
        if timing is not None and timing.late:
            late.append(LatePayment(r.number, r.claim_type, timing.complete_on, timing.due,
                                    r.paid_on, timing.days_late, timing.compensation))
    return tuple(late)


def write_recap_xlsx(path: Path, recap: ClaimsRecap) -> Path:
    """Save `recap` as an xlsx workbook at `path`; returns the path written."""
    return recap_sheet.write_recap_xlsx(path, recap)


def write_recap_pdf(path: Path, recap: ClaimsRecap, *, today: date) -> Path:
    """Save `recap` as a PDF dated `today` at `path`; returns the path written."""
    return recap_pdf.write_recap_pdf(path, recap, today=today)
