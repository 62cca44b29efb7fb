"""Rupiah figures and terbilang (DOMAIN.md §8.1, PUEBI)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.money import (
    MAX_TERBILANG,
    format_count,
    format_rupiah,
    parse_rupiah,
    terbilang,
    terbilang_number,
)


@pytest.mark.parametrize(
    ("amount", "cents", "expected"),
    [
        (0, False, "Rp0"),
        (5, False, "Rp5"),
        (999, False, "Rp999"),
        (1000, False, "Rp1.000"),
        (10_000, False, "Rp10.000"),
        (1_204_000_000, False, "Rp1.204.000.000"),
        (-5000, False, "-Rp5.000"),
        (2_950_000, True, "Rp2.950.000,00"),
        (1_204_000_000, True, "Rp1.204.000.000,00"),
        (-1_000_000, True, "-Rp1.000.000,00"),
    ],
)
def test_format_rupiah(amount: int, cents: bool, expected: str) -> None:
    assert format_rupiah(amount, cents=cents) == expected


@pytest.mark.parametrize("amount", [1.5, 1000.0, Decimal("1000"), "1000", True, None])
def test_format_rupiah_refuses_non_int(amount: object) -> None:
    with pytest.raises(TypeError):
        format_rupiah(amount)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp1.204.000.000", 1_204_000_000),
        ("1.204.000.000", 1_204_000_000),
        ("1204000000", 1_204_000_000),
        ("Rp 1.204.000.000,00", 1_204_000_000),
        ("Rp1.204.000.000,00", 1_204_000_000),
        ("rp 5.000", 5000),
        ("Rp. 5.000", 5000),
        ("IDR 5.000", 5000),
        ("Rp5.000,-", 5000),
        ("-Rp5.000", -5000),
        ("Rp-5.000", -5000),
        ("  1 204 000 ", 1_204_000),
        ("\u200bRp\u00a02.950.000,0", 2_950_000),
        ("0", 0),
    ],
)
def test_parse_rupiah(text: str, amount: int) -> None:
    assert parse_rupiah(text) == amount


@pytest.mark.parametrize(
    ("text", "message_part"),
    [
        ("", "wajib diisi"),
        ("Rp1.204.000,50", "sen"),
        ("1,5", "sen"),
        ("abc", "tidak dikenali"),
        ("Rp1,204 miliar", "tidak dikenali"),
        ("1.20.000", "tidak dikenali"),
        ("1204.5", "tidak dikenali"),
        ("--5000", "tidak dikenali"),
        ("-Rp-5.000", "tidak dikenali"),
        ("Rp", "tidak dikenali"),
    ],
)
def test_parse_rupiah_rejects(text: str, message_part: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_rupiah(text)
    assert message_part in caught.value.message


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_parse_inverts_format(amount: int) -> None:
    assert parse_rupiah(format_rupiah(amount)) == amount
    assert parse_rupiah(format_rupiah(amount, cents=True)) == amount


TERBILANG = [
    (0, "nol"),
    (1, "satu"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (19, "sembilan belas"),
    (20, "dua puluh"),
    (21, "dua puluh satu"),
    (99, "sembilan puluh sembilan"),
    (100, "seratus"),
    (101, "seratus satu"),
    (110, "seratus sepuluh"),
    (111, "seratus sebelas"),
    (115, "seratus lima belas"),
    (200, "dua ratus"),
    (999, "sembilan ratus sembilan puluh sembilan"),
    (1000, "seribu"),
    (1001, "seribu satu"),
    (1100, "seribu seratus"),
    (1999, "seribu sembilan ratus sembilan puluh sembilan"),
    (2000, "dua ribu"),
    (10_000, "sepuluh ribu"),
    (11_000, "sebelas ribu"),
    (100_000, "seratus ribu"),
    (101_000, "seratus satu ribu"),
    (111_111, "seratus sebelas ribu seratus sebelas"),
    (1_000_000, "satu juta"),
    (1_001_000, "satu juta seribu"),  # num2words writes "satu juta satu ribu"
    (1_100_000, "satu juta seratus ribu"),
    (2_950_000, "dua juta sembilan ratus lima puluh ribu"),
    (1_000_000_000, "satu miliar"),
    (1_204_000_000, "satu miliar dua ratus empat juta"),
    (1_001_001_001, "satu miliar satu juta seribu satu"),
    (10**12, "satu triliun"),
    (10**12 + 1000, "satu triliun seribu"),
    (MAX_TERBILANG, "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan "
     "puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus "
     "sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"),
    (-5000, "minus lima ribu"),
]  # fmt: skip


@pytest.mark.parametrize(("amount", "words"), TERBILANG)
def test_terbilang_number(amount: int, words: str) -> None:
    assert terbilang_number(amount) == words
    assert terbilang(amount, currency=False) == words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (1_204_000_000, "satu miliar dua ratus empat juta rupiah"),
        (2_950_000, "dua juta sembilan ratus lima puluh ribu rupiah"),
        (0, "nol rupiah"),
    ],
)
def test_terbilang_currency(amount: int, words: str) -> None:
    assert terbilang(amount) == words


def test_terbilang_refuses_float_and_huge() -> None:
    with pytest.raises(TypeError):
        terbilang(1.0)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        terbilang(10**15)


# A small independent reader of Indonesian number words, for the round trip.
_UNITS = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}  # fmt: skip
_SE = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
_SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}


def read_words(text: str) -> int:
    words = text.split()
    sign = 1
    if words and words[0] == "minus":
        sign, words = -1, words[1:]
    total = group = number = 0
    for word in words:
        if word in _UNITS:
            number = _UNITS[word]
        elif word == "belas":
            group, number = group + number + 10, 0
        elif word == "puluh":
            group, number = group + number * 10, 0
        elif word == "ratus":
            group, number = group + number * 100, 0
        elif word == "seribu":
            total, group, number = total + (group + number + 1) * 1000, 0, 0
        elif word in _SE:
            group, number = group + number + _SE[word], 0
        elif word in _SCALES:
            total, group, number = total + (group + number) * _SCALES[word], 0, 0
        else:
            raise AssertionError(f"unexpected word {word!r}")
    return sign * (total + group + number)


@pytest.mark.parametrize(("amount", "words"), TERBILANG)
def test_reader_agrees_with_table(amount: int, words: str) -> None:
    assert read_words(words) == amount


@given(st.integers(min_value=-MAX_TERBILANG, max_value=MAX_TERBILANG))
def test_terbilang_round_trips(amount: int) -> None:
    words = terbilang_number(amount)
    assert words
    assert read_words(words) == amount
    for wrong in ("satu ratus", "satu puluh", "satu belas", "  "):
        assert wrong not in words
    # "satu ribu" is right inside a group ("seratus satu ribu" = 101.000), wrong when the
    # thousands group is just one ("satu juta seribu", never "satu juta satu ribu").
    assert not re.search(r"(^|juta |miliar |triliun |minus )satu ribu", words)
    assert not words.startswith(" ") and not words.endswith(" ")


@given(st.integers(min_value=0, max_value=999).flatmap(
    lambda low: st.sampled_from([low + 10**k for k in (3, 6, 9, 12)])
))  # fmt: skip
def test_terbilang_round_trips_around_scale_words(amount: int) -> None:
    assert read_words(terbilang_number(amount)) == amount


@pytest.mark.parametrize(("n", "text"), [(0, "0"), (999, "999"), (13_595, "13.595"),
                                          (1_204_000_000, "1.204.000.000")])
def test_format_count_groups_thousands_with_dots(n, text):
    assert format_count(n) == text
