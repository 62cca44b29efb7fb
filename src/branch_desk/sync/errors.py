"""Why a sync file or identity file is refused; every message is shown to the officer."""

from __future__ import annotations

from branch_desk.domain.errors import DomainError


class SyncRejected(DomainError):
    """The file is refused; nothing in the database was changed.

    `reason` is a short stable code (tests and the UI key on it), `message` Indonesian
    (kept alone as `detail`).
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message + " Basis data tidak diubah.")
        self.reason = reason
        self.detail = message


def rejected(reason: str, message: str) -> SyncRejected:
    return SyncRejected(reason, message)
