"""LibreOffice Calc, the real spreadsheet client the written files are opened with."""

from __future__ import annotations

import os
import shutil

import pytest


def soffice() -> str:
    """The `soffice` program, which the test command installs; skipped only outside CI."""
    found = shutil.which("soffice")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("soffice (Debian package libreoffice-calc-nogui) is needed in CI")
    pytest.skip("soffice not installed")
