"""Restore as an attacker tries it (issue 16): crafted backups, missing or wrong logins, a
damaged or missing current database, another office's file. Each refusal leaves the current
database byte for byte as it was."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from branch_desk.db.backup import integrity_ok
from branch_desk.db.engine import Database
from branch_desk.db.migrate import head_revision
from branch_desk.db.models.core import AuditEntry
from branch_desk.db.recording import GENESIS_HASH, audit_hash, record_event
from branch_desk.db.schema_check import normalise_sql, reference_schema
from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import PermissionDenied
from branch_desk.services.admin.accounts import set_active
from branch_desk.services.admin.audit import verify_database
from branch_desk.services.admin.backups import BackupError, backup
from branch_desk.services.admin.change_log_check import change_log_problem
from branch_desk.services.admin.offices import initialise
from branch_desk.services.admin.restore import restore
from branch_desk.services.admin.users import add_user
from branch_desk.services.partners.registry import PartnerData, add_partner
from branch_desk.services.uow import UnitOfWork
from tests.support.offices import PASSWORDS, build_office
from tests.support.program import run_program

pytestmark = pytest.mark.sqlite_only  # restore works on the SQLite file

BANK_TRIGGER = ("CREATE TRIGGER rekening_ganti AFTER INSERT ON claim_recipients BEGIN "
                "UPDATE claim_recipients SET bank_name = 'BANK X', bank_account = '9999999999'; "
                "END")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add(office, code: str) -> None:
    with office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(code=code, name=f"Mitra {code}", kind="pemkab",
                                          region_code="73.09"))
        uow.commit()


def _edited(office, tmp_path: Path, name: str, *statements: str,
            writable_schema: bool = False) -> Path:
    """A true backup of the office, then changed with sqlite3 as an attacker would."""
    path = backup(office.db, tmp_path / f"{name}.db")
    conn = sqlite3.connect(path)
    try:
        if writable_schema:
            conn.execute("PRAGMA writable_schema = ON")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
    return path


def _fts_insert_trigger(office) -> str:
    conn = sqlite3.connect(office.path)
    try:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                              "'participants_fts_ai'").fetchone()
    finally:
        conn.close()
    return sql


CRAFTED = {
    "extra_trigger": ((BANK_TRIGGER,), False, "trigger `rekening_ganti`"),
    "extra_index": (("CREATE INDEX ix_nik_bocor ON participants (nik, birth_date)",), False,
                    "indeks `ix_nik_bocor`"),
    "extra_view": (("CREATE VIEW semua_nik AS SELECT nik, name FROM participants",), False,
                   "view `semua_nik`"),
    "extra_table": (("CREATE TABLE catatan (isi TEXT)",), False, "tabel `catatan`"),
    "extra_virtual_table": (("CREATE VIRTUAL TABLE cari USING fts5(isi)",), False,
                            "tabel `cari`"),
    "changed_column_type": ((
        "UPDATE sqlite_master SET sql = replace(sql, 'bank_account VARCHAR(60)', "
        "'bank_account BLOB') WHERE name = 'claim_recipients'",), True,
        "tabel `claim_recipients` yang definisinya berbeda"),
    "missing_index": (("DROP INDEX ix_participants_nik",), False,
                      "tidak memuat indeks `ix_participants_nik`"),
    "user_version": (("PRAGMA user_version = 7",), False, "user_version = 7"),
}


@pytest.mark.parametrize("kind", sorted(CRAFTED))
def test_a_backup_with_a_schema_not_ours_is_refused(office, tmp_path, kind):
    _add(office, "SATU")
    statements, writable, named = CRAFTED[kind]
    crafted = _edited(office, tmp_path, kind, *statements, writable_schema=writable)
    assert integrity_ok(crafted)  # SQLite itself finds nothing wrong with the file
    office.db.dispose()
    before = _digest(office.path)
    with pytest.raises(BackupError) as refused:
        restore(office.path, crafted, actor=office.actors["admin"], directory=tmp_path / "c")
    message = str(refused.value)
    assert "bukan skema program" in message and named in message, message
    assert "Tidak ada yang diubah" in message
    assert _digest(office.path) == before
    assert not (tmp_path / "c").exists()  # not even a safety copy was made
    assert not Path(str(office.path) + ".restoring").exists()


def test_a_changed_trigger_of_ours_is_refused(office, tmp_path):
    ours = _fts_insert_trigger(office)
    changed = ours.replace("BEGIN", "BEGIN UPDATE claim_recipients SET bank_account = '1';")
    crafted = _edited(office, tmp_path, "fts", "DROP TRIGGER participants_fts_ai", changed)
    office.db.dispose()
    before = _digest(office.path)
    with pytest.raises(BackupError, match="trigger `participants_fts_ai` yang definisinya"):
        restore(office.path, crafted, actor=office.actors["admin"], directory=tmp_path / "c")
    assert _digest(office.path) == before


def test_the_bank_trigger_never_reaches_the_database(office, tmp_path):
    """The issue's attack: our backup plus one trigger rewriting every recipient's account."""
    crafted = _edited(office, tmp_path, "rekening", BANK_TRIGGER)
    office.db.dispose()
    with pytest.raises(BackupError):
        restore(office.path, crafted, actor=office.actors["admin"], directory=tmp_path / "c")
    conn = sqlite3.connect(office.path)
    try:
        triggers = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    finally:
        conn.close()
    assert "rekening_ganti" not in triggers


def test_sqlite_statistics_tables_are_allowed(office, tmp_path):
    _add(office, "SATU")
    analysed = _edited(office, tmp_path, "analisa", "ANALYZE")
    office.db.dispose()
    result = restore(office.path, analysed, actor=office.actors["admin"],
                     directory=tmp_path / "c")
    assert result.office == "MRS" and result.authorised_by == "login"


def test_the_reference_is_what_the_migrations_make(office):
    """The reference of the head revision matches a database the program set up (the
    office fixture), so an honest backup of today's program passes."""
    expected, _settings = reference_schema(head_revision())
    conn = sqlite3.connect(office.path)
    try:
        found = {(k, n): (t, normalise_sql(s)) for k, n, t, s in
                 conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")}
    finally:
        conn.close()
    assert found == expected
    assert ("trigger", "participants_fts_ai") in expected


def _flip_inside(path: Path, marker: bytes) -> None:
    """Change one digit of `marker` in the raw bytes of the file (every copy of it)."""
    data = bytearray(path.read_bytes())
    at = data.find(marker)
    assert at >= 0
    while at >= 0:
        data[at + len(marker) - 1] ^= 0x01  # '0' <-> '1'
        at = data.find(marker, at + 1)
    path.write_bytes(bytes(data))


def test_a_bit_flip_in_the_audit_json_is_refused(office, tmp_path):
    with office.uow("admin") as uow:
        record_event(uow.session, office.actors["admin"], "uji_cadangan",
                     details={"rekening": "rekening-1234567890"})
        uow.commit()
    saved = backup(office.db, tmp_path / "asli.db")
    flipped = tmp_path / "dibalik.db"
    flipped.write_bytes(saved.read_bytes())
    _flip_inside(flipped, b"rekening-1234567890")
    assert integrity_ok(flipped)  # the JSON is in no index: integrity_check passes
    office.db.dispose()
    before = _digest(office.path)
    with pytest.raises(BackupError, match="rantai log audit") as refused:
        restore(office.path, flipped, actor=office.actors["admin"], directory=tmp_path / "c")
    assert "telah diubah" in str(refused.value)
    assert _digest(office.path) == before
    # the unflipped backup is accepted
    restore(office.path, saved, actor=office.actors["admin"], directory=tmp_path / "c")


def test_a_bit_flip_in_the_change_log_or_audit_json_is_refused(office, tmp_path):
    """The partner's values are in its change-log entry and its audit entry as JSON (in no
    index); a flip in either copy is refused, the change log's by its own check."""
    _add(office, "REK-1230")
    saved = backup(office.db, tmp_path / "asli.db")
    data = saved.read_bytes()
    marker = b'"name": "Mitra REK-1230"'
    places = [i for i in range(len(data)) if data.startswith(marker, i)]
    assert len(places) == 2  # change_log.fields and audit_log.after
    office.db.dispose()
    before = _digest(office.path)
    reasons = []
    for n, at in enumerate(places):
        flipped = tmp_path / f"dibalik-{n}.db"
        copy = bytearray(data)
        copy[at + len(marker) - 2] ^= 0x01  # the last digit: '0' <-> '1'
        flipped.write_bytes(bytes(copy))
        assert integrity_ok(flipped)
        with pytest.raises(BackupError) as refused:
            restore(office.path, flipped, actor=office.actors["admin"], directory=tmp_path / "c")
        reasons.append(str(refused.value))
        assert _digest(office.path) == before
    # Each flip is seen: by the audit check (which also compares the change log with the
    # audit) or by the change-log check after it.
    assert all("rantai log audit" in r or "log perubahannya tidak cocok dengan log audit" in r
               for r in reasons), reasons


def test_a_deleted_audit_tail_is_refused(office, tmp_path):
    _add(office, "SATU")
    cut = _edited(office, tmp_path, "potong",
                  "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    office.db.dispose()
    before = _digest(office.path)
    with pytest.raises(BackupError, match="rantai log audit"):
        restore(office.path, cut, actor=office.actors["admin"], directory=tmp_path / "c")
    assert _digest(office.path) == before


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET at = 'bukan-tanggal' WHERE seq = 1",
    "UPDATE audit_log SET after = '{bukan json' WHERE seq = (SELECT max(seq) FROM audit_log)",
    "UPDATE change_log SET fields = '[[[' WHERE seq = 1",
])
def test_unreadable_audit_values_are_refused_without_a_traceback(office, tmp_path, statement):
    _add(office, "SATU")
    crafted = _edited(office, tmp_path, "nilai", statement)
    office.db.dispose()
    before = _digest(office.path)
    with pytest.raises(BackupError, match="ditolak"):
        restore(office.path, crafted, actor=office.actors["admin"], directory=tmp_path / "c")
    assert _digest(office.path) == before


