"""What a transaction changed, in the words the screens refresh by.

A unit of work notes the tables it wrote; `areas_of` turns them into the areas a screen
asks about in `refresh(areas)` ("participants", "contributions", "coverage", "claims",
"partners", "agreements", "certificates", "documents", "targets", "office", "users",
"settings", "sync"). Bookkeeping tables (audit log, change log, number sequences) change
with every write and name no area of their own.
"""

from __future__ import annotations

from collections.abc import Iterable

PARTICIPANTS = "participants"
CONTRIBUTIONS = "contributions"
COVERAGE = "coverage"
TARGETS = "targets"
CLAIMS = "claims"
PARTNERS = "partners"
AGREEMENTS = "agreements"
CERTIFICATES = "certificates"
DOCUMENTS = "documents"
OFFICE = "office"
USERS = "users"
SETTINGS = "settings"
SYNC = "sync"

AREAS_OF_TABLE: dict[str, frozenset[str]] = {
    "participants": frozenset({PARTICIPANTS}),
    "heirs": frozenset({PARTICIPANTS}),
    "enrolments": frozenset({PARTICIPANTS}),
    # A payment (or its reversal) moves the months a participant is covered.
    "contribution_entries": frozenset({CONTRIBUTIONS, COVERAGE}),
    "contribution_bills": frozenset({CONTRIBUTIONS}),
    "contribution_bill_lines": frozenset({CONTRIBUTIONS}),
    "payment_schedules": frozenset({CONTRIBUTIONS}),
    "coverage_spells": frozenset({COVERAGE}),
    "coverage_targets": frozenset({TARGETS, COVERAGE}),
    "claims": frozenset({CLAIMS}),
    "claim_documents": frozenset({CLAIMS}),
    "claim_recipients": frozenset({CLAIMS}),
    "claim_benefit_lines": frozenset({CLAIMS}),
    "claim_events": frozenset({CLAIMS}),
    "partners": frozenset({PARTNERS}),
    "agreements": frozenset({AGREEMENTS, DOCUMENTS}),
    "certificates": frozenset({CERTIFICATES, DOCUMENTS}),
    "issued_documents": frozenset({DOCUMENTS}),
    "offices": frozenset({OFFICE}),
    "users": frozenset({USERS}),
    "settings": frozenset({SETTINGS}),
    "office_keys": frozenset({SYNC}),
    "change_proofs": frozenset({SYNC}),
    "sync_quarantine": frozenset({SYNC}),
    "sync_peers": frozenset({SYNC}),
    "sync_files": frozenset({SYNC}),
    "sync_vector": frozenset({SYNC}),
    "sync_knowledge": frozenset({SYNC}),
    "sync_conflicts": frozenset({SYNC}),
    "duplicate_cases": frozenset({SYNC}),
    "audit_log": frozenset(),
    "audit_seals": frozenset(),
    "change_log": frozenset(),
    "number_sequences": frozenset(),
}


def areas_of(tables: Iterable[str]) -> frozenset[str]:
    """The areas whose screens show something stored in `tables`.

    A table missing from `AREAS_OF_TABLE` is a programming error (a new table must say
    which screens show it), so it raises rather than refreshing nothing."""
    areas: set[str] = set()
    for table in tables:
        try:
            areas |= AREAS_OF_TABLE[table]
        except KeyError:
            raise KeyError(f"table {table!r} has no entry in services.changes.AREAS_OF_TABLE"
                           ) from None
    return frozenset(areas)
