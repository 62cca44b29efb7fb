"""Reading claims: the full claim row, lists with a state filter, the dashboard figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, func, or_, select

from branch_desk.db.claims import load_claim
from branch_desk.db.models.claims import (
    Claim,
    ClaimBenefitLine,
    ClaimDocument,
    ClaimEvent,
    ClaimRecipient,
)
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.domain.claim_payment import PaymentTiming, payment_timing
from branch_desk.domain.claim_recipients import Payee, payee_problem
from branch_desk.domain.claim_rules import ClaimType
from branch_desk.domain.claim_workflow import ClaimFacts, ClaimStatus
from branch_desk.domain.nik import mask_nik
from branch_desk.services.uow import UnitOfWork

OPEN_STATES = ("draft", "diajukan", "diverifikasi", "disetujui")


@dataclass(frozen=True)
class ClaimDocumentRow:
    key: str
    label: str
    required: bool
    received: bool
    received_on: date | None


@dataclass(frozen=True)
class ClaimRecipientRow:
    name: str
    relationship: str
    nik: str
    bank_name: str
    bank_account: str


@dataclass(frozen=True)
class ClaimLineRow:
    code: str
    label: str
    amount: int
    rule: str
    detail: str


@dataclass(frozen=True)
class ClaimEventRow:
    at: datetime
    on_date: date
    username: str
    role: str
    action: str
    from_status: str
    to_status: str
    reason: str
    reference: str


@dataclass(frozen=True)
class FindingRow:
    ok: bool
    text: str


@dataclass(frozen=True)
class ClaimRow:
    """A claim with everything the detail view, the PDFs and the CLI show."""

    id: str
    number: str
    claim_type: str
    type_label: str
    participant_id: str
    participant_name: str
    kpj: str
    nik_masked: str
    segment: str
    partner_code: str
    region_code: str
    status: str
    status_label: str
    event_date: date
    filed_on: date
    cause: str
    place: str
    description: str
    facts: dict[str, Any]
    eligible: bool
    late: bool
    findings: tuple[FindingRow, ...]
    lines: tuple[ClaimLineRow, ...]
    total_amount: int
    documents: tuple[ClaimDocumentRow, ...]
    recipients: tuple[ClaimRecipientRow, ...]
    events: tuple[ClaimEventRow, ...]
    created_by: str
    verified_by: str
    approved_by: str
    paid_on: date | None
    transfer_reference: str
    status_reason: str
    worksheet: dict[str, Any]
    version: int

    @property
    def documents_complete(self) -> bool:
        return all(d.received for d in self.documents if d.required)

    @property
    def missing_documents(self) -> tuple[ClaimDocumentRow, ...]:
        return tuple(d for d in self.documents if d.required and not d.received)

    @property
    def payee_problem(self) -> str:
        """Why nobody can be paid yet ("" when a recipient is complete), in Indonesian."""
        return payee_problem(self.claim_type, self.facts.get("outcome"),
                             (Payee(r.name, r.relationship, r.bank_account)
                              for r in self.recipients),
                             str(self.facts.get("jp_kind") or "old_age"))

    @property
    def complete_on(self) -> date | None:
        """The day the file became complete: the last mandatory document received."""
        if not self.documents_complete:
            return None
        days = [d.received_on for d in self.documents if d.required and d.received_on]
        return max(days) if days else None

    def payment_timing(self, today: date) -> PaymentTiming | None:
        """BPJS's payment deadline for the complete file (JKK, JKM), as of payment or
        `today`; None for a rejected claim, an incomplete file or a type without one."""
        if self.status == ClaimStatus.DITOLAK.value:
            return None
        return payment_timing(self.claim_type, self.total_amount, self.complete_on,
                              paid_on=self.paid_on, today=today)

    def submission_problems(self) -> tuple[str, ...]:
        """What keeps the claim from being submitted (draft → diajukan), in Indonesian."""
        problems = []
        if self.missing_documents:
            problems.append("dokumen wajib belum diterima: "
                            + ", ".join(d.label for d in self.missing_documents))
        if self.payee_problem:
            problems.append(self.payee_problem)
        return tuple(problems)

    def workflow_facts(self) -> ClaimFacts:
        return ClaimFacts(self.status, self.created_by, self.verified_by or None,
                          self.documents_complete, self.payee_problem)


@dataclass(frozen=True)
class ClaimListRow:
    """A claim in a list."""

    number: str
    claim_type: str
    participant_name: str
    kpj: str
    status: str
    status_label: str
    event_date: date
    filed_on: date
    total_amount: int
    eligible: bool
    late: bool
    complete_on: date | None = None  # the file's last mandatory document received
    paid_on: date | None = None

    def payment_timing(self, today: date) -> PaymentTiming | None:
        """As `ClaimRow.payment_timing`."""
        if self.status == ClaimStatus.DITOLAK.value:
            return None
        return payment_timing(self.claim_type, self.total_amount, self.complete_on,
                              paid_on=self.paid_on, today=today)


@dataclass(frozen=True)
class ParticipantChoice:
    """A participant offered at intake (NIK masked)."""

    id: str
    kpj: str
    nik_masked: str
    name: str
    birth_date: date
    segment: str
    status: str


def _live(model: Any, claim_id: str) -> Any:
    return (select(model).where(model.claim_id == claim_id, model.deleted.is_(False))
            .order_by(model.position))


def claim_row(uow: UnitOfWork, claim: Claim) -> ClaimRow:
    """The full row of a claim loaded in `uow` (for the claims services)."""
    uow.reader()
    session = uow.session
    person = session.get(Participant, claim.participant_id)
    partner = session.get(Partner, claim.partner_id) if claim.partner_id else None
    docs = tuple(ClaimDocumentRow(d.key, d.label, d.required, d.received, d.received_on)
                 for d in session.scalars(_live(ClaimDocument, claim.id)))
    recipients = tuple(ClaimRecipientRow(r.name, r.relationship, r.nik, r.bank_name,
                                         r.bank_account)
                       for r in session.scalars(_live(ClaimRecipient, claim.id)))
    lines = tuple(ClaimLineRow(ln.code, ln.label, ln.amount, ln.rule, ln.detail)
                  for ln in session.scalars(_live(ClaimBenefitLine, claim.id)))
    events = tuple(ClaimEventRow(e.at, e.on_date, e.username, e.role, e.action, e.from_status,
                                 e.to_status, e.reason, e.reference)
                   for e in session.scalars(select(ClaimEvent).where(
                       ClaimEvent.claim_id == claim.id).order_by(ClaimEvent.at,
                                                                 ClaimEvent.id)))
    elig = claim.eligibility or {}
    findings = tuple(FindingRow(bool(f.get("ok")), str(f.get("text", "")))
                     for f in elig.get("findings", []))
    return ClaimRow(
        claim.id, claim.number, claim.claim_type, ClaimType(claim.claim_type).label,
        claim.participant_id, person.name if person else "", person.kpj if person else "",
        mask_nik(person.nik) if person and person.nik else "",
        person.segment if person else "", partner.code if partner else "", claim.region_code,
        claim.status, ClaimStatus(claim.status).label, claim.event_date, claim.filed_on,
        claim.cause, claim.place, claim.description, dict(claim.facts or {}), claim.eligible,
        claim.late, findings, lines,
        claim.total_amount, docs, recipients, events, claim.created_by, claim.verified_by,
        claim.approved_by, claim.paid_on, claim.transfer_reference, claim.status_reason,
        dict(claim.worksheet or {}), claim.version)


def get_claim(uow: UnitOfWork, number: str) -> ClaimRow:
    """The full row of claim `number`."""
    uow.reader()
    return claim_row(uow, load_claim(uow.session, number))


def list_claims(uow: UnitOfWork, *, status: str | None = None, search: str = "",
                claim_type: str | None = None, limit: int = 200,
                offset: int = 0, overdue_on: date | None = None) -> list[ClaimListRow]:
    """Claims newest first; `status` "terbuka" means every open state. With `overdue_on`,
    only the open claims whose complete file is past BPJS's payment deadline on that day."""
    uow.reader()
    if overdue_on is not None:
        rows = list_claims(uow, status="terbuka", search=search, claim_type=claim_type,
                           limit=100_000)
        late = [r for r in rows if (t := r.payment_timing(overdue_on)) is not None and t.late]
        return late[offset:offset + limit]
    stmt = (select(Claim, Participant.name, Participant.kpj)
            .join(Participant, Participant.id == Claim.participant_id)
            .where(Claim.deleted.is_(False)))
    if status == "terbuka":
        stmt = stmt.where(Claim.status.in_(OPEN_STATES))
    elif status:
        stmt = stmt.where(Claim.status == status)
    if claim_type:
        stmt = stmt.where(Claim.claim_type == claim_type)
    text = search.strip()
    if text:
        like = f"%{text.lower()}%"
        stmt = stmt.where(or_(Claim.number.ilike(f"%{text}%"), Participant.kpj == text,
                              Participant.nik == text, Participant.name_search.like(like)))
    stmt = stmt.order_by(Claim.filed_on.desc(), Claim.number.desc()).limit(limit).offset(offset)
    found = uow.session.execute(stmt).all()
    complete = files_complete_on(uow, [c.id for c, _name, _kpj in found])
    return [ClaimListRow(c.number, c.claim_type, name, kpj, c.status,
                         ClaimStatus(c.status).label, c.event_date, c.filed_on, c.total_amount,
                         c.eligible, c.late, complete.get(c.id), c.paid_on)
            for c, name, kpj in found]


