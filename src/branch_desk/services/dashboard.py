"""Figures for the Beranda page, computed in SQL from the live database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.domain.claim_workflow import ClaimStatus
from branch_desk.domain.permissions import Permission
from branch_desk.services.claims.queries import ClaimListRow, claims_dashboard, list_claims
from branch_desk.services.contributions.coverage_figures import AreaFigure, coverage_summary
from branch_desk.services.uow import UnitOfWork


@dataclass(frozen=True)
class DashboardFigures:
    """What the Beranda page shows."""

    as_of: date
    participants: int
    covered: int
    target: int | None
    percentage: Decimal | None  # covered of target; None without a target
    partners: int
    claims_pending: int
    claims_paid_this_year: int
    benefits_paid_this_year: int
    regions: tuple[AreaFigure, ...]
    claims_waiting: tuple[ClaimListRow, ...] = ()  # for a kepala: to verify or to approve


def dashboard_figures(uow: UnitOfWork, *, as_of: date) -> DashboardFigures:
    """The Beranda figures on `as_of`."""
    uow.reader()
    session = uow.session
    coverage = coverage_summary(uow, as_of=as_of)
    participants = session.scalar(select(func.count()).select_from(Participant).where(
        Participant.deleted.is_(False))) or 0
    partners = session.scalar(select(func.count()).select_from(Partner).where(
        Partner.deleted.is_(False))) or 0
    pending, paid, paid_amount = claims_dashboard(uow, year=as_of.year)
    return DashboardFigures(as_of, participants, coverage.covered,
                            coverage.target, coverage.percentage, partners, pending, paid,
                            paid_amount, coverage.areas, claims_waiting(uow))


WAITING_LIMIT = 50


def claims_waiting(uow: UnitOfWork) -> tuple[ClaimListRow, ...]:
    """The claims waiting for a kepala's step — submitted ones to verify, verified ones to
    approve — oldest first; empty for a user who approves no claims."""
    uow.reader()
    actor = uow.actor
    if actor is None or not actor.can(Permission.APPROVE_CLAIMS):
        return ()
    rows = [row for status in (ClaimStatus.DIVERIFIKASI, ClaimStatus.DIAJUKAN)
            for row in list_claims(uow, status=status, limit=WAITING_LIMIT)]
    rows.sort(key=lambda row: (row.filed_on, row.number))
    return tuple(rows[:WAITING_LIMIT])
