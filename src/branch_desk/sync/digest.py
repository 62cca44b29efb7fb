"""Per-table digests of the shared records: count and a hash over every row in id order.

Only exchanged tables are covered, and only the columns every office computes the same way
(everything except the local optimistic-locking `version`).
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branch_desk.db.serialise import canonical_json, to_json_value
from branch_desk.sync.policy import exchanged, synced_tables


def compute(session: Session) -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = {}
    for name, table in synced_tables().items():
        if not exchanged(name):
            continue
        columns = [c for c in table.columns if c.key != "version"]
        sha = hashlib.sha256()
        count = 0
        for row in session.execute(select(*columns).order_by(table.c.id)
                                   .execution_options(yield_per=5000)):
            sha.update(canonical_json([to_json_value(v) for v in row]).encode())
            sha.update(b"\n")
            count += 1
        result[name] = {"count": count, "hash": sha.hexdigest()}
    return result


def compare(mine: dict[str, Any], theirs: dict[str, Any] | None) -> list[dict[str, Any]]:
    """One line per table: both counts and whether the hashes agree."""
    lines = []
    theirs = theirs or {}
    for name in sorted(set(mine) | set(theirs)):
        a, b = mine.get(name), theirs.get(name)
        lines.append({"table": name, "ours": a["count"] if a else None,
                      "theirs": b["count"] if b else None,
                      "same": bool(a and b and a["hash"] == b["hash"])})
    return lines
