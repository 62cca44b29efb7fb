"""Participant registry: search support and import bookkeeping (issue 3).

Adds the `programs` copy column and the search indexes, and on SQLite an FTS5 index over
`participants.name_search` (kept current by triggers) for word-inside-name search.
Other engines search names with the portable `name_search LIKE` path of
`services.participant_queries` (PostgreSQL gets its own index in a later revision).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FTS_SQL = (
    # External-content FTS5: the words live once, in participants.name_search.
    "CREATE VIRTUAL TABLE participants_fts USING fts5("
    "name_search, content='participants', content_rowid='rowid', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER participants_fts_ai AFTER INSERT ON participants BEGIN "
    "INSERT INTO participants_fts(rowid, name_search) VALUES (new.rowid, new.name_search); END",
    "CREATE TRIGGER participants_fts_ad AFTER DELETE ON participants BEGIN "
    "INSERT INTO participants_fts(participants_fts, rowid, name_search) "
    "VALUES ('delete', old.rowid, old.name_search); END",
    "CREATE TRIGGER participants_fts_au AFTER UPDATE OF name_search ON participants BEGIN "
    "INSERT INTO participants_fts(participants_fts, rowid, name_search) "
    "VALUES ('delete', old.rowid, old.name_search); "
    "INSERT INTO participants_fts(rowid, name_search) VALUES (new.rowid, new.name_search); END",
    "INSERT INTO participants_fts(participants_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("programs", sa.String(length=40), nullable=False,
                                      server_default=""))
        batch_op.create_index("ix_participants_village_name", ["village_code", "name_search"],
                              unique=False)
        batch_op.create_index("ix_participants_birth_date", ["birth_date"], unique=False)
        batch_op.create_index("ix_participants_registered_on", ["registered_on"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_SQL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("participants_fts_ai", "participants_fts_ad", "participants_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS participants_fts")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index("ix_participants_registered_on")
        batch_op.drop_index("ix_participants_birth_date")
        batch_op.drop_index("ix_participants_village_name")
        batch_op.drop_column("programs")
