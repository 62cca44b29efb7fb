"""Payment schedules of informal workers and the officer's due and arrears list.

A schedule applies to BPU participants paying themselves (mandiri) in a region (village
code prefix), optionally only to one occupation (petani, nelayan): monthly, or in given
months after the harvest or the catch. Without a matching schedule a participant pays
monthly. The rules (`next_due`, `is_in_arrears`) are `domain.coverage`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from branch_desk.db.models.contributions import CoverageSpell, PaymentScheduleRow
from branch_desk.db.models.participants import Participant
from branch_desk.domain import regions
from branch_desk.domain.coverage import (
    MONTHLY,
    PaymentSchedule,
    add_months,
    is_in_arrears,
    month_start,
    next_due,
)
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.services.uow import UnitOfWork


@dataclass(frozen=True)
class ScheduleRow:
    id: str
    name: str
    kind: str
    due_months: tuple[int, ...]
    months_per_payment: int
    due_day: int
    region_code: str
    occupation: str


@dataclass(frozen=True)
class DueRow:
    """A participant who should pay now: `arrears` months unpaid up to this month."""

    participant_id: str
    kpj: str
    name: str
    village_code: str
    schedule: str
    paid_through: date | None
    due_on: date
    arrears: int
    in_arrears: bool


def _row(s: PaymentScheduleRow) -> ScheduleRow:
    months = tuple(int(m) for m in s.due_months.split(",") if m)
    return ScheduleRow(s.id, s.name, s.kind, months, s.months_per_payment, s.due_day,
                       s.region_code, s.occupation)


def add_schedule(uow: UnitOfWork, *, name: str, kind: str, due_months: tuple[int, ...],
                 months_per_payment: int = 1, due_day: int = 15, region_code: str = "",
                 occupation: str = "") -> ScheduleRow:
    """Add a schedule (validated by the domain's PaymentSchedule)."""
    uow.actor_required.require(Permission.MANAGE_BILLS)
    if not name.strip():
        raise ValidationError("Nama jadwal wajib diisi.", field="name")
    rule = PaymentSchedule(kind, frozenset(due_months), months_per_payment, due_day)  # type: ignore[arg-type]
    code = regions.normalise_code(region_code) if region_code.strip() else ""
    if code and regions.region(code) is None:
        raise ValidationError(f"Kode wilayah '{region_code}' tidak dikenal.",
                              field="region_code")
    row = PaymentScheduleRow(name=name.strip()[:120], kind=kind,
                             due_months=",".join(str(m) for m in sorted(rule.due_months)),
                             months_per_payment=months_per_payment, due_day=due_day,
                             region_code=code, occupation=occupation.strip().lower()[:100])
    uow.session.add(row)
    uow.flush()
    return _row(row)


def list_schedules(uow: UnitOfWork) -> list[ScheduleRow]:
    uow.reader()
    return [_row(s) for s in uow.session.scalars(select(PaymentScheduleRow).where(
        PaymentScheduleRow.deleted.is_(False)).order_by(PaymentScheduleRow.name))]


def _schedule_for(schedules: list[ScheduleRow], person: Participant) -> tuple[str, PaymentSchedule]:
    best: tuple[int, ScheduleRow] | None = None
    for s in schedules:
        if s.region_code and not (person.village_code + ".").startswith(s.region_code + "."):
            continue
        if s.occupation and s.occupation != (person.occupation or "").strip().lower():
            continue
        score = len(s.region_code) + (100 if s.occupation else 0)
        if best is None or score > best[0]:
            best = (score, s)
    if best is None:
        return "Bulanan", MONTHLY
    s = best[1]
    return s.name, PaymentSchedule(s.kind, frozenset(s.due_months),  # type: ignore[arg-type]
                                   s.months_per_payment, s.due_day)


def due_list(uow: UnitOfWork, *, today: date, region: str | None = None,
             only_arrears: bool = False, limit: int = 500) -> list[DueRow]:
    """Mandiri BPU participants whose next payment is due by the end of this month or
    overdue, most months unpaid first."""
    uow.reader()
    schedules = list_schedules(uow)
    last_paid = (select(CoverageSpell.participant_id,
                        func.max(CoverageSpell.last_paid).label("last"))
                 .group_by(CoverageSpell.participant_id).subquery())
    stmt = (select(Participant, last_paid.c.last)
            .outerjoin(last_paid, last_paid.c.participant_id == Participant.id)
            .where(Participant.deleted.is_(False), Participant.status == "aktif",
                   Participant.segment == "BPU", Participant.funding_source == "MANDIRI")
            .order_by(last_paid.c.last.is_not(None), last_paid.c.last, Participant.name_search))
    if region:
        code = regions.normalise_code(region)
        stmt = stmt.where(Participant.village_code >= code, Participant.village_code < code + "/")
    this_month = month_start(today)
    rows: list[DueRow] = []
    for person, last in uow.session.execute(stmt.limit(limit * 4)):
        if isinstance(last, str):
            last = date.fromisoformat(last)
        if last is not None and last >= this_month:
            continue  # paid for this month (or ahead)
        name, rule = _schedule_for(schedules, person)
        start = add_months(last, 1) if last else month_start(person.tmt)
        due = next_due(rule, add_months(start, -1), today)
        arrears = max(0, (this_month.year - start.year) * 12 + this_month.month - start.month)
        late = is_in_arrears(rule, add_months(start, -1), today)
        if only_arrears and not late:
            continue
        rows.append(DueRow(person.id, person.kpj, person.name, person.village_code, name,
                           last, due, arrears, late))
        if len(rows) >= limit:
            break
    rows.sort(key=lambda r: (-r.arrears, r.name))
    return rows
