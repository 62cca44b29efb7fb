"""Dates in Indonesian house style (Babel ``id`` data), parsing typed dates, WITA time,
and month arithmetic."""

from __future__ import annotations

import calendar
import functools
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import dates as babel_dates

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.money import terbilang_number
from branch_desk.domain.text import strip_invisible

Style = Literal["short", "medium", "long", "full"]


def _wita() -> tzinfo:
    # Windows has no system tz database and tzdata may not be bundled; Makassar has kept
    # UTC+8 without daylight saving since 1932, so a fixed offset is exact for our dates.
    try:
        return ZoneInfo("Asia/Makassar")
    except ZoneInfoNotFoundError:
        return timezone(timedelta(hours=8), "WITA")


WITA = _wita()


def _babel_locale(locale: str) -> str:
    return "id_ID" if locale in ("id", "id_ID") else locale


def format_date(d: date, style: Style = "long", *, locale: str = "id") -> str:
    """``29 April 2025`` (long), ``29 Apr 2025`` (medium), ``29/04/25`` (short),
    ``Selasa, 29 April 2025`` (full); ``locale="en"`` gives English."""
    loc = _babel_locale(locale)
    if style == "full" and loc == "id_ID":
        # Babel's Indonesian full pattern pads the day ("Selasa, 01 April"); house style does not.
        return babel_dates.format_date(d, "EEEE, d MMMM y", locale=loc)
    return babel_dates.format_date(d, style, locale=loc)


def format_date_full(d: date, *, locale: str = "id") -> str:
    """Date with the day name: ``Selasa, 29 April 2025``."""
    return format_date(d, "full", locale=locale)


def format_month(year: int, month: int, *, locale: str = "id") -> str:
    """Month and year: ``April 2025``."""
    return babel_dates.format_date(date(year, month, 1), "MMMM y", locale=_babel_locale(locale))


def format_month_short(year: int, month: int, *, locale: str = "id") -> str:
    """Month and year in short, as a chart's axis shows them: ``Des 26`` / ``Dec 26``."""
    return babel_dates.format_date(date(year, month, 1), "MMM yy", locale=_babel_locale(locale))


def month_name(month: int, *, locale: str = "id") -> str:
    """Month name alone: ``Desember``."""
    return babel_dates.get_month_names("wide", locale=_babel_locale(locale))[month]


def date_in_words(d: date) -> str:
    """Date as written in agreements: ``Rabu tanggal enam belas bulan Desember tahun dua
    ribu lima belas``."""
    day_name = babel_dates.format_date(d, "EEEE", locale="id_ID")
    return (
        f"{day_name} tanggal {terbilang_number(d.day)} bulan {month_name(d.month)} "
        f"tahun {terbilang_number(d.year)}"
    )


# --- parsing --------------------------------------------------------------------------------

# Spellings seen on older forms and in chat, beyond Babel's names.
_EXTRA_MONTHS = {
    "peb": 2, "pebruari": 2, "agt": 8, "agust": 8, "sept": 9, "nop": 11, "nopember": 11,
}  # fmt: skip


@functools.cache
def _month_lookup() -> dict[str, int]:
    names: dict[str, int] = dict(_EXTRA_MONTHS)
    for loc in ("id_ID", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in babel_dates.get_month_names(width, locale=loc).items():
                names[name.casefold().rstrip(".")] = number
    return names


_NUMERIC_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_NUMERIC_YMD = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})")
_WORDED = re.compile(r"(?:[^\W\d_]+,?\s+)?(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})")


def parse_date(text: str) -> date:
    """Read a date typed as ``2025-04-29``, ``29/04/2025``, ``29-04-2025``, ``29.04.2025``,
    ``29 April 2025`` or ``29 Apr 2025`` (Indonesian or English month names; a leading day
    name such as ``Selasa,`` is ignored). Two-digit years are refused as ambiguous."""
    cleaned = " ".join(strip_invisible(text).split())
    if not cleaned:
        raise ValidationError("Tanggal wajib diisi.", field="tanggal")
    if match := _NUMERIC_YMD.fullmatch(cleaned):
        year, month, day = (int(part) for part in match.groups())
    elif match := _NUMERIC_DMY.fullmatch(cleaned):
        day, month, year = (int(part) for part in match.groups())
    elif (match := _WORDED.fullmatch(cleaned)) and match[2].casefold() in _month_lookup():
        day, month, year = int(match[1]), _month_lookup()[match[2].casefold()], int(match[3])
    else:
        raise ValidationError(
            f"Tanggal '{text.strip()}' tidak dikenali; tulis seperti 29/04/2025 atau "
            "29 April 2025.",
            field="tanggal",
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            f"Tanggal '{text.strip()}' tidak ada di kalender.", field="tanggal"
        ) from None


# --- WITA -----------------------------------------------------------------------------------


def to_local(dt_utc: datetime) -> datetime:
    """The same instant in WITA; a naive datetime is taken to be UTC (as stored)."""
    if dt_utc.tzinfo is None:
        dt_utc = dt_utc.replace(tzinfo=UTC)
    return dt_utc.astimezone(WITA)


def format_datetime(dt_utc: datetime, *, locale: str = "id") -> str:
    """``29 April 2025 14.05 WITA`` (Indonesian uses a dot between hours and minutes)."""
    local = to_local(dt_utc)
    separator = "." if _babel_locale(locale) == "id_ID" else ":"
    clock = f"{local.hour:02d}{separator}{local.minute:02d}"
    return f"{format_date(local.date(), 'long', locale=locale)} {clock} WITA"


# --- months ---------------------------------------------------------------------------------


def whole_years(start: date, end: date) -> int:
    """Whole years from `start` to `end` (an age: a year counts once its day came)."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months later (earlier for negative ``n``)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, got {month}")
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def month_range(start: date, n: int) -> list[date]:
    """First days of ``n`` consecutive months, beginning with the month of ``start``."""
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    return [date(*add_months(start.year, start.month, i), 1) for i in range(n)]


def period_length(start: date, end: date) -> tuple[int, int]:
    """Whole months and the days left over of the period from `start` to `end`, both days
    included: 15 Jan 2025 – 14 Jan 2026 is (12, 0); 1 Mar – 10 Jun is (3, 10)."""
    if end < start:
        raise ValueError("end before start")
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    if _same_day_months_later(start, months) > after:
        months -= 1
    return months, (after - _same_day_months_later(start, months)).days


def _same_day_months_later(day: date, months: int) -> date:
    """The same day of the month `months` later (the month's last day where it is shorter)."""
    year, month = add_months(day.year, day.month, months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