def _other_office(office, tmp_path: Path) -> Path:
    """An honest backup of another office, Palopo (a copy of Maros with its code changed by
    hand is refused by the audit check before the office is even compared)."""
    live = Database(tmp_path / "palopo.db")
    try:
        initialise(live, office_code="PLP", office_name="Kantor Cabang Palopo", admin="admin",
                   password=PASSWORDS["admin"], region_code="73.73")
        return backup(live, tmp_path / "lain.db")
    finally:
        live.dispose()


def test_another_office_needs_the_flag_and_is_recorded(office, tmp_path):
    other = _other_office(office, tmp_path)
    office.db.dispose()
    before = _digest(office.path)
    with pytest.raises(BackupError, match=r"milik kantor PLP.*--other-office"):
        restore(office.path, other, actor=office.actors["admin"], directory=tmp_path / "c")
    assert _digest(office.path) == before
    result = restore(office.path, other, actor=office.actors["admin"], directory=tmp_path / "c",
                     allow_other_office=True)
    assert result.office == "PLP"
    db = Database(office.path)
    try:
        with db.sessions() as session:
            entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "restore")).one()
    finally:
        db.dispose()
    assert entry.username == "admin" and entry.office == "MRS"
    assert entry.after == {"source": str(other), "by": "login", "previous_office": "MRS",
                           "backup_office": "PLP", "other_office": True, "history_fork": None}
    assert "masuk sebagai admin" in entry.note


