"""Import of a Pemda list: choose file and partner, check first (dry run) and see each
row's status, then import in the background (cancellable: nothing is left behind)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branch_desk.services.participant_export import write_import_errors
from branch_desk.services.participant_import import (
    REJECTED,
    STATUS_LABELS,
    ImportReport,
    import_participants,
)
from branch_desk.services.partners import list_partners
from branch_desk.ui.context import AppContext
from branch_desk.ui.errors import show_error
from branch_desk.ui.worker import Progress

COLOURS = {"baru": "#E7F4EC", "sudah_terdaftar": "#EEF1F5", "ditolak": "#FDE9E7"}
MAX_SHOWN = 5000


class ImportDialog(QDialog):
    """Dry run, then import; `report` holds the last result."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: ImportReport | None = None
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Impor daftar peserta dari Pemda"))
        self.resize(900, 600)
        self.path = QLineEdit(objectName="import_path")
        browse = QPushButton(self.tr("Pilih berkas…"), objectName="browse")
        browse.clicked.connect(self._browse)
        self.partner = QComboBox(objectName="import_partner")
        with ctx.reading() as uow:
            for partner in list_partners(uow):
                self.partner.addItem(f"{partner.name} ({partner.code})", partner.code)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Berkas xlsx"), path_row)
        form.addRow(self.tr("Mitra pendana"), self.partner)
        self.summary = QLabel(self.tr("Periksa berkas dulu; belum ada yang disimpan."),
                              objectName="import_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5, objectName="import_rows")
        self.table.setHorizontalHeaderLabels([self.tr("Baris"), self.tr("Status"),
                                              self.tr("NIK"), self.tr("Nama"),
                                              self.tr("Keterangan")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.check = QPushButton(self.tr("Periksa (tanpa menyimpan)"), objectName="dry_run")
        self.run = QPushButton(self.tr("Impor"), objectName="run_import")
        self.errors = QPushButton(self.tr("Simpan laporan kesalahan…"), objectName="save_errors")
        close = QPushButton(self.tr("Tutup"))
        self.run.setEnabled(False)
        self.errors.setEnabled(False)
        self.check.clicked.connect(lambda: self.start(dry_run=True))
        self.run.clicked.connect(lambda: self.start(dry_run=False))
        self.errors.clicked.connect(self._save_errors)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.check, self.run, self.errors):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih daftar peserta"), "",
                                              "Excel (*.xlsx)")
        if path:
            self.path.setText(path)

    def start(self, *, dry_run: bool) -> None:
        path, partner = self.path.text().strip(), self.partner.currentData()
        db, actor = self.ctx.db, self.ctx.actor

        def job(progress: Progress) -> ImportReport:
            from branch_desk.services.uow import UnitOfWork

            with UnitOfWork(db, actor, write=not dry_run) as uow:
                report = import_participants(uow, path, partner_code=partner, dry_run=dry_run,
                                             progress=progress)
                progress.check()  # a cancel after the last row still rolls back
                if not dry_run:
                    uow.commit()
            return report

        title = self.tr("Memeriksa berkas…") if dry_run else self.tr("Mengimpor peserta…")
        self.ctx.runner.run(self, title, job, self._done, lambda exc: show_error(self, exc))

    def _done(self, report: ImportReport) -> None:
        self.report = report
        self.show_report(report)
        if not report.dry_run:
            self.ctx.bus.announce("participants")

    def show_report(self, report: ImportReport) -> None:
        verb = self.tr("akan ditambahkan") if report.dry_run else self.tr("ditambahkan")
        self.summary.setText(self.tr(
            "{0}: {1} peserta baru {2}, {3} sudah terdaftar, {4} ditolak, {5} dengan catatan."
        ).format(report.file, report.imported, verb, report.already_present, report.rejected,
                 report.warnings))
        rows = report.rows[:MAX_SHOWN]
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values: list[Any] = [str(row.row), STATUS_LABELS[row.status], row.nik_masked,
                                 row.name, " ".join(filter(None, (row.message, *row.warnings)))]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setBackground(QColor(COLOURS[row.status]))
                item.setToolTip(values[4])
                self.table.setItem(index, col, item)
        self.table.resizeColumnsToContents()
        self.run.setEnabled(report.dry_run and report.imported > 0)
        self.errors.setEnabled(report.rejected > 0)

    def _save_errors(self) -> None:
        if self.report is None:
            return
        default = str(Path(self.path.text()).with_name(
            Path(self.path.text()).stem + "-perlu-diperbaiki.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan kesalahan"),
                                              default, "Excel (*.xlsx)")
        if path:
            self.save_errors_to(path)

    def save_errors_to(self, path: str) -> Path:
        assert self.report is not None and any(r.status == REJECTED for r in self.report.rows)
        return write_import_errors(self.report, path)
