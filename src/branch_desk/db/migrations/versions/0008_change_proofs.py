"""Provenance of changes: each office's signatures over runs of its own changes (issue 15).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
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


def downgrade() -> None:
    op.drop_table("change_proofs")
