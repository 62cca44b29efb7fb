"""Partners list with a form, and the overview of the selected partner."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branch_desk.services.partners.overview import PartnerOverview, partner_overview
from branch_desk.services.partners.registry import list_partners
from branch_desk.ui.partners.forms import PartnerDialog, kind_label
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.widgets.formatting import fmt_date, fmt_money, fmt_number
from branch_desk.ui.widgets.i18n_domain import status_text
from branch_desk.ui.widgets.table_model import RowsModel, make_table, selected_key

# A tab of the overview: object name, title, column titles, rows of text, rows in all.
Section = tuple[str, str, tuple[str, ...], list[tuple[str, ...]], int]


def _medium(day: date) -> str:
    return fmt_date(day, "medium")


def _sections(o: PartnerOverview) -> tuple[Section, ...]:
    """The overview's tabs, in order."""
    return (
        ("peserta", QT_TRANSLATE_NOOP("PartnerOverviewWidget", "Peserta"),
         (QT_TRANSLATE_NOOP("columns", "KPJ"), QT_TRANSLATE_NOOP("columns", "Nama"),
          QT_TRANSLATE_NOOP("columns", "Segmen"), QT_TRANSLATE_NOOP("columns", "Sumber dana"),
          QT_TRANSLATE_NOOP("columns", "TMT"), QT_TRANSLATE_NOOP("columns", "Status")),
         [(p.kpj, p.name, p.segment, p.funding_source, _medium(p.tmt), status_text(p.status))
          for p in o.participants], o.participants_total),
        ("perjanjian", QT_TRANSLATE_NOOP("PartnerOverviewWidget", "Perjanjian kerja sama"),
         (QT_TRANSLATE_NOOP("columns", "Nomor"), QT_TRANSLATE_NOOP("columns", "Ditandatangani"),
          QT_TRANSLATE_NOOP("columns", "Berlaku s.d."), QT_TRANSLATE_NOOP("columns", "Pekerja"),
          QT_TRANSLATE_NOOP("columns", "Anggaran"), QT_TRANSLATE_NOOP("columns", "Status")),
         [(a.number, _medium(a.signed_on), _medium(a.end_date), fmt_number(a.workers),
           fmt_money(a.budget), status_text(a.status))
          for a in o.agreements], len(o.agreements)),  # the partner's number: on the PKS tab
        ("tagihan", QT_TRANSLATE_NOOP("PartnerOverviewWidget", "Tagihan"),
         (QT_TRANSLATE_NOOP("columns", "Nomor"), QT_TRANSLATE_NOOP("columns", "Bulan pertama"),
          QT_TRANSLATE_NOOP("columns", "Bulan"), QT_TRANSLATE_NOOP("columns", "Pekerja"),
          QT_TRANSLATE_NOOP("columns", "Jumlah"), QT_TRANSLATE_NOOP("columns", "Status")),
         [(b.number, _medium(b.first_month), str(b.months), str(b.workers),
           fmt_money(b.total), status_text(b.status)) for b in o.bills], o.bills_total),
        ("klaim", QT_TRANSLATE_NOOP("PartnerOverviewWidget", "Klaim"),
         (QT_TRANSLATE_NOOP("columns", "Nomor"), QT_TRANSLATE_NOOP("columns", "Jenis"),
          QT_TRANSLATE_NOOP("columns", "Peserta"), QT_TRANSLATE_NOOP("columns", "Diajukan"),
          QT_TRANSLATE_NOOP("columns", "Status"), QT_TRANSLATE_NOOP("columns", "Jumlah")),
         [(c.number, c.claim_type, c.participant_name, _medium(c.filed_on), status_text(c.status),
           fmt_money(c.total_amount)) for c in o.claims], o.claims_total),
        ("piagam", QT_TRANSLATE_NOOP("PartnerOverviewWidget", "Piagam penghargaan"),
         (QT_TRANSLATE_NOOP("columns", "Nomor"), QT_TRANSLATE_NOOP("columns", "Tanggal"),
          QT_TRANSLATE_NOOP("columns", "Per tanggal"), QT_TRANSLATE_NOOP("columns", "Pekerja"),
          QT_TRANSLATE_NOOP("columns", "Manfaat dibayar")),
         [(c.number, _medium(c.issued_on), _medium(c.as_of), fmt_number(c.workers),
           fmt_money(c.benefits_paid)) for c in o.certificates], len(o.certificates)),
    )


