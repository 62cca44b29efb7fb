"""Every file holding personal data is readable only by its user (0600, folders 0700), whole
or not at all; a failed or interrupted write leaves no temporary file; a full disk gives the
officer a clear message and leaves no partial file (issue 16, "At rest", last point).

The tests run with umask 0o022 (`loose_umask`), where a file is 0644 unless the code that
writes it says otherwise. A full disk is injected (`fill_disk`: fsync fails with ENOSPC),
except in the last test, which fills a real 64 KiB tmpfs where the machine allows mounting one.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import logging.handlers
import os
import shutil
import sqlite3
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from branch_desk.cli.main import main
from branch_desk.config import data_dir, save_settings, setup_logging
from branch_desk.db.encryption import connect
from branch_desk.db.engine import Database
from branch_desk.db.models.core import AuditEntry
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.sync_state import SyncFile
from branch_desk.private_files import (
    DiskFullError,
    copy_private,
    private_dir,
    replacing,
    write_private,
)
from branch_desk.services.admin.backups import backup, daily_backup
from branch_desk.services.admin.restore import restore_database
from branch_desk.services.encryption import find_key
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import ParticipantData
from branch_desk.spreadsheets.participants_writer import write_participant_export
from tests.support.files import DISK_FULL, fill_disk, mode, temp_leftovers
from tests.support.offices import NOW
from tests.support.partners import add_maros
from tests.support.pemda_lists import pemda_rows, write_pemda_list
from tests.support.sync import add_participant, build_templates, close_offices, export, open_offices

pytestmark = pytest.mark.sqlite_only

ROWS = pemda_rows(12)
NIK = str(ROWS[0][1])


@pytest.fixture
def maros(office, cli, tmp_path, loose_umask):
    """Office MRS with the Maros partner and twelve participants imported from its list."""
    add_maros(office)
    listing = write_pemda_list(tmp_path / "daftar.xlsx", ROWS)
    run = cli("participants", "import", str(listing), "--partner", "PEMKAB-MAROS",
              "--date", "2025-06-16")
    assert run.returncode == 0, run.stderr
    return office


def _audit_count(office) -> int:
    with office.uow("admin", write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(AuditEntry))


def _export_row(number: int) -> tuple[object, ...]:
    kpj, nik, name = f"MRS{number:08d}", f"7309014505{number:06d}", f"Peserta {number}"
    return (kpj, nik, name, date(1985, 3, 12), "L", "Jl. Poros Maros", "73.09.01.2003",
            "Moncongloe", "081234567890", "Petani", "BPU", "APBD", "PEMKAB-MAROS", "JKK JKM",
            1_000_000, date(2025, 1, 1), date(2025, 1, 1), "aktif", "")


# --- the one writer ---------------------------------------------------------------------------


def test_a_written_file_is_private_and_replaces_the_old_one_whole(tmp_path, loose_umask):
    target = tmp_path / "laporan.json"
    target.write_text("lama", encoding="utf-8")
    assert mode(target) == 0o644  # what the umask gives a file written without care
    write_private(target, b'{"nik": "7309014505900001"}')
    assert target.read_bytes() == b'{"nik": "7309014505900001"}'
    assert mode(target) == 0o600 and temp_leftovers(tmp_path) == []
    copy = copy_private(target, tmp_path / "salinan.json")
    assert mode(copy) == 0o600 and copy.read_bytes() == target.read_bytes()


def test_a_write_that_fails_halfway_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "peserta.xlsx"
    target.write_bytes(b"ekspor kemarin")
    with pytest.raises(RuntimeError), replacing(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".peserta.xlsx.")
        assert mode(tmp) == 0o600
        tmp.write_bytes(b"7309014505900001;Siti Aminah")
        raise RuntimeError("koneksi basis data terputus")
    assert target.read_bytes() == b"ekspor kemarin" and temp_leftovers(tmp_path) == []


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EFBIG])
def test_a_full_disk_is_said_in_indonesian_and_nothing_is_kept(tmp_path, monkeypatch, code):
    target = tmp_path / "cadangan.db"
    target.write_bytes(b"cadangan lama")
    fill_disk(monkeypatch, code)
    with pytest.raises(DiskFullError) as caught:
        write_private(target, b"x" * 10_000)
    assert str(caught.value) == (
        f"Disk penuh: berkas {target} tidak dapat ditulis; tidak ada berkas yang tersimpan. "
        "Kosongkan ruang disk lalu ulangi.")
    assert target.read_bytes() == b"cadangan lama" and temp_leftovers(tmp_path) == []


def test_a_planted_link_is_never_written_through(tmp_path, loose_umask):
    """Another user of the PC plants links where the program writes: at the name the old
    temporary file had (`.peserta.xlsx.PID.tmp`) and at the target itself. Neither is
    followed: the attacker's file stays as it was, the export is a new private file."""
    bait = tmp_path / "punya-penyerang.txt"
    bait.write_text("kosong", encoding="utf-8")
    target = tmp_path / "peserta.xlsx"
    (tmp_path / f".peserta.xlsx.{os.getpid()}.tmp").symlink_to(bait)
    target.symlink_to(bait)
    write_participant_export(target, [_export_row(1)])
    assert bait.read_text(encoding="utf-8") == "kosong"
    assert not target.is_symlink() and mode(target) == 0o600
    assert load_workbook(target).active["B2"].value == "7309014505000001"


