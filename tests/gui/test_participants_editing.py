"""Correcting participants on screen: the edit form from the detail window, two windows
editing the same participant, the "Belum lengkap" list completed from the keyboard, death,
deactivation, reactivation and the NIK correction with their reasons, the list at 1366×768."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget
from sqlalchemy import select

from branch_desk.db.models.participants import Participant
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import ParticipantData
from branch_desk.ui.participants.detail import ParticipantDetailDialog
from branch_desk.ui.participants.edit_form import ParticipantEditForm
from branch_desk.ui.participants.list_model import COL_STATUS
from branch_desk.ui.participants.page import ParticipantsPage
from branch_desk.ui.participants.status_dialog import StatusDialog
from tests.support.gui import answer_next_box, app_context, focused, press, type_text
from tests.support.partners import add_maros

TENRIGANGKAE = "73.09.01.2003"
PEOPLE = [("7309014507850001", "Sitti Aminah"), ("7309010101900002", "Baso Tang"),
          ("7309010202910003", "Andi Lallo")]


def register(office, nik, name, **values):
    with office.uow("petugas") as uow:
        row = register_participant(uow, data=ParticipantData(
            nik=nik, name=name, village_code=TENRIGANGKAE, **values),
            today=date(2025, 6, 16), allow_likely_duplicate=True)
        uow.commit()
    return row


def stored(office, participant_id, *columns):
    with office.uow("petugas", write=False) as uow:
        return tuple(uow.session.execute(select(*(getattr(Participant, c) for c in columns))
                                         .where(Participant.id == participant_id)).one())


def test_edit_from_the_detail_window(office, qtbot):
    row = register(office, *PEOPLE[0], address="Dusun Bontoa", occupation="nelayan")
    detail = ParticipantDetailDialog(app_context(office), row.id)
    qtbot.addWidget(detail)
    assert detail.findChild(QPushButton, "edit").isVisibleTo(detail)
    assert not detail.findChild(QPushButton, "correct_nik").isVisibleTo(detail)  # petugas
    form = detail.open_edit()
    form.address.setText("Jl. Poros Maros km 3")
    form.income.setText("Rp2.000.000")
    assert form.save() is not None and not form.isVisible()
    assert stored(office, row.id, "address", "income") == ("Jl. Poros Maros km 3", 2_000_000)
    assert detail.detail.row.address == "Jl. Poros Maros km 3"  # the window shows the save
    history = detail.findChild(QTableWidget, "history")
    last = history.rowCount() - 1
    assert history.item(last, 1).text() == "petugas"
    assert history.item(last, 2).text() == "Data peserta diubah"
    assert history.item(last, 3).text() == ("Alamat: Dusun Bontoa → Jl. Poros Maros km 3; "
                                            "Penghasilan: Rp1.000.000 → Rp2.000.000")


def test_careless_input_is_shown_in_the_form_and_nothing_saved(office, qtbot):
    row = register(office, *PEOPLE[0])
    form = ParticipantEditForm(app_context(office), row.id)
    qtbot.addWidget(form, before_close_func=ParticipantEditForm.discard)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    for widget, value, message in ((form.name, "   ", "Nama peserta wajib diisi"),
                                   (form.income, "1,5", "Penghasilan '1,5' tidak dikenali"),
                                   (form.income, "satu juta", "tidak dikenali")):
        form._fill(form.loaded)
        widget.setText(value)
        assert form.save() is None
        assert message in form.message.text() and form.isVisible()
        assert focused() is widget
    assert stored(office, row.id, "name", "income", "version") == ("Sitti Aminah", 1_000_000,
                                                                  row.version)
    form.discard()


def test_two_windows_editing_one_participant(office, qtbot):
    """The second save is refused with a clear message; the first is kept, the second
    window keeps what its officer typed."""
    row = register(office, *PEOPLE[0])
    first = ParticipantEditForm(app_context(office, "petugas"), row.id)
    second = ParticipantEditForm(app_context(office, "petugas2"), row.id)
    for form in (first, second):
        qtbot.addWidget(form, before_close_func=ParticipantEditForm.discard)
        form.show()
    first.phone.setText("0811 111")
    second.phone.setText("0822 222")
    assert first.save() is not None
    assert second.save() is None
    assert "telah diubah oleh petugas" in second.message.text()
    assert "tidak ada yang ditimpa" in second.message.text()
    assert second.isVisible() and second.phone.text() == "0822 222"
    assert stored(office, row.id, "phone") == ("0811111",)
    second.discard()


def test_incomplete_records_are_completed_one_after_another_from_the_keyboard(office, qtbot):
    add_maros(office)
    ids = [register(office, nik, name, partner_code="PEMKAB-MAROS").id for nik, name in PEOPLE]
    done = register(office, "7309010303920004", "Nur Lengkap", partner_code="PEMKAB-MAROS",
                    address="Dusun Tala", occupation="petani")
    page = ParticipantsPage(app_context(office))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.partner.setCurrentIndex(page.partner.findData("PEMKAB-MAROS"))
    dialog = page.open_incomplete()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.table.rowCount() == 3  # by name: Andi, Baso, Sitti; Nur is complete
    assert dialog.table.item(0, 4).text() == "alamat, pekerjaan"
    assert focused() is dialog.table
    press(qtbot, Qt.Key.Key_Return)  # the form opens on the first
    for number in range(3):
        form = dialog.form
        assert form is not None and form.isVisible()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow)
        assert focused() is form.address  # the first empty field
        type_text(qtbot, f"Dusun Baru {number}")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused().parent() is form.occupation or focused() is form.occupation
        type_text(qtbot, "Petani")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is form.phone
        qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Save: the next one opens
        assert not form.isVisible()
    assert dialog.table.rowCount() == 0
    assert dialog.count.text() == "Semua data peserta sudah lengkap."
    order = sorted(ids, key=lambda i: stored(office, i, "name")[0])
    assert [stored(office, i, "address", "occupation") for i in order] == [
        (f"Dusun Baru {n}", "Petani") for n in range(3)]
    assert stored(office, done.id, "address")[0] == "Dusun Tala"
    dialog.close()


def _answer_status_dialog(reason: str, *, nik: str = "", on: date | None = None) -> None:
    """Fill the next StatusDialog that opens and press Enter in it."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, StatusDialog):
            QTimer.singleShot(20, answer)
            return
        if nik:
            box.nik.setText(nik)
        if on is not None:
            box.date.setDate(on)
        box.reason.setText(reason)
        box.reason.setFocus()
        QTest.keyClick(box.reason, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_death_deactivation_reactivation_and_nik_correction(office, qtbot):
    row = register(office, *PEOPLE[0])
    as_petugas = ParticipantDetailDialog(app_context(office), row.id)
    qtbot.addWidget(as_petugas)
    for name in ("deactivate", "reactivate", "death", "correct_nik"):
        assert not as_petugas.findChild(QPushButton, name).isVisibleTo(as_petugas), name
    detail = ParticipantDetailDialog(app_context(office, "kepala"), row.id)
    qtbot.addWidget(detail)
    buttons = {n: detail.findChild(QPushButton, n)
               for n in ("deactivate", "reactivate", "death", "correct_nik")}
    assert [n for n, b in buttons.items() if b.isVisibleTo(detail)] == [
        "deactivate", "death", "correct_nik"]

    _answer_status_dialog("Salah ketik pada pendaftaran", nik="7309014507850009")
    buttons["correct_nik"].click()
    assert detail.detail.row.nik_masked == "7309************"
    history = detail.findChild(QTableWidget, "history")
    last = history.rowCount() - 1
    assert history.item(last, 2).text() == "NIK dikoreksi"
    assert history.item(last, 3).text() == ("NIK: 7309************ → 7309************; "
                                            "Alasan: Salah ketik pada pendaftaran")

    _answer_status_dialog("Pindah ke luar daerah", on=date(2025, 6, 1))
    buttons["deactivate"].click()
    assert detail.detail.row.status == "nonaktif"
    assert buttons["reactivate"].isVisibleTo(detail)
    assert not buttons["deactivate"].isVisibleTo(detail)

    seen = answer_next_box(Qt.Key.Key_Return)
    assert not detail.reactivate_with("ok")  # too short: refused, shown, nothing changed
    assert "Alasan pengaktifan kembali wajib diisi" in seen.text
    assert detail.detail.row.status == "nonaktif"
    _answer_status_dialog("Kembali ke Maros")
    buttons["reactivate"].click()
    assert detail.detail.row.status == "aktif"

    stale = detail.detail.row.version
    _answer_status_dialog("Akta kematian dari desa", on=date(2025, 6, 10))
    buttons["death"].click()
    assert detail.detail.row.status == "nonaktif"
    assert detail.detail.row.status_reason == "Meninggal dunia 10-06-2025: Akta kematian dari desa"
    assert not buttons["death"].isVisibleTo(detail)
    assert all(e.end_date is not None for e in detail.detail.enrolments)
    assert stale != detail.detail.row.version


def test_status_column_fits_a_1366_screen(office, qtbot):
    from branch_desk.ui.shell.main_window import MainWindow

    register(office, *PEOPLE[0])
    window = MainWindow(app_context(office))
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    page = window.go_to("peserta")
    assert isinstance(page, ParticipantsPage)
    QApplication.processEvents()
    table = page.table
    header = table.horizontalHeader()
    right = header.sectionViewportPosition(COL_STATUS) + header.sectionSize(COL_STATUS)
    assert header.sectionSize(COL_STATUS) >= table.fontMetrics().horizontalAdvance("Nonaktif")
    assert right <= table.viewport().width(), (right, table.viewport().width())


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_the_history_reads_in_english_in_english_mode(office, qtbot, language):
    """Issue 19: English mode entirely English — the history's phrases and field names too
    (the values the officer typed stay as typed)."""
    row = register(office, *PEOPLE[0], address="Dusun Bontoa", occupation="nelayan")
    detail = ParticipantDetailDialog(app_context(office), row.id)
    qtbot.addWidget(detail)
    form = detail.open_edit()
    form.address.setText("Jl. Poros Maros km 3")
    assert form.save() is not None
    history = detail.findChild(QTableWidget, "history")
    first, last = 0, history.rowCount() - 1
    assert history.item(first, 2).text() == "Participant data recorded"
    assert history.item(last, 2).text() == "Participant data changed"
    assert history.item(last, 3).text() == "Address: Dusun Bontoa → Jl. Poros Maros km 3"
    registered = history.item(first, 3).text()
    assert "Sex: Female" in registered and "Date of birth:" in registered
    assert "Jenis kelamin" not in registered and "Perempuan" not in registered
    texts = " ".join(history.item(r, c).text() for r in range(history.rowCount())
                     for c in (2, 3))
    assert "Programme: Work Accident Benefit (JKK), Death Benefit (JKM)" in texts
    assert "Income: Rp1,000,000" in texts and "Date of birth: 5 July 1985" in texts
    assert not {"Januari", "Februari", "Maret", "Mei", "Juni", "Juli", "Agustus", "Oktober",
                "Desember", "Jaminan", "Ya", "Tidak", "mitra"} & set(texts.replace(",", " ")
                                                                    .replace(":", " ").split())


def test_a_name_written_as_markup_is_shown_as_typed(office, qtbot):
    """A name typed (or synced) with markup is shown as its characters in the detail window's
    title, never as bold text or a link."""
    crafted = "<a href='file:///etc/passwd'>Sitti</a>"
    row = register(office, PEOPLE[0][0], crafted)
    detail = ParticipantDetailDialog(app_context(office), row.id)
    qtbot.addWidget(detail)
    assert crafted in detail.title.text().replace("&lt;", "<").replace("&gt;", ">")\
        .replace("&#x27;", "'")
    assert "<a href" not in detail.title.text()
