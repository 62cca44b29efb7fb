"""Coverage figures per region, segment and partner, and the monthly trend — in SQL.

Every figure is an aggregate over `coverage_spells`: a participant is covered in month M
when one of their spells has start_month ≤ M ≤ end_month. Spells of one participant never
overlap, so a plain count is a count of people. The covering indexes on the spells make
each query an index scan (see benchmarks/bench_coverage.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Date, func, literal, select, union_all
from sqlalchemy.orm import Session

from branch_desk.db.models.contributions import CoverageSpell, CoverageTarget
from branch_desk.db.models.partners import Partner
from branch_desk.domain import regions
from branch_desk.domain.coverage import add_months, coverage_percentage
from branch_desk.domain.programs import Segment
from branch_desk.services.uow import UnitOfWork
from branch_desk.spreadsheets import coverage_xlsx

_CHILD_LENGTH = {0: 5, 2: 5, 5: 8, 8: 13, 13: 13}


@dataclass(frozen=True)
class AreaFigure:
    """Covered workers of one region (or segment, or partner) against its target."""

    code: str
    name: str
    covered: int
    target: int | None = None
    percentage: Decimal | None = None


@dataclass(frozen=True)
class CoverageSummary:
    """Dashboard figures on `as_of` for `region_code` (None: the whole office)."""

    as_of: date
    region_code: str | None
    region_name: str
    covered: int
    target: int | None
    percentage: Decimal | None
    areas: tuple[AreaFigure, ...]
    segments: tuple[AreaFigure, ...]
    partners: tuple[AreaFigure, ...]
    trend: tuple[tuple[date, int], ...]


NO_PARTNER_CODE = "MANDIRI"
"""The code of the partner figure that counts the workers without a partner (self-funded);
a name the CLI's JSON and the xlsx carry."""

def _region(region: str | None) -> str | None:
    if region is None or not region.strip():
        return None
    return regions.normalise_code(region)


def _where(month: date, region: str | None) -> list[Any]:
    s = CoverageSpell
    conditions = [s.start_month <= month, s.end_month >= month, s.counted.is_(True)]
    if region:
        # Codes below `region` sort between "<region>." and "<region>/" ('/' follows '.').
        conditions += [s.village_code >= region + ".", s.village_code < region + "/"]
    return conditions


def _pct(covered: int, target: int | None) -> Decimal | None:
    return coverage_percentage(covered, target) if target else None


def _targets(session: Session, year: int) -> dict[str, int]:
    """Target workforce per region code for `year`."""
    return dict(session.execute(select(CoverageTarget.region_code, CoverageTarget.workers).where(
        CoverageTarget.year == year, CoverageTarget.deleted.is_(False))).all())


def target_for(by_code: dict[str, int], region: str | None) -> int | None:
    """The target of `region`: its own row, else the sum of the highest rows below it."""
    if region and region in by_code:
        return by_code[region]
    below = [c for c in by_code if region is None or c.startswith(region + ".")]
    if not below:
        return None
    top = min(len(c) for c in below)
    return sum(by_code[c] for c in below if len(c) == top)


def _name(code: str) -> str:
    found = regions.region(code) if code else None
    return found.name if found else (code or "(tanpa wilayah)")


def _trend(session: Session, *, as_of: date, region: str | None,
           months: int) -> tuple[tuple[date, int], ...]:
    """Covered participants in each of the `months` months ending with `as_of`'s month."""
    region = _region(region)
    last = as_of.replace(day=1)
    wanted = [add_months(last, -i) for i in range(months - 1, -1, -1)]
    s = CoverageSpell
    groups = select(s.start_month, s.end_month, func.count().label("c")).where(
        s.counted.is_(True), s.start_month <= last, s.end_month >= wanted[0],
        *(_where(last, region)[3:])).group_by(s.start_month, s.end_month).subquery()
    month_rows = union_all(*[select(literal(m, Date).label("month")) for m in wanted]).subquery()
    stmt = (select(month_rows.c.month, func.coalesce(func.sum(groups.c.c), 0))
            .select_from(month_rows)
            .outerjoin(groups, (groups.c.start_month <= month_rows.c.month)
                       & (groups.c.end_month >= month_rows.c.month))
            .group_by(month_rows.c.month).order_by(month_rows.c.month))
    found = {m if isinstance(m, date) else date.fromisoformat(str(m)): int(c)
             for m, c in session.execute(stmt)}
    return tuple((m, found.get(m, 0)) for m in wanted)


def coverage_summary(uow: UnitOfWork, *, as_of: date, region: str | None = None,
                     trend_months: int = 12) -> CoverageSummary:
    """Covered workers on `as_of` against the year's targets, broken down by the regions
    one level below `region`, by segment and by partner, with the monthly trend."""
    session = uow.session
    code = _region(region)
    month = as_of.replace(day=1)
    length = _CHILD_LENGTH[len(code) if code else 0]
    s = CoverageSpell
    area = func.substr(s.village_code, 1, length).label("area")
    grouped = (select(area, s.segment, s.partner_id, func.count().label("c"))
               .where(*_where(month, code)).group_by(area, s.segment, s.partner_id).cte("g"))
    stmt = union_all(
        select(literal("a"), grouped.c.area, func.sum(grouped.c.c)).group_by(grouped.c.area),
        select(literal("s"), grouped.c.segment, func.sum(grouped.c.c))
        .group_by(grouped.c.segment),
        select(literal("p"), grouped.c.partner_id, func.sum(grouped.c.c))
        .group_by(grouped.c.partner_id),
    )
    by_kind: dict[str, list[tuple[str | None, int]]] = {"a": [], "s": [], "p": []}
    for kind, key, count in session.execute(stmt):
        by_kind[kind].append((key, int(count)))
    covered = sum(c for _, c in by_kind["a"])
    goal = _targets(session, as_of.year)
    area_codes = {k for k, _ in by_kind["a"] if k} | {
        c for c in goal if len(c) == length and (code is None or c.startswith(code + "."))}
    area_counts = dict(by_kind["a"])
    areas = tuple(
        AreaFigure(c, _name(c), area_counts.get(c, 0), goal.get(c),
                   _pct(area_counts.get(c, 0), goal.get(c)))
        for c in sorted(area_codes))
    segments = tuple(AreaFigure(k or "", Segment(k).label if k in Segment._value2member_map_
                                else (k or ""), c) for k, c in sorted(by_kind["s"],
                                                                      key=lambda kc: kc[0] or ""))
    partner_names = dict(session.execute(select(Partner.id, Partner.code)).all())
    partner_full = dict(session.execute(select(Partner.id, Partner.name)).all())
    partners = tuple(sorted(
        (AreaFigure(partner_names.get(k, "") if k else NO_PARTNER_CODE,
                    partner_full.get(k, k) if k else "Mandiri / tanpa mitra", c)
         for k, c in by_kind["p"]), key=lambda f: -f.covered))
    target = target_for(goal, code)
    trend = _trend(session, as_of=as_of, region=code, months=trend_months) \
        if trend_months else ()
    return CoverageSummary(as_of, code, regions.full_name(code) if code else "Semua wilayah",
                           covered, target, _pct(covered, target), areas, segments, partners,
                           trend)


def write_coverage_xlsx(path: Path, summary: CoverageSummary) -> Path:
    """Save the coverage figures of `summary` as an xlsx workbook at `path`."""
    return coverage_xlsx.write_coverage_xlsx(path, summary)
