"""Synchronisation state: peers and their acknowledged vectors, conflicts, duplicate cases.

These tables are local to one office (not `Synced`): each office keeps its own view of
its peers, the files it received, the conflicts and duplicate cases its officers review.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from branch_desk.db.base import Base, UUIDStr, utcnow, uuid7


class OfficeKey(Base):
    """The X25519 key of an office, used to encrypt sync files for it (raw 32 bytes).

    Only the own office holds the private key (PEM, PKCS8).
    """

    __tablename__ = "office_keys"

    office_code: Mapped[str] = mapped_column(
        String(8), ForeignKey("offices.code"), primary_key=True)
    enc_public_key: Mapped[bytes] = mapped_column(LargeBinary)
    enc_private_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ChangeProof(Base):
    """An origin office's signature over a run of its own changes `from_seq..to_seq`:
    `digests` is the SHA-256 of each change in order (32 bytes each), `signature` the
    origin's Ed25519 signature over them. Kept and relayed unchanged, so every receiver
    checks each change against the office that made it, whoever carried the file."""

    __tablename__ = "change_proofs"

    origin_office: Mapped[str] = mapped_column(String(8), primary_key=True)
    from_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    to_seq: Mapped[int] = mapped_column(BigInteger)
    digests: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class SyncPeer(Base):
    """What a peer office acknowledged having (`acked`: origin office → highest seq)."""

    __tablename__ = "sync_peers"

    office_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    acked: Mapped[dict[str, Any]] = mapped_column(default=dict)
    last_export_at: Mapped[datetime | None] = mapped_column(nullable=True)
    last_import_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # The digest the peer sent with its last file (table → {count, hash}).
    digest: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)


class SyncFile(Base):
    """A sync file this office wrote (`direction` out) or applied (`in`)."""

    __tablename__ = "sync_files"

    file_id: Mapped[str] = mapped_column(UUIDStr, primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    source: Mapped[str] = mapped_column(String(8))
    target: Mapped[str] = mapped_column(String(8))
    serial: Mapped[int] = mapped_column(BigInteger)
    source_head: Mapped[int] = mapped_column(BigInteger)
    changes: Mapped[int] = mapped_column(Integer, default=0)
    applied: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    username: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_sync_files_source_serial", "source", "serial"),)


class SyncVector(Base):
    """Per origin office: the highest seq below which every change is present here."""

    __tablename__ = "sync_vector"

    origin_office: Mapped[str] = mapped_column(String(8), primary_key=True)
    contiguous: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncKnowledge(Base):
    """Causal checkpoints: from change `from_seq` on, `office` knew `vector`.

    Recorded by each office when an import advances what it knows; relayed with the
    changes, so any office can tell whether an edit was made knowing another one.
    """

    __tablename__ = "sync_knowledge"

    office: Mapped[str] = mapped_column(String(8), primary_key=True)
    from_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    vector: Mapped[dict[str, Any]] = mapped_column()


class SyncConflict(Base):
    """A value that lost a concurrent edit (kind `conflict`), or an edit of a protected
    field by another office, for the owning office to review (kind `proposal`)."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=uuid7)
    kind: Mapped[str] = mapped_column(String(10), default="conflict")  # conflict | proposal
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(UUIDStr)
    field: Mapped[str] = mapped_column(String(60))
    losing_value: Mapped[Any] = mapped_column(
        JSON, nullable=True)
    losing_office: Mapped[str] = mapped_column(String(8))
    losing_seq: Mapped[int] = mapped_column(BigInteger)
    losing_lamport: Mapped[int] = mapped_column(BigInteger)
    losing_by: Mapped[str] = mapped_column(String(64), default="")
    winning_value: Mapped[Any] = mapped_column(
        JSON, nullable=True)
    winning_office: Mapped[str] = mapped_column(String(8))
    winning_seq: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | restored | kept
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)

    __table_args__ = (
        UniqueConstraint("table_name", "row_id", "field", "losing_office", "losing_seq", "kind",
                         name="uq_sync_conflicts_loser"),
        Index("ix_sync_conflicts_status", "status"),
    )


class SyncQuarantine(Base):
    """A received change that cannot be applied (a value no column here accepts): kept in
    the change log so it relays and the sequence has no hole, but applied nowhere, with
    its reason, for the officers of both offices to see."""

    __tablename__ = "sync_quarantine"

    origin_office: Mapped[str] = mapped_column(String(8), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(UUIDStr, index=True)
    op: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    reason: Mapped[str] = mapped_column(String(500))
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)


class DuplicateCase(Base):
    """Two participants with the same NIK, registered apart; an officer merges them."""

    __tablename__ = "duplicate_cases"

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=uuid7)
    nik: Mapped[str] = mapped_column(String(16), index=True)
    first_id: Mapped[str] = mapped_column(UUIDStr)
    second_id: Mapped[str] = mapped_column(UUIDStr)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | merged | distinct
    kept_id: Mapped[str | None] = mapped_column(UUIDStr, nullable=True)
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)

    __table_args__ = (UniqueConstraint("first_id", "second_id", name="uq_duplicate_cases_pair"),)
