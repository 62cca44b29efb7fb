"""The claim intake filled in as an officer records a JKK partial disability, on a 1366×768
screen in Indonesian and in English: nothing cut off (hints included), the assessment
readable without scrolling sideways, no Indonesian word left in English."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QScrollArea

from branch_desk.ui.shell.startup import open_main_window
from branch_desk.ui.shell.worker import Runner
from tests.support.claims import add_person
from tests.support.offices import TODAY
from tests.support.walk import SCREEN, window_problems


@pytest.mark.parametrize("language", ["id", "en"], indirect=True)
def test_a_filled_jkk_intake_fits_1366(qtbot, office, language):
    kpj = add_person(office, paid_to=TODAY)
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
    form.type.setCurrentIndex(form.type.findData("JKK"))
    form.event_date.setDate(QDate(TODAY - timedelta(days=3)))
    facts = form.facts
    facts.reported_on.setDate(QDate(TODAY - timedelta(days=2)))
    facts.outcome.setCurrentIndex(facts.outcome.findData("partial_disability"))
    facts.anatomic.setCurrentIndex(facts.anatomic.findData("satu_mata"))
    facts.medical.setText("7850000")
    facts.transport.setCurrentIndex(facts.transport.findData("laut"))
    facts.transport_cost.setText("2500000")
    facts.stmb.setValue(3)

    form.refresh_preview()
    qtbot.wait(50)
    problems = window_problems(window, f"klaim-catat-{language}", SCREEN, language=language)
    scroll = next(s for s in window.findChildren(QScrollArea)
                  if s.widget() is form.assessment)
    if scroll.horizontalScrollBar().maximum() > 0:
        problems.append(f"the assessment scrolls sideways by "
                        f"{scroll.horizontalScrollBar().maximum()} px")
    form.clear()
    window.close()
    assert not problems, "\n".join(problems)
