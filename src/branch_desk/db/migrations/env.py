"""Alembic environment: runs on the connection handed over by `branch_desk.db.migrate`."""

from __future__ import annotations

from alembic import context

from branch_desk.db.base import UTCDateTime
from branch_desk.db.models import Base


def render_item(kind: str, obj: object, autogen_context: object) -> str | bool:
    """Render our column types as plain SQLAlchemy types so revisions stay stable."""
    if kind == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
