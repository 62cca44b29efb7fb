"""Same NIK registered offline in two offices: found after an import, merged by an officer.

A merge keeps both histories: every row of any synchronised table that points at the
merged-away participant (payments, claims, heirs, enrolments, …) is re-pointed to the kept
participant through ordinary recorded edits, and the merged-away participant is tombstoned
with a note; nothing is physically deleted, and the edits travel to the other offices.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from branch_desk.db.base import Synced, utcnow
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.sync_state import DuplicateCase
from branch_desk.sync.bulk import Bulk
from branch_desk.sync.policy import model_for, synced_tables


def detect(session: Session, participant_ids: Iterable[str]) -> int:
    """Open a case for every live participant sharing a NIK with one of `participant_ids`."""
    bulk = Bulk(session)
    live = Participant.deleted.is_(False)
    made = 0
    pairs: set[tuple[str, str]] = set()
    for part in bulk.chunks(list(participant_ids)):
        niks = sorted({n for n in session.scalars(select(Participant.nik).where(
            bulk.among(Participant.id, part), live)) if n})
        by_nik: dict[str, list[str]] = {}
        for nik_part in bulk.chunks(niks):
            for pid, nik in session.execute(select(Participant.id, Participant.nik).where(
                    bulk.among(Participant.nik, nik_part), live)):
                by_nik.setdefault(nik, []).append(pid)
        for nik, same in by_nik.items():
            same.sort()
            for a_index, first in enumerate(same):
                for second in same[a_index + 1:]:
                    if (first, second) in pairs:
                        continue
                    pairs.add((first, second))
                    if session.scalar(select(DuplicateCase.id).where(
                            DuplicateCase.first_id == first,
                            DuplicateCase.second_id == second)) is None:
                        session.add(DuplicateCase(nik=nik, first_id=first, second_id=second))
                        made += 1
    session.flush()
    return made


def referencing_columns() -> list[tuple[str, str]]:
    """(table, column) of every synchronised column with a foreign key to participants."""
    found = []
    for name, table in synced_tables().items():
        for column in table.columns:
            if any(fk.column.table.name == "participants" for fk in column.foreign_keys):
                found.append((name, column.key))
    return found


def merge(session: Session, case: DuplicateCase, keep_id: str, username: str) -> int:
    """Re-point everything of the other participant to `keep_id`; returns rows moved."""
    drop_id = case.second_id if keep_id == case.first_id else case.first_id
    keep = session.get(Participant, keep_id)
    drop = session.get(Participant, drop_id)
    assert keep is not None and drop is not None
    moved = 0
    for table, column in referencing_columns():
        model: type[Synced] = model_for(table)
        attr = getattr(model, column)
        for row in session.scalars(select(model).where(attr == drop_id)):
            setattr(row, column, keep_id)
            moved += 1
    for key in ("phone", "address", "occupation"):
        if not getattr(keep, key) and getattr(drop, key):
            setattr(keep, key, getattr(drop, key))
    drop.deleted = True
    drop.status = "nonaktif"
    drop.status_reason = f"Digabung ke peserta KPJ {keep.kpj} (NIK ganda)"[:300]
    case.status, case.kept_id = "merged", keep_id
    case.resolved_by, case.resolved_at = username, utcnow()
    session.flush()
    return moved


def close_resolved(session: Session) -> None:
    """Cases whose participants were merged elsewhere (one side tombstoned) are closed."""
    first, second = aliased(Participant), aliased(Participant)
    gone = or_(first.id.is_(None), second.id.is_(None), first.deleted.is_(True),
               second.deleted.is_(True))
    rows = session.execute(
        select(DuplicateCase, first.id, first.deleted, second.id)
        .outerjoin(first, first.id == DuplicateCase.first_id)
        .outerjoin(second, second.id == DuplicateCase.second_id)
        .where(DuplicateCase.status == "open", gone)).all()
    for case, first_id, first_deleted, second_id in rows:
        case.status = "merged"
        case.kept_id = (first_id if first_id is not None and not first_deleted
                        else second_id)
        case.resolved_by, case.resolved_at = "sinkronisasi", utcnow()
    session.flush()
