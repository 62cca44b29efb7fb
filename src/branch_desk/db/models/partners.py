"""Partners: regional governments, employers and organisations that fund or employ workers."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from branch_desk.db.base import Base, Synced

PARTNER_KINDS = ("pemprov", "pemkab", "pemkot", "pemdes", "employer", "organisation")


class Partner(Synced, Base):
    """A partner identified by a short office-wide code such as `PEMKAB-MAROS`."""

    __tablename__ = "partners"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_title: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    contact_person: Mapped[str] = mapped_column(String(200), default="")
    npwp: Mapped[str] = mapped_column(String(16), default="")
    # An employer's industry (`domain.programs.Industry` value, "" unknown) and its number of
    # workers (None unknown): PP 7/2025 halves JKK for six labour-intensive industries.
    industry: Mapped[str] = mapped_column(String(40), default="", server_default="")
    workers: Mapped[int | None] = mapped_column(Integer, nullable=True)
