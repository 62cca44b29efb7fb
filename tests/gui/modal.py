"""Answering a real modal QMessageBox from a test, with the keys an officer would press."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox


@dataclass
class Seen:
    """What the box showed: its object name, title, texts, buttons and default button."""

    name: str = ""
    title: str = ""
    text: str = ""
    info: str = ""
    buttons: list[str] = field(default_factory=list)
    default: str = ""


def answer_next_box(key: Qt.Key) -> Seen:
    """Press `key` in the next message box that opens (Enter, Esc, or a button's mnemonic
    letter, which a QMessageBox takes without Alt); returns what the box showed, filled in
    once it has opened."""
    seen = Seen()

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.name, seen.title, seen.text = box.objectName(), box.windowTitle(), box.text()
        seen.info = box.informativeText()
        seen.buttons = [b.text() for b in box.buttons()]
        seen.default = box.defaultButton().text() if box.defaultButton() else ""
        QTest.keyClick(box, key)

    QTimer.singleShot(0, answer)
    return seen
