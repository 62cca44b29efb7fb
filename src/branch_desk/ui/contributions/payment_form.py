"""Payment form: find the participant, choose the months, see the amount, save, print."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.coverage import month_label
from branch_desk.domain.errors import NotFound
from branch_desk.domain.money import terbilang
from branch_desk.domain.rates import PMI_PRE_PLACEMENT_MONTHS
from branch_desk.services.contributions.coverage import coverage_for
from branch_desk.services.contributions.payments import (
    PaymentRow,
    list_payments,
    print_receipt,
    quote_payment,
    receipts_of_day,
    record_payment,
    suggested_first_month,
)
from branch_desk.services.participants.queries import search_participants
from branch_desk.services.participants.registry import find_participant
from branch_desk.services.participants.rows import ParticipantQuery, ParticipantRow
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.contributions.common import as_date, day_edit, month_edit
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.shell.operations import BackgroundWriteOp, WriteOp, preview_printed
from branch_desk.ui.shell.worker import Progress
from branch_desk.ui.widgets.formatting import fmt_date, fmt_money
from branch_desk.ui.widgets.i18n_domain import column, domain_label
from branch_desk.ui.widgets.pdf_preview import show_pdf
from branch_desk.ui.widgets.tables import fill_table, text_table
from branch_desk.ui.widgets.unsaved import confirm_close_form

MAX_CHOICES = 20  # participants of one name offered to choose from

HISTORY = (QT_TRANSLATE_NOOP("columns", "Nomor"), QT_TRANSLATE_NOOP("columns", "Jenis"),
           QT_TRANSLATE_NOOP("columns", "Masa iuran"), QT_TRANSLATE_NOOP("columns", "Jumlah"),
           QT_TRANSLATE_NOOP("columns", "Dibayar"), QT_TRANSLATE_NOOP("columns", "Penyetor"))


class PaymentForm(QWidget):
    """Keyboard flow: NIK/KPJ, Enter → months → payer → Enter saves; Esc clears (asking
    first when a payment was entered and not saved)."""

    def __init__(self, ctx: AppContext, today_fn) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ctx, self.today = ctx, today_fn
        self.participant_id: str | None = None
        self.last: PaymentRow | None = None
        self.ask_path = self._ask_path  # replaceable in tests
        self.choose = self._choose  # picks one of several participants of a name; tests too
        today = today_fn()
        self.lookup = QLineEdit(objectName="pay_participant")
        self.lookup.setPlaceholderText(self.tr("NIK (16 angka), KPJ (11 angka) atau nama"))
        self.lookup.returnPressed.connect(self.find)
        find = QPushButton(self.tr("Cari"), objectName="pay_find")
        find.clicked.connect(self.find)
        self.who = QLabel(objectName="pay_who")
        self.who.setWordWrap(True)
        self.first = month_edit("pay_first_month", today)
        self.months = QSpinBox(objectName="pay_months", minimum=1, maximum=36, value=1)
        self.pmi_phase = QComboBox(objectName="pay_pmi_phase")  # a migrant worker's package
        self.pmi_phase.addItem(self.tr("Sebelum bekerja (5 bulan)"), "pra_penempatan")
        self.pmi_phase.addItem(self.tr("Selama dan setelah bekerja (lama perjanjian kerja)"),
                               "penempatan")
        self.pmi_phase.setToolTip(self.tr("Iuran Pekerja Migran Indonesia (Permenaker 4/2023 "
                                          "Pasal 18): jumlah bulan = lama perjanjian kerja, "
                                          "6, 12, 24 bulan atau lebih"))
        self.pmi_phase.currentIndexChanged.connect(self._pmi_phase_changed)
        self.segment = ""
        self.payer = QLineEdit(objectName="pay_payer")
        self.payer.returnPressed.connect(self.save)
        self.paid_on = day_edit("pay_paid_on", today)
        self.reference = QLineEdit(objectName="pay_reference")
        self.amount = QLabel(objectName="pay_amount")
        self.amount.setTextFormat(Qt.TextFormat.RichText)
        self.save_button = QPushButton(self.tr("Simpan pembayaran"), objectName="pay_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("Cetak kwitansi…"), objectName="pay_print")
        self.print_button.clicked.connect(self.print_receipt)
        self.print_button.setEnabled(False)
        self.paper = QComboBox(objectName="pay_paper")
        self.paper.addItem(self.tr("Kwitansi A5"), "A5")
        self.paper.addItem(self.tr("Kwitansi A4"), "A4")
        self.preview_button = QPushButton(self.tr("&Pratinjau && cetak kwitansi"),
                                          objectName="pay_preview")
        self.preview_button.setToolTip("Ctrl+P")
        self.preview_button.clicked.connect(self.preview_receipt)
        self.preview_button.setEnabled(False)
        self.day_button = QPushButton(self.tr("Kwitansi satu hari…"), objectName="pay_day")
        self.day_button.setToolTip(self.tr(
            "Semua kwitansi dengan tanggal bayar di atas, sebagai satu dokumen cetak"))
        self.day_button.clicked.connect(self.preview_day)
        self.months.valueChanged.connect(self.update_quote)
        self.first.dateChanged.connect(self.update_quote)
        row = QHBoxLayout()
        row.addWidget(self.lookup, 1)
        row.addWidget(find)
        form = QFormLayout()
        form.addRow(self.tr("Peserta"), row)
        form.addRow("", self.who)
        form.addRow(self.tr("Tahap iuran PMI"), self.pmi_phase)
        form.addRow(self.tr("Mulai bulan"), self.first)
        form.addRow(self.tr("Jumlah bulan"), self.months)
        form.addRow(self.tr("Penyetor"), self.payer)
        form.addRow(self.tr("Tanggal bayar"), self.paid_on)
        form.addRow(self.tr("Referensi"), self.reference)
        form.addRow(self.tr("Iuran"), self.amount)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.paper)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.day_button)
        self.history = text_table("pay_history", [column(t) for t in HISTORY])
        self._form = form
        form.setRowVisible(self.pmi_phase, False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Riwayat iuran peserta")))
        layout.addWidget(self.history, 1)
        for a, b in ((self.lookup, self.pmi_phase), (self.pmi_phase, self.first),
                     (self.first, self.months),
                     (self.months, self.payer), (self.payer, self.paid_on),
                     (self.paid_on, self.reference), (self.reference, self.save_button)):
            QWidget.setTabOrder(a, b)
        self._clean = self._state()

    def _state(self) -> tuple[object, ...]:
        """What the officer enters for a payment (the participant looked up does not count)."""
        return (self._pmi(), as_date(self.first), self.months.value(),
                self.payer.text().strip(), as_date(self.paid_on), self.reference.text().strip())

    def _pmi(self) -> str:
        """The migrant worker's payment phase; "" for every other participant."""
        return str(self.pmi_phase.currentData()) if self.segment == "PMI" else ""

    def _pmi_phase_changed(self, *_args: object) -> None:
        if self._pmi() == "pra_penempatan":
            self.months.setValue(PMI_PRE_PLACEMENT_MONTHS)  # the protection before work
        elif self._pmi() == "penempatan" and self.months.value() < 6:
            self.months.setValue(24)
        self.update_quote()

    def has_changes(self) -> bool:
        """True when something entered since the form was emptied or saved is unsaved."""
        return self._state() != self._clean

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            if not self.has_changes() or confirm_close_form(
                    self, self.tr("pembayaran iuran ini")):
                self.clear()
            return
        super().keyPressEvent(event)

    def clear(self) -> None:
        self.participant_id = None
        self._set_segment("")
        for w in (self.lookup, self.payer, self.reference):
            w.clear()
        self.who.clear()
        self.amount.clear()
        self.history.setRowCount(0)
        self._clean = self._state()
        self.lookup.setFocus()

    def _matches(self, text: str) -> list[ParticipantRow]:
        """The participant of a NIK or KPJ, or those whose name matches `text`."""
        with self.ctx.reading() as uow:
            if text.isdigit():
                return [find_participant(uow, text)]
            return list(search_participants(uow, ParticipantQuery(text=text,
                                                                  limit=MAX_CHOICES)).rows)

    def _choose(self, rows: list[ParticipantRow]) -> ParticipantRow | None:
        labels = [f"{r.name} — KPJ {r.kpj} — {r.village_name or r.village_code}" for r in rows]
        label, ok = QInputDialog.getItem(self, self.tr("Pilih peserta"), self.tr(
            "Beberapa peserta cocok dengan nama itu:"), labels, 0, False)
        return rows[labels.index(label)] if ok and label in labels else None

    def find(self) -> None:
        untouched = not self.has_changes()
        text = self.lookup.text().strip()
        try:
            matches = self._matches(text) if text else []
        except Exception as exc:
            show_error(self, exc)
            return
        if not matches:
            show_error(self, NotFound(self.tr("Tidak ada peserta dengan NIK, KPJ atau nama "
                                              "\"{0}\".").format(text), field="participant"))
            return
        person = matches[0] if len(matches) == 1 else self.choose(matches)
        if person is None:
            return
        try:
            with self.ctx.reading() as uow:
                status = coverage_for(uow, participant_ids=[person.id],
                                      on=self.today())[person.id]["JKK"]
                history = list_payments(uow, participant_id=person.id)
                first = suggested_first_month(uow, participant_id=person.id, today=self.today())
                pid, name, kpj, segment = person.id, person.name, person.kpj, person.segment
        except Exception as exc:
            show_error(self, exc)
            return
        self.first.setDate(QDate(first.year, first.month, 1))  # the first month not yet paid
        self.participant_id = pid
        self._set_segment(segment)
        self.who.setText(self.tr("{0} — KPJ {1} — perlindungan: {2}").format(
            name, kpj, domain_label(status.label)))
        if not self.payer.text():
            self.payer.setText(name)
        if untouched:  # the payer proposed from the record is not the officer's input
            self._clean = self._state()
        self._show_history(history)
        self.update_quote()
        self.first.setFocus()

    def _set_segment(self, segment: str) -> None:
        """A migrant worker pays a package by phase: the choice shows for them only."""
        self.segment = segment
        self._form.setRowVisible(self.pmi_phase, segment == "PMI")
        if segment == "PMI":
            self._pmi_phase_changed()

    def _show_history(self, rows: list[PaymentRow]) -> None:
        fill_table(self.history, [(r.number, r.kind, f"{month_label(r.first_month)} – "
                             f"{month_label(r.last_month)}", fmt_money(r.amount),
                             fmt_date(r.paid_on), r.payer) for r in rows], right=(3,))
        if rows:
            newest = next((r for r in rows if r.kind == "bayar" and r.reversed_by is None), None)
            if newest is not None:
                self.last = newest
                self.print_button.setEnabled(True)
                self.preview_button.setEnabled(True)

    def update_quote(self) -> None:
        if self.participant_id is None:
            return
        try:
            with self.ctx.reading() as uow:
                quote = quote_payment(uow, participant_id=self.participant_id,
                                      first_month=as_date(self.first),
                                      months=self.months.value(), pmi_phase=self._pmi())
        except Exception as exc:
            self.amount.setText(service_text(str(exc)))
            return
        text = (f"<b>{fmt_money(quote.total)}</b> "
                f"({', '.join(quote.programs)}) — <i>{terbilang(quote.total)}</i>")
        if quote.note:
            text += f"<br>{html.escape(service_text(quote.note))}"
        if quote.credit:
            text += "<br>" + self.tr(
                "Sudah dikurangi kredit {0}: kelebihan iuran bulan yang dibayar penuh sebelum "
                "diskon PP 50/2025.").format(fmt_money(quote.credit))
        for refusal in quote.refusals:  # the reason comes from the rule table (domain text)
            text += f"<br><span style='color:#b71c1c'>{html.escape(service_text(refusal))}</span>"
        self.amount.setText(text)

    def save(self) -> None:
        if self.participant_id is None:
            self.find()
            if self.participant_id is None:
                return
        participant_id = self.participant_id

        def record(uow: UnitOfWork) -> tuple[PaymentRow, list[PaymentRow]]:
            row = record_payment(uow, participant_id=participant_id,
                                 first_month=as_date(self.first), months=self.months.value(),
                                 payer=self.payer.text(), paid_on=as_date(self.paid_on),
                                 reference=self.reference.text(), pmi_phase=self._pmi())
            return row, list_payments(uow, participant_id=participant_id)

        WriteOp(self, self.ctx, record).success(self._saved).run()

    def _saved(self, result: tuple[PaymentRow, list[PaymentRow]]) -> None:
        row, history = result
        self.last = row
        self._clean = self._state()
        self._show_history(history)
        self.who.setText(self.tr("Tersimpan: {0}, {1}").format(row.number,
                                                                fmt_money(row.amount)))

    def preview_receipt(self) -> None:
        """The kwitansi of the last payment in the preview, on the chosen paper (A5/A4).
        (The service counts each kwitansi it writes as a print, as for a saved file.)"""
        if self.last is None:
            return
        number, size = self.last.number, self.paper.currentData()
        preview_printed(self, self.ctx,
                        lambda uow, path: print_receipt(uow, number=number, path=path, size=size),
                        "kwitansi.pdf", self.tr("Kwitansi {0}").format(number))

    def preview_day(self) -> None:
        """Every kwitansi of the payment date shown above, as one document: one print job,
        its pages counted in the preview, with progress while it is made."""
        day, size = as_date(self.paid_on), self.paper.currentData()

        def receipts(uow: UnitOfWork, progress: Progress) -> bytes:
            return receipts_of_day(uow, day=day, size=size, progress=progress)[0]

        BackgroundWriteOp(self, self.ctx, receipts).success(
            lambda pdf: show_pdf(self, pdf, self.tr("Kwitansi {0}").format(fmt_date(day)))
        ).run(self.tr("Menyiapkan kwitansi…"))

    def _ask_path(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan kwitansi"), suggested,
                                              "PDF (*.pdf)")
        return Path(name) if name else None

    def print_receipt(self) -> None:
        if self.last is None:
            return
        path = self.ask_path(self.last.number.replace("/", "-") + ".pdf")
        if path is None:
            return
        number = self.last.number
        WriteOp(self, self.ctx, lambda uow: print_receipt(uow, number=number, path=path, size="A5")
                ).success(lambda _written: self.who.setText(
                    self.tr("Kwitansi {0} disimpan: {1}").format(number, path))).run()