def test_a_newer_revision_is_refused_and_nothing_changes(office, tmp_path):
    newer = _edited(office, tmp_path, "baru", "UPDATE alembic_version SET version_num = '0099'")
    office.db.dispose()
    before = _digest(office.path)
    with pytest.raises(BackupError, match="lebih baru"):
        restore(office.path, newer, actor=office.actors["admin"], directory=tmp_path / "c")
    assert _digest(office.path) == before


# --- who may restore ------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["nobody", "petugas", "kepala", "forged_role", "forged_office",
                                 "unknown", "deactivated"])
def test_only_an_active_admin_of_the_current_database_restores(office, tmp_path, who):
    with office.uow("admin") as uow:
        add_user(uow, username="admin2", role="admin", password="rahasia-admin2")
        set_active(uow, username="admin2", active=False)
        uow.commit()
    saved = backup(office.db, tmp_path / "pagi.db")
    office.db.dispose()
    actors = {"nobody": None, "petugas": office.actors["petugas"],
              "kepala": office.actors["kepala"],
              # an Actor made up in code: the role, office or account is not the database's
              "forged_role": Actor("petugas", "admin", "MRS"),
              "forged_office": Actor("admin", "admin", "PLP"),
              "unknown": Actor("hantu", "admin", "MRS"),
              "deactivated": Actor("admin2", "admin", "MRS")}
    before = _digest(office.path)
    with pytest.raises(PermissionDenied):
        restore(office.path, saved, actor=actors[who], directory=tmp_path / "c")
    assert _digest(office.path) == before
    assert not (tmp_path / "c").exists()


def test_a_missing_database_needs_the_recovery_key(tmp_path, office):
    saved = backup(office.db, tmp_path / "pagi.db")
    target = tmp_path / "pc-baru" / "office.db"
    for key in (None, "kunci-apa-saja"):
        with pytest.raises(PermissionDenied, match="belum ada di komputer ini"):
            restore(target, saved, actor=office.actors["admin"], recovery_key=key,
                    directory=tmp_path / "c")
    assert not target.exists()


