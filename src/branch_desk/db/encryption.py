"""SQLCipher files below SQLAlchemy: raw connections with the key, telling a plain SQLite file
from an encrypted one, and turning a plain file into an encrypted copy (`sqlcipher_export`).

sqlcipher3 (the `sqlcipher3-wheels` build of SQLCipher 4) opens plain files too when no key
is given, so every raw connection of the program goes through `connect`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

from branch_desk.domain.recovery_key import key_pragma

SQLITE_MAGIC = b"SQLite format 3\x00"
# The driver's errors (sqlcipher3's are not subclasses of the standard sqlite3 module's).
DriverError = sqlcipher3.Error
DriverDatabaseError = sqlcipher3.DatabaseError
DriverOperationalError = sqlcipher3.OperationalError


def connect(path: Path | str, *, key: bytes | None, read_only: bool = False,
            timeout: float = 5.0) -> Any:
    """A raw connection to the file `path`, keyed when `key` is given (the key pragma first)."""
    target = f"file:{path}?mode=ro" if read_only else str(path)
    conn = sqlcipher3.connect(target, uri=read_only, timeout=timeout)
    if key is not None:
        conn.execute(key_pragma(key))
    return conn


def is_plain_sqlite(path: Path) -> bool:
    """Whether `path` starts with the plain SQLite header (an unencrypted database)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def opens_with(path: Path, key: bytes | None) -> bool:
    """Whether `path` can be read with `key` (None: as a plain file)."""
    try:
        conn = connect(path, key=key, read_only=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return True
        finally:
            conn.close()
    except DriverError:
        return False


def export_encrypted(source: Path, target: Path, *, key: bytes,
                     source_key: bytes | None = None) -> Path:
    """Write an encrypted copy of `source` (plain, or keyed with `source_key`) to `target`
    through `sqlcipher_export`, with its user_version; the caller checks and renames it."""
    target.unlink(missing_ok=True)
    conn = connect(source, key=source_key)
    try:
        conn.isolation_level = None
        quoted = str(target).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{quoted}' AS encrypted KEY \"x'{key.hex()}'\"")
        try:
            conn.execute("SELECT sqlcipher_export('encrypted')")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        finally:
            conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    return target
