"""Questions the claim forms ask before anything typed could be lost.

Every box defaults to the harmless answer: Enter or Esc goes back to the form, so a key
pressed by habit never throws away an officer's work.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

_B = QMessageBox.StandardButton


class Leave(Enum):
    """What to do with unsaved changes when the form is about to close."""

    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


class ClaimQuestion(QMessageBox):
    """A question whose default and Esc answer is "Kembali ke formulir"."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setIcon(QMessageBox.Icon.Question)

    def _ask(self, title: str, text: str, info: str,
             buttons: dict[QMessageBox.StandardButton, str]) -> None:
        self.setWindowTitle(title)
        self.setText(text)
        self.setInformativeText(info)
        for button, label in buttons.items():
            self.addButton(button).setText(label)
        self.addButton(_B.Cancel).setText(self.tr("&Kembali ke formulir"))
        self.setDefaultButton(_B.Cancel)  # Enter keeps the form
        self.setEscapeButton(_B.Cancel)
        for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
            label = self.findChild(QLabel, name)
            if label is not None:  # wide enough that a claim number and a sentence fit a line
                label.setMinimumWidth(min(460, 40 + label.fontMetrics().horizontalAdvance(
                    label.text())))

    def unsaved_edit(self, number: str) -> ClaimQuestion:
        self._ask(self.tr("Perubahan belum disimpan"),
                  self.tr("Perubahan pada klaim {0} belum disimpan.").format(number),
                  self.tr("Simpan sekarang, buang perubahan, atau kembali ke formulir untuk "
                          "melanjutkan? (Enter atau Esc: kembali ke formulir)"),
                  {_B.Save: self.tr("&Simpan"), _B.Discard: self.tr("&Buang perubahan")})
        return self

    def clear_new(self) -> ClaimQuestion:
        self._ask(self.tr("Kosongkan formulir?"),
                  self.tr("Isian klaim baru ini belum disimpan dan akan hilang."),
                  self.tr("Enter atau Esc: kembali ke formulir."),
                  {_B.Discard: self.tr("K&osongkan")})
        return self

    def back_to_draft(self, message: str) -> ClaimQuestion:
        self.setIcon(QMessageBox.Icon.Warning)
        self._ask(self.tr("Klaim kembali ke draf"), message,
                  self.tr("Simpan sebagai draf? Klaim harus diajukan lagi setelah lengkap."),
                  {_B.Save: self.tr("Simpan sebagai &draf")})
        return self

    def answer(self) -> QMessageBox.StandardButton:
        self.exec()
        return self.standardButton(self.clickedButton())


def ask_unsaved_edit(parent: QWidget, number: str) -> Leave:
    """Save, discard or keep editing claim `number`'s unsaved changes."""
    answer = ClaimQuestion(parent, "claim_unsaved_changes").unsaved_edit(number).answer()
    return {_B.Save: Leave.SAVE, _B.Discard: Leave.DISCARD}.get(answer, Leave.STAY)


def confirm_clear(parent: QWidget) -> bool:
    """True when the officer agrees to empty a new claim that has not been saved."""
    return ClaimQuestion(parent, "claim_confirm_clear").clear_new().answer() == _B.Discard


def confirm_back_to_draft(parent: QWidget, message: str) -> bool:
    """True when the officer agrees that the edited submitted claim goes back to draft."""
    box = ClaimQuestion(parent, "claim_back_to_draft").back_to_draft(message)
    return box.answer() == _B.Save
