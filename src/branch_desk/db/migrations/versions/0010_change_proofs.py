"""Provenance of changes: each office's signatures over runs of its own changes, and the
received changes quarantined because no column here accepts a value of theirs (issue 15).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from branch_desk.db.base import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_proofs",
        sa.Column("origin_office", sa.String(length=8), nullable=False),
        sa.Column("from_seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("to_seq", sa.BigInteger(), nullable=False),
        sa.Column("digests", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("origin_office", "from_seq", name=op.f("pk_change_proofs")),
    )
    op.create_table(
        "sync_quarantine",
        sa.Column("origin_office", sa.String(length=8), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("detected_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("origin_office", "seq", name=op.f("pk_sync_quarantine")),
    )
    with op.batch_alter_table("sync_quarantine", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_quarantine_row_id"), ["row_id"],
                              unique=False)


def downgrade() -> None:
    op.drop_table("sync_quarantine")
    op.drop_table("change_proofs")
