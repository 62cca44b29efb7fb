"""SIGKILL during a small write (adding a partner): nothing half-written, re-run is safe."""

from __future__ import annotations

import sqlite3

import pytest

from tests.crash.harness import CrashOperation, run_campaign
from tests.support.offices import PASSWORDS


def _partner_state(db):
    conn = sqlite3.connect(db)
    try:
        partners = conn.execute("SELECT count(*) FROM partners WHERE code = 'PEMKAB-GOWA'"
                                ).fetchone()[0]
        changes = conn.execute("SELECT count(*) FROM change_log WHERE table_name = 'partners'"
                               ).fetchone()[0]
        audited = conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'partners'"
                               ).fetchone()[0]
    finally:
        conn.close()
    return partners, changes, audited


ADD_PARTNER = CrashOperation(
    name="partners add",
    argv=["partners", "add", "--code", "PEMKAB-GOWA", "--name", "Pemerintah Kabupaten Gowa",
          "--kind", "pemkab", "--region", "73.06"],
    user="admin", password=PASSWORDS["admin"], state=_partner_state,
    done_message="sudah dipakai")


def test_kill_while_adding_a_partner(crash_template, tmp_path):
    report = run_campaign(crash_template, ADD_PARTNER, tmp_path, by_time=3, by_wal=3)
    assert report.kill_points == 6 and report.killed >= 3


@pytest.mark.slow
def test_kill_while_adding_a_partner_many_points(crash_template, tmp_path):
    report = run_campaign(crash_template, ADD_PARTNER, tmp_path, by_time=40, by_wal=40)
    assert report.killed >= 40
