"""The intake form: participant, event, heirs, documents checklist and a live assessment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain import claim_rules
from branch_desk.domain.claim_rules import ClaimType
from branch_desk.domain.errors import DomainError
from branch_desk.domain.money import format_rupiah, parse_rupiah
from branch_desk.services.claims import new_claim, preview_claim
from branch_desk.services.claims_data import (
    ChildData,
    ClaimData,
    ClaimFactsData,
    RecipientData,
)
from branch_desk.services.claims_queries import ClaimRow, find_claim_participants
from branch_desk.ui.context import AppContext
from branch_desk.ui.errors import show_error

OUTCOMES = (("medical_only", QT_TRANSLATE_NOOP("IntakeForm", "Perawatan saja")),
            ("temporary", QT_TRANSLATE_NOOP("IntakeForm", "Tidak mampu bekerja (STMB)")),
            ("partial_disability", QT_TRANSLATE_NOOP("IntakeForm", "Cacat sebagian")),
            ("total_disability", QT_TRANSLATE_NOOP("IntakeForm", "Cacat total tetap")),
            ("death", QT_TRANSLATE_NOOP("IntakeForm", "Meninggal dunia")))
JHT_KINDS = (("full", QT_TRANSLATE_NOOP("IntakeForm", "Seluruh saldo")),
             ("partial_housing", QT_TRANSLATE_NOOP("IntakeForm", "Sebagian 30% (perumahan)")),
             ("partial_other", QT_TRANSLATE_NOOP("IntakeForm", "Sebagian 10% (lainnya)")))


def _amount(text: str) -> int:
    return parse_rupiah(text) if text.strip() else 0


class IntakeForm(QWidget):
    """Fill in, see the computed benefits live, save as a draft claim."""

    def __init__(self, ctx: AppContext, today: Callable[[], date],
                 on_saved: Callable[[ClaimRow], None]) -> None:
        super().__init__()
        self.ctx, self.today, self.on_saved = ctx, today, on_saved
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh_preview)
        self._build()
        self._type_changed()

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(objectName="claim_participant_search")
        self.search.setPlaceholderText(self.tr("NIK, KPJ atau nama peserta, lalu Enter"))
        self.search.returnPressed.connect(self.find_participants)
        self.participant = QComboBox(objectName="claim_participant")
        self.participant.currentIndexChanged.connect(self._changed)
        self.type = QComboBox(objectName="claim_type")
        for t in ClaimType:
            self.type.addItem(f"{t.value} — {t.label}", t.value)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.event_date = QDateEdit(objectName="claim_event_date", calendarPopup=True)
        self.event_date.setDisplayFormat("dd-MM-yyyy")
        self.event_date.setDate(QDate(self.today()))
        self.event_date.dateChanged.connect(self._changed)
        self.cause = QComboBox(objectName="claim_cause")
        self.cause.addItem(self.tr("Bukan kecelakaan kerja"), "bukan-kerja")
        self.cause.addItem(self.tr("Kecelakaan kerja / karena kerja"), "kerja")
        self.cause.currentIndexChanged.connect(self._changed)
        self.place = QLineEdit(objectName="claim_place")
        self.description = QLineEdit(objectName="claim_description")
        self.wage = QLineEdit(objectName="claim_wage")
        self.wage.setPlaceholderText(self.tr("kosong = upah/penghasilan terdaftar"))
        self.outcome = QComboBox(objectName="claim_outcome")
        for key, label in OUTCOMES:
            self.outcome.addItem(self.tr(label), key)
        self.medical = QLineEdit(objectName="claim_medical_cost")
        self.stmb = QSpinBox(objectName="claim_stmb_months", maximum=120)
        self.balance = QLineEdit(objectName="claim_balance")
        self.jht_kind = QComboBox(objectName="claim_jht_kind")
        for key, label in JHT_KINDS:
            self.jht_kind.addItem(self.tr(label), key)
        self.children = QPlainTextEdit(objectName="claim_children")
        self.children.setPlaceholderText(self.tr("Satu anak per baris: Nama;Jenjang (TK, SD, "
                                                 "SMP, SMA, S1)"))
        self.children.setMaximumHeight(60)
        self.children.setTabChangesFocus(True)  # Tab leaves the box instead of typing a tab
        for w in (self.wage, self.medical, self.balance, self.place):
            w.textChanged.connect(self._changed)
        for c in (self.outcome, self.jht_kind):
            c.currentIndexChanged.connect(self._changed)
        self.stmb.valueChanged.connect(self._changed)
        self.children.textChanged.connect(self._changed)

        form = QFormLayout()
        find = QHBoxLayout()
        find.addWidget(self.search, 1)
        find_button = QPushButton(self.tr("C&ari"), objectName="claim_find")
        find_button.clicked.connect(self.find_participants)
        find.addWidget(find_button)
        form.addRow(self.tr("&Cari peserta"), find)
        form.addRow(self.tr("&Peserta"), self.participant)
        form.addRow(self.tr("&Jenis klaim"), self.type)
        form.addRow(self.tr("&Tanggal kejadian"), self.event_date)
        form.addRow(self.tr("Pen&yebab"), self.cause)
        form.addRow(self.tr("Te&mpat kejadian"), self.place)
        form.addRow(self.tr("&Keterangan"), self.description)
        self.facts_rows = {
            "wage": (self.tr("Upah sebulan"), self.wage),
            "outcome": (self.tr("Akibat kecelakaan"), self.outcome),
            "medical": (self.tr("Biaya pengobatan"), self.medical),
            "stmb": (self.tr("Lama STMB (bulan)"), self.stmb),
            "balance": (self.tr("Saldo JHT / akumulasi JP"), self.balance),
            "jht_kind": (self.tr("Jenis pengambilan JHT"), self.jht_kind),
            "children": (self.tr("Anak penerima beasiswa"), self.children),
        }
        for label, widget in self.facts_rows.values():
            form.addRow(label, widget)
        self.form = form

        self.heirs = QTableWidget(1, 4, objectName="claim_heirs")
        self.heirs.setHorizontalHeaderLabels([self.tr("Nama"), self.tr("Hubungan"),
                                              self.tr("Bank"), self.tr("No. rekening")])
        self.heirs.horizontalHeader().setStretchLastSection(True)
        self.heirs.setMaximumHeight(110)
        self.heirs.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        add_heir = QPushButton(self.tr("Tambah ahli waris"), objectName="claim_add_heir")
        add_heir.clicked.connect(lambda: self.heirs.insertRow(self.heirs.rowCount()))
        heirs_box = QGroupBox(self.tr("Ahli &waris / penerima dan rekening bank"))
        hb = QVBoxLayout(heirs_box)
        hb.addWidget(self.heirs)
        hb.addWidget(add_heir, 0, Qt.AlignmentFlag.AlignLeft)

        self.documents = QListWidget(objectName="claim_documents")
        docs_box = QGroupBox(self.tr("Kelengkapan &dokumen (centang yang diterima)"))
        QVBoxLayout(docs_box).addWidget(self.documents)

        self.assessment = QLabel(objectName="claim_assessment", wordWrap=True)
        self.assessment.setTextFormat(Qt.TextFormat.RichText)
        self.assessment.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.assessment.setMinimumWidth(360)
        assess_box = QGroupBox(self.tr("Kelayakan, batas waktu dan manfaat (dihitung langsung)"))
        QVBoxLayout(assess_box).addWidget(self.assessment)

        self.save = QPushButton(self.tr("Simpan klaim (Ctrl+S)"), objectName="claim_save")
        self.save.clicked.connect(self.submit)
        self.save.setAutoDefault(True)  # Enter on the focused button saves
        for edit in (self.place, self.description, self.wage, self.medical, self.balance):
            edit.returnPressed.connect(self.submit)  # Enter in a text field saves too
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.submit)
        clear = QPushButton(self.tr("Kosongkan"), objectName="claim_clear")
        clear.clicked.connect(self.clear)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.clear)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(heirs_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(docs_box, 2)
        right.addWidget(assess_box, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(clear)
        buttons.addWidget(self.save)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    # --- behaviour ----------------------------------------------------------------------
    def find_participants(self) -> None:
        with self.ctx.reading() as uow:
            found = find_claim_participants(uow, self.search.text())
        self.participant.blockSignals(True)
        self.participant.clear()
        for p in found:
            self.participant.addItem(f"{p.name} — KPJ {p.kpj} — NIK {p.nik_masked} "
                                     f"({p.segment})", p.id)
        self.participant.blockSignals(False)
        if not found:
            self.assessment.setText(self.tr("Peserta tidak ditemukan."))
        self._changed()

    def _type_changed(self) -> None:
        ctype = ClaimType(self.type.currentData())
        visible = {
            ClaimType.JKK: {"wage", "outcome", "medical", "stmb"},
            ClaimType.JKM: set(), ClaimType.JKP: {"wage"}, ClaimType.JP: {"wage", "balance"},
            ClaimType.JHT: {"balance", "jht_kind"}, ClaimType.BEASISWA: {"children"},
        }[ctype]
        for key, (_, widget) in self.facts_rows.items():
            self.form.setRowVisible(widget, key in visible)
        self.cause.setCurrentIndex(1 if ctype is ClaimType.JKK else 0)
        self._fill_documents(ctype)
        self._changed()

    def _fill_documents(self, ctype: ClaimType) -> None:
        self.documents.clear()
        for doc in claim_rules.required_documents(ctype):
            text = doc.label if doc.mandatory else f"{doc.label} — {doc.note}"
            item = QListWidgetItem(text if doc.mandatory else f"({self.tr('bila perlu')}) {text}")
            item.setData(Qt.ItemDataRole.UserRole, doc.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.documents.addItem(item)

    def _changed(self, *_: object) -> None:
        self._timer.start()

    def data(self) -> ClaimData:
        """The form as service input (ValidationError for unreadable amounts)."""
        heirs = []
        for r in range(self.heirs.rowCount()):
            cells = [(self.heirs.item(r, c).text().strip() if self.heirs.item(r, c) else "")
                     for c in range(4)]
            if any(cells):
                heirs.append(RecipientData(cells[0], cells[1], cells[3], cells[2]))
        children = []
        for line in self.children.toPlainText().splitlines():
            parts = [p.strip() for p in line.split(";")]
            if parts and parts[0]:
                level = parts[1].upper() if len(parts) > 1 and parts[1] not in ("", "-") else None
                children.append(ChildData(parts[0], level))
        received = tuple(self.documents.item(i).data(Qt.ItemDataRole.UserRole)
                         for i in range(self.documents.count())
                         if self.documents.item(i).checkState() == Qt.CheckState.Checked)
        ctype = ClaimType(self.type.currentData())
        balance = _amount(self.balance.text())
        facts = ClaimFactsData(
            wage=_amount(self.wage.text()) if self.wage.text().strip() else None,
            outcome=self.outcome.currentData() if ctype is ClaimType.JKK else "medical_only",
            medical_cost=_amount(self.medical.text()) if ctype is ClaimType.JKK else 0,
            stmb_months=self.stmb.value() if ctype is ClaimType.JKK else 0,
            jht_kind=self.jht_kind.currentData() if ctype is ClaimType.JHT else "full",
            balance=balance if ctype is ClaimType.JHT else 0,
            accumulated_contributions=balance if ctype is ClaimType.JP else 0,
            children=tuple(children))
        return ClaimData(participant=self.participant.currentData() or "",
                         claim_type=ctype.value, event_date=self.event_date.date().toPython(),
                         cause=self.cause.currentData(), place=self.place.text(),
                         description=self.description.text(), recipients=tuple(heirs),
                         received=received, facts=facts)

    def refresh_preview(self) -> None:
        if not self.participant.currentData():
            self.assessment.setText(self.tr("Pilih peserta untuk menghitung kelayakan dan "
                                            "manfaat."))
            return
        try:
            with self.ctx.reading() as uow:
                preview = preview_claim(uow, data=self.data(), today=self.today())
        except DomainError as exc:
            self.assessment.setText(f"<b>{self.tr('Belum dapat dihitung')}:</b> {exc}")
            return
        verdict = (f"<b style='color:#1b5e20'>{self.tr('Memenuhi syarat')}</b>"
                   if preview.eligible else
                   f"<b style='color:#b71c1c'>{self.tr('Tidak memenuhi syarat')}</b>")
        if preview.late:
            verdict += f" — <b style='color:#e65100'>{self.tr('terlambat')}</b>"
        items = "".join(f"<li>{'✔' if f.ok else '✘'} {f.text}</li>" for f in preview.findings)
        lines = "".join(f"<tr><td>{ln.label}<br><small>{ln.rule}</small></td>"
                        f"<td align='right'>{format_rupiah(ln.amount)}</td></tr>"
                        for ln in preview.lines)
        self.assessment.setText(
            f"{verdict}<ul style='margin-left:-20px'>{items}</ul>"
            f"<table width='100%'>{lines}<tr><td><b>{self.tr('Jumlah')}</b></td>"
            f"<td align='right'><b>{format_rupiah(preview.total)}</b></td></tr></table>")

    def submit(self) -> None:
        try:
            data = self.data()
            with self.ctx.writing() as uow:
                row = new_claim(uow, data=data, today=self.today())
                uow.commit()
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.bus.announce("claims")
        self.clear()
        self.on_saved(row)

    def clear(self) -> None:
        self.search.clear()
        self.participant.clear()
        for w in (self.place, self.description, self.wage, self.medical, self.balance):
            w.clear()
        self.children.clear()
        self.stmb.setValue(0)
        self.heirs.setRowCount(0)
        self.heirs.setRowCount(1)
        self._type_changed()
        self.search.setFocus()


def set_heir(table: QTableWidget, row: int, values: tuple[str, str, str, str]) -> None:
    """Fill one heir row (used by the page and by tests)."""
    if table.rowCount() <= row:
        table.setRowCount(row + 1)
    for col, value in enumerate(values):
        table.setItem(row, col, QTableWidgetItem(value))
