"""Claims: intake, documents checklist, (re)calculation, and the four-eyes workflow.

Every step appends a `ClaimEvent` (user, role, time, reason, transfer reference). The
workflow rules are `domain.claim_workflow.check_transition`, called here with the acting
user, so a refused step is refused whatever screen or command asked for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from branch_desk.db import numbering
from branch_desk.db.claims import load_claim
from branch_desk.db.models.claims import (
    Claim,
    ClaimBenefitLine,
    ClaimDocument,
    ClaimEvent,
    ClaimRecipient,
)
from branch_desk.db.models.participants import Participant
from branch_desk.domain import claim_rules
from branch_desk.domain.benefit_rules import BenefitLine
from branch_desk.domain.claim_recipients import (
    SELF_RELATIONSHIP,
    Payee,
    paid_to_heirs,
    payee_problem,
)
from branch_desk.domain.claim_rules import ClaimType
from branch_desk.domain.claim_workflow import BackToDraftError, ClaimStatus, check_transition
from branch_desk.domain.errors import InvalidTransition, NotFound, ValidationError
from branch_desk.domain.identifiers import format_document_number
from branch_desk.domain.permissions import Permission
from branch_desk.domain.registration import is_deceased
from branch_desk.services import clock
from branch_desk.services.admin.offices import own_office_code
from branch_desk.services.claims.assessment import (
    Assessment,
    Finding,
    PersonFacts,
    assess,
    coverage_program,
    load_coverage,
)
from branch_desk.services.claims.checklist import add_checklist, documents_for, update_checklist
from branch_desk.services.claims.data import ClaimData, ClaimFactsData, RecipientData
from branch_desk.services.claims.heirs import check_heir_order, heir_order_problem
from branch_desk.services.claims.queries import ClaimRow, claim_row
from branch_desk.services.locking import check_version
from branch_desk.services.participants.registry import record_death
from branch_desk.services.uow import UnitOfWork

CAUSES = ("kerja", "bukan-kerja")
EDITABLE = (ClaimStatus.DRAFT, ClaimStatus.DIAJUKAN)
# Permission each step needs on top of the workflow rules (rejection: see check_transition).
STEP_PERMISSION = {
    ClaimStatus.DIAJUKAN: Permission.CREATE_CLAIMS,
    ClaimStatus.DIVERIFIKASI: Permission.VERIFY_CLAIMS,
    ClaimStatus.DISETUJUI: Permission.APPROVE_CLAIMS,
    ClaimStatus.DIBAYAR: Permission.PAY_CLAIMS,
}


def _find_participant(session: Session, key: str) -> Participant:
    """The participant by id, KPJ or NIK; a NIK registered twice asks for the KPJ."""
    value = key.strip()
    person = session.get(Participant, value)
    if person is None:
        found = list(session.scalars(select(Participant).where(
            Participant.deleted.is_(False),
            (Participant.kpj == value) | (Participant.nik == value))))
        if len(found) > 1:
            raise ValidationError(f"NIK {value} terdaftar lebih dari sekali; sebutkan nomor "
                                  "KPJ peserta.", field="participant")
        person = found[0] if found else None
    if person is None or person.deleted:
        raise NotFound(f"Peserta dengan NIK/KPJ '{key}' tidak ditemukan.", field="participant")
    return person


def _person(p: Participant) -> PersonFacts:
    return PersonFacts(p.id, p.birth_date, p.segment, p.income, p.tmt,
                       frozenset(p.programs.split()))


def _validate(data: ClaimData, today: date) -> tuple[ClaimType, str | None]:
    try:
        ctype = ClaimType(data.claim_type.strip().upper())
    except ValueError:
        raise ValidationError(
            f"Jenis klaim '{data.claim_type}' tidak dikenal; pilih salah satu: "
            f"{', '.join(t.value for t in ClaimType)}.", field="claim_type") from None
    cause = (data.cause or "").strip().lower().replace("_", "-") or None
    if cause == "bukan kerja":
        cause = "bukan-kerja"
    if cause is not None and cause not in CAUSES:
        raise ValidationError("Penyebab harus 'kerja' atau 'bukan-kerja'.", field="cause")
    if cause is None and ctype is ClaimType.JKK:
        cause = "kerja"
    if cause is None and ctype is ClaimType.JKM:
        cause = "bukan-kerja"
    if data.event_date > today:
        raise ValidationError("Tanggal kejadian tidak boleh setelah hari ini.",
                              field="event_date")
    for index, r in enumerate(data.recipients, start=1):
        if not r.name.strip():
            raise ValidationError(f"Nama ahli waris/penerima ke-{index} wajib diisi.",
                                  field="recipients", row=index)
        if not r.relationship.strip():
            raise ValidationError(f"Hubungan ahli waris/penerima ke-{index} wajib diisi.",
                                  field="recipients", row=index)
        account = r.bank_account.replace(" ", "").replace("-", "")
        if account and not account.isdigit():
            raise ValidationError(f"Nomor rekening penerima ke-{index} hanya boleh angka.",
                                  field="recipients", row=index)
    facts = data.facts
    if facts.requested is not None and facts.requested <= 0:
        raise ValidationError("Jumlah JHT yang diminta harus lebih dari nol; kosongkan untuk "
                              "jumlah terbesar yang dibolehkan.", field="requested")
    if ctype is ClaimType.BEASISWA and not facts.children:
        raise ValidationError("Sebutkan anak penerima beasiswa (nama dan jenjang).",
                              field="children")
    return ctype, cause


def _event(session: Session, uow: UnitOfWork, claim: Claim, action: str, today: date, *,
           to: str = "", reason: str = "", reference: str = "", before: str = "") -> None:
    actor = uow.actor_required
    session.add(ClaimEvent(claim_id=claim.id, at=clock.now(), on_date=today,
                           username=actor.username, role=actor.role, action=action,
                           from_status=before, to_status=to, reason=reason[:500],
                           reference=reference[:80]))


def _apply(session: Session, claim: Claim, result: Assessment) -> None:
    """Store an assessment: eligibility, worksheet, and the benefit lines (old ones tombstoned)."""
    for old in session.scalars(select(ClaimBenefitLine).where(
            ClaimBenefitLine.claim_id == claim.id, ClaimBenefitLine.deleted.is_(False))):
        old.deleted = True
    lines = result.result.lines if result.result else ()
    for position, line in enumerate(lines):
        session.add(ClaimBenefitLine(claim_id=claim.id, position=position, code=line.code,
                                     label=line.label, amount=line.amount, rule=line.rule,
                                     detail=line.detail))
    claim.eligible, claim.late, claim.total_amount = result.eligible, result.late, result.total
    claim.eligibility = result.eligibility_json()
    sheet = result.result.worksheet() if result.result else {"lines": [], "total": 0}
    claim.worksheet = {**sheet, "claim_type": claim.claim_type,
                       "event_date": claim.event_date.isoformat(), "cause": claim.cause,
                       "filed_on": claim.filed_on.isoformat(), "facts": claim.facts,
                       "eligibility": claim.eligibility}


def _assess(uow: UnitOfWork, claim: Claim, person: Participant) -> Assessment:
    ctype = ClaimType(claim.claim_type)
    facts = ClaimFactsData.from_json(claim.facts or {})
    pf = _person(person)
    coverage = load_coverage(uow, person=pf, program=coverage_program(ctype, claim.cause or None),
                             on=claim.event_date)
    return assess(claim_type=ctype.value, cause=claim.cause or None,
                  event_date=claim.event_date, filed_on=claim.filed_on, person=pf,
                  facts=facts, coverage=coverage)


def _recipients(session: Session, claim: Claim, recipients: Iterable[RecipientData]) -> None:
    for position, r in enumerate(recipients):
        session.add(ClaimRecipient(
            claim_id=claim.id, position=position, name=r.name.strip(),
            relationship=r.relationship.strip(), nik=r.nik.strip(), bank_name=r.bank_name.strip(),
            bank_account=r.bank_account.replace(" ", "").replace("-", "")))


@dataclass(frozen=True)
class ClaimPreview:
    """What intake would compute, shown live while the form is filled in (nothing saved)."""

    participant_name: str
    eligible: bool
    late: bool
    findings: tuple[Finding, ...]
    lines: tuple[BenefitLine, ...]
    total: int
    documents: tuple[claim_rules.DocumentRequirement, ...]
    payee_problem: str = ""  # why the claim could not be submitted for want of a payee
    heir_order_problem: str = ""  # payees skip the heirs' legal order with no reason given


def preview_claim(uow: UnitOfWork, *, data: ClaimData, today: date,
                  filed_on: date | None = None) -> ClaimPreview:
    """Assess `data` as `new_claim` would (or `update_claim` for a claim filed on
    `filed_on`), without writing anything."""
    uow.reader()
    session = uow.session
    ctype, cause = _validate(data, today)
    person = _find_participant(session, data.participant)
    pf = _person(person)
    coverage = load_coverage(uow, person=pf, program=coverage_program(ctype, cause),
                             on=data.event_date)
    result = assess(claim_type=ctype.value, cause=cause, event_date=data.event_date,
                    filed_on=filed_on or today, person=pf, facts=data.facts, coverage=coverage)
    docs = documents_for(ctype, data.facts, person.segment)
    lines = result.result.lines if result.result else ()
    payees = [Payee(r.name, r.relationship, r.bank_account)
              for r in _recipients_or_self(ctype, data, person)]
    return ClaimPreview(person.name, result.eligible, result.late, result.findings, lines,
                        result.total, docs,
                        payee_problem(ctype, data.facts.outcome, payees, data.facts.jp_kind),
                        heir_order_problem(session, ctype, data, person))


def _recipients_or_self(ctype: ClaimType, data: ClaimData, person: Participant
                        ) -> tuple[RecipientData, ...]:
    """The recipients given; without any, a benefit of the participant's own goes to them and
    a death benefit waits for the heirs (the deceased is never recorded as the payee)."""
    if data.recipients or paid_to_heirs(ctype, data.facts.outcome, data.facts.jp_kind):
        return data.recipients
    return (RecipientData(person.name, SELF_RELATIONSHIP),)


def new_claim(uow: UnitOfWork, *, data: ClaimData, today: date) -> ClaimRow:
    """Log a claim (state draft): checklist, deadlines, eligibility and benefits computed."""
    actor = uow.actor_required
    actor.require(Permission.CREATE_CLAIMS)
    session = uow.session
    ctype, cause = _validate(data, today)
    person = _find_participant(session, data.participant)
    check_heir_order(session, ctype, data, person)
    office = own_office_code(uow)
    serial = numbering.next_number(session, f"claim:{ctype.value}:{today.year}")
    claim = Claim(number=format_document_number(ctype.value, office, today.year, serial),
                  claim_type=ctype.value, participant_id=person.id, partner_id=person.partner_id,
                  region_code=person.village_code or "", event_date=data.event_date,
                  filed_on=today, cause=cause or "", place=data.place.strip()[:200],
                  description=data.description.strip(), facts=data.facts.to_json(),
                  status=ClaimStatus.DRAFT.value, created_by=actor.username)
    session.add(claim)
    session.flush()
    add_checklist(uow, claim=claim, ctype=ctype, facts=data.facts, received=data.received,
                  today=today)
    _recipients(session, claim, _recipients_or_self(ctype, data, person))
    _apply(session, claim, _assess(uow, claim, person))
    _event(session, uow, claim, "intake", today, to=claim.status)
    uow.flush()
    return claim_row(uow, claim)


def update_claim(uow: UnitOfWork, *, number: str, data: ClaimData, expected_version: int,
                 today: date, back_to_draft: bool = False) -> ClaimRow:
    """Change a draft or submitted claim's facts, recipients and checklist (documents in
    `data.received` become received; none is un-received); recalculated at once.

    A submitted claim must stay submittable: when the change asks for documents not yet
    received or leaves nobody to pay, BackToDraftError says what is missing, unless
    `back_to_draft` is given, which returns the claim to draft with that reason recorded."""
    actor = uow.actor_required
    actor.require(Permission.CREATE_CLAIMS)
    session = uow.session
    claim = load_claim(session, number)
    check_version(claim, expected_version, "klaim")
    if ClaimStatus(claim.status) not in EDITABLE:
        raise InvalidTransition(f"Klaim berstatus {ClaimStatus(claim.status).label} tidak dapat "
                                "diubah; buka kembali klaim terlebih dahulu.", field="status")
    ctype, cause = _validate(data, today)
    if ctype.value != claim.claim_type:
        raise ValidationError("Jenis klaim tidak dapat diubah; buat klaim baru.",
                              field="claim_type")
    person = session.get(Participant, claim.participant_id)
    assert person is not None
    if data.recipients:
        check_heir_order(session, ctype, data, person)
    claim.event_date, claim.cause = data.event_date, cause or ""
    claim.place, claim.description = data.place.strip()[:200], data.description.strip()
    claim.facts = data.facts.to_json()
    if data.recipients:
        for old in session.scalars(select(ClaimRecipient).where(
                ClaimRecipient.claim_id == claim.id, ClaimRecipient.deleted.is_(False))):
            old.deleted = True
        _recipients(session, claim, data.recipients)
    marked = update_checklist(uow, claim=claim, ctype=ctype, facts=data.facts,
                              received=data.received, today=today)
    if marked:
        _event(session, uow, claim, "documents", today, to=claim.status, before=claim.status,
               reason="diterima: " + ", ".join(marked))
    _apply(session, claim, _assess(uow, claim, person))
    _event(session, uow, claim, "recalculate", today, to=claim.status, before=claim.status)
    uow.flush()
    row = claim_row(uow, claim)
    problems = row.submission_problems() if claim.status == ClaimStatus.DIAJUKAN.value else ()
    if not problems:
        return row
    if not back_to_draft:
        raise BackToDraftError(
            f"Klaim {claim.number} sudah diajukan, tetapi setelah perubahan ini "
            f"{'; '.join(problems)}. Lengkapi dalam perubahan yang sama, atau simpan dengan "
            "mengembalikan klaim ke draf (diajukan lagi setelah lengkap).",
            problems=problems)
    claim.status = ClaimStatus.DRAFT.value
    _event(session, uow, claim, "back_to_draft", today, to=claim.status,
           before=ClaimStatus.DIAJUKAN.value,
           reason="Dikembalikan ke draf setelah perubahan data: " + "; ".join(problems))
    uow.flush()
    return claim_row(uow, claim)


def mark_documents(uow: UnitOfWork, *, number: str, received: Iterable[str] | None = None,
                   all_received: bool = False, today: date | None = None) -> ClaimRow:
    """Mark checklist documents received (`received` keys, or every one with `all_received`)."""
    actor = uow.actor_required
    actor.require(Permission.CREATE_CLAIMS)
    session = uow.session
    claim = load_claim(session, number)
    if ClaimStatus(claim.status) not in EDITABLE:
        raise InvalidTransition(f"Dokumen klaim berstatus {ClaimStatus(claim.status).label} "
                                "tidak dapat diubah lagi.", field="status")
    keys = set(received or ())
    if not keys and not all_received:
        raise ValidationError("Sebutkan dokumen yang diterima, atau tandai semua diterima.",
                              field="documents")
    docs = list(session.scalars(select(ClaimDocument).where(
        ClaimDocument.claim_id == claim.id, ClaimDocument.deleted.is_(False))))
    unknown = keys - {d.key for d in docs}
    if unknown:
        raise ValidationError(f"Dokumen tidak ada dalam daftar klaim {claim.number}: "
                              f"{', '.join(sorted(unknown))}.", field="documents")
    day = today or clock.today()
    marked = []
    for doc in docs:
        if (all_received or doc.key in keys) and not doc.received:
            doc.received, doc.received_on = True, day
            marked.append(doc.key)
    if marked:
        _event(session, uow, claim, "documents", day, to=claim.status, before=claim.status,
               reason="diterima: " + ", ".join(marked))
    uow.flush()
    return claim_row(uow, claim)


def advance_claim(uow: UnitOfWork, *, number: str, to: str, reason: str | None = None,
                  reference: str | None = None, returned_on: date | None = None,
                  today: date) -> ClaimRow:
    """Move a claim to state `to` as the acting user, under the four-eyes rules.

    Reopening a paid claim records that its transfer came back: `reference` is the bank's
    reference of the return and `returned_on` its date (both required), so a claim is
    never paid twice; the first transfer stays in the claim's events."""
    actor = uow.actor_required
    session = uow.session
    claim = load_claim(session, number)
    row = claim_row(uow, claim)
    try:
        target = ClaimStatus(to.strip().lower())
    except ValueError:
        raise InvalidTransition(f"Status tujuan '{to}' tidak dikenal; pilih salah satu: "
                                f"{', '.join(s.value for s in ClaimStatus)}.", field="to") from None
    current = ClaimStatus(claim.status)
    reopening = target is ClaimStatus.DIAJUKAN and current in (ClaimStatus.DITOLAK,
                                                               ClaimStatus.DIBAYAR)
    check_transition(row.workflow_facts(), target, actor=actor.username,
                     actor_role=actor.role,  # type: ignore[arg-type]
                     reason=reason, reference=reference)
    permission = Permission.APPROVE_CLAIMS if reopening else STEP_PERMISSION.get(target)
    if permission is not None:
        actor.require(permission)
    if target in (ClaimStatus.DIVERIFIKASI, ClaimStatus.DISETUJUI, ClaimStatus.DIBAYAR) and (
            not claim.eligible):
        raise InvalidTransition("Klaim tidak memenuhi syarat (lihat penjelasan kelayakan); "
                                "klaim hanya dapat ditolak.", field="eligibility")
    text = (reason or "").strip()
    first_transfer = claim.transfer_reference
    if reopening and current is ClaimStatus.DIBAYAR:
        text = _returned_transfer(claim, text, reference, returned_on, today)
        reference = first_transfer
    if target is ClaimStatus.DIVERIFIKASI:
        claim.verified_by = actor.username
    elif target is ClaimStatus.DISETUJUI:
        claim.approved_by = actor.username
    elif target is ClaimStatus.DIBAYAR:
        claim.paid_on, claim.transfer_reference = today, (reference or "").strip()[:80]
    elif target is ClaimStatus.DITOLAK:
        claim.status_reason = text[:500]
    elif reopening:
        claim.verified_by = claim.approved_by = claim.transfer_reference = ""
        claim.paid_on = None
        claim.status_reason = text[:500]
    claim.status = target.value
    _event(session, uow, claim, "reopen" if reopening else "transition", today,
           to=target.value, before=current.value, reason=text, reference=(reference or "").strip())
    if target is ClaimStatus.DIBAYAR and _is_death(claim):
        person = session.get(Participant, claim.participant_id)
        assert person is not None
        if not is_deceased(person.status, person.status_reason):  # an officer may have
            facts = ClaimFactsData.from_json(claim.facts or {})  # recorded it already
            record_death(uow, participant_id=claim.participant_id,
                         died_on=facts.outcome_on or claim.event_date,
                         reason=f"klaim {claim.number} dibayar", today=today)
    if reopening:  # the rules may have changed the outcome: reassess with today's tables
        person = session.get(Participant, claim.participant_id)
        assert person is not None
        _apply(session, claim, _assess(uow, claim, person))
    uow.flush()
    return claim_row(uow, claim)


