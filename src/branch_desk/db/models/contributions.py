"""Contributions: payments ledger, Pemda bills, schedules, coverage targets (issue 4).

`ContributionEntry` is the append-only ledger offices exchange: a payment covers one
participant for `months` consecutive months from `first_month`; a correction is a new
entry of kind `koreksi` that points at the payment it cancels. Nothing is edited.

`CoverageSpell` is a local, derived index (not synchronised): one row per participant per
unbroken stretch of protection (first paid month to last paid month plus the grace months),
carrying the participant's village, segment and partner so the coverage dashboard is one
indexed aggregate over this table. Services rebuild a participant's spells in the same
transaction as every ledger change, and the sync service after an import, for the
participants it touched (`services.contributions.coverage.rebuild_spells`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    event,
    update,
)
from sqlalchemy.orm import Mapped, mapped_column

from branch_desk.db.base import Base, Synced, UUIDStr
from branch_desk.db.models.participants import Participant

ENTRY_KINDS = ("bayar", "koreksi")
BILL_STATES = ("terbit", "lunas", "batal")


class ContributionEntry(Synced, Base):
    """One ledger entry: a payment (positive amount) or a reversal (`koreksi`, negative)."""

    __tablename__ = "contribution_entries"

    number: Mapped[str] = mapped_column(String(40), index=True)  # receipt or bill number
    kind: Mapped[str] = mapped_column(String(10))
    participant_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("participants.id"))
    first_month: Mapped[date] = mapped_column(Date)
    months: Mapped[int] = mapped_column(Integer)
    programs: Mapped[str] = mapped_column(String(30))  # "JKK,JKM"
    amount: Mapped[int] = mapped_column(BigInteger)
    payer: Mapped[str] = mapped_column(String(200), default="")
    paid_on: Mapped[date] = mapped_column(Date)
    bill_id: Mapped[str | None] = mapped_column(UUIDStr, nullable=True, index=True)
    reverses_id: Mapped[str | None] = mapped_column(UUIDStr, nullable=True, index=True)
    reference: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(String(300), default="")

    __table_args__ = (
        Index("ix_contribution_entries_participant", "participant_id", "first_month"),
    )


class Bill(Synced, Base):
    """A bill (tagihan) to a partner for its workers over a period."""

    __tablename__ = "contribution_bills"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    partner_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("partners.id"), index=True)
    first_month: Mapped[date] = mapped_column(Date)
    months: Mapped[int] = mapped_column(Integer)
    programs: Mapped[str] = mapped_column(String(30))
    workers: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(10), default="terbit")
    issued_on: Mapped[date] = mapped_column(Date)
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reference: Mapped[str] = mapped_column(String(100), default="")


class BillLine(Synced, Base):
    """One worker's share of a bill: consecutive months billed and their amount."""

    __tablename__ = "contribution_bill_lines"

    bill_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("contribution_bills.id"),
                                         index=True)
    participant_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("participants.id"),
                                                index=True)
    first_month: Mapped[date] = mapped_column(Date)
    months: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInteger)


class PaymentScheduleRow(Synced, Base):
    """When a group pays: monthly, or in given months (after harvest or catch seasons).

    Applies to BPU participants whose village code starts with `region_code` and, when
    `occupation` is set, whose occupation matches it (case-insensitive)."""

    __tablename__ = "payment_schedules"

    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(10))  # bulanan | periodik
    due_months: Mapped[str] = mapped_column(String(40))  # "4,9"
    months_per_payment: Mapped[int] = mapped_column(Integer, default=1)
    due_day: Mapped[int] = mapped_column(Integer, default=15)
    region_code: Mapped[str] = mapped_column(String(13), default="")
    occupation: Mapped[str] = mapped_column(String(100), default="")


class CoverageTarget(Synced, Base):
    """Target workforce of a region for a year (entered from the Kemendagri target)."""

    __tablename__ = "coverage_targets"

    region_code: Mapped[str] = mapped_column(String(13))
    year: Mapped[int] = mapped_column(Integer)
    workers: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (UniqueConstraint("region_code", "year", name="uq_coverage_targets_region"),)


class CoverageSpell(Base):
    """Derived: a participant is protected from `start_month` to `end_month` (inclusive)."""

    __tablename__ = "coverage_spells"

    participant_id: Mapped[str] = mapped_column(UUIDStr, primary_key=True)
    start_month: Mapped[date] = mapped_column(Date, primary_key=True)
    last_paid: Mapped[date] = mapped_column(Date)
    end_month: Mapped[date] = mapped_column(Date)
    village_code: Mapped[str] = mapped_column(String(13))
    segment: Mapped[str] = mapped_column(String(10))
    partner_id: Mapped[str | None] = mapped_column(UUIDStr, nullable=True)
    counted: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (
        Index("ix_coverage_spells_area", "village_code", "start_month", "end_month", "segment",
              "partner_id", "counted"),
        Index("ix_coverage_spells_month", "start_month", "end_month", "village_code", "segment",
              "partner_id", "counted"),
    )


def spell_attributes(participant: Any) -> dict[str, Any]:
    """The participant columns a spell carries (kept equal to the participant's)."""
    return {"village_code": participant.village_code, "segment": participant.segment,
            "partner_id": participant.partner_id,
            "counted": not participant.deleted and participant.status == "aktif"}


@event.listens_for(Participant, "after_update")
def _participant_moved(_mapper: Any, connection: Any, target: Participant) -> None:
    # A participant edited through the ORM (moved village, new partner, deactivated) keeps
    # its spells' copies in step, in the same transaction.
    connection.execute(update(CoverageSpell.__table__)
                       .where(CoverageSpell.participant_id == target.id)
                       .values(**spell_attributes(target)))
