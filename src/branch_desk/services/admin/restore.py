"""Restoring the SQLite database from a backup: who may, which files are accepted, the swap.

Who: an admin (Permission.BACKUP) logged in to the CURRENT database, checked against that
database's own users table. Where no login is possible — the current file is damaged or
missing (a new PC) — the office recovery key instead (`_authorise_without_login`). The
restored database's audit log records who restored, from which file and by which of the two.

Which files: the backup is copied to a staged file beside the database and checked there
BEFORE anything is touched — SQLite header, `PRAGMA integrity_check`, a revision this
program knows, a schema exactly what the migrations create at that revision
(`db.schema_check`), foreign keys, the office, the audit chain of its content
(`services.admin.audit.verify_database`) and its own change log against that audit
(`services.admin.change_log_check`). A backup that is not this database's own past needs
`allow_other_office` (`--other-office`): another office's, one whose office cannot be
compared (the current one unreadable), and one whose audit log parts from the current
database's without a restore to explain it (another installation, or an edit with the chain
computed again).

The swap: the replaced file is kept in the backup folder as `<stem>-sebelum-pulih-<time>.db`,
then the staged file takes its place with one atomic rename.

Encryption at rest: every file is opened with the current database's key (None: a plain
database). An encrypted backup must open with it; a plain backup restored over an encrypted
database is encrypted with that key in the staged copy. Where the current database cannot be
opened, the office recovery key both authorises and opens the backup.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from branch_desk.db.backup import backup_sqlite, integrity_ok
from branch_desk.db.encryption import (
    DriverDatabaseError,
    DriverOperationalError,
    connect,
    export_encrypted,
    is_plain_sqlite,
    opens_with,
)
from branch_desk.db.engine import Database
from branch_desk.db.migrate import known_revisions
from branch_desk.db.recording import record_event
from branch_desk.db.schema_check import schema_differences
from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import PermissionDenied
from branch_desk.domain.permissions import Permission, allowed
from branch_desk.private_files import copy_private, flush_folder
from branch_desk.services.admin.audit import verify_database
from branch_desk.services.admin.backups import BackupError, backup_folder, file_stamp
from branch_desk.services.admin.change_log_check import change_log_problem
from branch_desk.services.uow import UnitOfWork

BY_LOGIN = "login"
BY_RECOVERY_KEY = "recovery_key"


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    source: Path
    safety_copy: Path | None
    office: str
    revision: str
    authorised_by: str  # login | recovery_key


@dataclass(frozen=True)
class Authorisation:
    """Who may restore: the actor the restore is recorded as, how they were checked, and the
    office they act for (None when it cannot be known)."""

    actor: Actor
    method: str  # BY_LOGIN | BY_RECOVERY_KEY
    office: str | None


# --- the file -------------------------------------------------------------------------------


def _refused(source: Path, reason: str) -> BackupError:
    return BackupError(f"Cadangan {source.name} ditolak: {reason}. Tidak ada yang diubah.",
                       field="source")


def _revision(path: Path, key: bytes | None) -> str:
    """The schema revision of a staged copy; BackupError when it is not ours or too new."""
    conn = connect(path, key=key, read_only=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except DriverDatabaseError:
        raise BackupError("Berkas ini basis data SQLite, tetapi bukan basis data Branch "
                          "Desk (tabel kantor atau versi skema tidak ada).",
                          field="source") from None
    finally:
        conn.close()
    if row is None:
        raise BackupError("Berkas ini bukan cadangan Branch Desk yang lengkap: versi skema "
                          "tidak ada.", field="source")
    if row[0] not in known_revisions():
        raise BackupError(f"Cadangan dibuat oleh versi program yang lebih baru (revisi "
                          f"{row[0]}). Perbarui program sebelum memulihkannya.", field="source")
    return str(row[0])


def _office(path: Path, key: bytes | None) -> str:
    """The office of a staged copy whose schema is ours; BackupError on broken references."""
    conn = connect(path, key=key, read_only=True)
    try:
        office = conn.execute("SELECT code FROM offices WHERE is_self = 1").fetchone()
        bad_fk = conn.execute("PRAGMA foreign_key_check").fetchone()
    finally:
        conn.close()
    if office is None:
        raise BackupError("Berkas ini bukan cadangan Branch Desk yang lengkap: identitas "
                          "kantor tidak ada.", field="source")
    if bad_fk is not None:
        raise BackupError(f"Cadangan rusak: rujukan antar-tabel tidak cocok (tabel {bad_fk[0]}).",
                          field="source")
    return str(office[0])


def _content_problem(path: Path, key: bytes | None) -> str | None:
    """Why the staged copy's content is not what the program wrote — its audit chain broken,
    or its own change log not matching the audit — read through a read-only connection so
    the check cannot change the file; None when both hold."""
    db = Database(path, key=key, read_only=True)
    try:
        with UnitOfWork(db) as uow:
            result = verify_database(uow.session)
            if not result.ok:
                return f"isinya tidak cocok dengan rantai log audit ({result.message})"
            problem = change_log_problem(uow)
            if problem is not None:
                return f"log perubahannya tidak cocok dengan log audit ({problem})"
    except (ValueError, TypeError, SQLAlchemyError) as exc:
        # A value the program never writes (a date that is no date, JSON that is no JSON).
        return f"log audit atau log perubahannya memuat nilai yang tidak dapat dibaca ({exc})"
    finally:
        db.dispose()
    return None


def _check_staged(source: Path, staged: Path, key: bytes | None) -> tuple[str, str]:
    """(office, revision) of the staged copy, or BackupError saying what is wrong."""
    if not integrity_ok(staged, key=key):
        raise BackupError(f"Berkas cadangan {source.name} rusak: pemeriksaan keutuhan "
                          "(integrity_check) gagal. Tidak ada yang diubah.", field="source")
    revision = _revision(staged, key)
    differences = schema_differences(staged, revision, key=key)
    if differences:
        more = f" (dan {len(differences) - 1} perbedaan lain)" if len(differences) > 1 else ""
        raise _refused(source, f"skemanya bukan skema program revisi {revision} — cadangan ini "
                               f"{differences[0]}{more}")
    office = _office(staged, key)
    problem = _content_problem(staged, key)
    if problem is not None:
        raise _refused(source, problem)
    return office, revision


def check_backup_file(source: Path, staged: Path, *,
                      key: bytes | None = None) -> tuple[str, str]:
    """Copy `source` to `staged` through SQLite and check it; (office, revision). The staged
    copy is removed when a check fails. `key` is the current database's key (None: a plain
    database): an encrypted backup must open with it, and a plain backup is encrypted with it
    in the staged copy."""
    if not source.is_file():
        raise BackupError(f"Berkas cadangan {source} tidak ditemukan.", field="source")
    plain = is_plain_sqlite(source)
    if not plain and (key is None or not opens_with(source, key)):
        what = ("bukan berkas cadangan Branch Desk (bukan basis data SQLite, atau terenkripsi "
                "sedangkan basis data ini tidak)" if key is None else
                "tidak terbuka dengan kunci basis data ini (kunci lain, atau bukan basis data "
                "Branch Desk)")
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
    try:
        return _check_staged(source, staged, key)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


# --- who ------------------------------------------------------------------------------------


def _current_office(path: Path, key: bytes | None) -> str | None:
    """The office of the database at `path` (opened with `key`); None when it is missing,
    damaged or does not open with the key."""
    if not path.exists() or not integrity_ok(path, key=key):
        return None
    conn = connect(path, key=key, read_only=True)
    try:
        row = conn.execute("SELECT code FROM offices WHERE is_self = 1").fetchone()
    except DriverDatabaseError:
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None


def _authorise_login(path: Path, office: str, actor: Actor | None,
                     key: bytes | None) -> Authorisation:
    """An admin of the database at `path`: the actor's role, office and account as that
    database's users table holds them now (an Actor made up elsewhere does not pass)."""
    if actor is None:
        raise PermissionDenied("Pemulihan memerlukan admin yang masuk ke basis data saat ini "
                               "(--user).")
    actor.require(Permission.BACKUP)
    conn = connect(path, key=key, read_only=True)
    try:
        row = conn.execute("SELECT role, active, deleted FROM users WHERE username = ?",
                           (actor.username,)).fetchone()
    finally:
        conn.close()
    if (actor.office != office or row is None or not row[1] or row[2]
            or not allowed(row[0], Permission.BACKUP)):
        raise PermissionDenied(f"Pemulihan hanya oleh admin aktif basis data saat ini (kantor "
                               f"{office}); {actor.username} bukan admin aktif di sini.")
    return Authorisation(actor, BY_LOGIN, office)


