"""The office database key as people write it: the recovery key.

The database key is 32 random bytes, used by SQLCipher as a raw key (`PRAGMA key =
"x'<64 hex>'"`: no key derivation on each connection). The recovery key is the same 32 bytes
in 16 groups of four hexadecimal digits, followed by a 17th check group (the first two bytes
of the key's SHA-256), so a mistyped key is told apart from a key of another database:

    3F9A-0C1E-…-77D2 / 5B0E

Hexadecimal and not base32 because an auditor types the same digits into SQLCipher's
`PRAGMA key` unchanged.
"""

from __future__ import annotations

import hashlib
import re

from branch_desk.domain.errors import ValidationError

KEY_BYTES = 32
GROUP = 4
# SQLCipher 4's defaults (`PRAGMA cipher_compatibility = 4`), which the program never changes;
# a raw key skips the PBKDF2 step, the other settings still apply.
CIPHER_SETTINGS: tuple[tuple[str, str], ...] = (
    ("cipher_compatibility", "4"),
    ("cipher", "AES-256-CBC"),
    ("cipher_page_size", "4096"),
    ("cipher_hmac_algorithm", "HMAC_SHA512"),
    ("cipher_kdf_algorithm", "PBKDF2_HMAC_SHA512 (tidak dipakai: kunci mentah)"),
    ("cipher_plaintext_header_size", "0"),
)
_NOT_HEX = re.compile(r"[^0-9A-Fa-f]")


def check_group(key: bytes) -> str:
    """The check group of `key`: the first two bytes of its SHA-256, in hexadecimal."""
    return hashlib.sha256(key).hexdigest()[:GROUP].upper()


def format_recovery_key(key: bytes) -> str:
    """`key` as 16 groups of four hex digits joined by '-', then ' / ' and the check group."""
    if len(key) != KEY_BYTES:
        raise ValueError(f"a database key has {KEY_BYTES} bytes, not {len(key)}")
    digits = key.hex().upper()
    groups = [digits[i:i + GROUP] for i in range(0, len(digits), GROUP)]
    return "-".join(groups) + " / " + check_group(key)


def key_groups(key: bytes) -> list[str]:
    """The 16 key groups and the check group, for a printed sheet."""
    return format_recovery_key(key).replace(" / ", "-").split("-")


def parse_recovery_key(text: str) -> bytes:
    """The key in a recovery key as typed: groups with or without separators, with the check
    group (68 digits) or without it (the 64 digits of a `PRAGMA key` line).

    A ValidationError (in Indonesian) for a wrong length or a check group that does not
    match, which means a typing mistake rather than the key of another database.
    """
    body = text.strip()
    if not body:
        raise ValidationError("Kunci pemulihan kosong: salin ke-17 kelompoknya dari lembar "
                              "kunci pemulihan kantor.", field="recovery_key")
    if body.lower().startswith("x'"):
        body = body[2:].rstrip("'\"")
    digits = _NOT_HEX.sub("", body.replace("/", ""))
    stray = re.sub(r"[0-9A-Fa-f\s\-/]", "", body)
    if stray:
        raise ValidationError(f"Kunci pemulihan hanya berisi angka 0–9 dan huruf A–F; "
                              f"ditemukan '{stray[:10]}'.", field="recovery_key")
    if len(digits) not in (KEY_BYTES * 2, KEY_BYTES * 2 + GROUP):
        raise ValidationError(
            f"Kunci pemulihan terdiri atas 16 kelompok empat angka/huruf ditambah satu "
            f"kelompok pemeriksa (68 karakter); yang diketik {len(digits)} karakter.",
            field="recovery_key")
    key = bytes.fromhex(digits[:KEY_BYTES * 2])
    if len(digits) > KEY_BYTES * 2 and digits[KEY_BYTES * 2:].upper() != check_group(key):
        raise ValidationError("Kunci pemulihan salah ketik: kelompok pemeriksa (terakhir) tidak "
                              "cocok dengan 16 kelompok sebelumnya. Periksa lagi setiap "
                              "kelompok.", field="recovery_key")
    return key


def key_pragma(key: bytes) -> str:
    """The SQLCipher statement that opens a database with `key` (the first statement on a
    connection)."""
    return f"PRAGMA key = \"x'{key.hex().upper()}'\";"
