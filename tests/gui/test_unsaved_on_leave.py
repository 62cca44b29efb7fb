"""Closing the program, logging out and the idle lock never drop what was typed: the main
window lists the unsaved forms and asks (Enter or Esc: back to the forms), and the lock
covers the window and its dialogs but keeps every form as it was for the same user.
The questions are real message boxes answered with the keys an officer would press."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from branch_desk.ui.shell.lock_overlay import LockCover
from branch_desk.ui.shell.main_window import MainWindow
from branch_desk.ui.widgets.unsaved import UnsavedQuestion
from tests.support.claims import jkk_draft
from tests.support.claims_gui import claims_shot
from tests.support.gui import answer_next_box, app_context, stop_timers
from tests.support.offices import PASSWORDS

BACK = "&Kembali ke formulir"


def _discard_at_teardown(window: MainWindow) -> None:
    """The test is over: close without the question (nobody would answer it)."""
    stop_timers(window)
    window._leaving = True


def _window(qtbot, office) -> MainWindow:
    window = MainWindow(app_context(office))
    qtbot.addWidget(window, before_close_func=_discard_at_teardown)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def _edit_claim(qtbot, window, number):
    page = window.go_to("klaim")
    page.select(number)
    page.detail.edit.click()
    editor = page.editor
    editor.place.setFocus()
    editor.place.selectAll()
    qtbot.keyClicks(editor.place, "Dermaga Maros, sisi utara")
    return page, editor


def _new_participant(qtbot, window):
    page = window.go_to("peserta")
    form = page.new_participant()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.name, "Sitti Aminah")
    return page, form


def _close(window) -> bool:
    """What the title bar's close button does; True when the window closed."""
    window.close()
    QApplication.processEvents()
    return not window.isVisible()


def test_close_with_an_unsaved_claim_edit_asks_and_goes_back_or_discards(qtbot, office):
    draft = jkk_draft(office)
    window = _window(qtbot, office)
    page, editor = _edit_claim(qtbot, window, draft.number)
    assert window.unsaved_work() == [f"Perubahan pada klaim {draft.number}"]
    seen = answer_next_box(Qt.Key.Key_Return)  # Enter: the default, back to the form
    assert not _close(window)
    assert seen.name == "unsaved_leave" and seen.title == "Ada isian yang belum disimpan"
    assert f"• Perubahan pada klaim {draft.number}" in seen.text
    assert "program ditutup" in seen.text and seen.default == BACK
    assert sorted(seen.buttons) == ["&Buang dan tutup", BACK]
    assert page.editor is editor and editor.place.text() == "Dermaga Maros, sisi utara"
    seen = answer_next_box(Qt.Key.Key_Escape)
    assert not _close(window) and seen.name == "unsaved_leave"
    seen = answer_next_box(Qt.Key.Key_B)  # &Buang dan tutup
    assert _close(window) and seen.name == "unsaved_leave"


def test_close_without_unsaved_work_asks_nothing(qtbot, office, monkeypatch):
    draft = jkk_draft(office)
    window = _window(qtbot, office)
    page = window.go_to("klaim")
    page.select(draft.number)
    page.detail.edit.click()  # opened but nothing typed
    window.go_to("peserta")
    window.go_to("iuran")
    monkeypatch.setattr("branch_desk.ui.shell.main_window.confirm_leave",
                        lambda *a, **k: pytest_fail("asked without unsaved work"))
    assert window.unsaved_work() == []
    assert _close(window)


def pytest_fail(message: str) -> bool:
    raise AssertionError(message)


def test_logout_lists_every_unsaved_form_and_logs_out_only_when_agreed(qtbot, office):
    draft = jkk_draft(office)
    window = _window(qtbot, office)
    logged_out: list[bool] = []
    window.on_logout = lambda: logged_out.append(True)
    claims, _editor = _edit_claim(qtbot, window, draft.number)
    claims.setCurrentWidget(claims.intake)
    qtbot.keyClicks(claims.intake.description, "Meninggal karena sakit")
    payments = window.go_to("iuran").payment
    qtbot.keyClicks(payments.reference, "BRI-0615-01")
    seen = answer_next_box(Qt.Key.Key_Escape)
    assert window.logout() is False
    assert logged_out == [] and window.isVisible()
    assert "keluar akun" in seen.text
    for line in ("Klaim baru yang sedang dicatat (tab Catat klaim)",
                 f"Perubahan pada klaim {draft.number}",
                 "Pembayaran iuran yang belum disimpan (tab Pembayaran)"):
        assert f"• {line}" in seen.text
    assert claims.intake.description.text() == "Meninggal karena sakit"
    assert payments.reference.text() == "BRI-0615-01"
    seen = answer_next_box(Qt.Key.Key_B)  # &Buang dan keluar akun
    assert window.logout() is True
    assert logged_out == [True] and not window.isVisible()
    assert "&Buang dan keluar akun" in seen.buttons


