"""The audit chain detects edited, deleted and reordered entries; record history; browsing."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from datetime import timedelta

import pytest

from branch_desk.db.base import utcnow
from branch_desk.domain.errors import PermissionDenied, ValidationError
from branch_desk.services.admin.audit import AuditFilter, browse, count, history, verify_audit_chain
from branch_desk.services.partners.registry import PartnerData, add_partner, update_partner
from tests.support.offices import PASSWORDS
from tests.support.program import run_program

MAROS = PartnerData(code="PEMKAB-MAROS", name="Pemerintah Kabupaten Maros", kind="pemkab",
                    region_code="73.09")


def _partners(office, n=3):
    rows = []
    with office.uow("admin") as uow:
        for i in range(n):
            rows.append(add_partner(uow, data=PartnerData(**{**MAROS.__dict__,
                                                            "code": f"MITRA-{i}"})))
        uow.commit()
    return rows


def _verify(office):
    with office.uow("admin", write=False) as uow:
        return verify_audit_chain(uow)


def _sql(office, *statements):
    conn = sqlite3.connect(office.path)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def test_intact_chain_is_reported_ok(office):
    _partners(office)
    result = _verify(office)
    assert result.ok and not result.problems
    assert result.checked == result.last_seq >= 4
    assert "utuh" in result.message


@pytest.mark.sqlite_only
def test_edited_entry_is_detected_with_its_seq(office):
    _partners(office)
    last = _verify(office).last_seq
    _sql(office, f"UPDATE audit_log SET username = 'penyusup' WHERE seq = {last - 1}")
    result = _verify(office)
    assert not result.ok
    assert result.first_bad_seq == last - 1
    assert result.problems[0].kind == "edited"
    assert f"#{last - 1}" in result.message and "diubah" in result.message
    assert len(result.problems) == 1  # the check carries on from the stored hash


@pytest.mark.sqlite_only
def test_edited_value_inside_after_is_detected(office):
    _partners(office)
    last = _verify(office).last_seq
    _sql(office, f"UPDATE audit_log SET after = json_set(after, '$.name', 'Palsu') "
                 f"WHERE seq = {last}")
    result = _verify(office)
    assert [p.seq for p in result.problems] == [last]


@pytest.mark.sqlite_only
def test_deleted_entry_is_detected(office):
    _partners(office)
    _sql(office, "DELETE FROM audit_log WHERE seq = 2")
    result = _verify(office)
    assert not result.ok and result.first_bad_seq == 2
    assert result.problems[0].kind == "missing" and "hilang" in result.message


@pytest.mark.sqlite_only
def test_deleted_last_entries_are_detected_against_the_counter(office):
    _partners(office)
    last = _verify(office).last_seq
    _sql(office, f"DELETE FROM audit_log WHERE seq >= {last - 1}")
    result = _verify(office)
    assert not result.ok
    assert result.problems[0].kind == "tail_missing" and result.first_bad_seq == last - 1


@pytest.mark.sqlite_only
def test_reordered_entries_are_detected(office):
    _partners(office)
    last = _verify(office).last_seq
    a, b = last - 2, last - 1
    # swap the two rows' contents, keeping their positions (seq)
    _sql(office,
         f"UPDATE audit_log SET seq = -1 WHERE seq = {a}",
         f"UPDATE audit_log SET seq = {a} WHERE seq = {b}",
         f"UPDATE audit_log SET seq = {b} WHERE seq = -1")
    result = _verify(office)
    assert not result.ok and result.first_bad_seq == a
    assert {p.seq for p in result.problems} >= {a}


def test_new_writes_after_a_check_keep_the_chain(office):
    _partners(office, 1)
    assert _verify(office).ok
    with office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(**{**MAROS.__dict__, "code": "LAGI"}))
        uow.commit()
    assert _verify(office).ok


def test_history_shows_before_and_after(office):
    row = _partners(office, 1)[0]
    with office.uow("admin") as uow:
        update_partner(uow, partner_id=row.id, expected_version=row.version,
                       data=PartnerData(**{**MAROS.__dict__, "code": "MITRA-0",
                                           "head_name": "Chaidir Syam"}))
        uow.commit()
    with office.uow("kepala", write=False) as uow:
        rows = history(uow, table="partners", row_id=row.id)
    assert [r.action for r in rows] == ["insert", "update"]
    assert rows[0].after["code"] == "MITRA-0" and rows[0].username == "admin"
    assert rows[1].before == {"head_name": ""} and rows[1].after == {"head_name": "Chaidir Syam"}


def test_officer_may_not_read_history(office):
    row = _partners(office, 1)[0]
    with office.uow("petugas", write=False) as uow, pytest.raises(PermissionDenied):
        history(uow, table="partners", row_id=row.id)


def test_browse_filters_by_table_user_action_and_date(office):
    _partners(office, 3)
    now = utcnow()
    with office.uow("kepala", write=False) as uow:
        everything = count(uow, criteria=AuditFilter())
        mine = browse(uow, criteria=AuditFilter(table="partners", username="admin",
                                               action="insert"))
        assert len(mine) == 3 and all(r.table_name == "partners" for r in mine)
        assert mine[0].seq > mine[-1].seq  # newest first
        assert count(uow, criteria=AuditFilter(username="nobody")) == 0
        assert count(uow, criteria=AuditFilter(since=now + timedelta(hours=1))) == 0
        assert count(uow, criteria=AuditFilter(until=now + timedelta(hours=1))) == everything
        with pytest.raises(ValidationError, match="sebelum"):
            browse(uow, criteria=AuditFilter(since=now, until=now - timedelta(days=1)))


def _cli(office, *args, user=None):
    if user:
        args = (*args, "--user", user)
    return run_program(*args, "--db", str(office.path), env={"PATH": "/usr/bin:/bin"},
                       data=tempfile.mkdtemp(prefix="cli-data-"),
                       password=PASSWORDS[user] if user else None)


@pytest.mark.sqlite_only
def test_cli_audit_verify_exit_code_and_json(office):
    _partners(office, 2)
    office.db.dispose()
    ok = _cli(office, "audit", "verify", "--json", user="admin")
    assert ok.returncode == 0, ok.stderr
    data = json.loads(ok.stdout)
    assert data["ok"] is True and data["problems"] == []
    _sql(office, "UPDATE audit_log SET note = 'x' WHERE seq = 2")
    bad = _cli(office, "audit", "verify", "--json", user="admin")
    assert bad.returncode == 1
    data = json.loads(bad.stdout)
    assert data["ok"] is False and data["problems"][0]["seq"] == 2
    assert "#2" in data["message"]


def test_cli_audit_history(office):
    row = _partners(office, 1)[0]
    office.db.dispose()
    result = _cli(office, "audit", "history", "--table", "partners", "--row", row.id, "--json",
                  user="kepala")
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert entries[0]["action"] == "insert" and entries[0]["after"]["code"] == "MITRA-0"
    refused = _cli(office, "audit", "history", "--table", "partners", "--row", row.id,
                   user="petugas")
    assert refused.returncode == 2 and "tidak berwenang" in refused.stderr
