"""Iuran: take a payment, Pemda bills, who is due and in arrears."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from branch_desk.services import clock
from branch_desk.ui.contributions.bills import BillsPanel
from branch_desk.ui.contributions.construction import ConstructionPanel
from branch_desk.ui.contributions.due import DuePanel
from branch_desk.ui.contributions.payment_form import PaymentForm
from branch_desk.ui.shell.context import AppContext


class ContributionsPage(QTabWidget):
    def __init__(self, ctx: AppContext, today_fn=clock.today) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.payment = PaymentForm(ctx, today_fn)
        self.bills = BillsPanel(ctx, today_fn)
        self.due = DuePanel(ctx, today_fn)
        self.construction = ConstructionPanel(ctx, today_fn)
        self.addTab(self.payment, self.tr("Pembayaran"))
        self.addTab(self.bills, self.tr("Tagihan Pemda"))
        self.addTab(self.due, self.tr("Jatuh tempo && tunggakan"))
        self.addTab(self.construction, self.tr("Jasa konstruksi"))
        self.currentChanged.connect(self._shown)

    def _shown(self, index: int) -> None:
        if self.widget(index) is self.due:
            self.due.reload()

    # --- page shortcuts (branch_desk.ui.shell.shortcuts) ---------------------------------------

    def new_item(self) -> None:
        """Ctrl+N: a new payment (the payment tab, emptied, cursor on NIK/KPJ)."""
        self.setCurrentWidget(self.payment)
        self.payment.clear()

    def focus_search(self) -> None:
        """Ctrl+F: the participant field of the payment tab, or the partner of the bills."""
        target = self.bills.partner if self.currentWidget() is self.bills else \
            self.payment.lookup
        if self.currentWidget() is self.due:
            self.setCurrentWidget(self.payment)
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def print_current(self) -> None:
        """Ctrl+P: the invoice of the selected bill, else the last payment's kwitansi."""
        if self.currentWidget() is self.bills:
            self.bills.preview_invoice()
        else:
            self.payment.preview_receipt()

    def unsaved_work(self) -> list[str]:
        """The payment being entered, when it is not saved."""
        if self.payment.has_changes():
            return [self.tr("Pembayaran iuran yang belum disimpan (tab Pembayaran)")]
        return []

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & {"contributions", "participants", "partners"}:
            self.bills.reload()
            if self.currentWidget() is self.due:
                self.due.reload()


def create_page(ctx: AppContext) -> QWidget:
    return ContributionsPage(ctx)
