"""Per-table merge policy: which tables are ledgers, which are profiles, which stay local.

Every `Synced` model registered in `Base.metadata` is synchronised generically; this
registry only says how its changes merge:

- ``ledger``: append-only (payments, corrections, claim steps, benefit lines). Rows are
  keyed by UUID and never edited, so they never conflict: they only accumulate.
- ``profile`` (the default): merged per field; the edit with the higher Lamport clock wins
  (office code breaks ties) and a concurrent losing value is kept as a conflict.
- ``local``: never leaves the office (user accounts and password hashes). The change
  numbers still travel, without content, so version vectors stay gap-free.

Owned fields (`db.ownership`) belong to the owning office (the row's `origin_office`): only
its own changes set them. Another office's edit of an owned field is applied nowhere and
becomes a *proposal* for the owner, whose officer accepts it ("Pulihkan" writes it as the
owner's own edit, which then wins everywhere) or leaves it on the Sinkronisasi page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Table

from branch_desk.db.base import Base, Synced


@dataclass(frozen=True)
class TablePolicy:
    kind: str = "profile"  # profile | ledger | local
    label: str = ""


POLICIES: dict[str, TablePolicy] = {
    "users": TablePolicy("local", label="Pengguna"),
    "contribution_entries": TablePolicy("ledger", label="Iuran (buku besar)"),
    "claim_events": TablePolicy("ledger", label="Langkah klaim"),
    "claim_benefit_lines": TablePolicy("ledger", label="Rincian manfaat klaim"),
    "participants": TablePolicy("profile", label="Peserta"),
    "partners": TablePolicy("profile", label="Mitra"),
    "heirs": TablePolicy("profile", label="Ahli waris"),
}


def register(table: str, policy: TablePolicy) -> None:
    """Let an area declare the policy of its table (e.g. a new ledger)."""
    POLICIES[table] = policy
    synced_tables.cache_clear()


def policy(table: str) -> TablePolicy:
    return POLICIES.get(table, TablePolicy())


@cache
def synced_tables() -> dict[str, Table]:
    """Every table of a `Synced` model, by name, in foreign-key order."""
    import branch_desk.db.models  # noqa: F401  (registers every model)

    names = {m.class_.__tablename__ for m in Base.registry.mappers
             if issubclass(m.class_, Synced)}
    return {t.name: t for t in Base.metadata.sorted_tables if t.name in names}


def model_for(table: str) -> type[Synced]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_  # type: ignore[no-any-return]
    raise KeyError(table)


def exchanged(table: str) -> bool:
    """Whether rows of `table` travel with content (not local, and a known synced table)."""
    return table in synced_tables() and policy(table).kind != "local"


LABELS = {
    "agreements": "Perjanjian kerja sama", "certificates": "Piagam penghargaan",
    "claims": "Klaim", "claim_documents": "Dokumen klaim", "claim_recipients": "Penerima klaim",
    "contribution_bills": "Tagihan Pemda", "contribution_bill_lines": "Rincian tagihan",
    "coverage_targets": "Target cakupan", "enrolments": "Kepesertaan program",
    "payment_schedules": "Jadwal pembayaran",
}


def table_label(table: str) -> str:
    return (policy(table).label or LABELS.get(table)
            or table.replace("_", " ").capitalize())
