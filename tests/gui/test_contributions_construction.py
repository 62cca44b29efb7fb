"""The Jasa konstruksi tab of the Iuran page: a project's JKK+JKM computed from the contract
value (tier by tier) or the wages; a bad amount gets its message and nothing is shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from branch_desk.ui.contributions.page import ContributionsPage
from tests.support.gui import answer_next_box, app_context


def _panel(office, qtbot):
    page = ContributionsPage(app_context(office), today_fn=lambda: date(2025, 6, 16))
    qtbot.addWidget(page)
    page.setCurrentWidget(page.construction)
    return page, page.construction


def test_contract_value_of_one_milliard(office, qtbot):
    _page, panel = _panel(office, qtbot)
    qtbot.keyClicks(panel.amount, "Rp1.000.000.000")
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return)
    text = panel.result.text()
    # PP 44/2015 jo. PP 82/2019 tiers: JKK Rp1.540.000, JKM Rp210.000.
    assert "JKK Rp1.540.000" in text and "JKM Rp210.000" in text and "Jumlah Rp1.750.000" in text
    assert "0,21%" in text and "PP 44/2015" in text


def test_wages_basis_and_a_bad_amount(office, qtbot):
    _page, panel = _panel(office, qtbot)
    panel.basis.setCurrentIndex(panel.basis.findData("wages"))
    panel.amount.setText("50000000")
    quote = panel.compute()
    assert quote is not None and (quote.result.jkk, quote.result.jkm) == (870_000, 150_000)
    panel.amount.setText("lima juta")
    seen = answer_next_box(Qt.Key.Key_Return)
    assert panel.compute() is None
    assert "tidak dikenali" in seen.text + seen.info and panel.result.text() == ""
