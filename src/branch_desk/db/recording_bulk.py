"""Bulk inserts with their change-log and audit entries, as fast as the engine allows.

The same entries as `recording`'s flush listener writes for single rows: one change-log
entry and one hash-chained audit entry per row, in the caller's transaction.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from itertools import repeat
from typing import Any

from sqlalchemy import JSON
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from branch_desk.db.base import Synced, utcnow, uuid7
from branch_desk.db.encryption import DriverError, base_error
from branch_desk.db.models.core import AuditEntry, ChangeEntry
from branch_desk.db.recording import (
    REDACTED,
    TransactionCounters,
    audit_hash,
    check_text,
    transaction_counters,
)
from branch_desk.db.serialise import canonical_json, to_json_value
from branch_desk.domain.actor import Actor


def record_bulk_insert(session: Session, actor: Actor, model: type[Synced],
                       rows: Sequence[dict[str, Any]], *,
                       writer: BulkWriter | None = None) -> list[str]:
    """Insert many rows of `model` with executemany, with their change-log and audit
    entries; returns the ids. The rows are plain dicts of column values, all with the keys
    of the first; a column they do not name gets its scalar default.

    Each row's column values are serialised once, as canonical JSON text: that text is the
    change-log `fields`, the audit `after`, and the `after` inside the audit hash, which is
    exactly `audit_hash` of the entry (checked on the first row of every call). On SQLite
    the three inserts go through the driver's executemany, with values converted by the
    columns' own SQLAlchemy bind processors; other engines use core executemany.

    With a `writer` (see `BulkWriter`) the SQLite inserts run on its thread while the
    caller prepares the next rows; they are in the same transaction all the same."""
    if not rows:
        return []
    counters = transaction_counters(session)
    now = utcnow()
    counters.lamport.value += 1
    table = model.__table__  # type: ignore[attr-defined]
    session.info.setdefault("changed_tables", set()).add(table.name)  # what the uow reports
    given = set(rows[0])
    fixed = {k: v for k, v in {
        "origin_office": actor.office, "created_at": now, "updated_at": now,
        "updated_by": actor.username, "lamport": counters.lamport.value, "deleted": False,
        "version": 1}.items() if k not in given}
    for column in table.columns:
        if column.key not in given and column.key not in fixed and column.key != "id":
            fixed[column.key] = _scalar_default(column)
    if not REDACTED.isdisjoint(c.key for c in table.columns):
        raise ValueError(f"{table.name}: rows with secrets are not bulk-inserted")
    for number, row in enumerate(rows, 1):
        check_text(table, row, row=number)
    conn = writer.conn if writer is not None else session.connection()
    texts = _EntryTexts(counters, actor, table.name, now, fixed)
    if conn.dialect.name == "sqlite":
        return _insert_sqlite(conn, texts, table, rows, fixed, writer)
    ids, full, changes, audits = [], [], [], []
    for row in rows:
        values = {"id": uuid7(), **fixed, **row}
        fields = _CANONICAL.encode(values)
        audit_seq, prev, digest = texts.entry(values["id"], fields)
        if not ids:
            texts.check(values["id"], values, fields, audit_seq[1], prev, digest)
        after = json.loads(fields)
        ids.append(values["id"])
        full.append(values)
        changes.append({"origin_office": actor.office, "seq": audit_seq[0],
                        "lamport": counters.lamport.value, "table_name": table.name,
                        "row_id": values["id"], "op": "insert", "fields": after,
                        "at": now, "username": actor.username})
        audits.append({"seq": audit_seq[1], "at": now, "username": actor.username,
                       "office": actor.office, "action": "insert", "table_name": table.name,
                       "row_id": values["id"], "before": None, "after": after, "note": "",
                       "prev_hash": prev, "hash": digest})
    texts.close()
    conn.execute(table.insert(), full)
    conn.execute(ChangeEntry.__table__.insert(), changes)
    conn.execute(AuditEntry.__table__.insert(), audits)
    return ids


def _scalar_default(column: Any) -> Any:
    default = column.default
    if default is None:
        if column.server_default is not None:
            raise ValueError(f"{column}: give a value (server default) in bulk rows")
        return None
    if not default.is_scalar:
        raise ValueError(f"{column}: give a value (callable default) in bulk rows")
    return default.arg


def _json_default(value: Any) -> Any:
    converted = to_json_value(value)
    if converted is value:
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")
    return converted


# canonical_json with to_json_value applied to what JSON cannot hold (dates, bytes, …).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                              default=_json_default)
_ORDERED = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, default=_json_default)
_json_str = json.encoder.encode_basestring  # type: ignore[attr-defined]


class _EntryTexts:
    """Numbers and JSON texts of the change-log and audit entries of one bulk insert."""

    def __init__(self, counters: TransactionCounters, actor: Actor, table: str, now: datetime,
                 fixed: dict[str, Any]) -> None:
        self.counters, self.actor, self.table, self.now = counters, actor, table, now
        # Counted here and stored back by `close`: the counters are ORM rows.
        self.change_seq, self.audit_seq = counters.change_seq.value, counters.audit_seq.value
        at = canonical_json(now.isoformat())
        # audit_hash's body, keys in canonical (sorted) order, split around the row's parts.
        self.head = '{"action":"insert","after":'
        self.middle = f',"at":{at},"before":null,"note":"","office":' \
                      f'{canonical_json(actor.office)},"row_id":'
        self.tail = f',"table_name":{canonical_json(table)},' \
                    f'"username":{canonical_json(actor.username)}}}'

    def entry(self, row_id: str, fields: str) -> tuple[tuple[int, int], str, str]:
        """((change seq, audit seq), previous hash, hash) of one row whose column values
        are `fields`, their canonical JSON text."""
        counters = self.counters
        self.change_seq += 1
        self.audit_seq += 1
        seq = self.audit_seq
        prev = counters.last_hash
        body = f"{self.head}{fields}{self.middle}{_json_str(row_id)},\"seq\":{seq}{self.tail}"
        digest = counters.last_hash = hashlib.sha256((prev + body).encode("utf-8")).hexdigest()
        return (self.change_seq, seq), prev, digest

    def close(self) -> None:
        """Store the numbers taken back into the transaction's counters."""
        self.counters.change_seq.value = self.change_seq
        self.counters.audit_seq.value = self.audit_seq

    def check(self, row_id: str, values: dict[str, Any], fields: str, seq: int, prev: str,
              digest: str) -> None:
        """Refuse to go on if the texts built above are not what `audit_hash` and the
        JSON columns would make of the row (checked on the first row of each call)."""
        expected = audit_hash({
            "seq": seq, "at": self.now.isoformat(), "username": self.actor.username,
            "office": self.actor.office, "action": "insert", "table_name": self.table,
            "row_id": row_id, "before": None, "note": "",
            "after": {k: to_json_value(v) for k, v in values.items()}}, prev)
        if digest != expected or json.loads(fields) != to_json_value(values):
            raise RuntimeError("bulk audit text differs from audit_hash")


