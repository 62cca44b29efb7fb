"""Whether a SQLite file's schema is exactly the one our migrations create at its revision.

A restore must not bring in anything the program did not make: a trigger that rewrites
every recipient's bank account on the next insert, a view or index that changes what a
query returns, a changed column type. The reference is an empty database migrated to the
same revision (built once per revision per process); every table, index, trigger and view
of `sqlite_master` is compared by type, name, table and SQL text (whitespace normalised),
and the header settings below by value. SQLite's own bookkeeping tables (`sqlite_sequence`,
`sqlite_stat1`/`sqlite_stat4` written by ANALYZE) are allowed; attached databases are not
stored in a file, so there is nothing of theirs to compare.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from branch_desk.db.encryption import connect
from branch_desk.db.engine import Database
from branch_desk.db.migrate import known_revisions, upgrade

# SQLite creates and fills these itself; they hold statistics, never code.
INTERNAL_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"})
# File-level settings that must be what the migrations leave.
PRAGMAS = ("encoding", "user_version", "application_id")
KIND_LABELS = {"table": "tabel", "index": "indeks", "trigger": "trigger", "view": "view"}

SchemaObject = tuple[str, str]  # (type, name)
Schema = dict[SchemaObject, tuple[str, str]]  # → (table it belongs to, normalised SQL)


def normalise_sql(sql: str | None) -> str:
    """The SQL text with runs of whitespace made one space and none beside brackets and
    commas; None (SQLite's implicit indexes) becomes ''."""
    if not sql:
        return ""
    text = re.sub(r"\s+", " ", sql.strip())
    return re.sub(r"\s*([(),])\s*", r"\1", text)


def read_schema(conn: Any) -> tuple[Schema, dict[str, str]]:
    """The schema objects and file-level settings of an open connection."""
    objects: Schema = {}
    for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"):
        objects[(kind, name)] = (table, normalise_sql(sql))
    settings = {p: str(conn.execute(f"PRAGMA {p}").fetchone()[0]) for p in PRAGMAS}
    return objects, settings


@cache
def reference_schema(revision: str) -> tuple[Schema, dict[str, str]]:
    """What the migrations create at `revision`, read from an empty database migrated
    there in a temporary folder (once per revision per process)."""
    if revision not in known_revisions():
        raise ValueError(f"unknown revision {revision}")
    with tempfile.TemporaryDirectory(prefix="branch-desk-schema-") as folder:
        path = Path(folder) / "reference.db"
        db = Database(path)
        try:
            upgrade(db, revision=revision)
        finally:
            db.dispose()
        conn = sqlite3.connect(path)
        try:
            return read_schema(conn)
        finally:
            conn.close()


def _label(key: SchemaObject) -> str:
    kind, name = key
    return f"{KIND_LABELS.get(kind, kind)} `{name}`"


def schema_differences(path: Path, revision: str, *, key: bytes | None = None) -> list[str]:
    """What in the SQLite file `path` (opened with `key` when it is encrypted) differs from
    the schema of `revision`, each in one Indonesian sentence; empty when the schema is
    exactly ours."""
    expected, expected_settings = reference_schema(revision)
    conn = connect(path, key=key, read_only=True)
    try:
        found, settings = read_schema(conn)
    finally:
        conn.close()
    problems = []
    for key in sorted(found.keys() - expected.keys()):
        if key[0] == "table" and key[1] in INTERNAL_TABLES:
            continue
        problems.append(f"memuat {_label(key)} (pada tabel `{found[key][0]}`) yang tidak "
                        "dibuat oleh program")
    for key in sorted(expected.keys() - found.keys()):
        problems.append(f"tidak memuat {_label(key)} yang dibuat oleh program")
    for key in sorted(found.keys() & expected.keys()):
        if found[key] != expected[key]:
            problems.append(f"memuat {_label(key)} yang definisinya berbeda dari buatan program")
    for name in PRAGMAS:
        if settings[name] != expected_settings[name]:
            problems.append(f"memakai pengaturan berkas {name} = {settings[name]} (program: "
                            f"{expected_settings[name]})")
    return problems