class PartnerOverviewWidget(QWidget):
    """One tab per section (participants, agreements, bills, claims, certificates);
    `models` and `notes` by the section's (untranslated) title."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = QLabel(self.tr("Pilih mitra di daftar."))
        self.heading.setObjectName("overview_heading")
        self.heading.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("overview_tabs")
        self.models: dict[str, RowsModel] = {}
        self.notes: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

    def show_overview(self, overview: PartnerOverview) -> None:
        p = overview.partner
        self.heading.setText(
            f"<b style='font-size:13pt'>{escape(p.name)}</b> ({escape(p.code)}) — "
            f"{kind_label(p.kind)}, {escape(p.region_name)}<br>"
            + escape(f"{p.head_title} {p.head_name}".strip()
                     + (f" · {p.address}" if p.address else "")
                     + (f" · NPWP {p.npwp}" if p.npwp else "")))
        current = self.tabs.currentIndex()
        self.tabs.clear()
        for name, title, columns, rows, total in _sections(overview):
            page = QWidget()
            model = RowsModel(columns, rows)
            view = make_table(model, f"overview_{name}")
            rows_text = self.tr("{0} baris{1}", "satu") if total == 1 else self.tr("{0} baris{1}")
            note = QLabel(rows_text.format(total, self.tr(
                " (ditampilkan {0})").format(len(rows)) if len(rows) < total else ""))
            note.setObjectName(f"note_{name}")
            box = QVBoxLayout(page)
            box.addWidget(view, 1)
            box.addWidget(note)
            self.models[title] = model
            self.notes[title] = note
            self.tabs.addTab(page, f"{self.tr(title)} · {total}")
        self.tabs.setCurrentIndex(max(0, current))


class PartnersTab(QWidget):
    """List on the left (add/edit), overview of the selected partner on the right. The list
    names each partner whole and its kind; the rest (region, head) is in the overview."""

    COLUMNS = (QT_TRANSLATE_NOOP("columns", "Nama"), QT_TRANSLATE_NOOP("columns", "Jenis"))
    LIST_WIDTH = 400  # before the names are known; then as wide as the longest name needs
    MAX_LIST_WIDTH = 460  # the overview keeps the rest of a 1366-pixel screen
    # The kind in a word: the name already says "Pemerintah Kabupaten …".
    SHORT_KINDS: ClassVar[dict[str, str]] = {
        "pemprov": QT_TRANSLATE_NOOP("PartnersTab", "Provinsi"),
        "pemkab": QT_TRANSLATE_NOOP("PartnersTab", "Kabupaten"),
        "pemkot": QT_TRANSLATE_NOOP("PartnersTab", "Kota"),
        "pemdes": QT_TRANSLATE_NOOP("PartnersTab", "Desa")}

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = RowsModel(self.COLUMNS)
        self.view = make_table(self.model, "partners_table")
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.show_selected())
        self.view.doubleClicked.connect(lambda *_: self.edit())
        add = QPushButton(self.tr("&Tambah mitra"))
        add.setObjectName("partner_add")
        add.clicked.connect(self.add)
        edit = QPushButton(self.tr("&Ubah"))
        edit.setObjectName("partner_edit")
        edit.clicked.connect(self.edit)
        can = ctx.actor.can
        from branch_desk.domain.permissions import Permission

        add.setEnabled(can(Permission.MANAGE_PARTNERS))
        edit.setEnabled(can(Permission.MANAGE_PARTNERS))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(edit)
        buttons.addStretch(1)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addWidget(self.view, 1)
        self.overview = PartnerOverviewWidget()
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.overview)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([self.LIST_WIDTH, 1366 - self.LIST_WIDTH])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.reload()

    def reload(self) -> None:
        with self.ctx.reading() as uow:
            rows = list_partners(uow)
        self.model.set_rows([(r.name, self._kind(r.kind)) for r in rows],
                            [r.code for r in rows])
        self._fit_list()
        if rows and not selected_key(self.view):
            self.view.selectRow(0)

    def _kind(self, kind: str) -> str:
        short = self.SHORT_KINDS.get(kind)
        return self.tr(short) if short else kind_label(kind)

    def _fit_list(self) -> None:
        """Widen the list so every partner's name shows whole beside its kind."""
        columns = range(self.model.columnCount())
        needed = (sum(max(self.view.sizeHintForColumn(c),
                          self.view.horizontalHeader().sectionSizeHint(c)) for c in columns)
                  + self.view.frameWidth() * 2 + self.view.verticalScrollBar().sizeHint().width()
                  + 4)
        width = min(max(needed, self.LIST_WIDTH), self.MAX_LIST_WIDTH)
        total = sum(self.splitter.sizes()) or 1366
        self.splitter.setSizes([width, max(total - width, 1)])

    def select(self, code: str) -> None:
        if code in self.model.keys:
            self.view.selectRow(self.model.keys.index(code))

    def show_selected(self) -> None:
        code = selected_key(self.view)
        if not code:
            return
        try:
            with self.ctx.reading() as uow:
                overview = partner_overview(uow, code)
        except Exception as exc:
            show_error(self, exc)
            return
        self.overview.show_overview(overview)

    def add(self) -> None:
        dialog = PartnerDialog(self.ctx, self)
        if dialog.exec() and dialog.saved:
            self.reload()
            self.select(dialog.saved.code)

    def edit(self) -> None:
        code = selected_key(self.view)
        if not code:
            return
        from branch_desk.services.partners.registry import get_partner

        with self.ctx.reading() as uow:
            row = get_partner(uow, code)
        dialog = PartnerDialog(self.ctx, self, row)
        if dialog.exec() and dialog.saved:
            self.reload()
            self.select(dialog.saved.code)
