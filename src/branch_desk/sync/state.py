"""Version vectors, acknowledgements and causal checkpoints.

The own office's vector entry is its change counter (`sync:seq`); for every other origin
it is the highest seq below which every change of that origin is present here
(`sync_vector.contiguous`). A peer's acknowledgement is its vector as carried in its last
file; an export sends every change above it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branch_desk.db.models.core import ChangeEntry, NumberSequence
from branch_desk.db.models.sync_state import SyncKnowledge, SyncPeer, SyncVector
from branch_desk.db.numbering import lock_sequence
from branch_desk.db.recording import CHANGE_SEQ, LAMPORT


def counter(session: Session, name: str) -> int:
    return session.scalar(select(NumberSequence.value).where(NumberSequence.name == name)) or 0


def own_vector(session: Session, self_code: str) -> dict[str, int]:
    vector = {v.origin_office: int(v.contiguous) for v in session.scalars(select(SyncVector))}
    vector[self_code] = counter(session, CHANGE_SEQ)
    return {k: v for k, v in sorted(vector.items()) if v}


def advance_vector(session: Session, self_code: str, origins: Iterable[str]) -> None:
    """Move each origin's contiguous mark up over the changes now present."""
    for origin in sorted(set(origins)):
        if origin == self_code:
            top = session.scalar(select(ChangeEntry.seq).where(
                ChangeEntry.origin_office == origin).order_by(ChangeEntry.seq.desc()).limit(1))
            seq_row = lock_sequence(session, CHANGE_SEQ)
            if top and top > seq_row.value:  # our own changes came back after a restore
                seq_row.value = top
            continue
        row = session.get(SyncVector, origin)
        if row is None:
            row = SyncVector(origin_office=origin, contiguous=0)
            session.add(row)
        mark = int(row.contiguous or 0)
        for seq in session.scalars(select(ChangeEntry.seq).where(
                ChangeEntry.origin_office == origin, ChangeEntry.seq > mark)
                .order_by(ChangeEntry.seq).execution_options(yield_per=10000)):
            if seq != mark + 1:
                break
            mark = seq
        row.contiguous = mark
    session.flush()


def gaps(session: Session, origins: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Per origin with a hole: the first and last missing seq below a change held here (a
    relay that dropped changes, or a file still to come)."""
    found = {}
    for origin in sorted(set(origins)):
        row = session.get(SyncVector, origin)
        mark = int(row.contiguous) if row is not None else 0
        above = session.scalar(select(ChangeEntry.seq).where(
            ChangeEntry.origin_office == origin, ChangeEntry.seq > mark)
            .order_by(ChangeEntry.seq).limit(1))
        if above is not None:
            found[origin] = (mark + 1, int(above) - 1)
    return found


def raise_lamport(session: Session, value: int) -> None:
    row = lock_sequence(session, LAMPORT)
    if value > row.value:
        row.value = value


def record_checkpoint(session: Session, self_code: str) -> None:
    """From the next own change on, this office knows its current vector."""
    vector = own_vector(session, self_code)
    start = counter(session, CHANGE_SEQ) + 1
    row = session.get(SyncKnowledge, (self_code, start))
    if row is None:
        session.add(SyncKnowledge(office=self_code, from_seq=start, vector=vector))
    else:
        row.vector = _max(row.vector, vector)
    session.flush()


def _max(a: dict[str, Any], b: dict[str, Any]) -> dict[str, int]:
    keys = set(a) | set(b)
    return {k: max(int(a.get(k, 0)), int(b.get(k, 0))) for k in sorted(keys)}


def knowledge_rows(session: Session) -> list[list[Any]]:
    return [[k.office, k.from_seq, k.vector] for k in session.scalars(
        select(SyncKnowledge).order_by(SyncKnowledge.office, SyncKnowledge.from_seq))]


def merge_knowledge(session: Session, rows: list[tuple[str, int, dict[str, int]]]) -> None:
    """Add the checked causal checkpoints of a received file."""
    existing = {(k.office, k.from_seq): k for k in session.scalars(select(SyncKnowledge))}
    for office, from_seq, clean in rows:
        key = (office, from_seq)
        if key in existing:
            existing[key].vector = _max(existing[key].vector, clean)
        else:
            row = SyncKnowledge(office=key[0], from_seq=key[1], vector=clean)
            session.add(row)
            existing[key] = row
    session.flush()


class Causality:
    """Answers "had office X seen change (O, t) when it made its change s?"."""

    def __init__(self, session: Session) -> None:
        self._points: dict[str, tuple[list[int], list[dict[str, Any]]]] = {}
        for k in session.scalars(select(SyncKnowledge).order_by(SyncKnowledge.office,
                                                                SyncKnowledge.from_seq)):
            starts, vectors = self._points.setdefault(k.office, ([], []))
            starts.append(int(k.from_seq))
            vectors.append(k.vector)

    def knew(self, office: str, seq: int, other: str, other_seq: int) -> bool:
        if office == other:
            return other_seq < seq
        starts, vectors = self._points.get(office, ([], []))
        i = bisect_right(starts, seq) - 1
        return i >= 0 and int(vectors[i].get(other, 0)) >= other_seq


def peer(session: Session, code: str) -> SyncPeer:
    row = session.get(SyncPeer, code)
    if row is None:
        row = SyncPeer(office_code=code, acked={})
        session.add(row)
        session.flush()
    return row


def update_ack(row: SyncPeer, ack: dict[str, Any]) -> None:
    row.acked = _max(row.acked or {}, ack)
