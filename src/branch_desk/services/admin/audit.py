"""Reading the audit log: checking its hash chain, a record's history, browsing entries."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Text, cast, func, or_, select
from sqlalchemy.orm import Session

from branch_desk.db.models.agreements import Agreement, Certificate
from branch_desk.db.models.claims import Claim, ClaimRecipient
from branch_desk.db.models.contributions import Bill, ContributionEntry
from branch_desk.db.models.core import AuditEntry, AuditSeal, NumberSequence, Office, User
from branch_desk.db.models.participants import Heir, Participant
from branch_desk.db.models.partners import Partner
from branch_desk.db.recording import AUDIT_SEQ, GENESIS_HASH, HEAD_SEAL, audit_hash
from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import PermissionDenied, ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.domain.record_labels import record_subject
from branch_desk.services.uow import UnitOfWork
from branch_desk.sync.row_audit import RowCheck

MAX_PROBLEMS = 50
_BATCH = 5000


@dataclass(frozen=True)
class AuditProblem:
    """One break in the chain, or one row its records do not account for: which entry,
    what kind, the Indonesian explanation and, for a row, which one and what differs.

    Kinds of the chain: edited | missing | unlinked | tail_missing; of its sealed head:
    tail_truncated | seal_missing | seal_mismatch | beyond_seal; of the own change log:
    changes_missing | changes_truncated; of the rows (see
    `sync.row_audit.RowProblem`): row_changed | row_added | row_deleted |
    change_unaudited | audit_unlogged | change_unproven."""

    seq: int
    kind: str
    message: str
    table: str = ""
    row_id: str = ""
    field: str = ""
    recorded: Any = None
    found: Any = None


@dataclass(frozen=True)
class AuditVerification:
    """The result of checking the whole audit chain."""

    ok: bool
    checked: int
    last_seq: int
    head_hash: str
    problems: tuple[AuditProblem, ...] = field(default_factory=tuple)
    rows_checked: int = 0  # data rows compared with their history
    problem_count: int = 0  # every problem found (`problems` holds the first MAX_PROBLEMS)

    @property
    def first_bad_seq(self) -> int | None:
        return self.problems[0].seq if self.problems else None

    @property
    def message(self) -> str:
        if self.ok:
            return (f"Log audit utuh: {self.checked} entri diperiksa, rantai hash tersambung "
                    f"sampai entri #{self.last_seq}; {self.rows_checked} baris data sesuai "
                    "dengan catatannya.")
        more = max(self.problem_count, len(self.problems)) - 1
        extra = f" (dan {more} masalah lain)" if more > 0 else ""
        return f"Log audit TIDAK utuh: {self.problems[0].message}{extra}"


@dataclass(frozen=True)
class AuditRow:
    """One audit entry as shown to a supervisor or admin."""

    seq: int
    at: datetime
    username: str
    office: str
    action: str
    table_name: str
    row_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str
    subject: str = ""  # which record, in words (domain.record_labels.record_subject)


@dataclass(frozen=True)
class AuditFilter:
    """Criteria of the audit browser; empty fields do not filter."""

    table: str = ""
    row_id: str = ""  # one record's id, exactly
    record: str = ""  # what an officer types: a name, KPJ, NIK or document number
    username: str = ""
    action: str = ""
    since: datetime | None = None
    until: datetime | None = None  # exclusive


# before/after as their stored text, parsed here: a damaged JSON text is an edited entry,
# not a traceback.
_HASHED = (AuditEntry.seq, AuditEntry.at, AuditEntry.username, AuditEntry.office,
           AuditEntry.action, AuditEntry.table_name, AuditEntry.row_id,
           cast(AuditEntry.before, Text).label("before"),
           cast(AuditEntry.after, Text).label("after"), AuditEntry.note, AuditEntry.prev_hash,
           AuditEntry.hash)
_UNREADABLE = object()


def _parsed(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return _UNREADABLE


def verify_audit_chain(uow: UnitOfWork, *,
                       progress: Callable[[int, int, str], None] | None = None
                       ) -> AuditVerification:
    """The audit chain and every data row checked (`verify_database`), for a user who may
    read the audit (its problems name records and their values)."""
    _require_view(uow)
    return verify_database(uow.session, progress=progress)


def verify_database(session: Session, *,
                    progress: Callable[[int, int, str], None] | None = None
                    ) -> AuditVerification:
    """Check the audit chain, then every synchronised row against its history.

    The chain: every entry's hash recomputed in seq order. Detects an edited entry (its
    hash no longer matches its content), a deleted one (a gap in seq, or the last entries
    missing against the audit counter) and a reordered or inserted one (its prev_hash does
    not match the entry before it). After a break the check continues from the stored
    hash, so each tampered entry is reported once.

    The rows (`sync.row_audit.check_rows`): a field changed, a row added or deleted outside
    the program, and the change-log entries that no audit entry or signature accounts for
    (which also shows the last audit entries deleted with the counter lowered).

    Takes a bare session so that a restore can check a backup's content before opening it
    as the office database."""
    problems: list[AuditProblem] = []
    total = 0
    expected_seq = 1
    prev = GENESIS_HASH
    checked = 0
    last_seq = 0

    def add(problem: AuditProblem) -> None:
        nonlocal total
        total += 1
        if len(problems) < MAX_PROBLEMS:
            problems.append(problem)

    rows = session.execute(select(*_HASHED).order_by(AuditEntry.seq)).yield_per(_BATCH)
    for row in rows:
        checked += 1
        if row.seq != expected_seq:
            if row.seq > expected_seq:
                span = (f"#{expected_seq}" if row.seq == expected_seq + 1
                        else f"#{expected_seq}–#{row.seq - 1}")
                add(AuditProblem(expected_seq, "missing",
                                 f"entri {span} hilang (dihapus dari log audit)."))
            else:
                add(AuditProblem(row.seq, "unlinked",
                                 f"nomor entri #{row.seq} tidak berurutan."))
        before, after = _parsed(row.before), _parsed(row.after)
        entry = {"seq": row.seq, "at": row.at.isoformat(), "username": row.username,
                 "office": row.office, "action": row.action, "table_name": row.table_name,
                 "row_id": row.row_id, "before": before, "after": after, "note": row.note}
        if row.prev_hash != prev and row.seq == expected_seq:
            add(AuditProblem(row.seq, "unlinked",
                f"entri #{row.seq} tidak tersambung dengan entri sebelumnya (urutan diubah, "
                "atau entri disisipkan atau dihapus)."))
        if (before is _UNREADABLE or after is _UNREADABLE
                or audit_hash(entry, row.prev_hash) != row.hash):
            add(AuditProblem(row.seq, "edited", f"isi entri #{row.seq} ({row.action} pada "
                f"{row.table_name or '-'}, oleh {row.username}) telah diubah setelah dicatat."))
        prev = row.hash
        expected_seq = row.seq + 1
        last_seq = row.seq
    counter = session.get(NumberSequence, AUDIT_SEQ)
    if counter is not None and counter.value > last_seq:
        first = last_seq + 1
        span = f"#{first}" if counter.value == first else f"#{first}–#{counter.value}"
        add(AuditProblem(first, "tail_missing",
            f"entri terakhir {span} hilang: penghitung log audit mencatat {counter.value} "
            f"entri, yang ada hanya sampai #{last_seq}."))
    for problem in _seal_problems(session, last_seq):
        add(problem)
    own = session.scalar(select(Office.code).where(Office.is_self.is_(True)))
    rows_checked = 0
    if own is not None:
        edited = frozenset(p.seq for p in problems if p.kind == "edited")
        check = RowCheck(session, own=own, edited=edited, progress=progress)
        for problem in check.problems():
            add(AuditProblem(problem.seq, problem.kind, problem.message, problem.table,
                             problem.row_id, problem.field, problem.recorded, problem.found))
        rows_checked = check.rows
    return AuditVerification(ok=not total, checked=checked, last_seq=last_seq,
                             head_hash=prev, problems=tuple(problems),
                             rows_checked=rows_checked, problem_count=total)


def _seal_problems(session: Session, last_seq: int) -> list[AuditProblem]:
    """The chain's end against the head sealed at the last commit (`recording._seal_head`):
    entries deleted from the end (even with the counter lowered), or entries appended or
    rewritten after it outside the program."""
    seal = session.get(AuditSeal, HEAD_SEAL)
    if seal is None:
        if last_seq == 0:
            return []
        return [AuditProblem(last_seq, "seal_missing",
                             "segel ujung log audit tidak ada (dihapus di luar program): "
                             "entri terakhir log audit tidak dapat dipastikan lengkap.")]
    if seal.seq > last_seq:
        span = f"#{last_seq + 1}" if seal.seq == last_seq + 1 else f"#{last_seq + 1}–#{seal.seq}"
        return [AuditProblem(last_seq + 1, "tail_truncated",
                             f"entri terakhir {span} hilang: simpanan terakhir menyegel log "
                             f"audit sampai entri #{seal.seq}, yang ada hanya sampai "
                             f"#{last_seq} (entri dihapus dan penghitungnya diturunkan).")]
    stored = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == seal.seq))
    if stored != seal.hash:
        return [AuditProblem(seal.seq, "seal_mismatch",
                             f"entri #{seal.seq} berbeda dari yang disegel saat disimpan: log "
                             "audit ditulis ulang di luar program.")]
    if seal.seq < last_seq:
        return [AuditProblem(seal.seq + 1, "beyond_seal",
                             f"entri #{seal.seq + 1}–#{last_seq} ditambahkan setelah segel "
                             "terakhir, di luar program.")]
    return []


def _require_view(uow: UnitOfWork) -> Actor:
    actor = uow.actor
    if actor is None:
        raise PermissionDenied("Log audit hanya dapat dilihat oleh pengguna yang masuk.")
    actor.require(Permission.VIEW_AUDIT)
    return actor


def _row(e: Any) -> AuditRow:
    return AuditRow(e.seq, e.at, e.username, e.office, e.action, e.table_name, e.row_id,
                    e.before, e.after, e.note,
                    record_subject(e.table_name, {**(e.before or {}), **(e.after or {})}))


# Where a record's own words are when its audit entry does not hold them (an update records
# only the fields it changed): the model and the columns that name it.
_NAMED_BY: dict[str, tuple[Any, tuple[str, ...]]] = {
    "participants": (Participant, ("name", "kpj")), "claims": (Claim, ("number",)),
    "contribution_entries": (ContributionEntry, ("number",)), "contribution_bills": (
        Bill, ("number",)), "agreements": (Agreement, ("number",)),
    "certificates": (Certificate, ("number",)), "partners": (Partner, ("name",)),
    "users": (User, ("username",)), "heirs": (Heir, ("name",)),
    "claim_recipients": (ClaimRecipient, ("name",)),
}


def _with_subjects(uow: UnitOfWork, rows: list[AuditRow]) -> list[AuditRow]:
    """Fill in the subject of rows whose entry did not name its record, one query a table."""
    wanted: dict[str, set[str]] = {}
    for row in rows:
        if not row.subject and row.table_name in _NAMED_BY and row.row_id:
            wanted.setdefault(row.table_name, set()).add(row.row_id)
    found: dict[tuple[str, str], str] = {}
    for table, ids in wanted.items():
        model, columns = _NAMED_BY[table]
        query = select(model.id, *(getattr(model, c) for c in columns)).where(
            model.id.in_(sorted(ids)))
        for record_id, *values in uow.session.execute(query):
            found[(table, record_id)] = record_subject(table, dict(zip(columns, values,
                                                                       strict=True)))
    return [replace(row, subject=found.get((row.table_name, row.row_id), ""))
            if not row.subject else row for row in rows]


def history(uow: UnitOfWork, *, table: str, row_id: str) -> list[AuditRow]:
    """Every audit entry of one record, oldest first (supervisor or admin)."""
    _require_view(uow)
    entries = uow.session.scalars(
        select(AuditEntry).where(AuditEntry.table_name == table, AuditEntry.row_id == row_id)
        .order_by(AuditEntry.seq))
    return _with_subjects(uow, [_row(e) for e in entries])


_MAX_RECORDS = 500


def _records_named(uow: UnitOfWork, text: str, table: str) -> list[str]:
    """The ids of the records an officer means by `text`: a part of a name or a number, or a
    participant's whole NIK (16 digits) — at most `_MAX_RECORDS` of them."""
    wanted = text.strip()
    pattern = f"%{wanted.lower()}%"
    ids: list[str] = []
    for name, (model, columns) in _NAMED_BY.items():
        if table and name != table:
            continue
        matches = [func.lower(getattr(model, column)).like(pattern) for column in columns]
        if model is Participant and wanted.isdigit() and len(wanted) == 16:
            matches.append(Participant.nik == wanted)
        ids += uow.session.scalars(select(model.id).where(or_(*matches)).limit(_MAX_RECORDS))
    return ids[:_MAX_RECORDS]


