"""Cakupan: covered workers against targets per region, segment and partner, the monthly
trend as a chart, and exports (xlsx, Monev Inpres 2/2021)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branch_desk.services import clock
from branch_desk.services.contributions.coverage_figures import (
    NO_PARTNER_CODE,
    CoverageSummary,
    coverage_summary,
    write_coverage_xlsx,
)
from branch_desk.services.contributions.monev import write_monev
from branch_desk.ui.contributions.chart import TrendChart
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.widgets import pdf_preview
from branch_desk.ui.widgets.formatting import fmt_date, fmt_number, fmt_percent
from branch_desk.ui.widgets.i18n_domain import column, domain_label
from branch_desk.ui.widgets.tables import fill_table, text_table

FIGURES = (QT_TRANSLATE_NOOP("columns", "Kode"), QT_TRANSLATE_NOOP("columns", "Nama"),
           QT_TRANSLATE_NOOP("columns", "Target"), QT_TRANSLATE_NOOP("columns", "Tercakup"),
           QT_TRANSLATE_NOOP("columns", "Persentase"))


def _num(n: int | None) -> str:
    return "–" if n is None else fmt_number(n)


class CoverageTab(QWidget):
    def __init__(self, ctx: AppContext, as_of: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.summary: CoverageSummary | None = None
        self.ask_path = self._ask_path  # replaceable in tests
        today = as_of or clock.today()
        self.region = QLineEdit(objectName="coverage_region")
        self.region.setPlaceholderText(self.tr("kode wilayah, mis. 73.09 (kosong: semua)"))
        self.region.returnPressed.connect(self.show_summary)
        self.as_of = QDateEdit(QDate(today), objectName="coverage_as_of", calendarPopup=True)
        self.as_of.setDisplayFormat("dd-MM-yyyy")
        show = QPushButton(self.tr("Tampilkan"), objectName="coverage_show")
        show.clicked.connect(self.show_summary)
        export = QPushButton(self.tr("Ekspor xlsx…"), objectName="coverage_export")
        export.clicked.connect(self.export_xlsx)
        monev = QPushButton(self.tr("Laporan Monev…"), objectName="coverage_monev")
        monev.clicked.connect(self.export_monev)
        monev_preview = QPushButton(self.tr("Pratinjau && cetak Monev"),
                                    objectName="coverage_monev_preview")
        monev_preview.setToolTip("Ctrl+P")
        monev_preview.clicked.connect(self.print_current)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Wilayah")))
        top.addWidget(self.region, 1)
        top.addWidget(QLabel(self.tr("Per tanggal")))
        top.addWidget(self.as_of)
        for b in (show, export, monev, monev_preview):
            top.addWidget(b)
        self.headline = QLabel(objectName="coverage_headline")
        self.headline.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.message = QLabel(objectName="coverage_message")
        self.areas = text_table("coverage_areas", [column(t) for t in FIGURES])
        self.segments = text_table("coverage_segments", [column(t) for t in FIGURES])
        self.partners = text_table("coverage_partners", [column(t) for t in FIGURES])
        for table in (self.areas, self.segments, self.partners):  # every figure in view
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        tabs = QTabWidget()
        tabs.addTab(self.areas, self.tr("Wilayah"))
        tabs.addTab(self.segments, self.tr("Segmen"))
        tabs.addTab(self.partners, self.tr("Mitra"))
        self.chart = TrendChart()
        self.split = split = QSplitter()
        split.addWidget(tabs)
        split.addWidget(self.chart)
        split.setSizes([520, 480])
        self.headline.setWordWrap(True)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.show_summary()

    def show_summary(self) -> None:
        as_of = self.as_of.date().toPython()
        try:
            with self.ctx.reading() as uow:
                summary = coverage_summary(uow, as_of=as_of,
                                           region=self.region.text() or None)
        except Exception as exc:
            show_error(self, exc)
            return
        self.summary = summary
        target = (self.tr(" dari target {0} ({1})").format(_num(summary.target),
                                                            fmt_percent(summary.percentage))
                  if summary.target else self.tr(" (target belum diisi)"))
        self.headline.setText(self.tr("{0}, {1}: {2} pekerja tercakup").format(
            service_text(summary.region_name), fmt_date(summary.as_of), _num(summary.covered))
            + target)
        for widget, figures in ((self.areas, summary.areas), (self.segments, summary.segments),
                                (self.partners, summary.partners)):
            fill_table(widget, [("—" if f.code == NO_PARTNER_CODE else f.code,
                                 domain_label(service_text(f.name)), _num(f.target),
                                 _num(f.covered), fmt_percent(f.percentage))
                                for f in figures], right=(2, 3, 4))
        if self.isVisible():
            self._fit_split()
        self.chart.set_data(list(summary.trend), summary.target)

    CHART_SHARE = 0.4  # of the width when the tables need less than the rest

    def _fit_split(self) -> None:
        """The tables as wide as their widest rows need (a partner's whole name, every
        figure), at least 60% of the page; the chart the rest."""
        needed = max(sum(table.horizontalHeader().sectionSizeHint(c)
                         if not table.rowCount() else table.sizeHintForColumn(c)
                         for c in range(table.columnCount()))
                     + table.frameWidth() * 2 + table.verticalScrollBar().sizeHint().width()
                     for table in (self.areas, self.segments, self.partners))
        total = sum(self.split.sizes())
        if total <= 0:
            return
        tables = max(needed, round(total * (1 - self.CHART_SHARE)))
        self.split.setSizes([tables, max(total - tables, 1)])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_split()

    def _ask_path(self, suggested: str, kind: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan"), suggested, kind)
        return Path(name) if name else None

    def export_xlsx(self) -> None:
        if self.summary is None:
            return
        path = self.ask_path(f"cakupan-{self.summary.as_of:%Y%m%d}.xlsx", "Excel (*.xlsx)")
        if path is None:
            return
        write_coverage_xlsx(path, self.summary)
        self.message.setText(self.tr("Disimpan: {0}").format(path))

    def export_monev(self) -> None:
        as_of = self.as_of.date().toPython()
        path = self.ask_path(f"monev-inpres-2-2021-{as_of:%Y%m%d}.pdf", "PDF (*.pdf)")
        if path is None:
            return
        try:
            with self.ctx.reading() as uow:
                write_monev(uow, as_of=as_of, region=self.region.text() or None, pdf=path,
                            xlsx=path.with_suffix(".xlsx"))
        except Exception as exc:
            show_error(self, exc)
            return
        self.message.setText(self.tr("Laporan Monev disimpan: {0} dan {1}").format(
            path.name, path.with_suffix(".xlsx").name))

    def print_current(self) -> None:
        """The Monev report of the chosen region and date in the preview (Ctrl+P)."""
        as_of = self.as_of.date().toPython()
        region = self.region.text() or None

        def write(path: Path) -> None:
            with self.ctx.reading() as uow:
                write_monev(uow, as_of=as_of, region=region, pdf=path)

        pdf_preview.preview_written(self, write, "monev.pdf", self.tr(
            "Laporan Monev per {0}").format(fmt_date(as_of)))

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & {"contributions", "coverage", "participants"}:
            self.show_summary()


def create_tab(ctx: AppContext) -> tuple[str, QWidget]:
    return QCoreApplication.translate("CoverageTab", "Cakupan"), CoverageTab(ctx)
