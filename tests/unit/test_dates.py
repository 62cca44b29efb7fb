"""Indonesian date style (DOMAIN.md §8.1), parsing, WITA and month arithmetic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branch_desk.domain.dates import (
    WITA,
    add_months,
    date_in_words,
    format_date,
    format_date_full,
    format_datetime,
    format_month,
    month_name,
    month_range,
    parse_date,
    to_local,
)
from branch_desk.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("d", "style", "locale", "expected"),
    [
        (date(2025, 4, 29), "long", "id", "29 April 2025"),
        (date(2025, 4, 1), "long", "id", "1 April 2025"),
        (date(2025, 8, 17), "long", "id_ID", "17 Agustus 2025"),
        (date(2025, 4, 29), "medium", "id", "29 Apr 2025"),
        (date(2025, 4, 29), "full", "id", "Selasa, 29 April 2025"),
        (date(2025, 4, 1), "full", "id", "Selasa, 1 April 2025"),  # no zero padding
        (date(2021, 9, 14), "full", "id", "Selasa, 14 September 2021"),
        (date(2025, 4, 29), "long", "en", "April 29, 2025"),
        (date(2025, 4, 29), "full", "en", "Tuesday, April 29, 2025"),
    ],
)
def test_format_date(d: date, style: str, locale: str, expected: str) -> None:
    assert format_date(d, style, locale=locale) == expected  # type: ignore[arg-type]


def test_format_date_full_and_month() -> None:
    assert format_date_full(date(2025, 4, 29)) == "Selasa, 29 April 2025"
    assert format_month(2025, 4) == "April 2025"
    assert format_month(2025, 5) == "Mei 2025"
    assert format_month(2025, 5, locale="en") == "May 2025"
    assert month_name(12) == "Desember"


@pytest.mark.parametrize(
    ("d", "words"),
    [
        (date(2015, 12, 16), "Rabu tanggal enam belas bulan Desember tahun dua ribu lima belas"),
        (date(2025, 4, 1), "Selasa tanggal satu bulan April tahun dua ribu dua puluh lima"),
        (date(2025, 5, 11), "Minggu tanggal sebelas bulan Mei tahun dua ribu dua puluh lima"),
        (date(1999, 12, 10),
         "Jumat tanggal sepuluh bulan Desember tahun "
         "seribu sembilan ratus sembilan puluh sembilan"),
    ],
)  # fmt: skip
def test_date_in_words(d: date, words: str) -> None:
    assert date_in_words(d) == words


@pytest.mark.parametrize(
    "text",
    [
        "2025-04-29",
        "2025/04/29",
        "29/04/2025",
        "29-04-2025",
        "29.04.2025",
        "29/4/2025",
        "29 April 2025",
        "29 april 2025",
        "29 Apr 2025",
        "29 Apr. 2025",
        "29  APRIL   2025",
        "Selasa, 29 April 2025",
        "Tuesday, 29 April 2025",
        "\u200b29\u00a0April 2025\u200e",
    ],
)
def test_parse_date_accepts(text: str) -> None:
    assert parse_date(text) == date(2025, 4, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 Agustus 1945", date(1945, 8, 17)),
        ("17 Agu 1945", date(1945, 8, 17)),
        ("17 Agt 1945", date(1945, 8, 17)),
        ("17 August 1945", date(1945, 8, 17)),
        ("1 Mei 2025", date(2025, 5, 1)),
        ("1 May 2025", date(2025, 5, 1)),
        ("5 Okt 2020", date(2020, 10, 5)),
        ("5 Oct 2020", date(2020, 10, 5)),
        ("25 Des 2024", date(2024, 12, 25)),
        ("25 December 2024", date(2024, 12, 25)),
        ("10 Nopember 1945", date(1945, 11, 10)),
        ("2 Pebruari 2000", date(2000, 2, 2)),
        ("29 Februari 2024", date(2024, 2, 29)),
    ],
)
def test_parse_date_month_names(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message_part"),
    [
        ("", "wajib diisi"),
        ("besok", "tidak dikenali"),
        ("29/04/25", "tidak dikenali"),  # two-digit year is ambiguous
        ("29 Foo 2025", "tidak dikenali"),
        ("04/29/2025", "tidak ada di kalender"),  # US order
        ("31/02/2025", "tidak ada di kalender"),
        ("29 Februari 2025", "tidak ada di kalender"),
        ("2025-13-01", "tidak ada di kalender"),
    ],
)
def test_parse_date_rejects(text: str, message_part: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date(text)
    assert message_part in caught.value.message
    assert caught.value.field == "tanggal"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_parse_reads_own_formats(d: date) -> None:
    for style in ("long", "medium", "full"):
        assert parse_date(format_date(d, style)) == d  # type: ignore[arg-type]
    assert parse_date(d.isoformat()) == d


def test_wita() -> None:
    assert WITA.utcoffset(datetime(2025, 4, 29)) == timedelta(hours=8)
    local = to_local(datetime(2025, 4, 29, 6, 5, tzinfo=UTC))
    assert (local.hour, local.minute, local.utcoffset()) == (14, 5, timedelta(hours=8))
    assert to_local(datetime(2025, 4, 29, 6, 5)).hour == 14  # naive means UTC


@pytest.mark.parametrize(
    ("dt", "locale", "expected"),
    [
        (datetime(2025, 4, 29, 6, 5, tzinfo=UTC), "id", "29 April 2025 14.05 WITA"),
        (datetime(2025, 4, 29, 6, 5), "id", "29 April 2025 14.05 WITA"),
        (datetime(2025, 4, 29, 17, 30, tzinfo=UTC), "id", "30 April 2025 01.30 WITA"),
        (datetime(2025, 4, 29, 13, 5, tzinfo=timezone(timedelta(hours=7))), "id",
         "29 April 2025 14.05 WITA"),  # from WIB
        (datetime(2025, 4, 29, 6, 5, tzinfo=UTC), "en", "April 29, 2025 14:05 WITA"),
    ],
)  # fmt: skip
def test_format_datetime(dt: datetime, locale: str, expected: str) -> None:
    assert format_datetime(dt, locale=locale) == expected


@pytest.mark.parametrize(
    ("year", "month", "n", "expected"),
    [
        (2025, 1, 0, (2025, 1)),
        (2025, 1, 1, (2025, 2)),
        (2025, 12, 1, (2026, 1)),
        (2025, 11, 14, (2027, 1)),
        (2025, 1, -1, (2024, 12)),
        (2025, 3, -15, (2023, 12)),
        (2025, 6, 24, (2027, 6)),
    ],
)
def test_add_months(year: int, month: int, n: int, expected: tuple[int, int]) -> None:
    assert add_months(year, month, n) == expected


def test_add_months_rejects_bad_month() -> None:
    with pytest.raises(ValueError):
        add_months(2025, 13, 1)


def test_month_range() -> None:
    assert month_range(date(2025, 11, 30), 3) == [date(2025, 11, 1), date(2025, 12, 1),
                                                   date(2026, 1, 1)]  # fmt: skip
    assert month_range(date(2025, 1, 15), 0) == []
    with pytest.raises(ValueError):
        month_range(date(2025, 1, 1), -1)


def test_wita_without_tz_database(monkeypatch: pytest.MonkeyPatch) -> None:
    import zoneinfo

    from branch_desk.domain import dates

    def missing(key: str) -> zoneinfo.ZoneInfo:
        raise zoneinfo.ZoneInfoNotFoundError(key)

    monkeypatch.setattr(dates, "ZoneInfo", missing)
    assert dates._wita().utcoffset(None) == timedelta(hours=8)


def test_short_month_of_a_chart_axis_in_both_languages():
    from branch_desk.domain.dates import format_month_short
    assert [format_month_short(2026, m) for m in (5, 8, 10, 12)] == [
        "Mei 26", "Agu 26", "Okt 26", "Des 26"]
    assert [format_month_short(2026, m, locale="en") for m in (5, 8, 10, 12)] == [
        "May 26", "Aug 26", "Oct 26", "Dec 26"]
