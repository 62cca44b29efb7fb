"""The credit of PP 50/2025: months paid in full before a discount covered them count towards
later months (contributions already paid are not refunded, they pay what comes next)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from branch_desk.domain.coverage import add_months


@dataclass(frozen=True)
class PaidEntry:
    """A recorded payment: `amount` for `months` months from `first_month`, on `paid_on`."""

    paid_on: date
    first_month: date
    months: int
    amount: int


@dataclass(frozen=True)
class CreditState:
    """Credit left (`balance`) and the part of short payments no credit covered (`shortfall`)."""

    balance: int
    shortfall: int


def discount_credit(
    entries: Iterable[PaidEntry], *, due: Callable[[date], int],
    discount: Callable[[date], int],
) -> CreditState:
    """Credit a participant has for months paid in full before a discount covered them
    (PP 50/2025: contributions already paid count towards later months, [C] S87-S88).

    `due(month)` is what the month costs now, after any discount; `discount(month)` the
    discount in it. Payments are taken in the order they were made: a payment that exceeded
    what its months cost now adds the excess, but never more than the discounts of its
    months (a payment at a higher income is not a credit); a payment short of what its months
    cost uses credit, and what no credit covered is the shortfall. The balance is never
    negative.
    """
    balance = shortfall = 0
    for entry in sorted(entries, key=lambda e: (e.paid_on, e.first_month)):
        months = [add_months(entry.first_month.replace(day=1), i) for i in range(entry.months)]
        cost = sum(due(m) for m in months)
        if entry.amount > cost:
            balance += min(entry.amount - cost, sum(discount(m) for m in months))
        elif entry.amount < cost:
            used = min(cost - entry.amount, balance)
            balance -= used
            shortfall += cost - entry.amount - used
    return CreditState(balance, shortfall)
