"""The user's data folder holds the database, backups and logs: only its user may open it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from branch_desk.config import APP_NAME, DATA_ENV, data_dir

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Linux permissions; Windows: "
                                "tests/windows (the access list under Wine)")


@pytest.fixture
def home_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs' folder for the user, moved into tmp_path (XDG_DATA_HOME)."""
    monkeypatch.delenv(DATA_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    return tmp_path / "share" / APP_NAME


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_folder_is_readable_by_its_user_only(home_data: Path) -> None:
    assert data_dir() == home_data
    assert mode(home_data) == 0o700


def test_a_data_folder_left_open_by_an_older_version_is_closed(home_data: Path) -> None:
    home_data.mkdir(parents=True, mode=0o755)
    home_data.chmod(0o755)
    (home_data / "branch-desk.db").write_bytes(b"")
    assert data_dir() == home_data
    assert mode(home_data) == 0o700
    assert (home_data / "branch-desk.db").exists()


def test_a_folder_named_by_the_environment_is_closed_too(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """BRANCH_DESK_DATA names where this user's database and backups live: as private as the
    default folder (issue 16: personal data readable only by its user)."""
    named = tmp_path / "kantor"
    named.mkdir(mode=0o775)
    named.chmod(0o775)
    monkeypatch.setenv(DATA_ENV, str(named))
    assert data_dir() == named
    assert mode(named) == 0o700
