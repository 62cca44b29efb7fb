"""Everything the office holds about one person, for a data-subject request (UU 27/2022).

The tables are found generically in `Base.metadata`: every table with a `participant_id`
column holds rows about the participant, tables pointing at those rows by foreign key
(claim documents, recipients, …) hold more, and tables with a `nik` column (heirs) hold
rows about the person when someone else named them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, inspect, or_, select

import branch_desk.db.models  # noqa: F401  (registers every table in Base.metadata)
from branch_desk.db.base import Base
from branch_desk.db.models.core import AuditEntry
from branch_desk.db.recording import REDACTED, record_event
from branch_desk.db.serialise import to_json_value
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.nik import mask_nik
from branch_desk.domain.permissions import Permission
from branch_desk.domain.text import clean_number
from branch_desk.services import clock
from branch_desk.services.uow import UnitOfWork

REPORT_FORMAT = 1
# Tables that describe the system, not a person (the audit log is reported separately).
_SKIP = frozenset({"audit_log", "change_log", "number_sequences", "settings", "users",
                   "offices", "alembic_version"})
_MAX_DEPTH = 3


def _plain(row: Any) -> dict[str, Any]:
    return {k: ("***" if k in REDACTED else to_json_value(v)) for k, v in row._mapping.items()}


def _existing_tables(uow: UnitOfWork) -> dict[str, Table]:
    present = set(inspect(uow.session.connection()).get_table_names())
    return {name: t for name, t in Base.metadata.tables.items()
            if name in present and name not in _SKIP}


def _find_participants(uow: UnitOfWork, tables: dict[str, Table], key: str) -> list[Any]:
    participants = tables.get("participants")
    if participants is None:
        return []
    cols = participants.c
    conditions = [cols.nik == key] if len(key) == 16 else []
    if "kpj" in cols:
        conditions.append(cols.kpj == key)
    if not conditions:
        return []
    return list(uow.session.execute(select(participants).where(or_(*conditions))))


def _children(uow: UnitOfWork, tables: dict[str, Table], parent: str,
              ids: list[str]) -> Iterable[tuple[str, list[Any]]]:
    """Rows of every table that points at `parent` rows `ids` by foreign key."""
    for name, table in sorted(tables.items()):
        if name == parent:
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name == parent and fk.column.name == "id":
                rows = list(uow.session.execute(
                    select(table).where(fk.parent.in_(ids))))
                if rows:
                    yield name, rows


def _collect(uow: UnitOfWork, tables: dict[str, Table],
             participant_id: str) -> dict[str, list[dict[str, Any]]]:
    related: dict[str, list[dict[str, Any]]] = {}
    frontier: list[tuple[str, list[str]]] = []
    for name, table in sorted(tables.items()):
        if name != "participants" and "participant_id" in table.c:
            rows = list(uow.session.execute(
                select(table).where(table.c.participant_id == participant_id)))
            if rows:
                related[name] = [_plain(r) for r in rows]
                if "id" in table.c:
                    frontier.append((name, [r.id for r in rows]))
    for _ in range(_MAX_DEPTH):
        following: list[tuple[str, list[str]]] = []
        for parent, ids in frontier:
            for name, rows in _children(uow, tables, parent, ids):
                known = {r.get("id") for r in related.get(name, [])}
                fresh = [r for r in rows if getattr(r, "id", None) not in known]
                related.setdefault(name, []).extend(_plain(r) for r in fresh)
                if fresh and "id" in tables[name].c:
                    following.append((name, [r.id for r in fresh]))
        frontier = following
    return related


def _named_elsewhere(uow: UnitOfWork, tables: dict[str, Table],
                     niks: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Rows where the person's NIK appears outside their own record (e.g. as an heir)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for name, table in sorted(tables.items()):
        if name != "participants" and "nik" in table.c and niks:
            rows = list(uow.session.execute(select(table).where(table.c.nik.in_(niks))))
            if rows:
                found[name] = [_plain(r) for r in rows]
    return found


def _audit(uow: UnitOfWork, ids_by_table: dict[str, set[str]]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for table, ids in sorted(ids_by_table.items()):
        id_list = sorted(ids)
        for start in range(0, len(id_list), 500):
            chunk = id_list[start:start + 500]
            for e in uow.session.scalars(select(AuditEntry).where(
                    AuditEntry.table_name == table, AuditEntry.row_id.in_(chunk))):
                entries.append({"seq": e.seq, "at": e.at.isoformat(), "username": e.username,
                                "office": e.office, "action": e.action,
                                "table_name": e.table_name, "row_id": e.row_id,
                                "before": e.before, "after": e.after, "note": e.note})
    return sorted(entries, key=lambda e: e["seq"])


def personal_data_report(uow: UnitOfWork, nik_or_kpj: str) -> dict[str, Any]:
    """Everything held about the person with this NIK or KPJ number, as a JSON-ready dict.

    Needs EXPORT_PERSONAL_DATA; records an `export_personal_data` audit event in `uow`
    (the caller commits once the report has been handed over or written).
    """
    actor = uow.actor_required
    actor.require(Permission.EXPORT_PERSONAL_DATA)
    key = clean_number(nik_or_kpj or "")
    if not key or not (key.isascii() and key.isdigit()):
        raise ValidationError("Masukkan NIK (16 digit) atau nomor KPJ (11 digit) peserta.",
                              field="nik_or_kpj")
    tables = _existing_tables(uow)
    found = _find_participants(uow, tables, key)
    niks = {r.nik for r in found} | ({key} if len(key) == 16 else set())
    elsewhere = _named_elsewhere(uow, tables, niks)
    if not found and not elsewhere:
        raise NotFound(f"Tidak ada data tersimpan untuk NIK/KPJ {mask_nik(key)}.",
                       field="nik_or_kpj")
    people = []
    ids_by_table: dict[str, set[str]] = {}
    for row in found:
        related = _collect(uow, tables, row.id)
        people.append({"participant": _plain(row), "related": related})
        ids_by_table.setdefault("participants", set()).add(row.id)
        for name, rows in related.items():
            ids_by_table.setdefault(name, set()).update(r["id"] for r in rows if "id" in r)
    for name, rows in elsewhere.items():
        ids_by_table.setdefault(name, set()).update(r["id"] for r in rows if "id" in r)
    report = {
        "format": REPORT_FORMAT,
        "generated_at": clock.now().isoformat(),
        "generated_by": actor.username,
        "office": actor.office,
        "subject": {"query": mask_nik(key), "niks": sorted(niks)},
        "participants": people,
        "named_as_other": elsewhere,
        "audit_entries": _audit(uow, ids_by_table),
    }
    for row in found or [None]:
        record_event(uow.session, actor, "export_personal_data", table="participants",
                     row_id=row.id if row is not None else "",
                     note=f"laporan data pribadi {mask_nik(key)}")
    return report
