"""Where things live: the data directory, the default database, the log file."""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
from pathlib import Path
from typing import Any

APP_NAME = "BranchDesk"
DB_ENV = "BRANCH_DESK_DB"
DATA_ENV = "BRANCH_DESK_DATA"
PASSWORD_ENV = "BRANCH_DESK_PASSWORD"
KEY_FILE_ENV = "BRANCH_DESK_KEY_FILE"


def data_dir() -> Path:
    """The user's data directory (platformdirs), or `BRANCH_DESK_DATA` when set."""
    override = os.environ.get(DATA_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


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
    """Merge `changes` into the settings file (written to a temporary file, then renamed)."""
    data = load_settings() | changes
    path = settings_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


def default_database() -> str:
    """`--db` when not given: `BRANCH_DESK_DB`, else the saved setting, else
    branch-desk.db in the data directory."""
    return (os.environ.get(DB_ENV) or load_settings().get("database")
            or str(data_dir() / "branch-desk.db"))


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


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
    log_dir = data_dir() / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "branch-desk.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
