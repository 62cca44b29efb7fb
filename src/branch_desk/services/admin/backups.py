"""Backups of the SQLite database: daily at first start, on demand, retention.

Copies go through SQLite's online backup API (`db.backup.backup_sqlite`), so a backup taken
while the program writes is still a consistent database. An encrypted database (SQLCipher) is
copied with its key: its backups are encrypted with the same key. Restoring one is
`services/admin/restore.py`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from branch_desk.db.backup import backup_sqlite, integrity_ok
from branch_desk.db.encryption import (
    DriverError,
)
from branch_desk.db.engine import Database
from branch_desk.db.models.core import Setting
from branch_desk.db.recording import record_event
from branch_desk.domain.actor import Actor
from branch_desk.domain.dates import to_local
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.private_files import private_dir
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


def backup_folder(directory: Path | None) -> Path:
    """`directory` (made private if missing), or the backup folder of the settings when None."""
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


def file_stamp(now: datetime) -> str:
    """`now` as the YYYYMMDD-HHMMSS of a backup's file name, in WITA."""
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
    folder = backup_folder(directory)
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
    folder = backup_folder(directory)
    day = to_local(now).strftime("%Y%m%d")
    for existing in folder.glob(f"{glob_escape(path.stem)}-harian-{day}-*.db"):
        match = _NAME.match(existing.name)
        if match and match["stem"] == path.stem:
            return None
    target = backup_sqlite(path, folder / f"{path.stem}-harian-{file_stamp(now)}.db",
                           key=db.key)
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
    target = Path(out) if out is not None else backup_folder(directory)
    if target.is_dir():
        target = target / f"{source.stem}-manual-{file_stamp(moment)}.db"
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
