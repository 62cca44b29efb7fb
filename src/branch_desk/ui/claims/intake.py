"""The intake form: participant, event, benefit facts, recipients, documents checklist and a
live assessment. The same form edits a claim that is still a draft or submitted.

Nothing typed is thrown away without a question: emptying a new claim, or leaving an edit,
with unsaved changes asks first (`confirm`); switching participant or claim type keeps what
was typed (only figures proposed from the records follow the participant)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from html import escape
from itertools import pairwise

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.claim_rules import ClaimType
from branch_desk.domain.claim_workflow import BackToDraftError
from branch_desk.domain.errors import ConflictError, DomainError
from branch_desk.services.claims.data import ClaimData, ClaimFactsData
from branch_desk.services.claims.intake import intake_defaults
from branch_desk.services.claims.queries import (
    ClaimRecipientRow,
    ClaimRow,
    find_claim_participants,
)
from branch_desk.services.claims.workflow import new_claim, preview_claim, update_claim
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.claims.checklist import DocumentsChecklist
from branch_desk.ui.claims.confirm import (
    Leave,
    ask_unsaved_edit,
    confirm_back_to_draft,
    confirm_clear,
)
from branch_desk.ui.claims.facts import FactsForm
from branch_desk.ui.claims.preview import assessment_html
from branch_desk.ui.claims.recipients import RecipientsBox, set_heir
from branch_desk.ui.claims.widgets import FitWidthScroll, fit_combo
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.shell.operations import WriteOp
from branch_desk.ui.widgets.i18n_domain import domain_label

__all__ = ["IntakeForm", "set_heir"]


class IntakeForm(QWidget):
    """Fill in, see the computed benefits live, save as a draft claim (or save the changes
    of the claim given to `load_claim`)."""

    def __init__(self, ctx: AppContext, today: Callable[[], date],
                 on_saved: Callable[[ClaimRow], None],
                 on_cancel: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.ctx, self.today, self.on_saved, self.on_cancel = ctx, today, on_saved, on_cancel
        self.editing: ClaimRow | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh_preview)
        self._build()
        self._type_changed()
        self._baseline = self._snapshot()

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(objectName="claim_edit_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.hide()
        self.search = QLineEdit(objectName="claim_participant_search")
        self.search.setPlaceholderText(self.tr("NIK, KPJ atau nama peserta, lalu Enter"))
        self.search.returnPressed.connect(self.find_participants)
        self.find_button = QPushButton(self.tr("C&ari"), objectName="claim_find")
        self.find_button.clicked.connect(self.find_participants)
        self.participant = QComboBox(objectName="claim_participant")
        self._segments: dict[str, str] = {}  # participant id → segment, for the PMI phase
        self.participant.currentIndexChanged.connect(self._participant_changed)
        self.type = QComboBox(objectName="claim_type")
        for t in ClaimType:
            self.type.addItem(f"{t.value} — {domain_label(t.label)}", t.value)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.event_date = QDateEdit(objectName="claim_event_date", calendarPopup=True)
        self.event_date.setDisplayFormat("dd-MM-yyyy")
        self.event_date.setDate(QDate(self.today()))
        self.event_date.dateChanged.connect(self._prefill)
        self.cause = QComboBox(objectName="claim_cause")
        self.cause.addItem(self.tr("Bukan kecelakaan kerja"), "bukan-kerja")
        self.cause.addItem(self.tr("Kecelakaan kerja / karena kerja"), "kerja")
        self.cause.currentIndexChanged.connect(self._changed)
        self.place = QLineEdit(objectName="claim_place")
        self.description = QLineEdit(objectName="claim_description")
        self.place.textChanged.connect(self._changed)

        form = QFormLayout()
        find = QHBoxLayout()
        find.addWidget(self.search, 1)
        find.addWidget(self.find_button)
        search_label = QLabel(self.tr("&Cari peserta"))
        search_label.setBuddy(self.search)
        form.addRow(search_label, find)
        form.addRow(self.tr("&Peserta"), self.participant)
        form.addRow(self.tr("&Jenis klaim"), self.type)
        form.addRow(self.tr("&Tanggal kejadian"), self.event_date)
        form.addRow(self.tr("Pen&yebab"), self.cause)
        form.addRow(self.tr("Te&mpat kejadian"), self.place)
        form.addRow(self.tr("&Keterangan"), self.description)
        self.form = form
        for combo in (self.participant, self.type, self.cause):
            fit_combo(combo)

        self.facts = FactsForm(self.today())
        self.facts.changed.connect(self._changed)
        self.facts.documents_changed.connect(self._fill_documents)
        self.facts.outcome.currentIndexChanged.connect(self._prefill)
        self.facts.jp_kind.currentIndexChanged.connect(self._prefill)
        for combo in (self.facts.outcome, self.facts.jht_kind):
            combo.currentIndexChanged.connect(lambda: self._left.updateGeometry())
        self.recipients = RecipientsBox()
        self.recipients.changed.connect(self._changed)
        self.heirs = self.recipients.table

        self.documents = DocumentsChecklist()
        docs_box = QGroupBox(self.tr("&Dokumen diterima"))
        docs_box.setToolTip(self.tr("Centang dokumen yang sudah diterima"))
        QVBoxLayout(docs_box).addWidget(self.documents)

        self.assessment = QLabel(objectName="claim_assessment", wordWrap=True)
        self.assessment.setTextFormat(Qt.TextFormat.RichText)
        self.assessment.setAlignment(Qt.AlignmentFlag.AlignTop)
        assess_box = QGroupBox(self.tr("Kelayakan dan manfaat"))
        assess_box.setToolTip(self.tr("Kelayakan, batas waktu dan manfaat, dihitung langsung "
                                      "dari isian"))
        assess_scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        assess_scroll.setWidget(self.assessment)
        # The width is the scroll area's, so the text wraps to what is left beside a vertical
        # scroll bar instead of scrolling sideways under it.
        assess_scroll.setMinimumWidth(320)
        assess_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QVBoxLayout(assess_box).addWidget(assess_scroll)
        self.message = QLabel(objectName="claim_message", wordWrap=True)
        self.message.setStyleSheet("color: #b71c1c")
        self.message.hide()

        self.save = QPushButton(self.tr("Simpan klaim (Ctrl+S)"), objectName="claim_save")
        self.save.clicked.connect(self.submit)
        self.save.setAutoDefault(True)  # Enter on the focused button saves
        for edit in (self.place, self.description, self.facts.wage, self.facts.medical,
                     self.facts.balance, self.facts.transport_cost, self.facts.rehab,
                     self.facts.disability, self.facts.function, self.facts.jp_annual,
                     self.facts.jp_accumulated, self.facts.requested):
            edit.returnPressed.connect(self.submit)  # Enter in a text field saves too
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.submit)
        self.clear_button = QPushButton(self.tr("Kosongkan"), objectName="claim_clear")
        self.clear_button.clicked.connect(self.cancel)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.cancel)

        left_widget = QWidget()
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 4, 0)
        left.addWidget(self.heading)
        left.addLayout(form)
        left.addWidget(self.facts)
        left.addWidget(self.recipients)
        left.addStretch(1)
        scroll = FitWidthScroll()
        scroll.setWidget(left_widget)  # a short screen scrolls instead of clipping fields
        self._left = scroll
        right = QVBoxLayout()
        right.addWidget(docs_box, 2)
        right.addWidget(assess_box, 3)
        right.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 3)
        layout.addLayout(right, 2)
        chain = [self.search, self.find_button, self.participant, self.type, self.event_date,
                 self.cause, self.place, self.description, *self.facts.ordered_fields(),
                 self.heirs, self.recipients.add, self.documents, self.clear_button, self.save]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- behaviour ----------------------------------------------------------------------
    def find_participants(self) -> None:
        with self.ctx.reading() as uow:
            found = find_claim_participants(uow, self.search.text())
        self.participant.blockSignals(True)
        self.participant.clear()
        self._segments = {p.id: p.segment for p in found}
        for p in found:
            self.participant.addItem(f"{p.name} — KPJ {p.kpj} — NIK {p.nik_masked} "
                                     f"({p.segment})", p.id)
        self.participant.blockSignals(False)
        if not found:
            self.assessment.setText(self.tr("Peserta tidak ditemukan."))
        self._participant_changed()

    def _participant_changed(self) -> None:
        self.facts.set_migrant(self._segments.get(self.participant.currentData()) == "PMI")
        self._left.updateGeometry()
        self._fill_documents()  # a migrant worker's JKM asks for other papers
        self._prefill()

    def _type_changed(self) -> None:
        ctype = ClaimType(self.type.currentData())
        self.facts.show_for(ctype)
        self._left.updateGeometry()  # the fields shown may need another width
        if self.editing is None:
            self.cause.setCurrentIndex(1 if ctype is ClaimType.JKK else 0)
        self._fill_documents()
        self._prefill()

    def _fill_documents(self) -> None:
        self.documents.fill(ClaimType(self.type.currentData()), self.facts.document_facts())

    def _prefill(self, *_: object) -> None:
        """Recipients and JHT/JP figures proposed from the records (untouched fields only)."""
        participant = self.participant.currentData()
        if not participant:
            self.facts.forget_estimates()
            if self.editing is None:
                self.recipients.offer([], "")
            self._changed()
            return
        ctype = ClaimType(self.type.currentData())
        try:
            with self.ctx.reading() as uow:
                found = intake_defaults(uow, participant_id=participant, claim_type=ctype.value,
                                        outcome=self.facts.outcome.currentData(),
                                        as_of=self.event_date.date().toPython(),
                                        jp_kind=self.facts.jp_kind.currentData())
        except DomainError as exc:
            self.assessment.setText(service_text(str(exc)))
            return
        self.facts.offer_estimates(found.registered_wage, found.jht, found.jp)
        if self.editing is None:
            if not found.paid_to_heirs:
                note = self.tr("Manfaat dibayar kepada peserta sendiri; lengkapi bank dan nomor "
                               "rekeningnya.")
            elif found.recipients:
                note = self.tr("Diisi dari ahli waris yang terdaftar pada data peserta; periksa "
                               "dengan surat keterangan ahli waris.")
            else:
                note = self.tr("Peserta belum mencatat ahli waris; isi sesuai surat keterangan "
                               "ahli waris.")
            first = (ClaimRecipientRow("", found.spouse, "", "", ""),)
            self.recipients.offer(found.recipients or (first if found.paid_to_heirs else ()),
                                  note)
        self._changed()

    def _changed(self, *_: object) -> None:
        self._timer.start()

    def data(self) -> ClaimData:
        """The form as service input (ValidationError naming the field for bad input)."""
        received = self.documents.checked()
        facts: ClaimFactsData = dataclasses.replace(
            self.facts.facts(), heir_order_reason=self.recipients.order_reason())
        return ClaimData(participant=self.participant.currentData() or "",
                         claim_type=self.type.currentData(),
                         event_date=self.event_date.date().toPython(),
                         cause=self.cause.currentData(), place=self.place.text(),
                         description=self.description.text(),
                         recipients=self.recipients.recipients(), received=received, facts=facts)

    def refresh_preview(self) -> None:
        if not self.participant.currentData():
            self.assessment.setText(self.tr("Pilih peserta untuk menghitung kelayakan dan "
                                            "manfaat."))
            return
        try:
            with self.ctx.reading() as uow:
                preview = preview_claim(uow, data=self.data(), today=self.today(),
                                        filed_on=self.editing.filed_on if self.editing else None)
        except DomainError as exc:
            not_yet = self.tr("Belum dapat dihitung")
            self.assessment.setText(f"<b>{not_yet}:</b> {escape(service_text(str(exc)))}")
            return
        self.assessment.setText(assessment_html(preview))
        self.recipients.show_order_problem(preview.heir_order_problem)

    def submit(self) -> bool:
        """Save a new draft claim, or the changes of the claim being edited; True if saved.
        An edit that would leave a submitted claim incomplete is saved as a draft only when
        the officer agrees."""
        return self._submit(back_to_draft=False)

    def _submit(self, *, back_to_draft: bool) -> bool:
        editing, today = self.editing, self.today()

        def write(uow: UnitOfWork) -> ClaimRow:
            data = self.data()
            if editing is None:
                return new_claim(uow, data=data, today=today)
            return update_claim(uow, number=editing.number, data=data,
                                expected_version=editing.version, today=today,
                                back_to_draft=back_to_draft)

        questions: list[BackToDraftError] = []
        saved = (WriteOp(self, self.ctx, write).success(self._saved)
                 .failure(BackToDraftError, questions.append)
                 .failure(ConflictError, self._conflict)
                 .run())
        if questions and confirm_back_to_draft(self, str(questions[0])):
            return self._submit(back_to_draft=True)
        return saved

    def _saved(self, row: ClaimRow) -> None:
        if self.editing is None:
            self.clear()
        self.on_saved(row)

    def _conflict(self, exc: ConflictError) -> None:
        """Someone else changed the claim meanwhile: what was typed stays in the form."""
        self.message.setText(service_text(str(exc)) + " " + self.tr(
            "Isian Anda tetap di sini: salin yang perlu, tekan Batal, lalu buka Ubah "
            "klaim… lagi untuk memuat data terbaru."))
        self.message.show()
        show_error(self, exc)

    # --- editing a saved claim -----------------------------------------------------------
    def load_claim(self, row: ClaimRow) -> None:
        """Show `row` for editing: participant and type are fixed, received documents stay."""
        self.editing = None
        self.clear()
        self.editing = row
        self.documents.start(d.key for d in row.documents if d.received)
        self.heading.setText(self.tr("<b>Ubah klaim {0}</b> — status {1}; peserta dan jenis "
                                     "klaim tidak dapat diubah.")
                             .format(row.number, domain_label(row.status_label)))
        self.heading.show()
        self.form.setRowVisible(0, False)  # no search: the participant stays
        for widget in (self.participant, self.type):
            widget.setEnabled(False)
        self.participant.blockSignals(True)
        self.participant.addItem(f"{row.participant_name} — KPJ {row.kpj} — NIK "
                                 f"{row.nik_masked} ({row.segment})", row.participant_id)
        self._segments = {row.participant_id: row.segment}
        self.facts.set_migrant(row.segment == "PMI")
        self.participant.blockSignals(False)
        self.type.blockSignals(True)
        self.type.setCurrentIndex(self.type.findData(row.claim_type))
        self.type.blockSignals(False)
        self.facts.show_for(ClaimType(row.claim_type))
        self.facts.load(ClaimFactsData.from_json(row.facts), reported_default=row.filed_on)
        self.event_date.setDate(QDate(row.event_date))
        self.cause.setCurrentIndex(max(0, self.cause.findData(row.cause)))
        self.place.setText(row.place)
        self.description.setText(row.description)
        self.recipients.load(row.recipients)
        self.recipients.reason.setText(str(row.facts.get("heir_order_reason", "")))
        self._fill_documents()
        self.save.setText(self.tr("Simpan perubahan (Ctrl+S)"))
        self.clear_button.setText(self.tr("Batal"))
        self._prefill()
        self._baseline = self._snapshot()
        self.place.setFocus()

    def _snapshot(self) -> tuple[object, ...]:
        """What the officer entered; the participant and type of a new claim and what the
        form proposed by itself do not count (they are chosen again in a moment)."""
        cause = self.cause.currentData() if self.editing is not None else None
        return (self.event_date.date().toPython(), cause, self.place.text().strip(),
                self.description.text().strip(), self.facts.snapshot(),
                self.recipients.edited(), self.recipients.order_reason(),
                frozenset(self.documents.ticks))

    def has_changes(self) -> bool:
        """True when something entered since the form was emptied or loaded is unsaved."""
        return self._snapshot() != self._baseline

    def may_leave(self) -> bool:
        """True when the edit may close: no unsaved change, or the officer saved (and the
        edit closed) or discarded them. Asks first; Enter or Esc keeps the form."""
        if self.editing is None or not self.has_changes():
            return True
        choice = ask_unsaved_edit(self, self.editing.number)
        if choice is Leave.SAVE:
            return self.submit()
        return choice is Leave.DISCARD

    def cancel(self) -> None:
        """Esc / Kosongkan / Batal: empty the new claim, or leave the edit without saving;
        asks first when something typed would be lost."""
        if self.editing is not None:
            if self.on_cancel is not None and self.may_leave():
                self.on_cancel()
            return
        if self.has_changes() and not confirm_clear(self):
            return
        self.clear()

    def clear(self) -> None:
        self.message.hide()
        self.search.clear()
        self.participant.clear()
        for w in (self.place, self.description):
            w.clear()
        self.facts.clear(self.today())
        self.recipients.clear()
        self.documents.start()
        self._type_changed()
        self._baseline = self._snapshot()
        self.search.setFocus()
