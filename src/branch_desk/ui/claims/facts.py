"""The benefit facts of a claim (`ClaimFactsData`): only the fields the claim type and, for
JKK, the outcome (for JHT, the kind of withdrawal) need are shown; the JHT/JP figures can be
proposed from recorded iuran. Issue 18 added the stage-II report, the JP pension kind, the
reason for leaving (JHT) or the PHK (JKP) and the employer's size; the reason for paying heirs
out of their legal order is with the recipients."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from branch_desk.domain.benefit_rules import ANATOMIC_CASES
from branch_desk.domain.claim_rules import ClaimType
from branch_desk.domain.dates import parse_date
from branch_desk.domain.errors import ValidationError
from branch_desk.services.claims.data import ChildData, ClaimFactsData
from branch_desk.services.claims.intake import SavingsRow
from branch_desk.ui.claims.checklist import DocumentFacts
from branch_desk.ui.claims.fact_fields import (
    EMPLOYER_SIZES,
    JHT_KINDS,
    JHT_REASONS,
    JP_KINDS,
    LABEL_ABOVE,
    OUTCOMES,
    PHK_REASONS,
    PLACES,
    PMI_PHASES,
    TRANSPORTS,
    visible_facts,
)
from branch_desk.ui.claims.pmi_benefit_table import PmiBenefitTable
from branch_desk.ui.claims.widgets import MoneyEdit, fit_combo
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.widgets.formatting import fmt_money, parse_money


def _percent_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}".replace(".", ",")


class FactsForm(QGroupBox):
    """Benefit facts by claim type; `changed` on every edit, `documents_changed` when the
    checklist depends on the edit (off-site accident, JHT purpose, JHT balance)."""

    changed = Signal()
    documents_changed = Signal()

    def __init__(self, today: date) -> None:
        super().__init__(self.tr("Rincian manfaat"))
        self.setObjectName("claim_facts")
        self._auto: dict[str, str] = {}  # text last proposed per field, to know it is untouched
        self._hints: dict[ClaimType, str] = {}
        self.wage = MoneyEdit("claim_wage")
        self.outcome = QComboBox(objectName="claim_outcome")
        for key, label in OUTCOMES:
            self.outcome.addItem(self.tr(label), key)
        self.reported_on = QDateEdit(objectName="claim_reported_on", calendarPopup=True)
        self.reported_on.setDisplayFormat("dd-MM-yyyy")
        self.reported_on.setDate(QDate(today))
        self.off_site = QCheckBox(self.tr("D&i luar lokasi kerja"), objectName="claim_off_site")
        self.off_site.setToolTip(self.tr("Kecelakaan di luar lokasi kerja: surat tugas dan "
                                         "laporan polisi ditambahkan ke daftar dokumen"))
        self.medical = MoneyEdit("claim_medical_cost")
        self.rehab = MoneyEdit("claim_rehabilitation_cost")
        self.transport = QComboBox(objectName="claim_transport")
        for key, label in TRANSPORTS:
            self.transport.addItem(self.tr(label), key)
        self.transport_cost = MoneyEdit("claim_transport_cost")
        self.stmb = QSpinBox(objectName="claim_stmb_months", maximum=120)
        self.anatomic = QComboBox(objectName="claim_anatomic_case")
        self.anatomic.addItem(self.tr("Tidak dari tabel — isi persentase sendiri"), None)
        for case in ANATOMIC_CASES:
            self.anatomic.addItem(f"{service_text(case.label)} ({case.percent}%)", case.key)
        self.disability = QLineEdit(objectName="claim_disability_percent")
        self.function = QLineEdit(objectName="claim_function_loss_percent")
        self.function.setPlaceholderText(self.tr("kosong: anatomis"))
        self.function.setToolTip(self.tr("Kosongkan bila cacat dinilai dari tabel anatomis; isi "
                                         "persentase hilang fungsi bila cacat fungsi."))
        self.jht_kind = QComboBox(objectName="claim_jht_kind")
        for key, label in JHT_KINDS:
            self.jht_kind.addItem(self.tr(label), key)
        self.balance = MoneyEdit("claim_balance")
        self.requested = MoneyEdit("claim_jht_requested")
        self.requested.setPlaceholderText(self.tr("kosong = batas terbesar"))
        self.partial_taken = QCheckBox(self.tr("Sudah pe&rnah mengambil sebagian"),
                                       objectName="claim_jht_partial_taken")
        self.partial_taken.setToolTip(self.tr("JHT sebagian hanya dapat diambil satu kali "
                                              "(PP 46/2015 jo. PP 60/2015)"))
        self.jp_annual = MoneyEdit("claim_jp_annual_wage")
        self.jp_accumulated = MoneyEdit("claim_jp_accumulated")
        self.children = QPlainTextEdit(objectName="claim_children")
        self.children.setPlaceholderText(self.tr("Satu anak per baris: Nama;Jenjang (TK, SD, "
                                                 "SMP, SMA, S1)"))
        self.children.setMaximumHeight(60)
        self.children.setTabChangesFocus(True)  # Tab leaves the box instead of typing a tab
        self.outcome_on = self._maybe_date("claim_outcome_on")
        self.outcome_on.setToolTip(self.tr("Tanggal dokter menyatakan pekerja sembuh, cacat atau "
                                           "meninggal; laporan tahap II paling lambat 2×24 jam "
                                           "sesudahnya (Permenaker 5/2021 Pasal 19)"))
        self.stage2_on = self._maybe_date("claim_stage2_reported_on")
        self.jht_reason = self._combo("claim_jht_reason", JHT_REASONS)
        self.jp_kind = self._combo("claim_jp_kind", JP_KINDS)
        self.phk_reason = self._combo("claim_phk_reason", PHK_REASONS)
        self.employer_size = self._combo("claim_employer_size", EMPLOYER_SIZES)
        self.pmi_phase = self._combo("claim_pmi_phase", PMI_PHASES)
        self.pmi_phase.setToolTip(self.tr("Pekerja Migran Indonesia: masa pelindungan saat "
                                          "kejadian; JKM selama bekerja Rp85 juta, sebelum atau "
                                          "setelah bekerja Rp42 juta; meninggal karena "
                                          "kecelakaan kerja selama bekerja Rp85 juta dari JKK "
                                          "(Permenaker 4/2023)"))
        self.pmi_benefits = PmiBenefitTable()
        self.pmi_benefits.setToolTip(self.tr("Manfaat JKK khusus Pekerja Migran Indonesia "
                                             "(Permenaker 4/2023)"))
        self.migrant = False  # the participant is a PMI: the phase is asked for
        self.hint = QLabel(objectName="claim_estimate_hint", wordWrap=True)
        self.hint.setStyleSheet("color: #455a64")
        self.fields: dict[str, QWidget] = {
            "wage": self.wage, "outcome": self.outcome, "reported_on": self.reported_on,
            "off_site": self.off_site, "medical": self.medical, "rehab": self.rehab,
            "transport": self.transport, "transport_cost": self.transport_cost,
            "stmb": self.stmb, "anatomic": self.anatomic, "disability": self.disability,
            "function": self.function, "jht_kind": self.jht_kind, "balance": self.balance,
            "requested": self.requested, "partial_taken": self.partial_taken,
            "jp_annual": self.jp_annual, "jp_accumulated": self.jp_accumulated,
            "children": self.children, "hint": self.hint, "outcome_on": self.outcome_on,
            "stage2_on": self.stage2_on, "jht_reason": self.jht_reason, "jp_kind": self.jp_kind,
            "phk_reason": self.phk_reason, "employer_size": self.employer_size,
            "pmi_phase": self.pmi_phase, "pmi_benefits": self.pmi_benefits}
        texts = {"wage": self.tr("&Upah sebulan"), "outcome": self.tr("Aki&bat kecelakaan"),
                 "reported_on": self.tr("Tanggal &laporan tahap I"),
                 "medical": self.tr("Biaya peng&obatan"),
                 "rehab": self.tr("Alat bantu/re&habilitasi"),
                 "transport": self.tr("An&gkutan"), "transport_cost": self.tr("Biaya angkuta&n"),
                 "stmb": self.tr("Lama &STMB (bulan)"), "anatomic": self.tr("Jenis cacat (tab&el)"),
                 "disability": self.tr("Pe&rsentase cacat (%)"),
                 "function": self.tr("Hilang &fungsi (%)"),
                 "jht_kind": self.tr("Jenis pengam&bilan"), "balance": self.tr("&Saldo JHT"),
                 "requested": self.tr("Jumlah dimi&nta"),
                 "jp_annual": self.tr("&Rata-rata upah setahun"),
                 "jp_accumulated": self.tr("Akumulasi &iuran JP"),
                 "children": self.tr("A&nak penerima beasiswa"),
                 "outcome_on": self.tr("E&valuasi akhir dokter"),
                 "stage2_on": self.tr("Laporan tahap &2"),
                 "jht_reason": self.tr("Alasan be&rhenti"), "jp_kind": self.tr("Jenis ma&nfaat JP"),
                 "phk_reason": self.tr("Alasan P&HK"), "employer_size": self.tr("Ska&la usaha"),
                 "pmi_phase": self.tr("Masa PMI (&3 masa)"),
                 "pmi_benefits": self.tr("Manfaat JKK Pekerja Migran (&4): centang yang "
                                         "diajukan, isi biaya untuk penggantian biaya")}
        for combo in (self.outcome, self.transport, self.anatomic, self.jht_kind,
                      self.jht_reason, self.jp_kind, self.phk_reason, self.employer_size,
                      self.pmi_phase):
            fit_combo(combo, 10)
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for key, widget in self.fields.items():
            row, pair, span = PLACES[key]
            column = pair * 2
            if key in texts:
                label = QLabel(texts[key], objectName=f"label_{key}")
                label.setBuddy(widget)
                self.labels[key] = label
                if key in LABEL_ABOVE:  # a wide table: its label on the row above it
                    grid.addWidget(label, row, 0, 1, 4)
                    grid.addWidget(widget, row + 1, 0, 1, 4)
                    continue
                grid.addWidget(label, row, column)
                grid.addWidget(widget, row, column + 1, 1, 3 if span else 1)
            else:
                grid.addWidget(widget, row, 0 if span else column + 1, 1, 4 if span else 1)
        for edit in (self.wage, self.medical, self.rehab, self.transport_cost, self.disability,
                     self.function, self.jp_annual, self.jp_accumulated, self.requested):
            edit.textChanged.connect(self.changed)
        self.balance.textChanged.connect(self.changed)
        self.balance.editingFinished.connect(self.documents_changed)
        self.transport.currentIndexChanged.connect(self.changed)
        self.jht_kind.currentIndexChanged.connect(self.documents_changed)
        self.jht_kind.currentIndexChanged.connect(self._which_fields_changed)
        self.partial_taken.toggled.connect(self.changed)
        self.outcome.currentIndexChanged.connect(self._which_fields_changed)
        self.outcome.currentIndexChanged.connect(self.documents_changed)
        self.anatomic.currentIndexChanged.connect(self._anatomic_changed)
        self.off_site.toggled.connect(self.documents_changed)
        self.jp_kind.currentIndexChanged.connect(self.documents_changed)
        self.pmi_phase.currentIndexChanged.connect(self.documents_changed)
        self.off_site.toggled.connect(self.changed)
        self.reported_on.dateChanged.connect(self.changed)
        for date_edit in (self.outcome_on, self.stage2_on):
            date_edit.textChanged.connect(self.changed)
        for combo in (self.jht_reason, self.jp_kind, self.phk_reason, self.employer_size,
                      self.pmi_phase):
            combo.currentIndexChanged.connect(self.changed)
        self.stmb.valueChanged.connect(self.changed)
        self.children.textChanged.connect(self.changed)
        self.pmi_benefits.changed.connect(self.changed)
        self.pmi_phase.currentIndexChanged.connect(
            lambda: self.pmi_benefits.set_phase(self.pmi_phase.currentData() or ""))
        self.ctype = ClaimType.JKK
        self.show_for(ClaimType.JKK)

    def _combo(self, name: str, choices: tuple[tuple[str, str], ...]) -> QComboBox:
        combo = QComboBox(objectName=name)
        for key, label in choices:
            combo.addItem(self.tr(label), key)
        return combo

    def _maybe_date(self, name: str) -> QLineEdit:
        """A date that may not be known yet: typed as dd-mm-yyyy, empty while it is not."""
        edit = QLineEdit(objectName=name)
        edit.setPlaceholderText(self.tr("dd-mm-yyyy"))
        edit.setToolTip(self.tr("Tanggal dd-mm-yyyy; kosongkan selama belum ada."))
        return edit

    def _date_or_none(self, edit: QLineEdit, key: str) -> date | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except ValidationError:
            name = self.labels[key].text().replace("&", "")
            raise ValidationError(self.tr("{0}: tulis tanggal seperti 05-06-2025.")
                                  .format(name), field=key) from None

    # --- what is shown -------------------------------------------------------------------
    def show_for(self, ctype: ClaimType) -> None:
        """Show the fields of `ctype` (and the chosen JKK outcome) only."""
        self.ctype = ctype
        wanted = self._shown()
        for key, widget in self.fields.items():
            widget.setVisible(key in wanted)
            if key in self.labels:
                self.labels[key].setVisible(key in wanted)
        self.setVisible(bool(wanted))
        self.setTitle(self.tr("Rincian manfaat {0}").format(ctype.value))
        self.hint.setText(self._hints.get(ctype, ""))

    def _shown(self) -> set[str]:
        return visible_facts(self.ctype, self.outcome.currentData(), self.jht_kind.currentData(),
                             self.migrant)

    def set_migrant(self, migrant: bool) -> None:
        """Whether the chosen participant is a migrant worker (segment PMI)."""
        if migrant != self.migrant:
            self.migrant = migrant
            self.show_for(self.ctype)

    def ordered_fields(self) -> list[QWidget]:
        """Every field in reading order (for the tab order; hidden ones are skipped)."""
        order = sorted(PLACES, key=lambda k: (PLACES[k][0], PLACES[k][1]))
        return [self.fields[k] for k in order if k != "hint"]

    def _which_fields_changed(self) -> None:
        self.show_for(self.ctype)
        self.changed.emit()

    def _anatomic_changed(self) -> None:
        key = self.anatomic.currentData()
        case = next((c for c in ANATOMIC_CASES if c.key == key), None)
        if case is not None:
            self.disability.setText(_percent_text(case.percent))
        self.disability.setReadOnly(case is not None)  # the table decides the percentage
        self.changed.emit()

    # --- reading and loading ---------------------------------------------------------------
    def _money(self, edit: QLineEdit, key: str) -> int:
        text = edit.text().strip()
        name = self.labels[key].text().replace("&", "")
        if not text:
            return 0
        try:
            value = parse_money(text)
        except ValidationError as exc:
            raise ValidationError(f"{name}: {exc}", field=key) from None
        if value < 0:
            raise ValidationError(self.tr("{0}: nominal tidak boleh negatif.").format(name),
                                  field=key)
        return value

    def _percent(self, edit: QLineEdit, key: str) -> Decimal | None:
        text = edit.text().strip().rstrip("%").strip().replace(",", ".")
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            name = self.labels[key].text().replace("&", "")
            raise ValidationError(self.tr("{0}: tulis angka persen, misalnya 35 atau 12,5.")
                                  .format(name), field=key) from None
        return value

    def facts(self) -> ClaimFactsData:
        """The visible fields as service input (ValidationError naming the field)."""
        shown = self._shown()

        def money(edit: QLineEdit, key: str) -> int:
            return self._money(edit, key) if key in shown else 0

        children = []
        if "children" in shown:
            for line in self.children.toPlainText().splitlines():
                parts = [p.strip() for p in line.split(";")]
                if parts and parts[0]:
                    level = (parts[1].upper() if len(parts) > 1 and parts[1] not in ("", "-")
                             else None)
                    children.append(ChildData(parts[0], level))
        wage = self._money(self.wage, "wage") if "wage" in shown and self.wage.text().strip() \
            else None
        jkk = self.ctype is ClaimType.JKK
        with_outcome = "outcome" in shown
        annual = self._money(self.jp_annual, "jp_annual") if "jp_annual" in shown \
            and self.jp_annual.text().strip() else None
        requested = self._money(self.requested, "requested") if "requested" in shown \
            and self.requested.text().strip() else None
        return ClaimFactsData(
            wage=wage, outcome=self.outcome.currentData() if with_outcome else "medical_only",
            medical_cost=money(self.medical, "medical"),
            transport=(self.transport.currentData() or None) if jkk else None,
            transport_cost=money(self.transport_cost, "transport_cost"),
            stmb_months=self.stmb.value() if "stmb" in shown else 0,
            disability_percent=(self._percent(self.disability, "disability")
                                if "disability" in shown else None),
            function_loss_percent=(self._percent(self.function, "function")
                                   if "function" in shown else None),
            anatomic_case=self.anatomic.currentData() if "anatomic" in shown else None,
            rehabilitation_aid_cost=money(self.rehab, "rehab"),
            off_site=jkk and self.off_site.isChecked(),
            reported_on=self.reported_on.date().toPython() if jkk else None,
            children=tuple(children),
            jht_kind=self.jht_kind.currentData() if self.ctype is ClaimType.JHT else "full",
            balance=money(self.balance, "balance"), requested=requested,
            jht_partial_taken="partial_taken" in shown and self.partial_taken.isChecked(),
            average_indexed_annual_wage=annual,
            accumulated_contributions=money(self.jp_accumulated, "jp_accumulated"),
            jp_kind=self.jp_kind.currentData() if "jp_kind" in shown else "old_age",
            jht_reason=self.jht_reason.currentData() if "jht_reason" in shown else "",
            phk_reason=self.phk_reason.currentData() if "phk_reason" in shown else "",
            employer_size=(self.employer_size.currentData() if "employer_size" in shown
                           else ""),
            outcome_on=self._date_or_none(self.outcome_on, "outcome_on") if jkk else None,
            stage2_reported_on=(self._date_or_none(self.stage2_on, "stage2_on") if jkk
                                else None),
            pmi_phase=self.pmi_phase.currentData() if "pmi_phase" in shown else "",
            pmi_benefits=self.pmi_benefits.items() if "pmi_benefits" in shown else ())

    def document_facts(self) -> DocumentFacts:
        """The facts the checklist depends on; an unreadable balance is 0."""
        try:
            balance = parse_money(self.balance.text()) if self.balance.text().strip() else 0
        except ValidationError:
            balance = 0
        jkk = self.ctype is ClaimType.JKK
        return DocumentFacts(
            off_site=jkk and self.off_site.isChecked(),
            jht_kind=self.jht_kind.currentData() if self.ctype is ClaimType.JHT else "full",
            balance=balance, outcome=self.outcome.currentData() if jkk else None,
            jp_kind=self.jp_kind.currentData() if self.ctype is ClaimType.JP else "old_age",
            pmi=self.migrant, pmi_phase=self.pmi_phase.currentData() or "")

    def load(self, facts: ClaimFactsData, *, reported_default: date) -> None:
        """Show a saved claim's facts."""
        def amount(value: int | None) -> str:
            return fmt_money(value) if value else ""

        def pick(combo: QComboBox, value: object) -> None:
            combo.setCurrentIndex(max(0, combo.findData(value)))

        self._auto.clear()
        self.wage.setText(amount(facts.wage))
        pick(self.outcome, facts.outcome)
        self.reported_on.setDate(QDate(facts.reported_on or reported_default))
        self.off_site.setChecked(facts.off_site)
        self.medical.setText(amount(facts.medical_cost))
        self.rehab.setText(amount(facts.rehabilitation_aid_cost))
        pick(self.transport, facts.transport or "")
        self.transport_cost.setText(amount(facts.transport_cost))
        self.stmb.setValue(facts.stmb_months)
        pick(self.anatomic, facts.anatomic_case)
        self.disability.setText(_percent_text(facts.disability_percent))
        self.function.setText(_percent_text(facts.function_loss_percent))
        pick(self.jht_kind, facts.jht_kind)
        self.balance.setText(amount(facts.balance))
        self.requested.setText(amount(facts.requested))
        self.partial_taken.setChecked(facts.jht_partial_taken)
        self.jp_annual.setText(amount(facts.average_indexed_annual_wage))
        self.jp_accumulated.setText(amount(facts.accumulated_contributions))
        self.children.setPlainText("\n".join(f"{c.name};{c.level or '-'}"
                                             for c in facts.children))
        self.outcome_on.setText(f"{facts.outcome_on:%d-%m-%Y}" if facts.outcome_on else "")
        self.stage2_on.setText(f"{facts.stage2_reported_on:%d-%m-%Y}"
                               if facts.stage2_reported_on else "")
        pick(self.jht_reason, facts.jht_reason)
        pick(self.jp_kind, facts.jp_kind)
        pick(self.phk_reason, facts.phk_reason)
        pick(self.employer_size, facts.employer_size)
        pick(self.pmi_phase, facts.pmi_phase)
        self.pmi_benefits.set_items(facts.pmi_benefits)
        self.show_for(self.ctype)

    def clear(self, today: date) -> None:
        self.load(ClaimFactsData(), reported_default=today)
        self.wage.setPlaceholderText(self.tr("kosong = upah terdaftar"))
        self.hint.clear()

    def snapshot(self) -> tuple[object, ...]:
        """Every field's content, a figure proposed from the records counting as empty: two
        equal snapshots mean the officer changed nothing in between."""
        values: list[object] = []
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                text = widget.text().strip()
                values.append("" if text == self._auto.get(key) else text)
            elif isinstance(widget, QComboBox):
                values.append(widget.currentData())
            elif isinstance(widget, QCheckBox):
                values.append(widget.isChecked())
            elif isinstance(widget, QDateEdit):
                values.append(widget.date().toPython())
            elif isinstance(widget, QSpinBox):
                values.append(widget.value())
            elif isinstance(widget, QPlainTextEdit):
                values.append(widget.toPlainText().strip())
            elif isinstance(widget, PmiBenefitTable):
                values.append(widget.snapshot())
        return tuple(values)

    # --- proposals from the records ----------------------------------------------------------
    def _offer(self, edit: QLineEdit, key: str, value: int | None) -> None:
        """Put `value` in `edit` unless the officer typed something there."""
        if edit.text().strip() not in ("", self._auto.get(key, "")):
            return
        text = fmt_money(value) if value is not None else ""
        self._auto[key] = text
        edit.setText(text)

    def offer_estimates(self, registered_wage: int, jht: SavingsRow, jp: SavingsRow) -> None:
        """Registered wage as placeholder; JHT/JP estimates into untouched fields; the hint
        says where the figures come from, or why they cannot be derived."""
        self.wage.setPlaceholderText(fmt_money(registered_wage))
        self.wage.setToolTip(self.tr("Kosong: upah terdaftar {0} yang dipakai.").format(
            fmt_money(registered_wage)))
        self._offer(self.balance, "balance", jht.contributions if jht.available else None)
        self._offer(self.jp_accumulated, "jp_accumulated",
                    jp.contributions if jp.available else None)
        self._offer(self.jp_annual, "jp_annual", jp.average_annual_wage if jp.available else None)
        if jht.available:
            jht_text = self.tr("Saldo JHT diisi perkiraan dari {0} bulan iuran JHT yang tercatat "
                               "({1}), belum termasuk hasil pengembangan. Cocokkan dengan saldo "
                               "resmi; angka dapat diubah.").format(jht.months,
                                                                   fmt_money(jht.contributions))
        else:
            jht_text = self.tr("Saldo JHT tidak dapat diperkirakan: {0} Isi dari laporan saldo "
                               "resmi.").format(service_text(jht.reason))
        if jp.available:
            jp_text = self.tr("Akumulasi iuran JP dan rata-rata upah setahun diisi perkiraan dari "
                              "{0} bulan iuran JP yang tercatat, tanpa hasil pengembangan dan "
                              "tanpa indeksasi upah; angka dapat diubah.").format(jp.months)
        else:
            jp_text = self.tr("Angka JP tidak dapat diperkirakan: {0} Isi dari data resmi.") \
                .format(service_text(jp.reason))
        self._hints = {ClaimType.JHT: jht_text, ClaimType.JP: jp_text}
        self.hint.setText(self._hints.get(self.ctype, ""))

    def forget_estimates(self) -> None:
        """No participant: take back what was proposed, keep what was typed."""
        for key, edit in (("balance", self.balance), ("jp_accumulated", self.jp_accumulated),
                          ("jp_annual", self.jp_annual)):
            self._offer(edit, key, None)
        self._hints = {}
        self.hint.clear()
        self.wage.setPlaceholderText(self.tr("kosong = upah terdaftar"))
