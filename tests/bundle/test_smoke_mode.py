"""The smoke mode (`ui/shell/smoke.py`): it must pass on a good database and fail loudly on a
broken page, a refused login or an unprepared database.

Runs that enter the event loop go to a child process: after `QApplication.exec()` has
returned once, later modal dialogs in the same test process return at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from branch_desk.ui.shell import main_window
from branch_desk.ui.shell.smoke import run_smoke, smoke_requested
from tests.support.offices import PASSWORDS
from tests.support.screenshots import assert_page_shots


def _result(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert lines, "run_smoke printed no JSON line"
    return json.loads(lines[-1])


BROKEN_PAGE = """
from branch_desk.ui.shell import main_window
def create_page(ctx):
    raise RuntimeError("halaman rusak untuk uji")
main_window.PAGES = (*main_window.PAGES, ("rusak", "Rusak", create_page))
"""


def _run_child(db: str, env: dict[str, str], prelude: str = "") -> tuple[int, dict[str, object]]:
    code = prelude + ("\nimport sys\nfrom branch_desk.ui.shell.smoke import run_smoke\n"
                      "sys.exit(run_smoke(sys.argv[1]))\n")
    done = subprocess.run([sys.executable, "-c", code, db], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
                          timeout=180, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout + done.stderr
    return done.returncode, json.loads(lines[-1])


def test_visits_every_page_and_saves_screenshots(office, tmp_path):
    code, result = _run_child(str(office.path), {
        "BRANCH_DESK_SMOKE_USER": "admin", "BRANCH_DESK_PASSWORD": PASSWORDS["admin"],
        "BRANCH_DESK_SMOKE_SHOTS": str(tmp_path / "shots")})
    assert (code, result["smoke"], result["errors"]) == (0, "ok", [])
    assert result["user"] == "admin"
    keys = [key for key, _, _ in main_window.PAGES]
    assert list(result["pages"]) == keys and keys[0] == "beranda"
    assert_page_shots(tmp_path / "shots", keys)


def test_a_page_that_raises_fails_the_run(office):
    code, result = _run_child(str(office.path), {
        "BRANCH_DESK_SMOKE_USER": "admin", "BRANCH_DESK_PASSWORD": PASSWORDS["admin"]},
        prelude=BROKEN_PAGE)
    assert code == 1 and result["smoke"] == "failed"
    assert "rusak" not in result["pages"]
    assert any("halaman rusak untuk uji" in error for error in result["errors"])


def test_a_refused_login_exits_3(office, qapp, capsys, monkeypatch):
    monkeypatch.setenv("BRANCH_DESK_SMOKE_USER", "admin")
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "bukan-kata-sandinya")
    assert run_smoke(str(office.path)) == 3
    result = _result(capsys)
    assert result["smoke"] == "login-refused"
    assert "kata sandi" in str(result["error"]).lower()


def test_an_empty_database_exits_2(qapp, capsys, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "apa-saja")
    assert run_smoke(str(tmp_path / "kosong.db")) == 2
    assert _result(capsys)["smoke"] == "no-database"


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("yes", True), ("0", False),
                                                 ("", False), (None, False)])
def test_smoke_requested(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("BRANCH_DESK_SMOKE", raising=False)
    else:
        monkeypatch.setenv("BRANCH_DESK_SMOKE", value)
    assert smoke_requested() is expected
