"""Iuran: take a payment, Pemda bills, who is due and in arrears."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QWidget

from branch_desk.domain.dates import to_local
from branch_desk.ui.context import AppContext
from branch_desk.ui.contributions.bills import BillsPanel
from branch_desk.ui.contributions.due import DuePanel
from branch_desk.ui.contributions.payment_form import PaymentForm


def _today() -> date:
    from branch_desk.db.base import utcnow

    return to_local(utcnow()).date()


class ContributionsPage(QTabWidget):
    def __init__(self, ctx: AppContext, today_fn=_today) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.payment = PaymentForm(ctx, today_fn)
        self.bills = BillsPanel(ctx, today_fn)
        self.due = DuePanel(ctx, today_fn)
        self.addTab(self.payment, self.tr("Pembayaran"))
        self.addTab(self.bills, self.tr("Tagihan Pemda"))
        self.addTab(self.due, self.tr("Jatuh tempo && tunggakan"))
        self.currentChanged.connect(self._shown)

    def _shown(self, index: int) -> None:
        if self.widget(index) is self.due:
            self.due.reload()

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & {"contributions", "participants", "partners"}:
            self.bills.reload()
            if self.currentWidget() is self.due:
                self.due.reload()


def create_page(ctx: AppContext) -> QWidget:
    return ContributionsPage(ctx)
