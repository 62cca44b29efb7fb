"""Import of a Pemda list: choose file (xlsx, xls, CSV), sheet and partner, check first (dry
run) and see each row's status, then import in the background (cancellable: nothing is left
behind). When NIK or Nama is not recognised, or on request, the officer says which column is
which; the choice is remembered for the partner's next list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.errors import HeaderNotFoundError
from branch_desk.services.participants.column_mapping import (
    ListHeadersRow,
    list_headers,
    save_column_mapping,
)
from branch_desk.services.participants.export import write_import_errors
from branch_desk.services.participants.importing import (
    NEW,
    PRESENT,
    REJECTED,
    ImportReport,
    import_participants,
)
from branch_desk.services.partners.registry import list_partners
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.participants.column_mapping import ColumnMappingDialog
from branch_desk.ui.participants.import_rows import ALL, WITH_NOTES, ImportRowsModel
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.shell.operations import BackgroundReadOp, BackgroundWriteOp, WriteOp
from branch_desk.ui.shell.worker import Progress
from branch_desk.ui.widgets.formatting import fmt_number


class ImportDialog(QDialog):
    """Dry run, then import; `report` holds the last result."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: ImportReport | None = None
        self.columns: dict[str, str] = {}  # the officer's mapping for this list
        self.chooser: ColumnMappingDialog | None = None
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
        self.path.editingFinished.connect(self._file_chosen)
        self.sheet = QComboBox(objectName="import_sheet")
        self.sheet.addItem(self.tr("(lembar pertama yang berisi daftar)"), None)
        self.map_columns = QPushButton(self.tr("Atur kolom…"), objectName="map_columns")
        self.map_columns.clicked.connect(lambda: self.ask_columns())
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet, 1)
        sheet_row.addWidget(self.map_columns)
        form = QFormLayout()
        form.addRow(self.tr("Berkas (xlsx, xls, CSV)"), path_row)
        form.addRow(self.tr("Lembar"), sheet_row)
        form.addRow(self.tr("Mitra pendana"), self.partner)
        self.summary = QLabel(self.tr("Periksa berkas dulu; belum ada yang disimpan."),
                              objectName="import_summary")
        self.summary.setWordWrap(True)
        self.rows = ImportRowsModel(self)
        self.table = QTableView(objectName="import_rows")
        self.table.setModel(self.rows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((60, 120, 150, 220)):
            self.table.setColumnWidth(column, width)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.show_filter = QComboBox(objectName="import_filter")
        self._filter_labels = {ALL: self.tr("Semua baris"), REJECTED: self.tr("Ditolak"),
                               WITH_NOTES: self.tr("Dengan catatan"), NEW: self.tr("Baru"),
                               PRESENT: self.tr("Sudah terdaftar")}
        for key, label in self._filter_labels.items():
            self.show_filter.addItem(label, key)
        self.show_filter.currentIndexChanged.connect(
            lambda: self.rows.set_filter(self.show_filter.currentData()))
        shown = QLabel(self.tr("&Tampilkan"))
        shown.setBuddy(self.show_filter)
        filter_row = QHBoxLayout()
        filter_row.addWidget(shown)
        filter_row.addWidget(self.show_filter)
        filter_row.addStretch(1)
        self.detail = QLabel(objectName="import_row_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.rows.modelReset.connect(self._first_row)
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
        layout.addLayout(filter_row)
        layout.addWidget(self.table)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih daftar peserta"), "",
            self.tr("Daftar peserta (*.xlsx *.xls *.csv);;Semua berkas (*)"))
        if path:
            self.path.setText(path)
            self._file_chosen()

    def _file_chosen(self) -> None:
        """A new file: forget the last file's choices and list its sheets."""
        self.columns = {}
        self.report = None
        self.run.setEnabled(False)
        with QSignalBlocker(self.sheet):
            while self.sheet.count() > 1:
                self.sheet.removeItem(1)
        if self.path.text().strip():
            self._read_headers(self._sheets_read)

    def _read_headers(self, then: Callable[[ListHeadersRow], object]) -> None:
        path, partner = self.path.text().strip(), self.partner.currentData()
        sheet, columns = self.sheet.currentData(), dict(self.columns)

        def work(uow: UnitOfWork, progress: Progress) -> ListHeadersRow:
            return list_headers(uow, path, partner_code=partner, sheet_name=sheet,
                                columns=columns)

        BackgroundReadOp(self, self.ctx, work).success(then).run(self.tr("Membaca judul kolom…"))

    def _sheets_read(self, found: ListHeadersRow) -> None:
        with QSignalBlocker(self.sheet):
            for name in found.sheets:
                self.sheet.addItem(name, name)
            if len(found.sheets) > 1:
                self.sheet.setCurrentIndex(self.sheet.findData(found.sheet))
        if not found.found:
            self.ask_columns(found)

    def ask_columns(self, found: ListHeadersRow | None = None) -> None:
        """Show the file's headers with a field chooser for each (reading them first)."""
        if found is None:
            self._read_headers(self.ask_columns)
            return
        if not any(found.headers):
            self.summary.setText(self.tr("Lembar '{0}' tidak berisi judul kolom; pilih lembar "
                                         "lain.").format(found.sheet))
            return
        self.chooser = ColumnMappingDialog(found.headers, found.mapping, self)
        self.chooser.accepted.connect(self._columns_chosen)
        self.chooser.open()

    def _columns_chosen(self) -> None:
        """Remember the officer's mapping for the partner, then check the list again."""
        assert self.chooser is not None
        self.columns = self.chooser.mapping()
        partner, columns = self.partner.currentData(), dict(self.columns)
        WriteOp(self, self.ctx, lambda uow: save_column_mapping(
            uow, partner_code=partner, mapping=columns)).success(
            lambda _: self.start(dry_run=True)).run()

    def _header_missing(self, error: HeaderNotFoundError) -> None:
        self.summary.setText(service_text(error.message))
        self.ask_columns(ListHeadersRow(error.sheet, error.sheets, error.headers, {}, False))

    def start(self, *, dry_run: bool) -> None:
        path, partner = self.path.text().strip(), self.partner.currentData()
        sheet, columns = self.sheet.currentData(), dict(self.columns)

        def work(uow: UnitOfWork, progress: Progress) -> ImportReport:
            return import_participants(uow, path, partner_code=partner, dry_run=dry_run,
                                       progress=progress, sheet_name=sheet, columns=columns)

        # A check reads only; the import itself writes and commits.
        op = BackgroundReadOp(self, self.ctx, work) if dry_run else \
            BackgroundWriteOp(self, self.ctx, work)
        op.success(self._done).failure(HeaderNotFoundError, self._header_missing).run(
            self.tr("Memeriksa berkas…") if dry_run else self.tr("Mengimpor peserta…"))

    def _done(self, report: ImportReport) -> None:
        self.report = report
        self.show_report(report)

    def show_report(self, report: ImportReport) -> None:
        verb = self.tr("akan ditambahkan") if report.dry_run else self.tr("ditambahkan")
        used = ", ".join(f"{header} → {field}" for field, header in report.mapping.items())
        self.summary.setText(self.tr(
            "{0}: {1} peserta baru {2}, {3} sudah terdaftar, {4} ditolak, {5} dengan catatan."
        ).format(report.file, report.imported, verb, report.already_present, report.rejected,
                 report.warnings) + "\n" + self.tr("Lembar '{0}'; kolom: {1}").format(
            report.sheet, used))
        # What needs the officer's eye first: the rejected rows, when there are any.
        wanted = REJECTED if report.rejected else ALL
        self.rows.set_report(report.rows, wanted)
        with QSignalBlocker(self.show_filter):
            self.show_filter.setCurrentIndex(self.show_filter.findData(wanted))
        for key, count in self.rows.counts().items():
            self.show_filter.setItemText(self.show_filter.findData(key), (
                f"{self._filter_labels[key]} ({fmt_number(count)})"))
        self.run.setEnabled(report.dry_run and report.imported > 0)
        self.errors.setEnabled(report.rejected > 0)

    def _first_row(self) -> None:
        if self.rows.rowCount():
            self.table.setCurrentIndex(self.rows.index(0, 0))
        self._show_detail()

    def _show_detail(self) -> None:
        """The whole reason or notes of the row under the cursor (cut short in the table)."""
        index = self.table.currentIndex()
        if not index.isValid():
            self.detail.clear()
            return
        row = self.rows.row_at(index.row())
        note = " ".join(service_text(text) for text in (row.message, *row.warnings) if text)
        self.detail.setText(self.tr("Baris {0}: {1}").format(row.row, note) if note else "")

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
