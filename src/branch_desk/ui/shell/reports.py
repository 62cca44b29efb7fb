"""Laporan: one tab per report, each contributed by its area's module."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QTabWidget, QWidget

from branch_desk.ui.shell.context import AppContext

# Each module exposes `create_tab(ctx) -> tuple[str, QWidget]`; missing ones are skipped.
REPORT_TABS = (
    "branch_desk.ui.contributions.coverage_report",
    "branch_desk.ui.claims.recap_report",
    "branch_desk.ui.partners.agreements_report",
    "branch_desk.ui.sync.hub_report",
)


class ReportsPage(QTabWidget):
    """Tabs of reports; refreshes the tabs that can."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        for name in REPORT_TABS:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name == name:
                    continue
                raise
            title, widget = module.create_tab(ctx)
            self.addTab(widget, title)
        if self.count() == 0:
            from branch_desk.ui.shell.main_window import NotYetPage

            self.addTab(NotYetPage(self.tr("Laporan")), self.tr("Laporan"))

    def print_current(self) -> None:
        """Ctrl+P: the shown report tab's document, when it has one."""
        handler = getattr(self.currentWidget(), "print_current", None)
        if callable(handler):
            handler()

    def refresh(self, areas: frozenset[str]) -> None:
        for index in range(self.count()):
            refresh = getattr(self.widget(index), "refresh", None)
            if callable(refresh):
                refresh(areas)


def create_page(ctx: AppContext) -> QWidget:
    return ReportsPage(ctx)
