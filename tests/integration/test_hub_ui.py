"""The Wilayah report tab: the hub's tables after importing branch files; xlsx/PDF export."""

from __future__ import annotations

import os

import pytest

from branch_desk.services.sync.hub_import import import_folder
from tests.support.hub import HUB, branch_work, drop_hub, export_to, hub_target, region
from tests.support.offices import TODAY

pytest.importorskip("pytestqt")


@pytest.fixture
def hub(hub_engine, tmp_path):
    target = hub_target(hub_engine, tmp_path)
    offices = region(target, tmp_path / "region")
    for code in ("MRS", "PKJ", "PRE"):
        branch_work(offices[code], code)
        export_to(offices[code], HUB, tmp_path / "inbox" / f"{code}.bdsync")
    import_folder(offices[HUB].db, offices[HUB].actors["admin"], tmp_path / "inbox")
    yield offices[HUB]
    for office in offices.values():
        office.db.dispose()
    drop_hub(target)


def test_wilayah_tab_shows_each_report(hub, qtbot, tmp_path):
    from branch_desk.ui.sync.hub_report import HubReport
    from tests.support.gui import app_context

    tab = HubReport(app_context(hub, "kepala"), today=TODAY)
    qtbot.addWidget(tab)
    tab.resize(1200, 420)
    model = tab.model
    assert model.columns[:3] == ("Provinsi", "Kabupaten/Kota", "Kantor")
    assert [model.rows[i][2] for i in range(3)] == ["MRS", "PKJ", "PRE"]
    assert model.rows[-1][0] == "Jumlah" and model.rows[-1][4] == "6"
    tab.kind.setCurrentIndex(1)
    model = tab.model
    assert model.rows[0][:3] == ("MRS", "Kantor Cabang Maros", "JKM")
    assert model.rows[0][7] == "Rp42.000.000"
    tab.kind.setCurrentIndex(2)
    model = tab.model
    assert [r[1] for r in model.rows[:3]] == ["PKS/MRS/2024/000001", "PKS/PRE/2024/000001",
                                             "PKS/PKJ/2025/000001"]
    assert model.rows[0][8] == "PERLU, 14 hari lagi"
    pdf = tab.export_to(tmp_path / "pks.pdf", "pdf")
    xlsx = tab.export_to(tmp_path / "pks.xlsx", "xlsx")
    assert pdf.read_bytes()[:4] == b"%PDF" and xlsx.stat().st_size > 0
    if os.environ.get("BRANCH_DESK_SCREENSHOTS"):
        tab.grab().save(os.environ["BRANCH_DESK_SCREENSHOTS"])
