"""Editing a saved claim in the intake form: the draft's data loaded, changes saved through
`update_claim` and recalculated, a concurrent change refused with the Indonesian message while
what was typed stays, and the action offered only where the role and the state allow it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from branch_desk.services.claims.data import ClaimData, ClaimFactsData
from branch_desk.services.claims.queries import get_claim
from branch_desk.services.claims.workflow import (
    advance_claim,
    mark_documents,
    update_claim,
)
from branch_desk.ui.claims.confirm import Leave
from tests.support.claims import jkk_draft
from tests.support.claims_gui import claims_page, open_claim_editor
from tests.support.offices import TODAY


def _row(office, number):
    with office.uow("petugas", write=False) as uow:
        return get_claim(uow, number)


def test_draft_claim_edited_in_the_intake_form(qtbot, office):
    draft = jkk_draft(office)
    page, form = open_claim_editor(qtbot, office, draft.number)
    assert page.tabText(page.currentIndex()) == f"Ubah klaim {draft.number}"
    # the saved claim is in the form; participant and type cannot change
    assert form.place.text() == "Pelabuhan Maros"
    assert form.facts.medical.text() == "Rp2.400.000"
    assert form.facts.reported_on.date().toPython() == date(2025, 6, 11)
    assert [form.heirs.item(0, c).text() for c in range(4)] == [
        "Daeng Sija", "peserta", "BRI", "0123456789"]
    assert not form.participant.isEnabled() and not form.type.isEnabled()
    kpj_item = form.documents.item(0)
    assert kpj_item.checkState() == Qt.CheckState.Checked
    assert not kpj_item.flags() & Qt.ItemFlag.ItemIsUserCheckable  # received stays received
    assert form.save.text().startswith("Simpan perubahan")

    form.facts.outcome.setCurrentIndex(form.facts.outcome.findData("temporary"))
    form.facts.stmb.setValue(2)
    form.facts.wage.setText("2.500.000")
    form.description.setText("Terjatuh di dermaga, patah kaki")
    form.documents.item(1).setCheckState(Qt.CheckState.Checked)  # KTP handed in now
    qtbot.waitUntil(lambda: "Rp5.000.000" in form.assessment.text())  # live: 2 × 2.500.000
    form.save.click()

    row = _row(office, draft.number)
    assert row.version > draft.version and row.status == "draft"
    assert row.description == "Terjatuh di dermaga, patah kaki"
    assert [(ln.code, ln.amount) for ln in row.lines] == [
        ("JKK_PENGOBATAN", 2_400_000), ("JKK_STMB", 5_000_000)]
    assert [d.key for d in row.documents if d.received] == ["kpj", "ktp"]
    assert any(e.action == "recalculate" and e.username == "petugas" for e in row.events)
    assert page.editor is None and page.currentIndex() == 0  # back to the list
    assert page.detail.row.number == draft.number and page.detail.row.total_amount == 7_400_000


def test_off_site_edit_adds_its_documents(qtbot, office):
    draft = jkk_draft(office)
    _pg, form = open_claim_editor(qtbot, office, draft.number)
    form.facts.off_site.setChecked(True)
    form.save.click()
    keys = [d.key for d in _row(office, draft.number).documents]
    assert keys[-2:] == ["surat_tugas", "laporan_polisi"]


def test_edit_conflict_keeps_what_was_typed(qtbot, office, monkeypatch):
    draft = jkk_draft(office)
    page, form = open_claim_editor(qtbot, office, draft.number)
    form.description.setText("Diketik oleh petugas")
    form.facts.medical.setText("Rp3.100.000")
    # meanwhile a colleague changes the same claim
    with office.uow("petugas2") as uow:
        update_claim(uow, number=draft.number, expected_version=draft.version, today=TODAY,
                     data=ClaimData(participant=draft.participant_id, claim_type="JKK",
                                    event_date=draft.event_date, cause="kerja",
                                    description="Diubah oleh petugas2",
                                    facts=ClaimFactsData(medical_cost=2_600_000)))
        uow.commit()
    shown = []
    monkeypatch.setattr("branch_desk.ui.claims.intake.show_error",
                        lambda _w, exc: shown.append(str(exc)))
    form.save.click()
    assert len(shown) == 1 and "telah diubah oleh petugas2" in shown[0]
    assert "Muat ulang" in shown[0]
    assert form.message.isVisibleTo(form) and form.message.text().startswith(shown[0])
    assert "Isian Anda tetap di sini" in form.message.text()
    assert page.editor is form and page.currentWidget() is form  # still open
    assert form.description.text() == "Diketik oleh petugas"
    assert form.facts.medical.text() == "Rp3.100.000"
    row = _row(office, draft.number)
    assert row.description == "Diubah oleh petugas2"  # nothing overwritten
    assert row.total_amount == 2_600_000


def test_escape_leaves_the_edit_without_saving_once_discarding_is_confirmed(qtbot, office,
                                                                             monkeypatch):
    draft = jkk_draft(office)
    page, form = open_claim_editor(qtbot, office, draft.number)
    form.description.setText("tidak jadi")
    asked = []
    monkeypatch.setattr("branch_desk.ui.claims.intake.ask_unsaved_edit",
                        lambda _w, number: asked.append(number) or Leave.DISCARD)
    form.cancel()
    assert asked == [draft.number]
    assert page.editor is None and page.count() == 2
    assert _row(office, draft.number).description == "Terjatuh di dermaga"


def test_edit_offered_only_while_the_claim_is_editable(qtbot, office):
    draft = jkk_draft(office)
    with office.uow("petugas") as uow:
        mark_documents(uow, number=draft.number, all_received=True, today=TODAY)
        advance_claim(uow, number=draft.number, to="diajukan", today=TODAY)
        uow.commit()
    page = claims_page(qtbot, office, "petugas")
    page.select(draft.number)
    assert page.detail.edit.isEnabled()  # submitted: still editable
    with office.uow("petugas2") as uow:
        advance_claim(uow, number=draft.number, to="diverifikasi", today=TODAY)
        uow.commit()
    page.reload()
    assert page.detail.row.status == "diverifikasi" and not page.detail.edit.isEnabled()


def test_admin_neither_records_nor_edits_claims(qtbot, office):
    draft = jkk_draft(office)
    page = claims_page(qtbot, office, "admin")
    assert not page.isTabEnabled(1)
    page.new_item()
    assert page.currentIndex() == 0
    page.select(draft.number)
    assert page.detail.edit.isHidden() and not page.detail.edit.isEnabled()
