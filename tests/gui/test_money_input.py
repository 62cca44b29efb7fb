"""Amounts typed in the program are read the way the interface shows them (Rp1.204.000 in
Indonesian, Rp1,204,000 in English), whole rupiah only; anything else is refused with the
text quoted, never read as another number, and nothing is saved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from branch_desk.db.models.participants import Participant
from branch_desk.domain.errors import ValidationError
from branch_desk.ui.claims.widgets import MoneyEdit
from branch_desk.ui.participants.form import ParticipantForm
from branch_desk.ui.widgets.formatting import parse_money
from tests.support.gui import app_context


@pytest.mark.parametrize(("language", "typed", "value"), [
    ("id", "Rp1.204.000", 1_204_000), ("id", "1.500.000,00", 1_500_000),
    ("id", "1204000", 1_204_000), ("en", "Rp1,204,000", 1_204_000),
    ("en", "1,500,000.00", 1_500_000), ("en", "1204000", 1_204_000), ("en", "1,000", 1_000),
], indirect=["language"])
def test_amounts_are_read_the_way_the_interface_writes_them(language, typed, value):
    assert parse_money(typed) == value


@pytest.mark.parametrize(("language", "typed"), [
    ("id", "1,000"), ("id", "Rp 1,5 juta"), ("id", "1.5"), ("en", "1.500.000"),
    ("en", "1,5"), ("en", "12.50"), ("en", "Rp 1.5 million"),
], indirect=["language"])
def test_anything_else_is_refused_quoting_what_was_typed(language, typed):
    with pytest.raises(ValidationError) as err:
        parse_money(typed)
    assert typed.strip() in err.value.message


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_a_money_field_shows_the_amount_back_in_english(qtbot, language):
    edit = MoneyEdit("medical")
    qtbot.addWidget(edit)
    edit.setText("7850000")
    edit.editingFinished.emit()
    assert edit.text() == "Rp7,850,000"


def _form(office, qtbot, income: str) -> ParticipantForm:
    form = ParticipantForm(app_context(office))
    qtbot.addWidget(form)
    form.nik.setText("7309014507850001")
    form.name.setText("Sitti Aminah")
    form.village.setText("73.09.01.2003")
    form.income.setText(income)
    return form


def test_an_income_with_sen_is_rupiah_not_its_digits(office, qtbot):
    """"1.500.000,00" was read digit by digit as Rp150.000.000 (a hundred times the income,
    and the BPU contribution with it)."""
    row = _form(office, qtbot, "1.500.000,00").save()
    assert row is not None and row.income == 1_500_000


def test_an_unreadable_income_is_refused_in_the_form_and_nothing_saved(office, qtbot):
    form = _form(office, qtbot, "Rp 1,5 juta")
    assert form.save() is None
    assert "Penghasilan" in form.message.text() and "1,5 juta" in form.message.text()
    with office.uow("admin") as uow:
        assert uow.session.scalars(select(Participant)).all() == []
