"""An employer partner's industry and size (PP 7/2025) in the partner dialog: entered, kept
when the partner is edited again, refused when out of range."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSpinBox

from branch_desk.services.partners.registry import get_partner
from branch_desk.ui.partners.forms import PartnerDialog
from tests.support.gui import app_context


def _dialog(qtbot, office, row=None):
    dialog = PartnerDialog(app_context(office, "kepala"), None, row)
    qtbot.addWidget(dialog)
    return dialog


def test_employer_industry_and_workers_are_saved_and_kept(office, qtbot):
    dialog = _dialog(qtbot, office)
    for name, text in (("code", "PT-SEPATU"), ("name", "PT Sepatu Maros"),
                       ("region_code", "73.09")):
        dialog.fields[name].setText(text)
    kind = dialog.fields["kind"]
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("employer"))
    industry = dialog.findChild(QComboBox, "industry")
    industry.setCurrentIndex(industry.findData("alas_kaki"))
    dialog.findChild(QSpinBox, "workers").setValue(120)
    dialog.save()
    assert dialog.saved is not None
    assert (dialog.saved.industry, dialog.saved.workers) == ("alas_kaki", 120)
    # Editing the address again keeps the industry and size.
    again = _dialog(qtbot, office, dialog.saved)
    assert again.findChild(QComboBox, "industry").currentData() == "alas_kaki"
    assert again.findChild(QSpinBox, "workers").value() == 120
    again.fields["address"].setText("Jl. Poros Maros")
    again.save()
    with office.uow(write=False) as uow:
        row = get_partner(uow, "PT-SEPATU")
    assert (row.industry, row.workers, row.address) == ("alas_kaki", 120, "Jl. Poros Maros")


def test_unknown_size_stays_unknown(office, qtbot):
    dialog = _dialog(qtbot, office)
    for name, text in (("code", "PKK"), ("name", "TP PKK"), ("region_code", "73.09")):
        dialog.fields[name].setText(text)
    assert dialog.findChild(QSpinBox, "workers").value() == -1  # "Belum diisi"
    dialog.save()
    assert dialog.saved is not None
    assert (dialog.saved.industry, dialog.saved.workers) == ("", None)
