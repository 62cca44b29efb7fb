"""What every command shares: the common options, the database and the acting user, units of
work, today's date, and output as text, JSON or a file."""

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
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # keep `--version` and `--help` free of heavy imports
    from branch_desk.domain.actor import Actor
    from branch_desk.services.database import Database
    from branch_desk.services.uow import UnitOfWork

Login = Literal["required", "optional"]
# Why a command wants --user: it changes data, or it shows personal or financial data.
LOGIN_TO_WRITE = "Perintah ini hanya untuk pengguna kantor yang masuk: sebutkan --user NAMA."
LOGIN_TO_READ = ("Data pribadi dan keuangan hanya ditampilkan untuk pengguna yang masuk: "
                 "sebutkan --user NAMA (kata sandi dari $BRANCH_DESK_PASSWORD atau ditanyakan).")


class CliError(Exception):
    """A message for the terminal and an exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def _common_options(*, top: bool) -> argparse.ArgumentParser:
    """`--db`, `--user` and `--json` as a parent parser.

    The top parser holds the real defaults; on a command they default to SUPPRESS, so a value
    given before the command name is kept when the command does not repeat it.
    """
    default = None if top else argparse.SUPPRESS
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", default=default, metavar="PATH_OR_URL",
                        help="berkas SQLite atau URL SQLAlchemy (bawaan: $BRANCH_DESK_DB atau "
                             "berkas di direktori data pengguna)")
    parser.add_argument("--user", default=default, metavar="NAME",
                        help="pengguna kantor yang menjalankan perintah (kata sandi dari "
                             "$BRANCH_DESK_PASSWORD atau ditanyakan)")
    parser.add_argument("--json", action="store_true", default=False if top else default,
                        help="keluaran JSON")
    return parser


# `parents=[COMMON]` on every command; TOP_COMMON on `branch-desk` itself.
COMMON = _common_options(top=False)
TOP_COMMON = _common_options(top=True)


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
    return prompt_new_password(prompt, "Ulangi kata sandi: ") if confirm \
        else getpass.getpass(prompt)


def prompt_new_password(prompt: str, again: str) -> str:
    """A password typed twice on the terminal."""
    first = getpass.getpass(prompt)
    if getpass.getpass(again) != first:
        raise CliError("Kedua kata sandi tidak sama.")
    return first


class Context:
    """One command's arguments, database and acting user, opened when first needed."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db: Database | None = None
        self._ready = False
        self._actor: Actor | None = None

    @property
    def as_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def db(self) -> Database:
        """The database of `--db` (or the default one), not yet checked or upgraded."""
        if self._db is None:
            from branch_desk.services.database import open_database
            from branch_desk.services.encryption import key_warning

            self._db = open_database(
                self.args.db, create=bool(getattr(self.args, "creates_database", False)),
                check=not getattr(self.args, "damaged_database_ok", False))
            warning = key_warning(self._db)
            if warning and self._db.sqlite_path and self._db.sqlite_path.exists():
                print(warning, file=sys.stderr)
        return self._db

    def use_database(self, db: Database) -> None:
        """Go on with `db` (the same file reopened, e.g. after it was encrypted)."""
        self._db = db

    def open_existing(self) -> Database:
        """The database, upgraded to this program's schema (after a backup)."""
        from branch_desk.services.database import is_set_up, upgrade_schema

        db = self.db
        if not self._ready:
            if not is_set_up(db):
                raise CliError("Basis data belum disiapkan. Jalankan 'branch-desk init' atau "
                               "'branch-desk demo' terlebih dahulu.")
            upgrade_schema(db)
            self._ready = True
        return db

    def actor(self, *, why: str = LOGIN_TO_WRITE) -> Actor:
        """Log in as `--user` (once), with the same rules (lockout included) as the program;
        without --user, refuse with `why`."""
        if self._actor is None:
            from branch_desk.services import clock
            from branch_desk.services.admin.accounts import password_change_due
            from branch_desk.services.admin.users import authenticate

            username = getattr(self.args, "user", None)
            if not username:
                raise CliError(why)
            db = self.open_existing()
            actor = authenticate(db, username, read_password(None), now=clock.now())
            changing = (getattr(self.args, "command", "") == "users"
                        and getattr(self.args, "action", "") == "passwd")
            if not changing and password_change_due(db, actor.username):
                raise CliError(f"Kata sandi {actor.username} diatur ulang oleh admin: ganti dulu "
                               f"dengan `branch-desk users passwd --user {actor.username}`.")
            self._actor = actor
        return self._actor

    def reader(self) -> Actor | None:
        """The acting user when --user is given (reports that are not personal may omit it)."""
        return self.actor() if getattr(self.args, "user", None) else None

    def reading(self, *, login: Login = "required") -> UnitOfWork:
        """A read-only unit of work: as `--user` ("required": whatever shows personal or
        financial data), or as `--user` when it is given ("optional": `documents verify` and
        the coverage counts, which show no personal data without a login)."""
        from branch_desk.services.uow import UnitOfWork

        actor = self.actor(why=LOGIN_TO_READ) if login == "required" else self.reader()
        return UnitOfWork(self.open_existing(), actor)

    def writing(self) -> UnitOfWork:
        """A unit of work that may write, as `--user` (data-changing commands act as a named
        user, under the program's permissions); rolled back unless the command commits."""
        from branch_desk.services.uow import UnitOfWork

        return UnitOfWork(self.db, self.actor(), write=True)

    def today(self) -> date:
        """The hidden `--today DATE` of the claims commands, else today in the office's zone."""
        given = getattr(self.args, "today", None)
        if given is not None:
            return given
        from branch_desk.services import clock

        return clock.today()

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
