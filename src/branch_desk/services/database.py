"""The office database as the program and the command line open it: the handle, whether it is
set up, and bringing its schema up to this program's (after a backup)."""

from __future__ import annotations

from pathlib import Path

from branch_desk.config import backup_dir, default_database
from branch_desk.db.engine import Database
from branch_desk.db.migrate import current_revision, upgrade
from branch_desk.services.encryption import open_target

__all__ = ["Database", "is_set_up", "open_database", "upgrade_schema"]


def open_database(target: str | Path | None = None, *, create: bool = False,
                  check: bool = True) -> Database:
    """The database at `target` (a path or URL), or the default one in the data folder.

    A SQLite file is opened with its key (`services.encryption`); `create` gives a file that
    holds no database yet a new key, so it becomes an encrypted database. A wrong or missing
    key is a DatabaseKeyError naming where the key was looked for (`check=False`: not
    checked, for a restore over a damaged file)."""
    return open_target(target or default_database(), create=create, check=check)


def is_set_up(db: Database) -> bool:
    """Whether the database holds an office (has been migrated at least once)."""
    return current_revision(db) is not None


def upgrade_schema(db: Database) -> Path | None:
    """Upgrade to this program's schema, backing the file up first; the backup's path."""
    return upgrade(db, backup_dir=backup_dir())


def database_location(db: Database) -> str:
    """Where the database is, as shown to people: the SQLite file's path, or the server's
    URL without its password."""
    path = db.sqlite_path
    return str(path) if path is not None else db.url.render_as_string(hide_password=True)
