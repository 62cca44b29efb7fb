"""Schema upgrades through Alembic, with a backup before an existing database is changed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from branch_desk.db.backup import backup_sqlite
from branch_desk.db.engine import Database
from branch_desk.domain.errors import DomainError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class SchemaTooNewError(DomainError):
    """The database was made by a newer version of the program."""


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest revision this program knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The revision the database is at; None for an empty database."""
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(revision: str) -> bool:
    scripts = ScriptDirectory.from_config(_config())
    return any(rev.revision == revision for rev in scripts.walk_revisions())


def upgrade(db: Database, *, revision: str = "head", backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to `revision`; returns the backup made first, if any.

    An existing SQLite database at an older revision is copied to `backup_dir` before
    anything changes. A database from a newer program is refused, untouched.
    """
    current = current_revision(db)
    if revision == "head" and ScriptDirectory.from_config(_config()).get_current_head() is None:
        return None  # no revisions yet (only while writing the first one)
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
        backup = backup_sqlite(db.sqlite_path, backup_dir / name)
    config = _config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return backup