def test_a_database_without_its_office_row_counts_as_damaged(office, tmp_path):
    saved = backup(office.db, tmp_path / "pagi.db")
    office.db.dispose()
    conn = sqlite3.connect(office.path)
    with conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE offices SET is_self = 0")
    conn.close()
    before = _digest(office.path)
    with pytest.raises(PermissionDenied, match=r"rusak.*--recovery-key-file"):
        restore(office.path, saved, actor=office.actors["admin"], directory=tmp_path / "c")
    assert _digest(office.path) == before


# --- the command line -----------------------------------------------------------------------


def _cli(office, *args, user: str | None = "admin"):
    login = ("--user", user) if user else ()
    return run_program(*args, "--db", str(office.path), *login, "--json",
                       data=office.path.parent / "cli-data",
                       password=PASSWORDS[user] if user else None)


def _content(path: Path) -> tuple[list[tuple], list[tuple]]:
    """The schema and the partners of a database (a login writes its own audit entries, so
    the command-line tests compare these rather than the bytes)."""
    conn = sqlite3.connect(path)
    try:
        return (sorted(conn.execute("SELECT type, name, sql FROM sqlite_master")),
                sorted(conn.execute("SELECT code, name FROM partners")))
    finally:
        conn.close()


def test_cli_restore_refusals(office, tmp_path):
    _add(office, "SATU")
    saved = backup(office.db, tmp_path / "pagi.db")
    crafted = _edited(office, tmp_path, "rekening", BANK_TRIGGER)
    _add(office, "DUA")
    office.db.dispose()
    before = _content(office.path)
    no_login = _cli(office, "restore", str(saved), user=None)
    assert no_login.returncode == 2 and "--user" in no_login.stderr + no_login.stdout
    as_officer = _cli(office, "restore", str(saved), user="petugas")
    assert as_officer.returncode == 2
    bad = _cli(office, "restore", str(crafted))
    assert bad.returncode == 2
    assert "trigger `rekening_ganti`" in json.loads(bad.stdout)["error"]
    assert _content(office.path) == before
    done = _cli(office, "restore", str(saved))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["authorised_by"] == "login"
    assert _content(office.path)[1] == [("SATU", "Mitra SATU")]


def test_cli_restore_over_a_damaged_database_asks_for_the_recovery_key(office, tmp_path):
    saved = backup(office.db, tmp_path / "pagi.db")
    office.db.dispose()
    office.path.write_bytes(b"\0" * 40_000)
    for path in (office.path.with_name(office.path.name + s) for s in ("-wal", "-shm")):
        path.unlink(missing_ok=True)
    without = _cli(office, "restore", str(saved), user=None)
    assert without.returncode == 2
    assert "--recovery-key-file" in json.loads(without.stdout)["error"]
    key = tmp_path / "kunci.txt"
    key.write_text("ABCD-EFGH-IJKL\n", encoding="utf-8")
    with_key = _cli(office, "restore", str(saved), "--recovery-key-file", str(key), user=None)
    assert with_key.returncode == 2
    assert "kunci pemulihan" in json.loads(with_key.stdout)["error"].lower()
    empty = tmp_path / "kosong.txt"
    empty.write_text("", encoding="utf-8")
    blank = _cli(office, "restore", str(saved), "--recovery-key-file", str(empty), user=None)
    assert blank.returncode == 2 and "kosong" in blank.stdout + blank.stderr
    assert office.path.read_bytes() == b"\0" * 40_000


def test_a_backup_of_an_office_that_synchronised_is_restored(tmp_path):
    """Changes received from another office and own changes sent to it: the honest backup
    passes the schema, audit and change-log checks."""
    from tests.support.sync import (
        add_participant,
        build_templates,
        close_offices,
        edit_participant,
        export,
        import_,
        open_offices,
    )

    offices = open_offices(build_templates(tmp_path / "tpl", ["MRS", "PLP"]), tmp_path / "run")
    try:
        mrs, plp = offices["MRS"], offices["PLP"]
        pid = add_participant(mrs, nik="7309014505900001", name="Siti Aminah", kpj="25000000011")
        import_(plp, export(mrs, "PLP", tmp_path / "satu.bdsync").path)
        edit_participant(plp, pid, phone="081234567890")  # a proposal for MRS
        add_participant(plp, nik="7371014505900002", name="Rahma", kpj="25000000029")
        import_(mrs, export(plp, "MRS", tmp_path / "dua.bdsync").path)
        for office in (mrs, plp):
            saved = backup(office.db, tmp_path / f"{office.code}-cadangan.db")
            office.db.dispose()
            result = restore(office.path, saved, actor=office.admin, directory=tmp_path / "c")
            assert result.office == office.code
    finally:
        close_offices(offices)


