"""Looking up claim records: a live claim by its number or id."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from branch_desk.db.models.claims import Claim
from branch_desk.domain.errors import NotFound


def load_claim(session: Session, number: str) -> Claim:
    """The live Claim by number (or id); NotFound in Indonesian."""
    key = number.strip()
    claim = session.scalar(select(Claim).where(Claim.number == key.upper()))
    if claim is None:
        claim = session.get(Claim, key)
    if claim is None or claim.deleted:
        raise NotFound(f"Klaim nomor '{number}' tidak ditemukan.", field="number")
    return claim
