"""The Klaim page in a test: opened for a user, its intake form and editor, screenshots."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from branch_desk.ui.claims.intake import IntakeForm
from branch_desk.ui.claims.page import ClaimsPage
from tests.support.gui import app_context, stop_timers
from tests.support.offices import TODAY, Office

SHOTS = os.environ.get("CLAIMS_SCREENSHOTS")  # set to a folder to save screenshots


def claims_page(qtbot: QtBot, office: Office, user: str) -> ClaimsPage:
    """The page as `user` sees it (today: TODAY), 1280×720, closed after the test."""
    page = ClaimsPage(app_context(office, user), today=TODAY)
    qtbot.addWidget(page, before_close_func=stop_timers)
    page.resize(1280, 720)
    page.detail.confirm = lambda title, text: True  # the officer confirms amount and payee
    return page


def claims_shot(widget: QWidget, name: str) -> None:
    """Save a picture of `widget` as `name` in CLAIMS_SCREENSHOTS, when that is set."""
    if SHOTS:
        widget.show()
        QApplication.processEvents()
        widget.grab().save(str(Path(SHOTS) / name))


def open_claim_intake(qtbot: QtBot, office: Office, kpj: str,
                claim_type: str) -> tuple[ClaimsPage, IntakeForm]:
    """The intake form of a petugas, participant `kpj` found and `claim_type` chosen."""
    page = claims_page(qtbot, office, "petugas")
    page.setCurrentIndex(1)
    form = page.intake
    form.search.setText(kpj)
    qtbot.keyClick(form.search, Qt.Key.Key_Return)
    form.type.setCurrentIndex(form.type.findData(claim_type))
    return page, form


def heir_cells(form: IntakeForm) -> list[tuple[str, ...]]:
    """The heirs table's text, row by row (empty cells as "")."""
    return [tuple(form.heirs.item(r, c).text() if form.heirs.item(r, c) else ""
                  for c in range(4)) for r in range(form.heirs.rowCount())]


def open_claim_editor(qtbot: QtBot, office: Office, number: str,
                      user: str = "petugas") -> tuple[ClaimsPage, IntakeForm]:
    """Claim `number` opened in the editor through its detail's Ubah button."""
    page = claims_page(qtbot, office, user)
    page.select(number)
    assert page.detail.edit.isVisible() or not page.isVisible()
    assert page.detail.edit.isEnabled()
    page.detail.edit.click()
    assert page.editor is not None and page.currentWidget() is page.editor
    return page, page.editor


def mnemonics(form: QWidget) -> list[str]:
    """The Alt letters of the labels, buttons and boxes visible on `form` (lower case)."""
    found = []
    for widget in form.findChildren(QLabel) + form.findChildren(QAbstractButton) \
            + form.findChildren(QGroupBox):
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        if widget.isVisibleTo(form) and (m := re.search(r"&([^&])", text)):
            found.append(m.group(1).lower())
    return found
