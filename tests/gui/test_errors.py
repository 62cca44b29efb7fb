"""Unexpected errors: a copyable report, written to the rotating log; rule errors in Indonesian."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from branch_desk.config import setup_logging
from branch_desk.domain.errors import ValidationError
from branch_desk.ui.shell.errors import install_excepthook
from branch_desk.ui.shell.startup import application


def _raise_through_hook(error: BaseException) -> list[tuple[str, str]]:
    """Hand `error` to the installed excepthook; read and close the dialog it opens."""
    seen: list[tuple[str, str]] = []

    def close_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.text(), box.detailedText()))
            box.done(0)
        else:
            QTimer.singleShot(20, close_dialog)

    old = sys.excepthook
    install_excepthook()
    QTimer.singleShot(0, close_dialog)
    try:
        try:
            raise error
        except type(error):
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    return seen


def test_unexpected_exception_opens_report_and_is_logged(qtbot):
    application()
    log_path = setup_logging()
    form = QLineEdit("Siti Aminah — data yang sedang diisi")
    qtbot.addWidget(form)
    seen = _raise_through_hook(KeyError("kolom_tidak_ada"))
    assert len(seen) == 1
    text, details = seen[0]
    assert "tak terduga" in text
    assert "KeyError" in details and "kolom_tidak_ada" in details
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "kolom_tidak_ada" in log_path.read_text(encoding="utf-8")
    assert form.text() == "Siti Aminah — data yang sedang diisi"  # the form is untouched


def test_rule_violation_is_a_plain_message(qtbot):
    application()
    seen = _raise_through_hook(
        ValidationError("NIK harus 16 digit; yang dimasukkan 15 digit.", field="nik"))
    assert [text for text, _details in seen] == ["NIK harus 16 digit; yang dimasukkan 15 digit."]
