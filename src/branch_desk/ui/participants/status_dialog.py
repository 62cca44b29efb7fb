"""The small dialog of a participant's status change or NIK correction: a date or a new NIK,
and the reason the history keeps."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class StatusDialog(QDialog):
    """Asks a date (`date_label`) or a new NIK (`nik=True`) and a reason; `values()` after
    it was accepted."""

    def __init__(self, parent: QWidget | None, title: str, *, date_label: str = "",
                 today: date | None = None, nik: bool = False, note: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("status_dialog")
        self.setWindowTitle(title)
        form = QFormLayout()
        self.date = QDateEdit(objectName="status_date", calendarPopup=True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        if today is not None:
            self.date.setDate(QDate(today.year, today.month, today.day))
        if date_label:
            form.addRow(date_label, self.date)
        self.nik = QLineEdit(objectName="new_nik")
        self.nik.setMaxLength(20)
        self.nik.setPlaceholderText(self.tr("16 digit sesuai KTP"))
        if nik:
            form.addRow(self.tr("NIK &baru"), self.nik)
        self.reason = QLineEdit(objectName="status_reason")
        self.reason.setPlaceholderText(self.tr("minimal 5 huruf; disimpan di riwayat"))
        form.addRow(self.tr("&Alasan"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note, objectName="status_note")
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)  # the reason's hint and the note read whole
        (self.nik if nik else self.reason).setFocus()

    def chosen_date(self) -> date:
        d = self.date.date()
        return date(d.year(), d.month(), d.day())
