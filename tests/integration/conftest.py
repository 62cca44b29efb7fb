"""Fixtures of the integration tests: a region of branch offices and a hub on each engine, and
the command line run in process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.hub import drop_hub, hub_target, region
from tests.support.offices import PASSWORDS, Office


@pytest.fixture
def offices(hub_engine: str, tmp_path: Path) -> Iterator[dict[str, Office]]:
    """The hub and its branches (`region`), on the engine `hub_engine` names; a module
    with an `offices` fixture of its own (the sync tests) uses that instead."""
    target = hub_target(hub_engine, tmp_path)
    made = region(target, tmp_path / "region")
    yield made
    for office in made.values():
        office.db.dispose()
    drop_hub(target)


@dataclass(frozen=True)
class CliRun:
    """How a command run in process ended: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(office: Office, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliRun]:
    """Run `branch-desk` in process as a user (the real parser, login and handlers)."""
    from branch_desk.cli.main import main

    def run(*args: str, user: str = "petugas") -> CliRun:
        monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORDS[user])
        code = main(["--db", str(office.path), "--user", user, *args])
        out = capsys.readouterr()
        return CliRun(code, out.out, out.err)

    return run
