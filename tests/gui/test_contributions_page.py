"""Iuran page and Cakupan tab, driven with the keyboard and buttons (offscreen)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget

from branch_desk.domain.regions import village_label
from branch_desk.services.contributions.targets import set_target
from branch_desk.ui.contributions.coverage_report import CoverageTab
from branch_desk.ui.contributions.page import ContributionsPage
from tests.support.contributions import VILLAGES, change_occupation, nik, pemda, person
from tests.support.gui import answer_next_box, app_context
from tests.support.offices import TODAY

SHOTS = os.environ.get("BRANCH_DESK_SCREENSHOTS")  # set to save docs screenshots


def _shot(widget, name):
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        widget.resize(1100, 650)
        widget.show()
        QApplication.processEvents()
        widget.grab().save(str(Path(SHOTS) / f"contributions-{name}.png"))


def test_payment_form_keyboard_flow_and_receipt(office, qtbot, tmp_path):
    pid = person(office, 1)
    page = ContributionsPage(app_context(office), today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    form = page.payment
    lookup = form.findChild(QLineEdit, "pay_participant")
    qtbot.keyClicks(lookup, nik(1))
    qtbot.keyClick(lookup, Qt.Key.Key_Return)
    assert form.participant_id == pid
    form.findChild(QSpinBox, "pay_months").setValue(3)
    assert "Rp50.400" in form.findChild(QLabel, "pay_amount").text()
    assert "lima puluh ribu empat ratus rupiah" in form.findChild(QLabel, "pay_amount").text()
    payer = form.findChild(QLineEdit, "pay_payer")
    payer.clear()
    qtbot.keyClicks(payer, "Daeng Nai")
    qtbot.keyClick(payer, Qt.Key.Key_Return)  # Enter saves
    history = form.findChild(QTableWidget, "pay_history")
    assert history.rowCount() == 1 and history.item(0, 0).text() == "KWT/MRS/2025/000001"
    assert history.item(0, 3).text() == "Rp50.400"
    _shot(page, "payment")
    form.ask_path = lambda suggested: tmp_path / suggested
    form.findChild(QPushButton, "pay_print").click()
    assert (tmp_path / "KWT-MRS-2025-000001.pdf").stat().st_size > 1000
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # saved: Esc clears at once
    assert lookup.text() == "" and form.participant_id is None


def test_escape_asks_before_dropping_an_unsaved_payment(office, qtbot):

    person(office, 1)
    page = ContributionsPage(app_context(office), today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    form = page.payment
    lookup = form.findChild(QLineEdit, "pay_participant")
    qtbot.keyClicks(lookup, nik(1))
    qtbot.keyClick(lookup, Qt.Key.Key_Return)
    form.findChild(QSpinBox, "pay_months").setValue(4)
    seen = answer_next_box(Qt.Key.Key_Escape)  # Esc in the question: back to the form
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert seen.text == "Isian pembayaran iuran ini belum disimpan dan akan hilang."
    assert seen.default == "&Kembali ke formulir"
    assert form.participant_id is not None and form.has_changes()
    assert page.unsaved_work() == ["Pembayaran iuran yang belum disimpan (tab Pembayaran)"]
    answer_next_box(Qt.Key.Key_B)  # &Buang isian
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert lookup.text() == "" and form.participant_id is None and not form.has_changes()


def test_bills_tab_builds_pays_and_prints(office, qtbot, tmp_path):
    code = pemda(office)
    for n in range(1, 4):
        person(office, n, partner_code=code, tmt=date(2025, 1, 2))
    page = ContributionsPage(app_context(office), today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    bills = page.bills
    page.setCurrentWidget(bills)
    bills.findChild(QPushButton, "bill_build").click()
    table = bills.findChild(QTableWidget, "bill_table")
    assert table.rowCount() == 1 and table.item(0, 3).text() == "3"
    assert table.item(0, 4).text() == "Rp604.800" and table.item(0, 5).text() == "Belum dibayar"
    bills.ask_save = lambda suggested: tmp_path / suggested
    bills.findChild(QPushButton, "bill_print").click()
    assert (tmp_path / "TGH-MRS-2025-000001.xlsx").exists()
    bills.findChild(QLineEdit, "bill_reference").setText("SP2D 77")
    bills.findChild(QPushButton, "bill_pay").click()
    assert table.item(0, 5).text() == "Lunas"
    assert "3 pekerja tercakup" in bills.findChild(QLabel, "bill_message").text()
    _shot(page, "bills")
    page.setCurrentWidget(page.due)
    _shot(page, "due")


def test_due_tab_lists_arrears(office, qtbot):
    from branch_desk.services.contributions.payments import record_payment

    pid = person(office, 5, tmt=date(2025, 1, 1))
    with office.uow() as uow:
        record_payment(uow, participant_id=pid, first_month=date(2025, 1, 1), months=2,
                       payer="X", paid_on=TODAY)
        uow.commit()
    page = ContributionsPage(app_context(office), today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    page.setCurrentWidget(page.due)
    table = page.due.findChild(QTableWidget, "due_table")
    assert table.rowCount() == 1
    assert table.item(0, 6).text() == "3 bulan" and table.item(0, 7).text() == "Menunggak"
    # the officer reads the village by its name, not its code (issue 19)
    assert table.item(0, 2).text() == village_label(VILLAGES[0]) == "Tenrigangkae (Kec. Mandai)"


def test_coverage_tab_shows_figures_chart_and_exports(office, qtbot, tmp_path):
    from branch_desk.services.contributions.payments import record_payment

    for n in range(1, 4):
        pid = person(office, n, tmt=date(2025, 1, 1))
        with office.uow() as uow:
            record_payment(uow, participant_id=pid, first_month=date(2025, n, 1), months=6,
                           payer="X", paid_on=TODAY)
            uow.commit()
    with office.uow("kepala") as uow:
        set_target(uow, region_code="73.09", year=2025, workers=6)
        uow.commit()
    tab = CoverageTab(app_context(office), as_of=TODAY)
    qtbot.addWidget(tab)
    assert "3 pekerja tercakup dari target 6 (50,00%)" in tab.findChild(
        QLabel, "coverage_headline").text()
    areas = tab.findChild(QTableWidget, "coverage_areas")
    assert areas.item(0, 0).text() == "73.09" and areas.item(0, 4).text() == "50,00%"
    assert [c for _, c in tab.chart.points][-6:] == [1, 2, 3, 3, 3, 3]
    image = tab.chart.grab().toImage()
    assert image.width() > 0
    tab.ask_path = lambda suggested, kind: tmp_path / suggested
    tab.findChild(QPushButton, "coverage_export").click()
    book = load_workbook(tmp_path / "cakupan-20250616.xlsx")
    assert book["Ringkasan"]["B5"].value == 3
    tab.findChild(QPushButton, "coverage_monev").click()
    assert (tmp_path / "monev-inpres-2-2021-20250616.pdf").exists()
    tab.findChild(QLineEdit, "coverage_region").setText("73.09")
    qtbot.keyClick(tab.findChild(QLineEdit, "coverage_region"), Qt.Key.Key_Return)
    assert areas.item(0, 0).text() == "73.09.01"
    _shot(tab, "coverage")


def test_payment_form_shows_the_pp50_credit(office, qtbot):
    from PySide6.QtCore import QDate

    from branch_desk.services.contributions.payments import record_payment

    pid = person(office, 7, occupation="petani")
    with office.uow("petugas") as uow:  # January 2026 paid in full as a farmer
        entry = record_payment(uow, participant_id=pid, first_month=date(2026, 1, 1),
                               months=1, payer="Daeng Nai", paid_on=date(2025, 11, 3))
        uow.commit()
    assert entry.amount == 16_800
    change_occupation(office, pid, 7, "Kurir paket")  # January now costs Rp8.400
    page = ContributionsPage(app_context(office), today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    form = page.payment
    lookup = form.findChild(QLineEdit, "pay_participant")
    qtbot.keyClicks(lookup, nik(7))
    qtbot.keyClick(lookup, Qt.Key.Key_Return)
    form.first.setDate(QDate(2026, 2, 1))
    form.findChild(QSpinBox, "pay_months").setValue(2)
    text = form.findChild(QLabel, "pay_amount").text()
    assert "Rp8.400" in text and "kredit Rp8.400" in text  # 2 × 8.400 less 8.400 credit


def test_payment_form_finds_by_name_and_starts_at_the_first_unpaid_month(office, qtbot):
    from branch_desk.services.contributions.payments import record_payment
    from branch_desk.ui.shell.startup import application

    application()  # the program's start: Indonesian, with its month names
    first = person(office, 21)  # "Peserta Vwati" and a namesake below
    second = person(office, 22)
    with office.uow("petugas") as uow:
        record_payment(uow, participant_id=first, first_month=date(2025, 1, 1), months=4,
                       payer="Sendiri", paid_on=date(2025, 1, 5))
        uow.commit()
    page = ContributionsPage(app_context(office), today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    form = page.payment
    assert not form.first.calendarPopup()  # months are chosen as months
    assert form.first.text() == "Juni 2025"
    with office.uow("petugas") as uow:
        from branch_desk.services.participants.registry import get_participant

        name = get_participant(uow, first).name
        other = get_participant(uow, second).name
    offered = []
    form.choose = lambda rows: offered.append([r.name for r in rows]) or rows[0]
    lookup = form.findChild(QLineEdit, "pay_participant")
    qtbot.keyClicks(lookup, name)
    qtbot.keyClick(lookup, Qt.Key.Key_Return)
    assert offered == [] and form.participant_id == first  # one match: taken at once
    assert form.first.date().toPython() == date(2025, 5, 1)  # after Jan–Apr, already paid
    assert "Rp" in form.findChild(QLabel, "pay_amount").text()  # the quote is for unpaid months
    lookup.clear()
    qtbot.keyClicks(lookup, "Peserta")  # both share the word: the officer chooses
    qtbot.keyClick(lookup, Qt.Key.Key_Return)
    assert offered and {name, other} <= set(offered[-1])
    lookup.clear()
    qtbot.keyClicks(lookup, "Tidak Ada Orang Ini")
    seen = answer_next_box(Qt.Key.Key_Return)
    qtbot.keyClick(lookup, Qt.Key.Key_Return)
    assert "Tidak ada peserta" in seen.text
    assert form.participant_id == first  # nothing found: the form keeps what it had


@pytest.mark.parametrize("language", ["id", "en"], indirect=True)
def test_payment_form_takes_a_migrant_workers_package(office, qtbot, language, tmp_path):
    # The phase choice shows for a PMI only; the package's amount and what it protects are
    # shown before saving; the saved entry covers the agreement + 2 months (Permenaker 4/2023).
    from PySide6.QtWidgets import QComboBox

    from tests.support.claims import add_person
    from tests.support.screenshots import save_shot
    from tests.support.walk import SCREEN, window_problems

    kpj = add_person(office, nik="7309010101900011", name="La Ode Hamsa", segment="PMI",
                     tmt=date(2025, 1, 1), paid_from=None, paid_to=None)
    page = ContributionsPage(app_context(office), today_fn=lambda: TODAY)
    qtbot.addWidget(page)
    page.setGeometry(SCREEN)
    page.show()
    form = page.payment
    phase = form.findChild(QComboBox, "pay_pmi_phase")
    assert not phase.isVisibleTo(form)
    lookup = form.findChild(QLineEdit, "pay_participant")
    qtbot.keyClicks(lookup, kpj)
    qtbot.keyClick(lookup, Qt.Key.Key_Return)
    assert phase.isVisibleTo(form)
    phase.setCurrentIndex(phase.findData("penempatan"))
    assert form.findChild(QSpinBox, "pay_months").value() == 24
    shown = form.findChild(QLabel, "pay_amount").text()
    assert {"id": "Rp332.500", "en": "Rp332,500"}[language] in shown
    assert {"id": "melindungi 26 bulan", "en": "protects 26 months"}[language] in shown, shown
    qtbot.wait(50)  # the labels' new heights are laid out
    save_shot(page, f"iuran-pmi-{language}.png", tmp_path)
    problems = window_problems(page, f"iuran-pmi-{language}", SCREEN, language=language)
    assert not problems, problems
    form.findChild(QPushButton, "pay_save").click()
    history = form.findChild(QTableWidget, "pay_history")
    assert history.rowCount() == 1
    assert history.item(0, 3).text() == {"id": "Rp332.500", "en": "Rp332,500"}[language]
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not phase.isVisibleTo(form)  # the next participant is anyone
