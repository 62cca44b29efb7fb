"""Cooperation agreements (PKS) and award certificates (issue 6).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_office", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("lamport", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("partner_number", sa.String(length=120), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("partner_signatory", sa.String(length=200), nullable=False),
        sa.Column("partner_position", sa.String(length=200), nullable=False),
        sa.Column("partner_decree", sa.String(length=300), nullable=False),
        sa.Column("office_signatory", sa.String(length=200), nullable=False),
        sa.Column("office_position", sa.String(length=200), nullable=False),
        sa.Column("office_decree", sa.String(length=300), nullable=False),
        sa.Column("programs", sa.String(length=40), nullable=False),
        sa.Column("groups", sa.String(length=200), nullable=False),
        sa.Column("workers", sa.Integer(), nullable=False),
        sa.Column("budget", sa.BigInteger(), nullable=False),
        sa.Column("budget_source", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("renews_id", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"],
                                name=op.f("fk_agreements_partner_id_partners")),
        sa.ForeignKeyConstraint(["renews_id"], ["agreements.id"],
                                name=op.f("fk_agreements_renews_id_agreements")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
        sa.UniqueConstraint("number", name=op.f("uq_agreements_number")),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreements_end_date"), ["end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_partner_id"), ["partner_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_renews_id"), ["renews_id"], unique=False)

    op.create_table(
        "certificates",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("workers", sa.Integer(), nullable=False),
        sa.Column("benefits_paid", sa.BigInteger(), nullable=False),
        sa.Column("benefits_note", sa.String(length=300), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("signer", sa.String(length=200), nullable=False),
        sa.Column("signer_title", sa.String(length=200), nullable=False),
        sa.Column("citation", sa.Text(), nullable=False),
        sa.Column("verification", sa.Text(), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"],
                                name=op.f("fk_certificates_partner_id_partners")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("number", name=op.f("uq_certificates_number")),
    )
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificates_partner_id"), ["partner_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificates_partner_id"))
    op.drop_table("certificates")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_renews_id"))
        batch_op.drop_index(batch_op.f("ix_agreements_partner_id"))
        batch_op.drop_index(batch_op.f("ix_agreements_end_date"))
    op.drop_table("agreements")
