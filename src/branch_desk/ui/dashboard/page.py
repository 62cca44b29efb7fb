"""Beranda: live figures of the office at a glance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.claim_workflow import ClaimStatus
from branch_desk.domain.permissions import Permission
from branch_desk.services import clock
from branch_desk.services.claims.queries import ClaimListRow
from branch_desk.services.dashboard import DashboardFigures, dashboard_figures
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.widgets.formatting import (
    fmt_date,
    fmt_date_full,
    fmt_money,
    fmt_number,
    fmt_percent,
)


def _number(value: int | None) -> str:
    return "—" if value is None else fmt_number(value)


class Tile(QFrame):
    """One figure with its caption."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setStyleSheet(f"QFrame#{name} {{ background: #ffffff; border: 1px solid #d0d7de;"
                           " border-radius: 6px; }")
        self.value = QLabel("—")
        self.value.setObjectName(f"{name}_value")
        self.value.setStyleSheet("font-size: 22pt; font-weight: bold; color: #0b5394;")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #444;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, text: str, caption: str | None = None) -> None:
        self.value.setText(text)
        if caption is not None:
            self.caption.setText(caption)


class DashboardPage(QWidget):
    """Figures refreshed whenever participants, contributions or claims change."""

    AREAS = frozenset({"participants", "contributions", "claims", "partners", "targets"})

    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today
        self.heading = QLabel()
        self.heading.setObjectName("dashboard_heading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.tiles = {
            "participants": Tile(self.tr("Peserta terdaftar"), "tile_participants"),
            "covered": Tile(self.tr("Peserta terlindungi (iuran bulan ini terbayar)"),
                            "tile_covered"),
            "coverage": Tile(self.tr("Cakupan terhadap target"), "tile_coverage"),
            "pending": Tile(self.tr("Klaim dalam proses"), "tile_claims_pending"),
            "paid": Tile(self.tr("Klaim dibayar tahun ini"), "tile_claims_paid"),
            "paid_amount": Tile(self.tr("Santunan dibayar tahun ini"), "tile_benefits_paid"),
        }
        grid = QGridLayout()
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // 3, index % 3)
        regions_label = QLabel(self.tr("Cakupan per kabupaten/kota"))
        regions_label.setStyleSheet("font-weight: bold; margin-top: 8px;")
        self.regions = QTableWidget(0, 4)
        self.regions.setObjectName("dashboard_regions")
        self.regions.setHorizontalHeaderLabels([self.tr("Wilayah"), self.tr("Terlindungi"),
                                                self.tr("Target"), self.tr("Cakupan")])
        self.regions.verticalHeader().setVisible(False)
        self.regions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.regions.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.waiting_label = QLabel(self.tr("Klaim menunggu verifikasi atau persetujuan"))
        self.waiting_label.setStyleSheet("font-weight: bold; margin-top: 8px;")
        self.waiting = QTableWidget(0, 6)
        self.waiting.setObjectName("dashboard_claims_waiting")
        self.waiting.setHorizontalHeaderLabels([
            self.tr("Nomor klaim"), self.tr("Jenis"), self.tr("Peserta"),
            self.tr("Menunggu"), self.tr("Diajukan"), self.tr("Manfaat")])
        self.waiting.verticalHeader().setVisible(False)
        self.waiting.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.waiting.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.waiting.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.waiting.activated.connect(self._open_waiting)
        self.waiting.setToolTip(self.tr("Enter atau klik dua kali: buka klaim di halaman Klaim"))
        approves = ctx.actor.can(Permission.APPROVE_CLAIMS)
        self.waiting_label.setVisible(approves)
        self.waiting.setVisible(approves)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.waiting, 1)
        layout.addWidget(regions_label)
        layout.addWidget(self.regions, 1)
        # Figures load right after the window appears, so start-up never waits on them.
        QTimer.singleShot(0, self.reload)

    def reload(self) -> None:
        as_of = self.today or clock.today()
        with self.ctx.reading() as uow:
            figures = dashboard_figures(uow, as_of=as_of)
        self.show_figures(figures)

    def show_figures(self, f: DashboardFigures) -> None:
        self.heading.setText(self.tr("{0} — {1}").format(self.ctx.office.name,
                                                        fmt_date_full(f.as_of)))
        self.tiles["participants"].set(_number(f.participants))
        self.tiles["covered"].set(_number(f.covered))
        self.tiles["coverage"].set(
            fmt_percent(f.percentage),
            self.tr("Cakupan terhadap target {0}: {1} dari {2} pekerja").format(
                f.as_of.year, _number(f.covered), _number(f.target)))
        self.tiles["pending"].set(_number(f.claims_pending))
        self.tiles["paid"].set(_number(f.claims_paid_this_year))
        self.tiles["paid_amount"].set(fmt_money(f.benefits_paid_this_year))
        self._show_waiting(f.claims_waiting)
        self.regions.setRowCount(len(f.regions))
        for row, area in enumerate(f.regions):
            cells = (area.name, _number(area.covered), _number(area.target),
                     fmt_percent(area.percentage))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.regions.setItem(row, column, item)

    def _show_waiting(self, rows: tuple[ClaimListRow, ...]) -> None:
        self.waiting_label.setText(self.tr(
            "Klaim menunggu verifikasi atau persetujuan: {0}").format(len(rows)))
        self.waiting.setRowCount(len(rows))
        for row, claim in enumerate(rows):
            step = (self.tr("Persetujuan Anda") if claim.status == ClaimStatus.DIVERIFIKASI
                    else self.tr("Verifikasi"))
            cells = (claim.number, claim.claim_type, claim.participant_name, step,
                     fmt_date(claim.filed_on), fmt_money(claim.total_amount))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.waiting.setItem(row, column, item)

    def _open_waiting(self, index: QModelIndex) -> None:
        """Open the chosen claim on the Klaim page."""
        number = self.waiting.item(index.row(), 0).text()
        go_to = getattr(self.window(), "go_to", None)
        if callable(go_to):
            page = go_to("klaim")
            select = getattr(page, "select", None)
            if callable(select):
                select(number)

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & self.AREAS:
            self.reload()


def create_page(ctx: AppContext) -> QWidget:
    return DashboardPage(ctx)
