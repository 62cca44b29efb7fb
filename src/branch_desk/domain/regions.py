"""Kemendagri region codes (provinsi, kabupaten/kota, kecamatan, desa/kelurahan).

Data: the packaged 2025 list (current) and 2022 list (old NIKs keep codes from before a
split or rename), read once on first use. Codes are Kemendagri codes, never BPS codes.
"""

from __future__ import annotations

import csv
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.resources_path import resource_path
from branch_desk.domain.text import strip_invisible

Level = Literal["provinsi", "kabupaten", "kecamatan", "desa"]
LEVELS: tuple[Level, ...] = ("provinsi", "kabupaten", "kecamatan", "desa")
CURRENT_FILE = "wilayah_2025.csv"
HISTORIC_FILE = "wilayah_2022.csv"

# Papua provinces call their kecamatan "distrik" (UU 21/2001 as amended).
_PAPUA_PROVINCES = frozenset({"91", "92", "93", "94", "95", "96"})
_VILLAGE_KINDS = {"1": "Kelurahan", "2": "Desa", "3": "Desa Adat"}
_CODE_LENGTHS = frozenset({2, 4, 6, 10})  # digits of PP, PPKK, PPKKCC, PPKKCCDDDD


@dataclass(frozen=True)
class Region:
    """One region; ``historic`` marks a code found only in the 2022 list."""

    code: str
    name: str
    level: Level
    historic: bool = False

    @property
    def kind(self) -> str:
        """Kind of region as written before its name: Kabupaten/Kota, Kecamatan/Distrik,
        Kelurahan/Desa/Desa Adat, or Provinsi."""
        if self.level == "provinsi":
            return "Provinsi"
        if self.level == "kabupaten":
            return "Kota" if self.name.startswith("Kota ") else "Kabupaten"
        if self.level == "kecamatan":
            return "Distrik" if self.code[:2] in _PAPUA_PROVINCES else "Kecamatan"
        return _VILLAGE_KINDS.get(self.code[-4], "Desa")


# --- loading --------------------------------------------------------------------------------

_lock = threading.Lock()
_tables: tuple[dict[str, str], dict[str, str]] | None = None
_children: dict[str, list[str]] | None = None
_search: dict[str, list[tuple[str, str, str]]] = {}

_OLD_ABBREVIATIONS = {"KAB.": "Kabupaten", "ADM.": "Administrasi", "KEP.": "Kepulauan"}
_KEEP_UPPER = frozenset({"DKI"})


def _title(name: str) -> str:
    """Title-case an upper-case 2022 name: ``KAB. ADM. KEP. SERIBU`` → ``Kabupaten
    Administrasi Kepulauan Seribu``."""
    words = []
    for word in name.split():
        if word in _OLD_ABBREVIATIONS:
            words.append(_OLD_ABBREVIATIONS[word])
        elif word in _KEEP_UPPER:
            words.append(word)
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(words)


def _read(filename: str, *, historic: bool) -> dict[str, str]:
    table: dict[str, str] = {}
    with resource_path("wilayah", filename).open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        for code, name in rows:
            name = " ".join(name.split())  # a few names carry stray or double spaces
            # Only provinces and regencies are upper case in the 2022 list.
            if historic and len(code) <= 5 and name.isupper():
                name = _title(name)
            table[code] = name
    return table


def _data() -> tuple[dict[str, str], dict[str, str]]:
    """(current, historic) code → name tables, loaded once, thread-safe."""
    global _tables
    if _tables is None:
        with _lock:
            if _tables is None:
                _tables = (
                    _read(CURRENT_FILE, historic=False),
                    _read(HISTORIC_FILE, historic=True),
                )
    return _tables


def preload() -> None:
    """Load the region tables now (e.g. in a background thread at start-up)."""
    _data()


# --- lookups --------------------------------------------------------------------------------


def normalise_code(text: str) -> str:
    """Return the dotted form (``73.09.06.2002``) of a code typed dotted or undotted."""
    digits = re.sub(r"[\s.\-]", "", strip_invisible(text))
    if not (digits.isascii() and digits.isdigit()) or len(digits) not in _CODE_LENGTHS:
        raise ValidationError(
            f"Kode wilayah '{text.strip()}' tidak valid; gunakan bentuk seperti 73.09 "
            "atau 73.09.06.2002.",
            field="kode_wilayah",
        )
    parts = (digits[:2], digits[2:4], digits[4:6], digits[6:])
    return ".".join(part for part in parts if part)


