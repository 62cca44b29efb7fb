"""The claim intake filled in as an officer records a JKK partial disability, a JP widow's
pension on a sparse record and a migrant worker's death and disability at work, on a 1366×768
screen in Indonesian and in English: nothing cut off (hints included), the assessment readable
without scrolling sideways, no Indonesian word left in English."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QScrollArea

from branch_desk.services.contributions.payments import record_payment
from branch_desk.ui.claims.pmi_benefit_table import COST
from branch_desk.ui.claims.recipients import RELATIONSHIP_COLUMN, set_heir
from branch_desk.ui.shell.startup import open_main_window
from branch_desk.ui.shell.worker import Runner
from tests.support.claims import add_person
from tests.support.offices import TODAY
from tests.support.screenshots import save_shot
from tests.support.walk import SCREEN, window_problems


@pytest.mark.parametrize("language", ["id", "en"], indirect=True)
def test_a_filled_jkk_intake_fits_1366(qtbot, office, language, tmp_path):
    kpj = add_person(office, paid_to=TODAY)
    window, form = _intake(qtbot, office, kpj, "JKK")
    facts = form.facts
    facts.reported_on.setDate(QDate(TODAY - timedelta(days=2)))
    facts.outcome.setCurrentIndex(facts.outcome.findData("partial_disability"))
    facts.anatomic.setCurrentIndex(facts.anatomic.findData("satu_mata"))
    facts.medical.setText("7850000")
    facts.transport.setCurrentIndex(facts.transport.findData("laut"))
    facts.transport_cost.setText("2500000")
    facts.stmb.setValue(3)

    _assert_fits(qtbot, window, form, f"klaim-catat-{language}", language, tmp_path)


@pytest.mark.parametrize("language", ["id", "en"], indirect=True)
def test_a_jp_widow_intake_on_a_sparse_record_fits_1366(qtbot, office, language,
                                                         tmp_path):
    # Enrolled three years ago, the last year paid only (density 33 %): the widow's pension is
    # the lump sum, and the assessment says why (Permenaker 29/2015 Ps 26), readable at 1366.
    kpj = add_person(office, nik="7309010101800007", name="La Sennang", segment="PU",
                     income=10_000_000, programs=frozenset({"JKK", "JKM", "JHT", "JP"}),
                     tmt=date(2022, 6, 1), paid_from=date(2024, 6, 1), paid_to=date(2025, 5, 1))
    window, form = _intake(qtbot, office, kpj, "JP")
    facts = form.facts
    facts.jp_kind.setCurrentIndex(facts.jp_kind.findData("widow"))
    facts.jp_accumulated.setText("3600000")
    form.refresh_preview()
    shown = form.assessment.text()
    papers = {form.documents.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(form.documents.count())}
    _assert_fits(qtbot, window, form, f"klaim-jp-janda-{language}", language, tmp_path)
    density = "33,3%" if language == "id" else "33.3%"
    assert density in shown and "Permenaker 29/2015" in shown, shown
    # choosing the widow's pension brought her papers into the checklist
    assert {"buku_nikah", "akta_kematian", "surat_keterangan_ahli_waris"} <= papers


@pytest.mark.parametrize("language", ["id", "en"], indirect=True)
def test_a_migrant_workers_death_at_work_fits_1366(qtbot, office, language, tmp_path):
    # A PMI killed at work abroad: the phase chosen, the widow proposed in the interface
    # language ("wife"), BPJS's fixed Rp85 jt from JKK in the assessment.
    window, form = _migrant_intake(qtbot, office, "death")
    papers = {form.documents.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(form.documents.count())}
    assert {"paspor", "resume_medis", "akta_kematian"} <= papers  # Permenaker 4/2023 Ps 50
    assert "daftar_hadir" not in papers
    relationship = form.heirs.item(0, RELATIONSHIP_COLUMN)
    assert relationship is not None
    assert relationship.text() == {"id": "istri", "en": "wife"}[language]
    set_heir(form.heirs, 0, ("Wa Ode Nurma", "istri", "BRI", "0123456789"))
    form.refresh_preview()
    shown = form.assessment.text()
    _assert_fits(qtbot, window, form, f"klaim-pmi-meninggal-{language}", language, tmp_path)
    assert {"id": "Rp85.000.000", "en": "Rp85,000,000"}[language] in shown, shown
    assert {"id": "Memenuhi syarat", "en": "Eligible"}[language] in shown, shown
    assert language == "id" or "Article 34 paragraph (1) letter g" in shown, shown


@pytest.mark.parametrize("language", ["id", "en"], indirect=True)
def test_a_migrant_workers_total_disability_fits_1366(qtbot, office, language, tmp_path):
    # A PMI totally disabled at work abroad on a declared Rp4 jt wage: 70% x 80 x wage would
    # be Rp224 jt; the line pays BPJS's Rp100 jt maximum and its account says so, readable at
    # 1366 without scrolling sideways.
    window, form = _migrant_intake(qtbot, office, "total_disability")
    facts = form.facts
    facts.wage.setText("4000000")
    table = facts.pmi_benefits  # home care after coming back, beyond its Rp20 jt
    table.item(table.row_of("homecare"), COST).setText("25000000")
    form.refresh_preview()
    shown = form.assessment.text()
    scroll = next(s for s in window.findChildren(QScrollArea) if s.widget().isAncestorOf(table))
    qtbot.wait(50)  # the form grows by the table's rows: the scroll area follows
    scroll.ensureWidgetVisible(table)
    assert table.height() >= table.sizeHint().height()  # every benefit shown, none scrolled
    save_shot(window, f"klaim-pmi-manfaat-{language}.png", tmp_path)
    _assert_fits(qtbot, window, form, f"klaim-pmi-cacat-{language}", language, tmp_path)
    paid, formula, home = {"id": ("Rp100.000.000", "Rp224.000.000", "Perawatan di rumah"),
                           "en": ("Rp100,000,000", "Rp224,000,000", "Home care")}[language]
    assert paid in shown and formula in shown and home in shown, shown
    assert language == "id" or "at most Rp100,000,000 is paid" in shown, shown



def _migrant_intake(qtbot, office, outcome: str):
    """A new JKK claim of `outcome` during work for a migrant worker whose 24-month placement
    package was paid before the departure, reported two days after the accident."""
    kpj = add_person(office, nik="7309010101900011", name="La Ode Hamsa", segment="PMI",
                     tmt=date(2025, 1, 1), paid_from=None, paid_to=None)
    with office.uow("petugas") as uow:
        record_payment(uow, participant_id=kpj, first_month=date(2025, 3, 1), months=24,
                       payer="PT Penempatan Maros", paid_on=date(2025, 2, 20),
                       pmi_phase="penempatan")
        uow.commit()
    window, form = _intake(qtbot, office, kpj, "JKK")
    facts = form.facts
    facts.reported_on.setDate(QDate(TODAY - timedelta(days=2)))
    facts.outcome.setCurrentIndex(facts.outcome.findData(outcome))
    facts.pmi_phase.setCurrentIndex(facts.pmi_phase.findData("selama"))
    return window, form


def _intake(qtbot, office, kpj: str, claim_type: str):
    """The main window at 1366×768 on a new claim of `claim_type` for `kpj`, three days
    after its event."""
    window = open_main_window(office.db, office.actors["petugas"],
                              runner=Runner(synchronous=True))
    qtbot.addWidget(window)
    window.setGeometry(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    page = window.go_to("klaim")
    page.new_item()
    form = page.intake
    form.search.setText(kpj)
    form.find_participants()
    form.type.setCurrentIndex(form.type.findData(claim_type))
    form.event_date.setDate(QDate(TODAY - timedelta(days=3)))
    return window, form


def _assert_fits(qtbot, window, form, name: str, language: str, tmp_path: Path) -> None:
    form.refresh_preview()
    qtbot.wait(50)
    save_shot(window, f"{name}.png", tmp_path)
    problems = window_problems(window, name, SCREEN, language=language)
    scroll = next(s for s in window.findChildren(QScrollArea)
                  if s.widget() is form.assessment)
    if scroll.horizontalScrollBar().maximum() > 0:
        problems.append(f"the assessment scrolls sideways by "
                        f"{scroll.horizontalScrollBar().maximum()} px")
    form.clear()
    window.close()
    assert not problems, "\n".join(problems)
