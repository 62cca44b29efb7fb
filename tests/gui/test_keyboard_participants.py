"""The participant form driven with the keyboard only: Tab moves field to field in reading
order, typing fills, arrow keys choose in combos, Space ticks a program, Enter saves and
Esc cancels. The record is checked through the services."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from branch_desk.domain.errors import NotFound
from branch_desk.services.participants.registry import find_participant
from tests.support.gui import answer_next_box, app_context, focused, press, type_text
from tests.support.partners import add_maros

NIK = "7309014507850001"


def open_form(qtbot, office):
    from branch_desk.ui.participants.page import ParticipantsPage

    page = ParticipantsPage(app_context(office))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    form = page.new_participant()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.nik)
    return page, form


def test_participant_form_filled_and_saved_with_the_keyboard(office, qtbot):
    add_maros(office)
    _page, form = open_form(qtbot, office)
    saved = []
    form.saved.connect(saved.append)

    type_text(qtbot, NIK)  # the NIK fills birth date and sex
    assert form.birth_date.date().toPython() == date(1985, 7, 5)
    assert form.sex.currentData() == "P"
    assert press(qtbot, Qt.Key.Key_Tab) is form.name
    type_text(qtbot, "Sitti Aminah")
    assert press(qtbot, Qt.Key.Key_Tab) is form.birth_date
    # Tab walks day → month → year of a date edit (Qt's own behaviour), then leaves it
    assert press(qtbot, Qt.Key.Key_Tab, times=2) is form.birth_date
    assert press(qtbot, Qt.Key.Key_Tab) is form.sex
    assert press(qtbot, Qt.Key.Key_Tab) is form.segment
    assert form.segment.currentData() == "BPU"
    # the occupation combo is editable: its line edit takes the focus
    assert press(qtbot, Qt.Key.Key_Tab) in (form.occupation, form.occupation.lineEdit())
    type_text(qtbot, "Nelayan")
    assert press(qtbot, Qt.Key.Key_Tab) is form.funding
    press(qtbot, Qt.Key.Key_Down)  # from "Mandiri" to the one partner
    assert form.funding.currentData() == "PEMKAB-MAROS"
    # JKK and JKM are always on (disabled); the first box Tab reaches is JHT
    assert press(qtbot, Qt.Key.Key_Tab) is form.programs["JHT"]
    assert not form.programs["JHT"].isChecked()
    press(qtbot, Qt.Key.Key_Space)
    assert form.programs["JHT"].isChecked()
    assert press(qtbot, Qt.Key.Key_Tab) is form.income
    type_text(qtbot, "1500000")
    assert press(qtbot, Qt.Key.Key_Tab) is form.address
    type_text(qtbot, "Jl. Poros Maros Km 5")
    assert press(qtbot, Qt.Key.Key_Tab) is form.village
    type_text(qtbot, "73.09.01.2003")
    assert press(qtbot, Qt.Key.Key_Tab) is form.phone
    type_text(qtbot, "081234567890")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter: the default button, Simpan

    assert form.message.text() == ""
    assert len(saved) == 1 and not form.isVisible()
    with office.uow("petugas", write=False) as uow:
        row = find_participant(uow, NIK)
    assert row.name == "Sitti Aminah" and row.sex == "P"
    assert row.birth_date == date(1985, 7, 5)
    assert row.occupation.lower() == "nelayan"
    assert row.partner_code == "PEMKAB-MAROS"
    assert set(row.programs) == {"JKK", "JKM", "JHT"}
    assert row.income == 1_500_000
    assert row.address == "Jl. Poros Maros Km 5"
    assert row.village_code == "73.09.01.2003" and row.phone == "081234567890"


def test_tab_leaves_the_heirs_table_and_reaches_the_buttons(office, qtbot):
    _page, form = open_form(qtbot, office)
    form.add_heir_row("Baso", "suami")
    form.heirs.setFocus()
    assert press(qtbot, Qt.Key.Key_Tab) is form.findChild(QWidget, "add_heir")
    seen = {press(qtbot, Qt.Key.Key_Tab).objectName() for _ in range(3)}
    assert "save" in seen


def test_enter_with_missing_fields_keeps_the_form_and_says_why(office, qtbot):
    _page, form = open_form(qtbot, office)
    type_text(qtbot, NIK)
    press(qtbot, Qt.Key.Key_Return)
    assert form.isVisible() and form.message.text()
    assert form.nik.text() == NIK  # nothing the officer typed is lost
    with office.uow("petugas", write=False) as uow, pytest.raises(NotFound):
        find_participant(uow, NIK)


def test_escape_cancels_without_saving(office, qtbot):
    _page, form = open_form(qtbot, office)
    type_text(qtbot, NIK)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Sitti Aminah")
    press(qtbot, Qt.Key.Key_Tab, times=6)
    seen = answer_next_box(Qt.Key.Key_Return)  # Esc asks first; Enter goes back
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert seen.name == "unsaved_close_form" and form.isVisible()
    assert form.name.text() == "Sitti Aminah"
    seen = answer_next_box(Qt.Key.Key_B)  # &Buang isian
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert form.result() == form.DialogCode.Rejected
    with office.uow("petugas", write=False) as uow, pytest.raises(NotFound):
        find_participant(uow, NIK)