def _is_death(claim: Claim) -> bool:
    """JKM, or JKK whose outcome is death: paying it ends the participant's membership."""
    outcome = (claim.facts or {}).get("outcome")
    return claim.claim_type == ClaimType.JKM.value or (
        claim.claim_type == ClaimType.JKK.value and outcome == "death")


def reopen_claim(uow: UnitOfWork, *, number: str, reason: str, today: date,
                 reference: str | None = None, returned_on: date | None = None) -> ClaimRow:
    """Reopen a rejected or paid claim (supervisor, with a reason): back to `diajukan`. A
    paid claim needs the returned transfer's `reference` and date (`returned_on`)."""
    return advance_claim(uow, number=number, to=ClaimStatus.DIAJUKAN.value, reason=reason,
                         reference=reference, returned_on=returned_on, today=today)


def _returned_transfer(claim: Claim, reason: str, reference: str | None,
                       returned_on: date | None, today: date) -> str:
    """The reopening reason of a paid claim, naming the transfer that came back."""
    back = (reference or "").strip()
    if not back:
        raise ValidationError("Klaim sudah dibayar: isi nomor referensi pengembalian transfer "
                              f"{claim.transfer_reference} dari bank sebelum membuka kembali.",
                              field="reference")
    if returned_on is None or returned_on > today or (
            claim.paid_on is not None and returned_on < claim.paid_on):
        raise ValidationError("Isi tanggal transfer kembali (tidak sebelum tanggal bayar "
                              f"{claim.paid_on} dan tidak sesudah hari ini).",
                              field="returned_on")
    return (f"Transfer {claim.transfer_reference} tanggal {claim.paid_on} kembali "
            f"{returned_on} (ref. {back[:40]}): {reason}")
