"""A plain database converted to an encrypted one (after a backup), restores of encrypted
backups, and the key kept in a real credential store."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from branch_desk.db.encryption import is_plain_sqlite
from branch_desk.db.models.participants import Participant
from branch_desk.domain.recovery_key import parse_recovery_key
from branch_desk.services.database import open_database
from branch_desk.services.encryption import (
    KEYRING_SERVICE,
    entry_name,
    fallback_key_file,
    find_key,
)
from tests.support.cli import run_cli as run
from tests.support.encryption import connect_keyed
from tests.support.partners import add_maros

pytestmark = pytest.mark.sqlite_only




def _content(conn) -> dict[str, list[tuple]]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}


def test_key_encrypt_converts_a_plain_database_after_a_backup(office, tmp_path, capsys,
                                                               monkeypatch):
    folder = tmp_path / "data" / "backups"
    folder.mkdir(parents=True)
    with office.uow("admin") as uow:
        uow.session.add(Participant(
            nik="7309014505900001", kpj="37500000099", name="Sitti Rahmawati",
            name_search="sitti rahmawati", birth_date=date(1990, 5, 5), sex="P",
            village_code="73.09.01.2001", segment="BPU", tmt=date(2025, 1, 1),
            registered_on=date(2025, 1, 1)))
        uow.commit()
    add_maros(office)
    old_daily = folder / "office-harian-20250601-080000.db"
    office.db.dispose()
    shutil.copy(office.path, old_daily)  # a plain daily backup from before
    conn = sqlite3.connect(office.path)
    before = _content(conn)
    conn.close()
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
    code, _, err = run(capsys, "--db", str(office.path), "users", "list", "--user", "admin")
    assert code == 0 and "tidak terenkripsi" in err  # a plain file still works, with a warning
    # petugas may not convert (the backup permission): nothing changes
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "petugas-demo")
    code, _, err = run(capsys, "--db", str(office.path), "key", "encrypt", "--user", "petugas")
    assert code == 2 and is_plain_sqlite(office.path) and find_key(office.path) is None
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
    code, out, err = run(capsys, "--db", str(office.path), "key", "encrypt", "--user", "admin",
                         "--recovery-key-file", str(tmp_path / "kunci.txt"), "--json")
    assert code == 0, err
    result = json.loads(out)
    key = parse_recovery_key((tmp_path / "kunci.txt").read_text())
    assert stat.S_IMODE((tmp_path / "kunci.txt").stat().st_mode) == 0o600
    assert not is_plain_sqlite(office.path)
    for side in ("-wal", "-shm"):
        assert not Path(str(office.path) + side).exists()
    assert find_key(office.path).key == key
    after_conn = connect_keyed(office.path, key)
    after = _content(after_conn)
    encrypt_events = after_conn.execute(
        "SELECT username, action FROM audit_log WHERE action = 'encrypt'").fetchall()
    after_conn.close()
    # the data is the same (the logins of this test and the audited conversion, with the
    # sealed head of the audit log, aside)
    logins = {"audit_log", "audit_seals", "users", "number_sequences"}
    assert len(before) > 30 and before["participants"] and before["partners"]
    assert {t: rows for t, rows in after.items() if t not in logins} == \
        {t: rows for t, rows in before.items() if t not in logins}
    assert encrypt_events == [("admin", "encrypt")]
    # the backup made first, and the older plain backup, are encrypted with the same key
    made = Path(result["backup"])
    assert made.parent == folder and "sebelum-enkripsi" in made.name
    assert result["backups_encrypted"] == [str(old_daily)]
    for copy in (made, old_daily):
        assert not is_plain_sqlite(copy)
        with connect_keyed(copy, key) as conn:
            assert _content(conn)["participants"] == before["participants"]
    assert not [p for p in folder.iterdir() if is_plain_sqlite(p)]
    code, _, err = run(capsys, "--db", str(office.path), "users", "list", "--user", "admin")
    assert code == 0 and "tidak terenkripsi" not in err
    # twice: refused, nothing changes
    code, _, err = run(capsys, "--db", str(office.path), "key", "encrypt", "--user", "admin")
    assert code == 2 and "sudah terenkripsi" in err


def test_key_encrypt_refuses_while_another_program_uses_the_file(office, capsys, monkeypatch):
    office.db.dispose()
    holder = sqlite3.connect(office.path)
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM partners").fetchone()
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
    try:
        code, _, err = run(capsys, "--db", str(office.path), "key", "encrypt", "--user", "admin")
    finally:
        holder.close()
    assert code == 2 and "sedang dipakai" in err
    assert is_plain_sqlite(office.path) and find_key(office.path) is None


def test_a_conversion_stopped_before_its_rename_is_finished_at_the_next_opening(
        office, tmp_path, monkeypatch):
    """The key was kept, then the power went before the encrypted copy replaced the file."""
    from branch_desk.services import encryption

    office.db.dispose()
    renamed: list[Path] = []
    real_replace = encryption.os.replace

    def power_cut(src, dst):
        if str(src).endswith(".encrypting") and not renamed:
            renamed.append(Path(src))
            raise SystemExit("power cut")
        return real_replace(src, dst)

    monkeypatch.setattr(encryption.os, "replace", power_cut)
    with pytest.raises(SystemExit):
        encryption.encrypt_database(open_database(office.path), backup_dir=tmp_path / "b")
    monkeypatch.setattr(encryption.os, "replace", real_replace)
    assert is_plain_sqlite(office.path) and renamed[0].exists()
    db = open_database(office.path)  # not refused as a swapped file: the copy is put in place
    assert db.is_encrypted and not is_plain_sqlite(office.path)
    assert not renamed[0].exists()
    with connect_keyed(office.path, db.key) as conn:
        assert conn.execute("SELECT code FROM offices WHERE is_self = 1").fetchone() == ("MRS",)
    db.dispose()


def _encrypted_office(tmp_path: Path, capsys) -> tuple[Path, bytes]:
    db = tmp_path / "kantor.db"
    key_file = tmp_path / "kunci.txt"
    assert run(capsys, "--db", str(db), "demo", "--participants", "20",
               "--recovery-key-file", str(key_file))[0] == 0
    return db, parse_recovery_key(key_file.read_text())


def test_restore_over_a_damaged_database_with_the_recovery_key(tmp_path, capsys, monkeypatch):
    db, key = _encrypted_office(tmp_path, capsys)
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
    saved = tmp_path / "cadangan.db"
    assert run(capsys, "--db", str(db), "backup", str(saved), "--user", "admin")[0] == 0
    # another computer: the database file is damaged and no key is kept there
    monkeypatch.setenv("BRANCH_DESK_DATA", str(tmp_path / "pc-lain"))
    db.write_bytes(b"\0" * 40_000)
    wrong = tmp_path / "lain.txt"
    wrong.write_text("CD" * 32, encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db), "restore", str(saved),
                       "--recovery-key-file", str(wrong))
    assert code == 2 and "tidak membuka berkas cadangan" in err
    assert db.read_bytes() == b"\0" * 40_000
    code, _, err = run(capsys, "--db", str(db), "restore", str(saved),
                       "--recovery-key-file", str(tmp_path / "kunci.txt"))
    assert code == 0, err
    assert find_key(db).key == key  # kept on this computer now
    with connect_keyed(db, key) as conn:
        assert conn.execute("SELECT count(*) FROM participants").fetchone() == (20,)
        note = conn.execute("SELECT note FROM audit_log WHERE action = 'restore'").fetchone()
    assert "kunci pemulihan" in note[0]
    assert run(capsys, "--db", str(db), "users", "list", "--user", "admin")[0] == 0


def test_a_plain_backup_restored_over_an_encrypted_database_is_encrypted(
        office, tmp_path, capsys, monkeypatch):
    """An old plain backup is brought back encrypted with the current database's key."""
    plain_backup = tmp_path / "lama.db"
    shutil.copy(office.path, plain_backup)
    db, key = _encrypted_office(tmp_path, capsys)
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
    code, _, err = run(capsys, "--db", str(db), "restore", str(plain_backup), "--user",
                       "admin", "--other-office")
    assert code == 0, err
    assert not is_plain_sqlite(db)
    with connect_keyed(db, key) as conn:
        assert conn.execute("SELECT code FROM offices WHERE is_self = 1").fetchone() == ("MRS",)
    opened = open_database(db)
    assert opened.key == key
    opened.dispose()


