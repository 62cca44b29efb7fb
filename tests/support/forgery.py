"""A trusted insider's tools: its database edited directly and its own keys signing crafted
sync files (the attacks of the hostile-insider tests)."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import select

from branch_desk.db.base import uuid7
from branch_desk.db.models.core import ChangeEntry
from branch_desk.db.serialise import canonical_json
from branch_desk.sync import keys, provenance
from branch_desk.sync.archive import ArchiveWriter
from branch_desk.sync.policy import exchanged
from tests.support.sync import SyncOffice

_serials = itertools.count(1000)


def logged(office: SyncOffice) -> list[list[Any]]:
    """Every entry of `office`'s change log as a sync file carries it."""
    with office.uow(write=False) as uow:
        rows = uow.session.scalars(select(ChangeEntry).order_by(
            ChangeEntry.origin_office, ChangeEntry.seq)).all()
        return [[r.origin_office, r.seq, r.lamport, r.table_name, r.row_id, r.op,
                 r.fields if exchanged(r.table_name) else None, r.at.isoformat(), r.username]
                for r in rows]


def craft(office: SyncOffice, target: str, entries: list[list[Any]], out: Path, *,
          ack: Any = None, knowledge: Any = None, manifest: dict[str, Any] | None = None,
          proofs: Any = None, keys_of: list[list[str]] | None = None) -> Path:
    """A sync file from `office` to `target` holding `entries`, signed with `office`'s own
    key; the proof of every origin's entries signed with `office`'s key too, whatever
    origin they claim, unless `proofs` (the provenance batches) is given. `manifest`
    overrides the manifest's values; `keys_of` are the office keys the file introduces."""
    with office.uow() as uow:
        own, _ = keys.own_keys(uow.session)
        signer = keys.signing_key(own)
        recipient = keys.peer_keys(uow.session, target)[1].enc_public_key
        head = max([e[1] for e in entries if e[0] == office.code] or [0])
    ranges: dict[str, dict[str, int]] = {}
    for entry in entries:
        span = ranges.setdefault(entry[0], {"from": entry[1], "to": entry[1], "count": 0})
        span["to"] = entry[1]
        span["count"] = min(span["count"] + 1, span["to"] - span["from"] + 1)
    if proofs is None:
        proofs = [provenance.sign_batch(run[0][0], run, signer) for run in _runs(entries)]
    writer = ArchiveWriter(out, file_id=uuid7(), source=office.code,
                           target=target, recipient_key=recipient)
    for entry in entries:
        writer.add(entry)
    values = {"created_at": "2025-06-16T02:30:00+00:00", "schema_revision": _revision(office),
              "serial": next(_serials), "source_head": head, "source_name": office.code,
              "ranges": ranges, "counts": {}, "acked_by_target": {}, "digest": {},
              **(manifest or {})}
    return writer.finish(values, ack if ack is not None else {office.code: head},
                         knowledge if knowledge is not None else [], signer,
                         {"batches": proofs, "keys": keys_of or []})


def signed_by(office: SyncOffice, entries: list[list[Any]]) -> list[list[Any]]:
    """Proofs over `entries` made with `office`'s own signing key."""
    with office.uow(write=False) as uow:
        signer = keys.signing_key(keys.own_keys(uow.session)[0])
    return [provenance.sign_batch(run[0][0], run, signer) for run in _runs(entries)]


def _runs(entries: list[list[Any]]) -> list[list[list[Any]]]:
    """`entries` cut into runs of consecutive changes of one origin (repeats left out)."""
    runs: list[list[list[Any]]] = []
    for entry in sorted(entries, key=lambda e: (e[0], e[1])):
        last = runs[-1][-1] if runs else None
        if last is not None and last[0] == entry[0] and last[1] == entry[1]:
            continue
        if last is not None and last[0] == entry[0] and last[1] + 1 == entry[1]:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return runs


def _revision(office: SyncOffice) -> str:
    from branch_desk.sync.exchange import schema_revision

    with office.uow(write=False) as uow:
        return str(schema_revision(uow.session))


def write_sql(office: SyncOffice, sql: str, *params: Any) -> None:
    """Run `sql` on `office`'s database file with sqlite3, around the program."""
    office.db.dispose()
    with sqlite3.connect(office.path) as conn:
        conn.execute(sql, params)
    conn.close()


def log_change(office: SyncOffice, entry: list[Any]) -> None:
    """Append `entry` to `office`'s change log directly (as an insider with sqlite3 can)."""
    origin, seq, lamport, table, row_id, op, fields, at, username = entry
    write_sql(office, "INSERT INTO change_log (origin_office, seq, lamport, table_name, "
              "row_id, op, fields, at, username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              origin, seq, lamport, table, row_id, op, canonical_json(fields or {}),
              at.replace("T", " ").replace("+00:00", ""), username)


def stored_proofs(office: SyncOffice, origin: str) -> list[list[Any]]:
    """The proofs of `origin` that `office` holds, as files carry them (to relay them)."""
    with office.uow(write=False) as uow:
        return [provenance.wire(p) for p in provenance.proofs_above(uow.session, origin, 0)]


def plant_own_change(path: Path, office: str, table: str, row_id: str,
                     fields: dict[str, Any], *, lamport: int) -> int:
    """As an insider with sqlite3 on `office`'s database file at `path`: change a row and
    log the change as the office's own next change (so the office's key will sign it).
    Returns the change's seq."""
    with sqlite3.connect(path) as conn:
        seq = conn.execute("SELECT value FROM number_sequences WHERE name = 'sync:seq'"
                           ).fetchone()[0] + 1
        conn.execute("UPDATE number_sequences SET value = ? WHERE name = 'sync:seq'", (seq,))
        sets = ", ".join(f"{k} = ?" for k in fields)
        conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*fields.values(), row_id))
        conn.execute("INSERT INTO change_log (origin_office, seq, lamport, table_name, row_id, "
                     "op, fields, at, username) VALUES (?, ?, ?, ?, ?, 'update', ?, "
                     "'2025-06-16 03:00:00.000000', 'admin')",
                     (office, seq, lamport, table, row_id, canonical_json(fields)))
    conn.close()
    return int(seq)


def plant_own_insert(path: Path, office: str, table: str, fields: dict[str, Any], *,
                     lamport: int) -> str:
    """As an insider with sqlite3: log a new row of `table` (all its columns in `fields`,
    a fresh id) as `office`'s own next change, without writing the row itself. Its id."""
    row_id = uuid7()
    values = {**fields, "id": row_id, "origin_office": office}
    with sqlite3.connect(path) as conn:
        seq = conn.execute("SELECT value FROM number_sequences WHERE name = 'sync:seq'"
                           ).fetchone()[0] + 1
        conn.execute("UPDATE number_sequences SET value = ? WHERE name = 'sync:seq'", (seq,))
        conn.execute("INSERT INTO change_log (origin_office, seq, lamport, table_name, row_id, "
                     "op, fields, at, username) VALUES (?, ?, ?, ?, ?, 'insert', ?, "
                     "'2025-06-16 03:00:00.000000', 'admin')",
                     (office, seq, lamport, table, row_id, canonical_json(values)))
    conn.close()
    return row_id
