"""The Sinkronisasi page: export, import with preview, conflict review and restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.gui import app_context
from tests.support.screenshots import save_shot
from tests.support.sync import (
    add_participant,
    build_templates,
    close_offices,
    edit_participant,
    export,
    import_,
    open_offices,
    participant,
)


@pytest.fixture(scope="module")
def gui_templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("sync-gui"), ["MRS", "PKJ"])


@pytest.fixture
def offices(gui_templates, tmp_path):
    made = open_offices(gui_templates, tmp_path / "offices")
    yield made
    close_offices(made)


def _page(qtbot, office):
    from branch_desk.ui.sync.page import create_page

    page = create_page(app_context(office, actor=office.admin))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    return page


def test_export_preview_import_and_restore_conflict(qtbot, offices, tmp_path, monkeypatch):
    mrs, pkj = offices["MRS"], offices["PKJ"]
    pid = add_participant(mrs, nik="7309014505900021", name="Hasnah", kpj="MRS00000021")
    import_(pkj, Path(export(mrs, "PKJ", tmp_path / "seed.bdsync").path))
    edit_participant(pkj, pid, phone="0812-PKJ")
    edit_participant(mrs, pid, phone="0811-MRS")
    edit_participant(mrs, pid, address="Jl. Poros Maros")

    page_mrs = _page(qtbot, mrs)
    out = tmp_path / "usb" / "MRS-ke-PKJ.bdsync"
    out.parent.mkdir()
    assert page_mrs.exchange.peer.currentData() == "PKJ"
    page_mrs.exchange.export_to(out)
    assert out.exists() and "perubahan ditulis" in page_mrs.exchange.report.toPlainText()

    page = _page(qtbot, pkj)
    page.exchange.preview(out)
    text = page.exchange.report.toPlainText()
    assert "PRATINJAU" in text and "akan diterapkan" in text and "Konflik" in text
    assert page.exchange.apply_button.isEnabled()
    assert participant(pkj, pid).address == ""  # the preview saved nothing
    page.show()
    save_shot(page, "sync-preview.png", tmp_path)
    page.exchange.apply_import()
    assert "telah diterapkan" in page.exchange.report.toPlainText()
    assert participant(pkj, pid).address == "Jl. Poros Maros"

    conflicts = page.conflicts
    assert len(conflicts.rows) == 1 and conflicts.rows[0].field == "phone"
    assert page.tabs.tabText(1) == "Konflik (1)"
    loser = conflicts.rows[0].losing_value
    page.tabs.setCurrentIndex(1)
    conflicts.table.selectRow(0)
    assert page.conflicts.table.item(0, 2).text() == "phone"
    save_shot(page, "sync-conflicts.png", tmp_path)
    conflicts.resolve(restore=True)
    assert conflicts.rows == [] and participant(pkj, pid).phone == loser

    # rejected file: message shown, nothing applied
    errors = []
    monkeypatch.setattr("branch_desk.ui.sync.page.show_error", lambda _w, e: errors.append(e))
    bad = tmp_path / "rusak.bdsync"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    page.exchange.preview(bad)
    assert errors and "DITOLAK" in page.exchange.report.toPlainText()
    assert not page.exchange.apply_button.isEnabled()


def test_duplicates_and_digest_tabs(qtbot, offices, tmp_path):
    mrs, pkj = offices["MRS"], offices["PKJ"]
    a = add_participant(mrs, nik="7309014505900022", name="Rusli", kpj="MRS00000022")
    b = add_participant(pkj, nik="7309014505900022", name="Rusli", kpj="PKJ00000022")
    import_(pkj, Path(export(mrs, "PKJ", tmp_path / "1.bdsync").path))
    page = _page(qtbot, pkj)
    assert len(page.duplicates.rows) == 1
    page.tabs.setCurrentIndex(2)
    page.show()
    assert page.duplicates.table.item(0, 0).text() == "7309014505900022"
    save_shot(page, "sync-duplicates.png", tmp_path)
    case = page.duplicates.rows[0]
    page.duplicates.merge(first=(case.first_id == b), row=0)
    assert page.duplicates.rows == [] and participant(pkj, a).deleted
    import_(mrs, Path(export(pkj, "MRS", tmp_path / "2.bdsync").path))
    import_(pkj, Path(export(mrs, "PKJ", tmp_path / "3.bdsync").path))
    page.refresh_review()
    page.tabs.setCurrentIndex(3)
    assert "SAMA" in page.digest.verdict.text()
    save_shot(page, "sync-digest.png", tmp_path)


def test_quarantined_changes_are_shown_on_their_tab(qtbot, offices, tmp_path):
    """A value no column here accepts (an insider's NUL byte) waits on the Karantina tab."""
    from tests.support.forgery import craft, logged

    mrs, pkj = offices["MRS"], offices["PKJ"]
    bad = add_participant(mrs, nik="7309014505900071", name="Rusak", kpj="MRS00000071")
    entries = [list(e) for e in logged(mrs)]
    for e in entries:
        if e[4] == bad:
            e[6] = {**e[6], "name": "Ru\x00sak"}
    import_(pkj, craft(mrs, "PKJ", entries, tmp_path / "q.bdsync"))
    page = _page(qtbot, pkj)
    assert page.tabs.tabText(4) == "Karantina (1)"
    table = page.quarantine.table
    assert table.rowCount() == 1 and "MRS" in table.item(0, 0).text()
    assert "karakter kendali" in table.item(0, 2).text()