def test_participant_form_is_listed_and_asks_before_its_own_close(qtbot, office):
    window = _window(qtbot, office)
    _page, form = _new_participant(qtbot, window)
    assert window.unsaved_work() == ["Peserta baru Sitti Aminah"]
    seen = answer_next_box(Qt.Key.Key_Return)
    assert not _close(window)
    assert "• Peserta baru Sitti Aminah" in seen.text
    assert form.isVisible() and form.name.text() == "Sitti Aminah"
    seen = answer_next_box(Qt.Key.Key_Escape)  # Esc in the form, then Esc in the box
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)
    assert seen.name == "unsaved_close_form" and seen.default == BACK
    assert "Isian Peserta baru Sitti Aminah belum disimpan" in seen.text
    assert form.isVisible() and form.name.text() == "Sitti Aminah"
    seen = answer_next_box(Qt.Key.Key_B)  # &Buang isian
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)
    assert seen.buttons and not form.isVisible()
    assert window.unsaved_work() == []


def test_lock_covers_the_open_form_and_keeps_everything_typed(qtbot, office):
    draft = jkk_draft(office)
    window = _window(qtbot, office)
    _claims, editor = _edit_claim(qtbot, window, draft.number)
    _page, form = _new_participant(qtbot, window)
    lock = window.idle_lock
    lock.lock()
    # the password cover is on the modal form (the only window taking input), the main
    # window under a plain cover; nothing behind them takes keys
    assert lock.overlay.parentWidget() is form and lock.overlay.isVisible()
    assert lock.overlay.geometry() == form.rect()
    assert any(c.isVisible() for c in window.findChildren(LockCover))
    qtbot.keyClicks(form.name, " XYZ")
    qtbot.keyClicks(editor.place, " XYZ")
    assert form.name.text() == "Sitti Aminah"
    # closing while locked is refused without showing what is unsaved
    assert not _close(window)
    assert "belum disimpan" in lock.overlay.message.text()
    assert QApplication.activeModalWidget() is form
    qtbot.keyClicks(lock.overlay.password, PASSWORDS["petugas"])
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
    assert lock.overlay.parentWidget() is window and not lock.overlay.isVisible()
    assert not any(c.isVisible() for c in window.findChildren(LockCover))
    assert form.isVisible() and form.name.text() == "Sitti Aminah"
    assert editor.place.text() == "Dermaga Maros, sisi utara"
    assert window.isVisible() and window.pages["klaim"].editor is editor
    assert window.unsaved_work() == [f"Perubahan pada klaim {draft.number}",
                                     "Peserta baru Sitti Aminah"]
    form.discard()


def test_lock_without_a_dialog_keeps_the_claim_edit(qtbot, office):
    draft = jkk_draft(office)
    window = _window(qtbot, office)
    _claims, editor = _edit_claim(qtbot, window, draft.number)
    lock = window.idle_lock
    lock.lock()
    assert lock.overlay.parentWidget() is window
    assert lock.overlay.geometry() == window.rect()
    qtbot.keyClicks(editor.place, "XYZ")
    qtbot.keyClicks(lock.overlay.password, PASSWORDS["petugas"])
    qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
    assert not lock.is_locked
    assert editor.place.text() == "Dermaga Maros, sisi utara"
    seen = answer_next_box(Qt.Key.Key_B)  # the edit is still unsaved after the lock
    assert _close(window) and f"Perubahan pada klaim {draft.number}" in seen.text


def test_leave_question_screenshot(qtbot, office):
    """The real box (set CLAIMS_SCREENSHOTS to a folder to save it)."""
    window = _window(qtbot, office)
    box = UnsavedQuestion(window, "unsaved_leave").leave_program(
        ["Perubahan pada klaim JKK/MRS/2025/000001", "Peserta baru Sitti Aminah",
         "Pembayaran iuran yang belum disimpan (tab Pembayaran)"], logout=False)
    assert box.defaultButton() is box.escapeButton()
    assert box.defaultButton().text() == BACK
    claims_shot(box, "unsaved-leave-question.png")
    box.close()
