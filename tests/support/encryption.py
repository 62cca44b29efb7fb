"""Reading an office database file the way an auditor would: with its key, through SQLCipher."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3


def connect_keyed(path: Path | str, key: bytes | None = None) -> Any:
    """A sqlcipher3 connection to `path`, keyed with `key` or, when None, with the key this
    computer keeps for it (none kept: opened as a plain file)."""
    from branch_desk.services.encryption import find_key

    if key is None:
        found = find_key(Path(path))
        key = found.key if found else None
    conn = sqlcipher3.connect(str(path))
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn
