"""Unexpected errors: a copyable report, written to the rotating log; rule errors in Indonesian."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QLineEdit, QMessageBox

from branch_desk.config import setup_logging
from branch_desk.domain.errors import ValidationError
from branch_desk.ui.app import application
from branch_desk.ui.errors import install_excepthook


def test_unexpected_exception_opens_report_and_is_logged(qtbot, monkeypatch):
    application()
    log_path = setup_logging()
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    form = QLineEdit("Siti Aminah — data yang sedang diisi")
    qtbot.addWidget(form)
    old = sys.excepthook
    install_excepthook()
    try:
        try:
            raise KeyError("kolom_tidak_ada")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert len(shown) == 1
    box = shown[0]
    assert "tak terduga" in box.text()
    assert "KeyError" in box.detailedText() and "kolom_tidak_ada" in box.detailedText()
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "kolom_tidak_ada" in log_path.read_text(encoding="utf-8")
    assert form.text() == "Siti Aminah — data yang sedang diisi"  # the form is untouched


def test_rule_violation_is_a_plain_message(qtbot, monkeypatch):
    application()
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: seen.append(text))
    old = sys.excepthook
    install_excepthook()
    try:
        try:
            raise ValidationError("NIK harus 16 digit; yang dimasukkan 15 digit.", field="nik")
        except ValidationError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert seen == ["NIK harus 16 digit; yang dimasukkan 15 digit."]