def _insert_sqlite(conn: Any, texts: _EntryTexts, table: Any, rows: Sequence[dict[str, Any]],
                   fixed: dict[str, Any], writer: BulkWriter | None) -> list[str]:
    """The three inserts on SQLite, in the session's transaction.

    Wide rows go in as one `INSERT … SELECT … FROM json_each(?)` over a JSON array of the
    rows' values (already converted by the columns' bind processors): SQLite then inserts
    every row inside one statement, without returning to Python between rows (about twice
    as fast as executemany for the 27 columns of a participant, and it leaves the GIL free
    for the caller meanwhile); values JSON cannot carry exactly (bytes, NaN, NUL characters)
    fall back to executemany. Narrow rows (see `_insert`) use executemany."""
    dialect = conn.dialect
    given = [k for k in rows[0] if k != "id"]
    own_ids = "id" not in rows[0]
    columns = {c.key: c for c in table.columns}
    processors = [_processor(columns[k], dialect) for k in given]
    fixed_values = []
    for key, value in fixed.items():
        process = _processor(columns[key], dialect)
        fixed_values.append(process(value) if process else value)
    ids = _uuid7s(len(rows)) if own_ids else [row["id"] for row in rows]
    stored_columns: list[Sequence[Any]] = [ids]
    json_columns: dict[str, Iterable[Any]] = {"id": ids}
    for key, value in fixed.items():
        json_columns[key] = repeat(to_json_value(value))
    for key, process in zip(given, processors, strict=True):
        stored, as_json = _column([row[key] for row in rows], process)
        stored_columns.append(stored)
        json_columns[key] = as_json
    # Each row's values as a dict already in key order: the encoder need not sort them,
    # unless a column holds documents of its own.
    keys = sorted(json_columns)
    nested = any(isinstance(columns[k].type, JSON) for k in (*given, *fixed))
    encode = _CANONICAL.encode if nested else _ORDERED.encode
    full = list(zip(*stored_columns, strict=True))
    changes: list[tuple[Any, ...]] = []
    audits: list[tuple[Any, ...]] = []
    entry = texts.entry
    rows_json = zip(*(json_columns[k] for k in keys), strict=False)  # constants repeat
    for row_id, values in zip(ids, rows_json, strict=True):
        fields = encode(dict(zip(keys, values, strict=True)))
        (change_seq, audit_seq), prev, digest = entry(row_id, fields)
        changes.append((change_seq, row_id, fields))
        audits.append((audit_seq, row_id, fields, prev, digest))
    texts.check(ids[0], {"id": ids[0], **fixed, **rows[0]}, changes[0][2], audits[0][0],
                audits[0][3], audits[0][4])
    texts.close()
    counters, actor = texts.counters, texts.actor
    at = _processor(ChangeEntry.__table__.c.at, dialect)(texts.now)
    before = _processor(AuditEntry.__table__.c.before, dialect)(None)
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(columns[k].name) for k in ("id", *given, *fixed))
    statements = [
        _insert(f"{quote(table.name)} ({names})", 1 + len(given), full, fixed_values),
        _insert("change_log (seq, row_id, fields, origin_office, lamport, table_name, op, at, "
                "username)", 3, changes, [actor.office, counters.lamport.value, texts.table,
                                          "insert", at, actor.username]),
        _insert("audit_log (seq, row_id, after, prev_hash, hash, at, username, office, action, "
                "table_name, before, note)", 5, audits,
                [at, actor.username, actor.office, "insert", texts.table, before, ""])]
    if writer is not None:
        writer.submit(statements)
    else:
        _execute(conn.connection.driver_connection, statements)
    return ids


