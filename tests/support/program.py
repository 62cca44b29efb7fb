"""Running the program in a child process: `python -m branch_desk` with this interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.support.offices import PASSWORDS, Office


def program_command(*args: str) -> list[str]:
    """The command line of `branch-desk args…`."""
    return [sys.executable, "-m", "branch_desk", *args]


def run_program(*args: str, data: Path | str | None = None, password: str | None = None,
                env: Mapping[str, str] | None = None,
                **options: Any) -> subprocess.CompletedProcess[str]:
    """Run `branch-desk args…` to its end, output captured as text (the exit code is the
    test's to check). Its environment is `env` (default: this process's) with the data folder
    `data` and the password `password` when given; `options` go to subprocess.run."""
    variables = dict(os.environ if env is None else env)
    if data is not None:
        variables["BRANCH_DESK_DATA"] = str(data)
    if password is not None:
        variables["BRANCH_DESK_PASSWORD"] = password
    return subprocess.run(program_command(*args), capture_output=True, text=True,
                          env=variables, check=False, **options)


def run_as(office: Office, *args: str,
           user: str | None = "kepala") -> subprocess.CompletedProcess[str]:
    """Run `branch-desk --db <office> [--user user] args…`, logged in with the user's password
    (user None: a command that needs no login)."""
    login = ["--user", user] if user else []
    return run_program("--db", str(office.path), *login, *args,
                       password=PASSWORDS[user] if user else None)
