"""The unit of work: one session, one transaction, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.orm.exc import StaleDataError

from branch_desk.db import recording
from branch_desk.db.engine import Database
from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import ConflictError, DatabaseBusy, PermissionDenied
from branch_desk.domain.permissions import Permission
from branch_desk.private_files import DiskFullError, is_disk_full
from branch_desk.services.changes import areas_of

# The tables a session wrote since its unit of work began or last committed: noted by
# the listeners below, by `recording_bulk.record_bulk_insert`, and by `mark_changed`.
CHANGED_TABLES = "changed_tables"
NO_LOGIN = ("Data ini hanya untuk pengguna kantor yang sudah masuk: masuk dengan nama pengguna "
            "dan kata sandi terlebih dahulu.")


class UnitOfWork:
    """`with UnitOfWork(db, actor, write=True) as uow: …; uow.commit()`.

    Every synchronised row changed through `uow.session` is audited and change-logged
    as `actor`. Leaving the block without `commit()` rolls everything back.

    The unit of work notes which tables it wrote (ORM flushes and ORM-executed inserts,
    updates and deletes on their own; Core or driver-level writes through `mark_changed`);
    after `commit()`, `changes` names the areas of the program that changed.
    """

    def __init__(self, db: Database, actor: Actor | None = None, *, write: bool = False) -> None:
        self.db = db
        self.actor = actor
        self.write = write
        self._session: Session | None = None
        self._committed: set[str] = set()

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("unit of work used outside its with-block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        recording.install(self.db.sessions)
        _install_change_notes(self.db.sessions)
        try:
            self._session = self.db.session(write=self.write)
        except OperationalError as exc:
            if _is_busy(exc):
                raise DatabaseBusy() from exc
            raise
        self._session.info["actor"] = self.actor
        self._session.info[CHANGED_TABLES] = set()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        session = self.session
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None
        # A service's own flush (or autoflush) can hit a concurrent edit too.
        if isinstance(exc, StaleDataError):
            raise _conflict() from exc
        if isinstance(exc, OperationalError) and _is_busy(exc):
            raise DatabaseBusy() from exc
        if isinstance(exc, DBAPIError) and is_disk_full(exc.orig):
            raise DiskFullError(
                f"Disk penuh: basis data {self.db.sqlite_path} tidak dapat ditulis; perubahan "
                "ini tidak disimpan. Kosongkan ruang disk lalu ulangi.") from exc

    def commit(self) -> None:
        if self.write is False:
            raise RuntimeError("read-only unit of work cannot commit")
        session = self.session
        try:
            session.commit()
        except StaleDataError as exc:
            raise _conflict() from exc
        except OperationalError as exc:
            if _is_busy(exc):
                raise DatabaseBusy() from exc
            raise
        noted = session.info[CHANGED_TABLES]
        self._committed |= noted
        noted.clear()

    def mark_changed(self, *tables: str) -> None:
        """Note tables written around the ORM (Core on a raw connection, driver SQL)."""
        self.session.info[CHANGED_TABLES].update(tables)

    @property
    def changed_tables(self) -> frozenset[str]:
        """The tables this unit of work wrote and committed."""
        return frozenset(self._committed)

    @property
    def changes(self) -> frozenset[str]:
        """The areas (see `services.changes`) whose data this unit of work committed."""
        return areas_of(self._committed)

    def flush(self) -> None:
        """Flush pending changes; a concurrent edit of the same row becomes ConflictError."""
        try:
            self.session.flush()
        except StaleDataError as exc:
            raise _conflict() from exc

    @property
    def actor_required(self) -> Actor:
        """The logged-in user; PermissionDenied (in Indonesian) when nobody logged in."""
        if self.actor is None:
            raise PermissionDenied(NO_LOGIN)
        return self.actor

    def reader(self, permission: Permission | None = None) -> Actor:
        """The logged-in user, holding `permission` when one is named. Every service that
        reads personal or financial data calls this before it reads anything: the service
        is the door, whatever screen or command calls it."""
        actor = self.actor_required
        if permission is not None:
            actor.require(permission)
        return actor


def _note_flushed(session: Session, _context: Any) -> None:
    noted = session.info.get(CHANGED_TABLES)
    if noted is None:
        return
    for obj in (*session.new, *session.deleted):
        noted.add(inspect(obj).mapper.local_table.name)
    for obj in session.dirty:
        if session.is_modified(obj):
            noted.add(inspect(obj).mapper.local_table.name)


def _note_executed(state: ORMExecuteState) -> None:
    noted = state.session.info.get(CHANGED_TABLES)
    if noted is None or not (state.is_insert or state.is_update or state.is_delete):
        return
    name = getattr(getattr(state.statement, "table", None), "name", None)
    if name:
        noted.add(name)


def _install_change_notes(session_factory: Any) -> None:
    """Attach the listeners that note written tables to a sessionmaker (idempotent;
    marked like `recording.install`)."""
    if getattr(session_factory, "_bd_change_notes", False):
        return
    event.listen(session_factory, "after_flush", _note_flushed)
    event.listen(session_factory, "do_orm_execute", _note_executed)
    session_factory._bd_change_notes = True


def _is_busy(exc: OperationalError) -> bool:
    """Whether SQLite gave up waiting for another connection's lock ("database is locked"
    after the busy timeout), told to the officer as `DatabaseBusy`."""
    text = str(exc.orig or exc).lower()
    return "database is locked" in text or "database is busy" in text


def _conflict() -> ConflictError:
    return ConflictError(
        "Data ini telah diubah di tempat lain sejak Anda membukanya. Muat ulang data terbaru "
        "lalu ulangi perubahan Anda; tidak ada yang ditimpa.")
