"""A row's state is a function of its change history: per-field last writer by
(Lamport clock, office code), the same at every office whatever order files came in.

`fold` computes that state from a row's change entries and lists the values that lost a
concurrent edit (conflicts). Owned fields (`db.ownership`) take only the owning office's
changes; another office's edit of one is a proposal for the owner, applied nowhere.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import JSON, Date, DateTime, LargeBinary, Numeric, Table

from branch_desk.db.base import Synced
from branch_desk.db.ownership import owned_fields
from branch_desk.db.serialise import canonical_json, to_json_value
from branch_desk.sync.policy import policy, synced_tables
from branch_desk.sync.state import Causality

META = Synced.SYNC_META


class Change(NamedTuple):
    """One change as it travels: `fields` is None for local-only tables."""

    origin: str
    seq: int
    lamport: int
    table: str
    row_id: str
    op: str
    fields: dict[str, Any] | None
    at: str
    username: str

    @property
    def clock(self) -> tuple[int, str, int]:
        return (self.lamport, self.origin, self.seq)


def _parse_datetime(value: Any) -> Any:
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


@cache
def converters(table_name: str) -> dict[str, Callable[[Any], Any]]:
    """Column → function turning a JSON value back into the column's Python value."""
    table: Table = synced_tables()[table_name]
    result: dict[str, Callable[[Any], Any]] = {}
    for column in table.columns:
        kind = column.type
        if isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
            result[column.key] = _parse_datetime
        elif isinstance(kind, Date):
            result[column.key] = lambda v: date.fromisoformat(v) if isinstance(v, str) else v
        elif isinstance(kind, LargeBinary):
            result[column.key] = lambda v: base64.b64decode(v) if isinstance(v, str) else v
        elif isinstance(kind, Numeric) and not isinstance(kind, JSON):
            result[column.key] = lambda v: Decimal(v) if isinstance(v, str) else v
        else:
            result[column.key] = lambda v: v
    return result


def _default(table: Table, key: str) -> Any:
    column = table.columns[key]
    default = column.default
    if default is None or column.nullable:
        return None
    if getattr(default, "is_scalar", False):
        return default.arg  # type: ignore[attr-defined]
    try:
        return default.arg(None)  # type: ignore[attr-defined]
    except TypeError:
        return None


@dataclass
class Loser:
    kind: str  # conflict | proposal
    field: str
    loser: Change
    winner: Change
    losing_value: Any
    winning_value: Any


@dataclass
class Folded:
    state: dict[str, Any] | None  # JSON values; None while the insert has not arrived
    losers: list[Loser] = field(default_factory=list)


def fold(table: str, changes: Sequence[Change], causality: Causality, self_code: str) -> Folded:
    """The JSON state of one row from all its changes, and what lost."""
    if len(changes) == 1 and changes[0].op == "insert":  # the common case: a new row
        only = changes[0]
        state = dict(only.fields or {})
        state.update(id=only.row_id, origin_office=only.origin,
                     created_at=state.get("created_at") or only.at, updated_at=only.at,
                     updated_by=only.username, lamport=only.lamport)
        return Folded(state)
    ordered = sorted(changes, key=lambda c: c.clock)
    inserts = [c for c in ordered if c.op == "insert"]
    if not inserts:
        return Folded(None)
    first = inserts[0]
    pol = policy(table)
    owner = first.origin
    owned = owned_fields(table)
    state: dict[str, Any] = dict(first.fields or {})
    writers: dict[str, list[Change]] = {}
    foreign: list[Change] = []  # another office's changes of owned fields: proposals
    applied: list[Change] = []  # the changes that set something
    for change in ordered:
        wrote = change.op == "insert"
        for key in (change.fields or {}):
            if key in META:
                continue
            if key in owned and change.origin != owner:
                if not foreign or foreign[-1] is not change:
                    foreign.append(change)
            else:
                writers.setdefault(key, []).append(change)
                wrote = True
        if wrote:
            applied.append(change)
    for key, hist in writers.items():
        state[key] = hist[-1].fields[key]  # type: ignore[index]
    last = applied[-1]
    state.update(id=first.row_id, origin_office=owner,
                 created_at=(first.fields or {}).get("created_at") or first.at,
                 updated_at=last.at, updated_by=last.username,
                 lamport=max(c.lamport for c in applied))
    state.pop("version", None)
    result = Folded(state)
    if pol.kind == "ledger":
        return result
    for key, hist in writers.items():
        if len(hist) < 2:
            continue
        winner = hist[-1]
        won = canonical_json(winner.fields[key])  # type: ignore[index]
        for loser in hist[:-1]:
            value = loser.fields[key]  # type: ignore[index]
            if loser.origin == winner.origin or canonical_json(value) == won:
                continue
            if causality.knew(winner.origin, winner.seq, loser.origin, loser.seq):
                continue
            result.losers.append(Loser("conflict", key, loser, winner, value,
                                       winner.fields[key]))  # type: ignore[index]
    if self_code == owner:
        for change in foreign:
            for key, value in (change.fields or {}).items():
                if key in owned and canonical_json(value) != canonical_json(state.get(key)):
                    current = writers.get(key, [first])[-1]
                    result.losers.append(Loser("proposal", key, change, current, value,
                                               state.get(key)))
    return result


def to_row(table_name: str, state: dict[str, Any]) -> dict[str, Any]:
    """Python column values for writing `state` (a folded JSON state) into the table."""
    row: dict[str, Any] = {}
    for key, convert, default in _plan(table_name):
        value = state.get(key)
        row[key] = default if value is None else convert(value)
    return row


@cache
def _plan(table_name: str) -> tuple[tuple[str, Callable[[Any], Any], Any], ...]:
    table = synced_tables()[table_name]
    conv = converters(table_name)
    return tuple((c.key, conv[c.key], _default(table, c.key)) for c in table.columns
                 if c.key != "version")


def same(a: Any, b: Any) -> bool:
    return canonical_json(to_json_value(a)) == canonical_json(to_json_value(b))
