"""What one participant owes per month, from the effective-dated rate tables in `domain.rates`."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from branch_desk.db.models.participants import Participant
from branch_desk.domain.coverage import add_months
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.programs import FundingSource, Program, Segment
from branch_desk.domain.rates import ContributionInput, monthly_contribution
from branch_desk.domain.registration import ordered_programs


def participant_programs(participant: Participant) -> tuple[str, ...]:
    """Programmes a participant pays for, in the usual order (JKP is never billed)."""
    chosen = set(participant.programs.split()) or {"JKK", "JKM"}
    return ordered_programs(chosen - {"JKP"})


@lru_cache(maxsize=4096)
def _billed(segment: str, programs: tuple[str, ...], income: int, month: date, funding: str,
            occupation: str) -> tuple[int, int]:
    # The few distinct (segment, income, month) keys of a Pemda list make this cache hit
    # almost always: a 25.000-worker bill computes a handful of breakdowns, not 300.000.
    breakdown = monthly_contribution(ContributionInput(
        segment=Segment(segment), programs=frozenset(Program(p) for p in programs),
        wage_or_income=income, month=month, funding=FundingSource(funding),
        occupation=occupation or None))
    return breakdown.billed, breakdown.discount_total


def _amount(segment: str, programs: tuple[str, ...], income: int, month: date, funding: str,
            occupation: str) -> int:
    return _billed(segment, programs, income, month, funding, occupation)[0]


def monthly_amount(participant: Participant, month: date,
                   programs: tuple[str, ...] | None = None) -> int:
    """The contribution the branch collects for `participant` for `month` (first day)."""
    segment = participant.segment
    if segment in ("JAKON", "PMI"):
        raise ValidationError(
            f"Iuran segmen {Segment(segment).label} tidak dibayar per bulan di menu ini.",
            field="segment")
    try:
        funding = FundingSource(participant.funding_source or "MANDIRI").value
    except ValueError:
        funding = FundingSource.MANDIRI.value
    return _amount(segment, programs or participant_programs(participant),
                   int(participant.income or 0), month.replace(day=1), funding,
                   (participant.occupation or "").strip().lower())


def amount_key(participant: Participant) -> tuple[str, tuple[str, ...], int, str, str]:
    """What decides a participant's monthly amount, besides the month (for fast loops)."""
    if participant.segment in ("JAKON", "PMI"):
        monthly_amount(participant, date(2025, 1, 1))  # raises the Indonesian message
    try:
        funding = FundingSource(participant.funding_source or "MANDIRI").value
    except ValueError:
        funding = FundingSource.MANDIRI.value
    return (participant.segment, participant_programs(participant),
            int(participant.income or 0), funding,
            (participant.occupation or "").strip().lower())


def amount_for_key(key: tuple[str, tuple[str, ...], int, str, str], month: date) -> int:
    """`monthly_amount` for a key from `amount_key` (cached)."""
    segment, programs, income, funding, occupation = key
    return _amount(segment, programs, income, month, funding, occupation)


def monthly_discount(participant: Participant, month: date) -> int:
    """The discount (PP 50/2025, PP 49/2020) inside `monthly_amount` for `month`."""
    segment, programs, income, funding, occupation = amount_key(participant)
    return _billed(segment, programs, income, month.replace(day=1), funding, occupation)[1]


def amounts_for(participant: Participant, first_month: date, months: int) -> list[int]:
    """Amount of each of `months` consecutive months from `first_month`."""
    return [monthly_amount(participant, add_months(first_month.replace(day=1), i))
            for i in range(months)]
