"""Name folding for search (domain.text)."""

from __future__ import annotations

import pytest

from branch_desk.domain.text import display_name, fold, prefix_bounds, words


@pytest.mark.parametrize("raw, folded", [
    ("Andi Baso", "andi baso"),
    ("  ANDI   BASO ", "andi baso"),
    ("Ma'ruf Amin", "maruf amin"),
    ("Ma’ruf", "maruf"),
    ("Muh. Rahman Dg. Sila", "muh rahman dg sila"),
    ("Nurhayati-Saleh", "nurhayati saleh"),
    ("Sitti Ṣaleha", "sitti saleha"),
    ("ÉLISE", "elise"),
    ("Andi\u200bBaso", "andibaso"),
    ("", ""),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_words_and_bounds():
    assert words("H. Andi BASO") == ["h", "andi", "baso"]
    low, high = prefix_bounds("andi ba")
    assert low <= "andi baso" < high
    assert not (low <= "andi c" < high)
    assert not (low <= "andi b" < high)
    with pytest.raises(ValueError):
        prefix_bounds("")


@pytest.mark.parametrize("raw, shown", [
    ("ANDI BASO", "Andi Baso"), ("MA'RUF", "Ma'ruf"), ("andi baso", "Andi Baso"),
    ("Andi BASO", "Andi BASO"), ("ST.HAJAR", "St.Hajar"),
])
def test_display_name(raw, shown):
    assert display_name(raw) == shown
