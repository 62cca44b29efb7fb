"""Backups of the SQLite database: daily at first start, on demand, retention, restore.

Copies go through SQLite's online backup API (`db.backup.backup_sqlite`), so a backup taken
while the program writes is still a consistent database. A restore checks the file
(SQLite header, `PRAGMA integrity_check`, foreign keys, schema revision, office) on a staged
copy BEFORE it touches the live database, keeps the replaced file as a safety copy and
swaps the files with one atomic rename.

An encrypted database (SQLCipher) is copied with its key: its backups are encrypted with
the same key, and a restore reads an encrypted backup with the current database's key (or
the office's recovery key when the current database cannot be opened). A plain backup
restored over an encrypted database is encrypted with that database's key on the way in.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from branch_desk.db.backup import backup_sqlite, integrity_ok
from branch_desk.db.encryption import (
    DriverDatabaseError,
    DriverError,
    DriverOperationalError,
    connect,
    export_encrypted,
    is_plain_sqlite,
    opens_with,
)
from branch_desk.db.engine import Database
from branch_desk.db.migrate import known_revisions
from branch_desk.db.models.core import Setting
from branch_desk.db.recording import record_event
from branch_desk.domain.actor import Actor, system_actor
from branch_desk.domain.dates import to_local
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.private_files import copy_private, flush_folder, private_dir
from branch_desk.services.uow import UnitOfWork

DEFAULT_KEEP = 14
RETENTION_KEY = "backup_keep"
# <stem>-<kind>-YYYYMMDD-HHMMSS.db, the time in WITA (what the office reads on the clock).
_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>harian|manual)-(?P<day>\d{8})-(?P<time>\d{6})\.db$")
KIND_LABELS = {"harian": "otomatis harian", "manual": "manual", "migrasi": "sebelum migrasi",
               "pulih": "sebelum pemulihan", "lain": "lainnya"}


class BackupError(ValidationError):
    """A backup or restore that cannot be done; the message says why, in Indonesian."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # harian | manual | migrasi | pulih | lain
    made_at: datetime  # UTC
    size: int


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    source: Path
    safety_copy: Path | None
    office: str
    revision: str


def _default_dir(directory: Path | None) -> Path:
    if directory is not None:
        return private_dir(directory)
    from branch_desk.config import backup_dir

    return backup_dir()