def _conditions(uow: UnitOfWork, criteria: AuditFilter) -> list[ColumnElement[bool]]:
    if criteria.since and criteria.until and criteria.since >= criteria.until:
        raise ValidationError("Tanggal awal harus sebelum tanggal akhir.", field="since")
    conditions: list[ColumnElement[bool]] = []
    if criteria.table.strip():
        conditions.append(AuditEntry.table_name == criteria.table.strip())
    if criteria.row_id.strip():
        conditions.append(AuditEntry.row_id == criteria.row_id.strip())
    if criteria.record.strip():
        conditions.append(AuditEntry.row_id.in_(
            _records_named(uow, criteria.record, criteria.table.strip())))
    if criteria.username.strip():
        conditions.append(AuditEntry.username == criteria.username.strip())
    if criteria.action.strip():
        conditions.append(AuditEntry.action == criteria.action.strip())
    if criteria.since is not None:
        conditions.append(AuditEntry.at >= criteria.since)
    if criteria.until is not None:
        conditions.append(AuditEntry.at < criteria.until)
    return conditions


def browse(uow: UnitOfWork, *, criteria: AuditFilter, offset: int = 0,
           limit: int = 200) -> list[AuditRow]:
    """A page of audit entries matching `criteria`, newest first (supervisor or admin)."""
    _require_view(uow)
    query = (select(AuditEntry).where(*_conditions(uow, criteria))
             .order_by(AuditEntry.seq.desc()).offset(max(0, offset)).limit(max(1, limit)))
    return _with_subjects(uow, [_row(e) for e in uow.session.scalars(query)])


def count(uow: UnitOfWork, *, criteria: AuditFilter) -> int:
    """How many entries match `criteria`."""
    _require_view(uow)
    query = select(func.count()).select_from(AuditEntry).where(*_conditions(uow, criteria))
    return int(uow.session.scalar(query) or 0)


def audited_tables(uow: UnitOfWork) -> list[str]:
    """The table names that appear in the audit log (for the browser's filter)."""
    _require_view(uow)
    names = uow.session.scalars(select(AuditEntry.table_name).distinct()
                            .order_by(AuditEntry.table_name))
    return [n for n in names if n]


def audit_users(uow: UnitOfWork) -> list[str]:
    """The user names that appear in the audit log."""
    _require_view(uow)
    return list(uow.session.scalars(select(AuditEntry.username).distinct()
                                .order_by(AuditEntry.username)))
