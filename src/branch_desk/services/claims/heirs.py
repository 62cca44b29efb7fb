"""The legal order of heirs checked against a claim's payees and the registered heirs."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from branch_desk.db.models.participants import Heir, Participant
from branch_desk.domain.claim_recipients import Payee, paid_to_heirs
from branch_desk.domain.claim_recipients import heir_order_problem as order_problem
from branch_desk.domain.claim_rules import ClaimType
from branch_desk.domain.errors import ValidationError
from branch_desk.services.claims.data import ClaimData


def heir_order_problem(session: Session, ctype: ClaimType, data: ClaimData,
                       person: Participant) -> str:
    """Why the payees skip the legal order of heirs while no reason is recorded, or ""."""
    if not paid_to_heirs(ctype, data.facts.outcome) or data.facts.heir_order_reason.strip():
        return ""
    registered = session.scalars(select(Heir.relationship).where(
        Heir.participant_id == person.id, Heir.deleted.is_(False))).all()
    payees = [Payee(r.name, r.relationship, r.bank_account) for r in data.recipients]
    return order_problem(payees, [*registered, *(r.relationship for r in data.recipients)])


def check_heir_order(session: Session, ctype: ClaimType, data: ClaimData,
                     person: Participant) -> None:
    """Refuse payees that skip the legal order of heirs unless a reason is recorded."""
    problem = heir_order_problem(session, ctype, data, person)
    if problem:
        raise ValidationError(f"Urutan ahli waris: {problem}.", field="heir_order_reason")
