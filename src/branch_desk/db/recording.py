"""Audit log and change log, written in the same transaction as the change itself.

A session listener sees every synchronised row a service adds or changes, stamps its
sync columns, and appends one change-log entry and one hash-chained audit entry per
row. Services cannot write around it; bulk paths use
`recording_bulk.record_bulk_insert`, which writes the same entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import String, Table, Text, event, inspect, select
from sqlalchemy.orm import Session

from branch_desk.db.base import Synced, utcnow, uuid7
from branch_desk.db.models.core import AuditEntry, AuditSeal, ChangeEntry, NumberSequence
from branch_desk.db.numbering import lock_sequence
from branch_desk.db.ownership import PARENT, owned_fields
from branch_desk.db.serialise import canonical_json, sha256_hex, to_json_value
from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.text import text_problem

GENESIS_HASH = "0" * 64
# Secrets never shown in the audit log (the change log still carries them to peers).
REDACTED = frozenset({"password_hash", "private_key"})
LAMPORT = "sync:lamport"
CHANGE_SEQ = "sync:seq"
AUDIT_SEQ = "audit:seq"
HEAD_SEAL = "head"  # the `audit_seals` row holding the chain's head


@dataclass
class TransactionCounters:
    """The numbers a transaction takes as it records: the lamport clock, the last
    change-log and audit sequence numbers and the audit chain's last hash. Loaded once per
    transaction under lock (`transaction_counters`), shared by the flush listener and
    `recording_bulk`."""

    lamport: NumberSequence
    change_seq: NumberSequence
    audit_seq: NumberSequence
    last_hash: str


def transaction_counters(session: Session) -> TransactionCounters:
    """The counters of the session's open transaction (locked and loaded on first use,
    dropped at commit or rollback)."""
    counters = session.info.get("counters")
    if counters is None:
        with session.no_autoflush:
            lamport = lock_sequence(session, LAMPORT)
            change_seq = lock_sequence(session, CHANGE_SEQ)
            audit_seq = lock_sequence(session, AUDIT_SEQ)
            last = session.scalar(
                select(AuditEntry.hash).where(AuditEntry.seq == audit_seq.value)
            )
        counters = TransactionCounters(lamport, change_seq, audit_seq, last or GENESIS_HASH)
        session.info["counters"] = counters
    return counters


def audit_hash(entry: dict[str, Any], prev_hash: str) -> str:
    """The chained hash of one audit entry (the fields below, and the previous hash)."""
    body = {k: entry[k] for k in ("seq", "at", "username", "office", "action", "table_name",
                                  "row_id", "before", "after", "note")}
    return sha256_hex(prev_hash + canonical_json(body))


def _audit_values(counters: TransactionCounters, actor: Actor, action: str, table: str,
                  row_id: str, before: dict[str, Any] | None, after: dict[str, Any] | None,
                  note: str, at: datetime) -> dict[str, Any]:
    counters.audit_seq.value += 1
    before, after = _redact(before), _redact(after)
    entry = {"seq": counters.audit_seq.value, "at": at.isoformat(), "username": actor.username,
             "office": actor.office, "action": action, "table_name": table, "row_id": row_id,
             "before": before, "after": after, "note": note}
    entry["prev_hash"] = counters.last_hash
    entry["hash"] = audit_hash(entry, counters.last_hash)
    counters.last_hash = entry["hash"]
    entry["at"] = at
    return entry


def _redact(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if not values or REDACTED.isdisjoint(values):
        return values
    return {k: ("***" if k in REDACTED else v) for k, v in values.items()}


def record_event(session: Session, actor: Actor, action: str, *, table: str = "",
                 row_id: str = "", note: str = "", details: dict[str, Any] | None = None) -> None:
    """Audit a sensitive read or an action with no row change (viewing a full NIK,
    exporting personal data, printing a claim file, a failed login)."""
    counters = transaction_counters(session)
    session.add(AuditEntry(**_audit_values(counters, actor, action, table, row_id, None,
                                            to_json_value(details), note, utcnow())))


@cache
def text_columns(table: Table) -> tuple[tuple[str, int | None], ...]:
    """The text columns of `table` and their lengths (None: unbounded)."""
    return tuple((c.key, getattr(c.type, "length", None)) for c in table.columns
                 if isinstance(c.type, String | Text))


def check_text(table: Table, values: dict[str, Any], *, row: int | None = None) -> None:
    """Refuse text that would not fit its column on every engine (too long for PostgreSQL,
    a NUL byte, control characters): at entry, so no office's file is refused later."""
    for key, length in text_columns(table):
        value = values.get(key)
        if isinstance(value, str):
            problem = text_problem(value, length=length)
            if problem is not None:
                where = f"Baris {row}: " if row is not None else ""
                raise ValidationError(f"{where}Isian '{key}' {problem}.", field=key, row=row)


def column_values(obj: Synced) -> dict[str, Any]:
    """Every column of `obj` as the change log stores it (JSON-ready values)."""
    mapper = inspect(obj).mapper
    return {c.key: to_json_value(getattr(obj, c.key)) for c in mapper.column_attrs}


def _apply_defaults(obj: Synced) -> None:
    """Give a new row's unset columns their scalar defaults (and the first version) now,
    so its change-log and audit entries hold the values the database will store."""
    mapper = inspect(obj).mapper
    for attr in mapper.column_attrs:
        if getattr(obj, attr.key) is not None:
            continue
        column = attr.columns[0]
        if column is mapper.version_id_col:
            setattr(obj, attr.key, 1)
        elif column.default is not None and column.default.is_scalar:
            setattr(obj, attr.key, column.default.arg)


