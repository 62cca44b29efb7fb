"""Running Windows programs under Wine for the Windows tests (scripts/test-windows).

The script prepares a Wine prefix with the embeddable Windows CPython and the project's
Windows wheels and names it in `BRANCH_DESK_WINE_PREFIX`; these helpers run programs in it
the way an office PC would: Windows paths (drive letter, backslashes, spaces, non-ASCII
folder names), stdin from nowhere and the output through pipes (Windows Python under Wine
cannot start with a terminal or a plain file as its standard streams).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import Any

PREFIX_ENV = "BRANCH_DESK_WINE_PREFIX"
PYTHON = r"C:\Python313\python.exe"
TIMEOUT = 300  # seconds for one program; a Python start under Wine takes 5-15 s

# The folder the office keeps its lists in: spaces, an en dash and a Roman numeral (outside
# every Windows ANSI code page) on the way.
WORK = PureWindowsPath(r"C:\Users\Petugas\Dokumen Kantor\Peserta Maros – Tahap Ⅱ")


def prefix() -> Path:
    return Path(os.environ[PREFIX_ENV])


# The office keys of this run, from the recovery key files `init` and `demo` wrote: the Linux
# side reads the encrypted databases (and their backups) with them.
KEYS: list[bytes] = []


def remember_key(recovery_key_file: Path) -> bytes:
    """Keep the key in a recovery key file the Windows program wrote."""
    from branch_desk.domain.recovery_key import parse_recovery_key

    key = parse_recovery_key(recovery_key_file.read_text(encoding="utf-8"))
    if key not in KEYS:
        KEYS.append(key)
    return key


def db_key(path: Path) -> bytes | None:
    """The key that opens the database file `path`; None for a plain file."""
    from branch_desk.db.encryption import is_plain_sqlite, opens_with

    if is_plain_sqlite(path):
        return None
    found = next((key for key in KEYS if opens_with(path, key)), None)
    assert found is not None, f"no key of this run opens {path}"
    return found


def open_db(path: Path) -> Any:
    """A read connection to the database file `path`, with its key when it is encrypted."""
    from branch_desk.db.encryption import connect

    return connect(path, key=db_key(path))


def unix_path(path: PureWindowsPath | str) -> Path:
    """Where a C:\\ path of the prefix lies on the Linux side (Wine's drive_c; Wine finds
    names without regard to case, the Linux side keeps Wine's lower-case `users`)."""
    path = PureWindowsPath(path)
    assert path.drive.upper() == "C:", path
    parts = list(path.parts[1:])
    if parts and parts[0].lower() == "users":
        parts[0] = "users"
    return prefix() / "drive_c" / Path(*parts) if parts else prefix() / "drive_c"


def windows_path(path: Path) -> PureWindowsPath:
    """The Windows name of a Linux file: inside the prefix its C:\\ path, else Z:\\…"""
    drive_c = prefix() / "drive_c"
    if path.is_relative_to(drive_c):
        return PureWindowsPath("C:\\", *path.relative_to(drive_c).parts)
    return PureWindowsPath("Z:\\", *path.parts[1:])


def wine_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a Windows program: the Linux one minus Python and Qt settings of
    the test run, plus `extra`. Wine hands variables starting with QT_ to Windows programs
    only when written WINEQT_… (it keeps the host's Qt settings away from them)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "QT_", "BRANCH_DESK_", "VIRTUAL_ENV"))}
    env.update(WINEPREFIX=str(prefix()), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=")
    for key, value in (extra or {}).items():
        env["WINE" + key if key.startswith("QT_") else key] = value
    return env


@dataclass(frozen=True)
class Done:
    """A finished Windows program: exit code and its output decoded."""

    returncode: int
    stdout: str
    stderr: str


def run_windows(program: str | PureWindowsPath, args: list[str], *,
                env: dict[str, str] | None = None, cwd: Path | None = None,
                timeout: int = TIMEOUT) -> Done:
    """Run a Windows program under Wine; output decoded as UTF-8 (the program writes it so,
    see `branch_desk.cli.main`), undecodable bytes shown as U+FFFD so a test names them."""
    done = subprocess.run(["wine", str(program), *args], env=wine_env(env),
                          cwd=cwd or prefix(), stdin=subprocess.DEVNULL, capture_output=True,
                          timeout=timeout, check=False)
    return Done(done.returncode, done.stdout.decode("utf-8", "replace"),
                done.stderr.decode("utf-8", "replace"))


def branch_desk(args: list[str], **kwargs: object) -> Done:
    """`python -m branch_desk ARGS` with the Windows CPython of the prefix."""
    return run_windows(PYTHON, ["-m", "branch_desk", *args], **kwargs)  # type: ignore[arg-type]


HOLDER = r"""
import os, sqlite3, sys, time
path, kind, release, key = sys.argv[1:5]
if kind == "file":  # what Excel or a PDF viewer does: the file stays open
    handle = open(path, "rb")
else:  # another Branch Desk in the middle of a write (with the office key, SQLCipher)
    if key:
        import sqlcipher3
        handle = sqlcipher3.connect(path, isolation_level=None)
        handle.execute(f"PRAGMA key = \"x'{key}'\"")
    else:
        handle = sqlite3.connect(path, isolation_level=None)
    handle.execute("BEGIN IMMEDIATE")
print("held", flush=True)
deadline = time.monotonic() + 240
while not os.path.exists(release) and time.monotonic() < deadline:
    time.sleep(0.2)
if kind != "file":
    handle.execute("ROLLBACK")
handle.close()
"""


@contextmanager
def held_open(path: PureWindowsPath, kind: str = "file") -> Iterator[Path]:
    """Another Windows process keeps `path` open while the block runs: as a plain open file
    (`kind="file"`, how Excel holds a workbook) or as a SQLite write transaction
    (`kind="sqlite-write"`, another workstation saving). Yields the file whose creation
    makes the holder let go before the block ends."""
    release = unix_path(path.with_name(path.name + ".release"))
    release.unlink(missing_ok=True)
    key = db_key(unix_path(path)) if kind != "file" else None
    holder = subprocess.Popen(
        ["wine", PYTHON, "-c", HOLDER, str(path), kind, str(windows_path(release)),
         key.hex() if key else ""],
        env=wine_env(), cwd=prefix(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE)
    try:
        assert holder.stdout is not None
        line = holder.stdout.readline()
        assert line.strip() == b"held", (line, holder.stderr.read() if holder.stderr else b"")
        yield release
    finally:
        release.touch()
        holder.wait(timeout=60)
        release.unlink(missing_ok=True)


DACL_OF = r"""
import ctypes, sys
from ctypes import wintypes
advapi = ctypes.WinDLL("advapi32", use_last_error=True)
DACL = 4  # DACL_SECURITY_INFORMATION
needed = wintypes.DWORD()
advapi.GetFileSecurityW(sys.argv[1], DACL, None, 0, ctypes.byref(needed))
buffer = ctypes.create_string_buffer(needed.value)
if not advapi.GetFileSecurityW(sys.argv[1], DACL, buffer, needed, ctypes.byref(needed)):
    sys.exit(f"GetFileSecurityW: {ctypes.get_last_error()}")
text = wintypes.LPWSTR()
if not advapi.ConvertSecurityDescriptorToStringSecurityDescriptorW(
        buffer, 1, DACL, ctypes.byref(text), None):
    sys.exit(f"ConvertSecurityDescriptorToStringSecurityDescriptorW: {ctypes.get_last_error()}")
print(text.value)
"""


def dacl(path: PureWindowsPath) -> str:
    """The access list Windows keeps for `path`, in SDDL (e.g. `D:PAI(A;OICI;FA;;;OW)…`)."""
    done = run_windows(PYTHON, ["-c", DACL_OF, str(path)])
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