def _sqlite_path(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise BackupError("Cadangan dari program hanya untuk basis data SQLite; basis data "
                          "server (PostgreSQL) dicadangkan dengan alat server (pg_dump).")
    return path


def _stamp(now: datetime) -> str:
    return to_local(now).strftime("%Y%m%d-%H%M%S")


def _kind(name: str) -> str:
    match = _NAME.match(name)
    if match:
        return match["kind"]
    if "-sebelum-migrasi-" in name:
        return "migrasi"
    if "-sebelum-pulih-" in name:
        return "pulih"
    return "lain"


def list_backups(directory: Path | None = None) -> list[BackupInfo]:
    """The backups in the backup folder, newest first."""
    folder = _default_dir(directory)
    found = []
    for path in folder.glob("*.db"):
        stat = path.stat()
        found.append(BackupInfo(path, _kind(path.name),
                                datetime.fromtimestamp(stat.st_mtime, UTC), stat.st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def last_backup_at(directory: Path | None = None) -> datetime | None:
    """When the newest backup in the backup folder was made (UTC), or None."""
    backups = list_backups(directory)
    return backups[0].made_at if backups else None


def backup_retention(uow: UnitOfWork) -> int:
    """How many daily and manual backups are kept (setting `backup_keep`, default 14)."""
    row = uow.session.get(Setting, RETENTION_KEY)
    try:
        return max(1, int(row.value)) if row is not None else DEFAULT_KEEP
    except (TypeError, ValueError):
        return DEFAULT_KEEP


def set_backup_retention(uow: UnitOfWork, *, keep: int) -> int:
    """Change how many backups are kept (admin); the change is audited."""
    actor = uow.actor_required
    actor.require(Permission.BACKUP)
    if not 1 <= keep <= 365:
        raise ValidationError("Jumlah cadangan yang disimpan harus 1–365.", field="keep")
    row = uow.session.get(Setting, RETENTION_KEY)
    old = backup_retention(uow)
    if row is None:
        uow.session.add(Setting(key=RETENTION_KEY, value=str(keep)))
    else:
        row.value = str(keep)
    record_event(uow.session, actor, "backup_retention", table="settings", row_id=RETENTION_KEY,
                 note=f"{old} -> {keep}")
    return keep


def prune(directory: Path, stem: str, keep: int) -> list[Path]:
    """Delete the oldest daily/manual backups of `stem` beyond `keep`; returns what went."""
    ours = []
    for path in directory.glob(f"{glob_escape(stem)}-*.db"):
        match = _NAME.match(path.name)
        if match and match["stem"] == stem:
            ours.append((match["day"] + match["time"], path))
    ours.sort(reverse=True)
    removed = [path for _, path in ours[max(1, keep):]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _retention(db: Database) -> int:
    with UnitOfWork(db) as uow:
        return backup_retention(uow)


def daily_backup(db: Database, now: datetime, *, directory: Path | None = None) -> Path | None:
    """At the first start of a day (WITA), copy the database to the backup folder and prune
    old copies; None when today's copy exists already or there is nothing to copy."""
    path = db.sqlite_path
    if path is None or not path.exists():
        return None
    folder = _default_dir(directory)
    day = to_local(now).strftime("%Y%m%d")
    for existing in folder.glob(f"{glob_escape(path.stem)}-harian-{day}-*.db"):
        match = _NAME.match(existing.name)
        if match and match["stem"] == path.stem:
            return None
    target = backup_sqlite(path, folder / f"{path.stem}-harian-{_stamp(now)}.db", key=db.key)
    prune(folder, path.stem, _retention(db))
    return target


def backup(db: Database, out: Path | str | None = None, *, actor: Actor | None = None,
           now: datetime | None = None, directory: Path | None = None) -> Path:
    """Copy the live database to `out` (a file, or a folder to put a dated copy in; the
    backup folder when None). Checked with `PRAGMA integrity_check` after copying."""
    if actor is not None:
        actor.require(Permission.BACKUP)
    source = _sqlite_path(db)
    moment = now or datetime.now(UTC)
    managed = out is None
    target = Path(out) if out is not None else _default_dir(directory)
    if target.is_dir():
        target = target / f"{source.stem}-manual-{_stamp(moment)}.db"
    # The same file under another name (case, links); compared by identity, not by resolving
    # a path that may not exist yet (Windows fails that beyond 260 characters under Wine).
    if target.exists() and os.path.samefile(target, source):
        raise BackupError("Cadangan tidak boleh ditulis ke berkas basis data itu sendiri.",
                          field="out")
    try:
        backup_sqlite(source, target, key=db.key)
    except (*DriverError, OSError) as exc:
        raise BackupError(f"Cadangan gagal dibuat di {target}: {exc}", field="out") from exc
    if not integrity_ok(target, key=db.key):
        target.unlink(missing_ok=True)
        raise BackupError("Salinan cadangan gagal diperiksa keutuhannya; tidak disimpan.")
    if actor is not None:
        with UnitOfWork(db, actor, write=True) as uow:
            record_event(uow.session, actor, "backup", note=str(target))
            uow.commit()
    if managed:
        prune(target.parent, source.stem, _retention(db))
    return target


# --- restore -------------------------------------------------------------------------------


def _describe(path: Path, key: bytes | None = None) -> tuple[str, str]:
    """(office code, schema revision) of a staged copy; BackupError when it is not ours."""
    conn = connect(path, key=key, read_only=True)
    try:
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            office = conn.execute("SELECT code FROM offices WHERE is_self = 1").fetchone()
            bad_fk = conn.execute("PRAGMA foreign_key_check").fetchone()
        except DriverDatabaseError:
            raise BackupError("Berkas ini basis data SQLite, tetapi bukan basis data Branch "
                              "Desk (tabel kantor atau versi skema tidak ada).",
                              field="source") from None
    finally:
        conn.close()
    if revision is None or office is None:
        raise BackupError("Berkas ini bukan cadangan Branch Desk yang lengkap: versi skema "
                          "atau identitas kantor tidak ada.", field="source")
    if revision[0] not in known_revisions():
        raise BackupError(f"Cadangan dibuat oleh versi program yang lebih baru (revisi "
                          f"{revision[0]}). Perbarui program sebelum memulihkannya.",
                          field="source")
    if bad_fk is not None:
        raise BackupError(f"Cadangan rusak: rujukan antar-tabel tidak cocok (tabel {bad_fk[0]}).",
                          field="source")
    return office[0], revision[0]


def check_backup_file(source: Path, staged: Path, *,
                      key: bytes | None = None) -> tuple[str, str]:
    """Copy `source` to `staged` through SQLite and check it; (office, revision).

    `key` is the current database's key (None: a plain database): an encrypted backup must
    open with it, and a plain backup is encrypted with it in the staged copy."""
    if not source.is_file():
        raise BackupError(f"Berkas cadangan {source} tidak ditemukan.", field="source")
    plain = is_plain_sqlite(source)
    if not plain and (key is None or not opens_with(source, key)):
        what = ("bukan basis data SQLite, atau terenkripsi sedangkan basis data ini tidak"
                if key is None else "tidak terbuka dengan kunci basis data ini (kunci lain, "
                "atau bukan basis data Branch Desk)")
        raise BackupError(f"Berkas {source.name} {what}. Tidak ada yang diubah.",
                          field="source")
    staged.unlink(missing_ok=True)
    try:
        if plain and key is not None:
            export_encrypted(source, staged, key=key)
        else:
            backup_sqlite(source, staged, key=key)
    except DriverDatabaseError as exc:
        staged.unlink(missing_ok=True)
        raise BackupError(f"Berkas cadangan {source.name} rusak dan tidak dapat dibaca "
                          f"({exc}). Tidak ada yang diubah.", field="source") from None
    if not integrity_ok(staged, key=key):
        staged.unlink(missing_ok=True)
        raise BackupError(f"Berkas cadangan {source.name} rusak: pemeriksaan keutuhan "
                          "(integrity_check) gagal. Tidak ada yang diubah.", field="source")
    try:
        return _describe(staged, key)
    except BackupError:
        staged.unlink(missing_ok=True)
        raise


def _current_office(path: Path, key: bytes | None) -> str | None:
    if not path.exists() or not integrity_ok(path, key=key):
        return None
    try:
        return _describe(path, key)[0]
    except BackupError:
        return None


def _set_aside(path: Path, safety: Path, key: bytes | None) -> Path:
    """Keep the live database as `safety` and leave no WAL beside it for the new file."""
    intact = integrity_ok(path, key=key)
    if intact:
        backup_sqlite(path, safety, key=key)
        conn = connect(path, key=key, timeout=2)
        try:
            # Needs every other connection closed: a program still using the file refuses.
            conn.execute("PRAGMA journal_mode=DELETE")
        except DriverOperationalError:
            raise BackupError("Basis data sedang dipakai (program lain masih membukanya). "
                              "Tutup program di semua komputer, lalu ulangi pemulihan.") from None
        finally:
            conn.close()
    else:
        copy_private(path, safety)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                copy_private(side, safety.with_name(safety.name + suffix))
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return safety


def restore(db_path: Path | str, source: Path | str, *, actor: Actor | None = None,
            directory: Path | None = None, now: datetime | None = None,
            allow_other_office: bool = False, key: bytes | None = None,
            recovery_key: bytes | None = None) -> RestoreResult:
    """Replace the database at `db_path` with the backup `source`.

    Nothing is touched until the staged copy passes every check. Close every engine on
    `db_path` first (`Database.dispose()`). The replaced file is kept in the backup folder
    as `<stem>-sebelum-pulih-<time>.db`. `key` is the database's key (None: plain). Where
    the current database cannot be opened, `recovery_key` (the office's recovery key) takes
    its place: the backup must open with it, and the restored database's audit says so.
    """
    if actor is not None:
        actor.require(Permission.BACKUP)
    path, src = Path(db_path), Path(source)
    if src.exists() and path.exists() and src.resolve() == path.resolve():
        raise BackupError("Berkas cadangan sama dengan basis data yang sedang dipakai.",
                          field="source")
    if recovery_key is not None:
        if is_plain_sqlite(src) or not opens_with(src, recovery_key):
            raise BackupError("Kunci pemulihan tidak membuka berkas cadangan ini: pemulihan "
                              "dengan kunci pemulihan hanya untuk cadangan terenkripsi kantor "
                              "ini. Tidak ada yang diubah.", field="recovery_key")
        key = recovery_key
    staged = path.with_name(path.name + ".restoring")
    office, revision = check_backup_file(src, staged, key=key)
    current = _current_office(path, key)
    if current is not None and current != office and not allow_other_office:
        staged.unlink(missing_ok=True)
        raise BackupError(f"Cadangan ini milik kantor {office}, sedangkan basis data ini milik "
                          f"kantor {current}. Pemulihan dibatalkan.", field="source")
    safety = None
    if path.exists():
        moment = now or datetime.now(UTC)
        folder = _default_dir(directory)
        try:
            safety = _set_aside(path, folder / f"{path.stem}-sebelum-pulih-{_stamp(moment)}.db",
                                key)
        except BaseException:
            staged.unlink(missing_ok=True)
            raise
    try:
        os.replace(staged, path)
    except PermissionError as exc:
        # Windows: another program (a second Branch Desk, a copy or virus scan) holds the
        # file open. The file is as it was; nothing half-written is left.
        staged.unlink(missing_ok=True)
        raise BackupError(f"Basis data {path} sedang dibuka program lain, jadi tidak dapat "
                          "diganti. Tutup program itu (juga Branch Desk di jendela lain), lalu "
                          "ulangi pemulihan. Basis data tidak diubah.") from exc
    flush_folder(path.parent)
    if actor is not None or recovery_key is not None:
        restored = Database(path, key=key)
        by = actor or system_actor(office)
        note = f"dari {src.name}" + (" dengan kunci pemulihan kantor" if recovery_key else "")
        try:
            with UnitOfWork(restored, by, write=True) as uow:
                record_event(uow.session, by, "restore", note=note)
                uow.commit()
        finally:
            restored.dispose()
    return RestoreResult(path, src, safety, office, revision)


def _restore_path(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise BackupError("Pemulihan dari program hanya untuk basis data SQLite.")
    return path


def restore_needs_login(db: Database) -> bool:
    """Whether restoring over `db` needs a user with the backup permission: while its file
    exists and passes the integrity check (a missing or broken one may be replaced without)."""
    path = _restore_path(db)
    return path.exists() and integrity_ok(path, key=db.key)


def restore_database(db: Database, source: Path | str, *, actor: Actor | None = None,
                     allow_other_office: bool = False,
                     recovery_key: bytes | None = None) -> RestoreResult:
    """`restore` over the open database `db`, after closing its connections."""
    path = _restore_path(db)
    db.dispose()
    return restore(path, source, actor=actor, allow_other_office=allow_other_office,
                   key=db.key, recovery_key=recovery_key)
