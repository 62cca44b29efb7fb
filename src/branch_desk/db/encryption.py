"""SQLCipher files below SQLAlchemy: raw connections with the key, telling a plain SQLite file
from an encrypted one, and turning a plain file into an encrypted copy (`sqlcipher_export`).

A plain file is opened with the standard `sqlite3` module and an encrypted one with
`sqlcipher3` (the `sqlcipher3-wheels` build of SQLCipher 4), the same library the engine uses
for it: two copies of SQLite in one process must never open the same file, or closing one
drops the other's POSIX locks. Every raw connection of the program goes through `connect`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

from branch_desk.domain.recovery_key import key_pragma

SQLITE_MAGIC = b"SQLite format 3\x00"
# Both drivers' errors, for `except` (sqlcipher3's do not derive from the sqlite3 module's).
DriverError = (sqlite3.Error, sqlcipher3.Error)
DriverDatabaseError = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
DriverOperationalError = (sqlite3.OperationalError, sqlcipher3.OperationalError)


def base_error(error: BaseException) -> type[BaseException]:
    """The DB-API base error class of the driver that raised `error`."""
    return sqlite3.Error if isinstance(error, sqlite3.Error) else sqlcipher3.Error


def connect(path: Path | str, *, key: bytes | None, read_only: bool = False,
            timeout: float = 5.0) -> Any:
    """A raw connection to the file `path`: sqlcipher3 keyed with `key` (the key pragma
    first), or the standard sqlite3 module for a plain file (`key` None)."""
    target = f"file:{path}?mode=ro" if read_only else str(path)
    if key is None:
        return sqlite3.connect(target, uri=read_only, timeout=timeout)
    conn = sqlcipher3.connect(target, uri=read_only, timeout=timeout)
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
    through `sqlcipher_export`, with its user_version; the caller checks and renames it.
    Every other connection to `source` must be closed (SQLCipher opens it even when plain)."""
    target.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(source))
    if source_key is not None:
        conn.execute(key_pragma(source_key))
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
