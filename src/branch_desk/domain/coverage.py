"""Coverage status from paid months, arrears, payment schedules and coverage percentages.

Months are represented by their first day. DOMAIN §5: protection becomes inactive after 3
consecutive unpaid months, and re-joining starts from zero, so after a lapse only the months
paid since the re-join count. Until the lapse (masa tenggang) the participant is covered.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Literal

from branch_desk.domain.errors import ValidationError

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
LAPSE_AFTER_UNPAID = 3  # DOMAIN §5 [C] S29-S31


def month_start(day: date) -> date:
    """First day of the month of `day`."""
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` calendar months; the day is clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_apart(first: date, last: date) -> int:
    """Calendar months from the month of `first` to the month of `last` (the days are not
    looked at; negative when `last` is earlier): 31 Jan → 1 Feb is 1."""
    return (last.year - first.year) * 12 + last.month - first.month


def month_span(first: date, last: date) -> Iterator[date]:
    """First days of every month from `first` to `last`, both included."""
    current, end = month_start(first), month_start(last)
    while current <= end:
        yield current
        current = add_months(current, 1)


def month_label(day: date) -> str:
    """Indonesian month and year, e.g. "Maret 2025"."""
    return f"{BULAN[day.month - 1]} {day.year}"


def date_label(day: date) -> str:
    """Indonesian date, e.g. "29 April 2025"."""
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


class CoverageStatus(StrEnum):
    """Protection status of a participant in one programme on a date."""

    AKTIF = "aktif"
    MASA_TENGGANG = "masa_tenggang"
    NONAKTIF = "nonaktif"
    BELUM_TERDAFTAR = "belum_terdaftar"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def is_covered(self) -> bool:
        """Covered on the date: active, or unpaid but not yet lapsed (DOMAIN §5)."""
        return self in (CoverageStatus.AKTIF, CoverageStatus.MASA_TENGGANG)


_STATUS_LABELS = {
    CoverageStatus.AKTIF: "Aktif",
    CoverageStatus.MASA_TENGGANG: "Masa tenggang",
    CoverageStatus.NONAKTIF: "Nonaktif",
    CoverageStatus.BELUM_TERDAFTAR: "Belum terdaftar",
}


@dataclass(frozen=True)
class CoverageReport:
    """Status on a date with the facts behind it and an explanation for the officer."""

    status: CoverageStatus
    explanation: str
    last_paid: date | None
    unpaid_streak: int
    counted_from: date | None  # first paid month of the current membership run


@dataclass(frozen=True)
class _Run:
    counted_from: date | None
    last_paid: date | None
    streak: int
    lapsed_in: date | None


def _walk(enrolled: date, paid: frozenset[date], until: date, lapse_after: int) -> _Run:
    counted_from = last_paid = lapsed_in = None
    streak = 0
    for month in month_span(enrolled, until):
        if month in paid:
            counted_from = counted_from or month
            last_paid, streak = month, 0
            continue
        streak += 1
        if streak == lapse_after and counted_from is not None:
            counted_from, lapsed_in = None, month
    return _Run(counted_from, last_paid, streak, lapsed_in)


def _paid_set(paid_months: Collection[date], enrolled: date | None = None) -> frozenset[date]:
    months = {month_start(m) for m in paid_months}
    return frozenset(m for m in months if enrolled is None or m >= enrolled)


def coverage_report(
    *, enrolled_from: date | None, paid_months: Collection[date], on: date,
    lapse_after_unpaid: int = LAPSE_AFTER_UNPAID,
) -> CoverageReport:
    """Status on `on` with an Indonesian explanation; months paid in advance count when reached."""
    month = month_start(on)
    if enrolled_from is None or month < month_start(enrolled_from):
        text = ("Belum terdaftar sebagai peserta." if enrolled_from is None else
                f"Kepesertaan baru dimulai {month_label(enrolled_from)}.")
        return CoverageReport(CoverageStatus.BELUM_TERDAFTAR, text, None, 0, None)
    enrolled = month_start(enrolled_from)
    paid = _paid_set(paid_months, enrolled)
    run = _walk(enrolled, paid, month, lapse_after_unpaid)
    if month in paid:
        ahead = month
        while add_months(ahead, 1) in paid:
            ahead = add_months(ahead, 1)
        text = f"Iuran bulan {month_label(month)} sudah dibayar; perlindungan aktif."
        if ahead > month:
            text += f" Iuran sudah dibayar di muka sampai {month_label(ahead)}."
        return CoverageReport(CoverageStatus.AKTIF, text, run.last_paid, 0, run.counted_from)
    if run.counted_from is not None:
        lapse = add_months(run.last_paid or month, lapse_after_unpaid)
        text = (
            f"Iuran terakhir dibayar untuk bulan {month_label(run.last_paid or month)}; "
            f"{run.streak} bulan belum dibayar. Perlindungan masih berjalan (masa tenggang), "
            f"tetapi menjadi nonaktif bila iuran tidak dibayar {lapse_after_unpaid} bulan "
            f"berturut-turut (bulan {month_label(lapse)})."
        )
        return CoverageReport(CoverageStatus.MASA_TENGGANG, text, run.last_paid, run.streak,
                              run.counted_from)
    if run.last_paid is None:
        text = (f"Belum ada iuran yang dibayar sejak terdaftar {month_label(enrolled)}; "
                "perlindungan belum berjalan.")
    else:
        text = (
            f"Iuran tidak dibayar {lapse_after_unpaid} bulan berturut-turut setelah "
            f"{month_label(run.last_paid)}; perlindungan nonaktif sejak "
            f"{month_label(run.lapsed_in or month)}. Bila membayar lagi, masa iur dihitung "
            "dari nol sebagai kepesertaan baru."
        )
    return CoverageReport(CoverageStatus.NONAKTIF, text, run.last_paid, run.streak, None)


def coverage_status(
    *, enrolled_from: date | None, paid_months: Collection[date], on: date,
    lapse_after_unpaid: int = LAPSE_AFTER_UNPAID,
) -> CoverageStatus:
    """Status on `on`: AKTIF if that month is paid, MASA_TENGGANG while fewer than
    `lapse_after_unpaid` consecutive months are unpaid, else NONAKTIF (DOMAIN §5)."""
    return coverage_report(enrolled_from=enrolled_from, paid_months=paid_months, on=on,
                           lapse_after_unpaid=lapse_after_unpaid).status


def arrears(
    paid_months: Collection[date], enrolled_from: date | None, as_of: date,
    *, due_day: int | None = None,
) -> list[date]:
    """Unpaid months from enrolment to the month of `as_of`, oldest first. With `due_day`, the
    month of `as_of` is only listed once that day has passed. Lapsed runs are included:
    whether old months are still owed is for the caller (a BPU re-join starts from zero)."""
    if enrolled_from is None:
        return []
    last = month_start(as_of)
    if due_day is not None and as_of.day <= due_day:
        last = add_months(last, -1)
    paid = _paid_set(paid_months)
    return [m for m in month_span(enrolled_from, last) if m not in paid]


PU_DUE_DAY = 15  # PU: paid by the 15th of the following month [C] S32
PU_LATE_FEE = Decimal("0.02")  # per month late, on the arrears, borne by the employer [C] S32


def pu_due_date(month: date) -> date:
    """Due date of a PU contribution month: the 15th of the following month (DOMAIN §2.1)."""
    return add_months(month_start(month), 1).replace(day=PU_DUE_DAY)


def months_late(due: date, paid_on: date) -> int:
    """Months late, a started month counting as a whole one [I]: due 15 Feb, paid 16 Feb → 1,
    paid 15 Mar → 1, paid 16 Mar → 2."""
    if paid_on <= due:
        return 0
    return months_apart(due, paid_on) + (1 if paid_on.day > due.day else 0)


def pu_late_fee(amount: int, months: int) -> int:
    """PU late fee: 2 % of the arrears per month late, rounded half up (DOMAIN §2.1). BPU pays
    no late fee (DOMAIN §5)."""
    if amount < 0 or months < 0:
        raise ValidationError("Tunggakan dan lama keterlambatan tidak boleh negatif.",
                              field="amount")
    return int((Decimal(amount) * PU_LATE_FEE * months).quantize(Decimal(1), ROUND_HALF_UP))


def months_covered(
    *, enrolled_from: date | None, paid_months: Collection[date], as_of: date,
    lapse_after_unpaid: int = LAPSE_AFTER_UNPAID,
) -> int:
    """Paid months up to the month of `as_of` that count, i.e. since the last (re-)join."""
    if enrolled_from is None or month_start(as_of) < month_start(enrolled_from):
        return 0
    enrolled = month_start(enrolled_from)
    paid = _paid_set(paid_months, enrolled)
    run = _walk(enrolled, paid, month_start(as_of), lapse_after_unpaid)
    if run.counted_from is None:
        return 0
    return sum(1 for m in paid if run.counted_from <= m <= month_start(as_of))


def paid_months_within(paid_months: Collection[date], *, end: date, window: int = 24) -> int:
    """Paid months among the `window` months ending with the month of `end` (JKP: 12 of 24)."""
    last = month_start(end)
    first = add_months(last, -(window - 1))
    return sum(1 for m in _paid_set(paid_months) if first <= m <= last)


def consecutive_paid_months(paid_months: Collection[date], *, before: date) -> int:
    """Unbroken run of paid months ending with the month of `before` (the event, e.g. PHK) if
    it is paid, else with the month before it; like `paid_months_within`, the event month
    counts when its contribution was paid."""
    paid = _paid_set(paid_months)
    month, count = month_start(before), 0
    if month not in paid:
        month = add_months(month, -1)
    while month in paid:
        count, month = count + 1, add_months(month, -1)
    return count


PERCENT_PLACES = Decimal("0.01")  # Monev reports coverage with two decimals (61,54%)


def coverage_percentage(covered: int, target: int) -> Decimal:
    """`covered` ÷ `target` × 100 with two decimals, cut off (not rounded) as the Monev
    Inpres 2/2021 reports print it: Palopo 36.553 / 59.392 = 61,5453… is reported 61,54%
    (rounding half up would give 61,55%)."""
    if target <= 0:
        raise ValidationError("Target cakupan harus lebih dari nol.", field="target")
    if covered < 0:
        raise ValidationError("Jumlah peserta tidak boleh negatif.", field="covered")
    value = Decimal(covered) * 100 / Decimal(target)
    return value.quantize(PERCENT_PLACES, rounding=ROUND_DOWN)


def format_percentage(value: Decimal | None) -> str:
    """Indonesian percentage with a decimal comma and two decimals, e.g. "61,54%"; "–" for
    None (a region without a target has no percentage)."""
    if value is None:
        return "–"
    return f"{value.quantize(PERCENT_PLACES, rounding=ROUND_DOWN):f}".replace(".", ",") + "%"


@dataclass(frozen=True)
class PaymentSchedule:
    """When a participant pays: every month, or periodically (e.g. after harvests in April and
    September). A payment due in month d covers d up to the month before the next due month;
    `months_per_payment` is the usual number of months billed at once."""

    kind: Literal["bulanan", "periodik"]
    due_months: frozenset[int]
    months_per_payment: int = 1
    due_day: int = 15  # DOMAIN §5: BPU pays by the 15th of the month covered

    def __post_init__(self) -> None:
        if self.kind not in ("bulanan", "periodik"):
            raise ValidationError(f"Jenis jadwal tidak dikenal: {self.kind}.", field="kind")
        months = frozenset(range(1, 13)) if self.kind == "bulanan" else self.due_months
        if not months or not months <= frozenset(range(1, 13)):
            raise ValidationError("Bulan jatuh tempo harus di antara 1 dan 12.",
                                  field="due_months")
        if self.months_per_payment < 1:
            raise ValidationError("Jumlah bulan per pembayaran minimal 1.",
                                  field="months_per_payment")
        if not 1 <= self.due_day <= 28:
            raise ValidationError("Tanggal jatuh tempo harus 1 sampai 28.", field="due_day")
        object.__setattr__(self, "due_months", frozenset(months))


MONTHLY = PaymentSchedule("bulanan", frozenset(range(1, 13)), 1)


def next_due(schedule: PaymentSchedule, paid_through: date | None, today: date) -> date:
    """Due date (on `due_day`) of the payment covering the first month after `paid_through`:
    the latest due month not after that month. With nothing paid yet, the first due month
    from the month of `today` on."""
    if paid_through is None:
        due, step = month_start(today), 1
    else:
        due, step = add_months(month_start(paid_through), 1), -1
    while due.month not in schedule.due_months:
        due = add_months(due, step)
    return due.replace(day=schedule.due_day)


def is_in_arrears(schedule: PaymentSchedule, paid_through: date | None, today: date) -> bool:
    """Whether the payment covering the first unpaid month was due before `today`."""
    return today > next_due(schedule, paid_through, today)


def next_unpaid_month(paid_months: Collection[date], enrolled_from: date | None,
                      today: date) -> date:
    """The month a new payment most likely starts at: the month after the latest month paid;
    with nothing paid yet, the month of enrolment (TMT), or this month without one. (Older
    gaps stay in the arrears list: a payment form proposing them would usually be wrong for
    a BPU who re-joined.)"""
    paid = _paid_set(paid_months)
    if paid:
        return add_months(max(paid), 1)
    return month_start(enrolled_from or today)
