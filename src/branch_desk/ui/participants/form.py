"""Form "Peserta baru" / "Ubah peserta": NIK fills birth date, sex and region; a
mismatch with what the officer typed is flagged; likely duplicates are shown first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.claim_recipients import spouse_relationship
from branch_desk.domain.errors import DomainError, DuplicateError, ValidationError
from branch_desk.domain.nik import NikError, parse_nik
from branch_desk.domain.occupations import OCCUPATIONS
from branch_desk.domain.programs import Segment
from branch_desk.domain.registration import RELATIONSHIPS, nik_mismatches
from branch_desk.services import clock
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import (
    HeirData,
    LikelyDuplicateError,
    ParticipantData,
    ParticipantRow,
)
from branch_desk.services.partners.registry import list_partners
from branch_desk.ui.participants.village_field import VillageField
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.shell.operations import WriteOp
from branch_desk.ui.widgets.formatting import parse_money
from branch_desk.ui.widgets.i18n_domain import domain_label, relationship_text
from branch_desk.ui.widgets.unsaved import GuardedDialog

PROGRAMS = ("JKK", "JKM", "JHT", "JP", "JKP")


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class ParticipantForm(GuardedDialog):
    """Registers a participant; `saved(row)` after the commit, `open_existing(id)` when
    the officer follows the link to an already registered NIK. Esc, Batal or closing the
    dialog with something typed asks first (`GuardedDialog`)."""

    saved = Signal(object)
    open_existing = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.registered: ParticipantRow | None = None  # set once saved
        self.setWindowTitle(self.tr("Peserta baru"))
        self.setObjectName("participant_form")
        self._build()
        self.resize(640, 720)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.nik = QLineEdit(objectName="nik")
        self.nik.setMaxLength(20)
        self.nik.setPlaceholderText(self.tr("16 digit sesuai KTP"))
        self.nik_info = QLabel(objectName="nik_info")
        self.nik_info.setWordWrap(True)
        self.nik_info.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.name = QLineEdit(objectName="name")
        self.birth_date = QDateEdit(objectName="birth_date", calendarPopup=True)
        self.birth_date.setDisplayFormat("dd/MM/yyyy")
        self.birth_date.setDate(QDate(1990, 1, 1))
        self.sex = QComboBox(objectName="sex")
        self.sex.addItem(self.tr("Laki-laki"), "L")
        self.sex.addItem(self.tr("Perempuan"), "P")
        self.segment = QComboBox(objectName="segment")
        for segment in Segment:
            label = domain_label(segment.label)  # "Wage earners (PU)" in English
            self.segment.addItem(label if segment.value in label
                                 else f"{segment.value} — {label}", segment.value)
        self.segment.setCurrentIndex(list(Segment).index(Segment.BPU))
        self.occupation = QComboBox(objectName="occupation", editable=True)
        self.occupation.addItems(OCCUPATIONS)
        self.occupation.setCurrentText("")
        self.funding = QComboBox(objectName="funding")
        self.funding.addItem(self.tr("Mandiri (dibayar sendiri)"), None)
        with self.ctx.reading() as uow:
            for partner in list_partners(uow):
                self.funding.addItem(f"{partner.name} ({partner.code})", partner.code)
        self.programs = {p: QCheckBox(p, objectName=f"program_{p}") for p in PROGRAMS}
        program_row = QHBoxLayout()
        for box in self.programs.values():
            program_row.addWidget(box)
        program_row.addStretch(1)
        self.income = QLineEdit(objectName="income")
        self.income.setPlaceholderText(self.tr("Rupiah per bulan; kosong = Rp1.000.000 (BPU)"))
        self.address = QLineEdit(objectName="address")
        self.village = VillageField(self._nik_regency)
        self.phone = QLineEdit(objectName="phone")
        self.tmt = QDateEdit(objectName="tmt", calendarPopup=True)
        self.tmt.setDisplayFormat("dd/MM/yyyy")
        self.tmt.setDate(QDate.currentDate())
        self.heirs = QTableWidget(0, 3, objectName="heirs")
        self.heirs.setHorizontalHeaderLabels([self.tr("Nama ahli waris"), self.tr("Hubungan"),
                                              self.tr("NIK (boleh kosong)")])
        header = self.heirs.horizontalHeader()  # the name takes the room; the rest their titles
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.heirs.setMaximumHeight(120)
        self.heirs.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        add_heir = QPushButton(self.tr("Tambah ahli wa&ris"), objectName="add_heir")
        add_heir.setAutoDefault(False)
        add_heir.clicked.connect(lambda: self.add_heir_row())
        self.message = QLabel(objectName="message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B3261E")

        form = QFormLayout()
        form.addRow(self.tr("&NIK *"), self.nik)
        form.addRow("", self.nik_info)
        form.addRow(self.tr("Na&ma lengkap *"), self.name)
        form.addRow(self.tr("Tanggal &lahir"), self.birth_date)
        form.addRow(self.tr("&Jenis kelamin"), self.sex)
        form.addRow(self.tr("Se&gmen"), self.segment)
        form.addRow(self.tr("&Pekerjaan"), self.occupation)
        form.addRow(self.tr("Sumber &dana"), self.funding)
        form.addRow(self.tr("Program"), program_row)
        form.addRow(self.tr("Penghasilan/&upah"), self.income)
        form.addRow(self.tr("&Alamat"), self.address)
        form.addRow(self.tr("Desa/&kelurahan *"), self.village)
        form.addRow(self.tr("No. &HP"), self.phone)
        form.addRow(self.tr("Mulai kepesertaan (&TMT)"), self.tmt)
        form.addRow(self.tr("Ahli &waris"), self.heirs)
        form.addRow("", add_heir)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("save")
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)  # Enter saves
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.nik.textChanged.connect(self._nik_changed)
        self.birth_date.dateChanged.connect(lambda _d: self._nik_changed(self.nik.text()))
        self.sex.currentIndexChanged.connect(lambda _i: self._nik_changed(self.nik.text()))
        self.segment.currentIndexChanged.connect(self._segment_changed)
        self._segment_changed()
        self._auto_filled = False

    # --- behaviour ---------------------------------------------------------------------------

    def add_heir_row(self, name: str = "", relationship: str = "", nik: str = "") -> None:
        """A row for one more heir; the first proposes the spouse by the participant's sex
        ("suami" for a woman, "istri" for a man), the relationship shown in the interface
        language."""
        row = self.heirs.rowCount()
        if not relationship:
            relationship = spouse_relationship(self.sex.currentData()) if row == 0 else "anak"
        self.heirs.insertRow(row)
        self.heirs.setItem(row, 0, QTableWidgetItem(name))
        combo = QComboBox(objectName="heir_relationship")
        for word in RELATIONSHIPS:
            combo.addItem(relationship_text(word), word)
        combo.setCurrentIndex(max(combo.findData(relationship), 0))
        self.heirs.setCellWidget(row, 1, combo)
        self.heirs.setItem(row, 2, QTableWidgetItem(nik))

    def _segment_changed(self, *_args: object) -> None:
        segment = self.segment.currentData()
        defaults = {"PU": ("JKK", "JKM", "JHT", "JP")}.get(segment, ("JKK", "JKM"))
        allowed = {"PU": PROGRAMS, "BPU": ("JKK", "JKM", "JHT"), "PMI": ("JKK", "JKM", "JHT")
                   }.get(segment, ("JKK", "JKM"))
        for program, box in self.programs.items():
            box.setEnabled(program in allowed and program not in ("JKK", "JKM"))
            box.setChecked(program in defaults)

    def _nik_regency(self) -> str | None:
        """The regency the NIK was issued in ("73.09"): its villages are offered first."""
        value = self.nik.text()
        return f"{value[:2]}.{value[2:4]}" if len(value) >= 6 and value[:6].isdigit() else None

    def _nik_changed(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) < 16:
            self.nik_info.setText(self.tr("{0} dari 16 digit").format(len(digits)))
            self.nik_info.setStyleSheet("color: #5F6B7A")
            return
        try:
            decoded = parse_nik(digits, today=clock.today())
        except NikError as exc:
            self.nik_info.setText(service_text(exc.message))
            self.nik_info.setStyleSheet("color: #B3261E")
            return
        if not self._auto_filled:
            self._auto_filled = True
            self.birth_date.blockSignals(True)
            self.birth_date.setDate(_qdate(decoded.birth_date))
            self.birth_date.blockSignals(False)
            self.sex.blockSignals(True)
            self.sex.setCurrentIndex(0 if decoded.sex == "L" else 1)
            self.sex.blockSignals(False)
        region = ", ".join(n for n in (decoded.district_name, decoded.regency_name,
                                       decoded.province_name) if n)
        problems = nik_mismatches(digits, self._birth(), self.sex.currentData(),
                                  today=clock.today())
        text_out = self.tr("Lahir {0}, {1}; terdaftar di Kec. {2}").format(
            decoded.birth_date.strftime("%d/%m/%Y"),
            self.tr("laki-laki") if decoded.sex == "L" else self.tr("perempuan"), region)
        if decoded.region_warning:
            text_out += "\n" + decoded.region_warning
        if problems:
            text_out += "\n" + self.tr("Tidak cocok dengan NIK: ") + " ".join(problems)
        self.nik_info.setText(text_out)
        self.nik_info.setStyleSheet("color: #B3261E" if problems else "color: #0B7A3E")

    def _birth(self) -> date:
        d = self.birth_date.date()
        return date(d.year(), d.month(), d.day())

    def data(self) -> ParticipantData:
        """The form as a ParticipantData (the service validates it)."""
        heirs = []
        for row in range(self.heirs.rowCount()):
            name = (self.heirs.item(row, 0) or QTableWidgetItem("")).text().strip()
            if not name:
                continue
            combo = self.heirs.cellWidget(row, 1)
            relationship = combo.currentData() if isinstance(combo, QComboBox) else ""
            heirs.append(HeirData(name, relationship,
                                  (self.heirs.item(row, 2) or QTableWidgetItem("")).text()))
        income_text = self.income.text().strip()
        try:  # "1.500.000,00" is Rp1.500.000, never the digits 150000000
            income = parse_money(income_text) if income_text else None
        except ValidationError as exc:
            raise ValidationError(self.tr("Penghasilan: {0}").format(
                service_text(exc.message)), field="income") from None
        t = self.tmt.date()
        return ParticipantData(
            nik=self.nik.text(), name=self.name.text(), village_code=self.village.code(),
            birth_date=self._birth(), sex=self.sex.currentData(),
            segment=self.segment.currentData(), occupation=self.occupation.currentText(),
            address=self.address.text(), phone=self.phone.text(),
            partner_code=self.funding.currentData(),
            programs=frozenset(p for p, box in self.programs.items() if box.isChecked()),
            income=income,
            tmt=date(t.year(), t.month(), t.day()), heirs=tuple(heirs))

    def save(self, *, allow_likely_duplicate: bool = False) -> ParticipantRow | None:
        """Register what the form holds: the new row, or None when the service refused it
        (the reason shown in the form) or the officer did not confirm a likely duplicate.
        Anything unexpected opens the crash dialog; the form keeps what was typed."""
        self.message.clear()
        self.registered = None
        (WriteOp(self, self.ctx, lambda uow: register_participant(
            uow, data=self.data(), allow_likely_duplicate=allow_likely_duplicate))
         .success(self._registered)
         .failure(LikelyDuplicateError, self._ask_duplicate)
         .failure(DuplicateError, self._refused_duplicate)
         .failure(DomainError, self._refused)
         .run())
        return self.registered

    def _registered(self, row: ParticipantRow) -> None:
        self.registered = row
        self.saved.emit(row)
        self.accept()

    def _refused_duplicate(self, exc: DuplicateError) -> None:
        self.message.setText(service_text(exc.message))
        self._offer_existing(exc)

    def _refused(self, exc: DomainError) -> None:
        self.message.setText(service_text(exc.message))
        target = {"nik": self.nik, "name": self.name, "village_code": self.village,
                  "income": self.income, "birth_date": self.birth_date,
                  "tmt": self.tmt}.get(exc.field or "")
        if target is not None:
            target.setFocus()

    def describe(self) -> str:
        name = self.name.text().strip()
        return self.tr("Peserta baru {0}").format(name) if name else self.tr("Peserta baru")

    def _ask_duplicate(self, exc: LikelyDuplicateError) -> None:
        lines = "\n".join(f"• {c.name} — KPJ {c.kpj}, lahir {c.birth_date:%d/%m/%Y}, "
                          f"{c.village_name or 'desa ?'} ({c.reason})" for c in exc.candidates)
        self.message.setText(service_text(exc.message))
        if self.confirm_duplicate(lines):
            self.save(allow_likely_duplicate=True)

    def confirm_duplicate(self, lines: str) -> bool:
        """Ask the officer whether to save despite likely duplicates."""
        box = QMessageBox(self)
        box.setObjectName("likely_duplicate")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Kemungkinan peserta yang sama"))
        box.setText(self.tr("Data berikut mirip dengan peserta yang akan didaftarkan:\n\n{0}\n\n"
                            "Simpan hanya bila memang orang yang berbeda.").format(lines))
        keep = box.addButton(self.tr("Tetap simpan"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is keep

    def _offer_existing(self, exc: DuplicateError) -> None:
        if exc.existing_id and self.confirm_open_existing(service_text(exc.message)):
            self.open_existing.emit(exc.existing_id)
            self.discard()  # the officer chose the registered participant instead

    def confirm_open_existing(self, message: str) -> bool:
        """Offer to open the participant who already holds the NIK."""
        box = QMessageBox(self)
        box.setObjectName("same_nik")
        box.setWindowTitle(self.tr("NIK sudah terdaftar"))
        box.setText(message)
        open_button = box.addButton(self.tr("Buka data peserta"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Tutup"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is open_button
