"""Mitra & Dokumen: partners with their overview, agreements (PKS), certificates, verification."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QWidget

from branch_desk.ui.partners.document_tabs import AgreementsTab, CertificatesTab, VerifyTab
from branch_desk.ui.partners.partner_tab import PartnersTab
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.widgets.unsaved import open_forms_of


class PartnersPage(QTabWidget):
    """Four tabs; each refreshes when the areas it shows change."""

    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.partners = PartnersTab(ctx)
        self.agreements = AgreementsTab(ctx, today=today)
        self.certificates = CertificatesTab(ctx, today=today)
        self.verify = VerifyTab(ctx)
        self.addTab(self.partners, self.tr("Mitra"))
        self.addTab(self.agreements, self.tr("Perjanjian kerja sama (PKS)"))
        self.addTab(self.certificates, self.tr("Piagam penghargaan"))
        self.addTab(self.verify, self.tr("Verifikasi dokumen"))

    # --- page shortcuts (branch_desk.ui.shell.shortcuts) ---------------------------------------

    def new_item(self) -> None:
        """Ctrl+N: a new partner on the Mitra tab, a new PKS on the PKS tab."""
        if self.currentWidget() is self.agreements:
            self.agreements.new()
        elif self.currentWidget() is self.partners:
            self.partners.add()

    def print_current(self) -> None:
        """Ctrl+P: the selected PKS or piagam in the preview."""
        if self.currentWidget() is self.agreements:
            self.agreements.preview()
        elif self.currentWidget() is self.certificates:
            self.certificates.reprint()

    def unsaved_work(self) -> list[str]:
        """An open partner or agreement form with something typed in it."""
        return open_forms_of(self)

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & {"partners", "participants", "contributions", "claims", "agreements",
                    "certificates"}:
            self.partners.reload()
            self.partners.show_selected()
        self.agreements.refresh(areas)
        self.certificates.refresh(areas)


def create_page(ctx: AppContext) -> QWidget:
    return PartnersPage(ctx)
