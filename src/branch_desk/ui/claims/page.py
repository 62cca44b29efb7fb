"""Klaim: the list of claims with a state filter, the claim detail, and the intake form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.claim_workflow import ClaimStatus
from branch_desk.domain.errors import DomainError
from branch_desk.domain.permissions import Permission
from branch_desk.services import clock
from branch_desk.services.claims.queries import ClaimRow, get_claim, list_claims
from branch_desk.ui.claims.detail import ClaimDetail
from branch_desk.ui.claims.intake import IntakeForm
from branch_desk.ui.claims.model import ClaimsModel
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.widgets.i18n_domain import domain_label

LIST_WIDTH = 780  # every column of the list beside the detail, on a 1366×768 screen


class ClaimsPage(QTabWidget):
    """Tabs "Daftar klaim" and "Catat klaim"."""

    def __init__(self, ctx: AppContext, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self._today = today
        self.model = ClaimsModel()
        self.table = QTableView(objectName="claims_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.state = QComboBox(objectName="claims_state")
        self.state.addItem(self.tr("Semua status"), None)
        self.state.addItem(self.tr("Masih berjalan"), "terbuka")
        self.state.addItem(self.tr("Lewat batas bayar BPJS"), OVERDUE)
        for s in ClaimStatus:
            self.state.addItem(domain_label(s.label), s.value)
        self.state.currentIndexChanged.connect(self.reload)
        self.search = QLineEdit(objectName="claims_search")
        self.search.setPlaceholderText(self.tr("Nomor klaim, KPJ, NIK atau nama"))
        self.search.returnPressed.connect(self.reload)
        self.may_create = ctx.actor.can(Permission.CREATE_CLAIMS)
        new = QPushButton(self.tr("Catat klaim baru"), objectName="claims_new")
        new.setToolTip("Ctrl+N")
        new.clicked.connect(self.new_item)
        new.setEnabled(self.may_create)
        filters = QHBoxLayout()
        filters.addWidget(self.state)
        filters.addWidget(self.search, 1)
        filters.addWidget(new)
        self.detail = ClaimDetail(ctx, self.today)
        self.detail.on_changed = self.reload
        self.detail.on_edit = self.edit_claim
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(filters)
        lv.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([LIST_WIDTH, 1166 - LIST_WIDTH])
        self.intake = IntakeForm(ctx, self.today, self._saved)
        self.addTab(splitter, self.tr("Daftar klaim"))
        self.addTab(self.intake, self.tr("Catat klaim"))
        self.setTabEnabled(1, self.may_create)
        if not self.may_create:
            self.setTabToolTip(1, self.tr("Peran Anda tidak mencatat klaim"))
        self.editor: IntakeForm | None = None
        self.reload()

    def today(self) -> date:
        return self._today or clock.today()

    def reload(self) -> None:
        state, today = self.state.currentData(), self.today()
        with self.ctx.reading() as uow:
            rows = list_claims(uow, status=None if state == OVERDUE else state,
                               search=self.search.text(),
                               overdue_on=today if state == OVERDUE else None)
        current = self.detail.row.number if self.detail.row else None
        self.model.today = today
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if current:
            self.select(current)

    def select(self, number: str) -> None:
        for i, row in enumerate(self.model.rows):
            if row.number == number:
                self.table.selectRow(i)
                self.detail.load(number)
                return

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail.load(self.model.data(current, Qt.ItemDataRole.UserRole))

    def _saved(self, row: ClaimRow) -> None:
        self.setCurrentIndex(0)
        self.state.setCurrentIndex(0)
        self.reload()
        self.select(row.number)

    # --- editing a claim in the intake form ---------------------------------------------

    def edit_claim(self, number: str) -> None:
        """Open claim `number`, as saved now, in the "Ubah klaim" tab. One claim is edited at
        a time: the claim already open is shown again as it was typed, and another one
        replaces it only once its unsaved changes are saved or discarded (asked first)."""
        open_now = self.editor
        if open_now is not None and open_now.editing is not None:
            self.setCurrentWidget(open_now)
            if open_now.editing.number == number:
                open_now.place.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            if not open_now.may_leave():
                return
        try:
            with self.ctx.reading() as uow:
                row = get_claim(uow, number)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.close_editor()
        self.editor = IntakeForm(self.ctx, self.today, self._edited, on_cancel=self.close_editor)
        self.editor.setObjectName("claim_editor")
        self.editor.load_claim(row)
        self.addTab(self.editor, self.tr("Ubah klaim {0}").format(row.number))
        self.setCurrentWidget(self.editor)
        self.editor.place.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_editor(self) -> None:
        if self.editor is None:
            return
        self.removeTab(self.indexOf(self.editor))
        self.editor.deleteLater()
        self.editor = None
        self.setCurrentIndex(0)

    def _edited(self, row: ClaimRow) -> None:
        self.close_editor()
        self._saved(row)

    # --- page shortcuts (branch_desk.ui.shell.shortcuts) ---------------------------------------

    def new_item(self) -> None:
        """Ctrl+N: the intake tab, cursor in its participant search."""
        if not self.may_create:
            return
        self.setCurrentWidget(self.intake)
        self.intake.search.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        """Ctrl+F: the search of the tab shown."""
        target = self.intake.search if self.currentWidget() is self.intake else self.search
        if self.editor is not None and self.currentWidget() is self.editor:
            return
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    def print_current(self) -> None:
        """Ctrl+P: the selected claim's payment statement once approved, else its receipt."""
        row = self.detail.row
        if self.currentWidget() is not self.widget(0) or row is None:
            return
        self.detail.preview_pdf("statement" if self.detail.statement.isEnabled() else "receipt")

    def unsaved_work(self) -> list[str]:
        """The new claim and the claim edit, when something typed in them is unsaved."""
        found = []
        if self.intake.has_changes():
            found.append(self.tr("Klaim baru yang sedang dicatat (tab Catat klaim)"))
        if self.editor is not None and self.editor.editing is not None \
                and self.editor.has_changes():
            found.append(self.tr("Perubahan pada klaim {0}").format(self.editor.editing.number))
        return found

    def refresh(self, areas: frozenset[str]) -> None:
        if "claims" in areas or "participants" in areas or "contributions" in areas:
            self.reload()


OVERDUE = "lewat_batas"  # the state filter's entry for claims past BPJS's payment deadline


def create_page(ctx: AppContext) -> QWidget:
    return ClaimsPage(ctx)
