"""Number series (KPJ, claim, receipt, agreement numbers) safe under concurrent writers."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from branch_desk.db.models.core import NumberSequence


def lock_sequence(session: Session, name: str) -> NumberSequence:
    """The row of series `name`, created at 0 if missing, locked for this transaction."""
    dialect = session.get_bind().dialect.name
    table = NumberSequence.__table__
    if dialect == "postgresql":
        stmt = postgresql.insert(table).values(name=name, value=0).on_conflict_do_nothing()
    else:
        stmt = sqlite.insert(table).values(name=name, value=0).on_conflict_do_nothing()
    session.execute(stmt)
    row = session.scalars(
        select(NumberSequence)
        .where(NumberSequence.name == name)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    return row


def next_number(session: Session, name: str, count: int = 1) -> int:
    """Take `count` numbers of series `name`; returns the first one taken."""
    row = lock_sequence(session, name)
    first = row.value + 1
    row.value += count
    return first