def _authorise_without_login(path: Path, source: Path,
                             recovery_key: bytes | None) -> Authorisation:
    """Where the current database is missing or damaged nobody can log in to it: the office
    recovery key authorises instead, and sets the office the restore acts for.

    The key is checked by opening `source` with it: only the office's own encrypted backups
    open, so the office in the backup is the office the key belongs to. A plain backup proves
    nothing and is refused on this path."""
    state = ("belum ada di komputer ini" if not path.exists() else "rusak")
    if recovery_key is None:
        raise PermissionDenied(f"Basis data saat ini {state}: pemulihan memerlukan kunci "
                               "pemulihan kantor (--recovery-key-file).")
    if not source.is_file() or is_plain_sqlite(source) or not opens_with(source, recovery_key):
        raise PermissionDenied(f"Basis data saat ini {state}, dan kunci pemulihan tidak membuka "
                               f"berkas cadangan {source.name}: pemulihan dengan kunci pemulihan "
                               "hanya untuk cadangan terenkripsi kantor ini. Tidak ada yang "
                               "diubah.")
    conn = connect(source, key=recovery_key, read_only=True)
    try:
        row = conn.execute("SELECT code FROM offices WHERE is_self = 1").fetchone()
    except DriverDatabaseError:
        row = None
    finally:
        conn.close()
    office = str(row[0]) if row else None
    return Authorisation(Actor("kunci-pemulihan", "admin", office or ""), BY_RECOVERY_KEY,
                         office)


