"""Participants (peserta), their heirs and their programme enrolments."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from branch_desk.db.base import Base, Synced, UUIDStr


class Participant(Synced, Base):
    """A registered worker. `nik` is not unique in the schema: the same NIK registered
    offline in two offices must survive a sync as a duplicate case for an officer."""

    __tablename__ = "participants"

    nik: Mapped[str] = mapped_column(String(16), index=True)
    kpj: Mapped[str] = mapped_column(String(11), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Lower-case, accent-free copy of `name` for prefix and word search.
    name_search: Mapped[str] = mapped_column(String(200), index=True)
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))  # L | P
    address: Mapped[str] = mapped_column(String(300), default="")
    village_code: Mapped[str] = mapped_column(String(13), index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    occupation: Mapped[str] = mapped_column(String(100), default="")
    segment: Mapped[str] = mapped_column(String(10), index=True)  # PU | BPU | JAKON | PMI
    funding_source: Mapped[str] = mapped_column(String(20), default="MANDIRI")
    partner_id: Mapped[str | None] = mapped_column(
        UUIDStr, ForeignKey("partners.id"), nullable=True, index=True
    )
    income: Mapped[int] = mapped_column(BigInteger, default=0)  # rupiah per month
    tmt: Mapped[date] = mapped_column(Date)  # tanggal mulai kepesertaan
    registered_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="aktif")  # aktif | nonaktif
    status_reason: Mapped[str] = mapped_column(String(300), default="")
    # The programmes of the live enrolments, space-separated in a fixed order ("JKK JKM JHT"):
    # a copy kept by services.participants.registry so lists and filters need no join.
    programs: Mapped[str] = mapped_column(String(40), default="")

    # Search indexes (0002): every list query walks one of these, never the whole table.
    # Word-inside-name search uses the FTS5 table `participants_fts` on SQLite (0002).
    __table_args__ = (
        Index("ix_participants_partner_name", "partner_id", "name_search"),
        Index("ix_participants_village_name", "village_code", "name_search"),
        Index("ix_participants_birth_date", "birth_date"),
        Index("ix_participants_registered_on", "registered_on"),
    )


class Heir(Synced, Base):
    """An heir (ahli waris) a participant named."""

    __tablename__ = "heirs"

    participant_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("participants.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relationship: Mapped[str] = mapped_column(String(40))
    nik: Mapped[str] = mapped_column(String(16), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    bank_account: Mapped[str] = mapped_column(String(60), default="")


class Enrolment(Synced, Base):
    """A participant's enrolment in one programme (JKK, JKM, JHT, JP, JKP)."""

    __tablename__ = "enrolments"

    participant_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("participants.id"), index=True)
    program: Mapped[str] = mapped_column(String(4))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
