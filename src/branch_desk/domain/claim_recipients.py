"""Who a claim is paid to, proposed at intake, and bank details read from an heir's record."""

from __future__ import annotations

import re

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