_JSON_PLAIN = frozenset({str, int, bool, type(None)})


def _column(values: list[Any], process: Any) -> tuple[list[Any], list[Any]]:
    """One column's values as stored (through the bind processor `process`) and as JSON."""
    if process is None and all(v.__class__ in _JSON_PLAIN for v in values):
        return values, values
    cache: dict[Any, tuple[Any, Any]] = {}
    stored, as_json = [], []
    for value in values:
        try:
            db_value, json_value = cache[value]
        except KeyError:
            db_value, json_value = cache[value] = (
                process(value) if process else value, to_json_value(value))
        except TypeError:  # unhashable
            db_value, json_value = process(value) if process else value, to_json_value(value)
        stored.append(db_value)
        as_json.append(json_value)
    return stored, as_json


def _uuid7s(count: int) -> list[str]:
    """`count` time-ordered UUIDs as `uuid7` makes them (same layout), in one go."""
    millis = time.time_ns() // 1_000_000
    head = (millis & ((1 << 48) - 1)) << 80 | 0x7 << 76 | 0b10 << 62
    noise = os.urandom(10 * count)
    out = []
    for start in range(0, 10 * count, 10):
        rand = int.from_bytes(noise[start:start + 10], "big")
        h = f"{head | (rand >> 68 & 0xFFF) << 64 | rand & ((1 << 62) - 1):032x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


_ROWS_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
Statement = tuple[str, Any, bool]  # (sql, parameters, executemany?)