def restore_needs_login(db: Database) -> bool:
    """Whether restoring over `db` is authorised by an admin login (its file exists and can be
    read); otherwise the office recovery key is needed."""
    return _current_office(_restore_path(db), db.key) is not None


# --- the swap -------------------------------------------------------------------------------


def _set_aside(path: Path, safety: Path, key: bytes | None, *, intact: bool) -> Path:
    """Keep the live database as `safety` and leave no WAL beside it for the new file;
    `intact`: the file passed the integrity check (then copied through SQLite, else byte for
    byte)."""
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


def _history_fork(current: Path, staged: Path, key: bytes | None) -> int | None:
    """The first audit entry where the backup's log and the current database's log part
    without a restore on either side to explain it; None when one is the start of the
    other, or where they part one of them holds the `restore` that made the difference.

    A backup of this database, made before now, is entry for entry the start of the current
    log (the anchor outside the backup file that its own hash chain lacks: a backup edited
    and its chain computed again parts from the current log at the edit)."""
    mine = connect(current, key=key, read_only=True)
    theirs = connect(staged, key=key, read_only=True)
    query = "SELECT seq, hash, action FROM audit_log ORDER BY seq"
    try:
        for here, there in zip(mine.execute(query), theirs.execute(query), strict=False):
            if here[:2] != there[:2]:
                explained = "restore" in (here[2], there[2]) and here[0] == there[0]
                return None if explained else min(here[0], there[0])
    finally:
        mine.close()
        theirs.close()
    return None


