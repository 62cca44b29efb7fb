"""Beranda: live figures of the office at a glance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from branch_desk.domain.dates import format_date_full
from branch_desk.domain.money import format_rupiah
from branch_desk.services.dashboard import DashboardFigures, dashboard_figures
from branch_desk.ui.context import AppContext


def _number(value: int | None) -> str:
    return "—" if value is None else f"{value:,}".replace(",", ".")


class Tile(QFrame):
    """One figure with its caption."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame { background: #ffffff; border: 1px solid #d0d7de;"
                           " border-radius: 6px; }")
        self.value = QLabel("—")
        self.value.setObjectName(f"{name}_value")
        self.value.setStyleSheet("font-size: 24pt; font-weight: bold; color: #0b5394;"
                                 " border: none;")
        label = QLabel(caption)
        label.setWordWrap(True)
        label.setStyleSheet("color: #444; border: none;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(label)

    def set(self, text: str) -> None:
        self.value.setText(text)


class DashboardPage(QWidget):
    """Figures refreshed whenever participants, contributions or claims change."""

    AREAS = frozenset({"participants", "contributions", "claims", "partners"})

    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today
        self.heading = QLabel()
        self.heading.setObjectName("dashboard_heading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.tiles = {
            "participants": Tile(self.tr("Peserta terdaftar"), "tile_participants"),
            "active": Tile(self.tr("Peserta aktif (terlindungi bulan ini)"), "tile_active"),
            "partners": Tile(self.tr("Mitra (Pemda, pemberi kerja, organisasi)"),
                             "tile_partners"),
            "pending": Tile(self.tr("Klaim dalam proses"), "tile_claims_pending"),
            "paid": Tile(self.tr("Klaim dibayar tahun ini"), "tile_claims_paid"),
            "paid_amount": Tile(self.tr("Santunan dibayar tahun ini"), "tile_benefits_paid"),
        }
        grid = QGridLayout()
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.reload()

    def reload(self) -> None:
        as_of = self.today or date.today()
        with self.ctx.reading() as uow:
            figures = dashboard_figures(uow.session, as_of=as_of)
        self.show_figures(figures)

    def show_figures(self, f: DashboardFigures) -> None:
        self.heading.setText(self.tr("{0} — {1}").format(self.ctx.office.name,
                                                        format_date_full(f.as_of)))
        self.tiles["participants"].set(_number(f.participants))
        self.tiles["active"].set(_number(f.coverage_active if f.coverage_active is not None
                                         else f.participants_active))
        self.tiles["partners"].set(_number(f.partners))
        self.tiles["pending"].set(_number(f.claims_pending))
        self.tiles["paid"].set(_number(f.claims_paid_this_year))
        self.tiles["paid_amount"].set("—" if f.benefits_paid_this_year is None
                                      else format_rupiah(f.benefits_paid_this_year))

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & self.AREAS:
            self.reload()


def create_page(ctx: AppContext) -> QWidget:
    return DashboardPage(ctx)
