"""The clock that screens and commands read: now in UTC, today in the office's zone (WITA).

Rules never read a clock: the services and screens read it here and pass dates down.
"""

from __future__ import annotations

from datetime import date, datetime

from branch_desk.db.base import utcnow
from branch_desk.domain.dates import to_local


def now() -> datetime:
    """Now, as an aware UTC datetime."""
    return utcnow()


def today() -> date:
    """Today's date in the office's zone (WITA)."""
    return to_local(utcnow()).date()
