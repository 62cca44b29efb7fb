"""The throwaway PostgreSQL server of scripts/test: which engines to run on, its admin URL."""

from __future__ import annotations

import os

PG_ENV = "BRANCH_DESK_TEST_PG"  # a PostgreSQL server URL, set by scripts/test


def db_engines() -> list[str]:
    """SQLite always; PostgreSQL too when scripts/test started a server."""
    return ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]


def pg_admin_url(database: str = "postgres") -> str:
    """The server's URL (password included) pointing at `database`."""
    from sqlalchemy.engine import make_url

    return make_url(os.environ[PG_ENV]).set(database=database).render_as_string(
        hide_password=False)


def pg_execute(sql: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()
