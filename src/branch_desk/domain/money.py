"""Rupiah amounts: house-style figures (PUEBI), parsing, and amounts in words (terbilang).

Amounts are whole rupiah held in ``int``; floats are refused so no rounding can creep in.
"""

from __future__ import annotations

import re

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.text import strip_invisible

MAX_TERBILANG = 10**15 - 1  # 999 triliun …

_DIGITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SCALES = ("", "ribu", "juta", "miliar", "triliun")

# Optional sign and "Rp"/"IDR", then digits grouped by dots (or plain), then optional sen
# after a comma, or the ",-" of handwritten receipts.
_RUPIAH = re.compile(
    r"(?P<sign>[-−])?(?:rp\.?|idr)?(?P<sign2>[-−])?"
    r"(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)"
    r"(?:,(?P<sen>\d{1,2})|,-)?",
    re.IGNORECASE,
)


def _require_int(amount: object) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"amount must be an int of whole rupiah, got {type(amount).__name__}")
    return amount


def format_count(n: int) -> str:
    """A whole number with its thousands grouped by dots, as Indonesian writes it:
    ``13.595``."""
    return f"{n:,}".replace(",", ".")


def format_rupiah(amount: int, *, cents: bool = False) -> str:
    """``Rp1.204.000.000``; ``-Rp5.000`` for negatives; ``Rp2.950.000,00`` with ``cents``."""
    amount = _require_int(amount)
    figures = format_count(abs(amount))
    text = f"{'-' if amount < 0 else ''}Rp{figures}"
    return text + ",00" if cents else text


def parse_rupiah(text: str) -> int:
    """Read an amount typed as ``Rp1.204.000.000``, ``Rp 1.204.000.000,00``,
    ``1.204.000.000``, ``1204000000`` or ``Rp5.000,-``; sen other than ,00 are refused."""
    compact = re.sub(r"\s+", "", strip_invisible(text))
    if not compact:
        raise ValidationError("Nominal wajib diisi.", field="nominal")
    match = _RUPIAH.fullmatch(compact)
    if match is None or (match["sign"] and match["sign2"]):
        raise ValidationError(
            f"Nominal '{text.strip()}' tidak dikenali; tulis seperti Rp1.204.000 atau 1204000.",
            field="nominal",
        )
    if match["sen"] and int(match["sen"]):
        raise ValidationError(
            f"Nominal '{text.strip()}' memuat sen; masukkan rupiah utuh tanpa sen.",
            field="nominal",
        )
    value = int(match["whole"].replace(".", ""))
    return -value if (match["sign"] or match["sign2"]) else value


def _below_thousand(n: int) -> list[str]:
    """Words for 0 < n < 1000, with se- for a leading one (seratus, sepuluh, sebelas)."""
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_DIGITS[hundreds], "ratus"]
    tens, units = divmod(rest, 10)
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif tens == 1:
        words += [_DIGITS[units], "belas"]
    else:
        if tens:
            words += [_DIGITS[tens], "puluh"]
        if units:
            words.append(_DIGITS[units])
    return words


def terbilang_number(n: int) -> str:
    """A whole number in Indonesian words, e.g. 1001000 → ``satu juta seribu``; 0 → ``nol``;
    negatives start with ``minus``. Up to 999 triliun."""
    n = _require_int(n)
    if abs(n) > MAX_TERBILANG:
        raise ValidationError(
            "Nilai terlalu besar untuk ditulis dengan huruf (paling besar 999 triliun).",
            field="nominal",
        )
    if n == 0:
        return "nol"
    words: list[str] = ["minus"] if n < 0 else []
    groups: list[int] = []
    rest = abs(n)
    while rest:
        rest, group = divmod(rest, 1000)
        groups.append(group)
    for scale in range(len(groups) - 1, -1, -1):
        group = groups[scale]
        if not group:
            continue
        if scale == 1 and group == 1:
            words.append("seribu")  # but "satu juta", "satu miliar", "satu triliun"
        else:
            words += _below_thousand(group)
            if scale:
                words.append(_SCALES[scale])
    return " ".join(words)


def terbilang(amount: int, *, currency: bool = True) -> str:
    """Amount in words for receipts and deeds: 1204000000 → ``satu miliar dua ratus empat
    juta rupiah``; without ``rupiah`` when ``currency`` is False."""
    words = terbilang_number(amount)
    return f"{words} rupiah" if currency else words
