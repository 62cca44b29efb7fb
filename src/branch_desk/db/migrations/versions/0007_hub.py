"""Regional hub on PostgreSQL: deferrable foreign keys, trigram index for name words (issue 9).

PostgreSQL only; on SQLite this revision changes nothing (SQLite defers foreign keys per
transaction with `PRAGMA defer_foreign_keys`, and searches words through FTS5).

- Every foreign key becomes `DEFERRABLE INITIALLY IMMEDIATE`: ordinary work still checks
  each statement at once, while a sync import says `SET CONSTRAINTS ALL DEFERRED` so a child
  row may arrive before its parent within one file (checked before commit).
- `pg_trgm` and a GIN index on `' ' || name_search || ' '`, the expression the portable word
  search matches with `LIKE '% word %'`, so that search walks an index instead of the table.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TRIGRAM_INDEX = "ix_participants_name_words_trgm"


def _foreign_keys() -> list[tuple[str, str]]:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT c.conrelid::regclass::text, c.conname FROM pg_constraint c "
        "JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY 1, 2"))
    return [(str(t), str(n)) for t, n in rows]


def _quote(name: str) -> str:
    return '"' + name.strip('"').replace('"', '""') + '"'


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, name in _foreign_keys():
        op.execute(f"ALTER TABLE {_quote(table)} ALTER CONSTRAINT {_quote(name)} "
                   "DEFERRABLE INITIALLY IMMEDIATE")
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON participants USING gin "
               "((' ' || name_search || ' ') gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")
    for table, name in _foreign_keys():
        op.execute(f"ALTER TABLE {_quote(table)} ALTER CONSTRAINT {_quote(name)} "
                   "NOT DEFERRABLE")
