"""Mitra & Dokumen page: partner overview, agreement form, PDF preview and print, verify."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from branch_desk.services.partners.registry import add_partner
from branch_desk.services.partners.verification import print_count
from branch_desk.ui.partners.documents import preview_document
from branch_desk.ui.partners.forms import AgreementDialog
from branch_desk.ui.partners.page import PartnersPage
from branch_desk.ui.widgets.pdf_preview import PdfPreviewDialog
from tests.support.gui import app_context
from tests.support.partners import MAROS
from tests.support.pdf import pdf_text

TODAY = date(2025, 6, 16)


@pytest.fixture
def ctx(office):
    with office.uow("admin") as uow:
        add_partner(uow, data=MAROS)
        uow.commit()
    return app_context(office, "kepala")


def _previews() -> list[PdfPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PdfPreviewDialog) and w.isVisible()]


def _fill(qtbot, dialog: AgreementDialog, name: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, name)
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_agreement_form_validates_then_saves(qtbot, ctx):
    dialog = AgreementDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    _fill(qtbot, dialog, "partner_number", "400.5/77/PEM/V/2025")
    _fill(qtbot, dialog, "budget", "Rp2.740.752.000")
    dialog.workers.setValue(13595)
    dialog.groups["non_asn"].setChecked(True)
    ok.click()
    assert dialog.saved is None and "Tempat" in dialog.error.text()
    _fill(qtbot, dialog, "place", "Maros")
    dialog.programs["JKK"].setChecked(False)
    dialog.programs["JKM"].setChecked(False)
    ok.click()
    assert dialog.saved is None and "program" in dialog.error.text()
    dialog.programs["JKK"].setChecked(True)
    dialog.programs["JKM"].setChecked(True)
    qtbot.keyClick(dialog.findChild(QLineEdit, "place"), Qt.Key.Key_Return)  # Enter saves
    assert dialog.saved is not None, dialog.error.text()
    assert dialog.saved.number == "PKS/MRS/2025/000001"
    assert dialog.saved.budget == 2_740_752_000 and dialog.saved.workers == 13595
    assert dialog.saved.groups == ("pekerja_rentan", "non_asn")
    assert dialog.saved.end_date == date(2026, 6, 15)


def test_page_preview_print_and_reprint(qtbot, ctx, tmp_path):
    page = PartnersPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    dialog = AgreementDialog(ctx, page, partner_code="PEMKAB-MAROS", today=TODAY)
    _fill(qtbot, dialog, "place", "Maros")
    dialog.save()
    assert dialog.saved is not None
    page.refresh(frozenset({"agreements"}))
    overview = page.partners.overview
    assert "Pemerintah Kabupaten Maros" in overview.heading.text()
    assert overview.models["Perjanjian kerja sama"].rows[0][0] == "PKS/MRS/2025/000001"
    assert overview.tabs.count() == 5
    tab = page.agreements
    assert tab.model.rowCount() == 1
    tab.view.selectRow(0)
    tab.preview()
    preview = _previews()[-1]
    assert preview.page_count() >= 3
    image = preview.page_image(0)
    assert image.pixelColor(2, 2).name() == "#ffffff"  # painted onto white
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == preview.page_count()
    with ctx.reading() as uow:
        assert print_count(uow, kind="pks", number="PKS/MRS/2025/000001") == 1
    preview.close()
    asked = []
    pdf = (tmp_path / "printed.pdf").read_bytes()
    preview_document(ctx, page, kind="pks", numbers=["PKS/MRS/2025/000001"], pdf=pdf,
                     title="ulang", ask=lambda _p, n, k: asked.append((n, k)) or "rusak")
    again = _previews()[-1]
    printer.setOutputFileName(str(tmp_path / "again.pdf"))
    again.print_to(printer)
    assert asked == [("PKS/MRS/2025/000001", 1)]
    with ctx.reading() as uow:
        assert print_count(uow, kind="pks", number="PKS/MRS/2025/000001") == 2
    again.close()


def _issue_one_certificate(qtbot, ctx) -> PartnersPage:
    """The partners page after issuing a certificate to its first partner (shown in a preview)."""
    page = PartnersPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    certs = page.certificates
    certs.partners.item(0).setCheckState(Qt.CheckState.Checked)
    certs.place.setText("Maros")
    certs.signer.setText("Mintje Wattu")
    certs.issue()
    return page


def test_certificate_batch_and_verify_field(qtbot, ctx, tmp_path):
    page = _issue_one_certificate(qtbot, ctx)
    certs = page.certificates
    preview = _previews()[-1]
    assert preview.page_count() == 1
    assert certs.model.rowCount() == 1
    number = certs.model.rows[0][0]
    path = tmp_path / "p.pdf"
    path.write_bytes(bytes(preview._bytes.data()))
    assert number in pdf_text(path.read_bytes(), tmp_path)
    preview.close()
    verify = page.verify
    qtbot.keyClicks(verify.input, number)
    qtbot.keyClick(verify.input, Qt.Key.Key_Return)
    assert "ASLI" in verify.result.text() and verify.genuine
    assert "Jumlah pekerja:" in verify.result.text() and "pekerja:" not in \
        verify.result.text().replace("Jumlah pekerja:", "")  # words, not the stored keys
    verify.input.setText(number + "9")
    verify.check()
    assert not verify.genuine and "tidak dikenal" in verify.result.text()


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_verify_field_reads_in_english(qtbot, ctx, language):
    """Issue 19: the verification's verdict and what the paper states, in English."""
    page = _issue_one_certificate(qtbot, ctx)
    _previews()[-1].close()
    page.verify.input.setText(page.certificates.model.rows[0][0])
    page.verify.check()
    shown = page.verify.result.text()
    assert page.verify.genuine and "Number of workers:" in shown and "Benefits paid:" in shown
    assert not {"ASLI", "Jumlah", "Manfaat", "Tanggal", "Mitra"} & set(
        re.findall(r"[A-Za-z]+", shown))
