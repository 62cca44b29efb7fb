"""Backups: daily at first start, on demand, retention, restore checked before it replaces."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from branch_desk.db.backup import integrity_ok
from branch_desk.db.engine import Database
from branch_desk.db.models.partners import Partner
from branch_desk.domain.errors import PermissionDenied
from branch_desk.services.admin.backups import (
    BackupError,
    backup,
    backup_retention,
    daily_backup,
    last_backup_at,
    list_backups,
    set_backup_retention,
)
from branch_desk.services.admin.restore import restore
from branch_desk.services.partners.registry import PartnerData, add_partner
from tests.support.offices import NOW, PASSWORDS
from tests.support.program import run_program

pytestmark = pytest.mark.sqlite_only  # backups and restore work on the SQLite file


def _add(office, code):
    with office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(code=code, name=f"Mitra {code}", kind="pemkab",
                                          region_code="73.09"))
        uow.commit()


def _codes(path: Path) -> list[str]:
    db = Database(path)
    try:
        with db.sessions() as session:
            return sorted(session.scalars(select(Partner.code)))
    finally:
        db.dispose()


def test_daily_backup_once_per_day_and_pruned(office, tmp_path):
    folder = tmp_path / "cadangan"
    first = daily_backup(office.db, NOW, directory=folder)
    assert first is not None and integrity_ok(first)
    assert daily_backup(office.db, NOW + timedelta(hours=3), directory=folder) is None
    # 02:30 UTC is 10:30 WITA; 17:00 UTC is already the next day in Maros
    assert daily_backup(office.db, NOW.replace(hour=17), directory=folder) is not None
    with office.uow("admin") as uow:
        set_backup_retention(uow, keep=3)
        uow.commit()
    for day in range(2, 8):
        assert daily_backup(office.db, NOW + timedelta(days=day), directory=folder)
    kept = sorted(p.name for p in folder.glob("*-harian-*.db"))
    assert len(kept) == 3 and kept[-1].startswith("office-harian-20250623")
    assert last_backup_at(folder) is not None


def test_backup_is_a_consistent_copy_and_audited(office, tmp_path):
    _add(office, "SATU")
    out = backup(office.db, tmp_path / "salinan.db", actor=office.actors["admin"])
    assert integrity_ok(out) and _codes(out) == ["SATU"]
    with office.uow("admin", write=False) as uow:
        from branch_desk.db.models.core import AuditEntry

        event = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "backup")).one()
        assert event.username == "admin" and "salinan.db" in event.note


@pytest.mark.sqlite_only
def test_backup_onto_the_database_itself_is_refused(office, tmp_path):
    """Also under another name for the same file (a link here; on Windows another case)."""
    live = office.db.sqlite_path
    before = live.read_bytes()
    alias = tmp_path / "nama-lain.db"
    alias.symlink_to(live)
    for target in (live, alias):
        with pytest.raises(BackupError, match="basis data itu sendiri"):
            backup(office.db, target, actor=office.actors["admin"])
    assert live.read_bytes() == before


def test_backup_into_folder_gets_a_dated_name(office, tmp_path):
    folder = tmp_path / "cadangan"
    folder.mkdir()
    out = backup(office.db, folder, actor=office.actors["admin"],
                 now=datetime(2025, 6, 16, 2, 30, tzinfo=UTC))
    assert out.name == "office-manual-20250616-103000.db"
    assert [b.kind for b in list_backups(folder)] == ["manual"]


def test_officer_may_not_back_up_or_restore(office, tmp_path):
    with pytest.raises(PermissionDenied):
        backup(office.db, tmp_path / "x.db", actor=office.actors["petugas"])
    with pytest.raises(PermissionDenied):
        restore(office.path, tmp_path / "x.db", actor=office.actors["kepala"])
    with office.uow("petugas") as uow, pytest.raises(PermissionDenied):
        set_backup_retention(uow, keep=5)


def test_restore_brings_back_the_old_state_and_keeps_a_safety_copy(office, tmp_path):
    _add(office, "SATU")
    saved = backup(office.db, tmp_path / "pagi.db")
    _add(office, "DUA")
    office.db.dispose()
    result = restore(office.path, saved, actor=office.actors["admin"],
                     directory=tmp_path / "cadangan")
    assert _codes(office.path) == ["SATU"]
    assert result.safety_copy is not None and _codes(result.safety_copy) == ["DUA", "SATU"]
    assert result.office == "MRS"
    assert not Path(str(office.path) + ".restoring").exists()
    with office.uow("admin", write=False) as uow:
        from branch_desk.services.admin.audit import verify_audit_chain

        assert verify_audit_chain(uow).ok


def _broken_copies(good: Path, folder: Path) -> dict[str, Path]:
    folder.mkdir()
    text = folder / "catatan.db"
    text.write_text("ini bukan basis data", encoding="utf-8")
    truncated = folder / "terpotong.db"
    truncated.write_bytes(good.read_bytes()[:20_000])
    flipped = folder / "rusak.db"
    data = bytearray(good.read_bytes())
    for offset in range(4096 * 3, len(data), 4096):  # damage a byte in many pages
        data[offset + 100] ^= 0xFF
    flipped.write_bytes(bytes(data))
    foreign = folder / "lain.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE x (a)")
    conn.close()
    return {"text": text, "truncated": truncated, "flipped": flipped, "foreign": foreign}


@pytest.mark.parametrize("kind, message", [
    ("text", "bukan basis data SQLite"), ("truncated", "rusak"), ("flipped", "rusak"),
    ("foreign", "bukan basis data Branch Desk"), ("missing", "tidak ditemukan"),
])
def test_restore_refuses_bad_files_and_changes_nothing(office, tmp_path, kind, message):
    _add(office, "SATU")
    good = backup(office.db, tmp_path / "baik.db")
    bad = _broken_copies(good, tmp_path / "rusak").get(kind, tmp_path / "tidak-ada.db")
    office.db.dispose()
    before = office.path.read_bytes()
    with pytest.raises(BackupError, match=message):
        restore(office.path, bad, actor=office.actors["admin"], directory=tmp_path / "c")
    assert office.path.read_bytes() == before
    assert not list((tmp_path / "c").glob("*.db")) if (tmp_path / "c").exists() else True
    assert _codes(office.path) == ["SATU"]


def test_restore_refuses_a_newer_schema_and_another_office(office, tmp_path):
    newer = backup(office.db, tmp_path / "baru.db")
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    other = backup(office.db, tmp_path / "lain.db")
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE offices SET code = 'PLP' WHERE is_self = 1")
        conn.execute("UPDATE office_keys SET office_code = 'PLP'")
    conn.close()
    office.db.dispose()
    admin = office.actors["admin"]
    with pytest.raises(BackupError, match="lebih baru"):
        restore(office.path, newer, actor=admin, directory=tmp_path / "c")
    with pytest.raises(BackupError, match="PLP"):  # the code changed by hand: the audit sees it
        restore(office.path, other, actor=admin, directory=tmp_path / "c")


def test_restore_refuses_while_another_connection_is_open(office, tmp_path):
    saved = backup(office.db, tmp_path / "pagi.db")
    office.db.dispose()
    holder = sqlite3.connect(office.path)
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM partners").fetchone()
    try:
        with pytest.raises(BackupError, match="sedang dipakai"):
            restore(office.path, saved, actor=office.actors["admin"], directory=tmp_path / "c")
    finally:
        holder.close()
    assert not Path(str(office.path) + ".restoring").exists()


def test_restore_over_a_corrupt_database_needs_the_recovery_key(office, tmp_path):
    # Before issue 16 anyone could restore over a damaged database, without a login.
    _add(office, "SATU")
    saved = backup(office.db, tmp_path / "pagi.db")
    office.db.dispose()
    office.path.write_bytes(b"\0" * 50_000)
    for actor in (None, office.actors["admin"]):
        with pytest.raises(PermissionDenied, match="kunci pemulihan kantor"):
            restore(office.path, saved, actor=actor, directory=tmp_path / "c")
    assert office.path.read_bytes() == b"\0" * 50_000
    assert not (tmp_path / "c").exists()


def test_retention_setting_default_and_bounds(office):
    with office.uow("admin") as uow:
        assert backup_retention(uow) == 14
        with pytest.raises(Exception, match="1–365"):
            set_backup_retention(uow, keep=0)
        set_backup_retention(uow, keep=30)
        uow.commit()
    with office.uow("admin", write=False) as uow:
        assert backup_retention(uow) == 30


def _cli(office, *args, user="admin"):
    return run_program(*args, "--db", str(office.path), "--user", user, "--json",
                       data=office.path.parent / "cli-data", password=PASSWORDS[user])


def test_cli_backup_and_restore(office, tmp_path):
    _add(office, "SATU")
    office.db.dispose()
    made = _cli(office, "backup", str(tmp_path / "cli.db"))
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["backup"] == str(tmp_path / "cli.db")
    _add(office, "DUA")
    office.db.dispose()
    refused = _cli(office, "restore", str(tmp_path / "cli.db"), user="petugas")
    assert refused.returncode == 2 and "tidak berwenang" in refused.stderr
    done = _cli(office, "restore", str(tmp_path / "cli.db"))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["office"] == "MRS" and Path(data["safety_copy"]).exists()
    assert _codes(office.path) == ["SATU"]
    (tmp_path / "sampah.db").write_bytes(os.urandom(3000))
    bad = _cli(office, "restore", str(tmp_path / "sampah.db"))
    assert bad.returncode == 2 and "bukan" in json.loads(bad.stdout)["error"]


def test_cli_own_password_change(office):
    office.db.dispose()
    data = office.path.parent / "cli-data"
    run = run_program("users", "passwd", "--db", str(office.path), "--user", "petugas", "--json",
                      data=data, password=PASSWORDS["petugas"],
                      env={**os.environ, "BRANCH_DESK_NEW_PASSWORD": "baru-sekali"})
    assert run.returncode == 0, run.stderr
    from branch_desk.services.admin.users import authenticate

    assert authenticate(office.db, "petugas", "baru-sekali", now=NOW).username == "petugas"
    office.db.dispose()
    short = run_program("users", "passwd", "--db", str(office.path), "--user", "petugas",
                        data=data, password="baru-sekali",
                        env={**os.environ, "BRANCH_DESK_NEW_PASSWORD": "pendek"})
    assert short.returncode == 2 and "minimal 8" in short.stderr

