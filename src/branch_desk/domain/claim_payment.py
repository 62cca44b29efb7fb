"""BPJS Ketenagakerjaan's own deadline for paying a complete claim file, and what it owes the
participant when it pays late (issue 18 item 16).

The clock starts on the day the file is complete (the last mandatory document received) and
counts working days, Monday to Friday: public holidays are not loaded, so a due date across a
holiday is early by that many days (the officer sees the rule and the date). Days late are
calendar days after the due date [I]: the regulation's wording was not found.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from branch_desk.domain.rates import round_half_up


@dataclass(frozen=True)
class PaymentDeadlineRule:
    """Working days BPJS has to pay a complete file of `claim_type`, and the share of the
    benefit per day late owed to the participant (None: no compensation loaded)."""

    valid_from: date
    valid_to: date | None
    source: str
    claim_type: str
    working_days: int
    late_share_per_day: Decimal | None


# JKK: 7 working days, else 1 % of the benefit per day late to the participant, as issue 18
# cites PP 44/2015 (Ps 37 "check"); the article's text was not found in the sources searched
# [U]. JKM: 3 working days after the file is complete, as a BPJS branch and the press read
# PP 44/2015 and Permenaker 5/2021 (turangnews 26-11-2025) [C, secondary]; no late compensation
# was found for JKM.
PAYMENT_DEADLINES: tuple[PaymentDeadlineRule, ...] = (
    PaymentDeadlineRule(date(2015, 7, 1), None, "PP 44/2015 (JKK: 7 hari kerja, 1% per hari)",
                        "JKK", 7, Decimal("0.01")),
    PaymentDeadlineRule(date(2015, 7, 1), None, "PP 44/2015 jo. Permenaker 5/2021 (JKM: 3 hari "
                        "kerja)", "JKM", 3, None),
)


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day (Monday-Friday) after `start`."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def deadline_rule(claim_type: str, complete_on: date,
                  rules: tuple[PaymentDeadlineRule, ...] = PAYMENT_DEADLINES
                  ) -> PaymentDeadlineRule | None:
    """The rule for a file of `claim_type` completed on `complete_on`, or None."""
    for rule in rules:
        if rule.claim_type == claim_type and rule.valid_from <= complete_on and (
                rule.valid_to is None or complete_on <= rule.valid_to):
            return rule
    return None


@dataclass(frozen=True)
class PaymentTiming:
    """Where a claim stands against BPJS's payment deadline on `as_of` (paid or today)."""

    source: str
    complete_on: date
    due: date
    as_of: date
    paid: bool
    days_left: int  # calendar days until `due` (0 on the day, negative once late)
    days_late: int
    compensation: int  # rupiah owed to the participant for the days late

    @property
    def late(self) -> bool:
        return self.days_late > 0


def payment_timing(claim_type: str, total: int, complete_on: date | None, *,
                   paid_on: date | None, today: date,
                   rules: tuple[PaymentDeadlineRule, ...] = PAYMENT_DEADLINES
                   ) -> PaymentTiming | None:
    """BPJS's deadline for a complete file (PP 44/2015 as issue 18 cites it: JKK 7 working
    days, JKM 3), days left or late as of the payment (or today while unpaid) and the
    compensation owed: `total` × share per day × days late, rounded half up. None when the
    file is not complete or no deadline is loaded for the type."""
    if complete_on is None:
        return None
    rule = deadline_rule(claim_type, complete_on, rules)
    if rule is None:
        return None
    due = add_working_days(complete_on, rule.working_days)
    as_of = paid_on or today
    late = max((as_of - due).days, 0)
    share = rule.late_share_per_day or Decimal(0)
    owed = round_half_up(Decimal(max(total, 0)) * share * late)
    return PaymentTiming(rule.source, complete_on, due, as_of, paid_on is not None,
                         (due - as_of).days, late, owed)
