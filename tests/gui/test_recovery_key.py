"""The recovery key shown once at set-up, its printable sheet, and the conversion of a plain
database when the program starts on it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from branch_desk.db.encryption import is_plain_sqlite
from branch_desk.domain.recovery_key import format_recovery_key, key_groups, key_pragma
from branch_desk.services.admin.offices import initialise
from branch_desk.services.database import is_set_up
from branch_desk.services.encryption import find_key
from branch_desk.ui.shell.first_start import FirstStartDialog
from branch_desk.ui.shell.recovery_key import RecoveryKeyDialog, encrypt_at_first_start
from branch_desk.ui.shell.startup import prepare_database
from branch_desk.ui.widgets.pdf_preview import PdfPreviewDialog
from tests.support.encryption import connect_keyed
from tests.support.pdf import pdf_text


@pytest.fixture
def encrypted_office(tmp_path):
    """A new office set up on a fresh file, as the program's first start makes it."""
    db = prepare_database(str(tmp_path / "kantor.db"))
    initialise(db, office_code="MRS", office_name="Kantor Cabang Maros", admin="admin",
               password="rahasia-maros")
    yield db
    db.dispose()


def test_the_first_start_makes_an_encrypted_office(qtbot, tmp_path):
    db = prepare_database(str(tmp_path / "baru.db"))
    dialog = FirstStartDialog(db, demo_default=False)
    qtbot.addWidget(dialog)
    dialog.code.setText("MRS")
    dialog.name.setText("Kantor Cabang Maros")
    dialog.password.setText("rahasia-maros")
    dialog.password2.setText("rahasia-maros")
    dialog.start()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert db.is_encrypted and is_set_up(db)
    db.dispose()
    assert not is_plain_sqlite(tmp_path / "baru.db")
    assert find_key(tmp_path / "baru.db").key == db.key


def test_the_recovery_key_is_shown_and_the_dialog_stays_until_confirmed(qtbot,
                                                                       encrypted_office):
    dialog = RecoveryKeyDialog(encrypted_office)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.key_label.text()  # eight groups a line, then the check group
    assert shown.replace("\n/ ", " / ").replace("\n", "-") == \
        format_recovery_key(encrypted_office.key)
    assert not dialog.ok.isEnabled()
    dialog.reject()  # closing the window, Esc: refused while the box is not ticked
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    dialog.accept()
    assert dialog.isVisible()
    dialog.confirm.setChecked(True)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    # the file fallback of this test's machine is said on the dialog
    assert "tidak punya penyimpanan kredensial" in " ".join(
        label.text() for label in dialog.findChildren(type(dialog.key_label)))


def test_the_printed_sheet_carries_the_key_and_leaves_no_file(qtbot, encrypted_office,
                                                              tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    dialog = RecoveryKeyDialog(encrypted_office)
    qtbot.addWidget(dialog)
    dialog.print_button.click()
    previews = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, PdfPreviewDialog) and w.isVisible()]
    assert len(previews) == 1
    pdf = bytes(previews[0]._bytes.data())
    previews[0].close()
    text = pdf_text(pdf, tmp_path)
    assert "LEMBAR KUNCI PEMULIHAN" in text and "Kantor Cabang Maros (MRS)" in text
    for group in key_groups(encrypted_office.key):
        assert group in text
    assert key_pragma(encrypted_office.key).split("'")[1] in text.replace(" ", "")
    assert "cipher_page_size = 4096" in text and "HMAC_SHA512" in text
    assert list((tmp_path / "tmp").iterdir()) == []  # no copy of the key left on disk


def test_a_plain_database_is_encrypted_when_the_program_starts_on_it(
        qtbot, template_db, tmp_path, monkeypatch):
    path = tmp_path / "kantor.db"
    shutil.copy(template_db, path)
    conn = sqlite3.connect(path)
    users = conn.execute("SELECT username, password_hash FROM users ORDER BY 1").fetchall()
    conn.close()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    db = prepare_database(str(path))
    assert not db.is_encrypted
    converted = encrypt_at_first_start(None, db)
    assert converted is not db and converted.is_encrypted
    assert not is_plain_sqlite(path) and "terenkripsi" in told[0]
    converted.dispose()
    with connect_keyed(path) as conn:
        assert conn.execute("SELECT username, password_hash FROM users ORDER BY 1"
                            ).fetchall() == users
        assert conn.execute("SELECT username FROM audit_log WHERE action = 'encrypt'"
                            ).fetchall() == [("system",)]
    backups = list(Path(tmp_path / "data" / "backups").glob("*.db"))
    assert backups and not [b for b in backups if is_plain_sqlite(b)]
    # the next start opens it with the kept key and converts nothing
    again = prepare_database(str(path))
    assert again.is_encrypted and encrypt_at_first_start(None, again) is again
    again.dispose()


def test_the_program_refuses_a_wrong_key_with_a_message(encrypted_office, tmp_path):
    """What `app.run` shows (through show_error) instead of a traceback."""
    from branch_desk.services.encryption import DatabaseKeyError, fallback_key_file

    path = encrypted_office.sqlite_path
    encrypted_office.dispose()
    fallback_key_file(path).write_text("cd" * 32 + "\n", encoding="utf-8")
    with pytest.raises(DatabaseKeyError, match="Kunci basis data tidak cocok") as caught:
        prepare_database(str(path))
    assert "key import" in str(caught.value) and "berkas kunci" in str(caught.value)
