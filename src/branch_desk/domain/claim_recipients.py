"""Who a claim is paid to: proposed at intake, required before the claim moves on, and bank
details read from an heir's record."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from branch_desk.domain.claim_rules import ClaimType

SELF_RELATIONSHIP = "peserta"
# What a recipient's row still lacks, as words in the payee problem.
_MISSING_WORDS = {"relationship": "hubungan", "bank_account": "nomor rekening",
                  "both": "hubungan dan nomor rekening"}

# DOMAIN §3.1 (S24): widow/widower and children first, then blood relatives, parents-in-law,
# and anyone else (e.g. named in a will).
HEIR_ORDER = ("istri", "suami", "anak", "ayah", "ibu", "kakek", "nenek", "cucu",
              "saudara kandung", "mertua", "penerima wasiat")
# What the recipients table offers: the participant, the heirs in their order, anyone else.
RECIPIENT_RELATIONSHIPS = (SELF_RELATIONSHIP, *HEIR_ORDER, "lainnya")


@dataclass(frozen=True)
class HeirTierRule:
    """The order in which heirs receive a death benefit: a tier is paid only when no heir of
    a higher tier exists. PP 44/2015 Ps 37(5) as cited by issue 18; the same order is in the
    text of Permenaker 4/2023 Ps 57(4) [C] (pasal.id): janda, duda or anak; else in order the
    blood relatives in the straight line up and down to the second degree, siblings,
    parents-in-law, the person named in the participant's will."""

    valid_from: date
    valid_to: date | None
    source: str
    tiers: tuple[tuple[str, tuple[str, ...]], ...]  # (label, relationships), highest first


HEIR_TIER_RULES: tuple[HeirTierRule, ...] = (HeirTierRule(
    date(2015, 7, 1), None, "PP 44/2015 Pasal 37 ayat (5)", (
    ("janda/duda dan anak", ("istri", "suami", "anak")),
    ("keturunan sedarah garis lurus sampai derajat kedua",
     ("ayah", "ibu", "kakek", "nenek", "cucu")),
    ("saudara kandung", ("saudara kandung",)),
    ("mertua", ("mertua",)),
    ("pihak yang ditunjuk dalam wasiat", ("penerima wasiat",)),
)),)


def heir_tier(relationship: str, rule: HeirTierRule = HEIR_TIER_RULES[-1]) -> int | None:
    """1 for widow/widower and children … 5 for the person named in a will; None when the
    relationship is not one of the legal heirs."""
    key = relationship.strip().lower()
    for number, (_label, names) in enumerate(rule.tiers, start=1):
        if key in names:
            return number
    return None


def heir_order_problem(payees: Iterable[Payee], known: Iterable[str],
                       rule: HeirTierRule = HEIR_TIER_RULES[-1]) -> str:
    """Why paying `payees` skips the legal order (Indonesian, lower-case clause), or "".

    `known` are the relationships of every heir the office knows of (registered heirs and the
    claim's recipients). Paying a lower tier, or someone who is not a legal heir, while a
    heir of a higher tier exists needs a recorded reason (issue 18)."""
    tiers = [t for t in (heir_tier(r, rule) for r in known) if t is not None]
    if not tiers:
        return ""
    best = min(tiers)
    skipped = []
    for payee in payees:
        tier = heir_tier(payee.relationship, rule)
        if tier is None or tier > best:
            where = f"golongan {tier}" if tier else "bukan ahli waris menurut urutan"
            skipped.append(f"{payee.name.strip()} ({payee.relationship.strip()}, {where})")
    if not skipped:
        return ""
    return (f"{', '.join(skipped)} dibayar padahal ada ahli waris golongan {best} "
            f"({rule.tiers[best - 1][0]}) menurut {rule.source}; catat alasannya")


def spouse_relationship(sex: str) -> str:
    """The relationship proposed for the first heir row: "suami" for a female participant,
    "istri" for a male one (sex L | P as registered)."""
    return "suami" if sex.strip().upper() == "P" else "istri"

_ACCOUNT = re.compile(r"\s*(?P<bank>[^\d]*?)[\s:.\-]*(?P<number>\d[\d\s.\-]*)\s*")


SURVIVOR_PENSIONS = ("widow", "child", "parent")  # PP 45/2015 Ps 16 c-e


@dataclass(frozen=True)
class JpSurvivorRule:
    """Who receives each JP survivor pension (PP 45/2015 Ps 16 c-e, as BPJS Ketenagakerjaan
    states them; docs/rules-claims.md item 9): the widow's pension the spouse; the child's
    pension at most `max_children` children under `child_age_limit`, only when no widow or
    widower is left; the parents' pension the parents of a participant who left no spouse and
    no child."""

    valid_from: date
    valid_to: date | None
    source: str
    max_children: int
    child_age_limit: int  # the child's pension ends when the child reaches this age


