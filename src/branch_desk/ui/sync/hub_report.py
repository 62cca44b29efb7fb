"""Laporan › Wilayah: the hub's cross-branch reports (coverage, claims, agreements)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_desk.services import clock
from branch_desk.services.sync import hub_tables
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.widgets.table_model import RowsModel, make_table


class HubReport(QWidget):
    """One of the three hub tables, chosen in a combo box; xlsx and PDF export."""

    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today
        self.kind = QComboBox()
        self.kind.setObjectName("report_hub_kind")
        for kind, label in (("coverage", self.tr("Cakupan per provinsi, kab/kota, cabang")),
                            ("claims", self.tr("Klaim dan manfaat per cabang dan program")),
                            ("agreements", self.tr("PKS dan perpanjangan se-wilayah"))):
            self.kind.addItem(label, kind)
        self.kind.currentIndexChanged.connect(lambda *_: self.reload())
        self.xlsx = QPushButton(self.tr("Ekspor &xlsx…"))
        self.xlsx.setObjectName("report_hub_xlsx")
        self.xlsx.clicked.connect(lambda: self._export("xlsx"))
        self.pdf = QPushButton(self.tr("Ekspor &PDF…"))
        self.pdf.setObjectName("report_hub_pdf")
        self.pdf.clicked.connect(lambda: self._export("pdf"))
        self.summary = QLabel()
        self.summary.setObjectName("report_hub_summary")
        self.summary.setWordWrap(True)
        self.model = RowsModel(())
        self.view = make_table(self.model, "report_hub_table")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Laporan")))
        top.addWidget(self.kind, 1)
        top.addWidget(self.xlsx)
        top.addWidget(self.pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.table: hub_tables.HubTable | None = None
        self.reload()

    def _table(self, uow: object) -> hub_tables.HubTable:
        return hub_tables.table(uow, self.kind.currentData(),  # type: ignore[arg-type]
                                as_of=self.today or clock.today())

    def reload(self) -> None:
        with self.ctx.reading() as uow:
            table = self._table(uow)
        self.table = table
        rows = [table.display(r) for r in table.rows]
        if table.total is not None and rows:
            rows.append(table.display_total())
        # Each report has its own columns: a new model, set in one step.
        old = self.model
        self.model = RowsModel(tuple(c.title for c in table.columns), rows)
        self.view.setModel(self.model)
        old.deleteLater()
        self.summary.setText(table.subtitle if rows else self.tr(
            "Belum ada data dari kantor cabang: impor berkas mereka di halaman Sinkronisasi."))

    def _export(self, fmt: str) -> None:
        name = f"laporan-wilayah-{self.kind.currentData()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan"), name)
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> Path:
        with self.ctx.reading() as uow:
            table = self._table(uow)
            if fmt == "xlsx":
                return hub_tables.export_xlsx(table, path)
            return hub_tables.export_pdf(uow, table, path)

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & {"sync", "participants", "claims", "agreements"}:
            self.reload()


def create_tab(ctx: AppContext) -> tuple[str, QWidget]:
    return QCoreApplication.translate("HubReport", "Wilayah"), HubReport(ctx)
