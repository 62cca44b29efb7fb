"""The audit chain's head sealed at every commit (issue 16): `audit_seals` holds the last
entry's seq and hash, so a truncated audit tail is seen. An existing log is sealed at its
current head.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_seals",
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_audit_seals")),
    )
    op.execute("INSERT INTO audit_seals (name, seq, hash) SELECT 'head', seq, hash "
               "FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")


def downgrade() -> None:
    op.drop_table("audit_seals")
