"""Nothing typed in the claim forms is lost without a question: leaving an edit with
unsaved changes (Esc, Batal, or "Ubah klaim…" on another claim) asks to save, discard or go
back; emptying a new claim asks; switching claim type or participant keeps what was typed.
The questions are answered by replacing the ask functions (the real box is driven with keys
in test_keyboard_claims and shown in the screenshot test below)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from branch_desk.services.claims.queries import get_claim
from branch_desk.services.claims.workflow import advance_claim, mark_documents
from branch_desk.ui.claims.confirm import ClaimQuestion, Leave
from branch_desk.ui.claims.intake import set_heir
from tests.support.claims import add_person, jkk_draft
from tests.support.claims_gui import claims_shot, heir_cells, open_claim_editor, open_claim_intake
from tests.support.offices import TODAY

INTAKE = "branch_desk.ui.claims.intake"


def _row(office, number):
    with office.uow("petugas", write=False) as uow:
        return get_claim(uow, number)


def _answers(monkeypatch, name, *answers):
    """Replace the question `name` in the intake module; returns the list of calls made."""
    asked: list[tuple[object, ...]] = []
    queue = list(answers)

    def ask(*args):
        asked.append(args[1:])
        if not queue:
            raise AssertionError(f"{name} asked once too often")
        return queue.pop(0)

    monkeypatch.setattr(f"{INTAKE}.{name}", ask)
    return asked


def _two_drafts(office):
    """Draft JKK claims of two participants."""
    first = jkk_draft(office)
    second = jkk_draft(office, kpj=add_person(office, nik="7309014507850002",
                                               name="Andi Tenri"))
    return first, second


def _ticks(form) -> set[str]:
    return {form.documents.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(form.documents.count())
            if form.documents.item(i).checkState() == Qt.CheckState.Checked}


# --- leaving an edit ------------------------------------------------------------------------

def test_edit_without_changes_closes_without_a_question(qtbot, office, monkeypatch):
    draft = jkk_draft(office)
    page, form = open_claim_editor(qtbot, office, draft.number)
    asked = _answers(monkeypatch, "ask_unsaved_edit")
    assert not form.has_changes()
    form.cancel()
    assert asked == [] and page.editor is None


@pytest.mark.parametrize("how", ["escape", "batal"])
def test_unsaved_edit_asks_and_stays_or_saves(qtbot, office, monkeypatch, how):
    draft = jkk_draft(office)
    page, form = open_claim_editor(qtbot, office, draft.number)
    form.description.setText("Terjatuh di dermaga, tangan kiri patah")
    form.facts.medical.setText("Rp3.100.000")
    asked = _answers(monkeypatch, "ask_unsaved_edit", Leave.STAY, Leave.SAVE)
    leave = form.cancel if how == "escape" else form.clear_button.click
    leave()
    assert asked == [(draft.number,)]
    assert page.editor is form and page.currentWidget() is form  # nothing lost
    assert form.description.text() == "Terjatuh di dermaga, tangan kiri patah"
    leave()  # now "Simpan"
    assert page.editor is None and page.currentIndex() == 0
    row = _row(office, draft.number)
    assert row.description == "Terjatuh di dermaga, tangan kiri patah"
    assert row.total_amount == 3_100_000


def test_unticking_a_ticked_document_again_is_no_change(qtbot, office, monkeypatch):
    draft = jkk_draft(office)
    _page, form = open_claim_editor(qtbot, office, draft.number)
    form.documents.item(1).setCheckState(Qt.CheckState.Checked)
    assert form.has_changes()
    form.documents.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert not form.has_changes()


def test_opening_another_claim_asks_before_replacing_the_open_edit(qtbot, office, monkeypatch):
    first, second = _two_drafts(office)
    page, form = open_claim_editor(qtbot, office, first.number)
    form.place.setText("Dermaga Maros, sisi utara")
    asked = _answers(monkeypatch, "ask_unsaved_edit", Leave.STAY, Leave.DISCARD)
    page.setCurrentIndex(0)
    page.edit_claim(second.number)  # "Ubah klaim…" on the other claim
    assert asked == [(first.number,)]
    assert page.editor is form and page.currentWidget() is form  # the open edit, as typed
    assert form.place.text() == "Dermaga Maros, sisi utara"
    page.setCurrentIndex(0)
    page.edit_claim(first.number)  # the same claim: shown again, nothing asked or reloaded
    assert len(asked) == 1 and page.currentWidget() is form
    assert form.place.text() == "Dermaga Maros, sisi utara"
    page.edit_claim(second.number)  # "Buang perubahan"
    assert page.editor is not form and page.editor.editing.number == second.number
    assert page.count() == 3 and page.tabText(2) == f"Ubah klaim {second.number}"
    assert _row(office, first.number).place == "Pelabuhan Maros"


def test_opening_another_claim_replaces_an_edit_without_changes(qtbot, office, monkeypatch):
    first, second = _two_drafts(office)
    page, _form = open_claim_editor(qtbot, office, first.number)
    asked = _answers(monkeypatch, "ask_unsaved_edit")
    page.edit_claim(second.number)
    assert asked == [] and page.editor.editing.number == second.number and page.count() == 3


# --- a submitted claim edited so that it needs more ----------------------------------------

def _submitted(office):
    draft = jkk_draft(office)
    with office.uow("petugas") as uow:
        mark_documents(uow, number=draft.number, all_received=True, today=TODAY)
        advance_claim(uow, number=draft.number, to="diajukan", today=TODAY)
        uow.commit()
    return draft


def test_edit_needing_documents_goes_back_to_draft_only_when_agreed(qtbot, office,
                                                                    monkeypatch):
    draft = _submitted(office)
    page, form = open_claim_editor(qtbot, office, draft.number)
    form.facts.off_site.setChecked(True)  # surat tugas and laporan polisi now needed
    asked = _answers(monkeypatch, "confirm_back_to_draft", False, True)
    form.save.click()
    assert "dokumen wajib belum diterima: Surat tugas" in asked[0][0]
    assert page.editor is form and form.facts.off_site.isChecked()  # nothing saved or lost
    row = _row(office, draft.number)
    assert row.status == "diajukan" and row.facts["off_site"] is False
    form.save.click()  # "Simpan sebagai draf"
    row = _row(office, draft.number)
    assert row.status == "draft" and row.facts["off_site"] is True
    assert row.events[-1].action == "back_to_draft"
    assert page.editor is None and page.detail.row.status == "draft"
    assert "Belum dapat dilanjutkan" in page.detail.body.toHtml()
    assert "Surat tugas" in page.detail.buttons["diajukan"].toolTip()


# --- the intake form -------------------------------------------------------------------------

def test_clearing_a_typed_intake_asks_first(qtbot, office, monkeypatch):
    kpj = add_person(office)
    _pg, form = open_claim_intake(qtbot, office, kpj, "JKM")
    assert not form.has_changes()  # participant, type and proposals only
    asked = _answers(monkeypatch, "confirm_clear", False, True)
    form.description.setText("Meninggal karena sakit")
    form.clear_button.click()
    assert len(asked) == 1 and form.description.text() == "Meninggal karena sakit"
    form.clear_button.click()
    assert form.description.text() == "" and form.participant.count() == 0
    assert not form.has_changes()


def test_switching_type_and_back_keeps_ticks_and_typed_facts(qtbot, office):
    kpj = add_person(office)
    _pg, form = open_claim_intake(qtbot, office, kpj, "JKM")
    for i in range(form.documents.count()):
        form.documents.item(i).setCheckState(Qt.CheckState.Checked)
    jkm_ticks = _ticks(form)
    assert "akta_kematian" in jkm_ticks
    form.type.setCurrentIndex(form.type.findData("JKK"))
    assert _ticks(form) == {"kpj"}  # the one document the two types share
    form.facts.medical.setText("Rp7.850.000")
    form.type.setCurrentIndex(form.type.findData("JKM"))
    assert _ticks(form) == jkm_ticks  # back as they were ticked
    form.type.setCurrentIndex(form.type.findData("JKK"))
    assert form.facts.medical.text() == "Rp7.850.000"


def test_switching_participant_keeps_what_was_typed(qtbot, office):
    first = add_person(office)
    second = add_person(office, nik="7309014507850002", name="Andi Tenri")
    _pg, form = open_claim_intake(qtbot, office, first, "JKM")
    form.place.setText("Rumah, Desa Mandai")
    set_heir(form.heirs, 0, ("Hasnah", "istri", "BRI", "0123456789"))
    form.documents.item(0).setCheckState(Qt.CheckState.Checked)
    form.search.setText(second)
    form.find_participants()
    assert "Andi Tenri" in form.participant.currentText()
    assert form.place.text() == "Rumah, Desa Mandai"
    assert heir_cells(form) == [("Hasnah", "istri", "BRI", "0123456789")]
    assert "kpj" in _ticks(form) and form.has_changes()


# --- someone to pay, shown before the service refuses -----------------------------------------

def test_missing_heirs_shown_in_the_preview_and_the_detail(qtbot, office):
    kpj = add_person(office)
    page, form = open_claim_intake(qtbot, office, kpj, "JKM")
    form.event_date.setDate(date(2025, 6, 1))
    for i in range(form.documents.count()):
        form.documents.item(i).setCheckState(Qt.CheckState.Checked)
    form.refresh_preview()
    text = form.assessment.text()
    assert "Belum dapat diajukan:</b> belum ada ahli waris penerima manfaat" in text
    set_heir(form.heirs, 0, ("Hasnah", "istri", "BRI", ""))
    form.refresh_preview()
    assert "Hasnah: nomor rekening belum diisi" in form.assessment.text()
    set_heir(form.heirs, 0, ("Hasnah", "istri", "BRI", "0123456789"))
    form.refresh_preview()
    assert "Belum dapat diajukan" not in form.assessment.text()
    set_heir(form.heirs, 0, ("", "", "", ""))
    form.save.click()  # a draft may wait for its heirs
    detail = page.detail
    assert detail.row.documents_complete and detail.row.recipients == ()
    assert not detail.buttons["diajukan"].isEnabled()
    assert "belum ada ahli waris" in detail.buttons["diajukan"].toolTip()
    assert "Belum dapat dilanjutkan" in detail.body.toHtml()


def test_unsaved_question_screenshot(qtbot, office):
    """The real box: Indonesian, Enter and Esc go back to the form (set CLAIMS_SCREENSHOTS
    to save it)."""
    draft = jkk_draft(office)
    _page, form = open_claim_editor(qtbot, office, draft.number)
    box = ClaimQuestion(form, "claim_unsaved_changes").unsaved_edit(draft.number)
    assert sorted(b.text() for b in box.buttons()) == [
        "&Buang perubahan", "&Kembali ke formulir", "&Simpan"]
    assert box.defaultButton() is box.escapeButton()
    assert box.defaultButton().text() == "&Kembali ke formulir"
    claims_shot(box, "claims-unsaved-question.png")
    box.close()
