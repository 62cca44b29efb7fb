"""Consistent copies of a SQLite database through SQLite's online backup API.

A database encrypted with SQLCipher is copied with its key on both sides, so the copy is
encrypted with the same key (and opens with the office's recovery key elsewhere).
"""

from __future__ import annotations

from pathlib import Path

from branch_desk.db.encryption import DriverDatabaseError, connect
from branch_desk.private_files import replacing


def backup_sqlite(source: Path, target: Path, *, key: bytes | None = None) -> Path:
    """Copy the live database `source` to `target` (a private file written beside, then
    renamed; removed on failure, a full disk raised as `DiskFullError`); with `key`, both
    are opened with it and the copy is encrypted like the source."""
    with replacing(target) as partial:
        src = connect(source, key=key, read_only=True)
        try:
            dst = connect(partial, key=key)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    return target


def integrity_ok(path: Path, *, key: bytes | None = None) -> bool:
    """Whether `path` is a SQLite database (opened with `key` when given) that passes
    `PRAGMA integrity_check`."""
    try:
        conn = connect(path, key=key, read_only=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            conn.close()
    except DriverDatabaseError:
        return False
