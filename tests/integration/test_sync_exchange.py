"""Export and import between offices: convergence, idempotence, conflicts, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from branch_desk.db.models.core import ChangeEntry
from branch_desk.services.partners.registry import PartnerData, add_partner, update_partner
from branch_desk.services.sync.review import (
    compare_digest,
    list_conflicts,
    list_duplicates,
    merge_duplicate,
    restore_conflict,
)
from tests.support.sync import (
    add_participant,
    build_templates,
    close_offices,
    digest,
    edit_participant,
    export,
    import_,
    open_offices,
    participant,
)


@pytest.fixture(scope="session")
def sync_templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("sync-templates"), ["MRS", "PKJ", "WIL"])


@pytest.fixture
def offices(sync_templates, tmp_path):
    made = open_offices(sync_templates, tmp_path / "offices")
    yield made
    close_offices(made)


def _partner(code: str, **kw) -> PartnerData:
    return PartnerData(code=code, name=kw.pop("name", f"Mitra {code}"), kind="pemkab",
                       region_code="7309", **kw)


def test_export_import_round_trip_converges(offices, tmp_path):
    mrs, pkj = offices["MRS"], offices["PKJ"]
    with mrs.uow() as uow:
        add_partner(uow, data=_partner("PEMKAB-MAROS", phone="0411-1"))
        uow.commit()
    pid = add_participant(mrs, nik="7309014505900001", name="Siti Aminah", kpj="MRS00000001")
    out = export(mrs, "PKJ", tmp_path / "mrs-pkj-1.bdsync")
    assert out.changes >= 2 and Path(out.path).exists()
    result = import_(pkj, Path(out.path))
    assert result.new == out.changes and result.inserted >= 2
    got = participant(pkj, pid)
    assert got is not None and got.name == "Siti Aminah" and got.origin_office == "MRS"
    # importing again changes nothing and says so
    again = import_(pkj, Path(out.path))
    assert again.already_imported and "sudah pernah diimpor" in again.message
    # back to MRS: only the acknowledgement; both digests agree on the shared tables
    back = export(pkj, "MRS", tmp_path / "pkj-mrs-1.bdsync")
    import_(mrs, Path(back.path))
    a, b = digest(mrs), digest(pkj)
    assert a["participants"] == b["participants"] and a["partners"] == b["partners"]
    with mrs.uow(write=False) as uow:
        lines = compare_digest(uow, peer="PKJ")
    assert all(line.same for line in lines if line.table in ("participants", "partners"))
    # the next export from MRS only carries what PKJ has not acknowledged: nothing of before
    nothing = export(mrs, "PKJ", tmp_path / "mrs-pkj-2.bdsync")
    assert nothing.changes == 0


def test_concurrent_edits_converge_and_loser_kept_for_restore(offices, tmp_path):
    mrs, pkj = offices["MRS"], offices["PKJ"]
    pid = add_participant(mrs, nik="7309014505900002", name="Andi Baso", kpj="MRS00000002")
    import_(pkj, Path(export(mrs, "PKJ", tmp_path / "a.bdsync").path))
    edit_participant(mrs, pid, phone="0811-MRS")
    edit_participant(pkj, pid, phone="0812-PKJ")
    f1 = export(mrs, "PKJ", tmp_path / "b.bdsync")
    f2 = export(pkj, "MRS", tmp_path / "c.bdsync")
    r1 = import_(pkj, Path(f1.path))
    r2 = import_(mrs, Path(f2.path))
    assert participant(mrs, pid).phone == participant(pkj, pid).phone
    assert r1.conflicts + r2.conflicts >= 1
    with mrs.uow(write=False) as uow:
        conflicts = list_conflicts(uow) or []
    with pkj.uow(write=False) as uow:
        conflicts += list_conflicts(uow)
    losing = {c.losing_value for c in conflicts if c.field == "phone"}
    winner = participant(mrs, pid).phone
    assert losing == {"0811-MRS", "0812-PKJ"} - {winner}
    # restore the losing value at the office that lost; it then wins everywhere
    loser_office = mrs if winner == "0812-PKJ" else pkj
    other = pkj if loser_office is mrs else mrs
    with loser_office.uow() as uow:
        c = next(c for c in list_conflicts(uow) if c.field == "phone")
        restore_conflict(uow, conflict_id=c.id)
        uow.commit()
    import_(other, Path(export(loser_office, other.code, tmp_path / "d.bdsync").path))
    assert participant(other, pid).phone == participant(loser_office, pid).phone != winner


def test_relay_through_hub_and_out_of_order_files(offices, tmp_path):
    mrs, pkj, wil = offices["MRS"], offices["PKJ"], offices["WIL"]
    with mrs.uow() as uow:
        row = add_partner(uow, data=_partner("PEMKAB-MAROS"))
        uow.commit()
    f1 = export(mrs, "WIL", tmp_path / "1.bdsync")
    with mrs.uow() as uow:
        update_partner(uow, partner_id=row.id, data=_partner("PEMKAB-MAROS",
                                                             name="Pemkab Maros"),
                       expected_version=row.version)
        uow.commit()
    f2 = export(mrs, "WIL", tmp_path / "2.bdsync")  # carries 1's changes too (not acked)
    import_(wil, Path(f2.path))
    old = import_(wil, Path(f1.path))  # the old file after the newer one: nothing to do
    assert old.new == 0 and "sudah ada" in old.message
    relay = export(wil, "PKJ", tmp_path / "3.bdsync")
    import_(pkj, Path(relay.path))
    assert digest(pkj)["partners"] == digest(mrs)["partners"]
    with pkj.uow(write=False) as uow:
        origins = set(uow.session.scalars(select(ChangeEntry.origin_office).where(
            ChangeEntry.table_name == "partners")))
    assert origins == {"MRS"}  # relayed entries keep their origin


def test_same_nik_in_two_offices_becomes_a_case_and_merges(offices, tmp_path):
    mrs, pkj = offices["MRS"], offices["PKJ"]
    a = add_participant(mrs, nik="7309014505900003", name="Rahmawati", kpj="MRS00000003")
    b = add_participant(pkj, nik="7309014505900003", name="Rahmawati", kpj="PKJ00000003")
    result = import_(pkj, Path(export(mrs, "PKJ", tmp_path / "x.bdsync").path))
    assert result.duplicates == 1
    with pkj.uow() as uow:
        cases = list_duplicates(uow)
        assert len(cases) == 1 and {cases[0].first_id, cases[0].second_id} == {a, b}
        merge_duplicate(uow, case_id=cases[0].id, keep_id=b)
        uow.commit()
    assert participant(pkj, a).deleted and not participant(pkj, b).deleted
    import_(mrs, Path(export(pkj, "MRS", tmp_path / "y.bdsync").path))
    assert participant(mrs, a).deleted  # the merge travels; nothing silently dropped
    with mrs.uow(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(ChangeEntry).where(
            ChangeEntry.row_id == a)) >= 2  # both histories kept