def _insert(target: str, width: int, rows: Sequence[Sequence[Any]],
            constants: list[Any]) -> Statement:
    """`INSERT INTO target` of rows of `width` varying values followed by `constants`.

    Narrow rows (the change log's and audit's few varying values, which carry JSON texts
    that json_each would have to escape and unescape) go through executemany with the
    constants written into the statement; wide rows through `json_each`."""
    if width <= _NARROW:
        marks = ", ".join(["?"] * width + [_literal(c) for c in constants])
        return f"INSERT INTO {target} VALUES ({marks})", rows, True
    select = ", ".join([f"value->>{i}" for i in range(width)] + ["?"] * len(constants))
    try:
        text = _ROWS_JSON.encode(rows)
        if "\\u0000" not in text:
            return (f"INSERT INTO {target} SELECT {select} FROM json_each(?)",
                    (*constants, text), False)
    except (TypeError, ValueError):
        pass
    marks = ", ".join("?" * (width + len(constants)))
    return f"INSERT INTO {target} VALUES ({marks})", [(*r, *constants) for r in rows], True


_NARROW = 5  # varying values per row up to which executemany beats json_each


def _literal(value: Any) -> str:
    """`value` as an SQLite literal (the constants of a bulk insert: codes, names, times)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, str) and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {value!r}")


def _execute(driver: Any, statements: list[Statement]) -> None:
    """Run the statements on the sqlite3 (or sqlcipher3) connection; its errors raised as
    SQLAlchemy's (an `IntegrityError` for a broken constraint), as the session would."""
    cursor = driver.cursor()
    try:
        for sql, parameters, many in statements:
            try:
                (cursor.executemany if many else cursor.execute)(sql, parameters)
            except DriverError as error:
                raise DBAPIError.instance(sql, None, error, base_error(error)) from error
    finally:
        cursor.close()


BULK_CACHE_KIB = -65536  # SQLite page cache while bulk writing: 64 MiB (the default is 2)


class BulkWriter:
    """A second thread for the inserts of `record_bulk_insert(..., writer=...)` on SQLite:
    sqlite3 releases the GIL while SQLite works, so the caller prepares the next rows
    meanwhile. Same connection, same transaction; the inserts run in submission order.

        with BulkWriter(session) as writer:
            record_bulk_insert(session, actor, Model, rows, writer=writer)

    While the block is open the caller must not otherwise use the session. Leaving it waits
    for every insert and raises the first error; leaving it by an exception interrupts them
    (the caller's unit of work then rolls everything back). On other engines the inserts
    simply run in the caller's thread.

    While it is open the connection's SQLite page cache is 64 MiB instead of the default
    2 MiB: the participants' indexes of a large import then stay in memory instead of
    being written out and read back as each chunk lands (a third less time for them)."""

    def __init__(self, session: Session) -> None:
        # Loaded now: the session is not queried while the thread writes.
        transaction_counters(session)
        self.conn = session.connection()
        self._driver = (self.conn.connection.driver_connection
                        if self.conn.dialect.name == "sqlite" else None)
        self._pool: ThreadPoolExecutor | None = None
        self._cache_size = 0
        self._pending: list[Future[None]] = []

    def __enter__(self) -> BulkWriter:
        if self._driver is not None:
            self._cache_size = self._driver.execute("PRAGMA cache_size").fetchone()[0]
            self._driver.execute(f"PRAGMA cache_size={BULK_CACHE_KIB}")
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="bulk-writer")
        return self

    def submit(self, statements: list[Statement]) -> None:
        assert self._pool is not None, "BulkWriter used outside its with-block"
        while self._pending and (self._pending[0].done() or len(self._pending) >= 2):
            self._pending.pop(0).result()  # raises the writer's error; bounds memory
        self._pending.append(self._pool.submit(_execute, self._driver, statements))

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self._pool is None:
            return
        if exc_type is not None and any(not f.done() for f in self._pending):
            self._driver.interrupt()
        self._pool.shutdown(wait=True, cancel_futures=exc_type is not None)
        self._pool = None
        self._driver.execute(f"PRAGMA cache_size={int(self._cache_size)}")
        pending, self._pending = self._pending, []
        if exc_type is None:
            for future in pending:
                future.result()


def _processor(column: Any, dialect: Any) -> Any:
    """The function SQLAlchemy applies to a value of `column` before the driver sees it."""
    return column.type.dialect_impl(dialect).bind_processor(dialect)
