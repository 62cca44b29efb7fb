"""The office database's key: where it is kept, opening a database with it, the recovery key
on another computer, and converting a plain database.

The key (32 random bytes, a raw SQLCipher key) is kept per database file in the operating
system's credential store through `keyring` (Windows Credential Manager, Secret Service on
Linux), service "Branch Desk", entry name the database's resolved path. Where no usable store
exists it is kept in a user-only (0600) file under the data directory's `keys/` folder, never
beside the database, with a warning. `BRANCH_DESK_KEY_FILE` names a key file for scripts and
is looked at first.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import stat
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from branch_desk.config import KEY_FILE_ENV, key_dir
from branch_desk.db.backup import backup_sqlite, integrity_ok
from branch_desk.db.encryption import (
    DriverError,
    DriverOperationalError,
    connect,
    export_encrypted,
    is_plain_sqlite,
    opens_with,
)
from branch_desk.db.engine import Database, resolve_url
from branch_desk.db.recording import record_event
from branch_desk.documents.recovery_sheet import RecoverySheet, render_recovery_sheet
from branch_desk.domain.actor import Actor, system_actor
from branch_desk.domain.errors import DomainError, ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.domain.recovery_key import KEY_BYTES, format_recovery_key, parse_recovery_key
from branch_desk.private_files import write_private
from branch_desk.services.admin.offices import office_of
from branch_desk.services.uow import UnitOfWork

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Branch Desk"
STORE_LABEL = "penyimpanan kredensial sistem (Windows Credential Manager / Secret Service)"
FILE_WARNING = ("Peringatan: komputer ini tidak punya penyimpanan kredensial sistem; kunci basis "
                "data disimpan di berkas {file} (hanya dapat dibaca pengguna ini). Siapa pun "
                "yang menyalin folder data beserta basis datanya dapat membukanya.")


class DatabaseKeyError(DomainError):
    """The database cannot be opened with the key found (or no key was found)."""


@dataclass(frozen=True)
class FoundKey:
    key: bytes
    source: str  # where it was found, for people
    is_file_fallback: bool = False


@dataclass(frozen=True)
class EncryptionResult:
    database: Database
    backup: Path  # the copy made before converting, now encrypted with the new key
    backups_encrypted: tuple[Path, ...]  # older plain backups of this database, encrypted


def new_key() -> bytes:
    """32 random bytes from the operating system's generator."""
    return secrets.token_bytes(KEY_BYTES)


def entry_name(path: Path) -> str:
    """The credential-store entry of the database at `path`: its resolved path."""
    return str(path.expanduser().resolve())


def fallback_key_file(path: Path) -> Path:
    """The key file of `path` where no credential store exists (in the data directory)."""
    digest = hashlib.sha256(entry_name(path).encode("utf-8")).hexdigest()[:24]
    return key_dir() / f"{digest}.key"


def _keyring_backend() -> object | None:
    """The usable credential store, or None (keyring's fail/null backend, no backend)."""
    import keyring
    from keyring.backends import chainer, fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    return backend


def read_key_file(file: Path) -> bytes:
    """The key in `file` (64 hex digits or a recovery key). A file readable by others is
    made user-only first, with a warning (the key may have been copied)."""
    if os.name == "posix":
        mode = file.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            file.chmod(0o600)
            log.warning("Berkas kunci %s dapat dibaca pengguna lain (mode %o); diubah menjadi "
                        "0600. Kunci mungkin sudah tersalin: pertimbangkan mengenkripsi ulang.",
                        file, stat.S_IMODE(mode))
    try:
        return parse_recovery_key(file.read_text(encoding="utf-8"))
    except ValidationError as exc:
        raise DatabaseKeyError(f"Berkas kunci {file} tidak berisi kunci yang sah: {exc}",
                               field="key_file") from None


def _env_file() -> Path | None:
    value = os.environ.get(KEY_FILE_ENV)
    return Path(value).expanduser() if value else None


