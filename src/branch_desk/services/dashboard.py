"""Figures for the Beranda page, computed in SQL from the live database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.services.claims.queries import claims_dashboard
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


def dashboard_figures(uow: UnitOfWork, *, as_of: date) -> DashboardFigures:
    """The Beranda figures on `as_of`."""
    session = uow.session
    coverage = coverage_summary(uow, as_of=as_of)
    participants = session.scalar(select(func.count()).select_from(Participant).where(
        Participant.deleted.is_(False))) or 0
    partners = session.scalar(select(func.count()).select_from(Partner).where(
        Partner.deleted.is_(False))) or 0
    pending, paid, paid_amount = claims_dashboard(uow, year=as_of.year)
    return DashboardFigures(as_of, participants, coverage.covered,
                            coverage.target, coverage.percentage, partners, pending, paid,
                            paid_amount, coverage.areas)
