"""Form "Ubah data peserta": the fields an officer corrects after registration (what a Pemda
import left empty included), saved through `edit_participant` against the version loaded, so
a second window's stale save is refused with the typed input kept."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.errors import DomainError, ValidationError
from branch_desk.domain.occupations import OCCUPATIONS
from branch_desk.services.participants.registry import edit_participant, get_participant
from branch_desk.services.participants.rows import ParticipantChanges, ParticipantRow
from branch_desk.services.partners.registry import list_partners
from branch_desk.ui.participants.village_field import VillageField
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.shell.operations import WriteOp
from branch_desk.ui.widgets.formatting import parse_money
from branch_desk.ui.widgets.unsaved import GuardedDialog

T = TypeVar("T")


def changed(new: T, old: T) -> T | None:
    """`new` when it differs from `old`, else None (kept as stored)."""
    return new if new != old else None


class ParticipantEditForm(GuardedDialog):
    """Edits one participant; `saved(row)` after the commit. Enter saves; a refusal (a
    field, or a newer version saved elsewhere) is shown in the form, which keeps what was
    typed."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, participant_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.participant_id = participant_id
        self.setObjectName("participant_edit")
        self._build()
        with ctx.reading() as uow:
            self.loaded = get_participant(uow, participant_id)
            partners = list_partners(uow)
        for partner in partners:
            self.partner.addItem(f"{partner.name} ({partner.code})", partner.code)
        self._fill(self.loaded)
        self.resize(620, 460)

    def _build(self) -> None:
        self.heading = QLabel(objectName="edit_heading")
        self.heading.setWordWrap(True)
        self.name = QLineEdit(objectName="name")
        self.birth_date = QDateEdit(objectName="birth_date", calendarPopup=True)
        self.birth_date.setDisplayFormat("dd/MM/yyyy")
        self.sex = QComboBox(objectName="sex")
        self.sex.addItem(self.tr("Laki-laki"), "L")
        self.sex.addItem(self.tr("Perempuan"), "P")
        self.village = VillageField(lambda: self.loaded.village_code[:5] or None)
        self.address = QLineEdit(objectName="address")
        self.phone = QLineEdit(objectName="phone")
        self.occupation = QComboBox(objectName="occupation", editable=True)
        self.occupation.addItems(OCCUPATIONS)
        self.income = QLineEdit(objectName="income")
        self.income.setPlaceholderText(self.tr("Rupiah per bulan, mis. 1500000"))
        self.partner = QComboBox(objectName="partner")
        self.partner.addItem(self.tr("Mandiri (dibayar sendiri)"), "")
        self.message = QLabel(objectName="message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B3261E")
        form = QFormLayout()
        form.addRow(self.tr("Na&ma lengkap *"), self.name)
        form.addRow(self.tr("Desa/&kelurahan *"), self.village)
        form.addRow(self.tr("&Alamat"), self.address)
        form.addRow(self.tr("&Pekerjaan"), self.occupation)
        form.addRow(self.tr("No. &HP"), self.phone)
        form.addRow(self.tr("Penghasilan/&upah"), self.income)
        form.addRow(self.tr("Tanggal &lahir"), self.birth_date)
        form.addRow(self.tr("&Jenis kelamin"), self.sex)
        form.addRow(self.tr("Mitra pen&dana"), self.partner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Simpan"))
        save.setObjectName("save")
        save.setDefault(True)  # Enter saves
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _fill(self, row: ParticipantRow) -> None:
        self.setWindowTitle(self.tr("Ubah data peserta {0}").format(row.name))
        self.heading.setText(self.tr("<b>{0}</b> — KPJ {1} — NIK {2}").format(
            row.name, row.kpj, row.nik_masked))
        self.name.setText(row.name)
        self.village.set_code(row.village_code)
        self.address.setText(row.address)
        self.occupation.setCurrentText(row.occupation)
        self.phone.setText(row.phone)
        self.income.setText(str(row.income))
        self.birth_date.setDate(QDate(row.birth_date.year, row.birth_date.month,
                                      row.birth_date.day))
        self.sex.setCurrentIndex(0 if row.sex == "L" else 1)
        self.partner.setCurrentIndex(max(0, self.partner.findData(row.partner_code or "")))
        self.mark_clean()
        self.first_empty().setFocus()

    def first_empty(self) -> QWidget:
        """The first field still empty (where the officer starts typing), else the name."""
        for field, value in ((self.village, self.loaded.village_code),
                             (self.address, self.loaded.address),
                             (self.occupation, self.loaded.occupation)):
            if not value:
                return field
        return self.name

    def changes(self) -> ParticipantChanges:
        """What the officer changed (None for a field left as loaded)."""
        r = self.loaded
        d = self.birth_date.date()
        born = date(d.year(), d.month(), d.day())
        income_text = self.income.text().strip()
        try:
            income = parse_money(income_text) if income_text else None
        except ValidationError:
            raise ValidationError(self.tr("Penghasilan '{0}' tidak dikenali; tulis rupiah utuh "
                                          "seperti 1500000.").format(income_text),
                                  field="income") from None

        return ParticipantChanges(
            name=changed(self.name.text(), r.name),
            # a village an import left empty is always sent: empty, the service asks for it
            village_code=changed(self.village.code(), r.village_code) if r.village_code
            else self.village.code(),
            address=changed(self.address.text(), r.address),
            phone=changed(self.phone.text(), r.phone),
            occupation=changed(self.occupation.currentText(), r.occupation),
            income=changed(income, r.income), birth_date=changed(born, r.birth_date),
            sex=changed(self.sex.currentData(), r.sex),
            partner_code=changed(self.partner.currentData(), r.partner_code or ""))

    def save(self) -> ParticipantRow | None:
        """Save through `edit_participant`: the new row, or None when refused (the reason
        shown in the form, the typed input kept)."""
        self.message.clear()
        self.result_row: ParticipantRow | None = None
        version = self.loaded.version
        try:
            changes = self.changes()
        except DomainError as exc:
            self._refused(exc)
            return None
        (WriteOp(self, self.ctx, lambda uow: edit_participant(
            uow, participant_id=self.participant_id, changes=changes,
            expected_version=version))
         .success(self._saved)
         .failure(DomainError, self._refused)
         .run())
        return self.result_row

    def _saved(self, row: ParticipantRow) -> None:
        self.result_row = row
        self.saved.emit(row)
        self.discard()

    def _refused(self, exc: DomainError) -> None:
        self.message.setText(service_text(exc.message))
        target = {"name": self.name, "village_code": self.village, "income": self.income,
                  "birth_date": self.birth_date, "sex": self.sex, "address": self.address,
                  "partner_code": self.partner}.get(exc.field or "")
        if target is not None:
            target.setFocus()

    def describe(self) -> str:
        return self.tr("Ubah data {0}").format(self.loaded.name)

