"""`audit verify` sees what was written around the program (issue 16): a field changed, a row
added or deleted with sqlite3 in each data table, the last audit entries deleted with the
counter lowered; and no false alarm after the program's own writes (demo office, NIK
correction, death, bulk import, sync between offices)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from branch_desk.db.base import utcnow
from branch_desk.db.engine import Database
from branch_desk.domain.actor import Actor
from branch_desk.domain.record_labels import field_label, table_label
from branch_desk.services.admin.audit import AuditVerification, verify_audit_chain
from branch_desk.services.demo.office import build_demo
from branch_desk.services.uow import UnitOfWork
from tests.support.pemda_lists import pemda_rows, write_pemda_list
from tests.support.sync import (
    add_participant,
    build_templates,
    close_offices,
    edit_participant,
    export,
    import_,
    keep_alive,
    open_offices,
)

pytestmark = pytest.mark.sqlite_only

ADMIN = Actor("admin", "admin", "MRS", "Admin Kantor")
KEPALA = Actor("kepala", "supervisor", "MRS", "Andi Makkasau")

# One field of each data table the issue names, and a value no row of the demo holds.
EDITS = {
    "participants": ("name", "Penyusup Data"),
    "enrolments": ("end_date", "2031-01-01"),
    "heirs": ("bank_account", "9990001112"),
    "claims": ("total_amount", 1),
    "claim_recipients": ("bank_account", "9990001112"),
    "claim_benefit_lines": ("amount", 1),
    "contribution_entries": ("amount", 1),
    "contribution_bills": ("total", 1),
    "agreements": ("budget", 1),
    "certificates": ("benefits_paid", 1),
}


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = keep_alive(Database(path))
    build_demo(db, participants=20, password="petugas-rahasia")
    db.dispose()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "office.db"
    shutil.copy(demo_template, copy)
    return copy


def _verify(path: Path) -> AuditVerification:
    db = keep_alive(Database(path))
    try:
        with UnitOfWork(db, ADMIN) as uow:
            return verify_audit_chain(uow)
    finally:
        db.dispose()


def _sql(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for statement, params in statements:
            conn.execute(statement, params)
    conn.close()


def _first(path: Path, table: str) -> dict[str, object]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    row = conn.execute(f'SELECT * FROM "{table}" ORDER BY id LIMIT 1').fetchone()
    conn.close()
    return dict(row)


def _kinds(result: AuditVerification) -> list[str]:
    return [p.kind for p in result.problems]


def test_a_clean_demo_office_is_intact(demo):
    result = _verify(demo)
    assert result.ok, [p.message for p in result.problems]
    assert result.rows_checked > 200 and "baris data sesuai" in result.message


@pytest.mark.parametrize("table", sorted(EDITS))
def test_a_field_changed_with_sqlite3_is_named_with_both_values(demo, table):
    field, value = EDITS[table]
    row = _first(demo, table)
    _sql(demo, (f'UPDATE "{table}" SET "{field}" = ? WHERE id = ?', (value, row["id"])))
    result = _verify(demo)
    assert not result.ok
    (problem,) = [p for p in result.problems if p.kind == "row_changed"]
    assert (problem.table, problem.row_id, problem.field) == (table, row["id"], field)
    assert problem.recorded == row[field] and problem.found == value
    assert table_label(table) in problem.message and field_label(field) in problem.message
    assert "diubah langsung di luar program" in problem.message
    assert result.problem_count == 1


@pytest.mark.parametrize("table", sorted(EDITS))
def test_a_row_added_with_sqlite3_is_named(demo, table):
    row = _first(demo, table)
    row["id"] = "0fffffff-ffff-7fff-bfff-ffffffffffff"
    for unique in ("nik", "kpj", "number"):
        if unique in row:
            row[unique] = "9999999999999999"[:len(str(row[unique]))] if unique != "number" \
                else "PALSU/1"
    columns = ", ".join(f'"{k}"' for k in row)
    _sql(demo, (f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(row))})',
                tuple(row.values())))
    result = _verify(demo)
    assert _kinds(result) == ["row_added"]
    (problem,) = result.problems
    assert (problem.table, problem.row_id) == (table, row["id"])
    assert table_label(table) in problem.message and "ditambahkan langsung" in problem.message


@pytest.mark.parametrize("table", sorted(EDITS))
def test_a_row_deleted_with_sqlite3_is_named(demo, table):
    row = _first(demo, table)
    _sql(demo, (f'DELETE FROM "{table}" WHERE id = ?', (row["id"],)))
    result = _verify(demo)
    assert _kinds(result) == ["row_deleted"]
    (problem,) = result.problems
    assert (problem.table, problem.row_id) == (table, row["id"])
    assert table_label(table) in problem.message and "dihapus langsung" in problem.message


def test_a_participant_deleted_is_named_by_name_and_kpj(demo):
    row = _first(demo, "participants")
    _sql(demo, ("DELETE FROM participants WHERE id = ?", (row["id"],)))
    (problem,) = _verify(demo).problems
    assert f"{row['name']} (KPJ {row['kpj']})" in problem.message


def test_an_edit_covered_by_a_forged_change_log_entry_is_still_seen(demo):
    """The insider edits the row and the change log's record of it alike: the change log
    then no longer matches the audit chain."""
    row = _first(demo, "participants")
    _sql(demo, ("UPDATE participants SET name = 'Penyusup' WHERE id = ?", (row["id"],)),
         ("UPDATE change_log SET fields = json_set(fields, '$.name', 'Penyusup') "
          "WHERE table_name = 'participants' AND row_id = ?", (row["id"],)))
    result = _verify(demo)
    assert "change_unaudited" in _kinds(result) and "audit_unlogged" in _kinds(result)
    assert all(p.row_id == row["id"] for p in result.problems)


def _truncate(path: Path, count: int) -> int:
    conn = sqlite3.connect(path)
    (last,) = conn.execute("SELECT max(seq) FROM audit_log").fetchone()
    with conn:
        conn.execute("DELETE FROM audit_log WHERE seq > ?", (last - count,))
        conn.execute("UPDATE number_sequences SET value = ? WHERE name = 'audit:seq'",
                     (last - count,))
    conn.close()
    return last


def test_the_last_entries_deleted_with_the_counter_lowered_are_seen(demo):
    last = _truncate(demo, 3)
    result = _verify(demo)
    assert not result.ok
    tail = next(p for p in result.problems if p.kind == "tail_truncated")
    assert tail.seq == last - 2 and f"#{last}" in tail.message
    # the rows those entries recorded are named too
    assert {p.kind for p in result.problems} >= {"change_unaudited"}


def test_a_truncated_tail_of_events_only_is_seen(demo):
    """The last entries record no row change (a full NIK viewed): only the sealed head
    knows of them."""
    db = keep_alive(Database(demo))
    from branch_desk.services.participants.registry import reveal_nik

    with UnitOfWork(db, KEPALA, write=True) as uow:
        reveal_nik(uow, str(_first(demo, "participants")["id"]))
        uow.commit()
    db.dispose()
    assert _verify(demo).ok
    _truncate(demo, 1)
    result = _verify(demo)
    assert _kinds(result) == ["tail_truncated"]


def test_a_deleted_seal_is_seen(demo):
    _sql(demo, ("DELETE FROM audit_seals", ()))
    assert _kinds(_verify(demo)) == ["seal_missing"]


def test_nik_correction_death_and_bulk_import_leave_it_intact(demo, tmp_path):
    from branch_desk.services.participants.importing import import_participants
    from branch_desk.services.participants.registry import correct_nik, record_death

    conn = sqlite3.connect(demo)
    (first, second) = [r[0] for r in conn.execute(
        "SELECT id FROM participants WHERE status = 'aktif' ORDER BY id LIMIT 2")]
    conn.close()
    db = keep_alive(Database(demo))
    with UnitOfWork(db, KEPALA, write=True) as uow:
        correct_nik(uow, participant_id=first, new_nik="7309014505900199",
                    reason="Salah ketik pada formulir", today=date(2025, 9, 1))
        record_death(uow, participant_id=second, died_on=date(2025, 8, 30),
                     reason="Surat keterangan kematian", today=date(2025, 9, 1))
        uow.commit()
    listing = write_pemda_list(tmp_path / "pemda.xlsx", pemda_rows(40, seed=11))
    with UnitOfWork(db, Actor("petugas", "petugas", "MRS"), write=True) as uow:
        report = import_participants(uow, listing, partner_code="PEMKAB-MAROS",
                                     dry_run=False, today=date(2025, 9, 1))
        uow.commit()
    db.dispose()
    assert report.imported > 0
    result = _verify(demo)
    assert result.ok, [p.message for p in result.problems]


def test_logins_failed_and_successful_leave_it_intact(demo):
    """A login's bookkeeping (failures, lock, last login) is the workstation's note, kept
    out of the change log on purpose: not reported as an edit."""
    from branch_desk.services.admin.users import LoginError, authenticate

    db = keep_alive(Database(demo))
    for _ in range(5):  # the fifth locks the account
        with pytest.raises(LoginError):
            authenticate(db, "petugas2", "salah-sandi", now=utcnow())
    authenticate(db, "petugas", "petugas-rahasia", now=utcnow())
    db.dispose()
    result = _verify(demo)
    assert result.ok, [p.message for p in result.problems]


@pytest.fixture(scope="module")
def sync_templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("sync-templates"), ["MRS", "PKJ"])


def test_offices_after_sync_both_ways_are_intact_and_remote_rows_are_checked(
        sync_templates, tmp_path):
    offices = open_offices(sync_templates, tmp_path / "offices")
    mrs, pkj = offices["MRS"], offices["PKJ"]
    pid = add_participant(mrs, nik="7309014505900001", name="Siti Aminah", kpj="MRS00000001")
    import_(pkj, Path(export(mrs, "PKJ", tmp_path / "a.bdsync").path))
    edit_participant(pkj, pid, phone="0812-PKJ")  # PKJ's edit of MRS's row travels back
    add_participant(pkj, nik="7309014505900002", name="Andi Baso", kpj="PKJ00000001")
    import_(mrs, Path(export(pkj, "MRS", tmp_path / "b.bdsync").path))
    close_offices(offices)
    for office in (mrs, pkj):
        result = _verify(office.path)
        assert result.ok, (office.code, [p.message for p in result.problems])
    # at PKJ, MRS's row is accounted for by MRS's signature: an edit of either is seen
    _sql(pkj.path, ("UPDATE participants SET name = 'Penyusup' WHERE id = ?", (pid,)))
    (changed,) = _verify(pkj.path).problems
    assert (changed.kind, changed.row_id, changed.found) == ("row_changed", pid, "Penyusup")
    _sql(pkj.path, ("UPDATE change_log SET fields = json_set(fields, '$.name', 'Penyusup') "
                    "WHERE row_id = ? AND origin_office = 'MRS'", (pid,)))
    assert "change_unproven" in _kinds(_verify(pkj.path))


def test_cli_audit_verify_names_the_problem_and_exits_non_zero(demo, capsys, monkeypatch):
    from branch_desk.cli.main import main

    row = _first(demo, "heirs")
    _sql(demo, ("UPDATE heirs SET bank_account = '9990001112' WHERE id = ?", (row["id"],)))
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "petugas-rahasia")  # the audit needs a login
    assert main(["--db", str(demo), "audit", "verify", "--json", "--user", "admin"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["problem_count"] == 1
    (problem,) = data["problems"]
    assert {k: problem[k] for k in ("kind", "table", "row_id", "field", "recorded", "found")} \
        == {"kind": "row_changed", "table": "heirs", "row_id": row["id"],
            "field": "bank_account", "recorded": row["bank_account"], "found": "9990001112"}
    assert main(["--db", str(demo), "audit", "verify", "--user", "admin"]) == 1
    text = capsys.readouterr().out
    assert "Ahli waris" in text and "9990001112" in text and "TIDAK utuh" in text


def test_a_consistent_local_rewrite_is_seen_through_what_was_sent(sync_templates, tmp_path):
    """The insider deletes a participant with its change-log and audit entries, lowers
    both counters and reseals the audit head: consistent locally, but the change had been
    signed and sent to PKJ, and the office's own records of that still count it."""
    offices = open_offices(sync_templates, tmp_path / "offices")
    mrs = offices["MRS"]
    pid = add_participant(mrs, nik="7309014505900003", name="Hasnah", kpj="MRS00000003")
    import_(offices["PKJ"], Path(export(mrs, "PKJ", tmp_path / "a.bdsync").path))
    close_offices(offices)
    assert _verify(mrs.path).ok
    conn = sqlite3.connect(mrs.path)
    (first,) = conn.execute("SELECT min(seq) FROM audit_log WHERE row_id = ?",
                            (pid,)).fetchone()
    (low,) = conn.execute("SELECT min(seq) FROM change_log WHERE row_id = ?", (pid,)).fetchone()
    with conn:
        for table in ("enrolments", "participants"):
            key = "participant_id" if table == "enrolments" else "id"
            conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (pid,))
        conn.execute("DELETE FROM change_log WHERE origin_office = 'MRS' AND seq >= ?", (low,))
        conn.execute("DELETE FROM audit_log WHERE seq >= ?", (first,))
        conn.execute("UPDATE number_sequences SET value = ? WHERE name = 'sync:seq'", (low - 1,))
        conn.execute("UPDATE number_sequences SET value = ? WHERE name = 'audit:seq'",
                     (first - 1,))
        conn.execute("UPDATE audit_seals SET seq = ?, hash = (SELECT hash FROM audit_log "
                     "WHERE seq = ?)", (first - 1, first - 1))
    conn.close()
    result = _verify(mrs.path)
    assert set(_kinds(result)) == {"changes_truncated"}
    witnesses = " ".join(p.message for p in result.problems)
    assert "bukti tanda tangan" in witnesses and "berkas sinkronisasi yang dikirim" in witnesses


def test_a_change_log_entry_deleted_in_the_middle_is_seen(demo):
    row = _first(demo, "heirs")
    _sql(demo, ("DELETE FROM change_log WHERE row_id = ?", (row["id"],)))
    kinds = _kinds(_verify(demo))
    assert "changes_missing" in kinds and "audit_unlogged" in kinds


def test_damaged_json_in_the_logs_is_reported_not_a_traceback(demo):
    """A flipped byte that leaves an entry's JSON unreadable (a crafted or damaged file)."""
    row = _first(demo, "heirs")
    _sql(demo, ("UPDATE audit_log SET after = substr(after, 2) WHERE seq = 5", ()),
         ("UPDATE change_log SET fields = substr(fields, 2) WHERE row_id = ?", (row["id"],)))
    result = _verify(demo)
    assert not result.ok
    assert any(p.kind == "edited" and p.seq == 5 for p in result.problems)
    damaged = [p for p in result.problems if p.row_id == row["id"]]
    assert any("rusak" in p.message for p in damaged)
