"""The unit of work: one session, one transaction, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from branch_desk.db import recording
from branch_desk.db.engine import Database
from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import ConflictError


class UnitOfWork:
    """`with UnitOfWork(db, actor, write=True) as uow: …; uow.commit()`.

    Every synchronised row changed through `uow.session` is audited and change-logged
    as `actor`. Leaving the block without `commit()` rolls everything back.
    """

    def __init__(self, db: Database, actor: Actor | None = None, *, write: bool = False) -> None:
        self.db = db
        self.actor = actor
        self.write = write
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("unit of work used outside its with-block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        recording.install(self.db.sessions)
        self._session = self.db.session(write=self.write)
        self._session.info["actor"] = self.actor
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

    def commit(self) -> None:
        if self.write is False:
            raise RuntimeError("read-only unit of work cannot commit")
        try:
            self.session.commit()
        except StaleDataError as exc:
            raise _conflict() from exc

    def flush(self) -> None:
        """Flush pending changes; a concurrent edit of the same row becomes ConflictError."""
        try:
            self.session.flush()
        except StaleDataError as exc:
            raise _conflict() from exc

    @property
    def actor_required(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("this service needs an acting user")
        return self.actor


def _conflict() -> ConflictError:
    return ConflictError(
        "Data ini telah diubah di tempat lain sejak Anda membukanya. Muat ulang data terbaru "
        "lalu ulangi perubahan Anda; tidak ada yang ditimpa.")
