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


def test_jkm_has_three_working_days_and_no_compensation_loaded():
    t = payment_timing("JKM", 42_000_000, FRIDAY, paid_on=date(2025, 6, 20), today=FRIDAY)
    assert (t.due, t.days_late, t.compensation) == (date(2025, 6, 18), 2, 0)


@pytest.mark.parametrize(("ctype", "complete_on"), [("JHT", FRIDAY), ("JKK", None)])
def test_no_deadline_without_rule_or_complete_file(ctype, complete_on):
    assert payment_timing(ctype, 1_000_000, complete_on, paid_on=None, today=FRIDAY) is None


def test_rules_cite_their_regulation():
    assert all(r.source.startswith("PP 44/2015") for r in PAYMENT_DEADLINES)
