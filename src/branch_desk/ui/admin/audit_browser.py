"""The audit browser: filter entries, see before/after values, check the hash chain."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.dates import WITA
from branch_desk.domain.errors import DomainError
from branch_desk.domain.record_labels import shown_changes, table_label
from branch_desk.services.admin.audit import (
    AuditFilter,
    AuditRow,
    AuditVerification,
    audit_users,
    audited_tables,
    browse,
    count,
    verify_audit_chain,
)
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.messages import service_text, service_value
from branch_desk.ui.shell.operations import BackgroundReadOp
from branch_desk.ui.widgets.formatting import fmt_datetime
from branch_desk.ui.widgets.i18n_domain import domain_label
from branch_desk.ui.widgets.table_model import TableModel

ACTION_LABELS = {"insert": QT_TRANSLATE_NOOP("AuditTableModel", "tambah"),
                 "update": QT_TRANSLATE_NOOP("AuditTableModel", "ubah"),
                 "delete": QT_TRANSLATE_NOOP("AuditTableModel", "hapus"),
                 "view_nik": QT_TRANSLATE_NOOP("AuditTableModel", "lihat NIK"),
                 "export_personal_data": QT_TRANSLATE_NOOP("AuditTableModel",
                                                           "ekspor data pribadi"),
                 "login_failed": QT_TRANSLATE_NOOP("AuditTableModel", "gagal masuk"),
                 "backup": QT_TRANSLATE_NOOP("AuditTableModel", "cadangan"),
                 "restore": QT_TRANSLATE_NOOP("AuditTableModel", "pemulihan")}
PAGE = 200


class AuditTableModel(TableModel[AuditRow]):
    """A page of audit rows, newest first."""

    COL_SEQ, COL_AT, COL_USER, COL_ACTION, COL_TABLE, COL_ROW = range(6)
    HEADERS = ("#", QT_TRANSLATE_NOOP("columns", "Waktu"), QT_TRANSLATE_NOOP("columns", "Pengguna"),
               QT_TRANSLATE_NOOP("columns", "Aksi"), QT_TRANSLATE_NOOP("columns", "Tabel"),
               QT_TRANSLATE_NOOP("columns", "Data"))

    def display(self, row: AuditRow, column: int) -> str:
        return (str(row.seq), fmt_datetime(row.at), row.username,
                self.tr(ACTION_LABELS.get(row.action, row.action)),
                domain_label(service_text(table_label(row.table_name))),
                service_text(row.subject) if row.subject else "—")[column]


class AuditBrowser(QWidget):
    """Filters, a table of entries, the selected entry's field changes, the chain check."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table_filter = QComboBox(objectName="audit_table")
        self.row_filter = QLineEdit(objectName="audit_row")
        self.row_filter.setPlaceholderText(self.tr("nama, KPJ, NIK atau nomor"))
        hint = self.row_filter.fontMetrics().horizontalAdvance(self.row_filter.placeholderText())
        self.row_filter.setMinimumWidth(hint + 24)  # the hint whole, in either language
        self.user_filter = QComboBox(objectName="audit_user")
        self.use_dates = QCheckBox(self.tr("Tanggal"), objectName="audit_use_dates")
        self.since = QDateEdit(objectName="audit_since", calendarPopup=True)
        self.until = QDateEdit(objectName="audit_until", calendarPopup=True)
        today = QDate.currentDate()
        self.since.setDate(today.addDays(-30))
        self.until.setDate(today)
        for edit in (self.since, self.until):
            edit.setDisplayFormat("dd-MM-yyyy")
        self.search = QPushButton(self.tr("Tampilkan"), objectName="audit_search")
        self.verify_button = QPushButton(self.tr("Periksa keutuhan log audit"),
                                         objectName="audit_verify")
        self.status = QLabel(objectName="audit_status")
        self.status.setWordWrap(True)
        self.total = QLabel(objectName="audit_total")
        self.model = AuditTableModel()
        self.view = QTableView(objectName="audit_entries")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().hide()
        self.changes = QTableWidget(0, 3, objectName="audit_changes")
        self.changes.setHorizontalHeaderLabels([self.tr("Kolom"), self.tr("Sebelum"),
                                                self.tr("Sesudah")])
        self.changes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.search.clicked.connect(self.refresh)
        self.row_filter.returnPressed.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.view.selectionModel().currentRowChanged.connect(self._show_changes)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Tabel"), self.table_filter),
                              (self.tr("Data"), self.row_filter),
                              (self.tr("Pengguna"), self.user_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 1)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.since)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.until)
        filters.addWidget(self.search)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.changes)
        split.setSizes([300, 160])
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        with self.ctx.reading() as uow:
            tables, users = audited_tables(uow), audit_users(uow)
        self.table_filter.clear()
        self.table_filter.addItem(self.tr("(semua)"), "")
        for name in sorted(tables, key=table_label):
            self.table_filter.addItem(domain_label(service_text(table_label(name))), name)
        self.user_filter.clear()
        self.user_filter.addItem(self.tr("(semua)"), "")
        for name in users:
            self.user_filter.addItem(name, name)

    def criteria(self) -> AuditFilter:
        since = until = None
        if self.use_dates.isChecked():
            since = datetime.combine(self.since.date().toPython(), time(), WITA)
            until = datetime.combine(self.until.date().toPython(), time(), WITA) \
                + timedelta(days=1)
        return AuditFilter(table=self.table_filter.currentData() or "",
                           record=self.row_filter.text(),
                           username=self.user_filter.currentData() or "",
                           since=since, until=until)

    def refresh(self) -> None:
        try:
            criteria = self.criteria()
            with self.ctx.reading() as uow:
                rows = browse(uow, criteria=criteria, limit=PAGE)
                total = count(uow, criteria=criteria)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        shown = self.tr("menampilkan {0} terbaru").format(len(rows)) if total > len(rows) else ""
        self.total.setText(self.tr("{0} entri").format(total) + (f" ({shown})" if shown else ""))
        self.changes.setRowCount(0)
        if rows:
            self.view.selectRow(0)

    def _show_changes(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.changes.setRowCount(0)
        if not current.isValid():
            return
        entry = self.model.rows[current.row()]
        changes = shown_changes(entry.before, entry.after)
        self.changes.setRowCount(len(changes) + (1 if entry.note else 0))
        for i, (label, before, after) in enumerate(changes):
            for column, value in enumerate((domain_label(service_text(label)),
                                            service_value(before), service_value(after))):
                self.changes.setItem(i, column, QTableWidgetItem(value))
        if entry.note:
            self.changes.setItem(len(changes), 0, QTableWidgetItem(self.tr("catatan")))
            self.changes.setItem(len(changes), 2, QTableWidgetItem(entry.note))

    def verify(self) -> None:
        BackgroundReadOp(self, self.ctx,
                         lambda uow, progress: verify_audit_chain(uow, progress=progress)
                         ).success(self._show_verification).run(self.tr("Memeriksa log audit…"))

    def _show_verification(self, result: AuditVerification) -> None:
        lines = [service_text(result.message)] + [
            f"#{p.seq}: {service_text(p.message)}" if not p.table else service_text(p.message)
            for p in result.problems[1:6]]
        self.status.setText("\n".join(lines))
        self.status.setStyleSheet("color: #1b5e20; font-weight: bold;" if result.ok
                                  else "color: #b00020; font-weight: bold;")
