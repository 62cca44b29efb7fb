"""The Klaim page driven like an officer and a supervisor would: intake through payment."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from branch_desk.ui.claims.intake import set_heir
from branch_desk.ui.claims.recap_report import ClaimsRecapTab
from tests.support.claims import add_person
from tests.support.claims_gui import claims_page, claims_shot
from tests.support.gui import app_context
from tests.support.offices import TODAY


def _intake_of_a_participant(qtbot, office):
    """The petugas's claims page on its intake tab, a participant found by KPJ."""
    kpj = add_person(office)
    page = claims_page(qtbot, office, "petugas")
    page.setCurrentIndex(1)
    page.intake.search.setText(kpj)
    qtbot.keyClick(page.intake.search, Qt.Key.Key_Return)
    return page


def test_intake_through_payment(qtbot, office, tmp_path):
    page = _intake_of_a_participant(qtbot, office)
    form = page.intake
    assert form.participant.count() == 1 and "Daeng Sija" in form.participant.currentText()
    form.type.setCurrentIndex(form.type.findData("JKM"))
    form.event_date.setDate(date(2025, 6, 1))
    set_heir(form.heirs, 0, ("Hasnah", "istri", "BRI", "0123456789"))
    form.refresh_preview()
    text = form.assessment.text()
    assert "Memenuhi syarat" in text and "Rp42.000.000" in text and "Rp20.000.000" in text
    form.documents.item(0).setCheckState(Qt.CheckState.Checked)
    claims_shot(page, "claims-intake.png")
    form.save.click()
    assert page.currentIndex() == 0 and page.model.rowCount() == 1
    detail = page.detail
    assert detail.row.number == "JKM/MRS/2025/000001"
    assert detail.row.documents[0].received and not detail.row.documents_complete
    assert not detail.buttons["diajukan"].isEnabled()  # documents incomplete
    assert not detail.buttons["disetujui"].isEnabled()
    detail.all_docs.click()
    assert detail.buttons["diajukan"].isEnabled()
    detail.buttons["diajukan"].click()
    assert detail.row.status == "diajukan"
    assert not detail.buttons["diverifikasi"].isEnabled()  # the creator may not verify

    other = claims_page(qtbot, office, "petugas2")
    other.select("JKM/MRS/2025/000001")
    assert other.detail.buttons["diverifikasi"].isEnabled()
    other.detail.buttons["diverifikasi"].click()
    assert other.detail.row.status == "diverifikasi"
    assert not other.detail.buttons["disetujui"].isEnabled()  # petugas never approves

    boss = claims_page(qtbot, office, "kepala")
    boss.select("JKM/MRS/2025/000001")
    assert boss.detail.buttons["disetujui"].isEnabled()
    boss.detail.buttons["disetujui"].click()
    assert boss.detail.row.status == "disetujui"

    page.reload()
    page.select("JKM/MRS/2025/000001")
    detail.ask = lambda title, label: "TRF-BRI-0001"
    detail.buttons["dibayar"].click()
    assert detail.row.status == "dibayar" and detail.row.transfer_reference == "TRF-BRI-0001"
    claims_shot(page, "claims-detail.png")
    detail.ask_path = lambda name: tmp_path / name
    written = detail.print_pdf("statement")
    assert written is not None and written.read_bytes().startswith(b"%PDF")
    page.state.setCurrentIndex(page.state.findData("dibayar"))
    assert page.model.rowCount() == 1
    page.state.setCurrentIndex(page.state.findData("draft"))
    assert page.model.rowCount() == 0


def test_supervisor_cannot_approve_claim_they_created(qtbot, office):
    kpj = add_person(office)
    page = claims_page(qtbot, office, "kepala")
    form = page.intake
    form.search.setText(kpj)
    form.find_participants()
    form.type.setCurrentIndex(form.type.findData("JKM"))
    form.event_date.setDate(date(2025, 6, 1))
    set_heir(form.heirs, 0, ("Hasnah", "istri", "BRI", "0123456789"))
    for i in range(form.documents.count()):
        form.documents.item(i).setCheckState(Qt.CheckState.Checked)
    form.submit()
    page.detail.buttons["diajukan"].click()
    petugas = claims_page(qtbot, office, "petugas")
    petugas.select(page.detail.row.number)
    petugas.detail.buttons["diverifikasi"].click()
    page.reload()
    page.select(petugas.detail.row.number)
    assert page.detail.row.status == "diverifikasi"
    assert not page.detail.buttons["disetujui"].isEnabled()
    assert page.detail.buttons["ditolak"].isEnabled()


def test_recap_tab(qtbot, office, tmp_path):
    kpj = add_person(office)
    from branch_desk.services.claims.workflow import new_claim
    from tests.support.claims import jkm_data

    with office.uow("petugas") as uow:
        new_claim(uow, data=jkm_data(kpj), today=TODAY)
        uow.commit()
    tab = ClaimsRecapTab(app_context(office, "kepala"))
    qtbot.addWidget(tab)
    tab.resize(1200, 500)
    tab.date_from.setDate(date(2025, 1, 1))
    tab.date_to.setDate(date(2025, 12, 31))
    tab.show_recap()
    assert tab.recap.count == 1 and tab.recap.total == 42_000_000
    assert tab.table.item(0, 0).text() == "JKM" and tab.table.item(0, 6).text() == "Rp42.000.000"
    claims_shot(tab, "claims-recap.png")
    tab.ask_path = lambda name: tmp_path / name
    assert tab.save("xlsx").exists() and tab.save("pdf").read_bytes().startswith(b"%PDF")


def _saved_jkm_claim(qtbot, office, heir: tuple[str, str, str, str]):
    """The petugas's claims page after saving a JKM claim with `heir` as its recipient."""
    page = _intake_of_a_participant(qtbot, office)
    form = page.intake
    form.type.setCurrentIndex(form.type.findData("JKM"))
    form.event_date.setDate(date(2025, 6, 1))
    set_heir(form.heirs, 0, heir)
    form.save.click()
    return page


def test_claim_detail_shows_typed_markup_as_text(qtbot, office):
    """A recipient's name and account typed (or synced from another office) as markup are
    shown as the characters they are: no bold, no link, no fake line in the claim."""
    crafted = "<b>Hasnah</b><a href='file:///etc/passwd'>x</a>"
    page = _saved_jkm_claim(qtbot, office, (crafted, "istri", "<i>BRI</i>", "0123456789"))
    body = page.detail.body
    assert crafted in body.toPlainText() and "<i>BRI</i>" in body.toPlainText()
    assert "<b>Hasnah</b>" not in body.toHtml() and "file:///etc/passwd" not in \
        body.toHtml().replace("file:///etc/passwd'&gt;", "")


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_claim_documents_read_in_english(qtbot, office, language):
    """Issue 19: a claim's documents (the intake checklist and the detail) in English."""
    page = _saved_jkm_claim(qtbot, office, ("Hasnah", "istri", "BRI", "0123456789"))
    shown = page.detail.body.toPlainText()
    assert "Member card (KPJ)" in shown and "Death certificate" in shown
    assert "Kartu peserta" not in shown and "Akta" not in shown
    page.setCurrentIndex(1)
    form = page.intake
    form.type.setCurrentIndex(form.type.findData("JKK"))
    listed = [form.documents.item(i).text() for i in range(form.documents.count())]
    assert "Attendance list on the day of the event" in listed
    assert not [text for text in listed if "Daftar" in text or "Kuitansi" in text]
