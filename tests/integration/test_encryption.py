"""The office database at rest: encrypted by `init` and `demo`, its key kept for it, the
recovery key on another computer, and what a thief of the files finds in their bytes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlcipher3

from branch_desk.cli.main import main
from branch_desk.domain.recovery_key import format_recovery_key, parse_recovery_key
from branch_desk.services.encryption import fallback_key_file, find_key
from tests.support.cli import run_cli as run
from tests.support.encryption import connect_keyed

pytestmark = pytest.mark.sqlite_only




@pytest.fixture
def pwfile(tmp_path):
    path = tmp_path / "pw.txt"
    path.write_text("rahasia-maros\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory) -> dict[str, Path]:
    """`branch-desk demo` (60 participants) on a fresh file, once: the database, the recovery
    key file and the data directory holding the kept key."""
    base = tmp_path_factory.mktemp("demo")
    data = base / "data"
    saved = os.environ.get("BRANCH_DESK_DATA")
    os.environ["BRANCH_DESK_DATA"] = str(data)
    try:
        code = main(["--db", str(base / "kantor.db"), "demo", "--participants", "60",
                     "--recovery-key-file", str(base / "kunci.txt")])
    finally:
        if saved is None:
            os.environ.pop("BRANCH_DESK_DATA")
        else:
            os.environ["BRANCH_DESK_DATA"] = saved
    assert code == 0
    return {"db": base / "kantor.db", "key": base / "kunci.txt", "data": data}


def _new_office(capsys, tmp_path: Path, pwfile: str) -> Path:
    """`branch-desk init` of an encrypted office "kantor.db" in `tmp_path` (its recovery key
    written to k.txt beside it); the database file."""
    db = tmp_path / "kantor.db"
    assert run(capsys, "--db", str(db), "init", "--office-code", "MRS", "--office-name", "Maros",
               "--admin", "admin", "--password-file", pwfile,
               "--recovery-key-file", str(tmp_path / "k.txt"))[0] == 0
    return db


def _people(db: Path, key: bytes, count: int = 8) -> list[tuple[str, str]]:
    conn = connect_keyed(db, key)
    try:
        return conn.execute("SELECT nik, name FROM participants ORDER BY kpj LIMIT ?",
                            (count,)).fetchall()
    finally:
        conn.close()


def _recovery(files: dict[str, Path]) -> bytes:
    return parse_recovery_key(files["key"].read_text(encoding="utf-8"))


def _assert_no_personal_data(blob: bytes, people: list[tuple[str, str]]) -> None:
    for nik, name in people:
        assert nik.encode() not in blob
        assert name.encode() not in blob
        assert name.upper().encode() not in blob


def test_demo_writes_the_recovery_key_0600_and_it_opens_the_file_with_stock_sqlcipher(
        demo_files):
    key_file = demo_files["key"]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = _recovery(demo_files)
    # an auditor's stock sqlcipher3 session: the PRAGMA key line of the sheet, nothing else
    conn = sqlcipher3.connect(str(demo_files["db"]))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    assert conn.execute("SELECT count(*) FROM participants").fetchone() == (60,)
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    conn.close()
    # the standard sqlite3 module sees no database at all
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(demo_files["db"]).execute("SELECT * FROM sqlite_master").fetchall()


def test_no_name_or_nik_in_the_bytes_of_the_database_its_wal_or_a_backup(
        demo_files, tmp_path, monkeypatch):
    key = _recovery(demo_files)
    db = tmp_path / "kantor.db"
    shutil.copy(demo_files["db"], db)
    people = _people(db, key)
    assert len(people) == 8
    _assert_no_personal_data(db.read_bytes(), people)
    # the test can fail: the same data exported without encryption shows the names
    plain = tmp_path / "polos.db"
    conn = connect_keyed(db, key)
    conn.execute(f"ATTACH DATABASE '{plain}' AS polos KEY ''")
    conn.execute("SELECT sqlcipher_export('polos')")
    conn.execute("DETACH DATABASE polos")
    conn.close()
    assert people[0][1].encode() in plain.read_bytes()
    # a WAL: a connection keeps writing, the WAL is not folded back
    writer = connect_keyed(db, key)
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("UPDATE participants SET name = name || ' '")
        writer.execute("UPDATE participants SET name = rtrim(name)")
        writer.commit()
        wal = db.with_name(db.name + "-wal")
        assert wal.stat().st_size > 8_000  # every participants page, twice
        _assert_no_personal_data(wal.read_bytes(), people)
        # a backup made by the program, while the writer is still open
        monkeypatch.setenv("BRANCH_DESK_DATA", str(tmp_path / "data"))
        from branch_desk.db.backup import backup_sqlite

        copy = backup_sqlite(db, tmp_path / "cadangan.db", key=key)
    finally:
        writer.close()
    _assert_no_personal_data(copy.read_bytes(), people)
    assert _people(copy, key) == people


def test_the_backup_command_writes_an_encrypted_copy_that_opens_with_the_recovery_key(
        demo_files, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BRANCH_DESK_DATA", str(demo_files["data"]))
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
    out = tmp_path / "cadangan.db"
    code, _, err = run(capsys, "--db", str(demo_files["db"]), "backup", str(out),
                       "--user", "admin")
    assert code == 0, err
    key = _recovery(demo_files)
    people = _people(demo_files["db"], key)
    _assert_no_personal_data(out.read_bytes(), people)
    assert not out.read_bytes().startswith(b"SQLite format 3")
    # on another computer: nothing kept there, the recovery key opens the backup
    monkeypatch.setenv("BRANCH_DESK_DATA", str(tmp_path / "pc-lain"))
    assert find_key(out) is None
    assert _people(out, key) == people


def test_the_private_keys_are_only_in_the_encrypted_file(demo_files, tmp_path, capsys,
                                                         monkeypatch):
    monkeypatch.setenv("BRANCH_DESK_DATA", str(demo_files["data"]))
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
    ident = tmp_path / "mrs.identity.json"
    assert run(capsys, "--db", str(demo_files["db"]), "sync", "identity", "--user", "admin",
               "--out", str(ident))[0] == 0
    assert b"PRIVATE" not in ident.read_bytes()  # the identity file: public keys only
    key = _recovery(demo_files)
    conn = connect_keyed(demo_files["db"], key)
    office_key = conn.execute("SELECT private_key FROM offices WHERE is_self = 1").fetchone()[0]
    enc_key = conn.execute("SELECT enc_private_key FROM office_keys").fetchone()[0]
    conn.close()
    assert b"PRIVATE KEY" in office_key and b"PRIVATE KEY" in enc_key
    # a copied file without the key: no key material, no database
    stolen = tmp_path / "curian.db"
    shutil.copy(demo_files["db"], stolen)
    blob = stolen.read_bytes()
    assert b"PRIVATE KEY" not in blob
    for line in office_key.splitlines()[1:3] + enc_key.splitlines()[1:2]:
        assert line not in blob
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(stolen).execute("SELECT private_key FROM offices").fetchall()


def test_a_sync_file_holds_no_name_or_nik(demo_files, tmp_path, capsys, monkeypatch, pwfile):
    monkeypatch.setenv("BRANCH_DESK_DATA", str(demo_files["data"]))
    db = tmp_path / "kantor.db"
    shutil.copy(demo_files["db"], db)
    assert run(capsys, "key", "import", "--db", str(db),
               "--recovery-key-file", str(demo_files["key"]))[0] == 0
    other = tmp_path / "pkj.db"
    assert run(capsys, "--db", str(other), "init", "--office-code", "PKJ", "--office-name",
               "Kantor Cabang Pangkajene", "--admin", "admin", "--password-file", pwfile,
               "--recovery-key-file", str(tmp_path / "pkj.key"))[0] == 0
    ident = tmp_path / "pkj.identity.json"
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "rahasia-maros")
    assert run(capsys, "--db", str(other), "sync", "identity", "--user", "admin", "--out",
               str(ident))[0] == 0
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
    code, _, err = run(capsys, "--db", str(db), "sync", "trust", str(ident), "--user", "admin",
                       "--yes")
    assert code == 0, err
    out = tmp_path / "ke-pkj.bdsync"
    code, printed, err = run(capsys, "--db", str(db), "sync", "export", "--to", "PKJ", "--out",
                             str(out), "--user", "admin", "--json")
    assert code == 0, err
    assert json.loads(printed)["changes"] > 60
    _assert_no_personal_data(out.read_bytes(), _people(db, _recovery(demo_files), 20))


def test_init_encrypts_and_a_copy_on_another_computer_needs_the_recovery_key(
        capsys, tmp_path, pwfile, monkeypatch):
    db = tmp_path / "kantor.db"
    code, out, err = run(capsys, "--db", str(db), "init", "--office-code", "MRS",
                         "--office-name", "Kantor Cabang Maros", "--admin", "admin",
                         "--password-file", pwfile, "--json")
    assert code == 0, err
    assert json.loads(out)["encrypted"] is True
    # no --recovery-key-file: shown once on the terminal, with the warning to keep it
    assert "KUNCI PEMULIHAN KANTOR" in err and "hanya ditampilkan sekali" in err
    shown = err.split("\n  ")[1].splitlines()[0]
    key = parse_recovery_key(shown)
    kept = fallback_key_file(db)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert find_key(db).key == key
    # another computer: the copied file and no key kept for it
    monkeypatch.setenv("BRANCH_DESK_DATA", str(tmp_path / "pc-lain"))
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "rahasia-maros")
    moved = tmp_path / "pindahan" / "kantor.db"
    moved.parent.mkdir()
    shutil.copy(db, moved)
    code, _, err = run(capsys, "--db", str(moved), "users", "list", "--user", "admin")
    assert code == 2 and "Kunci basis data tidak ditemukan" in err
    assert "key import" in err and "Traceback" not in err
    # a wrong recovery key (well formed): refused, nothing kept
    wrong = tmp_path / "salah.txt"
    wrong.write_text(format_recovery_key(bytes(32)), encoding="utf-8")
    code, _, err = run(capsys, "--db", str(moved), "key", "import", "--recovery-key-file",
                       str(wrong))
    assert code == 2 and "tidak membuka" in err
    assert find_key(moved) is None
    # a mistyped one: the check group says so
    typo = tmp_path / "typo.txt"
    typo.write_text(shown.replace(shown[0], "0" if shown[0] != "0" else "1", 1),
                    encoding="utf-8")
    code, _, err = run(capsys, "--db", str(moved), "key", "import", "--recovery-key-file",
                       str(typo))
    assert code == 2 and "salah ketik" in err
    right = tmp_path / "benar.txt"
    right.write_text(shown, encoding="utf-8")
    assert run(capsys, "--db", str(moved), "key", "import", "--recovery-key-file",
               str(right))[0] == 0
    code, out, err = run(capsys, "--db", str(moved), "users", "list", "--user", "admin")
    assert code == 0 and "admin" in out, err


def test_a_wrong_key_kept_for_the_file_gives_a_clear_message(capsys, tmp_path, pwfile,
                                                             monkeypatch):
    db = _new_office(capsys, tmp_path, pwfile)
    before = db.read_bytes()
    fallback_key_file(db).write_text("ab" * 32 + "\n", encoding="utf-8")
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "rahasia-maros")
    code, _, err = run(capsys, "--db", str(db), "users", "list", "--user", "admin")
    assert code == 2 and "Kunci basis data tidak cocok" in err
    assert "kunci pemulihan" in err and "Traceback" not in err
    assert db.read_bytes() == before


def test_a_plain_file_swapped_in_for_the_encrypted_one_is_refused(
        capsys, tmp_path, pwfile, template_db, monkeypatch):
    db = _new_office(capsys, tmp_path, pwfile)
    shutil.copy(template_db, db)  # a plain office file with other users and passwords
    swapped = db.read_bytes()
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "admin-demo")
    code, _, err = run(capsys, "--db", str(db), "participants", "list", "--user", "admin")
    assert code == 2 and "tidak terenkripsi" in err and "ditukar" in err
    assert db.read_bytes() == swapped


def test_a_world_readable_key_file_is_made_user_only_with_a_warning(
        capsys, tmp_path, pwfile, monkeypatch, caplog):
    db = _new_office(capsys, tmp_path, pwfile)
    kept = fallback_key_file(db)
    kept.chmod(0o644)
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "rahasia-maros")
    assert run(capsys, "--db", str(db), "users", "list", "--user", "admin")[0] == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert "dapat dibaca pengguna lain" in caplog.text


def test_the_key_file_of_scripts(capsys, tmp_path, pwfile, monkeypatch):
    """`BRANCH_DESK_KEY_FILE`: init writes the new key there (0600), later commands read it."""
    key_file = tmp_path / "skrip.key"
    monkeypatch.setenv("BRANCH_DESK_KEY_FILE", str(key_file))
    db = _new_office(capsys, tmp_path, pwfile)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert not fallback_key_file(db).exists()
    assert parse_recovery_key(key_file.read_text()) == parse_recovery_key(
        (tmp_path / "k.txt").read_text())
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "rahasia-maros")
    assert run(capsys, "--db", str(db), "users", "list", "--user", "admin")[0] == 0
