"""Text as officers type or paste it: cleaning input (invisible characters, separators inside
numbers), tidying names, and folding them for search and comparison."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015\u2212_/]+")
_APOSTROPHES = re.compile(r"['’`‘ʼ]")
_NON_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


def strip_invisible(text: str) -> str:
    """Normalise pasted text: NFKC (full-width digits, NBSP → space) and drop format
    characters such as zero-width space/joiner, BOM, soft hyphen and bidi marks."""
    if text.isascii():  # nothing to normalise: the common case in bulk imports
        return text
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def clean_number(text: str) -> str:
    """Return ``text`` without invisible characters, spaces, dots, dashes, slashes and
    underscores, as people type or paste them inside identifier numbers. No validation."""
    return _SEPARATORS.sub("", strip_invisible(text))


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced words: ``"  MA'RUF  Dg. Ngéwa"`` →
    ``"maruf dg ngewa"``. Apostrophes join (``Ma'ruf`` = ``Maruf``); other punctuation
    separates words. The result is what `participants.name_search` holds."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", strip_invisible(text))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    return " ".join(_NON_WORD.sub(" ", text).split())


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return fold(text).split()


def prefix_bounds(prefix: str) -> tuple[str, str]:
    """``(low, high)`` such that ``low <= s < high`` holds exactly for the strings ``s``
    that start with ``prefix`` (binary collation): an index range instead of LIKE."""
    if not prefix:
        raise ValueError("empty prefix")
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def clean_name(text: str) -> str:
    """A name as typed, tidied for storage: invisible characters dropped, runs of spaces
    collapsed. Case is kept (an officer may have a reason for it)."""
    return _SPACES.sub(" ", strip_invisible(text)).strip()


def display_name(text: str) -> str:
    """Names sent in capitals by regional governments, written in title case for
    documents (``ANDI BASO`` → ``Andi Baso``); mixed-case names are kept as they are."""
    name = clean_name(text)
    if name.isupper() or name.islower():
        return " ".join(_title_word(w) for w in name.split(" "))
    return name


@lru_cache(maxsize=65536)
def _title_word(word: str) -> str:
    # "MA'RUF" → "Ma'ruf", "ST.HAJAR" → "St.Hajar", "(ALM)" → "(Alm)"
    out, upper_next = [], True
    for ch in word.lower():
        out.append(ch.upper() if upper_next and ch.isalpha() else ch)
        if ch.isalpha():
            upper_next = False
        elif ch not in "'’":
            upper_next = True
    return "".join(out)


# Control characters (other than tab, line feed, carriage return, which read as spaces) and
# the bidirectional overrides, embeddings and isolates that reorder how text is shown (a name
# that displays differently from what it holds).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069]")


def unsafe_characters(text: str) -> list[str]:
    """The control and bidirectional-control characters in ``text``, as ``U+XXXX`` codes
    (each once, in order); zero-width characters are not listed: `strip_invisible` drops
    them."""
    if _UNSAFE.search(text) is None:  # the common case in bulk imports
        return []
    return list(dict.fromkeys(f"U+{ord(ch):04X}" for ch in _UNSAFE.findall(text)))


def remove_unsafe(text: str) -> str:
    """``text`` without the characters `unsafe_characters` lists."""
    return _UNSAFE.sub("", text)


def text_problem(value: str, *, length: int | None) -> str | None:
    """Why `value` cannot be stored in a text column of `length` characters on every
    engine (PostgreSQL refuses NUL; control characters corrupt files and screens), in
    Indonesian; None when it can. Tab, newline and carriage return are allowed."""
    if length is not None and len(value) > length:
        return f"terlalu panjang ({len(value)} karakter, paling banyak {length})"
    if _UNSAFE.search(value):
        return "berisi karakter kendali atau NUL"
    return None
