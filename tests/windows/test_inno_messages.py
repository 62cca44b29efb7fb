"""The installer's Indonesian messages (installer/languages/Indonesian.isl) against the English
ones of the Inno Setup that compiles them: every key present, none left in English.

The compiler comes from the npm package `innosetup`, fetched by scripts/test-windows into
~/.cache/branch-desk/windows/innosetup; the test runs whenever that copy is there."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OURS = ROOT / "installer" / "languages" / "Indonesian.isl"
CACHE = Path(os.environ.get("BRANCH_DESK_CACHE", Path.home() / ".cache" / "branch-desk"))
DEFAULT = CACHE / "windows" / "innosetup" / "node_modules" / "innosetup" / "bin" / "Default.isl"
# Values that read the same in both languages.
SAME = {"ButtonOK", "ComponentSize1", "ComponentSize2", "UninstallDisplayNameMark",
        "UninstallDisplayNameMarks", "UninstallDisplayNameMark32Bit",
        "UninstallDisplayNameMark64Bit", "HelpTextNote", "AboutSetupNote", "BeveledLabel"}


def messages(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8-sig")
    return dict(re.findall(r"^([A-Za-z0-9]+)=(.*?)\r?$", text, re.MULTILINE))


@pytest.mark.skipif(not DEFAULT.is_file(), reason="Inno Setup from npm: scripts/test-windows")
def test_every_message_is_translated() -> None:
    english, indonesian = messages(DEFAULT), messages(OURS)
    assert sorted(set(english) - set(indonesian)) == []
    assert sorted(set(indonesian) - set(english)) == []
    untranslated = sorted(key for key, value in english.items()
                          if key not in SAME and value and indonesian[key] == value)
    assert untranslated == ["LanguageCodePage"], untranslated


def test_the_file_is_utf8_with_a_byte_order_mark() -> None:
    """Inno Setup reads a .isl as UTF-8 only with the mark; without it, as the ANSI page."""
    assert OURS.read_bytes().startswith(b"\xef\xbb\xbf")
    assert messages(OURS)["LanguageName"] == "Bahasa Indonesia"
    assert messages(OURS)["LanguageID"] == "$0421"
