"""SIGKILL during a bulk participant import (`branch-desk participants import`)."""

from __future__ import annotations

import sqlite3

import pytest

from tests.crash.harness import CrashOperation, run_campaign
from tests.support.offices import PASSWORDS
from tests.support.pemda_lists import pemda_rows, write_pemda_list

ROWS = 500


def _import_state(db):
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(sql).fetchone()[0] for sql in (
            "SELECT count(*) FROM participants",
            "SELECT count(*) FROM enrolments",
            "SELECT count(*) FROM change_log WHERE table_name IN ('participants', 'enrolments')",
            "SELECT count(*) FROM audit_log WHERE table_name IN ('participants', 'enrolments')",
        ))
    finally:
        conn.close()


def _no_duplicates(db):
    conn = sqlite3.connect(db)
    try:
        twice = conn.execute("SELECT nik FROM participants GROUP BY nik HAVING count(*) > 1"
                             ).fetchall()
        orphans = conn.execute("SELECT count(*) FROM enrolments e LEFT JOIN participants p "
                               "ON p.id = e.participant_id WHERE p.id IS NULL").fetchone()[0]
    finally:
        conn.close()
    assert twice == [] and orphans == 0, (twice, orphans)


def _operation(tmp_path, rows):
    source = write_pemda_list(tmp_path / "daftar-maros.xlsx", pemda_rows(rows))
    return CrashOperation(
        name=f"participants import ({rows} rows)",
        argv=["participants", "import", str(source), "--partner", "PEMKAB-MAROS",
              "--date", "2025-06-16"],
        user="admin", password=PASSWORDS["admin"], state=_import_state,
        invariants=_no_duplicates)


def test_kill_during_bulk_import(crash_template, tmp_path):
    report = run_campaign(crash_template, _operation(tmp_path, ROWS), tmp_path / "runs",
                          by_time=3, by_wal=5)
    assert report.kill_points == 8 and report.killed >= 4


@pytest.mark.slow
def test_kill_during_bulk_import_many_points(crash_template, tmp_path):
    report = run_campaign(crash_template, _operation(tmp_path, 3000), tmp_path / "runs",
                          by_time=40, by_wal=60)
    assert report.killed >= 50
