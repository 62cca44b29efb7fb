"""Claims, their documents, recipients, benefit lines and workflow events (issue 5).

A claim keeps a snapshot of what the recap needs (partner, region) as it was at intake, so a
participant moving to another partner later does not move old claims between recap rows.
Benefit lines are replaced on recalculation by tombstoning the old ones; workflow events are
an append-only ledger (never edited) so offices merging claim steps only accumulate them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from branch_desk.db.base import Base, Synced, UUIDStr


class Claim(Synced, Base):
    """One benefit claim (`JKM/MRS/2025/000123`) for one participant and one event."""

    __tablename__ = "claims"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    claim_type: Mapped[str] = mapped_column(String(10), index=True)  # JKK … BEASISWA
    participant_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("participants.id"),
                                                index=True)
    partner_id: Mapped[str | None] = mapped_column(UUIDStr, nullable=True, index=True)
    region_code: Mapped[str] = mapped_column(String(13), default="", index=True)
    event_date: Mapped[date] = mapped_column(Date)
    filed_on: Mapped[date] = mapped_column(Date, index=True)
    cause: Mapped[str] = mapped_column(String(20), default="")  # kerja | bukan-kerja
    place: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # Type-specific facts the calculation reads (wage, outcome, costs, children, balance …).
    facts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    eligible: Mapped[bool] = mapped_column(Boolean, default=True)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    # Findings shown to the officer: [{"ok": bool, "rule": str, "message": str}, …]
    eligibility: Mapped[dict[str, Any]] = mapped_column(default=dict)
    worksheet: Mapped[dict[str, Any]] = mapped_column(default=dict)
    total_amount: Mapped[int] = mapped_column(BigInteger, default=0)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    verified_by: Mapped[str] = mapped_column(String(64), default="")
    approved_by: Mapped[str] = mapped_column(String(64), default="")
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    transfer_reference: Mapped[str] = mapped_column(String(80), default="")
    status_reason: Mapped[str] = mapped_column(String(500), default="")

    __table_args__ = (Index("ix_claims_filed_type", "filed_on", "claim_type"),)


class ClaimDocument(Synced, Base):
    """One row of a claim's document checklist."""

    __tablename__ = "claim_documents"

    claim_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("claims.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    key: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    received: Mapped[bool] = mapped_column(Boolean, default=False)
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class ClaimRecipient(Synced, Base):
    """An heir or recipient of a claim's payment, with the bank account to pay into."""

    __tablename__ = "claim_recipients"

    claim_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("claims.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    relationship: Mapped[str] = mapped_column(String(40))
    nik: Mapped[str] = mapped_column(String(16), default="")
    bank_name: Mapped[str] = mapped_column(String(60), default="")
    bank_account: Mapped[str] = mapped_column(String(60), default="")


class ClaimBenefitLine(Synced, Base):
    """One computed amount of a claim, citing its rule (as in `domain.benefits`)."""

    __tablename__ = "claim_benefit_lines"

    claim_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("claims.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))
    amount: Mapped[int] = mapped_column(BigInteger)
    rule: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(Text, default="")


class ClaimEvent(Synced, Base):
    """A step of a claim's life (intake, documents, recalculation, transition, reopen)."""

    __tablename__ = "claim_events"

    claim_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("claims.id"), index=True)
    at: Mapped[datetime] = mapped_column()
    on_date: Mapped[date] = mapped_column(Date)
    username: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(20), default="")
    action: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20), default="")
    reason: Mapped[str] = mapped_column(String(500), default="")
    reference: Mapped[str] = mapped_column(String(80), default="")
