"""Hostile input for the NIK parser: any text gives a Nik or an Indonesian ValidationError."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.nik import Nik, mask_nik, parse_nik
from tests.support.messages import assert_indonesian

CASES: Counter[str] = Counter()
TODAY = date(2025, 6, 16)
CI = settings(max_examples=1000, deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=50_000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> None:
    CASES["nik"] += 1
    try:
        nik = parse_nik(text, today=TODAY)
    except ValidationError as exc:
        assert exc.field == "nik"
        assert_indonesian(str(exc))
    else:
        assert isinstance(nik, Nik)
        assert len(nik.value) == 16 and nik.value.isascii() and nik.value.isdigit()
        assert nik.birth_date <= TODAY and nik.sex in ("L", "P")
        assert nik.masked == nik.value[:4] + "*" * 12
    masked = mask_nik(text)  # masking never fails, never shows the birth date or serial
    assert "*" in masked or len(masked) == 0


# Anything at all, including control characters, surrogates' neighbours, RTL marks.
any_text = st.text(max_size=80)
# Text that looks like a NIK: digits with the separators and invisible characters people paste.
noisy_digits = st.lists(st.sampled_from(list("0123456789") * 6 + list(" .-_/\u200b\ufeff\u00a0"
                                                                      "\u202e٠١٢३")),
                        min_size=10, max_size=24).map("".join)
# Structurally close to valid: real-looking prefixes, any day/month/year/serial digits.
near_valid = st.builds(lambda prov, rest, day, month, year, serial:
                       f"{prov}{rest}{day:02d}{month:02d}{year:02d}{serial:04d}",
                       st.sampled_from(["73", "76", "74", "72", "71", "75", "00", "99", "11"]),
                       st.integers(0, 9999).map(lambda n: f"{n:04d}"),
                       st.integers(0, 99), st.integers(0, 99), st.integers(0, 99),
                       st.integers(0, 9999))


@CI
@given(any_text)
def test_any_text(text):
    _check(text)


@CI
@given(noisy_digits)
def test_pasted_digits(text):
    _check(text)


@CI
@given(near_valid)
def test_near_valid_niks(text):
    _check(text)


@pytest.mark.parametrize("text", ["", " ", "\x00" * 16, "7" * 10_000, "1e16", "-7309014505900001",
                                  "７３０９０１４５０５９０００１", "7309014505900001\n", "NaN",
                                  "73090145059000011", "7309013102900001", "7309010013900001"])
def test_edge_cases(text):
    _check(text)


@pytest.mark.slow
@SLOW
@given(st.one_of(any_text, noisy_digits, near_valid))
def test_many_cases(text):
    _check(text)


def teardown_module() -> None:
    print(f"\nNIK fuzz: {CASES['nik']} inputs parsed")