def _changed(obj: Synced) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in Synced.SYNC_META:
            continue
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                before[attr.key] = to_json_value(old)
                after[attr.key] = to_json_value(new)
    return before, after


def _on_before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    actor: Actor | None = session.info.get("actor")
    if actor is None or session.info.get("applying_sync"):
        return
    new = [o for o in session.new if isinstance(o, Synced)]
    dirty = [o for o in session.dirty if isinstance(o, Synced) and session.is_modified(o)]
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise RuntimeError("synchronised rows are tombstoned (deleted=True), never deleted")
    if not new and not dirty:
        return
    counters = transaction_counters(session)
    now = utcnow()
    counters.lamport.value += 1
    for obj in new:
        if not obj.id:
            obj.id = uuid7()
        obj.origin_office = obj.origin_office or actor.office
        obj.created_at = obj.created_at or now
        obj.updated_at, obj.updated_by, obj.lamport = now, actor.username, counters.lamport.value
        _apply_defaults(obj)
        values = column_values(obj)
        check_text(obj.__table__, values)  # type: ignore[attr-defined]
        _check_parent(session, obj, actor)
        _append(session, counters, actor, "insert", obj, None, values, now)
    for obj in dirty:
        before, after = _changed(obj)
        if not after:
            continue
        check_text(obj.__table__, after)  # type: ignore[attr-defined]
        if PARENT.get(obj.__tablename__) in after:  # type: ignore[attr-defined]
            _check_parent(session, obj, actor)
        proposed = _withhold_owned(obj, actor, after)
        if len(proposed) < len(after):
            obj.updated_at, obj.updated_by = now, actor.username
            obj.lamport = counters.lamport.value
        action = ("delete" if after.get("deleted") is True and "deleted" not in proposed
                  else "update")
        note = (f"usulan untuk kantor {obj.origin_office}: {', '.join(sorted(proposed))}"
                if proposed else "")
        _append(session, counters, actor, action, obj, before, after, now, note)


def _check_parent(session: Session, obj: Synced, actor: Actor) -> None:
    """Only the office owning a claim (a bill) adds or moves its recipients, documents,
    benefit lines and steps (lines): another office's would be applied nowhere."""
    table = obj.__table__  # type: ignore[attr-defined]
    column = PARENT.get(table.name)
    parent_id = getattr(obj, column) if column else None
    if parent_id is None:
        return
    (fk,) = table.c[column].foreign_keys
    parent = fk.column.table
    with session.no_autoflush:
        owner = session.execute(select(parent.c.origin_office).where(
            parent.c.id == parent_id)).scalar()
    if owner and owner != actor.office:
        raise ValidationError(f"Data ini milik kantor {owner}: hanya kantor itu yang dapat "
                              "mengubah atau menambahinya. Ajukan lewat kantor tersebut.",
                              field=column)


def _withhold_owned(obj: Synced, actor: Actor, after: dict[str, Any]) -> set[str]:
    """Put back the owned fields (`ownership.OWNED`) of a row another office owns: the edit
    is recorded and travels as a proposal for the owner, but changes nothing here — as at
    every other office. The fields withheld."""
    owned = owned_fields(obj.__tablename__)  # type: ignore[attr-defined]
    if not owned or not obj.origin_office or obj.origin_office == actor.office:
        return set()
    keys = owned & after.keys()
    state = inspect(obj)
    for key in keys:
        hist = state.attrs[key].history
        setattr(obj, key, hist.deleted[0] if hist.deleted else None)
    return keys


def _append(session: Session, counters: TransactionCounters, actor: Actor, action: str,
            obj: Synced, before: dict[str, Any] | None, after: dict[str, Any],
            now: datetime, note: str = "") -> None:
    table = obj.__tablename__  # type: ignore[attr-defined]
    counters.change_seq.value += 1
    session.add(ChangeEntry(origin_office=actor.office, seq=counters.change_seq.value,
                            lamport=counters.lamport.value, table_name=table, row_id=obj.id,
                            op=action, fields=after, at=now, username=actor.username))
    session.add(AuditEntry(**_audit_values(counters, actor, action, table, obj.id, before, after,
                                            note, now)))


def install(session_factory: Any) -> None:
    """Attach the listener to a sessionmaker (idempotent).

    The factory is marked rather than asked with `event.contains`, which can answer True
    for a new factory that reuses the memory id of a collected one."""
    if getattr(session_factory, "_bd_recording", False):
        return
    event.listen(session_factory, "before_flush", _on_before_flush)
    event.listen(session_factory, "before_commit", _seal_head)
    event.listen(session_factory, "after_commit", _reset)
    event.listen(session_factory, "after_rollback", _reset)
    session_factory._bd_recording = True


def _seal_head(session: Session) -> None:
    """Store the chain's head (last seq and hash) in `audit_seals`, in the transaction
    that wrote the entries: a log whose last entries are deleted, with the counter
    lowered, then ends before its seal."""
    session.flush()
    counters = session.info.get("counters")
    if counters is None or counters.last_hash == GENESIS_HASH:
        return
    seal = session.get(AuditSeal, HEAD_SEAL)
    if seal is None:
        seal = AuditSeal(name=HEAD_SEAL)
        session.add(seal)
    seal.seq, seal.hash = counters.audit_seq.value, counters.last_hash
    session.flush()


def _reset(session: Session) -> None:
    session.info.pop("counters", None)