def _level(code: str) -> Level:
    return LEVELS[code.count(".")]


@lru_cache(maxsize=8192)
def region(code: str) -> Region | None:
    """Region for a code (dotted or not): the 2025 list first, else the 2022 list with
    ``historic=True``; ``None`` when in neither. Malformed codes raise ValidationError."""
    code = normalise_code(code)
    current, old = _data()
    if code in current:
        return Region(code, current[code], _level(code))
    if code in old:
        return Region(code, old[code], _level(code), historic=True)
    return None


def _ancestor(code: str, length: int) -> Region | None:
    code = normalise_code(code)
    return region(code[:length]) if len(code) >= length else None


def province_of(code: str) -> Region | None:
    """Province containing (or equal to) ``code``."""
    return _ancestor(code, 2)


def regency_of(code: str) -> Region | None:
    """Kabupaten/kota containing (or equal to) ``code``; None for a province code."""
    return _ancestor(code, 5)


def place_name(region: Region) -> str:
    """A regency or city as a letter's place names it: "Maros" for "Kabupaten Maros",
    "Palopo" for "Kota Palopo"."""
    return region.name.removeprefix("Kabupaten ").removeprefix("Kota ")


def district_of(code: str) -> Region | None:
    """Kecamatan containing (or equal to) ``code``; None above kecamatan level."""
    return _ancestor(code, 8)


def _children_index() -> dict[str, list[str]]:
    global _children
    if _children is None:
        current, _ = _data()
        index: dict[str, list[str]] = {}
        for child in current:
            if "." in child:
                index.setdefault(child.rpartition(".")[0], []).append(child)
        _children = index
    return _children


def provinces() -> list[Region]:
    """All current provinces, by code."""
    current, _ = _data()
    return [Region(c, n, "provinsi") for c, n in current.items() if len(c) == 2]


def children(code: str) -> list[Region]:
    """Regions one level below ``code`` (regencies of a province, …, villages of a
    kecamatan), by code; for a code only in the 2022 list, its 2022 children."""
    code = normalise_code(code)
    current, old = _data()
    if code in current:
        kids = _children_index().get(code, [])
        return [Region(c, current[c], _level(c)) for c in kids]
    prefix = code + "."
    return [
        Region(c, n, _level(c), historic=True)
        for c, n in old.items()
        if c.startswith(prefix) and "." not in c[len(prefix) :]
    ]


def successor(code: str) -> Region | None:
    """For a code only in the 2022 list, the current region with the same name under a
    parent of the same name (e.g. 92.71.01 Sorong → 96.71.01 after Papua Barat Daya was
    split off); None when there is no single such region."""
    code = normalise_code(code)
    current, old = _data()
    if code in current or code not in old or len(code) == 2:
        return None
    name, parent = old[code].casefold(), old.get(code.rpartition(".")[0], "").casefold()
    matches = [
        c
        for c, n in current.items()
        if len(c) == len(code)
        and n.casefold() == name
        and current[c.rpartition(".")[0]].casefold() == parent
    ]
    return Region(matches[0], current[matches[0]], _level(code)) if len(matches) == 1 else None


def full_name(code: str) -> str:
    """Name with its parents, e.g. ``Desa Marannu, Kec. Lau, Kabupaten Maros, Sulawesi
    Selatan``; raises NotFound for an unknown code."""
    code = normalise_code(code)
    if region(code) is None:
        raise NotFound(f"Kode wilayah {code} tidak ditemukan.", field="kode_wilayah")
    parts = []
    for length in (13, 8, 5, 2):
        if len(code) < length:
            continue
        found = region(code[:length])
        if found is None:
            continue
        if found.level == "desa":
            # Desa adat names already begin with "Desa Adat".
            named = found.kind == "Desa Adat" and found.name.startswith("Desa Adat ")
            parts.append(found.name if named else f"{found.kind} {found.name}")
        elif found.level == "kecamatan":
            kind = "Kec." if found.kind == "Kecamatan" else found.kind
            parts.append(f"{kind} {found.name}")
        else:
            parts.append(found.name)
    return ", ".join(parts)


