"""A claim's documents checklist (DOMAIN §4.2): made at intake, kept in step with the facts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select

from branch_desk.db.models.claims import Claim, ClaimDocument
from branch_desk.db.models.participants import Participant
from branch_desk.domain import claim_rules
from branch_desk.domain.claim_rules import ClaimType
from branch_desk.domain.errors import ValidationError
from branch_desk.services.claims.data import ClaimFactsData
from branch_desk.services.uow import UnitOfWork


def documents_for(ctype: ClaimType, facts: ClaimFactsData, segment: str
                  ) -> tuple[claim_rules.DocumentRequirement, ...]:
    """The papers a claim of `ctype` with `facts` needs for a participant of `segment`."""
    return claim_rules.required_documents(
        ctype, off_site=facts.off_site, jht_kind=facts.jht_kind, balance=facts.balance,
        outcome=facts.outcome, jp_kind=facts.jp_kind, pmi=segment == "PMI",
        pmi_phase=facts.pmi_phase)


def _wanted(uow: UnitOfWork, claim: Claim, ctype: ClaimType, facts: ClaimFactsData,
            received: Iterable[str]
            ) -> tuple[tuple[claim_rules.DocumentRequirement, ...], set[str]]:
    person = uow.session.get(Participant, claim.participant_id)
    wanted = documents_for(ctype, facts, person.segment if person is not None else "")
    got = set(received)
    unknown = got - {d.key for d in wanted}
    if unknown:
        raise ValidationError(f"Dokumen tidak dikenal untuk klaim {ctype.value}: "
                              f"{', '.join(sorted(unknown))}.", field="documents")
    return wanted, got


def add_checklist(uow: UnitOfWork, *, claim: Claim, ctype: ClaimType, facts: ClaimFactsData,
                  received: Iterable[str], today: date) -> None:
    """The documents checklist of a new claim, with the documents already received."""
    wanted, got = _wanted(uow, claim, ctype, facts, received)
    for position, doc in enumerate(wanted):
        label = doc.label if doc.mandatory else f"{doc.label} ({doc.note})"
        uow.session.add(ClaimDocument(claim_id=claim.id, position=position, key=doc.key,
                                  label=label[:200], required=doc.mandatory,
                                  received=doc.key in got,
                                  received_on=today if doc.key in got else None))


def update_checklist(uow: UnitOfWork, *, claim: Claim, ctype: ClaimType,
                     facts: ClaimFactsData, received: Iterable[str], today: date) -> list[str]:
    """Follow a change of facts in the checklist (JKK outcome, off-site accident, JHT purpose,
    NPWP above Rp50 jt) and mark newly ticked documents received; a received document stays
    received. Returns the keys marked received now."""
    wanted, got = _wanted(uow, claim, ctype, facts, received)
    session = uow.session
    have = {d.key: d for d in session.scalars(select(ClaimDocument).where(
        ClaimDocument.claim_id == claim.id, ClaimDocument.deleted.is_(False)))}
    marked = []
    for position, doc in enumerate(wanted):
        row = have.pop(doc.key, None)
        if row is None:
            label = doc.label if doc.mandatory else f"{doc.label} ({doc.note})"
            row = ClaimDocument(claim_id=claim.id, key=doc.key, label=label[:200],
                                required=doc.mandatory, received=False)
            session.add(row)
        if row.position != position:
            row.position = position
        if doc.key in got and not row.received:
            row.received, row.received_on = True, today
            marked.append(doc.key)
    for position, row in enumerate(have.values(), start=len(wanted)):
        if row.received:  # no longer asked for, but kept: it was handed in
            row.position = position
        else:
            row.deleted = True
    return marked
