"""BPJS's payment deadline for a complete claim file and the compensation when late."""

from __future__ import annotations

from datetime import date

import pytest

from branch_desk.domain.claim_payment import PAYMENT_DEADLINES, add_working_days, payment_timing

FRIDAY = date(2025, 6, 13)


@pytest.mark.parametrize(("start", "days", "due"), [
    pytest.param(FRIDAY, 7, date(2025, 6, 24), id="JKK-7-working-days-skip-two-weekends"),
    pytest.param(FRIDAY, 3, date(2025, 6, 18), id="JKM-3-working-days"),
    pytest.param(date(2025, 6, 14), 1, date(2025, 6, 16), id="saturday-to-monday"),
])
def test_add_working_days(start, days, due):
    assert add_working_days(start, days) == due


def test_jkk_paid_three_days_late_owes_three_percent():
    # 7 working days from Friday 13 June 2025 = Tuesday 24 June; paid Friday 27 June:
    # 3 days late × 1 % × Rp50.000.000 = Rp1.500.000 to the participant.
    t = payment_timing("JKK", 50_000_000, FRIDAY, paid_on=date(2025, 6, 27),
                       today=date(2025, 7, 1))
    assert (t.due, t.days_late, t.compensation, t.paid) == (date(2025, 6, 24), 3, 1_500_000,
                                                            True)
    assert "1%" in t.source


def test_jkk_unpaid_counts_days_left_then_days_late():
    before = payment_timing("JKK", 10_000_000, FRIDAY, paid_on=None, today=date(2025, 6, 20))
    assert (before.days_left, before.late, before.compensation) == (4, False, 0)
    after = payment_timing("JKK", 10_000_000, FRIDAY, paid_on=None, today=date(2025, 6, 26))
    assert (after.days_left, after.days_late, after.compensation) == (-2, 2, 200_000)


def test_jkm_has_three_working_days_and_owes_one_percent_a_day_late():
    # PP 44/2015 Pasal 40 ayat (3)-(4): 3 working days, then 1% of the santunan per day late
    # to the heirs (the former rule loaded no JKM compensation: wrong).
    t = payment_timing("JKM", 42_000_000, FRIDAY, paid_on=date(2025, 6, 20), today=FRIDAY)
    assert (t.due, t.days_late, t.compensation) == (date(2025, 6, 18), 2, 840_000)
    assert "Pasal 40" in t.source


@pytest.mark.parametrize(("ctype", "complete_on"), [("JHT", FRIDAY), ("JKK", None)])
def test_no_deadline_without_rule_or_complete_file(ctype, complete_on):
    assert payment_timing(ctype, 1_000_000, complete_on, paid_on=None, today=FRIDAY) is None


def test_rules_cite_their_regulation():
    assert all(r.source.startswith("PP 44/2015 Pasal") for r in PAYMENT_DEADLINES)


@pytest.mark.parametrize(("start", "days", "due"), [
    # Idulfitri 2025: 31 March-1 April national holidays, 2-4 and 7 April cuti bersama.
    pytest.param(date(2025, 3, 27), 3, date(2025, 4, 10), id="JKM-across-Idulfitri-2025"),
    # 17 August 2025 is a Sunday; Monday 18 August is the cuti bersama added on 7 Aug 2025.
    pytest.param(date(2025, 8, 15), 1, date(2025, 8, 19), id="cuti-bersama-18-Aug-2025"),
    # Christmas 2026: 24 December cuti bersama, 25 December holiday.
    pytest.param(date(2026, 12, 23), 1, date(2026, 12, 28), id="Christmas-2026"),
    # Imlek 2026: 16 February cuti bersama, 17 February holiday.
    pytest.param(date(2026, 2, 13), 7, date(2026, 2, 26), id="JKK-across-Imlek-2026"),
])
def test_working_days_skip_national_holidays_and_cuti_bersama(start, days, due):
    assert add_working_days(start, days) == due


def test_a_year_without_its_decree_says_so():
    # 2028's SKB is not loaded: Monday-Friday without the fixed-date holidays of Keppres
    # 8/2024 (1 May 2028 is a Monday and a holiday without any SKB), and the source says it.
    t = payment_timing("JKM", 42_000_000, date(2028, 4, 28), paid_on=None,
                       today=date(2028, 5, 1))
    assert t.due == date(2028, 5, 4)  # (1 May holiday), 2, 3, 4 May
    assert "hari libur 2028 belum dimuat" in t.source
    inside = payment_timing("JKM", 42_000_000, date(2027, 12, 20), paid_on=None,
                            today=date(2027, 12, 20))
    assert "belum dimuat" not in inside.source


@pytest.mark.parametrize(("start", "days", "due"), [
    # Idulfitri 1448 H (SKB 2027): cuti bersama 9, 12 and 15 March, holidays 8 (Nyepi), 10 and
    # 11 March: a JKM file completed on Friday 5 March is due Thursday 18 March.
    pytest.param(date(2027, 3, 5), 3, date(2027, 3, 18), id="JKM-across-Idulfitri-2027"),
    # Waisak and Iduladha 2027: 17-20 May off, so Friday 14 May + 1 is Friday 21 May.
    pytest.param(date(2027, 5, 14), 1, date(2027, 5, 21), id="Iduladha-Waisak-2027"),
])
def test_working_days_of_2027_follow_its_decree(start, days, due):
    assert add_working_days(start, days) == due


def test_the_calendar_has_each_year_as_its_decree_counts_it():
    from collections import Counter

    from branch_desk.domain.public_holidays import PUBLIC_HOLIDAYS
    counts = Counter((h.valid_from.year, h.kind) for h in PUBLIC_HOLIDAYS)
    assert counts == {(2025, "libur nasional"): 17, (2025, "cuti bersama"): 11,
                      (2026, "libur nasional"): 17, (2026, "cuti bersama"): 8,
                      (2027, "libur nasional"): 18, (2027, "cuti bersama"): 8}
    assert all(h.valid_from == h.valid_to and h.source.startswith("SKB")
               for h in PUBLIC_HOLIDAYS)


@pytest.mark.parametrize("day", [date(2027, 1, 1), date(2027, 6, 1), date(2028, 5, 1),
                                 date(2027, 8, 17), date(2028, 12, 25)])
def test_fixed_date_holidays_are_off_in_a_year_without_its_decree(day):
    # Keppres 8/2024 Diktum KESATU fixes these dates; they fall on weekdays in those years.
    from branch_desk.domain.public_holidays import is_working_day
    assert day.weekday() < 5 and not is_working_day(day)
    assert is_working_day(date(2027, 1, 4))


def test_fixed_date_holidays_are_in_every_loaded_decree():
    from branch_desk.domain.public_holidays import (
        FIXED_DATE_HOLIDAYS,
        HOLIDAY_DATES,
        calendar_years,
    )
    for year in calendar_years():
        assert {date(year, h.month, h.day) for h in FIXED_DATE_HOLIDAYS} <= HOLIDAY_DATES
