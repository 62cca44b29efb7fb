"""Optimistic locking: an edit based on an old copy of a record is refused, not applied."""

from __future__ import annotations

from branch_desk.db.base import Synced
from branch_desk.domain.errors import ConflictError


def check_version(row: Synced, expected_version: int, what: str) -> None:
    """Raise ConflictError if `row` changed since the officer loaded `expected_version`."""
    if row.version != expected_version:
        raise ConflictError(
            f"Data {what} ini telah diubah oleh {row.updated_by or 'pengguna lain'} sejak Anda "
            "membukanya. Muat ulang data terbaru lalu ulangi perubahan Anda; "
            "tidak ada yang ditimpa.")
