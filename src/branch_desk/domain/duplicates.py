"""When two participant records are probably the same person (DOMAIN: duplicate cases).

Same NIK is a hard duplicate (the service refuses it). A *likely* duplicate is shown to
the officer before saving: the same name and birth date, or a near-identical name in
the same village. Names are compared after folding and expanding the abbreviations
common in Sulawesi (``Muh.``/``Moh.`` → Muhammad, ``Abd.`` → Abdul) and dropping
honorifics (``H.``, ``Hj.``, ``Drs.``); ``Daeng``/``Dg`` is part of the name and stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from branch_desk.domain.text import words

NEAR_IDENTICAL = 0.85  # SequenceMatcher ratio on the normalised names

_ABBREVIATIONS = {
    "muh": "muhammad", "moh": "muhammad", "muhd": "muhammad", "mhd": "muhammad",
    "md": "muhammad", "muhamad": "muhammad", "mohammad": "muhammad", "mohamad": "muhammad",
    "muhammad": "muhammad", "abd": "abdul", "dg": "daeng", "st": "sitti", "siti": "sitti",
}
_HONORIFICS = frozenset({"h", "hj", "haji", "hajjah", "drs", "dra", "ir", "dr", "prof",
                         "sh", "se", "spd", "skm", "amd", "alm", "almh", "ibu", "bapak"})


@dataclass(frozen=True)
class PersonKey:
    """What the duplicate rules look at."""

    name: str
    birth_date: date | None
    village_code: str


def normalise_name(name: str) -> str:
    """The name as the duplicate rules compare it."""
    out = [_ABBREVIATIONS.get(w, w) for w in words(name) if w not in _HONORIFICS]
    if not out:  # a name made only of titles: keep what was there
        out = words(name)
    return " ".join(out)


def name_similarity(a: str, b: str) -> float:
    """0.0 (nothing alike) … 1.0 (the same after normalising); word order is ignored."""
    na, nb = normalise_name(a), normalise_name(b)
    if na == nb:
        return 1.0
    sa, sb = " ".join(sorted(na.split())), " ".join(sorted(nb.split()))
    return max(SequenceMatcher(None, na, nb).ratio(), SequenceMatcher(None, sa, sb).ratio())


def same_name(a: str, b: str) -> bool:
    return normalise_name(a) == normalise_name(b)


def near_identical(a: str, b: str) -> bool:
    return name_similarity(a, b) >= NEAR_IDENTICAL


def likely_duplicate_reason(new: PersonKey, existing: PersonKey) -> str | None:
    """Why `existing` is probably the person being registered as `new` (Indonesian), or
    None. Same name and birth date anywhere; near-identical name in the same village."""
    if new.birth_date is not None and new.birth_date == existing.birth_date \
            and same_name(new.name, existing.name):
        return "nama dan tanggal lahir sama"
    if new.village_code and new.village_code == existing.village_code \
            and near_identical(new.name, existing.name):
        if same_name(new.name, existing.name):
            return "nama sama di desa/kelurahan yang sama"
        return "nama hampir sama di desa/kelurahan yang sama"
    return None
