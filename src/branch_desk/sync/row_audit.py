"""Checking every synchronised row against the history that accounts for it.

A row's state is a function of its change-log entries (`merge.fold`, as every office
computes it). Each entry is itself accounted for: an own change by its hash-chained audit
entry (same operation, time and values) or by the office's own signed proof, another
office's change by that office's signature (`provenance`). So a row written with sqlite3 or
psql outside the program differs from the fold of its history (a changed field), has no
history (an added row), or is missing while its history says it exists (a deleted row);
and an entry of the change log forged, edited or deleted to cover such a write no longer
matches the audit chain or a signature.

The tables and their histories are read in id order side by side, in batches, so memory
does not grow with the database.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Table, Text, cast, func, select
from sqlalchemy.orm import Session

from branch_desk.db.models.core import (
    LOGIN_BOOKKEEPING,
    AuditEntry,
    ChangeEntry,
    NumberSequence,
    Office,
)
from branch_desk.db.models.sync_state import ChangeProof, SyncFile, SyncPeer, SyncQuarantine
from branch_desk.db.recording import CHANGE_SEQ, REDACTED
from branch_desk.db.serialise import canonical_json, to_json_value
from branch_desk.domain.record_labels import field_label, record_subject, table_label, value_text
from branch_desk.sync.merge import Change, fold, same, to_row
from branch_desk.sync.policy import exchanged, synced_tables
from branch_desk.sync.provenance import DIGEST, change_digest, signed_by, travelled
from branch_desk.sync.state import Causality

BATCH = 5000
ROW_ACTIONS = ("insert", "update", "delete")
# Columns written on purpose without a change-log entry: not compared.
UNRECORDED: dict[str, frozenset[str]] = {"users": LOGIN_BOOKKEEPING}


@dataclass(frozen=True)
class RowProblem:
    """One row, or one entry of its history, that its records do not account for.

    `kind`: row_changed (a field differs from its history: `field`, `recorded`, `found`),
    row_added (a row without history), row_deleted (its history says it exists),
    change_unaudited (an own change-log entry without its audit entry or proof),
    audit_unlogged (an audit entry whose change-log entry is gone), change_unproven (another
    office's change its signature does not cover); and of the own change log as a whole
    (no table): changes_missing (a hole), changes_truncated (it ends before a number that
    was counted, signed, sent or acknowledged). `seq` is the row's last audit entry."""

    kind: str
    table: str
    row_id: str
    message: str
    seq: int = 0
    field: str = ""
    recorded: Any = None
    found: Any = None


class RowCheck:
    """The check of every synchronised table of one database: iterate `problems()`;
    `rows` then holds how many data rows were compared."""

    def __init__(self, session: Session, *, own: str, edited: frozenset[int] = frozenset(),
                 progress: Callable[[int, int, str], None] | None = None) -> None:
        self.session = session
        self.own = own
        self.edited = edited  # audit entries whose hash the chain check found broken
        self.progress = progress
        self.rows = 0

    def problems(self) -> Iterator[RowProblem]:
        """The own change log's continuity, then every row, table by table (foreign-key
        order), each in id order."""
        yield from own_log_problems(self.session, self.own)
        proofs = _Proofs(self.session, self.own)
        causality = Causality(self.session)
        tables = synced_tables()
        for done, (name, table) in enumerate(tables.items()):
            if self.progress is not None:
                self.progress(done, len(tables), f"Memeriksa {table_label(name)}…")
            yield from self._table(name, table, proofs, causality)

    def _table(self, name: str, table: Table, proofs: _Proofs,
               causality: Causality) -> Iterator[RowProblem]:
        for row_id, history, audited, current in _aligned(self.session, name, table):
            if current is not None:
                self.rows += 1
            yield from _check_row(name, row_id, history, audited, current, self.own,
                                  self.edited, proofs, causality)


def own_log_problems(session: Session, own: str) -> Iterator[RowProblem]:
    """The own change log against what counts it: its numbers run 1, 2, 3… without a hole,
    up to the change counter, and up to every number already signed for export, sent in a
    file or acknowledged by a peer (those are also held by the other offices)."""
    c = ChangeEntry
    last = 0
    for (seq,) in session.execute(select(c.seq).where(c.origin_office == own)
                                  .order_by(c.seq).execution_options(yield_per=BATCH)):
        if seq > last + 1:
            span = f"#{last + 1}" if seq == last + 2 else f"#{last + 1}–#{seq - 1}"
            yield RowProblem("changes_missing", "", "", seq=0, message=(
                f"perubahan {own} {span} hilang dari log perubahan (dihapus di luar "
                "program)."))
        last = seq
    witnesses = [
        ("penghitung log perubahan", session.scalar(select(NumberSequence.value).where(
            NumberSequence.name == CHANGE_SEQ))),
        ("bukti tanda tangan untuk sinkronisasi", session.scalar(select(
            func.max(ChangeProof.to_seq)).where(ChangeProof.origin_office == own))),
        ("berkas sinkronisasi yang dikirim", session.scalar(select(
            func.max(SyncFile.source_head)).where(SyncFile.direction == "out"))),
    ]
    for peer in session.scalars(select(SyncPeer)):
        acked = (peer.acked or {}).get(own)
        if isinstance(acked, int):
            witnesses.append((f"tanda terima kantor {peer.office_code}", acked))
    for witness, head in witnesses:
        if head is not None and int(head) > last:
            yield RowProblem("changes_truncated", "", "", seq=0, message=(
                f"log perubahan {own} berakhir di #{last}, padahal {witness} mencatat "
                f"sampai #{int(head)}: perubahan terakhir dihapus di luar program."))


def _ordered(session: Session, column: Any) -> ColumnElement[Any]:
    """`column` in byte order on every engine (PostgreSQL's text order follows a locale)."""
    if session.get_bind().dialect.name == "postgresql":
        return column.collate("C")
    return column


def _grouped(rows: Iterator[Any], key: str) -> Iterator[tuple[str, list[Any]]]:
    """Consecutive rows with the same `key` value, as (value, rows)."""
    current: str | None = None
    group: list[Any] = []
    for row in rows:
        value = getattr(row, key)
        if value != current:
            if current is not None:
                yield current, group
            current, group = value, []
        group.append(row)
    if current is not None:
        yield current, group


class _Logged(NamedTuple):
    """A change-log entry as read here: its values parsed, and their stored JSON text."""

    origin_office: str
    seq: int
    lamport: int
    table_name: str
    row_id: str
    op: str
    at: datetime
    username: str
    fields: Any
    text: str

    def change(self) -> Change:
        return Change(self.origin_office, int(self.seq), int(self.lamport), self.table_name,
                      self.row_id, self.op, self.fields, self.at.isoformat(), self.username)



def _aligned(session: Session, name: str, table: Table
             ) -> Iterator[tuple[str, list[Any], list[Any], Any]]:
    """(row id, its change-log entries, its audit entries, its row or None) for every id
    that any of the three holds, in id order."""
    c, a = ChangeEntry, AuditEntry
    held = {(q.origin_office, q.seq) for q in session.execute(select(
        SyncQuarantine.origin_office, SyncQuarantine.seq).where(
        SyncQuarantine.table_name == name))}
    changes = _grouped((_Logged(*r[:-1], _parsed(r.text), r.text) for r in session.execute(
        select(c.origin_office, c.seq, c.lamport, c.table_name, c.row_id, c.op, c.at,
               c.username, cast(c.fields, Text).label("text")).where(c.table_name == name)
        .order_by(_ordered(session, c.row_id), c.origin_office, c.seq)
        .execution_options(yield_per=BATCH))), "row_id")
    audits = _grouped(iter(session.execute(
        select(a.seq, a.row_id, a.action, cast(a.after, Text).label("text"), a.at).where(
            a.table_name == name, a.action.in_(ROW_ACTIONS))
        .order_by(_ordered(session, a.row_id), a.seq).execution_options(yield_per=BATCH))),
        "row_id")
    rows = iter(session.execute(select(table).order_by(_ordered(session, table.c.id))
                                .execution_options(yield_per=BATCH)))
    change_item = next(changes, None)
    audit_item = next(audits, None)
    row = next(rows, None)
    while change_item is not None or audit_item is not None or row is not None:
        row_id = min(k for k in (change_item and change_item[0], audit_item and audit_item[0],
                                 row and row.id) if k is not None)
        history: list[Any] = []
        audited: list[Any] = []
        current = None
        if change_item is not None and change_item[0] == row_id:
            history = change_item[1]
            change_item = next(changes, None)
        if audit_item is not None and audit_item[0] == row_id:
            audited = audit_item[1]
            audit_item = next(audits, None)
        if row is not None and row.id == row_id:
            current = row
            row = next(rows, None)
        yield row_id, [e for e in history if (e.origin_office, e.seq) not in held], \
            audited, current


UNREADABLE = object()  # a change-log entry whose JSON text no longer parses


def _parsed(text: str | None) -> Any:
    try:
        return json.loads(text) if text is not None else None
    except ValueError:
        return UNREADABLE


def _redacted(values: Any) -> Any:
    if not isinstance(values, dict) or REDACTED.isdisjoint(values):
        return values
    return {k: ("***" if k in REDACTED else v) for k, v in values.items()}


def _pair(entry: _Logged, pending: list[Any], edited: frozenset[int]) -> bool:
    """Take from `pending` the audit entry that records the own change `entry` (same
    operation and time, same values — as stored, else once parsed; an entry the chain check
    already reported as edited by operation and time alone, so its edit is reported once).
    Whether there was one."""
    same_moment = [i for i, a in enumerate(pending) if a.action == entry.op and a.at == entry.at]
    found = next((i for i in same_moment if pending[i].text == entry.text), None)
    if found is None and same_moment:
        wanted = canonical_json(_redacted(entry.fields))
        found = next((i for i in same_moment if pending[i].text is not None
                      and (parsed := _parsed(pending[i].text)) is not UNREADABLE
                      and canonical_json(parsed) == wanted), None)
    if found is None:
        found = next((i for i in same_moment if pending[i].seq in edited), None)
    if found is None:
        return False
    del pending[found]
    return True


def _check_row(name: str, row_id: str, history: list[_Logged], audited: list[Any],
               current: Any, own: str, edited: frozenset[int], proofs: _Proofs,
               causality: Causality) -> Iterator[RowProblem]:
    last_seq = audited[-1].seq if audited else 0
    pending = list(audited)
    usable: list[Change] = []

    def known() -> str:
        return _subject(name, current._asdict() if current is not None else {"id": row_id})

    for entry in history:
        if entry.fields is UNREADABLE:
            yield RowProblem(
                "change_unaudited", name, row_id, seq=last_seq, message=(
                    f"{known()}: isi perubahan {entry.origin_office}#{entry.seq} di log "
                    "perubahan rusak (bukan JSON yang sah) — diubah di luar program."))
            continue
        if entry.origin_office == own:
            if not _pair(entry, pending, edited) and not proofs.covers(entry):
                yield RowProblem(
                    "change_unaudited", name, row_id, seq=last_seq, message=(
                        f"{known()}: perubahan {own}#{entry.seq} ({entry.op}) di log "
                        "perubahan tidak tercatat di log audit — log perubahan diubah di luar "
                        "program, atau entri terakhir log audit dihapus."))
                continue
            usable.append(entry.change())
        elif not exchanged(name):
            continue
        elif not proofs.covers(entry):
            yield RowProblem(
                "change_unproven", name, row_id, seq=last_seq, message=(
                    f"{known()}: perubahan {entry.origin_office}#{entry.seq} tidak sesuai "
                    f"dengan tanda tangan kantor {entry.origin_office} — log perubahan "
                    "diubah di luar program."))
            continue
        else:
            usable.append(entry.change())
    for entry in pending:
        yield RowProblem(
            "audit_unlogged", name, row_id, seq=entry.seq, message=(
                f"{known()}: entri audit #{entry.seq} ({entry.action}) tidak punya "
                "pasangan di log perubahan — log perubahan diubah atau dihapus di luar "
                "program."))
    state = fold(name, usable, causality, own).state if usable else None
    if state is None:
        if current is not None:
            yield RowProblem(
                "row_added", name, row_id, seq=last_seq, message=(
                    f"{table_label(name)} {_subject(name, current._asdict())}: data ini ada "
                    "di basis data tetapi tidak pernah dicatat (tanpa log audit) — "
                    "ditambahkan langsung di luar program."))
        return
    if current is None:
        yield RowProblem(
            "row_deleted", name, row_id, seq=last_seq, message=(
                f"{table_label(name)} {_subject(name, state)}: data ini tercatat di log "
                "audit tetapi tidak ada lagi di basis data — dihapus langsung di luar "
                "program."))
        return
    expected = to_row(name, state)
    for key in UNRECORDED.get(name, ()):
        expected.pop(key, None)
    found = current._asdict()
    if all(found[k] == v for k, v in expected.items()):
        return
    subject = _subject(name, state)
    for key, value in expected.items():
        if same(found[key], value):
            continue
        recorded, stored = to_json_value(value), to_json_value(found[key])
        yield RowProblem(
            "row_changed", name, row_id, seq=last_seq, field=key, recorded=recorded,
            found=stored, message=(
                f"{table_label(name)} {subject}: {field_label(key)} tercatat "
                f"'{value_text(recorded)}', di basis data '{value_text(stored)}' — diubah "
                "langsung di luar program."))


def _subject(table: str, values: dict[str, Any]) -> str:
    subject = record_subject(table, {k: to_json_value(v) for k, v in values.items()})
    row_id = values.get("id", "")
    return f"{subject} [{row_id}]" if subject else f"[{row_id}]"


class _Proofs:
    """The signed proofs of every office held here, each signature checked once against
    the key this office knows for its origin."""

    def __init__(self, session: Session, own: str) -> None:
        self.session = session
        self.own = own
        self._by_origin: dict[str, tuple[list[int], list[ChangeProof]]] = {}

    def _of(self, origin: str) -> tuple[list[int], list[ChangeProof]]:
        found = self._by_origin.get(origin)
        if found is None:
            office = self.session.get(Office, origin)
            key = office.public_key if office is not None else None
            valid = [proof for proof in self.session.scalars(select(ChangeProof).where(
                ChangeProof.origin_office == origin).order_by(ChangeProof.from_seq))
                if key and signed_by(key, proof)]
            found = self._by_origin[origin] = ([p.from_seq for p in valid], valid)
        return found

    def covers(self, entry: _Logged) -> bool:
        """Whether a valid signature of its origin covers exactly this change-log entry."""
        starts, proofs = self._of(entry.origin_office)
        i = bisect_right(starts, entry.seq) - 1
        if i < 0 or proofs[i].to_seq < entry.seq:
            return False
        at = (entry.seq - proofs[i].from_seq) * DIGEST
        return bool(proofs[i].digests[at:at + DIGEST] == change_digest(travelled(entry)))
