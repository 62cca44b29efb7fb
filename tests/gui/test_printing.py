"""Every document the program produces opens in the preview with Cetak: kwitansi (A5 and A4),
invoice, claim receipt, member cards, claims recap and
Monev. `show_pdf` (the window) is replaced to capture the PDF it would show; the PDF itself
is real and read back."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from branch_desk.services.partners.verification import print_count
from tests.support.contributions import nik, pemda, person
from tests.support.gui import app_context
from tests.support.offices import TODAY

PAPERS = {"A5": (419.5, 595.3), "A4": (595.3, 841.9)}


class Shown(list):
    """Captured (pdf bytes, title, on_print) of every preview opened."""

    def __call__(self, parent, pdf, title, *, on_print=None):
        self.append((bytes(pdf), title, on_print))


@pytest.fixture
def shown(monkeypatch):
    capture = Shown()
    for module in ("branch_desk.ui.widgets.pdf_preview", "branch_desk.ui.partners.documents",
                   "branch_desk.ui.participants.page",
                   "branch_desk.ui.contributions.payment_form"):
        monkeypatch.setattr(f"{module}.show_pdf", capture)
    return capture


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _paper(pdf: bytes) -> str:
    """A4 or A5 (either orientation) of the first page; anything else as its size."""
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    size = sorted((float(box.width), float(box.height)))
    for name, (short, long) in PAPERS.items():
        if abs(size[0] - short) < 2 and abs(size[1] - long) < 2:
            return name
    return f"{size[0]:.0f}x{size[1]:.0f}"


def test_receipt_preview_on_a5_and_a4(office, qtbot, shown):
    from branch_desk.ui.contributions.page import ContributionsPage

    person(office, 1)
    page = ContributionsPage(app_context(office), today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    form = page.payment
    preview = form.findChild(QPushButton, "pay_preview")
    assert not preview.isEnabled()  # nothing paid yet
    qtbot.keyClicks(form.lookup, nik(1))
    qtbot.keyClick(form.lookup, Qt.Key.Key_Return)
    qtbot.keyClick(form.payer, Qt.Key.Key_Return)  # Enter saves the payment
    assert preview.isEnabled() and form.paper.currentData() == "A5"  # receipts: A5 first
    page.print_current()  # what Ctrl+P does on this page
    pdf, title, _ = shown[-1]
    assert "KWT/MRS/2025/000001" in title and "KWT/MRS/2025/000001" in _text(pdf)
    assert _paper(pdf) == "A5"
    form.paper.setCurrentIndex(form.paper.findData("A4"))
    preview.click()
    pdf, _title, _ = shown[-1]
    assert _paper(pdf) == "A4"
    with office.uow("petugas", write=False) as uow:  # each kwitansi written is counted
        assert print_count(uow, kind="kwitansi", number="KWT/MRS/2025/000001") == 2


def test_invoice_preview(office, qtbot, shown):
    from branch_desk.ui.contributions.page import ContributionsPage

    code = pemda(office)
    person(office, 1, partner_code=code, tmt=date(2025, 1, 2))
    page = ContributionsPage(app_context(office), today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    page.setCurrentWidget(page.bills)
    page.bills.findChild(QPushButton, "bill_build").click()
    page.bills.table.selectRow(0)
    page.print_current()
    pdf, title, _ = shown[-1]
    assert "TGH/MRS/2025/000001" in title and "TGH/MRS/2025/000001" in _text(pdf)


def test_claim_receipt_and_recap_preview(office, qtbot, shown):
    from branch_desk.services.claims.workflow import new_claim
    from branch_desk.ui.claims.page import ClaimsPage
    from branch_desk.ui.claims.recap_report import ClaimsRecapTab
    from tests.support.claims import add_person, jkm_data

    kpj = add_person(office)
    with office.uow("petugas") as uow:
        number = new_claim(uow, data=jkm_data(kpj), today=TODAY).number
        uow.commit()
    page = ClaimsPage(app_context(office), today=TODAY)
    qtbot.addWidget(page)
    page.select(number)
    page.print_current()  # Ctrl+P: the receipt of a claim not yet approved
    pdf, title, _ = shown[-1]
    assert number in title and number in _text(pdf)
    page.detail.findChild(QPushButton, "claim_receipt").click()
    assert len(shown) == 2
    recap = ClaimsRecapTab(app_context(office))
    qtbot.addWidget(recap)
    recap.date_from.setDate(date(2025, 1, 1))
    recap.findChild(QPushButton, "recap_preview").click()
    pdf, title, _ = shown[-1]
    assert title == "Rekap klaim" and "JKM" in _text(pdf)


def test_cards_and_monev_preview(office, qtbot, shown):
    from branch_desk.ui.contributions.coverage_report import CoverageTab
    from branch_desk.ui.participants.page import ParticipantsPage

    for n in (1, 2):
        person(office, n)
    page = ParticipantsPage(app_context(office))
    qtbot.addWidget(page)
    page.print_current()  # nothing selected: the cards of the whole list
    pdf, title, _ = shown[-1]
    assert title == "Kartu peserta" and _paper(pdf) == "A4"  # ten cards per A4 sheet
    page.table.selectRow(0)
    page.print_current()  # the selected participant's own card
    pdf, title, _ = shown[-1]
    kpj = page.list_model.row_at(0).kpj
    assert kpj in title and kpj in _text(pdf).replace(" ", "")
    tab = CoverageTab(app_context(office), as_of=TODAY)
    qtbot.addWidget(tab)
    tab.findChild(QLineEdit, "coverage_region").setText("73.09")
    tab.findChild(QPushButton, "coverage_monev_preview").click()
    pdf, title, _ = shown[-1]
    assert title.startswith("Laporan Monev")
    assert "LAPORAN MONITORING DAN EVALUASI" in _text(pdf)


def test_the_receipts_of_a_day_are_one_document(office, qtbot, shown):
    from branch_desk.services.contributions.payments import record_payment
    from branch_desk.ui.contributions.page import ContributionsPage

    for serial, day in ((41, TODAY), (42, TODAY), (43, TODAY), (44, date(2025, 6, 2))):
        pid = person(office, serial)
        with office.uow("petugas") as uow:
            record_payment(uow, participant_id=pid, first_month=date(2025, 1, 1), months=1,
                           payer="Sendiri", paid_on=day)
            uow.commit()
    page = ContributionsPage(app_context(office), today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    page.payment.findChild(QPushButton, "pay_day").click()
    pdf, title, _ = shown[-1]
    assert title == "Kwitansi 16 Juni 2025"
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 3  # one job: the three payments of that day, one a page
    assert _text(pdf).count("KWITANSI PEMBAYARAN IURAN") == 3
    with office.uow("petugas", write=False) as uow:
        assert print_count(uow, kind="kwitansi", number="KWT/MRS/2025/000001") == 1
