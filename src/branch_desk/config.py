"""Where things live: the data directory, the default database, the log file."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

APP_NAME = "BranchDesk"
DB_ENV = "BRANCH_DESK_DB"
DATA_ENV = "BRANCH_DESK_DATA"
PASSWORD_ENV = "BRANCH_DESK_PASSWORD"


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


def default_database() -> str:
    """`--db` when not given: `BRANCH_DESK_DB`, else branch-desk.db in the data directory."""
    return os.environ.get(DB_ENV) or str(data_dir() / "branch-desk.db")


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file under the data directory; returns its path."""
    log_dir = data_dir() / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "branch-desk.log"
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(level)
    return path
