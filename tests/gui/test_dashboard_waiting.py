"""Beranda for a kepala: the claims waiting for verification or approval, oldest first, each
opened on the Klaim page from the keyboard; an officer who approves nothing does not see it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from branch_desk.db.models.claims import Claim
from branch_desk.ui.dashboard.page import DashboardPage
from branch_desk.ui.shell.startup import open_main_window
from branch_desk.ui.shell.worker import Runner
from tests.support.claims import add_person
from tests.support.gui import app_context
from tests.support.offices import TODAY


def _claims(office) -> None:
    from sqlalchemy import select

    from branch_desk.db.models.participants import Participant

    kpj = add_person(office)
    with office.uow("admin") as uow:
        participant = uow.session.scalar(select(Participant).where(Participant.kpj == kpj))
        for number, status, filed in (("JKM/MRS/2025/000001", "diverifikasi", date(2025, 6, 3)),
                                      ("JKM/MRS/2025/000002", "diajukan", date(2025, 6, 1)),
                                      ("JKM/MRS/2025/000003", "draft", date(2025, 6, 2)),
                                      ("JKM/MRS/2025/000004", "dibayar", date(2025, 5, 2))):
            uow.session.add(Claim(number=number, claim_type="JKM",
                                  participant_id=participant.id, region_code="73.09",
                                  event_date=date(2025, 5, 30), filed_on=filed, status=status,
                                  total_amount=42_000_000))
        uow.commit()


def test_kepala_sees_the_claims_waiting_and_opens_one(qtbot, office):
    _claims(office)
    window = open_main_window(office.db, office.actors["kepala"], runner=Runner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    page = window.page("beranda")
    page.today = TODAY
    page.reload()
    table = page.findChild(QTableWidget, "dashboard_claims_waiting")
    assert table.isVisible()
    rows = [[table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())]
    assert [row[0] for row in rows] == ["JKM/MRS/2025/000002", "JKM/MRS/2025/000001"]
    assert [row[3] for row in rows] == ["Verifikasi", "Persetujuan Anda"]
    assert rows[0][5] == "Rp42.000.000"
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    claims = window.pages["klaim"]
    assert window.stack.currentWidget() is claims
    assert claims.detail.row is not None and claims.detail.row.number == "JKM/MRS/2025/000001"


def test_an_officer_does_not_see_the_approval_list(qtbot, office):
    _claims(office)
    page = DashboardPage(app_context(office, "petugas"), today=TODAY)
    qtbot.addWidget(page)
    page.reload()
    assert page.findChild(QTableWidget, "dashboard_claims_waiting").isHidden()
    assert page.findChild(QTableWidget, "dashboard_claims_waiting").rowCount() == 0
