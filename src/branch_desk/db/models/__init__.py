"""Typed SQLAlchemy 2 models, one module per area; importing this package registers them all."""

from branch_desk.db.base import Base
from branch_desk.db.models import (
    agreements,
    claims,
    contributions,
    core,
    participants,
    partners,
    sync_state,
)

__all__ = [
    "Base",
    "agreements",
    "claims",
    "contributions",
    "core",
    "participants",
    "partners",
    "sync_state",
]
