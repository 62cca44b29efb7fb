"""Cross-branch reports of a regional hub: coverage, claims and agreements per branch.

A hub's database holds the rows of every branch it imported; each row keeps the office that
made it (`origin_office`), which is the "branch" of these reports. Engine-neutral SQL
(grouping on `substr` of the village code), so the same figures come from SQLite and
PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from branch_desk.db.models.agreements import Agreement
from branch_desk.db.models.claims import Claim
from branch_desk.db.models.core import Office
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.domain import regions
from branch_desk.domain.claim_workflow import ClaimStatus
from branch_desk.services.uow import UnitOfWork

# Claims still being processed (not paid, not refused).
_OPEN = ("draft", "diajukan", "diverifikasi", "disetujui")


@dataclass(frozen=True)
class HubCoverageRow:
    office: str
    office_name: str
    province_code: str
    province_name: str
    regency_code: str
    regency_name: str
    participants: int
    active: int


@dataclass(frozen=True)
class HubClaimsRow:
    office: str
    office_name: str
    program: str
    claims: int
    open: int
    paid: int
    rejected: int
    paid_amount: int  # rupiah


@dataclass(frozen=True)
class HubAgreementRow:
    office: str
    office_name: str
    number: str
    partner_code: str
    partner_name: str
    start_date: date
    end_date: date
    status: str
    workers: int
    budget: int
    days_left: int  # to end_date from `as_of`; negative once ended
    renewal_due: bool  # still running (aktif) and ending within the window


def _require(uow: UnitOfWork) -> None:
    """Any signed-in user of the hub may read these figures (no personal data in them)."""
    uow.actor_required  # noqa: B018 - raises without an acting user


def office_names(uow: UnitOfWork) -> dict[str, str]:
    return dict(uow.session.execute(select(Office.code, Office.name)).all())


def _name(code: str) -> str:
    found = regions.region(code) if code else None
    return found.name if found else "(tidak diketahui)"


def hub_coverage(uow: UnitOfWork, *, office: str | None = None) -> list[HubCoverageRow]:
    """Participants per branch (origin office), province and regency; `active` = aktif."""
    uow.reader()
    _require(uow)
    p = Participant.__table__.c
    regency = func.substr(p.village_code, 1, 5)
    stmt = (select(p.origin_office, regency, func.count(),
                   func.sum(case((p.status == "aktif", 1), else_=0)))
            .where(p.deleted.is_(False)).group_by(p.origin_office, regency))
    if office:
        stmt = stmt.where(p.origin_office == office.strip().upper())
    names = office_names(uow)
    rows = [HubCoverageRow(o, names.get(o, o), r[:2], _name(r[:2]), r, _name(r), int(n),
                           int(a or 0))
            for o, r, n, a in uow.session.execute(stmt)]
    return sorted(rows, key=lambda x: (x.province_code, x.regency_code, x.office))


def hub_claims(uow: UnitOfWork, *, year: int | None = None) -> list[HubClaimsRow]:
    """Claims per branch and programme: counts by state and benefits paid (rupiah);
    `year` limits to claims filed that year."""
    uow.reader()
    _require(uow)
    c = Claim.__table__.c
    paid = c.status == ClaimStatus.DIBAYAR.value
    stmt = (select(c.origin_office, c.claim_type, func.count(),
                   func.sum(case((c.status.in_(_OPEN), 1), else_=0)),
                   func.sum(case((paid, 1), else_=0)),
                   func.sum(case((c.status == ClaimStatus.DITOLAK.value, 1), else_=0)),
                   func.sum(case((paid, c.total_amount), else_=0)))
            .where(c.deleted.is_(False)).group_by(c.origin_office, c.claim_type))
    if year is not None:
        stmt = stmt.where(c.filed_on >= date(year, 1, 1), c.filed_on < date(year + 1, 1, 1))
    names = office_names(uow)
    rows = [HubClaimsRow(o, names.get(o, o), t, int(n), int(op or 0), int(pd or 0),
                         int(rj or 0), int(amount or 0))
            for o, t, n, op, pd, rj, amount in uow.session.execute(stmt)]
    return sorted(rows, key=lambda x: (x.office, x.program))


def hub_agreements(uow: UnitOfWork, *, as_of: date, within_days: int = 90,
                   due_only: bool = False) -> list[HubAgreementRow]:
    """Every agreement across the region, ordered by end date; `renewal_due` marks running
    ones that end within `within_days` of `as_of` (or have ended without a renewal)."""
    uow.reader()
    _require(uow)
    stmt = (select(Agreement, Partner.code, Partner.name)
            .join(Partner, Partner.id == Agreement.partner_id)
            .where(Agreement.deleted.is_(False))
            .order_by(Agreement.end_date, Agreement.number))
    names = office_names(uow)
    rows = []
    for a, code, name in uow.session.execute(stmt):
        left = (a.end_date - as_of).days
        due = a.status == "aktif" and left <= within_days
        if due_only and not due:
            continue
        rows.append(HubAgreementRow(a.origin_office, names.get(a.origin_office, a.origin_office),
                                    a.number, code, name, a.start_date, a.end_date, a.status,
                                    a.workers, a.budget, left, due))
    return rows


@dataclass(frozen=True)
class Totals:
    participants: int
    active: int
    claims: int
    paid_amount: int
    agreements: int
    renewals_due: int


def totals(coverage: list[HubCoverageRow], claims: list[HubClaimsRow],
           agreements: list[HubAgreementRow]) -> Totals:
    return Totals(sum(r.participants for r in coverage), sum(r.active for r in coverage),
                  sum(r.claims for r in claims), sum(r.paid_amount for r in claims),
                  len(agreements), sum(r.renewal_due for r in agreements))
