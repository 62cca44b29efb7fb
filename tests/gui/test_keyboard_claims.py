"""The claim intake form driven with the keyboard only: the participant is found with Enter,
the claim type chosen with the arrow keys, the event date typed, an heir entered in the
table with arrows and Enter, documents ticked with Space, and Enter on Simpan saves.
Esc empties the form without saving, after asking when something was typed (Enter and Esc
in the question keep the form). Everything is checked through the services."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from branch_desk.domain.claim_rules import ClaimType
from branch_desk.services.claims.queries import get_claim, list_claims
from tests.support.claims import add_person
from tests.support.gui import answer_next_box, app_context, focused, press, stop_timers, type_text
from tests.support.offices import TODAY


def open_intake(qtbot, office):
    from branch_desk.ui.claims.page import ClaimsPage

    page = ClaimsPage(app_context(office, "petugas"), today=TODAY)
    qtbot.addWidget(page, before_close_func=stop_timers)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.new_item()  # what Ctrl+N does on this page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.intake.search)
    return page, page.intake


def claims(office):
    with office.uow("petugas", write=False) as uow:
        return list_claims(uow)


def test_claim_intake_filled_and_saved_with_the_keyboard(office, qtbot):
    kpj = add_person(office)
    page, form = open_intake(qtbot, office)

    type_text(qtbot, kpj)
    press(qtbot, Qt.Key.Key_Return)  # Enter finds the participant
    assert form.participant.count() == 1 and "Daeng Sija" in form.participant.currentText()
    assert focused() is form.search
    assert press(qtbot, Qt.Key.Key_Tab).objectName() == "claim_find"
    assert press(qtbot, Qt.Key.Key_Tab) is form.participant
    assert press(qtbot, Qt.Key.Key_Tab) is form.type
    assert form.type.currentData() == ClaimType.JKK.value
    press(qtbot, Qt.Key.Key_Down)  # JKK → JKM
    assert form.type.currentData() == ClaimType.JKM.value
    assert press(qtbot, Qt.Key.Key_Tab) is form.event_date
    type_text(qtbot, "01062025")  # day, month and year sections fill in turn
    assert form.event_date.date().toPython() == date(2025, 6, 1)
    assert press(qtbot, Qt.Key.Key_Tab) is form.cause  # the date edit gives up the focus
    assert press(qtbot, Qt.Key.Key_Tab) is form.place
    type_text(qtbot, "Rumah, Desa Mandai")
    assert press(qtbot, Qt.Key.Key_Tab) is form.description
    type_text(qtbot, "Meninggal karena sakit")
    # JKM shows no benefit facts: the next stop is the heirs table
    assert press(qtbot, Qt.Key.Key_Tab) is form.heirs
    for column, value in enumerate(("Hasnah", "istri", "BRI", "0123456789")):
        if column:
            press(qtbot, Qt.Key.Key_Right)
        type_text(qtbot, value)  # typing opens the cell editor
        press(qtbot, Qt.Key.Key_Return)  # Enter closes it
    assert [form.heirs.item(0, c).text() for c in range(4)] == [
        "Hasnah", "istri", "BRI", "0123456789"]
    assert press(qtbot, Qt.Key.Key_Tab).objectName() == "claim_add_heir"
    assert press(qtbot, Qt.Key.Key_Tab) is form.documents
    for row in range(form.documents.count()):
        if row:
            press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Space)  # tick the document as received
    assert all(form.documents.item(i).checkState() == Qt.CheckState.Checked
               for i in range(form.documents.count()))
    press(qtbot, Qt.Key.Key_Tab)  # Kosongkan
    assert press(qtbot, Qt.Key.Key_Tab) is form.save
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter on Simpan

    saved = claims(office)
    assert len(saved) == 1
    with office.uow("petugas", write=False) as uow:
        row = get_claim(uow, saved[0].number)
    assert row.claim_type == "JKM" and row.kpj == kpj
    assert row.event_date == date(2025, 6, 1) and row.place == "Rumah, Desa Mandai"
    assert row.description == "Meninggal karena sakit"
    assert [(r.name, r.relationship, r.bank_name, r.bank_account) for r in row.recipients] == [
        ("Hasnah", "istri", "BRI", "0123456789")]
    assert row.documents_complete and row.eligible
    assert page.currentIndex() == 0 and page.detail.row.number == row.number


def test_enter_in_a_text_field_saves_the_claim(office, qtbot):
    kpj = add_person(office)
    _page, form = open_intake(qtbot, office)
    type_text(qtbot, kpj)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab, times=3)
    press(qtbot, Qt.Key.Key_Down)  # JKM
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "01062025")
    press(qtbot, Qt.Key.Key_Tab, times=3)
    assert focused() is form.description
    type_text(qtbot, "Dicatat dengan Enter")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    saved = claims(office)
    assert len(saved) == 1
    with office.uow("petugas", write=False) as uow:
        assert get_claim(uow, saved[0].number).description == "Dicatat dengan Enter"


def _back_in(qtbot, page) -> None:
    """The page's window active again once the question box has closed."""
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)


def test_escape_empties_the_intake_without_saving_once_confirmed(office, qtbot):
    kpj = add_person(office)
    page, form = open_intake(qtbot, office)
    type_text(qtbot, kpj)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab, times=3)
    press(qtbot, Qt.Key.Key_Down)
    # the date edit, its month and year sections, the cause, then the place
    assert press(qtbot, Qt.Key.Key_Tab, times=5) is form.place
    type_text(qtbot, "Rumah")
    assert form.place.text() == "Rumah"
    # Esc asks first; Enter (the default answer) goes back to the form, nothing lost
    seen = answer_next_box(Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert seen.name == "claim_confirm_clear" and seen.title == "Kosongkan formulir?"
    assert seen.default == "&Kembali ke formulir"
    assert form.place.text() == "Rumah" and form.participant.count() == 1
    _back_in(qtbot, page)
    seen = answer_next_box(Qt.Key.Key_Escape)  # Esc in the box: the form again
    qtbot.keyClick(form.place, Qt.Key.Key_Escape)
    assert seen.name and form.place.text() == "Rumah"
    _back_in(qtbot, page)
    seen = answer_next_box(Qt.Key.Key_O)  # K&osongkan
    qtbot.keyClick(form.place, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: form.place.text() == "")
    assert form.participant.count() == 0
    _back_in(qtbot, page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.search)
    assert claims(office) == []
    # an empty form (or one with only what the form proposed) is emptied without a question
    type_text(qtbot, kpj)
    press(qtbot, Qt.Key.Key_Return)
    assert form.participant.count() == 1 and not form.has_changes()
    press(qtbot, Qt.Key.Key_Escape)
    assert form.participant.count() == 0