def find_key(path: Path) -> FoundKey | None:
    """The key of the database at `path`: `BRANCH_DESK_KEY_FILE`, the credential store, then
    the fallback key file; None when none holds one."""
    env = _env_file()
    if env is not None and env.is_file():
        return FoundKey(read_key_file(env), f"berkas ${KEY_FILE_ENV} ({env})")
    backend = _keyring_backend()
    if backend is not None:
        try:
            stored = backend.get_password(KEYRING_SERVICE, entry_name(path))  # type: ignore[attr-defined]
        except Exception as exc:  # any store failure (no D-Bus, locked store): use the file
            log.warning("Penyimpanan kredensial tidak dapat dibaca (%s); mencoba berkas kunci.",
                        exc)
            stored = None
        if stored:
            return FoundKey(parse_recovery_key(stored), STORE_LABEL)
    file = fallback_key_file(path)
    if file.is_file():
        return FoundKey(read_key_file(file), f"berkas kunci {file}", is_file_fallback=True)
    return None


def places_looked(path: Path) -> str:
    """Where `find_key` looks, for messages."""
    places = [STORE_LABEL + f" (entri '{KEYRING_SERVICE}' / {entry_name(path)})",
              f"berkas kunci {fallback_key_file(path)}"]
    env = _env_file()
    if env is not None:
        places.insert(0, f"${KEY_FILE_ENV} ({env})")
    return "; ".join(places)


def store_key(path: Path, key: bytes) -> FoundKey:
    """Keep `key` for the database at `path`: in `BRANCH_DESK_KEY_FILE` when it is set, else
    the credential store, else the fallback key file (with a logged warning)."""
    text = key.hex() + "\n"
    env = _env_file()
    if env is not None:
        write_private(env, text.encode("utf-8"))
        return FoundKey(key, f"berkas ${KEY_FILE_ENV} ({env})")
    backend = _keyring_backend()
    if backend is not None:
        try:
            backend.set_password(KEYRING_SERVICE, entry_name(path), key.hex())  # type: ignore[attr-defined]
            return FoundKey(key, STORE_LABEL)
        except Exception as exc:  # any store failure (no D-Bus, locked store): use the file
            log.warning("Penyimpanan kredensial menolak kunci (%s); memakai berkas kunci.", exc)
    file = write_private(fallback_key_file(path), text.encode("utf-8"))
    log.warning(FILE_WARNING.format(file=file))
    return FoundKey(key, f"berkas kunci {file}", is_file_fallback=True)


def key_warning(db: Database) -> str | None:
    """What the officer should be told about how `db` is protected, or None."""
    if db.sqlite_path is None:
        return None
    if db.key is None:
        return (f"Peringatan: basis data {db.sqlite_path} tidak terenkripsi. Enkripsikan dengan "
                "'branch-desk key encrypt' (setelah cadangan dibuat otomatis).")
    file = fallback_key_file(db.sqlite_path)
    if db.key_source == f"berkas kunci {file}":
        return FILE_WARNING.format(file=file)
    return None


