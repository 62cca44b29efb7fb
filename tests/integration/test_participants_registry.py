"""Registering, editing, deactivating and finding participants; NIK masking and the
audited full-NIK view; the CLI add/list commands."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from branch_desk.db.models.core import AuditEntry
from branch_desk.db.models.participants import Enrolment, Participant
from branch_desk.domain.errors import DuplicateError, NotFound, PermissionDenied, ValidationError
from branch_desk.domain.identifiers import validate_kpj
from branch_desk.domain.participant_history import labelled_changes, summary
from branch_desk.services.participants.detail import participant_detail
from branch_desk.services.participants.registry import (
    deactivate_participant,
    find_participant,
    register_participant,
    reveal_nik,
    update_participant,
)
from branch_desk.services.participants.rows import HeirData, LikelyDuplicateError, ParticipantData
from tests.support.partners import add_maros

TENRIGANGKAE = "73.09.01.2003"
AMINAH = ParticipantData(nik="7309014507850001", name="Sitti Aminah", village_code=TENRIGANGKAE,
                         occupation="nelayan", heirs=(HeirData("Baso", "suami"),))


def register(office, data=AMINAH, today=date(2025, 6, 16), **kwargs):
    with office.uow("petugas") as uow:
        row = register_participant(uow, data=data, today=today, **kwargs)
        uow.commit()
    return row


def test_register_fills_from_nik_and_assigns_kpj(office, today):
    row = register(office, today=today)
    assert validate_kpj(row.kpj) == row.kpj and row.kpj.startswith("375")
    assert row.birth_date == date(1985, 7, 5) and row.sex == "P"
    assert row.nik_masked == "7309************"
    assert row.programs == ("JKK", "JKM") and row.income == 1_000_000
    assert row.tmt == today and row.registered_on == today and row.status == "aktif"
    assert row.occupation == "Nelayan" and row.village_name == "Tenrigangkae"
    assert row.funding_source == "MANDIRI"
    with office.uow("petugas", write=False) as uow:
        assert find_participant(uow, row.kpj).id == row.id
        assert find_participant(uow, "7309 0145 0785 0001").id == row.id
        with pytest.raises(NotFound, match="tidak ditemukan"):
            find_participant(uow, "7309014507850002")
        assert uow.session.scalar(select(func.count()).select_from(Enrolment)) == 2


def test_kpj_numbers_are_distinct(office):
    first = register(office)
    second = register(office, ParticipantData(nik="7309010101900002", name="Baso Tang",
                                              village_code=TENRIGANGKAE))
    assert first.kpj != second.kpj


def test_tmt_in_the_past_is_kept(office):
    row = register(office, ParticipantData(**{**AMINAH.__dict__, "tmt": date(2019, 3, 1)}))
    assert row.tmt == date(2019, 3, 1) and row.registered_on == date(2025, 6, 16)


@pytest.mark.parametrize("change, field, message", [
    ({"nik": "73090145078500"}, "nik", "16 digit"),
    ({"name": " "}, "name", "wajib"),
    ({"birth_date": date(1985, 7, 6)}, "birth_date", "tidak sama"),
    ({"sex": "L"}, "sex", "tidak sama"),
    ({"village_code": "73.09.01.9999"}, "village_code", "tidak ada"),
    ({"segment": "XX"}, "segment", "tidak dikenal"),
    ({"programs": frozenset({"JKK"})}, "programs", "wajib"),
    ({"programs": frozenset({"JKK", "JKM", "JP"})}, "programs", "tidak tersedia"),
    ({"segment": "PU"}, "income", "wajib"),
    ({"tmt": date(2025, 7, 1)}, "tmt", "masa depan"),
    ({"funding_source": "APBD"}, "partner_code", "mitra"),
    ({"heirs": (HeirData("Baso", "tetangga"),)}, "heirs", "tidak dikenal"),
])
def test_validation_names_the_field(office, change, field, message):
    with office.uow("petugas") as uow, pytest.raises(ValidationError, match=message) as info:
        register_participant(uow, data=ParticipantData(**{**AMINAH.__dict__, **change}),
                             today=date(2025, 6, 16))
    assert info.value.field == field


def test_mismatch_may_be_accepted_explicitly(office):
    data = ParticipantData(**{**AMINAH.__dict__, "birth_date": date(1985, 7, 6)})
    row = register(office, data, allow_nik_mismatch=True)
    assert row.birth_date == date(1985, 7, 6)


def test_same_nik_is_refused_with_the_existing_record(office):
    first = register(office)
    with office.uow("petugas2") as uow, pytest.raises(DuplicateError) as info:
        register_participant(uow, data=ParticipantData(**{**AMINAH.__dict__, "name": "Lain"}))
    assert info.value.existing_id == first.id and first.kpj in info.value.message


def test_likely_duplicate_is_shown_and_the_officer_decides(office):
    first = register(office)
    twin = ParticipantData(nik="7309014507850002", name="Hj. Siti Aminah",
                           village_code="73.09.01.1001")
    with office.uow("petugas") as uow, pytest.raises(LikelyDuplicateError) as info:
        register_participant(uow, data=twin, today=date(2025, 6, 16))
    assert [c.id for c in info.value.candidates] == [first.id]
    assert info.value.candidates[0].reason == "nama dan tanggal lahir sama"
    neighbour = ParticipantData(nik="7309010101900002", name="Sity Aminah",
                                village_code=TENRIGANGKAE)
    with office.uow("petugas") as uow, pytest.raises(LikelyDuplicateError) as info:
        register_participant(uow, data=neighbour, today=date(2025, 6, 16))
    assert "hampir sama" in info.value.candidates[0].reason
    second = register(office, twin, allow_likely_duplicate=True)
    assert second.id != first.id


def test_partner_funding_defaults_to_apbd(office):
    add_maros(office)
    row = register(office, ParticipantData(**{**AMINAH.__dict__,
                                              "partner_code": "pemkab-maros"}))
    assert row.funding_source == "APBD" and row.partner_code == "PEMKAB-MAROS"


def test_edit_and_deactivation_are_kept_in_history(office):
    row = register(office)
    with office.uow("petugas") as uow:
        row = update_participant(uow, participant_id=row.id, expected_version=row.version,
                                 data=ParticipantData(**{**AMINAH.__dict__, "phone": "0812 3456",
                                                         "programs": frozenset(
                                                             {"JKK", "JKM", "JHT"})}),
                                 today=date(2025, 6, 20))
        uow.commit()
    assert row.programs == ("JKK", "JKM", "JHT") and row.phone == "08123456"
    with office.uow("petugas") as uow, pytest.raises(PermissionDenied):
        deactivate_participant(uow, participant_id=row.id, reason="Meninggal dunia",
                               expected_version=row.version)
    with office.uow("kepala") as uow, pytest.raises(ValidationError, match="Alasan"):
        deactivate_participant(uow, participant_id=row.id, reason="", expected_version=row.version)
    with office.uow("kepala") as uow:
        row = deactivate_participant(uow, participant_id=row.id, reason="Pindah ke luar daerah",
                                     expected_version=row.version, on=date(2025, 7, 1))
        uow.commit()
    assert row.status == "nonaktif" and row.status_reason == "Pindah ke luar daerah"
    with office.uow("kepala", write=False) as uow:
        detail = participant_detail(uow, row.id)
    assert all(e.end_date is not None for e in detail.enrolments)
    assert [e.program for e in detail.enrolments if e.start_date == date(2025, 6, 20)] == ["JHT"]
    whats = [summary(h.table, h.action, h.status) for h in detail.history]
    assert whats[0] == "Data peserta dicatat" and "Peserta dinonaktifkan" in whats
    edit = detail.history[whats.index("Data peserta diubah")]
    assert ("No. HP", "", "08123456") in labelled_changes(edit.changes)
    stop = detail.history[whats.index("Peserta dinonaktifkan")]
    assert stop.username == "kepala" and ("Alasan status", "", "Pindah ke luar daerah") in \
        labelled_changes(stop.changes)
    assert [h.name for h in detail.heirs] == ["Baso"]


def test_stale_edit_is_refused(office):
    row = register(office)
    with office.uow("petugas") as uow:
        update_participant(uow, participant_id=row.id, expected_version=row.version,
                           data=ParticipantData(**{**AMINAH.__dict__, "address": "Jl. Poros"}))
        uow.commit()
    from branch_desk.domain.errors import ConflictError

    with office.uow("petugas2") as uow, pytest.raises(ConflictError):
        update_participant(uow, participant_id=row.id, expected_version=row.version,
                           data=ParticipantData(**{**AMINAH.__dict__, "address": "Lain"}))


def test_full_nik_only_for_allowed_roles_and_audited(office):
    row = register(office)
    with office.uow("petugas") as uow:
        assert reveal_nik(uow, row.id) == "7309014507850001"
        uow.commit()
    with office.uow("petugas", write=False) as uow:
        entry = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "view_nik")).one()
        assert entry.row_id == row.id and entry.username == "petugas"
        detail = participant_detail(uow, row.id)
        assert "7309014507850001" not in repr(detail)
    from branch_desk.domain.actor import Actor
    from branch_desk.services.uow import UnitOfWork

    stranger = Actor("tamu", "tamu", "MRS")
    with UnitOfWork(office.db, stranger, write=True) as uow, pytest.raises(PermissionDenied):
        reveal_nik(uow, row.id)


def test_cli_add_and_list(office, monkeypatch, capsys):
    from branch_desk.cli.main import main
    from tests.support.offices import PASSWORDS

    add_maros(office)
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORDS["petugas"])
    code = main(["participants", "add", "--db", str(office.path), "--user", "petugas",
                 "--nik", "7309014507850001", "--name", "Sitti Aminah", "--birth-date",
                 "1985-07-05", "--sex", "P", "--village", TENRIGANGKAE, "--occupation",
                 "nelayan", "--segment", "BPU", "--partner", "PEMKAB-MAROS", "--income",
                 "1500000", "--json"])
    added = json.loads(capsys.readouterr().out)
    assert code == 0 and added["nik"] == "7309************" and added["income"] == 1_500_000
    code = main(["participants", "list", "--db", str(office.path), "--user", "petugas",
                 "--search", "aminah",
                 "--partner", "PEMKAB-MAROS", "--limit", "5", "--json"])
    listed = json.loads(capsys.readouterr().out)
    assert code == 0 and [p["kpj"] for p in listed] == [added["kpj"]]
    assert "7309014507850001" not in json.dumps(listed)
    code = main(["participants", "add", "--db", str(office.path), "--user", "petugas",
                 "--nik", "7309014507850001", "--name", "X", "--village", TENRIGANGKAE,
                 "--json"])
    assert code == 2 and "sudah terdaftar" in json.loads(capsys.readouterr().out)["error"]
    with office.uow("petugas", write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Participant)) == 1
