"""Peserta: search and filter the registry, register, import, complete what is missing,
export, print cards."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.permissions import Permission
from branch_desk.domain.programs import Segment
from branch_desk.services.participants.cards import print_card, print_cards
from branch_desk.services.participants.export import export_participants
from branch_desk.services.participants.queries import search_participants
from branch_desk.services.participants.rows import Page, ParticipantQuery, ParticipantRow
from branch_desk.services.partners.registry import list_partners
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.participants.detail import ParticipantDetailDialog
from branch_desk.ui.participants.form import ParticipantForm
from branch_desk.ui.participants.import_dialog import ImportDialog
from branch_desk.ui.participants.incomplete import IncompleteDialog
from branch_desk.ui.participants.list_model import (
    COL_BIRTH,
    COL_KPJ,
    COL_NAME,
    COL_NIK,
    COL_PARTNER,
    COL_PROGRAMS,
    COL_SEGMENT,
    COL_SEX,
    COL_STATUS,
    COL_VILLAGE,
    ParticipantListModel,
)
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.operations import BackgroundWriteOp, preview_printed
from branch_desk.ui.shell.worker import Progress
from branch_desk.ui.widgets.formatting import fmt_date
from branch_desk.ui.widgets.i18n_domain import domain_label
from branch_desk.ui.widgets.pdf_preview import show_pdf, written_pdf
from branch_desk.ui.widgets.unsaved import open_forms_of


class ParticipantsPage(QWidget):
    """The participant list with its search box and filters."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Cari NIK, KPJ atau nama…"))
        self.search.setClearButtonEnabled(True)
        self.segment = self._combo("filter_segment", self.tr("Semua segmen"),
                                   [(domain_label(s.label), s.value) for s in Segment])
        self.program = self._combo("filter_program", self.tr("Semua program"),
                                   [(p, p) for p in ("JKK", "JKM", "JHT", "JP", "JKP")])
        with ctx.reading() as uow:
            partner_names = {p.code: p.name for p in list_partners(uow)}
        self.partner = self._combo("filter_partner", self.tr("Semua mitra"),
                                   [(name, code) for code, name in partner_names.items()])
        self.status = self._combo("filter_status", self.tr("Semua status"),
                                  [(self.tr("Aktif"), "aktif"), (self.tr("Nonaktif"), "nonaktif")])
        self.village = QLineEdit(objectName="filter_village")
        self.village.setPlaceholderText(self.tr("Kode desa/kec."))
        self.village.setMaximumWidth(130)
        self.list_model = ParticipantListModel(self._fetch, self, partner_names=partner_names)
        self.table = QTableView(objectName="participants_table")
        self.table.setModel(self.list_model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setWordWrap(False)
        self._fit_columns(partner_names.keys())
        self.table.horizontalHeader().setSortIndicatorShown(True)
        # `activated` is a double click or Enter (one signal: a second one opened two windows)
        self.table.activated.connect(self._open_index)
        self.count = QLabel(objectName="count")
        new = QPushButton(self.tr("Peserta baru"), objectName="new_participant")
        new.setToolTip("Ctrl+N")  # the main window's page shortcut calls new_item()
        new.clicked.connect(self.new_participant)
        new.setEnabled(ctx.actor.can(Permission.REGISTER_PARTICIPANTS))
        imp = QPushButton(self.tr("Impor daftar Pemda…"), objectName="import")
        imp.setEnabled(ctx.actor.can(Permission.IMPORT_PARTICIPANTS))
        imp.clicked.connect(self.open_import)
        exp = QPushButton(self.tr("Ekspor xlsx…"), objectName="export")
        exp.clicked.connect(self._export)
        incomplete = QPushButton(self.tr("Belum lengkap…"), objectName="incomplete")
        incomplete.setToolTip(self.tr("Peserta aktif (mitra/desa yang dipilih) yang belum punya "
                                      "desa, alamat atau pekerjaan: dilengkapi satu per satu"))
        incomplete.setEnabled(ctx.actor.can(Permission.EDIT_PARTICIPANTS))
        incomplete.clicked.connect(self.open_incomplete)
        cards = QPushButton(self.tr("Cetak kartu…"), objectName="cards")
        cards.setEnabled(ctx.actor.can(Permission.PRINT_DOCUMENTS))
        cards.clicked.connect(self._cards)
        cards_preview = QPushButton(self.tr("Pratinjau && cetak kartu"),
                                    objectName="cards_preview")
        cards_preview.setToolTip(self.tr("Kartu peserta yang dipilih (Ctrl+P), atau semua "
                                         "peserta di daftar bila tidak ada yang dipilih"))
        cards_preview.setEnabled(ctx.actor.can(Permission.PRINT_DOCUMENTS))
        cards_preview.clicked.connect(self.print_current)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        for widget in (self.segment, self.program, self.partner, self.status, self.village):
            top.addWidget(widget)
        actions = QHBoxLayout()
        for widget in (new, imp, incomplete, exp, cards, cards_preview):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filters)
        self.village.returnPressed.connect(self.apply_filters)
        for combo in (self.segment, self.program, self.partner, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.table.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.apply_filters()

    def _fit_columns(self, partner_codes: Iterable[str]) -> None:
        """Widths from the font: KPJ, NIK, birth date, sex, segment, partner code and programmes
        shown whole; the name and village take what is left, so the status stays in view at
        1366×768 (the page is ~1130 pixels wide there)."""
        metrics = self.table.fontMetrics()
        pad = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                  None, self.table) + 1) + 8

        def fits(*samples: str) -> int:
            return max(metrics.horizontalAdvance(text) for text in samples) + pad

        births = [fmt_date(date(2000, month, 28), "medium") for month in range(1, 13)]
        partner = fits("Mandiri", *(list(partner_codes) or [""]))
        header = self.list_model.headerData
        statuses = [domain_label("Aktif"), domain_label("Nonaktif"),
                    str(header(COL_STATUS, Qt.Orientation.Horizontal))]
        widths = {COL_KPJ: fits("00000000000"), COL_NIK: fits("0000000000000000"),
                  COL_BIRTH: fits(*births), COL_SEX: fits("L/P"),
                  COL_VILLAGE: 120, COL_SEGMENT: fits("JAKON", "Segmen"),
                  COL_PARTNER: min(partner, 170), COL_PROGRAMS: fits("JKK JKM JHT JP"),
                  COL_STATUS: fits(*statuses)}
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        # The name takes what is left, so the status never leaves the screen.
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME,
                                                           QHeaderView.ResizeMode.Stretch)

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(everything, None)
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def _fetch(self, query: ParticipantQuery) -> Page[ParticipantRow]:
        with self.ctx.reading() as uow:
            return search_participants(uow, query)

    def current_query(self) -> ParticipantQuery:
        return ParticipantQuery(
            text=self.search.text(), segment=self.segment.currentData(),
            program=self.program.currentData(), partner_code=self.partner.currentData(),
            status=self.status.currentData(), village_code=self.village.text().strip() or None)

    def apply_filters(self) -> None:
        try:
            self.list_model.set_query(self.current_query())
        except Exception as exc:
            show_error(self, exc)
            return
        shown = self.list_model.rowCount()
        more = "+" if self.list_model.has_more else ""
        self.count.setText(self.tr("{0}{1} peserta").format(shown, more))

    def refresh(self, areas: frozenset[str]) -> None:
        if "participants" in areas:
            self.list_model.reload()

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_detail(self.list_model.row_at(index.row()).id)

    def open_detail(self, participant_id: str) -> ParticipantDetailDialog:
        """The participant's detail window: the one already open for them is brought to the
        front rather than a second one opened."""
        for dialog in self.findChildren(ParticipantDetailDialog):
            if dialog.participant_id == participant_id and dialog.isVisible():
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        dialog = ParticipantDetailDialog(self.ctx, participant_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- page shortcuts (branch_desk.ui.shell.shortcuts) ---------------------------------------

    def new_item(self) -> None:
        if self.ctx.actor.can(Permission.REGISTER_PARTICIPANTS):
            self.new_participant()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def print_current(self) -> None:
        """Preview the card of the selected participant, or the cards of the whole list."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            self.preview_cards()
            return
        kpj = self.list_model.row_at(index.row()).kpj
        preview_printed(self, self.ctx, lambda uow, path: print_card(uow, nik_or_kpj=kpj, out=path),
                        "kartu.pdf", self.tr("Kartu peserta KPJ {0}").format(kpj))

    def preview_cards(self) -> None:
        """Cards of every participant in the list (ten per A4 page) in the preview."""
        query = replace(self.list_model.query, offset=0)

        def cards(uow: UnitOfWork, progress: Progress) -> bytes:
            return written_pdf(lambda path: print_cards(uow, query=query, out=path,
                                                        progress=progress), "kartu-peserta.pdf")

        BackgroundWriteOp(self, self.ctx, cards).success(
            lambda pdf: show_pdf(self, pdf, self.tr("Kartu peserta"))).run(
            self.tr("Menyiapkan kartu…"))

    def new_participant(self) -> ParticipantForm:
        form = ParticipantForm(self.ctx, self)
        form.open_existing.connect(self.open_detail)
        form.open()
        return form

    def unsaved_work(self) -> list[str]:
        """The open "Peserta baru" form, when something typed in it is unsaved."""
        return open_forms_of(self)

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.ctx, self)
        dialog.open()
        return dialog

    def open_incomplete(self) -> IncompleteDialog:
        """The incomplete records of the partner and village chosen in the filters."""
        dialog = IncompleteDialog(self.ctx, self, partner_code=self.partner.currentData(),
                                  village_code=self.village.text().strip() or None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Ekspor peserta"), "peserta.xlsx",
                                              "Excel (*.xlsx)")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        query = replace(self.list_model.query, offset=0)
        BackgroundWriteOp(self, self.ctx, lambda uow, _progress: export_participants(
            uow, path, query=query)).success(
            lambda n: self.count.setText(self.tr("{0} peserta diekspor").format(n))).run(
            self.tr("Mengekspor…"))

    def _cards(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan kartu peserta"),
                                              "kartu-peserta.pdf", "PDF (*.pdf)")
        if path:
            self.cards_to(path)

    def cards_to(self, path: str) -> None:
        query = replace(self.list_model.query, offset=0)
        BackgroundWriteOp(self, self.ctx, lambda uow, progress: print_cards(
            uow, query=query, out=path, progress=progress)).success(
            lambda n: self.count.setText(self.tr("{0} kartu dicetak").format(n))).run(
            self.tr("Mencetak kartu…"))


def create_page(ctx: AppContext) -> QWidget:
    return ParticipantsPage(ctx)
