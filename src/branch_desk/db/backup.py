"""Consistent copies of a SQLite database through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from branch_desk.private_files import replacing


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy the live database `source` to `target` (a private file written beside, then
    renamed; removed on failure, a full disk raised as `DiskFullError`)."""
    with replacing(target) as partial:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
    return target


def integrity_ok(path: Path) -> bool:
    """Whether `path` is a SQLite database that passes `PRAGMA integrity_check`."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
