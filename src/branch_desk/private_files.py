"""Files only their user can read, written whole or not at all; a full disk said plainly.

Every file the program writes that may hold personal data goes through here: a temporary
file is created beside the target with mode 0600 and `O_EXCL` (`tempfile.mkstemp`), filled,
flushed to disk, then renamed over the target; on any exception the temporary file is
removed and an existing target stays as it was. A full disk (ENOSPC, EDQUOT, EFBIG, SQLite's
SQLITE_FULL) becomes a `ValidationError` whose Indonesian message names the file.

On POSIX files are 0600 and the program's folders 0700. Windows ignores these modes: the data
folder under %LOCALAPPDATA% inherits the user-only ACL of the profile (docs/security.md,
"Files at rest").
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from branch_desk.domain.errors import FileInUse, ValidationError

FILE_MODE = 0o600
DIR_MODE = 0o700
UMASK = 0o077
_FULL_ERRNOS = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None), errno.EFBIG) if code)
_SQLITE_FULL = 13  # "database or disk is full"
_POSIX = os.name == "posix"

log = logging.getLogger(__name__)


class DiskFullError(ValidationError):
    """The disk (or the user's quota) has no room for a file; nothing was saved."""


def restrict_umask() -> int:
    """Make every file this process creates user-only by default; the previous umask."""
    return os.umask(UMASK)


def is_disk_full(exc: BaseException) -> bool:
    """Whether `exc` says the disk or quota is full (an OSError or a SQLite error)."""
    if isinstance(exc, OSError):
        return exc.errno in _FULL_ERRNOS
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == _SQLITE_FULL


def disk_full_error(path: Path) -> DiskFullError:
    """The officer's message for a file that did not fit on the disk."""
    return DiskFullError(f"Disk penuh: berkas {path} tidak dapat ditulis; tidak ada berkas "
                         "yang tersimpan. Kosongkan ruang disk lalu ulangi.")


def private_dir(path: Path) -> Path:
    """`path` as a folder only its user can open (0700), made when missing. A folder of
    another user, or a shared sticky one such as /tmp, keeps its mode. On Windows, Python
    3.13+ gives a folder made with 0700 a protected access list (the user, SYSTEM and the
    administrators) that every file inside inherits, the counterpart of 0600 files; a folder
    made earlier keeps the access list of the user's profile, the same set of accounts."""
    path = Path(path)
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if _POSIX:
        info = path.stat()
        if (info.st_mode & 0o077 and info.st_uid == os.getuid()
                and not info.st_mode & stat.S_ISVTX):
            os.chmod(path, DIR_MODE)
    return path


def make_private(path: Path, *, create: bool = False) -> None:
    """Give the file `path` the mode 0600; with `create`, first make it (empty) when missing,
    so that a program opening it afterwards (SQLite, for its -wal and -shm too) keeps that
    mode. A missing file without `create` is left missing; a file of another user, whose
    mode we may not change, is logged."""
    path = Path(path)
    if create:
        with suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    if not _POSIX:
        return
    try:
        if path.stat().st_mode & 0o077:
            os.chmod(path, FILE_MODE)
    except FileNotFoundError:
        return
    except PermissionError as exc:
        log.warning("could not make %s private: %s", path, exc)


def private_opener(path: str, flags: int) -> int:
    """An `open(…, opener=…)` that creates the file 0600 and tightens an existing one."""
    fd = os.open(path, flags, FILE_MODE)
    if _POSIX:
        os.fchmod(fd, FILE_MODE)
    return fd


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A new, empty, private temporary file beside `path` for the block to fill by name;
    when the block ends it is flushed and renamed to `path`, when the block raises it is
    removed (a full disk raised as `DiskFullError`). When the system refuses to create the
    temporary file or to put it in place, a `ValidationError` says so in Indonesian."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _not_written(path, exc) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _flush(tmp)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise disk_full_error(path) from exc
        raise
    try:
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _not_written(path, exc) from exc
    flush_folder(path.parent)


def _not_written(path: Path, exc: OSError) -> ValidationError:
    """The officer's message for a file the system refused to create or replace (a folder
    without the right to write, a target that is a folder or open in another program)."""
    if is_disk_full(exc):
        return disk_full_error(path)
    if isinstance(exc, PermissionError):  # on Windows: open in Excel or a PDF viewer
        return FileInUse(path)
    return ValidationError(f"Berkas {path} tidak dapat ditulis ({exc.strerror or exc}); tidak "
                           "ada berkas yang tersimpan. Pilih folder lain, atau tutup berkas itu "
                           "bila sedang dibuka program lain.")


def write_private(path: Path, data: bytes) -> Path:
    """Put `data` at `path`, private, whole or not at all."""
    with replacing(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def copy_private(source: Path, target: Path) -> Path:
    """Copy the bytes of `source` to `target`, private, whole or not at all."""
    with replacing(target) as tmp:
        shutil.copyfile(source, tmp)
    return Path(target)


def _flush(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def flush_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows cannot open a folder for this)."""
    if not _POSIX:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
