"""The own office row: the database's identity, looked up by services and by sync."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from branch_desk.db.models.core import Office
from branch_desk.domain.errors import NotFound


class NotInitialisedError(NotFound):
    """The database has no office yet: run `branch-desk init` or `branch-desk demo`."""


def own_office(session: Session) -> Office:
    """The office this database belongs to; NotInitialisedError before set-up."""
    office = session.scalar(select(Office).where(Office.is_self.is_(True)))
    if office is None:
        raise NotInitialisedError(
            "Basis data belum disiapkan. Jalankan 'branch-desk init' atau 'branch-desk demo'.")
    return office
