"""Dates and amounts in the interface language (see `branch_desk.ui.shell.i18n`).

Indonesian: ``29 April 2025``, ``Rp1.204.000.000`` (house style, `domain.money`).
English: ``April 29, 2025``, ``Rp1,204,000,000`` (the rupiah sign stays; the figures are
grouped the English way); amounts typed are read the same way (`parse_money`). Documents
(PDF letters, receipts) are always Indonesian and keep using `domain.dates` /
`domain.money` directly.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from branch_desk.domain.coverage import format_percentage
from branch_desk.domain.dates import (
    Style,
    format_date,
    format_datetime,
    format_month,
    format_month_short,
)
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.money import format_rupiah, parse_rupiah
from branch_desk.ui.shell.i18n import current_language


def fmt_date(d: date | None, style: Style = "long", *, empty: str = "—") -> str:
    """A date in the interface language; `empty` for None."""
    if d is None:
        return empty
    return format_date(d, style, locale=current_language())


def fmt_datetime(dt_utc: datetime | None, *, empty: str = "—") -> str:
    """A stored (UTC) moment as WITA time in the interface language."""
    if dt_utc is None:
        return empty
    return format_datetime(dt_utc, locale=current_language())


def fmt_month(year: int, month: int) -> str:
    """``April 2025`` (both languages spell the month their own way)."""
    return format_month(year, month, locale=current_language())


def fmt_month_short(year: int, month: int) -> str:
    """``Des 26`` / ``Dec 26``."""
    return format_month_short(year, month, locale=current_language())


def fmt_money(amount: int, *, cents: bool = False) -> str:
    """Whole rupiah: ``Rp1.204.000.000`` in Indonesian, ``Rp1,204,000,000`` in English."""
    text = format_rupiah(amount, cents=cents)
    if current_language() != "en":
        return text
    # Swap the separators: dots group thousands in Indonesian, commas in English.
    return text.translate(str.maketrans({".": ",", ",": "."}))


def fmt_number(value: int) -> str:
    """A count with thousands grouped: ``12.345`` / ``12,345``."""
    text = f"{value:,}"
    return text if current_language() == "en" else text.replace(",", ".")


def fmt_date_full(d: date) -> str:
    """With the day name: ``Selasa, 29 April 2025`` / ``Tuesday, April 29, 2025``."""
    return format_date(d, "full", locale=current_language())


def fmt_percent(value: Decimal | None) -> str:
    """A coverage percentage with two decimals: ``61,54%`` / ``61.54%``; "–" for none."""
    text = format_percentage(value)
    return text.replace(",", ".") if current_language() == "en" else text


_SWAP_SEPARATORS = str.maketrans({".": ",", ",": "."})


def parse_money(text: str) -> int:
    """An amount the officer typed, read the way the interface shows amounts: ``Rp1.204.000``
    in Indonesian, ``Rp1,204,000`` in English, plain digits in both; whole rupiah only. Text
    that is not such an amount is refused with a ValidationError quoting it (never read as
    another number)."""
    if current_language() != "en":
        return parse_rupiah(text)
    try:
        return parse_rupiah(text.translate(_SWAP_SEPARATORS))
    except ValidationError as exc:
        message = QCoreApplication.translate(
            "Money", "Nominal '{0}' tidak dikenali; tulis rupiah utuh seperti {1} atau {2}.")
        raise ValidationError(message.format(text.strip(), fmt_money(1_204_000), "1204000"),
                              field=exc.field) from None
