"""Contributions: payments ledger, Pemda bills, schedules, coverage targets and spells (issue 4).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column]:
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
        "coverage_spells",
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("start_month", sa.Date(), nullable=False),
        sa.Column("last_paid", sa.Date(), nullable=False),
        sa.Column("end_month", sa.Date(), nullable=False),
        sa.Column("village_code", sa.String(length=13), nullable=False),
        sa.Column("segment", sa.String(length=10), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("participant_id", "start_month", name=op.f("pk_coverage_spells")),
    )
    with op.batch_alter_table("coverage_spells", schema=None) as batch_op:
        batch_op.create_index("ix_coverage_spells_area", ["village_code", "start_month",
                              "end_month", "segment", "partner_id", "counted"], unique=False)
        batch_op.create_index("ix_coverage_spells_month", ["start_month", "end_month",
                              "village_code", "segment", "partner_id", "counted"], unique=False)

    op.create_table(
        "coverage_targets",
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("workers", sa.BigInteger(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coverage_targets")),
        sa.UniqueConstraint("region_code", "year", name="uq_coverage_targets_region"),
    )
    op.create_table(
        "payment_schedules",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("due_months", sa.String(length=40), nullable=False),
        sa.Column("months_per_payment", sa.Integer(), nullable=False),
        sa.Column("due_day", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("occupation", sa.String(length=100), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_schedules")),
    )
    op.create_table(
        "contribution_bills",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=False),
        sa.Column("first_month", sa.Date(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("programs", sa.String(length=30), nullable=False),
        sa.Column("workers", sa.Integer(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("reference", sa.String(length=100), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"],
                                name=op.f("fk_contribution_bills_partner_id_partners")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution_bills")),
        sa.UniqueConstraint("number", name=op.f("uq_contribution_bills_number")),
    )
    with op.batch_alter_table("contribution_bills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contribution_bills_partner_id"), ["partner_id"],
                              unique=False)

    op.create_table(
        "contribution_bill_lines",
        sa.Column("bill_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("first_month", sa.Date(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["bill_id"], ["contribution_bills.id"],
            name=op.f("fk_contribution_bill_lines_bill_id_contribution_bills")),
        sa.ForeignKeyConstraint(
            ["participant_id"], ["participants.id"],
            name=op.f("fk_contribution_bill_lines_participant_id_participants")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution_bill_lines")),
    )
    with op.batch_alter_table("contribution_bill_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contribution_bill_lines_bill_id"), ["bill_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_contribution_bill_lines_participant_id"),
                              ["participant_id"], unique=False)

    op.create_table(
        "contribution_entries",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("first_month", sa.Date(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("programs", sa.String(length=30), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("payer", sa.String(length=200), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("bill_id", sa.String(length=36), nullable=True),
        sa.Column("reverses_id", sa.String(length=36), nullable=True),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["participant_id"], ["participants.id"],
            name=op.f("fk_contribution_entries_participant_id_participants")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution_entries")),
    )
    with op.batch_alter_table("contribution_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contribution_entries_bill_id"), ["bill_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_contribution_entries_number"), ["number"],
                              unique=False)
        batch_op.create_index("ix_contribution_entries_participant",
                              ["participant_id", "first_month"], unique=False)
        batch_op.create_index(batch_op.f("ix_contribution_entries_reverses_id"), ["reverses_id"],
                              unique=False)


def downgrade() -> None:
    for table, indexes in (
        ("contribution_entries", ["ix_contribution_entries_reverses_id",
                                  "ix_contribution_entries_participant",
                                  "ix_contribution_entries_number",
                                  "ix_contribution_entries_bill_id"]),
        ("contribution_bill_lines", ["ix_contribution_bill_lines_participant_id",
                                     "ix_contribution_bill_lines_bill_id"]),
        ("contribution_bills", ["ix_contribution_bills_partner_id"]),
        ("payment_schedules", []),
        ("coverage_targets", []),
        ("coverage_spells", ["ix_coverage_spells_month", "ix_coverage_spells_area"]),
    ):
        if indexes:
            with op.batch_alter_table(table, schema=None) as batch_op:
                for name in indexes:
                    batch_op.drop_index(name)
        op.drop_table(table)
