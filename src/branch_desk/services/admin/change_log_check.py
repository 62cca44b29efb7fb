"""Whether the office's own change log says what its audit log says.

The change log is what the office sends to its peers and signs when it exports
(`sync.provenance.seal_own`); its JSON is in no index, so a flipped byte there passes
`PRAGMA integrity_check` and would travel, signed, to every peer. Each own change was
written in the same step as an audit entry with the same table, record, action, user and
values (`db.recording._append`, `db.recording_bulk`), and the audit entries are hash-chained:
so every own change must find its audit entry, in order, with the same values (secrets
masked as the audit masks them). Changes received from other offices carry their origin's
signature (`change_proofs`) and are checked by whoever receives them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from branch_desk.db.models.core import AuditEntry, ChangeEntry
from branch_desk.db.recording import REDACTED
from branch_desk.services.admin.offices import own_office_code
from branch_desk.services.uow import UnitOfWork

_BATCH = 5000
DATA_ACTIONS = ("insert", "update", "delete")


def _masked(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if not values:
        return values
    return {k: ("***" if k in REDACTED else v) for k, v in values.items()}


def change_log_problem(uow: UnitOfWork) -> str | None:
    """The first own change-log entry that no audit entry vouches for, in Indonesian; None
    when every one matches its audit entry."""
    session = uow.session
    own = own_office_code(uow)
    audits: Iterator[Any] = iter(session.execute(
        select(AuditEntry.seq, AuditEntry.table_name, AuditEntry.row_id, AuditEntry.action,
               AuditEntry.username, AuditEntry.after)
        .where(AuditEntry.action.in_(DATA_ACTIONS)).order_by(AuditEntry.seq)
    ).yield_per(_BATCH))
    changes = session.execute(
        select(ChangeEntry.seq, ChangeEntry.table_name, ChangeEntry.row_id, ChangeEntry.op,
               ChangeEntry.username, ChangeEntry.fields)
        .where(ChangeEntry.origin_office == own).order_by(ChangeEntry.seq)
    ).yield_per(_BATCH)
    for change in changes:
        key = (change.table_name, change.row_id, change.op, change.username)
        audit = next((a for a in audits
                      if (a.table_name, a.row_id, a.action, a.username) == key), None)
        if audit is None:
            return (f"perubahan #{change.seq} ({change.op} pada {change.table_name}) di log "
                    "perubahan tidak tercatat di log audit")
        if _masked(change.fields) != audit.after:
            return (f"isi perubahan #{change.seq} ({change.op} pada {change.table_name}) di "
                    f"log perubahan berbeda dari entri audit #{audit.seq}")
    return None
