"""What every page receives: the database, the logged-in user, and the change bus."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from branch_desk.domain.actor import Actor
from branch_desk.services.admin.offices import OfficeRow
from branch_desk.services.database import Database
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.shell.worker import Runner


class ChangeBus(QObject):
    """Broadcasts which areas a mutation changed (e.g. {"participants", "claims"}); the
    write helper (`ui.shell.operations`) announces what each service reported."""

    changed = Signal(frozenset)

    def announce(self, *areas: str) -> None:
        self.changed.emit(frozenset(areas))


@dataclass
class AppContext:
    """Shared by the main window and its pages; pages never open sessions themselves."""

    db: Database
    actor: Actor
    office: OfficeRow
    runner: Runner
    bus: ChangeBus = field(default_factory=ChangeBus)
    language: str = "id"

    def reading(self) -> UnitOfWork:
        """A read-only unit of work as the logged-in user."""
        return UnitOfWork(self.db, self.actor)

    def writing(self) -> UnitOfWork:
        """A writing unit of work as the logged-in user, for `ui.shell.operations`: pages
        write through its WriteOp/BackgroundWriteOp, which commit and announce."""
        return UnitOfWork(self.db, self.actor, write=True)
