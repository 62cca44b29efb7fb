"""Which fields of a synchronised row only its owning office may change.

A row is owned by the office that created it (`origin_office`). Its owned fields — the
identity of a person or partner, and everything a payment rests on: a claim's status,
amounts and transfer reference, a recipient's name, NIK, bank and account, a bill's
amounts and status — change only through the owner's own changes. Another office's edit of
such a field is not applied anywhere (not even where it was typed): it travels as a
*proposal* that the owner's officer accepts or leaves on the Sinkronisasi page. Other
fields (phone, address, …) merge by the last writer, with conflicts kept for review.

Kept below `sync` because the change recorder applies the same rule to local edits.
"""

from __future__ import annotations

OWNED: dict[str, frozenset[str]] = {
    "participants": frozenset({"nik", "kpj", "birth_date", "sex", "tmt", "registered_on"}),
    "heirs": frozenset({"nik"}),
    "partners": frozenset({"code", "kind", "npwp"}),
    "claims": frozenset({
        "claim_type", "event_date", "facts", "status", "eligible", "eligibility", "worksheet",
        "total_amount", "verified_by", "approved_by", "paid_on", "transfer_reference",
        "status_reason"}),
    "claim_recipients": frozenset({
        "claim_id", "position", "name", "relationship", "nik", "bank_name", "bank_account",
        "deleted"}),
    "claim_documents": frozenset({"claim_id", "required", "received", "received_on",
                                  "deleted"}),
    "contribution_bills": frozenset({
        "number", "partner_id", "first_month", "months", "programs", "workers", "total",
        "status", "issued_on", "paid_on", "reference", "deleted"}),
    "contribution_bill_lines": frozenset({"bill_id", "first_month", "months", "amount",
                                          "deleted"}),
}
"""Per table, the fields only the owning office changes. Not owned: references that a
duplicate-NIK merge re-points (`participant_id`), contact details, notes."""


PARENT: dict[str, str] = {
    "claim_recipients": "claim_id", "claim_documents": "claim_id",
    "claim_benefit_lines": "claim_id", "claim_events": "claim_id",
    "contribution_bill_lines": "bill_id",
}
"""Rows that belong to their parent's owner: only the office owning a claim adds its
recipients, documents, benefit lines and steps, and only a bill's office its lines."""


def owned_fields(table: str) -> frozenset[str]:
    return OWNED.get(table, frozenset())