def test_folders_are_made_user_only_but_a_shared_one_is_left_alone(tmp_path, loose_umask):
    made = private_dir(tmp_path / "data" / "backups")
    assert mode(made) == 0o700
    old = tmp_path / "lama"
    old.mkdir()
    assert mode(old) == 0o755
    assert mode(private_dir(old)) == 0o700
    shared = tmp_path / "bersama"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: the folder of everyone, not ours to close
    private_dir(shared)
    assert shared.stat().st_mode & 0o7777 == 0o1777


# --- every writer ---------------------------------------------------------------------------


def test_every_file_the_commands_write_is_private(maros, cli, tmp_path):
    out = tmp_path / "keluar"
    out.mkdir()
    runs = [
        ("petugas", "participants", "import", str(write_pemda_list(
            tmp_path / "salah.xlsx", [(1, "12345", "Nama Tanpa NIK Sah")])),
         "--partner", "PEMKAB-MAROS", "--dry-run", "--errors", str(out / "ditolak.xlsx")),
        ("kepala", "participants", "export", str(out / "peserta.xlsx")),
        ("petugas", "participants", "cards", "--partner", "PEMKAB-MAROS",
         "--out", str(out / "kartu.pdf")),
        ("kepala", "privacy", "report", NIK, "--out", str(out / "pribadi.json")),
        ("kepala", "report", "coverage", "--xlsx", str(out / "cakupan.xlsx"),
         "--monev", str(out / "monev.pdf")),
        ("kepala", "claims", "recap", "--from", "2025-01-01", "--to", "2025-12-31",
         "--xlsx", str(out / "rekap.xlsx"), "--pdf", str(out / "rekap.pdf")),
        ("admin", "sync", "identity", "--out", str(out / "identitas.json")),
        ("admin", "backup", str(out / "cadangan.db")),
    ]
    for user, *args in runs:
        run = cli(*args, user=user)
        assert run.returncode == 0, (args, run.stderr)
    written = sorted(p.name for p in out.iterdir())
    assert written == ["cadangan.db", "cakupan.xlsx", "ditolak.xlsx", "identitas.json",
                       "kartu.pdf", "monev.pdf", "monev.xlsx", "peserta.xlsx", "pribadi.json",
                       "rekap.pdf", "rekap.xlsx"]
    assert {name: mode(out / name) for name in written} == dict.fromkeys(written, 0o600)
    daily = daily_backup(maros.db, NOW)  # the first start of the day, into the data folder
    backups = data_dir() / "backups"
    assert daily is not None and daily.parent == backups
    assert mode(data_dir()) == 0o700 and mode(backups) == 0o700
    assert [mode(p) for p in backups.iterdir()] == [0o600]
    assert temp_leftovers(out) == [] and temp_leftovers(backups) == []


def test_restore_keeps_the_database_and_its_safety_copy_private(maros, tmp_path, loose_umask):
    saved = backup(maros.db, tmp_path / "cadangan.db", actor=maros.actors["admin"])
    result = restore_database(maros.db, saved, actor=maros.actors["admin"])
    assert mode(result.database) == 0o600 and mode(result.safety_copy) == 0o600
    assert mode(result.safety_copy.parent) == 0o700
    assert temp_leftovers(result.database.parent) == []


def test_settings_and_the_log_are_private(loose_umask):
    save_settings({"language": "en"})
    assert mode(data_dir()) == 0o700 and mode(data_dir() / "settings.json") == 0o600
    root = logging.getLogger()
    earlier = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    for handler in earlier:  # a log another test set up in this process
        root.removeHandler(handler)
    before = list(root.handlers)
    path = setup_logging()
    try:
        logging.getLogger("branch_desk.test").error("NIK %s tidak ditemukan", NIK)
        handler = next(h for h in root.handlers if h not in before)
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()  # a rotated log starts a new file, private too
        assert mode(path.parent) == 0o700 and mode(path) == 0o600
        assert mode(path.with_name(path.name + ".1")) == 0o600
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        for handler in earlier:
            root.addHandler(handler)


# --- the database file and its WAL -------------------------------------------------------------


