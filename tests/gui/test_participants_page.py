"""Participant page: paging model (qtmodeltester), search box, form with NIK auto-fill and
duplicate handling, detail view with the audited full NIK, import dialog."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import ParticipantData, ParticipantQuery
from branch_desk.ui.participants.list_model import COL_NAME, COL_NIK, ParticipantListModel
from tests.support.gui import app_context
from tests.support.partners import add_maros

FIRST = ("Andi", "Baso", "Sitti", "Nur", "Rahmat", "Hasan", "Abdul", "Irwan", "Jumriah", "Ramli")
LAST = ("Tahir", "Lallo", "Sikki", "Beta", "Sila", "Tiro", "Rasyid", "Kadir", "Mustafa", "Hafid",
        "Manggau", "Sanusi", "Paewa")
NAMES = [f"{FIRST[n % 10]} {LAST[n // 10]}" for n in range(130)]
SHOTS = os.environ.get("BRANCH_DESK_SCREENSHOTS")  # a directory: save screenshots there


@pytest.fixture
def many(office):
    add_maros(office)
    with office.uow("petugas") as uow:
        for n in range(1, 131):
            register_participant(uow, data=ParticipantData(
                nik=f"73090101018{n % 10}{n:04d}", name=NAMES[n - 1],
                village_code="73.09.01.2003", partner_code="PEMKAB-MAROS" if n % 3 else None,
                occupation="nelayan"), allow_likely_duplicate=True)
        uow.commit()
    return office


def shot(widget, name):
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"participants-{name}.png"))


def test_list_model_pages_and_passes_the_model_tester(many, qtmodeltester):
    ctx = app_context(many)
    calls = []

    def fetch(query: ParticipantQuery):
        calls.append(query.offset)
        with ctx.reading() as uow:
            from branch_desk.services.participants.queries import search_participants

            return search_participants(uow, query)

    model = ParticipantListModel(fetch)
    model.set_query(ParticipantQuery())
    assert model.rowCount() == 100 and model.canFetchMore()
    qtmodeltester.check(model)
    model.fetchMore()
    assert model.rowCount() == 130 and not model.canFetchMore()
    assert calls == [0, 100] or calls[:2] == [0, 100]
    assert model.data(model.index(0, COL_NIK)).count("*") == 12
    assert model.data(model.index(0, COL_NAME)) == sorted(NAMES)[0]
    assert model.data(model.index(0, COL_NAME), Qt.ItemDataRole.DecorationRole) is None
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, COL_NAME)) == sorted(NAMES)[-1]
    qtmodeltester.check(model)


def test_page_search_and_filters(many, qtbot):
    from branch_desk.ui.participants.page import create_page

    page = create_page(app_context(many))
    qtbot.addWidget(page)
    page.resize(1200, 650)
    assert page.list_model.rowCount() == 100 and "100+" in page.count.text()
    shot(page, "list")
    page.search.setText("andi")
    page.apply_filters()
    assert [page.list_model.row_at(i).name for i in range(page.list_model.rowCount())] == \
        sorted(n for n in NAMES if n.startswith("Andi"))
    page.search.setText("")
    page.partner.setCurrentIndex(page.partner.findData("PEMKAB-MAROS"))
    assert page.list_model.rowCount() == 87


def test_form_fills_from_nik_flags_mismatch_and_saves(office, qtbot):
    from branch_desk.ui.participants.form import ParticipantForm

    ctx = app_context(office)
    form = ParticipantForm(ctx)
    qtbot.addWidget(form)
    saved = []
    form.saved.connect(saved.append)
    form.nik.setText("7309014507850001")
    assert form.birth_date.date().toPython() == date(1985, 7, 5)
    assert form.sex.currentData() == "P" and "Mandai" in form.nik_info.text()
    form.sex.setCurrentIndex(0)
    assert "Tidak cocok" in form.nik_info.text()
    form.sex.setCurrentIndex(1)
    form.name.setText("Sitti Aminah")
    form.occupation.setCurrentText("Nelayan")
    form.village.suggest("tenrigang")
    labels = form.village.completer().model().stringList()
    assert labels and labels[0].startswith("Desa Tenrigangkae")
    form.village.setText(labels[0])
    form.add_heir_row("Baso", "suami")
    shot(form, "form")
    row = form.save()
    assert row is not None and saved == [row] and row.village_code == "73.09.01.2003"
    again = ParticipantForm(ctx)
    qtbot.addWidget(again)
    asked = []
    again.confirm_open_existing = lambda message: asked.append(message) or False
    again.nik.setText("7309014507850001")
    again.name.setText("Orang Lain")
    again.village.setText("73.09.01.2003")
    assert again.save() is None and "sudah terdaftar" in asked[0]
    twin = ParticipantForm(ctx)
    qtbot.addWidget(twin)
    twin.confirm_duplicate = lambda lines: "Sitti Aminah" in lines
    twin.nik.setText("7309014507850002")
    twin.name.setText("Hj. Siti Aminah")
    twin.village.setText("73.09.01.1001")
    assert twin.save() is not None


def test_detail_reveals_nik_and_deactivates(office, qtbot):
    from branch_desk.ui.participants.detail import ParticipantDetailDialog

    with office.uow("petugas") as uow:
        row = register_participant(uow, data=ParticipantData(
            nik="7309014507850001", name="Sitti Aminah", village_code="73.09.01.2003"))
        uow.commit()
    dialog = ParticipantDetailDialog(app_context(office, "kepala"), row.id)
    qtbot.addWidget(dialog)
    assert dialog.nik_label.text() == "7309************"
    assert dialog.tabs.count() == 6
    dialog.reveal()
    assert dialog.nik_label.text() == "7309014507850001"
    assert dialog.deactivate_with("Pindah domisili ke Makassar")
    assert "Nonaktif" in dialog.title.text()
    history = dialog.findChild(type(dialog.findChild(object, "history")), "history")
    texts = [history.item(r, 2).text() for r in range(history.rowCount())]
    assert "Peserta dinonaktifkan" in texts and "NIK lengkap dilihat" in " ".join(texts)
    officer = ParticipantDetailDialog(app_context(office, "petugas"), row.id)
    qtbot.addWidget(officer)
    assert officer.deactivate.isHidden()


def test_import_dialog_dry_run_then_import(office, qtbot, tmp_path):
    from openpyxl import Workbook

    from branch_desk.ui.participants.import_dialog import ImportDialog

    add_maros(office)
    wb = Workbook()
    wb.active.append(["NIK", "Nama", "Desa"])
    wb.active.append(["7309014507850001", "SITTI AMINAH", "Tenrigangkae"])
    wb.active.append([7309010101900000, "BASO TANG", "Bontoa"])
    wb.save(tmp_path / "list.xlsx")
    dialog = ImportDialog(app_context(office))
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "list.xlsx"))
    dialog.start(dry_run=True)
    # the rejected rows come first; the filter shows every row, or each kind, with counts
    assert dialog.show_filter.currentData() == "ditolak"
    assert [dialog.table.model().index(0, c).data() for c in (0, 1, 2)] == [
        "3", "Ditolak", "7309************"]
    assert dialog.table.model().rowCount() == 1
    assert dialog.detail.text().startswith("Baris 3: NIK tersimpan sebagai angka")
    dialog.show_filter.setCurrentIndex(dialog.show_filter.findData("semua"))
    assert dialog.table.model().rowCount() == 2
    assert dialog.table.model().index(0, 1).data() == "Baru"
    assert [dialog.show_filter.itemText(i) for i in range(dialog.show_filter.count())] == [
        "Semua baris (2)", "Ditolak (1)", "Dengan catatan (0)", "Baru (1)",
        "Sudah terdaftar (0)"]
    assert dialog.run.isEnabled() and dialog.errors.isEnabled()
    shot(dialog, "import")
    assert dialog.save_errors_to(str(tmp_path / "err.xlsx")).exists()
    dialog.start(dry_run=False)
    assert dialog.report is not None and dialog.report.imported == 1
    assert not dialog.run.isEnabled()


def test_double_click_and_enter_open_one_detail_window(office, qtbot):
    from branch_desk.ui.participants.detail import ParticipantDetailDialog
    from branch_desk.ui.participants.page import ParticipantsPage

    with office.uow("petugas") as uow:
        register_participant(uow, data=ParticipantData(
            nik="7309014507850001", name="Sitti Aminah", village_code="73.09.01.2003"))
        uow.commit()
    page = ParticipantsPage(app_context(office))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.list_model.rowCount() == 1)
    table = page.table
    rect = table.visualRect(page.list_model.index(0, COL_NAME))

    def shown() -> list[ParticipantDetailDialog]:
        return [d for d in page.findChildren(ParticipantDetailDialog) if d.isVisible()]

    # A double click as the mouse sends it: press, release, then the double-click press.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(shown()) == 1
    qtbot.keyClick(table, Qt.Key.Key_Return)  # again for the same participant: the same window
    assert len(shown()) == 1
    shown()[0].close()


def test_import_dialog_maps_unknown_columns_and_picks_the_sheet(office, qtbot, tmp_path):
    from openpyxl import Workbook

    from branch_desk.services.participants.column_mapping import column_mapping
    from branch_desk.ui.participants.import_dialog import ImportDialog

    add_maros(office)
    wb = Workbook()
    wb.active.title = "Petunjuk"
    wb.active.append(["Isi pada lembar Data"])
    data = wb.create_sheet("Data")
    data.append(["No. Identitas", "Nm. Pekerja", "Kampung"])
    data.append(["7309014507850001", "SITTI AMINAH", "Tenrigangkae"])
    wb.save(tmp_path / "aneh.xlsx")
    dialog = ImportDialog(app_context(office))
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "aneh.xlsx"))
    dialog.path.editingFinished.emit()
    # no sheet holds NIK and Nama: the sheets are listed and the headers offered for mapping
    assert [dialog.sheet.itemData(i) for i in range(dialog.sheet.count())] == [
        None, "Petunjuk", "Data"]
    chooser = dialog.chooser
    assert chooser is not None and [h for h, _ in chooser.choosers] == ["Isi pada lembar Data"]
    chooser.reject()
    dialog.sheet.setCurrentIndex(dialog.sheet.findData("Data"))
    dialog.start(dry_run=True)
    chooser = dialog.chooser
    assert [h for h, _ in chooser.choosers] == ["No. Identitas", "Nm. Pekerja", "Kampung"]
    combos = dict(chooser.choosers)
    combos["No. Identitas"].setCurrentIndex(combos["No. Identitas"].findData("nik"))
    chooser.accept()
    assert chooser.isVisible() and "Nama" in chooser.problem.text()  # Nama is required
    combos["Nm. Pekerja"].setCurrentIndex(combos["Nm. Pekerja"].findData("name"))
    combos["Kampung"].setCurrentIndex(combos["Kampung"].findData("village"))
    chooser.accept()
    assert dialog.report is not None and dialog.report.imported == 1
    assert "No. Identitas → nik" in dialog.summary.text()
    with office.uow("petugas", write=False) as uow:
        assert column_mapping(uow, partner_code="PEMKAB-MAROS") == {
            "nik": "No. Identitas", "name": "Nm. Pekerja", "village": "Kampung"}
