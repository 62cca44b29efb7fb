"""Security screens: audit browser, backup panel in Pengaturan, the idle lock."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from branch_desk.services.admin.audit import verify_audit_chain
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import ParticipantData
from branch_desk.services.partners.registry import PartnerData, add_partner, update_partner
from branch_desk.ui.admin.audit_browser import AuditBrowser, AuditTableModel
from branch_desk.ui.admin.backup_panel import BackupPanel
from branch_desk.ui.admin.page import SettingsPage
from branch_desk.ui.shell.idle_lock import install_idle_lock
from branch_desk.ui.shell.startup import application
from tests.support.gui import app_context
from tests.support.offices import PASSWORDS, TODAY
from tests.support.screenshots import save_shot

pytestmark = pytest.mark.sqlite_only


def _ctx(office, user):
    application()  # the program's font, as the screenshots show it
    return app_context(office, user)


def _partner(office):
    with office.uow("admin") as uow:
        row = add_partner(uow, data=PartnerData(code="PEMKAB-MAROS", name="Pemkab Maros",
                                                kind="pemkab", region_code="73.09"))
        uow.commit()
    with office.uow("admin") as uow:
        update_partner(uow, partner_id=row.id, expected_version=row.version,
                       data=PartnerData(code="PEMKAB-MAROS", name="Pemkab Maros", kind="pemkab",
                                        region_code="73.09", head_name="Chaidir Syam"))
        uow.commit()
    return row


def test_audit_browser_filters_and_shows_before_after(qtbot, office, qtmodeltester):
    _partner(office)
    browser = AuditBrowser(_ctx(office, "kepala"))
    qtbot.addWidget(browser)
    qtmodeltester.check(browser.model)
    browser.table_filter.setCurrentIndex(browser.table_filter.findData("partners"))
    browser.row_filter.setText("maros")  # the record as an officer knows it, not its id
    qtbot.keyClick(browser.row_filter, Qt.Key.Key_Return)
    assert browser.model.rowCount() == 2
    assert browser.model.data(browser.model.index(0, AuditTableModel.COL_ACTION)) == "ubah"
    browser.view.selectRow(0)
    cells = [[browser.changes.item(r, c).text() for c in range(3)]
             for r in range(browser.changes.rowCount())]
    assert ["Nama kepala", "—", "Chaidir Syam"] in cells  # words, not column names
    assert not [c for c in cells if c[0] in ("id", "version", "lamport", "updated_at")]
    assert {browser.model.data(browser.model.index(r, AuditTableModel.COL_ROW))
            for r in range(2)} == {"Pemkab Maros"}  # the record by its name, not its UUID
    assert "2 entri" in browser.total.text()
    browser.row_filter.setText("Gowa")
    qtbot.keyClick(browser.row_filter, Qt.Key.Key_Return)
    assert browser.model.rowCount() == 0
    browser.table_filter.setCurrentIndex(0)  # every table: a participant found by name or NIK
    with office.uow("petugas") as uow:
        person = register_participant(uow, data=ParticipantData(
            nik="7309015507850001", name="Siti Aminah", village_code="7309012003",
            occupation="Nelayan"), today=TODAY)
        uow.commit()
    for typed in ("siti amin", "7309015507850001", person.kpj):
        browser.row_filter.setText(typed)
        qtbot.keyClick(browser.row_filter, Qt.Key.Key_Return)
        subjects = {browser.model.data(browser.model.index(r, AuditTableModel.COL_ROW))
                    for r in range(browser.model.rowCount())}
        assert browser.model.rowCount() >= 1 and all("Siti Aminah" in s for s in subjects)
    # What a careless or curious officer types is only ever a search word: no error, no
    # change (bound parameters; a LIKE wildcard widens the search, nothing else).
    before = browser.model.rowCount()
    for typed in ("x'); DROP TABLE audit_log; --", "%", "_"):
        browser.row_filter.setText(typed)
        qtbot.keyClick(browser.row_filter, Qt.Key.Key_Return)
    with office.uow("admin", write=False) as uow:
        assert verify_audit_chain(uow).ok
    assert before >= 1


def test_verify_button_reports_intact_and_tampered(qtbot, office):
    _partner(office)
    browser = AuditBrowser(_ctx(office, "admin"))
    qtbot.addWidget(browser)
    qtbot.mouseClick(browser.verify_button, Qt.MouseButton.LeftButton)
    assert "utuh" in browser.status.text() and "TIDAK" not in browser.status.text()
    conn = sqlite3.connect(office.path)
    with conn:
        conn.execute("UPDATE audit_log SET username = 'x' WHERE seq = 3")
    conn.close()
    qtbot.mouseClick(browser.verify_button, Qt.MouseButton.LeftButton)
    assert "TIDAK utuh" in browser.status.text() and "#3" in browser.status.text()


def test_verify_button_names_a_row_edited_outside_the_program(qtbot, office):
    _partner(office)
    browser = AuditBrowser(_ctx(office, "admin"))
    qtbot.addWidget(browser)
    conn = sqlite3.connect(office.path)
    with conn:
        conn.execute("UPDATE partners SET name = 'Mitra Siluman'")
    conn.close()
    qtbot.mouseClick(browser.verify_button, Qt.MouseButton.LeftButton)
    text = browser.status.text()
    assert "TIDAK utuh" in text and "Mitra" in text and "Mitra Siluman" in text
    assert "diubah langsung di luar program" in text


def test_settings_shows_backup_and_audit_only_to_permitted_roles(qtbot, office):
    officer = SettingsPage(_ctx(office, "petugas"))
    qtbot.addWidget(officer)
    assert officer.backups is None and officer.audit is None
    head = SettingsPage(_ctx(office, "kepala"))
    qtbot.addWidget(head)
    assert head.backups is None and head.audit is not None
    admin = SettingsPage(_ctx(office, "admin"))
    qtbot.addWidget(admin)
    assert admin.backups is not None and admin.audit is not None


def test_backup_panel_backup_now_and_retention(qtbot, office, tmp_path):
    panel = BackupPanel(_ctx(office, "admin"), directory=tmp_path / "cadangan")
    qtbot.addWidget(panel)
    assert panel.last.text() == "belum pernah"
    qtbot.mouseClick(panel.backup_now, Qt.MouseButton.LeftButton)
    assert panel.last.text().endswith("WITA") and "1 berkas" in panel.count.text()
    panel.keep.setValue(7)
    qtbot.mouseClick(panel.save_keep, Qt.MouseButton.LeftButton)
    with office.uow("admin", write=False) as uow:
        from branch_desk.services.admin.backups import backup_retention

        assert backup_retention(uow) == 7


def test_backup_panel_restore_asks_first(qtbot, office, tmp_path, monkeypatch):
    _partner(office)
    ctx = _ctx(office, "admin")
    panel = BackupPanel(ctx, directory=tmp_path / "cadangan")
    qtbot.addWidget(panel)
    saved = panel.make_backup()
    with office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(code="BARU", name="Baru", kind="pemkab",
                                          region_code="73.09"))
        uow.commit()
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    assert panel.restore_from(saved) is False
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(panel.restored):
        assert panel.restore_from(saved) is True
    from branch_desk.services.partners.registry import list_partners

    with office.uow("admin", write=False) as uow:
        assert [p.code for p in list_partners(uow)] == ["PEMKAB-MAROS"]


def test_idle_lock_covers_window_and_keeps_the_form(qtbot, office):
    ctx = _ctx(office, "petugas")
    window = QMainWindow()
    form = QWidget()
    field = QLineEdit(objectName="nama")
    QVBoxLayout(form).addWidget(field)
    window.setCentralWidget(form)
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    qtbot.waitExposed(window)
    lock = install_idle_lock(window, ctx, minutes=10)
    field.setFocus()
    qtbot.keyClicks(field, "Siti Amin")
    lock.set_timeout_ms(50)
    qtbot.mouseMove(field)  # activity restarts the timer with the short interval
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    assert lock.is_locked and lock.overlay.isVisible()
    assert lock.overlay.geometry() == window.rect()
    qtbot.keyClicks(field, "XYZ")  # swallowed while locked
    assert field.text() == "Siti Amin"
    qtbot.keyClicks(lock.overlay.password, "salah-sandi")
    qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
    assert lock.is_locked and "salah" in lock.overlay.message.text()
    lock.overlay.password.clear()
    qtbot.keyClicks(lock.overlay.password, PASSWORDS["petugas"])
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
    assert not lock.overlay.isVisible()
    qtbot.keyClicks(field, "ah")
    assert field.text() == "Siti Aminah"
    lock.set_timeout_ms(600_000)


def test_screenshots(qtbot, office, tmp_path):
    _partner(office)
    page = SettingsPage(_ctx(office, "admin"))
    qtbot.addWidget(page)
    page.resize(1100, 1900)
    page.show()
    qtbot.waitExposed(page)
    page.audit.table_filter.setCurrentIndex(page.audit.table_filter.findData("partners"))
    page.audit.refresh()
    page.audit.verify()
    audit = page.audit
    assert audit.model.rowCount() == 2
    assert {audit.model.data(audit.model.index(r, AuditTableModel.COL_TABLE))
            for r in range(2)} == {"Mitra"}
    assert audit.total.text() == "2 entri"
    assert audit.status.text().startswith("Log audit utuh")
    assert page.backups is not None and page.backups.isVisible()
    save_shot(page.widget(), "settings-security.png", tmp_path)
    save_shot(page.audit, "settings-audit.png", tmp_path)
    window = QMainWindow()
    window.setCentralWidget(QLineEdit("Formulir yang sedang diisi"))
    qtbot.addWidget(window)
    window.resize(900, 520)
    window.show()
    lock = install_idle_lock(window, _ctx(office, "petugas"))
    lock.lock()
    assert lock.is_locked and lock.overlay.isVisible()
    save_shot(window, "settings-idle-lock.png", tmp_path)


def test_backup_panel_shows_why_a_crafted_backup_is_refused(qtbot, office, tmp_path,
                                                            monkeypatch):
    _partner(office)
    ctx = _ctx(office, "admin")
    panel = BackupPanel(ctx, directory=tmp_path / "cadangan")
    qtbot.addWidget(panel)
    crafted = panel.make_backup()
    conn = sqlite3.connect(crafted)
    conn.execute("CREATE TRIGGER rekening_ganti AFTER INSERT ON claim_recipients BEGIN "
                 "UPDATE claim_recipients SET bank_account = '9999999999'; END")
    conn.close()
    shown: list[str] = []

    def warning(_parent, _title, text, *_args):
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warning)
    assert panel.restore_from(crafted) is False
    assert len(shown) == 2  # the question, then the refusal
    assert "ditolak" in shown[1] and "trigger `rekening_ganti`" in shown[1]
    assert "Tidak ada yang diubah" in shown[1]
    from branch_desk.services.partners.registry import list_partners

    with office.uow("admin", write=False) as uow:  # the database still works, unchanged
        assert [p.code for p in list_partners(uow)] == ["PEMKAB-MAROS"]
    conn = sqlite3.connect(office.path)
    try:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = "
                            "'rekening_ganti'").fetchone() == (0,)
    finally:
        conn.close()
