"""A participant's detail view: personal data, heirs, enrolments, history, payments and
claims."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from branch_desk.db.models.core import AuditEntry
from branch_desk.db.models.participants import Enrolment, Heir
from branch_desk.domain.nik import mask_nik
from branch_desk.services.claims.queries import ClaimListRow, list_claims
from branch_desk.services.contributions.payments import PaymentRow, list_payments
from branch_desk.services.participants.registry import get_participant
from branch_desk.services.participants.rows import EnrolmentRow, HeirRow, HistoryRow, ParticipantRow
from branch_desk.services.uow import UnitOfWork

FIELD_LABELS = {
    "nik": "NIK", "name": "Nama", "birth_date": "Tanggal lahir", "sex": "Jenis kelamin",
    "address": "Alamat", "village_code": "Desa/kelurahan", "phone": "No. HP",
    "occupation": "Pekerjaan", "segment": "Segmen", "funding_source": "Sumber dana",
    "partner_id": "Mitra", "income": "Penghasilan", "tmt": "TMT", "status": "Status",
    "status_reason": "Alasan status", "programs": "Program", "relationship": "Hubungan",
    "bank_account": "Rekening", "program": "Program", "start_date": "Mulai",
    "end_date": "Berakhir", "deleted": "Dihapus", "kpj": "KPJ", "registered_on": "Terdaftar",
}
_HIDDEN = frozenset({"name_search", "participant_id"})
_TABLE_WHAT = {"participants": "Data peserta", "heirs": "Ahli waris", "enrolments": "Program"}
_ACTION_WHAT = {"insert": "dicatat", "update": "diubah", "delete": "dihapus",
                "view_nik": "NIK lengkap dilihat"}


@dataclass(frozen=True)
class ParticipantDetail:
    row: ParticipantRow
    heirs: tuple[HeirRow, ...]
    enrolments: tuple[EnrolmentRow, ...]
    history: tuple[HistoryRow, ...]
    payments: tuple[PaymentRow, ...]  # newest first
    claims: tuple[ClaimListRow, ...]  # newest first


def _shown(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if key == "nik" and isinstance(value, str) and value:
        return mask_nik(value)
    return str(value)


def participant_history(uow: UnitOfWork, participant_id: str) -> tuple[HistoryRow, ...]:
    """Registrations, edits, deactivations and NIK views of a participant, oldest first."""
    child_ids = list(uow.session.scalars(select(Heir.id).where(
        Heir.participant_id == participant_id)))
    child_ids += list(uow.session.scalars(select(Enrolment.id).where(
        Enrolment.participant_id == participant_id)))
    stmt = select(AuditEntry).where(or_(
        (AuditEntry.table_name == "participants") & (AuditEntry.row_id == participant_id),
        AuditEntry.table_name.in_(("heirs", "enrolments")) & AuditEntry.row_id.in_(child_ids),
    )).order_by(AuditEntry.seq)
    out = []
    for entry in uow.session.scalars(stmt):
        before, after = entry.before or {}, entry.after or {}
        changes = tuple(
            (FIELD_LABELS.get(k, k), _shown(k, before.get(k)), _shown(k, v))
            for k, v in after.items()
            if k in FIELD_LABELS and k not in _HIDDEN and (entry.action != "insert" or v))
        what = f"{_TABLE_WHAT.get(entry.table_name, entry.table_name)} " \
               f"{_ACTION_WHAT.get(entry.action, entry.action)}"
        if entry.table_name == "participants" and after.get("status") == "nonaktif":
            what = "Peserta dinonaktifkan"
        elif entry.table_name == "participants" and after.get("status") == "aktif" \
                and entry.action == "update":
            what = "Peserta diaktifkan kembali"
        if entry.action == "view_nik":
            changes = ()
        out.append(HistoryRow(entry.at, entry.username, entry.action, what, changes, entry.note))
    return tuple(out)


def participant_detail(uow: UnitOfWork, participant_id: str) -> ParticipantDetail:
    """Everything the detail view shows (NIK masked; `participants.reveal_nik` for more)."""
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