def files_complete_on(uow: UnitOfWork, claim_ids: list[str]) -> dict[str, date]:
    """For each claim whose mandatory documents are all received, the day the last one was."""
    uow.reader()
    if not claim_ids:
        return {}
    d = ClaimDocument
    missing = func.sum(case((d.received.is_(False), 1), else_=0))
    stmt = (select(d.claim_id, func.max(d.received_on), missing)
            .where(d.claim_id.in_(claim_ids), d.deleted.is_(False), d.required.is_(True))
            .group_by(d.claim_id))
    return {cid: last for cid, last, open_ in uow.session.execute(stmt)
            if not open_ and last is not None}


def find_claim_participants(uow: UnitOfWork, text: str, *, limit: int = 20
                            ) -> list[ParticipantChoice]:
    """Participants matching a NIK, a KPJ or the start of a name word."""
    uow.reader()
    value = text.strip()
    if not value:
        return []
    stmt = select(Participant).where(Participant.deleted.is_(False))
    if value.isdigit():
        stmt = stmt.where(or_(Participant.nik == value, Participant.kpj == value))
    else:
        words = value.lower().split()
        for word in words:
            stmt = stmt.where(or_(Participant.name_search.like(f"{word}%"),
                                  Participant.name_search.like(f"% {word}%")))
    stmt = stmt.order_by(Participant.name).limit(limit)
    return [ParticipantChoice(p.id, p.kpj, mask_nik(p.nik), p.name, p.birth_date, p.segment,
                              p.status) for p in uow.session.scalars(stmt)]


def claims_dashboard(uow: UnitOfWork, *, year: int) -> tuple[int, int, int]:
    """(open claims, claims paid this year, rupiah paid this year) for the Beranda page."""
    uow.reader()
    session = uow.session
    live = Claim.deleted.is_(False)
    pending = session.scalar(select(func.count()).select_from(Claim).where(
        live, Claim.status.in_(OPEN_STATES))) or 0
    first, last = date(year, 1, 1), date(year, 12, 31)
    paid_count, paid_sum = session.execute(
        select(func.count(), func.coalesce(func.sum(Claim.total_amount), 0)).where(
            live, Claim.status == "dibayar", Claim.paid_on >= first,
            Claim.paid_on <= last)).one()
    return int(pending), int(paid_count), int(paid_sum)