def test_an_encrypted_backup_of_another_key_is_refused(tmp_path, capsys, monkeypatch):
    first, first_key = _encrypted_office(tmp_path / "a", capsys)
    second, _ = _encrypted_office(tmp_path / "b", capsys)
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
    saved = tmp_path / "b.db"
    assert run(capsys, "--db", str(second), "backup", str(saved), "--user", "admin")[0] == 0
    with connect_keyed(first, first_key) as conn:
        before = _content(conn)["participants"]
    code, _, err = run(capsys, "--db", str(first), "restore", str(saved), "--user", "admin",
                       "--other-office")
    assert code == 2 and "tidak terbuka dengan kunci basis data ini" in err
    with connect_keyed(first, first_key) as conn:
        assert _content(conn)["participants"] == before
        assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'restore'"
                            ).fetchone() == (0,)
    assert not Path(str(first) + ".restoring").exists()


class MemoryKeyring(KeyringBackend):
    """A credential store in memory, standing in for Windows Credential Manager."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def test_the_key_goes_to_the_credential_store_when_there_is_one(tmp_path, capsys,
                                                                 monkeypatch):
    store = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(store)
    try:
        db, key = _encrypted_office(tmp_path, capsys)
        assert store.entries == {(KEYRING_SERVICE, entry_name(db)): key.hex()}
        assert not fallback_key_file(db).exists()
        found = find_key(db)
        assert found.key == key and not found.is_file_fallback
        monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
        code, out, err = run(capsys, "--db", str(db), "users", "list", "--user", "admin")
        assert code == 0 and "kepala" in out
        assert "penyimpanan kredensial" not in err and "berkas kunci" not in err
    finally:
        keyring.set_keyring(previous)


class BrokenKeyring(MemoryKeyring):
    """A store that is there but fails (Secret Service without a running D-Bus session)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringError("no D-Bus session")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringError("no D-Bus session")


def test_a_failing_credential_store_falls_back_to_the_key_file_with_a_warning(
        tmp_path, capsys, caplog):
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        db, key = _encrypted_office(tmp_path, capsys)
        kept = fallback_key_file(db)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
        assert kept.parent != db.parent  # in the data folder, not beside the database
        found = find_key(db)
        assert found.key == key and found.is_file_fallback
        assert "no D-Bus session" in caplog.text and "tidak punya penyimpanan" in caplog.text
    finally:
        keyring.set_keyring(previous)