def _error(run: object) -> str:
    """What the command said of its failure: stderr from "Galat:" on (a plain test office
    is also warned about first, as not encrypted)."""
    err = run.stderr  # type: ignore[attr-defined]
    return err[err.index("Galat: "):] if "Galat: " in err else err


def _sides(path: Path) -> dict[str, int]:
    return {p.name.removeprefix(path.name) or "db": mode(p)
            for p in path.parent.glob(path.name + "*")}


def test_init_and_demo_make_the_database_its_wal_and_shm_private(tmp_path, loose_umask,
                                                                  capsys):
    password = tmp_path / "sandi.txt"
    password.write_text("rahasia-maros\n", encoding="utf-8")
    made = {
        "init": ["init", "--office-code", "MRS", "--office-name", "Kantor Cabang Maros",
                 "--admin", "admin", "--password-file", str(password)],
        "demo": ["demo", "--participants", "20", "--password-file", str(password)],
    }
    for name, args in made.items():
        path = tmp_path / f"{name}.db"
        assert main(["--db", str(path), *args]) == 0, capsys.readouterr().err
        assert set(_sides(path).values()) == {0o600}
        # SQLite gives the -wal and -shm the database file's mode: any program that opens
        # the file next (here a bare SQLCipher connection with the office key, not ours)
        # makes them 0600.
        conn = connect(path, key=find_key(path).key)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE catatan (isi TEXT)")
            conn.execute("INSERT INTO catatan VALUES ('7309014505900001')")
            conn.commit()
            assert _sides(path) == {"db": 0o600, "-wal": 0o600, "-shm": 0o600}
        finally:
            conn.close()


def test_an_old_world_readable_database_is_made_private_when_opened(office, tmp_path,
                                                                     loose_umask):
    office.db.dispose()
    old = tmp_path / "lama.db"
    shutil.copy(office.path, old)
    old.chmod(0o644)
    other = sqlite3.connect(old)  # another program holds it open: its WAL and SHM exist
    try:
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("CREATE TABLE catatan (isi TEXT)")
        other.commit()
        assert _sides(old) == {"db": 0o644, "-wal": 0o644, "-shm": 0o644}
        db = Database(old)
        try:
            with db.engine.connect() as conn:
                assert conn.execute(text("SELECT code FROM offices")).scalar() == "MRS"
            assert _sides(old) == {"db": 0o600, "-wal": 0o600, "-shm": 0o600}
        finally:
            db.dispose()
    finally:
        other.close()


def test_branch_desk_runs_with_a_user_only_umask(monkeypatch):
    """The second line of defence: whatever the program creates without saying a mode is
    user-only while `branch-desk` runs; a calling process gets its own umask back."""
    import branch_desk.cli.main as entry

    seen = []

    def command(_argv):
        probe = os.umask(0)
        os.umask(probe)
        seen.append(probe)
        return 0

    monkeypatch.setattr(entry, "_main", command)
    previous = os.umask(0o022)
    try:
        assert entry.main([]) == 0
        assert seen == [0o077] and os.umask(0o022) == 0o022
    finally:
        os.umask(previous)


# --- failures -----------------------------------------------------------------------------------


def test_an_export_that_fails_halfway_leaves_nothing_behind(tmp_path, monkeypatch):
    """openpyxl streams the rows into its own temporary file (every NIK in it) before the
    export is saved; a value it refuses halfway (a date-time with a time zone) ends the
    export: no file of ours, none of openpyxl's, and yesterday's export untouched."""
    scratch = tmp_path / "sistem-tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    target = tmp_path / "peserta.xlsx"
    target.write_bytes(b"ekspor kemarin")

    def rows():
        for number in range(1, 501):
            yield _export_row(number)
        yield (*_export_row(501)[:15], datetime(2025, 1, 1, tzinfo=UTC))

    with pytest.raises(TypeError, match="timezones"):
        write_participant_export(target, rows())
    assert target.read_bytes() == b"ekspor kemarin"
    assert temp_leftovers(tmp_path) == [] and list(scratch.iterdir()) == []


@pytest.mark.parametrize(("user", "args"), [
    ("kepala", ("participants", "export", "{out}/peserta.xlsx")),
    ("admin", ("backup", "{out}/cadangan.db")),
    ("kepala", ("privacy", "report", NIK, "--out", "{out}/pribadi.json")),
])
def test_a_full_disk_through_the_command_line(maros, cli, tmp_path, monkeypatch, user, args):
    out = tmp_path / "keluar"
    out.mkdir()
    target = out / Path(args[-1]).name
    target.write_bytes(b"berkas kemarin")
    audited = _audit_count(maros)
    with monkeypatch.context() as full:
        fill_disk(full)
        run = cli(*(a.format(out=out) for a in args), user=user)
    assert run.returncode == 2
    assert _error(run) == (f"Galat: Disk penuh: berkas {target} tidak dapat ditulis; tidak ada "
                          "berkas yang tersimpan. Kosongkan ruang disk lalu ulangi.\n")
    assert "Traceback" not in run.stdout + run.stderr
    assert target.read_bytes() == b"berkas kemarin" and temp_leftovers(out) == []
    assert _audit_count(maros) == audited  # no export or backup recorded that did not happen


