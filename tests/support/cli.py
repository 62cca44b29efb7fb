"""Running the command line in this process, as the CLI tests do."""

from __future__ import annotations

from typing import Any

from branch_desk.cli.main import main


def run_cli(capsys: Any, *args: str) -> tuple[int, str, str]:
    """`branch-desk args…` through `cli.main.main`: (exit code, stdout, stderr)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
