"""The legal order of heirs checked against a claim's payees and the registered heirs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Row, select
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
from branch_desk.domain.dates import whole_years
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.nik import parse_nik
from branch_desk.services.claims.data import ClaimData

MIN_REASON = 10  # characters: a reason an auditor can read, not "-" or "ok"


def heir_order_problem(session: Session, ctype: ClaimType, data: ClaimData,
                       person: Participant) -> str:
    """Why the payees may not be paid: a JP survivor pension to someone it is not for (no
    reason lifts that), or payees that skip the legal order of heirs while no usable reason is
    recorded; "" when neither."""
    survivors, order = _problems(session, ctype, data, person)
    return survivors or order


def check_heir_order(session: Session, ctype: ClaimType, data: ClaimData,
                     person: Participant) -> None:
    """Refuse a JP survivor pension to someone it is not for, and payees that skip the legal
    order of heirs unless a reason of at least `MIN_REASON` characters is recorded."""
    survivors, order = _problems(session, ctype, data, person)
    if survivors:
        raise ValidationError(f"Penerima pensiun JP: {survivors}.", field="recipients")
    if order:
        short = (f" (alasan paling sedikit {MIN_REASON} karakter)"
                 if data.facts.heir_order_reason.strip() else "")
        raise ValidationError(f"Urutan ahli waris: {order}{short}.",
                              field="heir_order_reason")


def _problems(session: Session, ctype: ClaimType, data: ClaimData,
              person: Participant) -> tuple[str, str]:
    """(JP survivor problem, heirs-order problem), each "" when none; the order is not looked
    at once the survivor rule fails or a usable reason is recorded."""
    if not paid_to_heirs(ctype, data.facts.outcome, data.facts.jp_kind):
        return "", ""
    registered = session.execute(select(Heir.name, Heir.relationship, Heir.nik).where(
        Heir.participant_id == person.id, Heir.deleted.is_(False))).all()
    payees = [Payee(r.name, r.relationship, r.bank_account) for r in data.recipients]
    known = [*(h.relationship for h in registered),
             *(r.relationship for r in data.recipients if r.name.strip())]
    survivors = ""
    if ctype is ClaimType.JP and data.facts.jp_kind in SURVIVOR_PENSIONS:
        survivors = jp_survivor_problem(
            data.facts.jp_kind, payees, known,
            child_ages=_child_ages(registered, data.event_date))
    if survivors or len(data.facts.heir_order_reason.strip()) >= MIN_REASON:
        return survivors, ""
    return "", order_problem(payees, known)


def _child_ages(registered: Sequence[Row[tuple[str, str, str]]], on: date) -> dict[str, int]:
    """Age on `on` of each registered child heir whose NIK is valid, by lower-case name."""
    ages: dict[str, int] = {}
    for name, relationship, nik in registered:
        if relationship.strip().lower() != "anak" or not nik:
            continue
        try:
            born = parse_nik(nik, today=on, regions=False).birth_date
        except ValidationError:
            continue  # a NIK that cannot be read tells no age
        ages[name.strip().lower()] = whole_years(born, on)
    return ages
