"""Backups of the SQLite database: daily at first start, on demand, retention, restore.

Copies go through SQLite's online backup API (`db.backup.backup_sqlite`), so a backup taken
while the program writes is still a consistent database. A restore checks the file
(SQLite header, `PRAGMA integrity_check`, foreign keys, schema revision, office) on a staged
copy BEFORE it touches the live database, keeps the replaced file as a safety copy and
swaps the files with one atomic rename.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from branch_desk.db.backup import backup_sqlite, integrity_ok
from branch_desk.db.engine import Database
from branch_desk.db.migrate import known_revisions
from branch_desk.db.models.core import Setting
from branch_desk.db.recording import record_event
from branch_desk.domain.actor import Actor
from branch_desk.domain.dates import to_local
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.private_files import copy_private, flush_folder, private_dir
from branch_desk.services.uow import UnitOfWork

DEFAULT_KEEP = 14
RETENTION_KEY = "backup_keep"
SQLITE_MAGIC = b"SQLite format 3\x00"
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
    target = backup_sqlite(path, folder / f"{path.stem}-harian-{_stamp(now)}.db")
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
        backup_sqlite(source, target)
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"Cadangan gagal dibuat di {target}: {exc}", field="out") from exc
    if not integrity_ok(target):
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


def _describe(path: Path) -> tuple[str, str]:
    """(office code, schema revision) of a staged copy; BackupError when it is not ours."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            office = conn.execute("SELECT code FROM offices WHERE is_self = 1").fetchone()
            bad_fk = conn.execute("PRAGMA foreign_key_check").fetchone()
        except sqlite3.DatabaseError:
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


def check_backup_file(source: Path, staged: Path) -> tuple[str, str]:
    """Copy `source` to `staged` through SQLite and check it; (office, revision)."""
    if not source.is_file():
        raise BackupError(f"Berkas cadangan {source} tidak ditemukan.", field="source")
    with source.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupError(f"Berkas {source.name} bukan berkas cadangan Branch Desk (bukan "
                              "basis data SQLite). Tidak ada yang diubah.", field="source")
    staged.unlink(missing_ok=True)
    try:
        backup_sqlite(source, staged)
    except sqlite3.DatabaseError as exc:
        staged.unlink(missing_ok=True)
        raise BackupError(f"Berkas cadangan {source.name} rusak dan tidak dapat dibaca "
                          f"({exc}). Tidak ada yang diubah.", field="source") from None
    if not integrity_ok(staged):
        staged.unlink(missing_ok=True)
        raise BackupError(f"Berkas cadangan {source.name} rusak: pemeriksaan keutuhan "
                          "(integrity_check) gagal. Tidak ada yang diubah.", field="source")
    try:
        return _describe(staged)
    except BackupError:
        staged.unlink(missing_ok=True)
        raise


def _current_office(path: Path) -> str | None:
    if not path.exists() or not integrity_ok(path):
        return None
    try:
        return _describe(path)[0]
    except BackupError:
        return None


def _set_aside(path: Path, safety: Path) -> Path:
    """Keep the live database as `safety` and leave no WAL beside it for the new file."""
    intact = integrity_ok(path)
    if intact:
        backup_sqlite(path, safety)
        conn = sqlite3.connect(path, timeout=2)
        try:
            # Needs every other connection closed: a program still using the file refuses.
            conn.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.OperationalError:
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
            allow_other_office: bool = False) -> RestoreResult:
    """Replace the database at `db_path` with the backup `source`.

    Nothing is touched until the staged copy passes every check. Close every engine on
    `db_path` first (`Database.dispose()`). The replaced file is kept in the backup folder
    as `<stem>-sebelum-pulih-<time>.db`.
    """
    if actor is not None:
        actor.require(Permission.BACKUP)
    path, src = Path(db_path), Path(source)
    if src.exists() and path.exists() and src.resolve() == path.resolve():
        raise BackupError("Berkas cadangan sama dengan basis data yang sedang dipakai.",
                          field="source")
    staged = path.with_name(path.name + ".restoring")
    office, revision = check_backup_file(src, staged)
    current = _current_office(path)
    if current is not None and current != office and not allow_other_office:
        staged.unlink(missing_ok=True)
        raise BackupError(f"Cadangan ini milik kantor {office}, sedangkan basis data ini milik "
                          f"kantor {current}. Pemulihan dibatalkan.", field="source")
    safety = None
    if path.exists():
        moment = now or datetime.now(UTC)
        folder = _default_dir(directory)
        try:
            safety = _set_aside(path, folder / f"{path.stem}-sebelum-pulih-{_stamp(moment)}.db")
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
    if actor is not None:
        restored = Database(path)
        try:
            with UnitOfWork(restored, actor, write=True) as uow:
                record_event(uow.session, actor, "restore", note=f"dari {src.name}")
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
    return path.exists() and integrity_ok(path)


def restore_database(db: Database, source: Path | str, *, actor: Actor | None = None,
                     allow_other_office: bool = False) -> RestoreResult:
    """`restore` over the open database `db`, after closing its connections."""
    path = _restore_path(db)
    db.dispose()
    return restore(path, source, actor=actor, allow_other_office=allow_other_office)
