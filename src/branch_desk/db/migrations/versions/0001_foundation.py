"""foundation: offices, users, partners, participants, audit and change logs

Revision ID: 0001
Revises:
Create Date: 2026-11-23 11:24:07.382293
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_log",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("office", sa.String(length=8), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_row", ["table_name", "row_id"], unique=False)

    op.create_table(
        "change_log",
        sa.Column("origin_office", sa.String(length=8), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("lamport", sa.BigInteger(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("origin_office", "seq", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_row", ["table_name", "row_id"], unique=False)

    op.create_table(
        "issued_documents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("office", sa.String(length=8), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("verification", sa.Text(), nullable=False),
        sa.Column("prints", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_documents")),
    )
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issued_documents_number"), ["number"], unique=False)

    op.create_table(
        "number_sequences",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_number_sequences")),
    )
    op.create_table(
        "offices",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("is_self", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("head_name", sa.String(length=200), nullable=False),
        sa.Column("head_title", sa.String(length=200), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=True),
        sa.Column("private_key", sa.LargeBinary(), nullable=True),
        sa.Column("trusted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_offices")),
    )
    op.create_table(
        "partners",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("head_name", sa.String(length=200), nullable=False),
        sa.Column("head_title", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("contact_person", sa.String(length=200), nullable=False),
        sa.Column("npwp", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_office", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("lamport", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
        sa.UniqueConstraint("code", name=op.f("uq_partners_code")),
    )
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partners_region_code"), ["region_code"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_office", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("lamport", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "participants",
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("kpj", sa.String(length=11), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_search", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("village_code", sa.String(length=13), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("occupation", sa.String(length=100), nullable=False),
        sa.Column("segment", sa.String(length=10), nullable=False),
        sa.Column("funding_source", sa.String(length=20), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("income", sa.BigInteger(), nullable=False),
        sa.Column("tmt", sa.Date(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_reason", sa.String(length=300), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_office", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("lamport", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_participants_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participants")),
        sa.UniqueConstraint("kpj", name=op.f("uq_participants_kpj")),
    )
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participants_name_search"), ["name_search"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participants_nik"), ["nik"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_participants_partner_id"), ["partner_id"], unique=False
        )
        batch_op.create_index(
            "ix_participants_partner_name", ["partner_id", "name_search"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participants_segment"), ["segment"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_participants_village_code"), ["village_code"], unique=False
        )

    op.create_table(
        "enrolments",
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("program", sa.String(length=4), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_office", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("lamport", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_enrolments_participant_id_participants"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolments")),
    )
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_enrolments_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "heirs",
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relationship", sa.String(length=40), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("bank_account", sa.String(length=60), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_office", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("lamport", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_heirs_participant_id_participants"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_heirs")),
    )
    with op.batch_alter_table("heirs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_heirs_participant_id"), ["participant_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("heirs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_heirs_participant_id"))

    op.drop_table("heirs")
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolments_participant_id"))

    op.drop_table("enrolments")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participants_village_code"))
        batch_op.drop_index(batch_op.f("ix_participants_segment"))
        batch_op.drop_index("ix_participants_partner_name")
        batch_op.drop_index(batch_op.f("ix_participants_partner_id"))
        batch_op.drop_index(batch_op.f("ix_participants_nik"))
        batch_op.drop_index(batch_op.f("ix_participants_name_search"))

    op.drop_table("participants")
    op.drop_table("users")
    op.drop_table("settings")
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partners_region_code"))

    op.drop_table("partners")
    op.drop_table("offices")
    op.drop_table("number_sequences")
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issued_documents_number"))

    op.drop_table("issued_documents")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_row")

    op.drop_table("change_log")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_row")

    op.drop_table("audit_log")
