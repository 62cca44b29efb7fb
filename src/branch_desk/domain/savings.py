"""JHT and JP figures estimated from the contributions recorded for one participant.

The ledger keeps each payment's total for all its programmes, not the share of each one, so
the share of `program` is rebuilt month by month with the rate tables (`rates`) and scaled to
the amount actually recorded. Returns (hasil pengembangan) are not known to a branch and are
not included; the JP wage is the reported wage base (capped), not indexed (index factors are
[U] in DOMAIN §3.5). The result is an estimate the officer checks against the official
balance, never a figure the program pays without review.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from branch_desk.domain.coverage import add_months, month_start
from branch_desk.domain.programs import FundingSource, Program, Segment
from branch_desk.domain.rates import (
    DEFAULT_DISCOUNTS,
    DEFAULT_RULES,
    ContributionInput,
    DiscountRule,
    RateRule,
    find_rate_rule,
    monthly_contribution,
    round_half_up,
)


@dataclass(frozen=True)
class PaidPeriod:
    """One recorded payment: `months` months from `first_month`, `amount` for all programmes."""

    first_month: date
    months: int
    programs: frozenset[Program]
    amount: int


@dataclass(frozen=True)
class SavingsEstimate:
    """A programme's share of the recorded contributions up to a date (returns excluded)."""

    program: Program
    months: int  # paid months counted
    contributions: int  # rupiah, the programme's share of the recorded payments
    average_annual_wage: int | None  # JP: mean monthly wage base × 12, not indexed


@dataclass(frozen=True)
class Earner:
    """What decides the participant's monthly contribution besides the month."""

    segment: Segment
    wage: int
    funding: FundingSource = FundingSource.MANDIRI
    occupation: str | None = None


def estimate_savings(
    periods: Iterable[PaidPeriod], *, program: Program, earner: Earner, as_of: date,
    rules: Sequence[RateRule] = DEFAULT_RULES,
    discounts: Sequence[DiscountRule] = DEFAULT_DISCOUNTS,
) -> SavingsEstimate:
    """Sum of `program`'s share of every paid month up to the month of `as_of`.

    Each period's share is its recorded amount × (programme amount ÷ billed amount) computed
    from the tables, so a payment recorded at another wage still counts what was paid.
    Raises ValidationError (Indonesian) when a month has no rate in the tables.
    """
    last = month_start(as_of)
    total = Decimal(0)
    bases = Decimal(0)
    counted = 0
    for period in periods:
        if program not in period.programs:
            continue
        billed = 0
        share = Decimal(0)
        base = Decimal(0)
        months = 0
        programs = frozenset(p for p in period.programs if p is not Program.JKP)
        for i in range(period.months):
            month = add_months(month_start(period.first_month), i)
            breakdown = monthly_contribution(ContributionInput(
                segment=earner.segment, programs=programs, wage_or_income=earner.wage,
                month=month, funding=earner.funding, occupation=earner.occupation),
                rules, discounts)
            billed += breakdown.billed
            line = breakdown.line(program)
            if month > last or line is None:
                continue
            months += 1
            share += line.amount
            if program is Program.JP:
                cap = find_rate_rule(rules, program, earner.segment, month).wage_cap
                base += min(earner.wage, cap) if cap is not None else earner.wage
        factor = Decimal(period.amount) / billed if billed else Decimal(1)
        total += share * factor
        bases += base * factor
        counted += months
    average = None
    if program is Program.JP and counted:
        average = round_half_up(bases / counted * 12)
    return SavingsEstimate(program, counted, round_half_up(total), average)
