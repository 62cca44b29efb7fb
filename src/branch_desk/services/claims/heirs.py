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

MIN_REASON = 10  # characters: a reason an auditor can read, not "-" or "ok"


def heir_order_problem(session: Session, ctype: ClaimType, data: ClaimData,
                       person: Participant) -> str:
    """Why the payees skip the legal order of heirs while no usable reason is recorded,
    or ""."""
    if (not paid_to_heirs(ctype, data.facts.outcome, data.facts.jp_kind)
            or len(data.facts.heir_order_reason.strip()) >= MIN_REASON):
        return ""
    registered = session.scalars(select(Heir.relationship).where(
        Heir.participant_id == person.id, Heir.deleted.is_(False))).all()
    payees = [Payee(r.name, r.relationship, r.bank_account) for r in data.recipients]
    return order_problem(payees, [*registered, *(r.relationship for r in data.recipients)])


def check_heir_order(session: Session, ctype: ClaimType, data: ClaimData,
                     person: Participant) -> None:
    """Refuse payees that skip the legal order of heirs unless a reason of at least
    `MIN_REASON` characters is recorded."""
    problem = heir_order_problem(session, ctype, data, person)
    if problem:
        short = (f" (alasan paling sedikit {MIN_REASON} karakter)"
                 if data.facts.heir_order_reason.strip() else "")
        raise ValidationError(f"Urutan ahli waris: {problem}{short}.",
                              field="heir_order_reason")
