"""Rekap Klaim: counts and totals per programme, regency and partner, saved as xlsx or PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.claim_rules import ClaimType
from branch_desk.domain.errors import DomainError
from branch_desk.services import clock
from branch_desk.services.claims.recap import (
    ClaimsRecap,
    RecapFilter,
    claims_recap,
    write_recap_pdf,
    write_recap_xlsx,
)
from branch_desk.services.partners.registry import list_partners
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.widgets import pdf_preview
from branch_desk.ui.widgets.formatting import fmt_money
from branch_desk.ui.widgets.pdf_preview import written_pdf

COLUMNS = (QT_TRANSLATE_NOOP("ClaimsRecapTab", "Program"),
           QT_TRANSLATE_NOOP("ClaimsRecapTab", "Kabupaten/Kota"),
           QT_TRANSLATE_NOOP("ClaimsRecapTab", "Mitra"),
           QT_TRANSLATE_NOOP("ClaimsRecapTab", "Klaim"),
           QT_TRANSLATE_NOOP("ClaimsRecapTab", "Ditolak"),
           QT_TRANSLATE_NOOP("ClaimsRecapTab", "Dibayar"),
           QT_TRANSLATE_NOOP("ClaimsRecapTab", "Total manfaat"),
           QT_TRANSLATE_NOOP("ClaimsRecapTab", "Total dibayar"))


class ClaimsRecapTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.recap: ClaimsRecap | None = None
        # Replaceable in tests: where to save a file.
        self.ask_path = self._ask_path
        today = clock.today()
        self.date_from = QDateEdit(QDate(today.year, 1, 1), objectName="recap_from",
                                   calendarPopup=True)
        self.date_to = QDateEdit(QDate(today), objectName="recap_to", calendarPopup=True)
        for d in (self.date_from, self.date_to):
            d.setDisplayFormat("dd-MM-yyyy")
        self.partner = QComboBox(objectName="recap_partner")
        self.program = QComboBox(objectName="recap_program")
        self.program.addItem(self.tr("Semua program"), None)
        for t in ClaimType:
            self.program.addItem(t.value, t.value)
        self.region = QLineEdit(objectName="recap_region")
        self.region.setPlaceholderText(self.tr("kode wilayah, mis. 73.09"))
        self.region.returnPressed.connect(self.show_recap)
        show = QPushButton(self.tr("Tampilkan"), objectName="recap_show")
        show.clicked.connect(self.show_recap)
        xlsx = QPushButton(self.tr("Simpan xlsx"), objectName="recap_xlsx")
        xlsx.clicked.connect(lambda: self.save("xlsx"))
        pdf = QPushButton(self.tr("Simpan PDF"), objectName="recap_pdf")
        pdf.clicked.connect(lambda: self.save("pdf"))
        preview = QPushButton(self.tr("Pratinjau && cetak"), objectName="recap_preview")
        preview.setToolTip("Ctrl+P")
        preview.clicked.connect(self.print_current)
        bar = QHBoxLayout()
        for label, w in ((self.tr("Dari"), self.date_from), (self.tr("s.d."), self.date_to),
                         (self.tr("Mitra"), self.partner), (self.tr("Program"), self.program),
                         (self.tr("Wilayah"), self.region)):
            bar.addWidget(QLabel(label))
            bar.addWidget(w)
        bar.addStretch(1)
        self.partner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.partner.setMinimumContentsLength(18)
        actions = QHBoxLayout()  # a second row keeps the page within a 1366-pixel screen
        actions.addWidget(show)
        actions.addStretch(1)
        actions.addWidget(xlsx)
        actions.addWidget(pdf)
        actions.addWidget(preview)
        self.table = QTableWidget(0, len(COLUMNS), objectName="recap_table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.summary = QLabel(objectName="recap_summary")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._fill_partners()

    def _fill_partners(self) -> None:
        current = self.partner.currentData()
        self.partner.clear()
        self.partner.addItem(self.tr("Semua mitra"), None)
        with self.ctx.reading() as uow:
            for p in list_partners(uow):
                self.partner.addItem(p.name, p.code)
        index = self.partner.findData(current)
        self.partner.setCurrentIndex(max(index, 0))

    def criteria(self) -> RecapFilter:
        return RecapFilter(self.date_from.date().toPython(), self.date_to.date().toPython(),
                           self.partner.currentData(), self.program.currentData(),
                           self.region.text().strip() or None)

    def show_recap(self) -> None:
        try:
            with self.ctx.reading() as uow:
                self.recap = claims_recap(uow, criteria=self.criteria())
        except DomainError as exc:
            show_error(self, exc)
            return
        rows = [(ln.program, ln.regency_name or "-", ln.partner_name or "-", ln.count,
                 ln.rejected, ln.paid_count, ln.total, ln.paid_total) for ln in self.recap.lines]
        rows += [(self.tr("Jumlah {0}").format(p.program), "", "", p.count, p.rejected,
                  p.paid_count, p.total, p.paid_total) for p in self.recap.programs]
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                text = fmt_money(value) if c >= 6 else str(value)
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        summary = self.tr("{0} klaim, total manfaat {1} (tanpa klaim ditolak), "
                          "dibayar {2}").format(self.recap.count,
                                               fmt_money(self.recap.total),
                                               fmt_money(self.recap.paid_total))
        if late := self.recap.late_payments:
            summary += "; " + self.tr("{0} dibayar melewati batas BPJS ({1}), kompensasi "
                                      "kepada peserta {2}").format(
                len(late), ", ".join(p.number for p in late),
                fmt_money(self.recap.late_compensation))
        self.summary.setText(summary)

    def _ask_path(self, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan rekap"), name)
        return Path(path) if path else None

    def save(self, kind: str) -> Path | None:
        if self.recap is None:
            self.show_recap()
        if self.recap is None:
            return None
        path = self.ask_path(f"rekap-klaim.{kind}")
        if path is None:
            return None
        if kind == "xlsx":
            return write_recap_xlsx(path, self.recap)
        return write_recap_pdf(path, self.recap, today=clock.today())

    def print_current(self) -> None:
        """The recap PDF in the preview (Ctrl+P)."""
        if self.recap is None:
            self.show_recap()
        if self.recap is None:
            return
        recap, today = self.recap, clock.today()
        pdf = written_pdf(lambda path: write_recap_pdf(path, recap, today=today),
                          "rekap-klaim.pdf")
        pdf_preview.show_pdf(self, pdf, self.tr("Rekap klaim"))

    def refresh(self, areas: frozenset[str]) -> None:
        if "partners" in areas:
            self._fill_partners()
        if "claims" in areas and self.recap is not None:
            self.show_recap()


def create_tab(ctx: AppContext) -> tuple[str, QWidget]:
    tab = ClaimsRecapTab(ctx)
    return QCoreApplication.translate("ClaimsRecapTab", "Rekap Klaim"), tab
