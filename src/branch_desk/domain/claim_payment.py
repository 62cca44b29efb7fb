"""BPJS Ketenagakerjaan's own deadline for paying a complete claim file, and what it owes the
participant when it pays late (issue 18 item 16).

The clock starts on the day the file is complete (the last mandatory document received) and
counts working days: Monday to Friday without the national holidays and cuti bersama of
`public_holidays` (a year whose SKB is not loaded skips only the holidays whose date is
fixed, and the timing says so). The regulation says "setiap hari keterlambatan" without
"kerja": days late are counted as calendar days after the due date [I].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from branch_desk.domain.benefit_rules import rule_in_force
from branch_desk.domain.public_holidays import HOLIDAY_DATES, calendar_years, is_working_day
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


# PP 44/2015 Pasal 37 ayat (2)-(3) (pasal.id): JKK "paling lama 7 (tujuh) hari kerja setelah
# dipenuhinya persyaratan teknis dan administratif", else "ganti rugi sebesar 1% (satu persen)
# dari nilai nominal santunan yang harus dibayar untuk setiap hari keterlambatan dan dibayarkan
# kepada Peserta". Pasal 40 ayat (3)-(4) (kontan.co.id 24-11-2021, perisaiblora quoting the
# text): JKM "paling lama 3 (tiga) hari kerja" after the application with the death
# certificate, heirs' statement and card, and the same 1% per day to the heirs.
PAYMENT_DEADLINES: tuple[PaymentDeadlineRule, ...] = (
    PaymentDeadlineRule(date(2015, 7, 1), None, "PP 44/2015 Pasal 37 ayat (2)-(3) (JKK: 7 hari "
                        "kerja, ganti rugi 1% per hari)", "JKK", 7, Decimal("0.01")),
    PaymentDeadlineRule(date(2015, 7, 1), None, "PP 44/2015 Pasal 40 ayat (3)-(4) (JKM: 3 hari "
                        "kerja, ganti rugi 1% per hari)", "JKM", 3, Decimal("0.01")),
)


def add_working_days(start: date, days: int,
                     holidays: frozenset[date] = HOLIDAY_DATES) -> date:
    """The `days`-th working day after `start`: Monday-Friday, national holidays and cuti
    bersama skipped (`public_holidays`)."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            left -= 1
    return day


def deadline_rule(claim_type: str, complete_on: date,
                  rules: tuple[PaymentDeadlineRule, ...] = PAYMENT_DEADLINES
                  ) -> PaymentDeadlineRule | None:
    """The rule for a file of `claim_type` completed on `complete_on`, or None."""
    return rule_in_force((r for r in rules if r.claim_type == claim_type), complete_on)


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
    """BPJS's deadline for a complete file (PP 44/2015 Ps 37(2): JKK 7 working days; Ps 40(3):
    JKM 3), days left or late as of the payment (or today while unpaid) and the
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
    source = rule.source
    missing = sorted(set(range(complete_on.year, due.year + 1)) - calendar_years())
    if missing:
        source += (f"; hari libur {', '.join(map(str, missing))} belum dimuat (dihitung Senin-"
                   "Jumat tanpa hari libur bertanggal tetap saja)")
    return PaymentTiming(source, complete_on, due, as_of, paid_on is not None,
                         (due - as_of).days, late, owed)
