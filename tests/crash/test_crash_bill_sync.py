"""SIGKILL during a Pemda bill payment and during a sync import."""

from __future__ import annotations

import sqlite3

import pytest

from tests.crash.harness import CrashOperation, run_campaign
from tests.support.offices import PASSWORDS


def _query(db, *statements):
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(sql).fetchone()[0] for sql in statements)
    finally:
        conn.close()


def _bill_state(db):
    return _query(db, "SELECT group_concat(status) FROM contribution_bills",
                  "SELECT count(*) FROM contribution_entries",
                  "SELECT coalesce(sum(amount), 0) FROM contribution_entries",
                  "SELECT count(*) FROM audit_log WHERE table_name = 'contribution_entries'")


def _no_double_payment(db):
    twice = _query(db, "SELECT count(*) FROM (SELECT participant_id, first_month FROM "
                       "contribution_entries GROUP BY participant_id, first_month, kind "
                       "HAVING count(*) > 1)")
    assert twice == (0,), twice


def _pay_bill(bill_template):
    _path, number = bill_template
    return CrashOperation(
        name="contributions pay-bill (400 workers × 3 months)",
        argv=["contributions", "pay-bill", number, "--paid-on", "2025-06-16",
              "--reference", "SP2D-001"],
        user="petugas", password=PASSWORDS["petugas"], state=_bill_state,
        invariants=_no_double_payment, done_message="sudah lunas")


def test_kill_during_bill_payment(bill_template, tmp_path):
    report = run_campaign(bill_template[0], _pay_bill(bill_template), tmp_path,
                          by_time=3, by_wal=5)
    assert report.kill_points == 8 and report.killed >= 4


def _sync_state(db):
    return _query(db, "SELECT count(*) FROM participants", "SELECT count(*) FROM enrolments",
                  "SELECT count(*) FROM partners",
                  # every CLI login updates the user row: those entries are not the import's
                  "SELECT count(*) FROM change_log WHERE table_name != 'users'")


def _no_duplicate_people(db):
    assert _query(db, "SELECT count(*) FROM (SELECT id FROM participants GROUP BY nik "
                      "HAVING count(*) > 1)") == (0,)


def _sync_import(sync_template):
    _path, package, password = sync_template
    return CrashOperation(
        name="sync import (400 participants)",
        argv=["sync", "import", str(package)], user="admin", password=password,
        state=_sync_state, invariants=_no_duplicate_people)


def test_kill_during_sync_import(sync_template, tmp_path):
    report = run_campaign(sync_template[0], _sync_import(sync_template), tmp_path,
                          by_time=3, by_wal=5)
    assert report.kill_points == 8 and report.killed >= 4


@pytest.mark.slow
def test_kill_during_bill_payment_many_points(bill_template, tmp_path):
    report = run_campaign(bill_template[0], _pay_bill(bill_template), tmp_path,
                          by_time=30, by_wal=50)
    assert report.killed >= 40


@pytest.mark.slow
def test_kill_during_sync_import_many_points(sync_template, tmp_path):
    report = run_campaign(sync_template[0], _sync_import(sync_template), tmp_path,
                          by_time=30, by_wal=50)
    assert report.killed >= 40
