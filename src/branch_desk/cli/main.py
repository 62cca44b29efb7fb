"""`branch-desk`: the command-line entry point; no arguments starts the program."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from branch_desk import __version__
from branch_desk.cli.common import COMMON, TOP_COMMON, CliError, Context
from branch_desk.private_files import restrict_umask

# One module per capability registers its commands with `register(subparsers)`; handlers
# get a Context.
COMMAND_MODULES = (
    "branch_desk.cli.admin",
    "branch_desk.cli.participants",
    "branch_desk.cli.contributions",
    "branch_desk.cli.claims",
    "branch_desk.cli.partners",
    "branch_desk.cli.sync",  # after contributions: adds the hub reports to its `report` group
)


def build_parser() -> argparse.ArgumentParser:
    version = argparse.ArgumentParser(add_help=False)
    version.add_argument("--version", action="version", version=f"branch-desk {__version__}")
    parser = argparse.ArgumentParser(
        prog="branch-desk",
        description="Branch Desk — program kantor cabang BPJS Ketenagakerjaan. "
                    "Tanpa perintah: membuka program.",
        parents=[version, TOP_COMMON],
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    gui = sub.add_parser("gui", parents=[COMMON], help="buka program (bawaan bila tanpa perintah)")
    gui.add_argument("--demo", action="store_true",
                     help="isi data demo bila basis data masih kosong")
    gui.set_defaults(handler=_run_gui)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _run_gui(ctx: Context) -> int:
    from branch_desk.ui.shell.app import run

    return run(ctx.args.db, offer_demo=getattr(ctx.args, "demo", False))


def _utf8_output() -> None:
    """Write UTF-8 whatever the streams are. On Windows, output sent to a pipe or a file
    (`branch-desk-cli … > hasil.txt`) is in the ANSI code page (cp1252), which cannot hold
    every name the program prints ('–', 'Ⅱ'): the command would die after doing its work."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("", "utf8") and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run `branch-desk` (a command, or the program); every file it creates is user-only by
    default (umask 0o077; the umask of a calling process is given back at the end)."""
    _utf8_output()
    previous = restrict_umask()
    try:
        return _main(argv)
    finally:
        os.umask(previous)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["--version"], ["-V"]):  # the fast path: nothing else imported
        print(f"branch-desk {__version__}")
        return 0
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    ctx = Context(args)
    if handler is None:
        if args.command is None:
            return _run_gui(ctx)
        parser.parse_args([args.command, "--help"])
        return 2
    from branch_desk.domain.errors import DomainError

    try:
        status = int(handler(ctx) or 0)
        sys.stdout.flush()  # a reader gone away (`… | head`) shows here, not at exit
        return status
    except DomainError as exc:
        return _fail(ctx, str(exc), getattr(exc, "field", None), getattr(exc, "row", None))
    except CliError as exc:
        return _fail(ctx, str(exc), None, None, exc.code)
    except KeyboardInterrupt:
        return _fail(ctx, "Dibatalkan.", None, None, 130)
    except BrokenPipeError:
        # the reader of our output went away (`… | head`): the work is done, say nothing
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    finally:
        ctx.close()


def _fail(ctx: Context, message: str, field: str | None, row: int | None, code: int = 2) -> int:
    if ctx.as_json:
        import json

        print(json.dumps({"error": message, "field": field, "row": row}, ensure_ascii=False))
    print(f"Galat: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
