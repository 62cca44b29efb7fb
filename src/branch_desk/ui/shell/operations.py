"""The one way the GUI runs a service call, in the spirit of Anki's `CollectionOp`/`QueryOp`.

    WriteOp(self, ctx, lambda uow: record_payment(uow, …)).success(self._saved).run()

A write runs in its own writing unit of work and commits; a failure goes to the shared
error dialog (`errors.show_error`) unless the caller handles that error type itself
(`.failure(LikelyDuplicateError, self._ask)`), and nothing is committed; after a commit the
areas the service changed (`uow.changes`) are announced once on `ctx.bus`, so open pages
refresh, and then the success callback runs. Widgets never decide what to announce.

Long work runs off the GUI thread through `ctx.runner` with progress and cancel: the
operation receives `(uow, progress)`, the unit of work is opened inside the job, and a
cancel (even after the last step) rolls everything back. `BackgroundReadOp` does the same
for long reads, in a read-only unit of work, and announces nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, Self, TypeVar

from PySide6.QtWidgets import QWidget

from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.worker import Progress
from branch_desk.ui.widgets import pdf_preview

T = TypeVar("T")
ErrorKinds = type[BaseException] | tuple[type[BaseException], ...]


class _Op(Generic[T]):
    """Callbacks shared by every kind of operation."""

    def __init__(self, parent: QWidget, ctx: AppContext) -> None:
        self.parent, self.ctx = parent, ctx
        self._on_success: Callable[[T], object] | None = None
        self._handlers: list[tuple[ErrorKinds, Callable[[Any], object]]] = []

    def success(self, fn: Callable[[T], object]) -> Self:
        """`fn(result)` runs on the GUI thread after the work succeeded (and, for a write,
        after its changes were announced)."""
        self._on_success = fn
        return self

    def failure(self, kinds: ErrorKinds, fn: Callable[[Any], object]) -> Self:
        """`fn(error)` handles errors of `kinds` instead of the error dialog; handlers are
        tried in the order given. Any other error is shown with the shared dialog."""
        self._handlers.append((kinds, fn))
        return self

    def _failed(self, exc: BaseException) -> None:
        for kinds, handle in self._handlers:
            if isinstance(exc, kinds):
                handle(exc)
                return
        show_error(self.parent, exc)

    def _succeeded(self, result: T, changes: frozenset[str] = frozenset()) -> None:
        if changes:
            self.ctx.bus.announce(*sorted(changes))
        if self._on_success is not None:
            self._on_success(result)


class WriteOp(_Op[T]):
    """`op(uow)` in a writing unit of work on the GUI thread: for short writes."""

    def __init__(self, parent: QWidget, ctx: AppContext,
                 op: Callable[[UnitOfWork], T]) -> None:
        super().__init__(parent, ctx)
        self._op = op

    def run(self) -> bool:
        """Run, commit and announce now; True when the work was committed."""
        try:
            with self.ctx.writing() as uow:
                result = self._op(uow)
                uow.commit()
        except Exception as exc:  # shown or handled; the unit of work rolled back
            self._failed(exc)
            return False
        self._succeeded(result, uow.changes)
        return True


class BackgroundWriteOp(_Op[T]):
    """`op(uow, progress)` in a writing unit of work in a worker thread: for long writes."""

    def __init__(self, parent: QWidget, ctx: AppContext,
                 op: Callable[[UnitOfWork, Progress], T]) -> None:
        super().__init__(parent, ctx)
        self._op = op

    def run(self, title: str) -> Progress:
        """Start the work under a progress dialog titled `title` (inline with a synchronous
        runner); the callbacks run on the GUI thread when it ends."""
        ctx, op = self.ctx, self._op

        def job(progress: Progress) -> tuple[T, frozenset[str]]:
            with ctx.writing() as uow:
                result = op(uow, progress)
                progress.check()  # a cancel after the last step still rolls back
                uow.commit()
            return result, uow.changes

        return ctx.runner.run(self.parent, title, job, lambda done: self._succeeded(*done),
                              self._failed)


class BackgroundReadOp(_Op[T]):
    """`op(uow, progress)` in a read-only unit of work in a worker thread: for long reads
    (checks, reports); nothing is committed or announced.

    With `dry_run=True` the op may write to see what its writes would do (a preview): it
    then holds the write lock like a write, and its unit of work is always rolled back."""

    def __init__(self, parent: QWidget, ctx: AppContext,
                 op: Callable[[UnitOfWork, Progress], T], *, dry_run: bool = False) -> None:
        super().__init__(parent, ctx)
        self._op = op
        self._dry_run = dry_run

    def run(self, title: str) -> Progress:
        """Start the work under a progress dialog titled `title` (see BackgroundWriteOp)."""
        ctx, op, dry_run = self.ctx, self._op, self._dry_run

        def job(progress: Progress) -> T:
            with ctx.writing() if dry_run else ctx.reading() as uow:
                return op(uow, progress)  # never committed

        return ctx.runner.run(self.parent, title, job, self._succeeded, self._failed)


def preview_printed(parent: QWidget, ctx: AppContext,
                    write: Callable[[UnitOfWork, Path], object], name: str, title: str) -> bool:
    """Write a document with `write(uow, path)` (a service that records the print) into a
    private temporary file, commit, and open it in the preview; a failure is shown instead
    and nothing opens. True when the preview opened."""
    op = WriteOp(parent, ctx,
                 lambda uow: pdf_preview.written_pdf(lambda path: write(uow, path), name))
    return op.success(lambda pdf: pdf_preview.show_pdf(parent, pdf, title)).run()
