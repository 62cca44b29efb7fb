"""Schema upgrades through Alembic, with a backup before an existing database is changed."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from branch_desk.db.backup import backup_sqlite
from branch_desk.db.engine import Database
from branch_desk.domain.errors import DomainError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class SchemaTooNewError(DomainError):
    """The database was made by a newer version of the program."""


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def known_revisions() -> tuple[str, ...]:
    """The revisions this program ships, oldest first, read from the revision files.

    Reading the files' `revision = "…"` lines keeps start-up free of Alembic's import
    cost; a test checks the list against Alembic's own view."""
    found = []
    for path in sorted(MIGRATIONS_DIR.joinpath("versions").glob("[0-9]*.py")):
        match = re.search(r'^revision = ["\']([^"\']+)["\']', path.read_text("utf-8"), re.M)
        if match:
            found.append(match.group(1))
    return tuple(found)


def head_revision() -> str:
    """The newest revision this program knows."""
    return known_revisions()[-1]


def current_revision(db: Database) -> str | None:
    """The revision the database is at; None for an empty database."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _known(revision: str) -> bool:
    return revision in known_revisions()


def upgrade(db: Database, *, revision: str = "head", backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to `revision`; returns the backup made first, if any.

    An existing SQLite database at an older revision is copied to `backup_dir` before
    anything changes. A database from a newer program is refused, untouched.
    """
    current = current_revision(db)
    if current is not None and not _known(current):
        raise SchemaTooNewError(
            f"Basis data dibuat oleh versi program yang lebih baru (revisi {current}). "
            "Perbarui program Branch Desk sebelum membuka basis data ini."
        )
    backup = None
    target = head_revision() if revision == "head" else revision
    if current is not None and current != target and db.sqlite_path and backup_dir:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        name = f"{db.sqlite_path.stem}-sebelum-migrasi-{current}-{stamp}.db"
        backup = backup_sqlite(db.sqlite_path, backup_dir / name, key=db.key)
    if current == target:
        return None
    from alembic import command

    config = _config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return backup
