"""The one way to run long work: off the GUI thread, with progress and cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """The user cancelled long work; whatever it wrote was rolled back."""


class Progress:
    """Handed to a background job: report progress, check for cancel."""

    def __init__(self, report: Callable[[int, int, str], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int, message: str = "") -> None:
        """Report progress; raises Cancelled if the user pressed Batal."""
        self.check()
        self._report(done, total, message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled(QCoreApplication.translate(
                "Runner", "Dibatalkan oleh pengguna; tidak ada data yang diubah."))


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self.fn, self.signals, self.progress = fn, signals, progress

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class Runner:
    """Runs `fn(progress)` in a worker thread with a progress dialog.

    `on_done(result)` and `on_error(exc)` run on the GUI thread. With `synchronous=True`
    (tests) the job runs inline and the callbacks are called directly.
    """

    def __init__(self, *, synchronous: bool = False) -> None:
        self.synchronous = synchronous
        self._keep: set[_Signals] = set()

    def run(self, parent: QWidget | None, title: str, fn: Callable[[Progress], Any],
            on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> Progress:
        if self.synchronous:
            progress = Progress(lambda *_: None)
            try:
                result = fn(progress)
            except BaseException as exc:
                on_error(exc)
            else:
                on_done(result)
            return progress
        dialog = QProgressDialog(title, QCoreApplication.translate("Runner", "Batal"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        signals = _Signals()
        self._keep.add(signals)
        progress = Progress(signals.progress.emit)
        dialog.canceled.connect(progress.cancel)

        def _on_progress(done: int, total: int, message: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if message:
                dialog.setLabelText(message)

        def _finish() -> None:
            dialog.reset()
            dialog.deleteLater()
            self._keep.discard(signals)

        signals.progress.connect(_on_progress)
        signals.finished.connect(lambda result: (_finish(), on_done(result)))
        signals.failed.connect(lambda exc: (_finish(), on_error(exc)))
        QThreadPool.globalInstance().start(_Job(fn, signals, progress))
        return progress
