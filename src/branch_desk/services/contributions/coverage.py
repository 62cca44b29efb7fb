"""Coverage status per participant and programme, and the derived coverage spells.

Paid months come from the ledger: payments (`bayar`) that no correction (`koreksi`)
cancels. The status rule itself is `domain.coverage`. `rebuild_spells` keeps the
dashboard index (`coverage_spells`) equal to the ledger; services call it in the same
transaction as every ledger change, and the sync service after an import for the
participants whose entries it applied. The dashboard figures are `coverage_figures`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, delete, exists, insert, select
from sqlalchemy.orm import Session, aliased

from branch_desk.db.models.contributions import ContributionEntry, CoverageSpell, spell_attributes
from branch_desk.db.models.participants import Enrolment, Participant
from branch_desk.domain.coverage import (
    LAPSE_AFTER_UNPAID,
    CoverageStatus,
    coverage_status,
    month_start,
    months_apart,
)
from branch_desk.services.uow import UnitOfWork

CHUNK = 500
PROGRAMS = ("JKK", "JKM", "JHT", "JP", "JKP")


@lru_cache(maxsize=8192)
def months_from(first: date, count: int) -> tuple[date, ...]:
    """First days of `count` consecutive months from the month of `first` (cached: the
    ledger repeats the same few periods thousands of times)."""
    index = first.year * 12 + first.month - 1
    return tuple(date((index + i) // 12, (index + i) % 12 + 1, 1) for i in range(count))


def months_between(first: date, last: date) -> tuple[date, ...]:
    """Months from `first` to `last`, both included (empty if `last` is earlier)."""
    count = months_apart(first, last) + 1
    return months_from(first.replace(day=1), max(count, 0))


def _chunks(ids: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def live_payments() -> Any:
    """Condition: an entry is a payment no correction has cancelled."""
    reversal = aliased(ContributionEntry)
    return and_(ContributionEntry.kind == "bayar", ContributionEntry.deleted.is_(False),
                ~exists().where(reversal.reverses_id == ContributionEntry.id,
                                reversal.deleted.is_(False)))


def _paid_by_participant(session: Session, ids: Sequence[str],
                         program: str | None = None) -> dict[str, set[date]]:
    paid: dict[str, set[date]] = defaultdict(set)
    for chunk in _chunks(list(ids)):
        rows = session.execute(select(
            ContributionEntry.participant_id, ContributionEntry.first_month,
            ContributionEntry.months, ContributionEntry.programs,
        ).where(ContributionEntry.participant_id.in_(chunk), live_payments()))
        for pid, first, months, programs in rows:
            if program is not None and program not in programs.split(","):
                continue
            paid[pid].update(months_from(first, months))
    return paid


def paid_months(uow: UnitOfWork, *, participant_id: str, program: str) -> set[date]:
    """First days of the months paid for `participant_id` in `program` (corrections applied)."""
    uow.reader()
    return _paid_by_participant(uow.session, [participant_id], program).get(participant_id,
                                                                             set())


def _enrolments(session: Session, ids: Sequence[str]) -> dict[str, dict[str, list[Enrolment]]]:
    found: dict[str, dict[str, list[Enrolment]]] = defaultdict(lambda: defaultdict(list))
    for chunk in _chunks(list(ids)):
        for e in session.scalars(select(Enrolment).where(
                Enrolment.participant_id.in_(chunk), Enrolment.deleted.is_(False))):
            found[e.participant_id][e.program].append(e)
    return found


def _program_status(participant: Participant, program: str, enrolments: list[Enrolment],
                    paid: set[date], on: date) -> CoverageStatus:
    if enrolments:
        start = min(e.start_date for e in enrolments)
        ended = all(e.end_date is not None and e.end_date < on for e in enrolments)
        if ended and on >= start:
            return CoverageStatus.NONAKTIF
    elif program in participant.programs.split():
        start = participant.tmt
    else:
        return CoverageStatus.BELUM_TERDAFTAR
    return coverage_status(enrolled_from=start, paid_months=paid, on=on)


def coverage_for(uow: UnitOfWork, *, participant_ids: Sequence[str],
                 on: date) -> dict[str, dict[str, CoverageStatus]]:
    """For each participant, the status of every programme on `on` (DOMAIN §5)."""
    uow.reader()
    session = uow.session
    ids = list(dict.fromkeys(participant_ids))
    participants: dict[str, Participant] = {}
    for chunk in _chunks(ids):
        participants.update((p.id, p) for p in session.scalars(
            select(Participant).where(Participant.id.in_(chunk))))
    enrolments = _enrolments(session, ids)
    paid: dict[str, dict[str, set[date]]] = defaultdict(lambda: defaultdict(set))
    for chunk in _chunks(ids):
        for pid, first, months, programs in session.execute(select(
                ContributionEntry.participant_id, ContributionEntry.first_month,
                ContributionEntry.months, ContributionEntry.programs).where(
                ContributionEntry.participant_id.in_(chunk), live_payments())):
            covered = set(months_from(first, months))
            for program in programs.split(","):
                paid[pid][program] |= covered
    result: dict[str, dict[str, CoverageStatus]] = {}
    for pid in ids:
        participant = participants.get(pid)
        if participant is None or participant.deleted:
            result[pid] = {p: CoverageStatus.BELUM_TERDAFTAR for p in PROGRAMS}
            continue
        result[pid] = {p: _program_status(participant, p, enrolments[pid][p], paid[pid][p], on)
                       for p in PROGRAMS}
    return result


def spells_of(months: Iterable[date], lapse_after: int = LAPSE_AFTER_UNPAID
              ) -> list[tuple[date, date, date]]:
    """(start, last paid, end of grace) of each unbroken protection run of `months`.

    Paid months less than `lapse_after` months apart belong to one run; a run protects
    until `lapse_after - 1` months after its last paid month (the grace months)."""
    ordinals = sorted({m.year * 12 + m.month - 1 for m in months})
    as_date = lambda i: date(i // 12, i % 12 + 1, 1)  # noqa: E731
    runs: list[tuple[date, date, date]] = []
    start = last = -1
    for month in ordinals:
        if start >= 0 and month <= last + lapse_after:
            last = month
            continue
        if start >= 0:
            runs.append((as_date(start), as_date(last), as_date(last + lapse_after - 1)))
        start = last = month
    if start >= 0:
        runs.append((as_date(start), as_date(last), as_date(last + lapse_after - 1)))
    return runs


def rebuild_spells(uow: UnitOfWork, *, participant_ids: Iterable[str],
                   progress: Callable[[int, int, str], None] | None = None) -> int:
    """Recompute the coverage spells of these participants from the ledger; returns the
    number of spells written. Runs in the caller's transaction."""
    session = uow.session
    ids = list(dict.fromkeys(participant_ids))
    written = 0
    for done, chunk in enumerate(_chunks(ids, 2000)):
        people = {p.id: p for p in session.execute(select(
            Participant.id, Participant.tmt, Participant.village_code, Participant.segment,
            Participant.partner_id, Participant.deleted, Participant.status)
            .where(Participant.id.in_(chunk)))}
        paid = _paid_by_participant(session, chunk)
        session.execute(delete(CoverageSpell).where(CoverageSpell.participant_id.in_(chunk)))
        rows: list[dict[str, Any]] = []
        for pid in chunk:
            person = people.get(pid)
            if person is None:
                continue
            tmt = month_start(person.tmt)
            attrs = spell_attributes(person)
            for start, last, end in spells_of(m for m in paid.get(pid, ()) if m >= tmt):
                rows.append({"participant_id": pid, "start_month": start, "last_paid": last,
                             "end_month": end, **attrs})
        if rows:
            session.execute(insert(CoverageSpell), rows)
            written += len(rows)
        if progress is not None:
            progress(min((done + 1) * 2000, len(ids)), len(ids), "Memperbarui cakupan")
    return written