def test_a_target_the_system_refuses_is_said_plainly(maros, cli, tmp_path):
    """A careless officer names a folder as the export file: the system refuses the rename;
    the officer reads why (no traceback), the folder is untouched, no temporary file."""
    folder = tmp_path / "peserta.xlsx"
    folder.mkdir()
    run = cli("participants", "export", str(folder), user="kepala")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert _error(run).startswith(f"Galat: Berkas {folder} tidak dapat ditulis (")
    assert _error(run).endswith("tidak ada berkas yang tersimpan. Pilih folder lain, atau tutup "
                               "berkas itu bila sedang dibuka program lain.\n")
    assert list(folder.iterdir()) == [] and temp_leftovers(tmp_path) == []


@pytest.fixture(scope="module")
def sync_templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("sync-templates"), ["MRS", "PKJ"])


def test_a_sync_file_is_private_and_a_full_disk_leaves_none(sync_templates, tmp_path,
                                                             monkeypatch, loose_umask):
    """A sync file is written in a private temporary file and renamed once signed; a full
    disk leaves neither file, and no sent file is recorded."""
    made = open_offices(sync_templates, tmp_path / "offices")
    try:
        mrs = made["MRS"]
        add_participant(mrs, nik="7309014505900001", name="Siti Aminah", kpj="MRS00000001")
        out = tmp_path / "keluar"
        with monkeypatch.context() as full:
            fill_disk(full)
            with pytest.raises(DiskFullError):
                export(mrs, "PKJ", out / "gagal.bdsync")
        assert temp_leftovers(out) == [] and not (out / "gagal.bdsync").exists()
        with mrs.uow(write=False) as uow:
            assert uow.session.scalar(select(func.count()).select_from(SyncFile)) == 0
        sent = Path(export(mrs, "PKJ", out / "mrs-pkj.bdsync").path)
        assert mode(sent) == 0o600 and temp_leftovers(out) == []
    finally:
        close_offices(made)


def test_a_real_full_disk(maros, cli, tmp_path):
    """The same on a real, full file system: a 64 KiB tmpfs (needs the right to mount one;
    CI machines usually lack it, hence the injected full disk above)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    libc = ctypes.CDLL(None, use_errno=True)  # mount(2) itself: no mount program needed
    if libc.mount(b"tmpfs", bytes(disk), b"tmpfs", 0, b"size=64k") != 0:
        pytest.skip("no right to mount a small file system here")
    try:
        filler = disk / "pengisi"
        with contextlib.suppress(OSError), filler.open("wb", buffering=0) as handle:
            while True:  # fill the disk up to its last byte
                handle.write(b"\0" * 512)
        for user, *args in (("kepala", "participants", "export", f"{disk}/peserta.xlsx"),
                            ("admin", "backup", f"{disk}/cadangan.db")):
            run = cli(*args, user=user)
            assert run.returncode == 2 and _error(run).startswith(f"Galat: {DISK_FULL}: "), \
                run.stderr
            assert [p.name for p in disk.iterdir()] == ["pengisi"]
    finally:
        libc.umount2(bytes(disk), 0)


def test_a_full_disk_while_saving_to_the_database(maros):
    """The database itself cannot grow (a real SQLITE_FULL: SQLite's page limit reached, as
    on a full disk): the officer reads why, and nothing of the unit of work is kept."""
    before = _participant_count(maros)
    with pytest.raises(DiskFullError) as caught, maros.uow("petugas") as uow:
        pages = uow.session.connection().exec_driver_sql("PRAGMA page_count").scalar()
        uow.session.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        for serial in range(1, 2000):
            register_participant(uow, data=ParticipantData(
                nik=f"7309014505{serial:06d}", name=f"Peserta Ke {'X' * 150}",
                village_code="73.09.01.2003", address="Jl. Poros Maros " * 10),
                allow_likely_duplicate=True, today=date(2025, 6, 16))
            uow.session.flush()
        uow.commit()
    maros.db.dispose()  # the connection with the page limit goes
    assert str(caught.value) == (f"Disk penuh: basis data {maros.path} tidak dapat ditulis; "
                                 "perubahan ini tidak disimpan. Kosongkan ruang disk lalu ulangi.")
    assert _participant_count(maros) == before


def _participant_count(office) -> int:
    with office.uow("admin", write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(Participant))
