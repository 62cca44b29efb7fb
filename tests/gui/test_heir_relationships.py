"""Heirs' and recipients' relationships are chosen from a list and shown in the interface
language, while the rules keep reading the stored Indonesian word: an English officer's "wife"
is the widow of the heirs' order, never a stranger to it (issue 18 item 13, English mode)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QComboBox, QPushButton

from branch_desk.services.claims.queries import get_claim
from branch_desk.services.participants.detail import participant_detail
from branch_desk.ui.claims.recipients import RELATIONSHIP_COLUMN, set_heir
from branch_desk.ui.participants.form import ParticipantForm
from tests.support.claims import add_husband
from tests.support.claims_gui import heir_cells, open_claim_intake
from tests.support.gui import app_context
from tests.support.screenshots import save_shot
from tests.support.walk import SCREEN, window_problems

WOMAN_NIK = "7309014507850001"  # born 5 July 1985, a woman (day + 40)


def _relationship(form: ParticipantForm, row: int) -> QComboBox:
    combo = form.heirs.cellWidget(row, 1)
    assert isinstance(combo, QComboBox)
    return combo


def _woman_on_the_form(qtbot, office) -> ParticipantForm:
    form = ParticipantForm(app_context(office))
    qtbot.addWidget(form)
    form.nik.setText(WOMAN_NIK)  # sets the sex: Perempuan
    form.name.setText("Sitti Aminah")
    form.village.setText("73.09.01.2003")
    return form


@pytest.mark.parametrize("language", ["id", "en"], indirect=True)
def test_a_womans_first_heir_is_her_husband_shown_in_the_interface_language(
        qtbot, office, language, tmp_path):
    form = _woman_on_the_form(qtbot, office)
    form.findChild(QPushButton, "add_heir").click()  # the click's flag is no name
    form.heirs.item(0, 0).setText("Baso Lallo")
    form.add_heir_row("Nur Aisyah")
    first, second = _relationship(form, 0), _relationship(form, 1)
    assert (first.currentData(), second.currentData()) == ("suami", "anak")
    assert first.currentText() == {"id": "suami", "en": "husband"}[language]
    form.resize(640, 720)  # as the form opens, on a 1366×768 screen
    form.show()
    qtbot.wait(50)
    save_shot(form, f"peserta-ahli-waris-{language}.png", tmp_path)
    problems = window_problems(form, f"peserta-ahli-waris-{language}", SCREEN,
                               language=language)
    assert not problems, problems
    offered = {first.itemText(i) for i in range(first.count())}
    assert ("wife" in offered) is (language == "en")
    assert ("istri" in offered) is (language == "id")
    row = form.save()
    assert row is not None
    with office.uow(write=False) as uow:
        heirs = {h.name: h.relationship for h in participant_detail(uow, row.id).heirs}
    assert heirs == {"Baso Lallo": "suami", "Nur Aisyah": "anak"}


def test_a_mans_first_heir_is_his_wife(qtbot, office):
    form = ParticipantForm(app_context(office))
    qtbot.addWidget(form)
    form.nik.setText("7309010101800004")
    form.add_heir_row("Hasnah")
    assert _relationship(form, 0).currentData() == "istri"


def _choose(form, row: int, word: str) -> None:
    """The officer opens the relationship cell (F2), picks `word` and presses Enter."""
    table = form.heirs
    table.setCurrentCell(row, RELATIONSHIP_COLUMN)
    table.editItem(table.item(row, RELATIONSHIP_COLUMN))
    editor = table.findChild(QComboBox, "claim_heir_relationship")
    assert editor is not None
    editor.setCurrentIndex(editor.findData(word))
    table.commitData(editor)
    table.closeEditor(editor, table.itemDelegate().EndEditHint.NoHint)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_an_english_officer_pays_the_wife_in_the_heirs_order(qtbot, office, language):
    page, form = open_claim_intake(qtbot, office, add_husband(office), "JKM")
    form.event_date.setDate(date(2025, 6, 1))
    form.refresh_preview()
    assert heir_cells(form)[0][:2] == ("Hasnah", "wife")  # the registered widow, in English
    assert form.recipients.cells()[0][1] == "istri"
    _choose(form, 0, "saudara kandung")
    assert heir_cells(form)[0][1] == "sibling"
    form.refresh_preview()
    assert form.recipients.reason.isVisibleTo(form)  # a sibling while the widow exists
    _choose(form, 0, "istri")
    set_heir(form.heirs, 0, ("Hasnah", "istri", "BRI", "0123456789"))
    form.refresh_preview()
    assert not form.recipients.reason.isVisibleTo(form)
    assert form.submit()
    with office.uow(write=False) as uow:
        saved = get_claim(uow, page.detail.row.number)
    assert [(r.name, r.relationship) for r in saved.recipients] == [("Hasnah", "istri")]
    assert "Hasnah (wife)" in page.detail.body.toPlainText()


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_a_relationship_typed_in_either_language_is_read_as_the_word(qtbot, office, language):
    """A cell holding "Wife" or " ISTRI " (pasted, or a claim saved before the list) is the
    widow; a word outside the list stays as typed for the heirs' order to judge."""
    _page, form = open_claim_intake(qtbot, office, add_husband(office), "JKM")
    table = form.heirs
    for typed, read in (("Wife", "istri"), (" ISTRI ", "istri"), ("keponakan", "keponakan")):
        set_heir(table, 0, ("Hasnah", "", "BRI", "0123456789"))
        table.item(0, RELATIONSHIP_COLUMN).setText(typed)
        assert form.recipients.cells()[0][1] == read
    table.setCurrentCell(0, RELATIONSHIP_COLUMN)
    table.editItem(table.item(0, RELATIONSHIP_COLUMN))
    editor = table.findChild(QComboBox, "claim_heir_relationship")
    assert editor.currentText() == "keponakan"  # kept, not replaced by the first choice
    assert editor.itemData(0) == ""  # a blank choice first, to clear the cell
