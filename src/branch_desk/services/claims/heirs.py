"""The legal order of heirs checked against a claim's payees and the registered heirs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from branch_desk.db.models.participants import Heir, Participant
from branch_desk.domain.claim_recipients import (
    SURVIVOR_PENSIONS,
    Payee,
    jp_survivor_problem,
    paid_to_heirs,
)
from branch_desk.domain.claim_recipients import heir_order_problem as order_problem
from branch_desk.domain.claim_rules import ClaimType
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.nik import parse_nik
from branch_desk.services.claims.data import ClaimData

MIN_REASON = 10  # characters: a reason an auditor can read, not "-" or "ok"


def heir_order_problem(session: Session, ctype: ClaimType, data: ClaimData,
                       person: Participant) -> str:
    """Why the payees may not be paid: a JP survivor pension to someone it is not for (no
    reason lifts that), or payees that skip the legal order of heirs while no usable reason is
    recorded; "" when neither."""
    if not paid_to_heirs(ctype, data.facts.outcome, data.facts.jp_kind):
        return ""
    survivors = _jp_survivor_problem(session, ctype, data, person)
    if survivors or len(data.facts.heir_order_reason.strip()) >= MIN_REASON:
        return survivors
    return order_problem(_payees(data), _known_heirs(session, data, person))


def check_heir_order(session: Session, ctype: ClaimType, data: ClaimData,
                     person: Participant) -> None:
    """Refuse a JP survivor pension to someone it is not for, and payees that skip the legal
    order of heirs unless a reason of at least `MIN_REASON` characters is recorded."""
    survivors = _jp_survivor_problem(session, ctype, data, person)
    if survivors:
        raise ValidationError(f"Penerima pensiun JP: {survivors}.", field="recipients")
    problem = heir_order_problem(session, ctype, data, person)
    if problem:
        short = (f" (alasan paling sedikit {MIN_REASON} karakter)"
                 if data.facts.heir_order_reason.strip() else "")
        raise ValidationError(f"Urutan ahli waris: {problem}{short}.",
                              field="heir_order_reason")


def _jp_survivor_problem(session: Session, ctype: ClaimType, data: ClaimData,
                         person: Participant) -> str:
    if ctype is not ClaimType.JP or data.facts.jp_kind not in SURVIVOR_PENSIONS:
        return ""
    return jp_survivor_problem(data.facts.jp_kind, _payees(data),
                               _known_heirs(session, data, person),
                               child_ages=_child_ages(session, person, data.event_date))


def _child_ages(session: Session, person: Participant, on: date) -> dict[str, int]:
    """Age on `on` of each registered child heir whose NIK is valid, by lower-case name."""
    ages: dict[str, int] = {}
    for name, nik in session.execute(select(Heir.name, Heir.nik).where(
            Heir.participant_id == person.id, Heir.deleted.is_(False),
            Heir.relationship == "anak", Heir.nik != "")):
        try:
            born = parse_nik(nik, today=on, regions=False).birth_date
        except ValidationError:
            continue  # a NIK that cannot be read tells no age
        ages[name.strip().lower()] = on.year - born.year - ((on.month, on.day)
                                                             < (born.month, born.day))
    return ages


def _payees(data: ClaimData) -> list[Payee]:
    return [Payee(r.name, r.relationship, r.bank_account) for r in data.recipients]


def _known_heirs(session: Session, data: ClaimData, person: Participant) -> list[str]:
    """The relationships of the registered heirs and of the claim's recipients."""
    registered = session.scalars(select(Heir.relationship).where(
        Heir.participant_id == person.id, Heir.deleted.is_(False))).all()
    return [*registered, *(r.relationship for r in data.recipients if r.name.strip())]
