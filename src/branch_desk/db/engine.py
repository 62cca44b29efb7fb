"""Opening a database: URL resolution, SQLite pragmas and write transactions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from branch_desk.db.encryption import connect
from branch_desk.private_files import make_private


def resolve_url(target: str | Path) -> URL:
    """A SQLAlchemy URL from a URL string or a plain file path."""
    text = str(target)
    if "://" in text:
        return make_url(text)
    return make_url(f"sqlite:///{Path(text).expanduser().resolve()}")


# How long a connection waits for another one's lock before SQLite says "database is locked"
# (`services.uow` tells the officer `DatabaseBusy`).
BUSY_TIMEOUT_MS = 30_000


def _keep_private(path: Path) -> None:
    """The database file 0600 (made empty when missing) before SQLite opens it, so its
    -wal and -shm, which SQLite creates with the database file's mode, are 0600 too; an
    older, wider file and its side files are tightened."""
    make_private(path, create=True)
    for suffix in ("-wal", "-shm", "-journal"):
        make_private(path.with_name(path.name + suffix))


def _sqlite_setup(engine: Engine, *, read_only: bool) -> None:
    path = engine.url.database
    if path and path != ":memory:" and not read_only:
        event.listen(engine, "do_connect", lambda *_args: _keep_private(Path(path)))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, issue BEGIN so writes can take the lock upfront.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writing unit of work takes SQLite's write lock at BEGIN (IMMEDIATE), so two
        # workstations never fail half-way upgrading a read lock.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """An engine and its session factory for one database.

    With `key` (32 bytes) a SQLite file is opened through SQLCipher (`sqlite+pysqlcipher`,
    the sqlcipher3 driver): the dialect sends `PRAGMA key = "x'<hex>'"` as the first statement
    on each connection, a raw key, so no key derivation slows the opening. `key_source` says
    where the key was found, for messages. `read_only=True` opens a SQLite file that nothing
    may change, not even its journal mode (a backup being checked before a restore).
    """

    def __init__(self, target: str | Path, *, key: bytes | None = None,
                 key_source: str | None = None, echo: bool = False,
                 read_only: bool = False) -> None:
        self.url = resolve_url(target)
        self.key = key
        self.key_source = key_source
        kwargs: dict[str, Any] = {"echo": echo}
        engine_url = self.url
        if self.is_sqlite:
            path = self.url.database
            if read_only and path and path != ":memory:":
                kwargs["creator"] = lambda: connect(path, key=key, read_only=True,
                                                    timeout=BUSY_TIMEOUT_MS / 1000)
            elif path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False,
                                      "timeout": BUSY_TIMEOUT_MS / 1000}
            if key is not None:
                if len(key) != 32:
                    raise ValueError("a database key has 32 bytes")
                # The dialect quotes the password as an identifier: "x'…'" is SQLCipher's
                # raw-key form. Its default pool (one connection per thread) would let two
                # sessions of one thread share a transaction: the pool pysqlite uses instead.
                engine_url = self.url.set(drivername="sqlite+pysqlcipher",
                                          password=f"x'{key.hex()}'")
                kwargs["poolclass"] = QueuePool
        else:
            if key is not None:
                raise ValueError("only a SQLite file is encrypted with a key")
            kwargs["pool_pre_ping"] = True
        self.engine = create_engine(engine_url, **kwargs)
        if self.is_sqlite:
            _sqlite_setup(self.engine, read_only=read_only)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def is_encrypted(self) -> bool:
        return self.key is not None

    @property
    def sqlite_path(self) -> Path | None:
        """The database file, for SQLite; None for a server database."""
        if self.is_sqlite and self.url.database and self.url.database != ":memory:":
            return Path(self.url.database)
        return None

    def session(self, *, write: bool = False) -> Session:
        """A new session; `write=True` begins with SQLite's write lock held."""
        session = self.sessions()
        if write and self.is_sqlite:
            session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        return session

    def dispose(self) -> None:
        self.engine.dispose()
