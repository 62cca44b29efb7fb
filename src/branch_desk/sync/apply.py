"""Applying the changes of a verified sync file inside the caller's transaction.

Remote change entries are appended to the local change log unchanged (same origin and
seq, so they relay to third offices); every row they touch is recomputed from its whole
history (`merge.fold`), so the result does not depend on the order files arrive in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, select, text, update
from sqlalchemy.orm import Session

from branch_desk.db.models.core import ChangeEntry
from branch_desk.db.models.sync_state import SyncConflict, SyncQuarantine
from branch_desk.db.ownership import PARENT
from branch_desk.db.recording import CHANGE_SEQ
from branch_desk.db.serialise import canonical_json
from branch_desk.sync import received
from branch_desk.sync.bulk import Bulk
from branch_desk.sync.errors import rejected
from branch_desk.sync.merge import Change, Folded, fold, same, to_row
from branch_desk.sync.policy import exchanged, policy, synced_tables
from branch_desk.sync.provenance import Verifier
from branch_desk.sync.state import Causality, counter

SAMPLE = 50
CHANGE_TABLE = ChangeEntry.__table__


@dataclass
class ApplyStats:
    total: int = 0
    new: int = 0
    already: int = 0
    inserted: int = 0
    updated: int = 0
    pending: int = 0
    conflicts: int = 0
    proposals: int = 0
    tables: dict[str, dict[str, int]] = field(default_factory=dict)
    samples: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    touched: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    updated_ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    max_lamport: int = 0
    origins: set[str] = field(default_factory=set)
    quarantined: list[tuple[Change, str]] = field(default_factory=list)

    def count(self, table: str, what: str) -> None:
        per = self.tables.setdefault(table, {"baru": 0, "diubah": 0})
        per[what] += 1

    def sample(self, kind: str, item: dict[str, Any]) -> None:
        if len(self.samples[kind]) < SAMPLE:
            self.samples[kind].append(item)


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _stored(row: Any) -> Change:
    at = row.at.isoformat() if isinstance(row.at, datetime) else str(row.at)
    return Change(row.origin_office, int(row.seq), int(row.lamport), row.table_name,
                  row.row_id, row.op, row.fields, at, row.username)


class Intake:
    """Turns a file's raw entries into changes, each checked like typed input and against
    its origin's signature; each origin's entries must rise (a change id given twice, or
    out of order, refuses the file)."""

    def __init__(self, session: Session, self_code: str, verifier: Verifier) -> None:
        self.self_code = self_code
        self.own_head = counter(session, CHANGE_SEQ)
        self.verifier = verifier
        self.last_seq: dict[str, int] = {}  # per origin, the last seq seen in the file
        self.counts: dict[str, int] = {}  # per origin, the changes in the file
        # (origin, seq) → why no column here accepts a value of the change
        self.quarantined: dict[tuple[str, int], str] = {}

    def take(self, raw: list[Any]) -> list[Change]:
        changes = []
        for item in raw:
            change = received.parse_change(item, own_code=self.self_code,
                                           own_head=self.own_head)
            last = self.last_seq.get(change.origin, 0)
            if change.seq <= last:
                raise received.malformed(
                    f"perubahan {change.origin}#{change.seq} muncul dua kali atau tidak "
                    "berurutan")
            self.last_seq[change.origin] = change.seq
            self.counts[change.origin] = self.counts.get(change.origin, 0) + 1
            if policy(change.table).kind == "local":
                if change.fields is not None:
                    raise rejected("local_table", f"Perubahan {change.origin}#{change.seq} "
                                   f"membawa isi tabel '{change.table}' yang tidak pernah "
                                   "dikirim antar kantor.")
            else:
                problem = received.field_problem(change)
                if problem is not None:
                    self.quarantined[(change.origin, change.seq)] = problem
            self.verifier.check(change)
            changes.append(change)
        return changes


class Applier:
    """Applies batches of changes; `finish` returns what was done."""

    def __init__(self, session: Session, self_code: str, *, old_columns_ok: bool) -> None:
        self.session = session
        self.self_code = self_code
        self.causality = Causality(session)
        self.stats = ApplyStats()
        self.old_columns_ok = old_columns_ok
        self.tables = synced_tables()
        self.bulk = Bulk(session)
        self.bulk.begin_import([CHANGE_TABLE, *self.tables.values()])
        if self.bulk.postgresql:  # foreign keys are DEFERRABLE there (revision 0007)
            session.execute(text("SET CONSTRAINTS ALL DEFERRED"))
        elif self.bulk.dialect.name == "sqlite":
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
        # rows whose creation is quarantined: their children are quarantined with them
        self.dead: dict[str, set[str]] = defaultdict(set)
        self.owners: dict[tuple[str, str], str] = {}  # (table, id) → its origin office
        for q in session.scalars(select(SyncQuarantine).where(SyncQuarantine.op == "insert")):
            self.dead[q.table_name].add(q.row_id)

    def batch(self, changes: list[Change],
              quarantined: dict[tuple[str, int], str] | None = None) -> None:
        """Apply checked changes (see `Intake`); those `quarantined` are logged (so they
        relay) but applied nowhere."""
        self.stats.total += len(changes)
        fresh = self._drop_known(changes)
        if not fresh:
            return
        self.stats.new += len(fresh)
        for change in fresh:
            self.stats.origins.add(change.origin)
            self.stats.max_lamport = max(self.stats.max_lamport, change.lamport)
        by_row: dict[tuple[str, str], list[Change]] = defaultdict(list)
        for change in fresh:
            problem = (quarantined or {}).get((change.origin, change.seq))
            if problem is not None:
                self._quarantine(change, problem)
            elif exchanged(change.table):
                by_row[(change.table, change.row_id)].append(change)
        histories = self._history(by_row)  # read before this batch's entries are written
        self.bulk.insert(CHANGE_TABLE, [
            {"origin_office": c.origin, "seq": c.seq, "lamport": c.lamport,
             "table_name": c.table, "row_id": c.row_id, "op": c.op,
             "fields": c.fields if c.fields is not None else {}, "at": _at(c.at),
             "username": c.username} for c in fresh])
        for table in self.tables:  # foreign-key order
            keys = [k for k in by_row if k[0] == table]
            if keys:
                self._materialise(table, keys, by_row, histories)

    def _drop_known(self, changes: list[Change]) -> list[Change]:
        by_origin: dict[str, list[Change]] = defaultdict(list)
        for change in changes:
            by_origin[change.origin].append(change)
        fresh: list[Change] = []
        for origin, items in by_origin.items():
            known: dict[int, Any] = {}
            for part in self.bulk.chunks(sorted({c.seq for c in items})):
                for row in self.session.execute(select(
                        ChangeEntry.seq, ChangeEntry.lamport, ChangeEntry.table_name,
                        ChangeEntry.row_id, ChangeEntry.op, ChangeEntry.fields).where(
                        ChangeEntry.origin_office == origin,
                        self.bulk.among(ChangeEntry.seq, part))):
                    known[int(row.seq)] = row
            seen: set[int] = set()
            for change in items:
                row = known.get(change.seq)
                if row is None:
                    if change.seq not in seen:
                        fresh.append(change)
                        seen.add(change.seq)
                    continue
                self.stats.already += 1
                local_only = change.fields is None
                if (int(row.lamport), row.table_name, row.row_id, row.op) != (
                        change.lamport, change.table, change.row_id, change.op) or (
                        not local_only and exchanged(change.table)
                        and canonical_json(row.fields) != canonical_json(change.fields)):
                    raise rejected("restored_backup", f"Perubahan {origin}#{change.seq} dalam "
                                   "berkas berbeda dari yang sudah diterima: kantor "
                                   f"{origin} tampaknya memulihkan cadangan lama dan menomori "
                                   "ulang perubahannya. Hubungi admin kedua kantor.")
        return fresh

    def _history(self, by_row: dict[tuple[str, str], list[Change]]
                 ) -> dict[tuple[str, str], list[Change]]:
        """The stored change entries of the rows this batch touches (none for a row the
        batch creates)."""
        result: dict[tuple[str, str], list[Change]] = defaultdict(list)
        per_table: dict[str, list[str]] = defaultdict(list)
        for table, row_id in by_row:
            per_table[table].append(row_id)
        c = CHANGE_TABLE.c
        for table, ids in per_table.items():
            for part in self.bulk.chunks(ids):
                held = {(q.origin_office, q.seq) for q in self.session.execute(select(
                    SyncQuarantine.origin_office, SyncQuarantine.seq).where(
                    SyncQuarantine.table_name == table,
                    self.bulk.among(SyncQuarantine.row_id, part)))}
                for row in self.session.execute(select(CHANGE_TABLE).where(
                        c.table_name == table, self.bulk.among(c.row_id, part))):
                    if (row.origin_office, row.seq) not in held:
                        result[(table, row.row_id)].append(_stored(row))
        return result

    def _quarantine(self, change: Change, problem: str) -> None:
        self.stats.quarantined.append((change, problem))
        if change.op == "insert":
            self.dead[change.table].add(change.row_id)
        self.session.add(SyncQuarantine(origin_office=change.origin, seq=change.seq,
                                        table_name=change.table, row_id=change.row_id,
                                        op=change.op, reason=problem[:500]))
        self.session.flush()

    def _foreign_child(self, table: Table, state: dict[str, Any]) -> str | None:
        """Why a row may not hang under its parent (`ownership.PARENT`): another office
        owns the claim or bill. None when it may."""
        column = PARENT.get(table.name)
        parent_id = state.get(column) if column else None
        if parent_id is None:
            return None
        (fk,) = table.c[column].foreign_keys
        parent = fk.column.table
        key = (parent.name, parent_id)
        owner = self.owners.get(key)
        if owner is None:
            owner = self.session.execute(select(parent.c.origin_office).where(
                parent.c.id == parent_id)).scalar()
            if owner:
                self.owners[key] = owner
        if owner and owner != state.get("origin_office"):
            return (f"{table.name} milik kantor {state.get('origin_office')} pada "
                    f"{parent.name} milik kantor {owner}: hanya pemilik yang menambahkannya")
        return None

    def _orphan(self, table: Table, state: dict[str, Any]) -> str | None:
        """Why a row refers to one whose creation is quarantined, or None."""
        for fk in table.foreign_keys:
            value = state.get(fk.parent.key)
            if value is not None and value in self.dead.get(fk.column.table.name, ()):
                return (f"menunjuk data {fk.column.table.name} {value} yang dikarantina")
        return None

    def _materialise(self, table_name: str, keys: list[tuple[str, str]],
                     by_row: dict[tuple[str, str], list[Change]],
                     histories: dict[tuple[str, str], list[Change]]) -> None:
        table = self.tables[table_name]
        current: dict[str, Any] = {}
        for part in self.bulk.chunks([k[1] for k in keys]):
            for row in self.session.execute(select(table).where(
                    self.bulk.among(table.c.id, part))):
                current[row.id] = row
        inserts: list[dict[str, Any]] = []
        updates: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for key in keys:
            stored = histories.get(key)
            changes = stored + by_row[key] if stored else by_row[key]
            makers = {c.origin for c in changes if c.op == "insert"}
            if len(makers) > 1:  # a row belongs to the one office that created it
                raise rejected("ownership", f"Berkas membuat ulang data {table_name} "
                               f"{key[1]} yang sudah dibuat kantor lain ("
                               f"{', '.join(sorted(makers))}): kepemilikan data tidak dapat "
                               "diambil alih.")
            folded = fold(table_name, changes, self.causality, self.self_code)
            if folded.state is not None:
                refused = self._orphan(table, folded.state) if key[1] not in current else None
                refused = refused or self._foreign_child(table, folded.state)
                if refused is not None:
                    for change in by_row[key]:
                        self._quarantine(change, refused)
                    continue
            self._losers(table_name, key[1], folded)
            if folded.state is None:
                self.stats.pending += 1
                continue
            values = to_row(table_name, folded.state)
            existing = current.get(key[1])
            if existing is None:
                values["version"] = 1
                inserts.append(values)
                self.stats.inserted += 1
                self.stats.count(table_name, "baru")
                self.stats.touched[table_name].add(key[1])
                self.stats.sample("baru", {"table": table_name, "row_id": key[1]})
                continue
            diff = {k: v for k, v in values.items() if not same(getattr(existing, k), v)}
            if not diff:
                continue
            diff["version"] = int(existing.version or 0) + 1
            updates[tuple(sorted(diff))].append(
                {"b_row": key[1], **{f"b_{k}": v for k, v in diff.items()}})
            self.stats.updated += 1
            self.stats.count(table_name, "diubah")
            self.stats.touched[table_name].add(key[1])
            self.stats.updated_ids[table_name].add(key[1])
            self.stats.sample("diubah", {"table": table_name, "row_id": key[1],
                                         "fields": sorted(k for k in diff if k not in (
                                             "version", "updated_at", "updated_by",
                                             "lamport"))})
        self.bulk.insert(table, inserts)
        for names, rows in updates.items():  # one executemany per set of changed columns
            self.session.execute(update(table).where(table.c.id == bindparam("b_row")).values(
                {n: bindparam(f"b_{n}", type_=table.c[n].type) for n in names}), rows)

    def _losers(self, table: str, row_id: str, folded: Folded) -> None:
        for loser in folded.losers:
            exists = self.session.scalar(select(SyncConflict.id).where(
                SyncConflict.table_name == table, SyncConflict.row_id == row_id,
                SyncConflict.field == loser.field, SyncConflict.kind == loser.kind,
                SyncConflict.losing_office == loser.loser.origin,
                SyncConflict.losing_seq == loser.loser.seq))
            if exists is not None:
                continue
            self.session.add(SyncConflict(
                kind=loser.kind, table_name=table, row_id=row_id, field=loser.field,
                losing_value=loser.losing_value, losing_office=loser.loser.origin,
                losing_seq=loser.loser.seq, losing_lamport=loser.loser.lamport,
                losing_by=loser.loser.username, winning_value=loser.winning_value,
                winning_office=loser.winner.origin, winning_seq=loser.winner.seq))
            if loser.kind == "conflict":
                self.stats.conflicts += 1
            else:
                self.stats.proposals += 1
            self.stats.sample(loser.kind, {"table": table, "row_id": row_id,
                                           "field": loser.field, "losing": loser.losing_value,
                                           "winning": loser.winning_value})
        if folded.losers:
            self.session.flush()


def ledger_tables() -> list[str]:
    return [t for t in synced_tables() if policy(t).kind == "ledger"]


ProgressFn = Callable[[int, int, str], None]
