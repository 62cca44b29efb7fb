"""Figures for the Beranda page, computed in SQL from the live database."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner


@dataclass(frozen=True)
class DashboardFigures:
    """What the dashboard shows; `None` where the area is not available."""

    as_of: date
    participants: int
    participants_active: int
    partners: int
    coverage_active: int | None
    claims_pending: int | None
    claims_paid_this_year: int | None
    benefits_paid_this_year: int | None


def _optional(module: str, name: str) -> object | None:
    try:
        return getattr(importlib.import_module(module), name, None)
    except ModuleNotFoundError:
        return None


def dashboard_figures(session: Session, *, as_of: date) -> DashboardFigures:
    live = Participant.deleted.is_(False)
    participants = session.scalar(select(func.count()).select_from(Participant).where(live)) or 0
    active = session.scalar(select(func.count()).select_from(Participant).where(
        live, Participant.status == "aktif")) or 0
    partners = session.scalar(select(func.count()).select_from(Partner).where(
        Partner.deleted.is_(False))) or 0
    coverage_active = None
    summary_fn = _optional("branch_desk.services.coverage", "coverage_summary")
    if callable(summary_fn):
        coverage_active = getattr(summary_fn(session, as_of=as_of), "covered", None)
    pending = paid = paid_amount = None
    claims_fn = _optional("branch_desk.services.claims_queries", "claims_dashboard")
    if callable(claims_fn):
        pending, paid, paid_amount = claims_fn(session, year=as_of.year)
    return DashboardFigures(as_of, participants, active, partners, coverage_active, pending,
                            paid, paid_amount)