def _not_ours(office: str, current: str | None, fork: int | None) -> str | None:
    """Why the backup is not this database's own past (another office, an office that cannot
    be read, another history); None when it is."""
    if current is None:
        return (f"Cadangan ini milik kantor {office}, sedangkan kantor basis data saat ini "
                "tidak dapat dibaca.")
    if office != current:
        return (f"Cadangan ini milik kantor {office}, sedangkan basis data ini milik kantor "
                f"{current}.")
    if fork == 1:
        return (f"Cadangan ini milik kantor {office}, tetapi bukan riwayat basis data ini: log "
                "auditnya berbeda sejak entri #1 (basis data lain dengan kode kantor yang sama).")
    if fork is not None:
        return (f"Log audit cadangan ini sama dengan basis data saat ini sampai entri "
                f"#{fork - 1}, lalu berbeda tanpa pemulihan di antaranya: salah satunya telah "
                "diubah setelah dicatat.")
    return None


def restore(db_path: Path | str, source: Path | str, *, actor: Actor | None = None,
            recovery_key: bytes | None = None, key: bytes | None = None,
            directory: Path | None = None, now: datetime | None = None,
            allow_other_office: bool = False) -> RestoreResult:
    """Replace the database at `db_path` with the backup `source`.

    `actor` is an admin logged in to the current database (opened with `key`, None: plain);
    where that database is missing or damaged, `recovery_key` instead, which then also opens
    the backup. Nothing is touched until the caller is authorised and the staged copy passes
    every check. Close every engine on `db_path` first (`Database.dispose()`).
    """
    path, src = Path(db_path), Path(source)
    if src.exists() and path.exists() and src.resolve() == path.resolve():
        raise BackupError("Berkas cadangan sama dengan basis data yang sedang dipakai.",
                          field="source")
    current = _current_office(path, key)
    who = (_authorise_login(path, current, actor, key) if current is not None
           else _authorise_without_login(path, src, recovery_key))
    if who.method == BY_RECOVERY_KEY:
        key = recovery_key
    staged = path.with_name(path.name + ".restoring")
    office, revision = check_backup_file(src, staged, key=key)
    fork = (_history_fork(path, staged, key) if who.method == BY_LOGIN and office == who.office
            else None)
    reason = _not_ours(office, who.office, fork)
    if reason is not None and not allow_other_office:
        staged.unlink(missing_ok=True)
        raise BackupError(f"{reason} Pemulihan dibatalkan (cadangan kantor lain, atau yang bukan "
                          "riwayat basis data ini, hanya dengan --other-office).", field="source")
    safety = None
    if path.exists():
        folder = backup_folder(directory)
        moment = now or datetime.now(UTC)
        try:
            safety = _set_aside(
                path, folder / f"{path.stem}-sebelum-pulih-{file_stamp(moment)}.db", key,
                intact=current is not None)
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
    how = "masuk sebagai admin" if who.method == BY_LOGIN else "dengan kunci pemulihan kantor"
    restored = Database(path, key=key)
    try:
        with UnitOfWork(restored, who.actor, write=True) as uow:
            record_event(uow.session, who.actor, "restore", note=f"dari {src.name}; {how}",
                         details={"source": str(src), "by": who.method,
                                  "previous_office": who.office, "backup_office": office,
                                  "other_office": office != who.office,
                                  "history_fork": fork})
            uow.commit()
    finally:
        restored.dispose()
    return RestoreResult(path, src, safety, office, revision, who.method)


def _restore_path(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise BackupError("Pemulihan dari program hanya untuk basis data SQLite.")
    return path


def restore_database(db: Database, source: Path | str, *, actor: Actor | None = None,
                     recovery_key: bytes | None = None,
                     allow_other_office: bool = False) -> RestoreResult:
    """`restore` over the open database `db`, after closing its connections."""
    path = _restore_path(db)
    db.dispose()
    return restore(path, source, actor=actor, recovery_key=recovery_key, key=db.key,
                   allow_other_office=allow_other_office)