def _blank(path: Path) -> bool:
    """Whether `path` holds no database yet: missing, empty, or a plain file with no schema
    (what opening a missing file leaves behind)."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    if not is_plain_sqlite(path):
        return False
    try:
        conn = connect(path, key=None, read_only=True)
        try:
            return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        finally:
            conn.close()
    except DriverError:
        return False


def _remove_sides(path: Path) -> None:
    """Remove the WAL, shared-memory and journal files beside `path`."""
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _wrong_key(path: Path, found: FoundKey) -> DatabaseKeyError:
    return DatabaseKeyError(
        f"Kunci basis data tidak cocok untuk {path} (kunci dari {found.source}). Berkas ini "
        "dienkripsi dengan kunci lain, atau rusak. Bila basis data ini dipindahkan dari "
        "komputer lain, pasang kunci pemulihan kantor dengan 'branch-desk key import "
        f"--db {path} --recovery-key-file BERKAS'.", field="key")


def open_sqlite(path: Path, *, create: bool = False, check: bool = True) -> Database:
    """The SQLite database at `path`, opened with its key.

    `create`: a blank file gets a new key (stored) and becomes an encrypted database.
    `check`: refuse (DatabaseKeyError, in Indonesian) a file the key found does not open, an
    encrypted file with no key found, and a plain file where a key is kept for this path (a
    file swapped in place of the office's encrypted database).
    """
    found = find_key(path)
    if _blank(path):
        if found is None and not create:
            return Database(path)
        if found is None:
            found = store_key(path, new_key())
        path.unlink(missing_ok=True)
        _remove_sides(path)
        return Database(path, key=found.key, key_source=found.source)
    if not check:
        return Database(path, key=found.key if found else None,
                        key_source=found.source if found else None)
    if is_plain_sqlite(path):
        if found is not None and _finish_conversion(path, found):
            return Database(path, key=found.key, key_source=found.source)
        if found is not None:
            raise DatabaseKeyError(
                f"Berkas {path} tidak terenkripsi, padahal komputer ini menyimpan kunci untuk "
                f"basis data di tempat ini ({found.source}). Berkas mungkin telah ditukar; "
                "program tidak membukanya. Pulihkan cadangan kantor atau periksa berkasnya.",
                field="key")
        return Database(path)
    if found is None:
        raise DatabaseKeyError(
            f"Kunci basis data tidak ditemukan untuk {path}: berkas ini terenkripsi, dan "
            f"kuncinya tidak ada di {places_looked(path)}. Pasang kunci pemulihan kantor dengan "
            f"'branch-desk key import --db {path} --recovery-key-file BERKAS'.", field="key")
    if not opens_with(path, found.key):
        raise _wrong_key(path, found)
    return Database(path, key=found.key, key_source=found.source)


def _finish_conversion(path: Path, found: FoundKey) -> bool:
    """A conversion stopped after its key was kept and before the rename (a crash, a power
    cut): the checked encrypted copy beside the file is put in place. Whether it was."""
    pending = path.with_name(path.name + ".encrypting")
    if not pending.is_file() or not integrity_ok(pending, key=found.key):
        return False
    os.replace(pending, path)
    _remove_sides(path)
    log.warning("Enkripsi %s yang terhenti diselesaikan: salinan terenkripsi dipasang.", path)
    return True


def open_target(target: str | Path, *, create: bool = False, check: bool = True) -> Database:
    """A path or URL: SQLite files through `open_sqlite`, server databases as they are."""
    url = resolve_url(target)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return Database(target)
    return open_sqlite(Path(url.database), create=create, check=check)


def import_recovery_key(path: Path, text: str) -> FoundKey:
    """Keep the recovery key `text` on this computer for the encrypted database at `path`,
    after checking that it opens it."""
    key = parse_recovery_key(text)
    if not path.is_file():
        raise ValidationError(f"Basis data {path} tidak ditemukan.", field="db")
    if is_plain_sqlite(path):
        raise ValidationError(f"Basis data {path} tidak terenkripsi; kunci tidak diperlukan.",
                              field="db")
    if not opens_with(path, key):
        raise DatabaseKeyError(f"Kunci pemulihan ini tidak membuka {path}: kunci kantor lain "
                               "atau basis data lain. Tidak ada yang disimpan.",
                               field="recovery_key")
    return store_key(path, key)


def recovery_key_text(db: Database) -> str:
    """The recovery key of the encrypted database `db`."""
    if db.key is None:
        raise ValidationError("Basis data ini tidak terenkripsi: tidak ada kunci pemulihan.")
    return format_recovery_key(db.key)


def write_recovery_sheet(db: Database, *, out: Path, made_on: date) -> Path:
    """The printable recovery key sheet of the encrypted database `db` (a PDF, user-only)."""
    if db.key is None or db.sqlite_path is None:
        raise ValidationError("Basis data ini tidak terenkripsi: tidak ada kunci pemulihan.")
    office = office_of(db)
    sheet = RecoverySheet(office_code=office.code, office_name=office.name,
                          database=str(db.sqlite_path), made_on=made_on, key=db.key)
    return write_private(out, render_recovery_sheet(sheet))


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def _row_counts(path: Path, key: bytes | None) -> dict[str, int]:
    conn = connect(path, key=key, read_only=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def _encrypt_in_place(file: Path, key: bytes) -> None:
    """Replace the plain database `file` by an encrypted copy (checked, then renamed)."""
    tmp = file.with_name(file.name + ".encrypting")
    try:
        export_encrypted(file, tmp, key=key)
        if not integrity_ok(tmp, key=key) or _row_counts(tmp, key) != _row_counts(file, None):
            raise DatabaseKeyError(f"Salinan terenkripsi {file.name} gagal diperiksa; berkas "
                                   "asli tidak diubah.")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, file)
    _remove_sides(file)


def needs_encryption(db: Database) -> bool:
    """Whether `db` is a plain SQLite file holding data (what `encrypt_database` converts)."""
    path = db.sqlite_path
    return (path is not None and db.key is None and path.is_file()
            and is_plain_sqlite(path))


def encrypt_database(db: Database, *, backup_dir: Path,
                     actor: Actor | None = None) -> EncryptionResult:
    """Convert the plain SQLite database `db` into an encrypted one with a new key.

    Every connection must be closed (the file's journal is switched to DELETE first, which
    fails while another program uses it). A backup is made first; the encrypted copy is
    checked (integrity_check, the same row count in every table), the key stored, and the
    copy renamed over the plain file. The backup, and every other plain backup of this
    database in `backup_dir`, is then encrypted with the same key in place: no plain copy is
    left in the backup folder (the disk blocks the plain files used are not wiped). The
    conversion is audited as `actor` (who needs the backup permission), or as the program
    itself when it converts at its first start.
    """
    if actor is not None:
        actor.require(Permission.BACKUP)
    path = db.sqlite_path
    if path is None:
        raise ValidationError("Hanya basis data SQLite yang dienkripsi oleh program; basis data "
                              "server dilindungi oleh server (lihat docs/security.md).")
    if db.key is not None or not is_plain_sqlite(path):
        raise ValidationError(f"Basis data {path} sudah terenkripsi.")
    db.dispose()
    conn = connect(path, key=None, timeout=2)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # folds the WAL into the file
    except DriverOperationalError:
        raise ValidationError("Basis data sedang dipakai (program lain masih membukanya). "
                              "Tutup program di semua komputer, lalu ulangi.") from None
    finally:
        conn.close()
    backup = backup_sqlite(path, backup_dir / f"{path.stem}-sebelum-enkripsi-{_stamp()}.db")
    key = new_key()
    tmp = path.with_name(path.name + ".encrypting")
    try:
        export_encrypted(path, tmp, key=key)
        if not integrity_ok(tmp, key=key) or _row_counts(tmp, key) != _row_counts(path, None):
            raise DatabaseKeyError("Salinan terenkripsi gagal diperiksa; basis data tidak "
                                   "diubah.")
        found = store_key(path, key)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)
    _remove_sides(path)
    encrypted = []
    for other in sorted(backup_dir.glob("*.db")):
        if other.name.startswith(f"{path.stem}-") and is_plain_sqlite(other):
            _encrypt_in_place(other, key)
            encrypted.append(other)
    converted = Database(path, key=key, key_source=found.source)
    by = actor or system_actor(office_of(converted).code)
    with UnitOfWork(converted, by, write=True) as uow:
        record_event(uow.session, by, "encrypt", note=f"cadangan {backup.name}")
        uow.commit()
    return EncryptionResult(converted, backup, tuple(p for p in encrypted if p != backup))
