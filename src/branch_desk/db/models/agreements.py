"""Cooperation agreements (PKS) and award certificates (issue 6)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from branch_desk.db.base import Base, Synced, UUIDStr


class Agreement(Synced, Base):
    """A perjanjian kerja sama with a partner, numbered by both parties.

    `number` is ours (`PKS/MRS/2025/000001`); `partner_number` is the partner's own.
    A renewal (perpanjangan) is a new agreement whose `renews_id` points at the one it
    extends; the extended one gets status `diperpanjang`.
    """

    __tablename__ = "agreements"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    partner_number: Mapped[str] = mapped_column(String(120), default="")
    partner_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("partners.id"), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    signed_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(100))
    partner_signatory: Mapped[str] = mapped_column(String(200))
    partner_position: Mapped[str] = mapped_column(String(200))
    partner_decree: Mapped[str] = mapped_column(String(300), default="")
    office_signatory: Mapped[str] = mapped_column(String(200))
    office_position: Mapped[str] = mapped_column(String(200))
    office_decree: Mapped[str] = mapped_column(String(300), default="")
    programs: Mapped[str] = mapped_column(String(40))  # "JKK,JKM"
    groups: Mapped[str] = mapped_column(String(200))  # "pekerja_rentan,non_asn"
    workers: Mapped[int] = mapped_column(Integer, default=0)
    budget: Mapped[int] = mapped_column(BigInteger, default=0)  # APBD rupiah
    budget_source: Mapped[str] = mapped_column(String(20), default="APBD")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(12), default="aktif")
    renews_id: Mapped[str | None] = mapped_column(
        UUIDStr, ForeignKey("agreements.id"), nullable=True, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class Certificate(Synced, Base):
    """A piagam penghargaan for a partner; its citation figures are kept as issued."""

    __tablename__ = "certificates"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    partner_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("partners.id"), index=True)
    as_of: Mapped[date] = mapped_column(Date)
    workers: Mapped[int] = mapped_column(Integer, default=0)
    benefits_paid: Mapped[int] = mapped_column(BigInteger, default=0)
    benefits_note: Mapped[str] = mapped_column(String(300), default="")
    place: Mapped[str] = mapped_column(String(100))
    issued_on: Mapped[date] = mapped_column(Date)
    signer: Mapped[str] = mapped_column(String(200))
    signer_title: Mapped[str] = mapped_column(String(200))
    citation: Mapped[str] = mapped_column(Text)
    verification: Mapped[str] = mapped_column(Text, default="")
