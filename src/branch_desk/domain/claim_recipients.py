"""Who a claim is paid to: proposed at intake, required before the claim moves on, and bank
details read from an heir's record."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from branch_desk.domain.claim_rules import ClaimType

SELF_RELATIONSHIP = "peserta"

# DOMAIN §3.1 (S24): widow/widower and children first, then blood relatives, parents-in-law,
# and anyone else (e.g. named in a will).
HEIR_ORDER = ("istri", "suami", "anak", "ayah", "ibu", "saudara kandung", "kakek", "nenek",
              "cucu", "mertua")

_ACCOUNT = re.compile(r"\s*(?P<bank>[^\d]*?)[\s:.\-]*(?P<number>\d[\d\s.\-]*)\s*")


def paid_to_heirs(claim_type: ClaimType | str, outcome: str | None = None) -> bool:
    """True when the heirs receive the benefit: JKM, the scholarship and a JKK death
    (DOMAIN §3.1-§3.3). JHT, JP, JKP and JKK benefits of a living worker go to the
    participant; a JHT claimed after a death is the officer's change to make."""
    ctype = ClaimType(claim_type)
    return ctype in (ClaimType.JKM, ClaimType.BEASISWA) or (
        ctype is ClaimType.JKK and outcome == "death")


def heir_rank(relationship: str) -> int:
    """Position of a relationship in the order heirs are entitled (unknown ones last)."""
    key = relationship.strip().lower()
    return HEIR_ORDER.index(key) if key in HEIR_ORDER else len(HEIR_ORDER)


def split_bank_account(text: str) -> tuple[str, str]:
    """("BRI", "012345678901") from "BRI 0123-4567-8901"; a text that is not a bank name
    followed by digits comes back whole as the account, for the officer to correct."""
    match = _ACCOUNT.fullmatch(text or "")
    if match is None:
        return "", (text or "").strip()
    number = re.sub(r"[\s.\-]", "", match["number"])
    return match["bank"].strip(" :.-"), number


@dataclass(frozen=True)
class Payee:
    """What the payment rule reads of a claim recipient."""

    name: str
    relationship: str
    bank_account: str


def payee_problem(claim_type: ClaimType | str, outcome: str | None,
                  recipients: Iterable[Payee]) -> str:
    """Why nobody can be paid yet (Indonesian, lower-case clause), or "" when someone can.

    A claim is paid by transfer to a recipient named with relationship and bank account
    (the bank book is on every payable checklist, DOMAIN §4.2, and the payment statement
    names the recipient); a death benefit goes to an heir, never to the deceased (§3.1).
    """
    heirs = paid_to_heirs(claim_type, outcome)
    listed = [r for r in recipients if r.name.strip()]
    payable = [r for r in listed if r.relationship.strip() and r.bank_account.strip()
               and not (heirs and _is_self(r))]
    if payable:
        return ""
    if heirs and not listed:
        return ("belum ada ahli waris penerima manfaat; isi nama, hubungan dan nomor rekening "
                "bank ahli waris sesuai surat keterangan ahli waris")
    if not listed:
        return "belum ada penerima manfaat; isi nama, hubungan dan nomor rekening bank penerima"
    if heirs and all(_is_self(r) for r in listed):
        return ("manfaat kematian dibayar kepada ahli waris, bukan kepada peserta yang "
                "meninggal; isi ahli waris sesuai surat keterangan ahli waris")
    gaps = []
    for r in listed:
        if heirs and _is_self(r):
            continue
        missing = [what for what, value in (("hubungan", r.relationship),
                                            ("nomor rekening", r.bank_account))
                   if not value.strip()]
        gaps.append(f"{r.name.strip()}: {' dan '.join(missing)} belum diisi")
    who = "ahli waris" if heirs else "penerima"
    return (f"belum ada {who} dengan nama, hubungan dan nomor rekening bank yang lengkap "
            f"({'; '.join(gaps)})")


def _is_self(recipient: Payee) -> bool:
    return recipient.relationship.strip().lower() == SELF_RELATIONSHIP
