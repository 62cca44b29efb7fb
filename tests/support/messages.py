"""Checks on the messages an officer reads: Indonesian, never a traceback."""

from __future__ import annotations

INDONESIAN = ("NIK", "tidak", "harus", "wajib", "hanya", "Tanggal", "Bulan", "Kode", "Nomor")


def assert_indonesian(message: str) -> None:
    """`message` is a non-empty Indonesian sentence, not a Python error."""
    assert message.strip(), "empty message"
    assert "Traceback" not in message and "Error" not in message, message
    assert any(word in message for word in INDONESIAN), message
