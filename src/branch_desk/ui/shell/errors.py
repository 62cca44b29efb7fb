"""Showing errors: rule violations as plain messages, crashes as a copyable report."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from branch_desk import __version__
from branch_desk.domain.errors import DomainError
from branch_desk.ui.shell.messages import service_text

log = logging.getLogger("branch_desk.ui")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A DomainError's Indonesian message, or the crash dialog for anything unexpected."""
    if isinstance(exc, DomainError):
        QMessageBox.warning(parent, QApplication.translate("errors", "Tidak dapat diproses"),
                            service_text(str(exc)))
        return
    from branch_desk.ui.shell.worker import Cancelled

    if isinstance(exc, Cancelled):
        QMessageBox.information(parent, QApplication.translate("errors", "Dibatalkan"), str(exc))
        return
    show_crash(parent, type(exc), exc, exc.__traceback__)


def crash_report(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = traceback.format_exception(kind, exc, tb)
    return (f"Branch Desk {__version__} — Python {platform.python_version()} — "
            f"{platform.platform()}\n\n" + "".join(lines))


def show_crash(parent: QWidget | None, kind: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    report = crash_report(kind, exc, tb)
    log.error("unexpected error\n%s", report)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("errors", "Terjadi kesalahan tak terduga"))
    box.setText(QApplication.translate(
        "errors", "Terjadi kesalahan tak terduga. Data yang sedang Anda isi tetap ada di "
        "formulir. Salin laporan di bawah dan kirimkan ke admin."))
    box.setDetailedText(report)
    box.exec()


def install_excepthook() -> None:
    """Unexpected exceptions in slots open the crash dialog instead of killing the program."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if isinstance(exc, DomainError):
            show_error(QApplication.activeWindow(), exc)
            return
        show_crash(QApplication.activeWindow(), kind, exc, tb)

    sys.excepthook = hook
