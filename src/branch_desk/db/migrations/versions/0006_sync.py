"""Synchronisation: peers and version vectors, conflicts, duplicate cases (issue 7).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from branch_desk.db.base import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_keys",
        sa.Column("office_code", sa.String(length=8), nullable=False),
        sa.Column("enc_public_key", sa.LargeBinary(), nullable=False),
        sa.Column("enc_private_key", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["office_code"], ["offices.code"],
                                name=op.f("fk_office_keys_office_code_offices")),
        sa.PrimaryKeyConstraint("office_code", name=op.f("pk_office_keys")),
    )
    op.create_table(
        "sync_peers",
        sa.Column("office_code", sa.String(length=8), nullable=False),
        sa.Column("acked", sa.JSON(), nullable=False),
        sa.Column("last_export_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_import_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("digest", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("office_code", name=op.f("pk_sync_peers")),
    )
    op.create_table(
        "sync_files",
        sa.Column("file_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("target", sa.String(length=8), nullable=False),
        sa.Column("serial", sa.BigInteger(), nullable=False),
        sa.Column("source_head", sa.BigInteger(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("applied", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("file_id", name=op.f("pk_sync_files")),
    )
    with op.batch_alter_table("sync_files", schema=None) as batch_op:
        batch_op.create_index("ix_sync_files_source_serial", ["source", "serial"], unique=False)
    op.create_table(
        "sync_vector",
        sa.Column("origin_office", sa.String(length=8), nullable=False),
        sa.Column("contiguous", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("origin_office", name=op.f("pk_sync_vector")),
    )
    op.create_table(
        "sync_knowledge",
        sa.Column("office", sa.String(length=8), nullable=False),
        sa.Column("from_seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("vector", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("office", "from_seq", name=op.f("pk_sync_knowledge")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("losing_value", sa.JSON(), nullable=True),
        sa.Column("losing_office", sa.String(length=8), nullable=False),
        sa.Column("losing_seq", sa.BigInteger(), nullable=False),
        sa.Column("losing_lamport", sa.BigInteger(), nullable=False),
        sa.Column("losing_by", sa.String(length=64), nullable=False),
        sa.Column("winning_value", sa.JSON(), nullable=True),
        sa.Column("winning_office", sa.String(length=8), nullable=False),
        sa.Column("winning_seq", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("detected_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("resolved_by", sa.String(length=64), nullable=False),
        sa.Column("resolved_at", UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
        sa.UniqueConstraint("table_name", "row_id", "field", "losing_office", "losing_seq",
                            "kind", name="uq_sync_conflicts_loser"),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_sync_conflicts_status", ["status"], unique=False)
    op.create_table(
        "duplicate_cases",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("first_id", sa.String(length=36), nullable=False),
        sa.Column("second_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("kept_id", sa.String(length=36), nullable=True),
        sa.Column("detected_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("resolved_by", sa.String(length=64), nullable=False),
        sa.Column("resolved_at", UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_cases")),
        sa.UniqueConstraint("first_id", "second_id", name="uq_duplicate_cases_pair"),
    )
    with op.batch_alter_table("duplicate_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duplicate_cases_nik"), ["nik"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("duplicate_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duplicate_cases_nik"))
    op.drop_table("duplicate_cases")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_conflicts_status")
    op.drop_table("sync_conflicts")
    op.drop_table("sync_knowledge")
    op.drop_table("sync_vector")
    with op.batch_alter_table("sync_files", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_files_source_serial")
    op.drop_table("sync_files")
    op.drop_table("sync_peers")
    op.drop_table("office_keys")
