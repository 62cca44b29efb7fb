"""Where things live: the data directory, the default database, the log file."""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
from pathlib import Path
from typing import Any

from branch_desk.private_files import private_dir, private_opener, write_private

APP_NAME = "BranchDesk"
DB_ENV = "BRANCH_DESK_DB"
DATA_ENV = "BRANCH_DESK_DATA"
PASSWORD_ENV = "BRANCH_DESK_PASSWORD"
KEY_FILE_ENV = "BRANCH_DESK_KEY_FILE"


def data_dir() -> Path:
    """The user's data directory (platformdirs), or `BRANCH_DESK_DATA` when set; only its
    user may open it (0700 on POSIX; on Windows the profile's ACL, see docs/security.md,
    "Files at rest")."""
    override = os.environ.get(DATA_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    return private_dir(path)


def settings_path() -> Path:
    return data_dir() / "settings.json"


def load_settings() -> dict[str, Any]:
    """Workstation settings (database location, language, …); empty if none saved."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_settings(changes: dict[str, Any]) -> None:
    """Merge `changes` into the settings file (private, whole or not at all)."""
    data = load_settings() | changes
    write_private(settings_path(), json.dumps(data, ensure_ascii=False, indent=2).encode())


def default_database() -> str:
    """`--db` when not given: `BRANCH_DESK_DB`, else the saved setting, else
    branch-desk.db in the data directory."""
    return (os.environ.get(DB_ENV) or load_settings().get("database")
            or str(data_dir() / "branch-desk.db"))


def backup_dir() -> Path:
    return private_dir(data_dir() / "backups")


def key_dir() -> Path:
    """Where database keys are kept when the system has no credential store (user-only)."""
    path = data_dir() / "keys"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file under the data directory; returns its path (the file already
    in use when logging was set up earlier in this process)."""
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    path = private_dir(data_dir() / "logs") / "branch-desk.log"
    handler = _PrivateLog(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path


class _PrivateLog(logging.handlers.RotatingFileHandler):
    """The log (its crash reports may quote personal data): each file, rotated ones too,
    is 0600."""

    def _open(self) -> Any:
        return open(self.baseFilename, self.mode, encoding=self.encoding,
                    errors=self.errors, opener=private_opener)
