"""Files on disk as an attacker on the same computer sees them: their modes, the temporary
files left behind, and a disk that fills up."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

DISK_FULL = "Disk penuh"


def mode(path: Path) -> int:
    """The permission bits of `path` (0o600 for a file only its user can read)."""
    return Path(path).stat().st_mode & 0o777


def temp_leftovers(folder: Path) -> list[str]:
    """Temporary files left in `folder`: our hidden `.name.….tmp` ones and openpyxl's."""
    return sorted(p.name for p in Path(folder).iterdir()
                  if p.name.endswith((".tmp", ".partial", ".restoring"))
                  or p.name.startswith("openpyxl."))


def fill_disk(monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC) -> None:
    """From now on every `os.fsync` fails with `code` (ENOSPC: the disk is full), as it does
    when the data written before could not be stored; no small file system can be mounted
    without privileges, so the full disk is injected here."""

    def full(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", full)