# --- the backup's history against the current database's -----------------------------------


def _doctor(path: Path, code: str, name: str) -> None:
    """Rename partner `code` in the data, its change-log entry and its audit entry, then
    compute the audit chain and its seal again: what an attacker holding the code can do."""
    conn = sqlite3.connect(path)
    with conn:
        (pid,) = conn.execute("SELECT id FROM partners WHERE code = ?", (code,)).fetchone()
        conn.execute("UPDATE partners SET name = ? WHERE id = ?", (name, pid))
        conn.execute("UPDATE change_log SET fields = json_set(fields, '$.name', ?) "
                     "WHERE table_name = 'partners' AND row_id = ?", (name, pid))
        conn.execute("UPDATE audit_log SET after = json_set(after, '$.name', ?) "
                     "WHERE table_name = 'partners' AND row_id = ? AND action = 'insert'",
                     (name, pid))
    conn.close()
    db = Database(path)
    try:
        with db.sessions() as session:
            prev = GENESIS_HASH
            for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
                body = {"seq": entry.seq, "at": entry.at.isoformat(), "username": entry.username,
                        "office": entry.office, "action": entry.action,
                        "table_name": entry.table_name, "row_id": entry.row_id,
                        "before": entry.before, "after": entry.after, "note": entry.note}
                entry.prev_hash, entry.hash = prev, audit_hash(body, prev)
                prev = entry.hash
            session.commit()
    finally:
        db.dispose()
    conn = sqlite3.connect(path)  # and the sealed head of the chain, as the program seals it
    with conn:
        conn.execute("UPDATE audit_seals SET hash = ? WHERE name = 'head'", (prev,))
    conn.close()


def test_a_doctored_backup_with_its_chain_computed_again_is_refused(office, tmp_path):
    _add(office, "SATU")
    saved = backup(office.db, tmp_path / "asli.db")
    _add(office, "DUA")
    doctored = tmp_path / "diubah.db"
    doctored.write_bytes(saved.read_bytes())
    _doctor(doctored, "SATU", "Mitra PALSU")
    office.db.dispose()
    before = _digest(office.path)
    # the file alone passes every check of its own …
    check = Database(doctored, read_only=True)
    try:
        with UnitOfWork(check) as uow:
            assert verify_database(uow.session).ok and change_log_problem(uow) is None
    finally:
        check.dispose()
    # … but it parts from the current database's log where it was edited
    with pytest.raises(BackupError, match="lalu berbeda tanpa pemulihan") as refused:
        restore(office.path, doctored, actor=office.actors["admin"], directory=tmp_path / "c")
    assert "--other-office" in str(refused.value)
    assert _digest(office.path) == before
    restore(office.path, saved, actor=office.actors["admin"], directory=tmp_path / "c")


def test_backups_from_before_an_earlier_restore_are_accepted(office, tmp_path):
    """Restore X, work on, then restore Y (made after X, before that restore): the logs part
    at the first restore, which explains it."""
    _add(office, "SATU")
    x = backup(office.db, tmp_path / "x.db")
    _add(office, "DUA")
    y = backup(office.db, tmp_path / "y.db")
    office.db.dispose()
    restore(office.path, x, actor=office.actors["admin"], directory=tmp_path / "c")
    _add(office, "TIGA")
    office.db.dispose()
    result = restore(office.path, y, actor=office.actors["admin"], directory=tmp_path / "c")
    assert result.office == "MRS"
    conn = sqlite3.connect(office.path)
    try:
        assert sorted(c for (c,) in conn.execute("SELECT code FROM partners")) == ["DUA", "SATU"]
    finally:
        conn.close()


def test_another_database_of_the_same_office_code_needs_the_flag(office, tmp_path):
    elsewhere = tmp_path / "lain" / "office.db"
    build_office(elsewhere)  # office MRS set up again, on another PC
    office.db.dispose()
    before = _digest(office.path)
    with pytest.raises(BackupError, match="sejak entri #1"):
        restore(office.path, elsewhere, actor=office.actors["admin"], directory=tmp_path / "c")
    assert _digest(office.path) == before
    result = restore(office.path, elsewhere, actor=office.actors["admin"],
                     directory=tmp_path / "c", allow_other_office=True)
    assert result.office == "MRS"
