"""Reviewing what synchronisation found: conflicts, proposals, duplicate NIK cases, digests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from branch_desk.db.models.participants import Participant
from branch_desk.db.models.sync_state import (
    DuplicateCase,
    SyncConflict,
    SyncPeer,
    SyncQuarantine,
)
from branch_desk.db.recording import record_event
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.services import clock
from branch_desk.services.admin.offices import own_office_code
from branch_desk.services.uow import UnitOfWork
from branch_desk.sync import digest as _digest
from branch_desk.sync import duplicates as _dups
from branch_desk.sync.merge import converters
from branch_desk.sync.policy import model_for, table_label


@dataclass(frozen=True)
class ConflictRow:
    id: str
    kind: str
    table: str
    table_label: str
    row_id: str
    field: str
    losing_value: Any
    losing_office: str
    losing_by: str
    winning_value: Any
    winning_office: str
    current_value: Any
    status: str
    detected_at: datetime


@dataclass(frozen=True)
class DuplicateRow:
    id: str
    nik: str
    first_id: str
    first_label: str
    second_id: str
    second_label: str
    status: str
    kept_id: str | None


@dataclass(frozen=True)
class DigestLine:
    table: str
    table_label: str
    ours: int | None
    theirs: int | None
    same: bool


def _current(uow: UnitOfWork, c: SyncConflict) -> Any:
    from branch_desk.db.serialise import to_json_value

    row = uow.session.get(model_for(c.table_name), c.row_id)
    return to_json_value(getattr(row, c.field, None)) if row is not None else None


def list_conflicts(uow: UnitOfWork, *, status: str | None = "open") -> list[ConflictRow]:
    uow.actor_required.require(Permission.SYNC)
    stmt = select(SyncConflict).order_by(SyncConflict.detected_at.desc(), SyncConflict.id)
    if status:
        stmt = stmt.where(SyncConflict.status == status)
    return [ConflictRow(c.id, c.kind, c.table_name, table_label(c.table_name), c.row_id,
                        c.field, c.losing_value, c.losing_office, c.losing_by,
                        c.winning_value, c.winning_office, _current(uow, c), c.status,
                        c.detected_at) for c in uow.session.scalars(stmt)]


def restore_conflict(uow: UnitOfWork, *, conflict_id: str) -> ConflictRow:
    """Put the losing value back as a new edit by this office (it then wins everywhere)."""
    actor = uow.actor_required
    actor.require(Permission.SYNC)
    c = uow.session.get(SyncConflict, conflict_id)
    if c is None:
        raise NotFound("Konflik tidak ditemukan.")
    if c.status != "open":
        raise ValidationError("Konflik ini sudah ditangani.", field="status")
    row = uow.session.get(model_for(c.table_name), c.row_id)
    if row is None:
        raise NotFound("Data yang berkonflik tidak ditemukan.")
    value = c.losing_value
    setattr(row, c.field, None if value is None else converters(c.table_name)[c.field](value))
    c.status, c.resolved_by, c.resolved_at = "restored", actor.username, clock.now()
    uow.flush()
    record_event(uow.session, actor, "sync_restore", table=c.table_name, row_id=c.row_id,
                 note=f"pulihkan nilai {c.field} dari {c.losing_office}")
    return list_one(uow, c)


def keep_current(uow: UnitOfWork, *, conflict_id: str) -> ConflictRow:
    """Mark a conflict or proposal as reviewed, keeping the current value."""
    actor = uow.actor_required
    actor.require(Permission.SYNC)
    c = uow.session.get(SyncConflict, conflict_id)
    if c is None:
        raise NotFound("Konflik tidak ditemukan.")
    c.status, c.resolved_by, c.resolved_at = "kept", actor.username, clock.now()
    uow.session.flush()
    return list_one(uow, c)


def list_one(uow: UnitOfWork, c: SyncConflict) -> ConflictRow:
    uow.reader()
    return ConflictRow(c.id, c.kind, c.table_name, table_label(c.table_name), c.row_id,
                       c.field, c.losing_value, c.losing_office, c.losing_by, c.winning_value,
                       c.winning_office, _current(uow, c), c.status, c.detected_at)


def _label(uow: UnitOfWork, pid: str) -> str:
    p = uow.session.get(Participant, pid)
    if p is None:
        return pid
    return f"{p.name} — KPJ {p.kpj} ({p.origin_office})"


def list_duplicates(uow: UnitOfWork, *, status: str | None = "open") -> list[DuplicateRow]:
    uow.actor_required.require(Permission.SYNC)
    stmt = select(DuplicateCase).order_by(DuplicateCase.detected_at, DuplicateCase.id)
    if status:
        stmt = stmt.where(DuplicateCase.status == status)
    return [DuplicateRow(d.id, d.nik, d.first_id, _label(uow, d.first_id), d.second_id,
                         _label(uow, d.second_id), d.status, d.kept_id)
            for d in uow.session.scalars(stmt)]


def merge_duplicate(uow: UnitOfWork, *, case_id: str, keep_id: str) -> DuplicateRow:
    """Merge a duplicate NIK case into `keep_id`, keeping both histories (payments, claims,
    heirs move to the kept participant; the other is tombstoned with a note)."""
    actor = uow.actor_required
    actor.require(Permission.SYNC)
    actor.require(Permission.EDIT_PARTICIPANTS)
    case = uow.session.get(DuplicateCase, case_id)
    if case is None:
        raise NotFound("Kasus NIK ganda tidak ditemukan.")
    if case.status != "open":
        raise ValidationError("Kasus ini sudah ditangani.", field="status")
    if keep_id not in (case.first_id, case.second_id):
        raise ValidationError("Pilih salah satu dari kedua peserta untuk dipertahankan.",
                              field="keep_id")
    moved = _dups.merge(uow.session, case, keep_id, actor.username)
    uow.flush()
    record_event(uow.session, actor, "merge_duplicate", table="participants", row_id=keep_id,
                 note=f"gabung NIK ganda {case.nik}: {moved} data dipindahkan")
    return DuplicateRow(case.id, case.nik, case.first_id, _label(uow, case.first_id),
                        case.second_id, _label(uow, case.second_id), case.status, case.kept_id)


def mark_distinct(uow: UnitOfWork, *, case_id: str) -> None:
    """Two different people (e.g. a NIK typo fixed later): close the case without merging."""
    actor = uow.actor_required
    actor.require(Permission.SYNC)
    case = uow.session.get(DuplicateCase, case_id)
    if case is None:
        raise NotFound("Kasus NIK ganda tidak ditemukan.")
    case.status, case.resolved_by, case.resolved_at = "distinct", actor.username, clock.now()
    uow.session.flush()


def own_digest(uow: UnitOfWork) -> dict[str, Any]:
    """{"office": code, "tables": {table: {"count", "hash"}}}."""
    return {"office": own_office_code(uow), "tables": _digest.compute(uow.session)}


def compare_digest(uow: UnitOfWork, *, peer: str | None = None,
                   theirs: dict[str, Any] | None = None) -> list[DigestLine]:
    """Our digest against `theirs`, or against the one `peer` sent with its last file."""
    if theirs is None and peer is not None:
        row = uow.session.get(SyncPeer, peer.upper())
        theirs = row.digest if row is not None else None
    mine = _digest.compute(uow.session)
    return [DigestLine(x["table"], table_label(x["table"]), x["ours"], x["theirs"], x["same"])
            for x in _digest.compare(mine, theirs)]


@dataclass(frozen=True)
class QuarantineRow:
    origin: str
    seq: int
    table: str
    table_label: str
    row_id: str
    op: str
    reason: str
    detected_at: datetime


def list_quarantine(uow: UnitOfWork) -> list[QuarantineRow]:
    """Received changes applied nowhere because no column here accepts a value of theirs."""
    uow.actor_required.require(Permission.SYNC)
    return [QuarantineRow(q.origin_office, q.seq, q.table_name, table_label(q.table_name),
                          q.row_id, q.op, q.reason, q.detected_at)
            for q in uow.session.scalars(select(SyncQuarantine).order_by(
                SyncQuarantine.origin_office, SyncQuarantine.seq))]


@dataclass(frozen=True)
class PeerRow:
    code: str
    last_export_at: datetime | None
    last_import_at: datetime | None
    acked: dict[str, int]


def list_sync_peers(uow: UnitOfWork) -> list[PeerRow]:
    return [PeerRow(p.office_code, p.last_export_at, p.last_import_at, dict(p.acked or {}))
            for p in uow.session.scalars(select(SyncPeer).order_by(SyncPeer.office_code))]


def table_title(table: str) -> str:
    """The officer's name for a synchronised table (as an import report lists it)."""
    return table_label(table)
