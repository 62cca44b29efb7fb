"""The recovery key as people write it: the same 32 bytes, a check group for typing mistakes."""

from __future__ import annotations

import pytest

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.recovery_key import (
    check_group,
    format_recovery_key,
    key_groups,
    key_pragma,
    parse_recovery_key,
)

KEY = bytes(range(32))


def test_format_and_parse_round_trip():
    text = format_recovery_key(KEY)
    assert text == ("0001-0203-0405-0607-0809-0A0B-0C0D-0E0F-1011-1213-1415-1617-1819-1A1B-"
                    "1C1D-1E1F / " + check_group(KEY))
    assert parse_recovery_key(text) == KEY
    assert parse_recovery_key(text.lower().replace("-", " ").replace("/", "")) == KEY
    assert len(key_groups(KEY)) == 17


def test_the_pragma_line_and_its_64_digits_are_accepted():
    line = key_pragma(KEY)
    assert line == "PRAGMA key = \"x'" + KEY.hex().upper() + "'\";"
    assert parse_recovery_key(KEY.hex()) == KEY
    assert parse_recovery_key("x'" + KEY.hex() + "'") == KEY


@pytest.mark.parametrize(("typed", "message"), [
    ("0001-0203", "68 karakter"),
    ("0001-0203-0405-0607-0809-0A0B-0C0D-0E0F-1011-1213-1415-1617-1819-1A1B-1C1D-1E1G",
     "hanya berisi"),
])
def test_bad_shapes_are_named(typed, message):
    with pytest.raises(ValidationError, match=message):
        parse_recovery_key(typed)


def test_one_mistyped_digit_is_caught_by_the_check_group():
    text = format_recovery_key(KEY)
    caught = 0
    for position, char in enumerate(text):
        if char not in "0123456789ABCDEF" or position > 78:
            continue
        typo = text[:position] + ("1" if char != "1" else "2") + text[position + 1:]
        try:
            parse_recovery_key(typo)
        except ValidationError as exc:
            assert "salah ketik" in str(exc)
            caught += 1
    assert caught == 64  # every digit of the key itself
