"""A participant's detail view: personal data, heirs, enrolments, history, payments and
claims."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from branch_desk.db.models.core import AuditEntry
from branch_desk.db.models.participants import Enrolment, Heir
from branch_desk.db.models.partners import Partner
from branch_desk.domain.nik import mask_nik
from branch_desk.domain.participant_history import FIELD_LABELS, field_text
from branch_desk.services.claims.queries import ClaimListRow, list_claims
from branch_desk.services.contributions.payments import PaymentRow, list_payments
from branch_desk.services.participants.registry import get_participant
from branch_desk.services.participants.rows import EnrolmentRow, HeirRow, HistoryRow, ParticipantRow
from branch_desk.services.uow import UnitOfWork

_HIDDEN = frozenset({"name_search", "participant_id"})


@dataclass(frozen=True)
class ParticipantDetail:
    row: ParticipantRow
    heirs: tuple[HeirRow, ...]
    enrolments: tuple[EnrolmentRow, ...]
    history: tuple[HistoryRow, ...]
    payments: tuple[PaymentRow, ...]  # newest first
    claims: tuple[ClaimListRow, ...]  # newest first


def _stored(key: str, value: Any, partners: dict[str, str]) -> str | None:
    """An audited value in an officer's words; a NIK stays masked."""
    if key == "nik" and isinstance(value, str) and value:
        return mask_nik(value)
    return field_text(key, value, partners=partners)


def participant_history(uow: UnitOfWork, participant_id: str) -> tuple[HistoryRow, ...]:
    """Registrations, edits, NIK corrections, deactivations, deaths and NIK views of a
    participant, oldest first."""
    uow.reader()
    child_ids = list(uow.session.scalars(select(Heir.id).where(
        Heir.participant_id == participant_id)))
    child_ids += list(uow.session.scalars(select(Enrolment.id).where(
        Enrolment.participant_id == participant_id)))
    stmt = select(AuditEntry).where(or_(
        (AuditEntry.table_name == "participants") & (AuditEntry.row_id == participant_id),
        AuditEntry.table_name.in_(("heirs", "enrolments")) & AuditEntry.row_id.in_(child_ids),
    )).order_by(AuditEntry.seq)
    entries = list(uow.session.scalars(stmt))
    partner_ids = {str(e.get("partner_id")) for entry in entries
                   for e in (entry.before or {}, entry.after or {}) if e.get("partner_id")}
    partners = dict(uow.session.execute(select(Partner.id, Partner.name).where(
        Partner.id.in_(partner_ids))).all()) if partner_ids else {}
    out = []
    for entry in entries:
        before, after = entry.before or {}, entry.after or {}
        changes = tuple(
            (k, _stored(k, before.get(k), partners), _stored(k, v, partners))
            for k, v in after.items()
            if k in FIELD_LABELS and k not in _HIDDEN and (entry.action != "insert" or v))
        if entry.action == "view_nik":
            changes = ()
        if entry.action == "correct_nik":  # masked when written; older entries by an old mask
            old, new = after.get("nik") or (None, None)
            changes = (("nik", _stored("nik", old, partners), _stored("nik", new, partners)),)
        status = after.get("status")
        out.append(HistoryRow(entry.at, entry.username, entry.table_name, entry.action,
                              status if isinstance(status, str) else None, changes, entry.note))
    return tuple(out)


def participant_detail(uow: UnitOfWork, participant_id: str) -> ParticipantDetail:
    """Everything the detail view shows (NIK masked; `participants.reveal_nik` for more)."""
    uow.reader()
    row = get_participant(uow, participant_id)
    heirs = tuple(HeirRow(h.id, h.name, h.relationship, mask_nik(h.nik) if h.nik else "",
                          h.phone, h.bank_account)
                  for h in uow.session.scalars(select(Heir).where(
                      Heir.participant_id == participant_id, Heir.deleted.is_(False))
                      .order_by(Heir.created_at)))
    enrolments = tuple(EnrolmentRow(e.id, e.program, e.start_date, e.end_date)
                       for e in uow.session.scalars(select(Enrolment).where(
                           Enrolment.participant_id == participant_id,
                           Enrolment.deleted.is_(False)).order_by(Enrolment.start_date)))
    claims = tuple(c for c in list_claims(uow, search=row.kpj, limit=200) if c.kpj == row.kpj)
    return ParticipantDetail(row, heirs, enrolments, participant_history(uow, participant_id),
                             tuple(list_payments(uow, participant_id=row.id)), claims)
