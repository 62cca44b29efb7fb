"""Consistent copies of a SQLite database through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy the live database `source` to `target` (written beside, then renamed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    partial.replace(target)
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