def village_label(code: str, *, full: bool = False) -> str:
    """How an officer reads a village code: "Tenrigangkae (Kec. Tanralili)", or with
    `full` the whole chain and the code ("Desa Tenrigangkae, Kec. …, Sulawesi Selatan —
    73.09.01.2003"); "" for no code, the code itself when it is not in the list."""
    if not code:
        return ""
    try:
        found = region(code)
    except ValidationError:
        found = None
    if found is None:
        return code
    if full:
        return f"{full_name(found.code)} — {found.code}"
    district = district_of(found.code)
    if district is None or district.code == found.code:
        return found.name
    kind = "Kec." if district.kind == "Kecamatan" else district.kind
    return f"{found.name} ({kind} {district.name})"


# --- search ---------------------------------------------------------------------------------

_ROMAN = re.compile(r"[ivxlcdm]+")
_TRIPLE = re.compile(r"([^\W\d_])\1{2,}")
_KIND_WORDS = frozenset({"kabupaten", "kota", "administrasi"})
# Kind words people type before a name ("Desa Marannu", "Kec. Lau"), ignored in queries.
_QUERY_NOISE = frozenset(
    {"desa", "ds", "kelurahan", "kel", "kecamatan", "kec", "distrik", "kabupaten", "kab", "kota"}
)
_APOSTROPHES = re.compile(r"['’`‘]")
_NON_WORD = re.compile(r"\W+")


def _fold(text: str) -> list[str]:
    """Search tokens: accents removed, case-folded, apostrophes dropped, split on other
    punctuation; a letter tripled by a typo (``Malllawa``) counts as doubled, except in
    Roman numerals such as ``III``."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", strip_invisible(text))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    tokens = _NON_WORD.split(text)
    if _TRIPLE.search(text):
        tokens = [t if _ROMAN.fullmatch(t) else _TRIPLE.sub(r"\1\1", t) for t in tokens]
    return [t for t in tokens if t]


def _search_index(level: Level) -> list[tuple[str, str, str]]:
    """(code, " name tokens | context tokens", compact name) for every current region
    of ``level``. Built on first search of that level."""
    if level not in _search:
        current, _ = _data()
        size = (2, 5, 8, 13)[LEVELS.index(level)]
        parents = {
            code: " ".join(t for t in _fold(name) if t not in _KIND_WORDS)
            for code, name in current.items()
            if len(code) < size
        }
        rows = []
        for code, name in current.items():
            if len(code) == size:
                tokens = _fold(name)
                context = " ".join(parents[code[:n]] for n in (8, 5, 2) if n < size)
                rows.append((code, f" {' '.join(tokens)} | {context}", "".join(tokens)))
        _search[level] = rows
    return _search[level]


def search_regions(
    text: str, *, level: Level = "desa", within: str | None = None, limit: int = 50
) -> list[Region]:
    """Current regions of ``level`` whose name words start with the words of ``text``.

    Case-, accent- and punctuation-insensitive; ``Bonto Marannu`` and ``Bontomarannu``
    find each other; kind words (``Desa``, ``Kec.``) are ignored; names of parent regions
    also count, ranked after matches on the region's own name. ``within`` restricts to a
    parent code. Empty text finds nothing.
    """
    query = _fold(text)
    query = [word for word in query if word not in _QUERY_NOISE] or query
    if not query:
        return []
    prefix = normalise_code(within) + "." if within else ""
    phrase, compact = " " + " ".join(query), "".join(query)
    words = [" " + word for word in query]
    short = len(compact) < 4
    ranked: list[tuple[int, str]] = []
    for code, key, name_compact in _search_index(level):
        # Cheap C-level filter first: almost every row fails here.
        if words[0] not in key and (short or compact not in name_compact):
            continue
        if prefix and not code.startswith(prefix):
            continue
        name_key = key[: key.index(" |")]
        if all(word in name_key for word in words):
            rank = 0 if name_key == phrase else 1 if name_key.startswith(phrase) else 2
        elif not short and compact in name_compact:
            rank = 3
        elif all(word in key for word in words):
            rank = 4
        else:
            continue
        ranked.append((rank, code))
    ranked.sort()
    current, _ = _data()
    return [Region(code, current[code], level) for _, code in ranked[:limit]]


def search_villages(text: str, within: str | None = None, limit: int = 50) -> list[Region]:
    """Villages (desa/kelurahan) matching ``text``; see :func:`search_regions`."""
    return search_regions(text, level="desa", within=within, limit=limit)
