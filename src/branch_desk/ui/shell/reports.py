"""Laporan: one tab per report, each contributed by its area's module."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from branch_desk.ui.claims import recap_report
from branch_desk.ui.contributions import coverage_report
from branch_desk.ui.partners import agreements_report
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.sync import hub_report

# Each tab's factory returns its title and widget.
REPORT_TABS: tuple[Callable[[AppContext], tuple[str, QWidget]], ...] = (
    coverage_report.create_tab,
    recap_report.create_tab,
    agreements_report.create_tab,
    hub_report.create_tab,
)


class ReportsPage(QTabWidget):
    """Tabs of reports; refreshes the tabs that can."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        for create_tab in REPORT_TABS:
            title, widget = create_tab(ctx)
            self.addTab(widget, title)

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
