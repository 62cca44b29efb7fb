"""What one participant owes per month, from the effective-dated rate tables in `domain.rates`."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy.orm import object_session

from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.domain.coverage import add_months
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.programs import FundingSource, Industry, Program, Segment
from branch_desk.domain.rates import (
    ContributionInput,
    condition_facts,
    conditions_in_force,
    monthly_contribution,
)
from branch_desk.domain.registration import ordered_programs


def participant_programs(participant: Participant) -> tuple[str, ...]:
    """Programmes a participant pays for, in the usual order (JKP is never billed)."""
    chosen = set(participant.programs.split()) or {"JKK", "JKM"}
    return ordered_programs(chosen - {"JKP"})


class AmountKey(NamedTuple):
    """What decides a participant's monthly amount besides the month: the participant's
    segment, programmes, income, funding and occupation, and for a PU worker of an employer
    partner that employer's industry and number of workers (PP 7/2025)."""

    segment: str
    programs: tuple[str, ...]
    income: int
    funding: str
    occupation: str
    industry: str = ""
    workers: int | None = None
    enrolled: date | None = None  # with `gap`: a discount condition is checked (PP 49/2020)
    gap: date | None = None


_REFUSED = "Tanpa keringanan"  # how `domain.rates` opens the reason a discount is refused


@lru_cache(maxsize=4096)
def _billed(key: AmountKey, month: date) -> tuple[int, int, tuple[str, ...]]:
    # The few distinct (segment, income, month) keys of a Pemda list make this cache hit
    # almost always: a 25.000-worker bill computes a handful of breakdowns, not 300.000.
    breakdown = monthly_contribution(ContributionInput(
        segment=Segment(key.segment), programs=frozenset(Program(p) for p in key.programs),
        wage_or_income=key.income, month=month, funding=FundingSource(key.funding),
        occupation=key.occupation or None,
        employer_industry=Industry(key.industry) if key.industry else None,
        employer_workers=key.workers, enrolled_from=key.enrolled, first_gap=key.gap))
    refused = tuple(dict.fromkeys(line.note[line.note.index(_REFUSED):]
                                  for line in breakdown.lines if _REFUSED in line.note))
    return breakdown.billed, breakdown.discount_total, refused


def employer_terms(partner: Partner | None) -> tuple[str, int | None]:
    """The industry and number of workers of an employer partner, as far as recorded; ("",
    None) for any other partner."""
    if partner is None or partner.deleted or partner.kind != "employer":
        return "", None
    industry = partner.industry if partner.industry in {i.value for i in Industry} else ""
    return industry, partner.workers


def _employer(participant: Participant) -> tuple[str, int | None]:
    partner_id = getattr(participant, "partner_id", None)
    if participant.segment != Segment.PU.value or not partner_id:
        return "", None
    session = object_session(participant)
    return employer_terms(session.get(Partner, partner_id) if session is not None else None)


def amount_key(participant: Participant,
               employer: tuple[str, int | None] | None = None, *,
               paid: Collection[date] | None = None, first_month: date | None = None
               ) -> AmountKey:
    """What decides a participant's monthly amount, besides the month (for fast loops).
    `employer`: the `employer_terms` of the participant's partner when the caller has it
    (a bill's rows are not ORM objects); else read from the participant's partner. With
    `paid` (months paid, or paid together) and `first_month` (the first month being paid), the
    discount conditions (PP 49/2020 Pasal 13, PP 7/2025 Pasal 6 ayat (2)) are checked."""
    if participant.segment in ("JAKON", "PMI"):
        raise ValidationError(
            f"Iuran segmen {Segment(participant.segment).label} tidak dibayar per bulan di "
            "menu ini.", field="segment")
    try:
        funding = FundingSource(participant.funding_source or "MANDIRI").value
    except ValueError:
        funding = FundingSource.MANDIRI.value
    if participant.segment != Segment.PU.value:
        employer = ("", None)
    elif employer is None:
        employer = _employer(participant)
    enrolled, gap = (condition_facts(participant.tmt, paid, first_month)
                     if paid is not None and first_month is not None else (None, None))
    return AmountKey(participant.segment, participant_programs(participant),
                     int(participant.income or 0), funding,
                     (participant.occupation or "").strip().lower(), *employer, enrolled, gap)


def amount_for_key(key: AmountKey, month: date) -> int:
    """`monthly_amount` for a key from `amount_key` (cached)."""
    return _billed(key, month.replace(day=1))[0]


def monthly_amount(participant: Participant, month: date,
                   programs: tuple[str, ...] | None = None) -> int:
    """The contribution the branch collects for `participant` for `month` (first day)."""
    key = amount_key(participant)
    if programs:
        key = key._replace(programs=programs)
    return amount_for_key(key, month)


def monthly_discount(participant: Participant, month: date) -> int:
    """The discount (PP 50/2025, PP 7/2025, PP 49/2020) inside `monthly_amount`."""
    return _billed(amount_key(participant), month.replace(day=1))[1]


def amounts_for(participant: Participant, first_month: date, months: int,
                paid: Collection[date] | None = None) -> list[int]:
    """Amount of each of `months` consecutive months from `first_month`; with `paid` (the
    months already paid) the discount conditions are checked."""
    first = first_month.replace(day=1)
    if paid is not None and not conditions_in_force(first, add_months(first, months - 1)):
        paid = None  # no conditional discount in these months: the history is not needed
    key = amount_key(participant, paid=paid, first_month=first)
    return [amount_for_key(key, add_months(first, i)) for i in range(months)]


def discount_refusals(participant: Participant, first_month: date, months: int,
                      paid: Collection[date]) -> tuple[str, ...]:
    """Why a discount that would fit some of these months is not granted (Indonesian, one
    sentence per reason), as `amounts_for` with `paid` priced them."""
    first = first_month.replace(day=1)
    if not conditions_in_force(first, add_months(first, months - 1)):
        return ()
    key = amount_key(participant, paid=paid, first_month=first)
    found = (_billed(key, add_months(first, i))[2] for i in range(months))
    return tuple(dict.fromkeys(note for notes in found for note in notes))