JP_SURVIVOR_RULES: tuple[JpSurvivorRule, ...] = (
    JpSurvivorRule(date(2015, 7, 1), None, "PP 45/2015 Pasal 16", 2, 23),
)
_SPOUSES = ("istri", "suami")
_PAID_TO = {"widow": _SPOUSES, "child": ("anak",), "parent": ("ayah", "ibu")}


def jp_survivor_problem(jp_kind: str, payees: Iterable[Payee], known: Iterable[str],
                        rule: JpSurvivorRule = JP_SURVIVOR_RULES[-1], *,
                        child_ages: Mapping[str, int] | None = None) -> str:
    """Why `payees` may not receive the JP survivor pension `jp_kind` (Indonesian, lower-case
    clause), or "". `known` are the relationships of every heir the office knows of (the
    registered heirs and the claim's recipients): a child's pension while a widow or widower
    is known, a parents' pension while a spouse or a child is known, a payee of another
    relationship, a child as old as the age limit (`child_ages`: age at the event by
    lower-case name, where a registered heir's NIK tells it), or more children than the rule
    allows."""
    if jp_kind not in _PAID_TO:
        return ""
    kin = {k.strip().lower() for k in known}
    if jp_kind == "child" and kin & set(_SPOUSES):
        return ("pensiun anak dibayar bila peserta tidak meninggalkan istri atau suami; ada "
                "janda/duda tercatat, ajukan pensiun janda/duda (janda/duda yang telah "
                f"meninggal atau menikah lagi dihapus dahulu dari ahli waris peserta) "
                f"({rule.source})")
    if jp_kind == "parent" and kin & {*_SPOUSES, "anak"}:
        return ("pensiun orang tua hanya untuk peserta yang tidak meninggalkan istri, suami "
                f"atau anak ({rule.source})")
    listed = [p for p in payees if p.name.strip()]
    others = [f"{p.name.strip()} ({p.relationship.strip() or '-'})"
              for p in listed if p.relationship.strip().lower() not in _PAID_TO[jp_kind]]
    if others:
        if jp_kind == "widow":
            paid_to = "pensiun janda/duda dibayar kepada istri atau suami peserta"
        elif jp_kind == "child":
            paid_to = "pensiun anak dibayar kepada anak peserta"
        else:
            paid_to = "pensiun orang tua dibayar kepada ayah atau ibu peserta"
        return f"{paid_to}; bukan penerimanya: {', '.join(others)} ({rule.source})"
    ages = child_ages or {}
    grown = [p.name.strip() for p in listed
             if (key := p.name.strip().lower()) in ages and ages[key] >= rule.child_age_limit]
    if jp_kind == "child" and grown:
        return (f"pensiun anak dibayar sampai anak berusia {rule.child_age_limit} tahun; "
                f"menurut NIK ahli waris yang tercatat sudah mencapainya: {', '.join(grown)} "
                f"({rule.source})")
    if jp_kind == "child" and len(listed) > rule.max_children:
        return (f"pensiun anak paling banyak untuk {rule.max_children} anak; tercatat "
                f"{len(listed)} anak ({rule.source})")
    return ""


def paid_to_heirs(claim_type: ClaimType | str, outcome: str | None = None,
                  jp_kind: str = "old_age") -> bool:
    """True when the heirs receive the benefit: JKM, the scholarship, a JKK death and a JP
    survivor pension (DOMAIN §3.1-§3.5). JHT, JKP and the benefits of a living worker go to
    the participant; a JHT claimed after a death is the officer's change to make."""
    ctype = ClaimType(claim_type)
    return ctype in (ClaimType.JKM, ClaimType.BEASISWA) or (
        ctype is ClaimType.JKK and outcome == "death") or (
        ctype is ClaimType.JP and jp_kind in SURVIVOR_PENSIONS)


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
                  recipients: Iterable[Payee], jp_kind: str = "old_age") -> str:
    """Why nobody can be paid yet (Indonesian, lower-case clause), or "" when someone can.

    A claim is paid by transfer to a recipient named with relationship and bank account
    (the bank book is on every payable checklist, DOMAIN §4.2, and the payment statement
    names the recipient); a death benefit goes to an heir, never to the deceased (§3.1).
    """
    heirs = paid_to_heirs(claim_type, outcome, jp_kind)
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
        missing = [key for key, value in (("relationship", r.relationship),
                                          ("bank_account", r.bank_account))
                   if not value.strip()]
        what = _MISSING_WORDS["both" if len(missing) == 2 else missing[0]] if missing else ""
        gaps.append(f"{r.name.strip()}: {what} belum diisi")
    who = "ahli waris" if heirs else "penerima"
    return (f"belum ada {who} dengan nama, hubungan dan nomor rekening bank yang lengkap "
            f"({'; '.join(gaps)})")


def _is_self(recipient: Payee) -> bool:
    return recipient.relationship.strip().lower() == SELF_RELATIONSHIP
