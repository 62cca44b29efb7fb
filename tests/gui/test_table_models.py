"""The shared read-only table model and every model built on it pass Qt's model checks, answer
the roles they handle and None for the others."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from branch_desk.services.admin.audit import AuditFilter, browse
from branch_desk.services.claims.queries import list_claims
from branch_desk.services.participants.importing import NEW, REJECTED, ImportRowResult
from branch_desk.services.participants.queries import search_participants
from branch_desk.ui.admin.audit_browser import AuditTableModel
from branch_desk.ui.claims.model import ClaimsModel
from branch_desk.ui.participants.import_rows import ALL, COLOURS, ImportRowsModel
from branch_desk.ui.participants.list_model import COL_NAME, COL_STATUS, ParticipantListModel
from branch_desk.ui.widgets.table_model import RowsModel
from tests.support.claims import jkk_draft
from tests.support.contributions import person

Role = Qt.ItemDataRole
UNHANDLED = (Role.DecorationRole, Role.EditRole, Role.FontRole, Role.CheckStateRole)


def _unhandled_roles_are_none(model) -> None:
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            assert all(model.data(index, role) is None for role in UNHANDLED)


def test_rows_model(qtmodeltester):
    model = RowsModel(("Kode", "Nama"), [("PEMKAB", "Kabupaten Maros"), ("PEMKOT", "Kota")],
                      ["id-1", "id-2"])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "Kabupaten Maros"
    assert model.data(model.index(1, 0), Role.UserRole) == "id-2"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Nama"
    assert model.data(model.index(0, 0), Role.TextAlignmentRole) is None
    _unhandled_roles_are_none(model)
    model.set_rows([("A", "B")], ["k"])
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.key(0) == "k" and model.key(5) == ""


def test_import_rows_model(qtmodeltester):
    rows = (ImportRowResult(2, NEW, "7309************", "Daeng Tiro"),
            ImportRowResult(3, REJECTED, "7309************", "Hasnah", "NIK tidak sah",
                            ("nama pendek",)))
    model = ImportRowsModel()
    model.set_report(rows, REJECTED)
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.row_at(0).name == "Hasnah"
    first = model.index(0, 0)
    assert model.data(first) == "3"
    assert model.data(first, Role.ToolTipRole) == "NIK tidak sah nama pendek"
    assert model.data(first, Role.BackgroundRole) == COLOURS[REJECTED]
    assert model.data(first, Role.TextAlignmentRole) is not None
    assert model.data(model.index(0, 1), Role.TextAlignmentRole) is None
    _unhandled_roles_are_none(model)
    model.set_filter(ALL)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.counts()[REJECTED] == 1
    assert model.data(model.index(0, 0), Role.ToolTipRole) is None


def test_claims_model(qtmodeltester, office):
    draft = jkk_draft(office)
    with office.uow(write=False) as uow:
        rows = list_claims(uow)
    model = ClaimsModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.data(model.index(0, ClaimsModel.COL_NUMBER)) == draft.number
    assert model.data(model.index(0, 2), Role.UserRole) == draft.number
    assert model.data(model.index(0, ClaimsModel.COL_TOTAL), Role.TextAlignmentRole) is not None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nomor klaim"
    _unhandled_roles_are_none(model)


def test_audit_model(qtmodeltester, office):
    with office.uow("admin", write=False) as uow:
        rows = browse(uow, criteria=AuditFilter(), limit=20)
    model = AuditTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) > 0
    assert model.data(model.index(0, AuditTableModel.COL_SEQ)) == str(rows[0].seq)
    _unhandled_roles_are_none(model)


@pytest.mark.parametrize("page_size", [2, 100])
def test_participant_list_model_pages(qtmodeltester, office, monkeypatch, page_size):
    from branch_desk.ui.participants import list_model

    monkeypatch.setattr(list_model, "PAGE_SIZE", page_size)
    ids = [person(office, n, tmt=date(2025, 1, 1)) for n in range(1, 6)]

    def fetch(query):
        with office.uow(write=False) as uow:
            return search_participants(uow, query)

    model = ParticipantListModel(fetch)
    model.reload()
    assert model.rowCount() == min(page_size, 5)
    while model.canFetchMore():
        model.fetchMore()
    qtmodeltester.check(model)
    assert model.rowCount() == 5 and not model.has_more
    assert {model.data(model.index(r, 0), Role.UserRole) for r in range(5)} == set(ids)
    assert model.data(model.index(0, COL_NAME)).startswith("Peserta ")
    assert model.data(model.index(0, COL_STATUS), Role.ToolTipRole) is None
    assert model.data(model.index(0, 0), Role.ForegroundRole) is None  # active: default colour
    _unhandled_roles_are_none(model)
