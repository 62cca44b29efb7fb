"""Office identity, settings, users, number sequences and the audit and change logs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from branch_desk.db.base import Base, Synced, UUIDStr, utcnow, uuid7


class Office(Base):
    """An office this database knows: itself (`is_self`) and the peers it trusts."""

    __tablename__ = "offices"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str] = mapped_column(String(20), default="cabang")  # cabang | wilayah
    address: Mapped[str] = mapped_column(String(300), default="")
    region_code: Mapped[str] = mapped_column(String(13), default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_title: Mapped[str] = mapped_column(String(200), default="Kepala Kantor Cabang")
    public_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # Only the own office holds a private key (PEM, PKCS8).
    private_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    trusted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Setting(Base):
    """A persisted setting of this database (office letterhead, backup retention, …)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(Text)


class User(Synced, Base):
    """An office user who logs in; `role` is petugas, supervisor or admin."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)
    last_login_at: Mapped[datetime | None] = mapped_column(nullable=True)
    password_changed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    title: Mapped[str] = mapped_column(String(120), default="")  # "Petugas Pelayanan"
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)


# A workstation's login bookkeeping (`services.admin.users`): written without the change log
# or the audit (a login is audited as an event), so no history accounts for these values.
LOGIN_BOOKKEEPING = frozenset({"failed_logins", "locked_until", "last_login_at"})


class NumberSequence(Base):
    """The last number handed out in one series (e.g. `KPJ`, `JKM/2025`).

    Rows are locked (`SELECT … FOR UPDATE` on PostgreSQL, the write lock on SQLite)
    while a number is taken, so concurrent workstations never get the same one.
    """

    __tablename__ = "number_sequences"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AuditEntry(Base):
    """One write or sensitive read, hash-chained to the entry before it."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    username: Mapped[str] = mapped_column(String(64))
    office: Mapped[str] = mapped_column(String(8))
    action: Mapped[str] = mapped_column(String(40))  # insert | update | delete | view_nik | …
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(64), default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)
    note: Mapped[str] = mapped_column(String(500), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_log_row", "table_name", "row_id"),)


class AuditSeal(Base):
    """The audit chain's head as the last commit left it (one row, `head`): the last
    entry's seq and hash. Written in the same transaction as the entries, so deleting the
    last entries and lowering the audit counter leaves a seal that points past the log."""

    __tablename__ = "audit_seals"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


class ChangeEntry(Base):
    """One change to a synchronised row, as offices exchange them.

    `(origin_office, seq)` identifies a change everywhere; `fields` holds the new
    values of the changed columns (all columns for an insert).
    """

    __tablename__ = "change_log"

    origin_office: Mapped[str] = mapped_column(String(8), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    lamport: Mapped[int] = mapped_column(BigInteger)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(UUIDStr)
    op: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    fields: Mapped[dict[str, Any]] = mapped_column()
    at: Mapped[datetime] = mapped_column(default=utcnow)
    username: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_change_log_row", "table_name", "row_id"),)


class IssuedDocument(Base):
    """A document the office issued with a signed verification string (QR)."""

    __tablename__ = "issued_documents"

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=uuid7)
    number: Mapped[str] = mapped_column(String(80), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # kwitansi | kartu | pks | piagam | klaim | …
    office: Mapped[str] = mapped_column(String(8))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(64))
    summary: Mapped[dict[str, Any]] = mapped_column()
    verification: Mapped[str] = mapped_column(Text)
    prints: Mapped[int] = mapped_column(Integer, default=1)
