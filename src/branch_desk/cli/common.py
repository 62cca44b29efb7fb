"""What every command shares: the database, the acting user, output as text or JSON."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # keep `--version` and `--help` free of heavy imports
    from branch_desk.db.engine import Database
    from branch_desk.domain.actor import Actor


class CliError(Exception):
    """A message for the terminal and an exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def add_common(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """`--db`, `--user` and `--json`, accepted before or after the command name."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--db", default=default, metavar="PATH_OR_URL",
                        help="berkas SQLite atau URL SQLAlchemy (bawaan: $BRANCH_DESK_DB atau "
                             "berkas di direktori data pengguna)")
    parser.add_argument("--user", default=default, metavar="NAME",
                        help="pengguna kantor yang menjalankan perintah (kata sandi dari "
                             "$BRANCH_DESK_PASSWORD atau ditanyakan)")
    parser.add_argument("--json", action="store_true", default=default if not top else False,
                        help="keluaran JSON")


def read_password(password_file: str | None, *, prompt: str = "Kata sandi: ",
                  confirm: bool = False) -> str:
    """A password from a file, else $BRANCH_DESK_PASSWORD, else a prompt on the terminal."""
    from branch_desk.config import PASSWORD_ENV

    if password_file:
        try:
            return Path(password_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise CliError(f"Berkas kata sandi tidak dapat dibaca: {exc}") from exc
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(f"Kata sandi diperlukan: isi ${PASSWORD_ENV} atau gunakan --password-file.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Ulangi kata sandi: ") != first:
        raise CliError("Kedua kata sandi tidak sama.")
    return first


class Context:
    """Lazily opened database and acting user for one command."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db: Database | None = None

    @property
    def as_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def db(self) -> Database:
        if self._db is None:
            from branch_desk.config import default_database
            from branch_desk.db.engine import Database

            self._db = Database(self.args.db or default_database())
        return self._db

    def open_existing(self) -> Database:
        """The database, upgraded to this program's schema (after a backup)."""
        from branch_desk.config import backup_dir
        from branch_desk.db.migrate import current_revision, upgrade

        db = self.db
        if current_revision(db) is None:
            raise CliError("Basis data belum disiapkan. Jalankan 'branch-desk init' atau "
                           "'branch-desk demo' terlebih dahulu.")
        upgrade(db, backup_dir=backup_dir())
        return db

    def actor(self) -> Actor:
        """Log in as `--user`, with the same rules (lockout included) as the program."""
        from branch_desk.db.base import utcnow
        from branch_desk.services.admin.users import authenticate

        username = getattr(self.args, "user", None)
        if not username:
            raise CliError("Perintah ini mengubah data: sebutkan pengguna dengan --user NAMA.")
        db = self.open_existing()
        return authenticate(db, username, read_password(None), now=utcnow())

    def reader(self) -> Actor | None:
        """The acting user when --user is given (reports that are not personal may omit it)."""
        return self.actor() if getattr(self.args, "user", None) else None

    def emit(self, data: Any, text: str | Callable[[], str] | None = None) -> None:
        """Print `data` as JSON with --json, else `text` (or a readable dump of data)."""
        if self.as_json:
            print(json.dumps(to_plain(data), ensure_ascii=False, indent=2))
        else:
            print(text() if callable(text) else text if text is not None else _readable(data))

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


def to_plain(value: Any) -> Any:
    """Dataclasses, dates and decimals as JSON-ready values."""
    if is_dataclass(value) and not isinstance(value, type):
        return to_plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _readable(data: Any) -> str:
    plain = to_plain(data)
    if isinstance(plain, list):
        return "\n".join(_readable(item) for item in plain) or "(kosong)"
    if isinstance(plain, dict):
        return "  ".join(f"{k}={v}" for k, v in plain.items())
    return str(plain)
