"""Correcting participants after registration: editing fields (what an import left empty
included), the audited NIK correction, the list of incomplete records, and death,
deactivation and reactivation with their dates and reasons."""

from __future__ import annotations

import re
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from branch_desk.db.models.core import AuditEntry
from branch_desk.db.models.participants import Enrolment, Participant
from branch_desk.domain.dates import format_date
from branch_desk.domain.errors import (
    ConflictError,
    DuplicateError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from branch_desk.domain.participant_history import labelled_changes, summary
from branch_desk.services.participants.detail import participant_detail
from branch_desk.services.participants.importing import import_participants
from branch_desk.services.participants.queries import incomplete_participants
from branch_desk.services.participants.registry import (
    correct_nik,
    deactivate_participant,
    declare_death,
    edit_participant,
    reactivate_participant,
    record_death,
    register_participant,
)
from branch_desk.services.participants.rows import ParticipantChanges, ParticipantData
from tests.support.partners import add_maros

TODAY = date(2025, 6, 16)
TENRIGANGKAE = "73.09.01.2003"
AMINAH = ParticipantData(nik="7309014507850001", name="Sitti Aminah", village_code=TENRIGANGKAE,
                         occupation="nelayan", address="Dusun Bontoa")
BASO = ParticipantData(nik="7309010101900002", name="Baso Tang", village_code=TENRIGANGKAE,
                       occupation="petani", address="Dusun Tala")


def register(office, data=AMINAH):
    with office.uow("petugas") as uow:
        row = register_participant(uow, data=data, today=TODAY, allow_likely_duplicate=True)
        uow.commit()
    return row


def stored(office, participant_id):
    """The participant's row as the database holds it (plain values)."""
    with office.uow("petugas", write=False) as uow:
        p = uow.session.get(Participant, participant_id)
        values = {c: getattr(p, c) for c in ("nik", "name", "village_code", "address", "phone",
                                            "occupation", "income", "birth_date", "sex",
                                            "partner_id", "funding_source", "status",
                                            "status_reason", "version")}
        ends = sorted(((e.program, e.end_date) for e in uow.session.scalars(
            select(Enrolment).where(Enrolment.participant_id == participant_id))),
            key=lambda e: (e[0], e[1] or date.max))
    return values, ends


def edit(office, row, user="petugas", **changes):
    with office.uow(user) as uow:
        out = edit_participant(uow, participant_id=row.id, changes=ParticipantChanges(**changes),
                               expected_version=row.version, today=TODAY)
        uow.commit()
    return out


def imported_without_village(office, tmp_path):
    """A row a Pemda import left with "desa dikosongkan, lengkapi nanti"."""
    add_maros(office)
    wb = Workbook()
    ws = wb.active
    ws.append(["NIK", "Nama", "Alamat", "Desa/Kelurahan", "Pekerjaan"])
    ws.append(["7309014507850001", "SITTI AMINAH", "", "Kampung Entah", ""])
    wb.save(tmp_path / "maros.xlsx")
    with office.uow("petugas") as uow:
        report = import_participants(uow, tmp_path / "maros.xlsx", partner_code="PEMKAB-MAROS",
                                     dry_run=False, today=TODAY)
        uow.commit()
    assert report.imported == 1 and "lengkapi nanti" in " ".join(report.rows[0].warnings)
    with office.uow("petugas", write=False) as uow:
        return uow.session.scalar(select(Participant.id))


# --- editing ---------------------------------------------------------------------------------


def test_an_imported_row_without_village_is_completed(office, tmp_path):
    pid = imported_without_village(office, tmp_path)
    with office.uow("petugas", write=False) as uow:
        page = incomplete_participants(uow, partner_code="PEMKAB-MAROS")
    assert [(r.row.id, r.missing) for r in page.rows] == [
        (pid, ("village_code", "address", "occupation"))]
    row = page.rows[0].row
    with office.uow("petugas") as uow, pytest.raises(ValidationError, match="belum diisi") as e:
        edit_participant(uow, participant_id=pid, changes=ParticipantChanges(phone="0812"),
                         expected_version=row.version, today=TODAY)
    assert e.value.field == "village_code"
    done = edit(office, row, village_code="7309012003", address="Dusun Bontoa",
                occupation="nelayan", phone="0812-555")
    assert done.village_code == TENRIGANGKAE and done.village_name == "Tenrigangkae"
    assert done.occupation == "Nelayan" and done.phone == "0812555"
    assert done.partner_code == "PEMKAB-MAROS" and done.funding_source == "APBD"
    with office.uow("petugas", write=False) as uow:
        assert incomplete_participants(uow, partner_code="PEMKAB-MAROS").rows == ()
        history = participant_detail(uow, pid).history
    last = history[-1]
    assert summary(last.table, last.action, last.status) == "Data peserta diubah"
    assert ("Desa/kelurahan", "", "Tenrigangkae (Kec. Mandai)") in labelled_changes(last.changes)
    assert last.username == "petugas"
    # The history speaks an officer's words: no ISO dates, codes or partner ids.
    done = edit(office, done, partner_code="", income=1_800_000)
    with office.uow("petugas", write=False) as uow:
        history = participant_detail(uow, pid).history
    registered = {label: a for label, _b, a in labelled_changes(history[0].changes)}
    assert registered["Tanggal lahir"] == format_date(done.birth_date)
    assert registered["Jenis kelamin"] in ("Laki-laki", "Perempuan")
    changes = {label: (b, a) for label, b, a in labelled_changes(history[-1].changes)}
    assert changes["Mitra"][0] == "Pemerintah Kabupaten Maros"
    assert changes["Penghasilan"][1] == "Rp1.800.000"
    with office.uow("petugas", write=False) as uow:
        partner_id = uow.session.get(Participant, pid).partner_id
    assert partner_id is None and changes["Mitra"][1] == "—"
    shown = " ".join(text or "" for entry in history for _f, b, a in entry.changes
                     for text in (b, a))
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", shown)  # no record id
    assert not re.search(r"\d{4}-\d{2}-\d{2}", shown)  # no ISO date


def test_edit_changes_only_what_is_given(office):
    add_maros(office)
    row = register(office)
    done = edit(office, row, name="Sitti  Aminah Dg. Tene", income=2_500_000,
                partner_code="PEMKAB-MAROS")
    assert done.name == "Sitti Aminah Dg. Tene" and done.income == 2_500_000
    assert done.partner_code == "PEMKAB-MAROS" and done.funding_source == "APBD"
    assert done.address == "Dusun Bontoa" and done.occupation == "Nelayan"
    assert done.nik_masked == row.nik_masked and done.version == row.version + 1
    back = edit(office, done, partner_code="")
    assert back.partner_code is None and back.funding_source == "MANDIRI"


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"name": "   "}, "name", "Nama peserta wajib diisi"),
    ({"name": "Aminah 2"}, "name", "berisi angka"),
    ({"village_code": "73.09.01"}, "village_code", "tidak ada dalam daftar"),
    ({"village_code": "99.99.99.9999"}, "village_code", None),
    ({"income": 0}, "income", "lebih dari Rp0"),
    ({"birth_date": date(2030, 1, 5)}, "birth_date", "tidak sama dengan tanggal lahir"),
    ({"sex": "X"}, "sex", "L atau P"),
    ({"partner_code": "TIDAK-ADA"}, None, None),
])
def test_careless_edits_are_refused_and_change_nothing(office, changes, field, message):
    row = register(office)
    before = stored(office, row.id)
    with office.uow("petugas") as uow, pytest.raises((ValidationError, NotFound)) as exc:
        edit_participant(uow, participant_id=row.id, changes=ParticipantChanges(**changes),
                         expected_version=row.version, today=TODAY)
    if field:
        assert exc.value.field == field
    if message:
        assert message in exc.value.message
    assert stored(office, row.id) == before


def test_a_village_in_another_province_is_a_move_not_a_mistake(office):
    """As at registration: the NIK names where the person was first registered, the village
    where they live now; only a code outside the Kemendagri list is refused."""
    row = register(office)
    assert edit(office, row, village_code="31.71.01.1001").village_code == "31.71.01.1001"


def test_nik_is_not_changed_by_an_edit(office):
    from branch_desk.services.participants.registry import update_participant

    row = register(office)
    with office.uow("petugas") as uow, pytest.raises(ValidationError, match="Koreksi NIK"):
        update_participant(uow, participant_id=row.id, expected_version=row.version,
                           data=ParticipantData(**{**AMINAH.__dict__,
                                                   "nik": "7309014507850009"}))


def test_a_stale_edit_is_refused_and_the_first_kept(office):
    row = register(office)
    edit(office, row, address="Jl. Poros Maros")  # first window saves
    before = stored(office, row.id)
    with office.uow("petugas2") as uow, pytest.raises(ConflictError, match="telah diubah") as e:
        edit_participant(uow, participant_id=row.id, changes=ParticipantChanges(
            address="Jl. Lain"), expected_version=row.version, today=TODAY)
    assert "petugas" in e.value.message and "tidak ada yang ditimpa" in e.value.message
    assert stored(office, row.id) == before and before[0]["address"] == "Jl. Poros Maros"


def test_deleted_participant_cannot_be_edited(office):
    row = register(office)
    with office.uow("petugas") as uow:
        uow.session.get(Participant, row.id).deleted = True
        uow.commit()
    with office.uow("petugas") as uow, pytest.raises(NotFound):
        edit_participant(uow, participant_id=row.id, changes=ParticipantChanges(address="X"),
                         expected_version=row.version + 1)


def test_an_inactive_participant_is_completed_but_stays_inactive(office):
    row = register(office)
    with office.uow("kepala") as uow:
        row = deactivate_participant(uow, participant_id=row.id, reason="Pindah ke luar daerah",
                                     expected_version=row.version, on=TODAY)
        uow.commit()
    _, ends_before = stored(office, row.id)
    done = edit(office, row, phone="0813")
    assert done.status == "nonaktif" and done.phone == "0813"
    assert stored(office, row.id)[1] == ends_before


# --- NIK correction --------------------------------------------------------------------------


def test_nik_correction_is_audited_with_both_niks_masked(office):
    row = register(office)
    with office.uow("petugas") as uow, pytest.raises(PermissionDenied):
        correct_nik(uow, participant_id=row.id, new_nik="7309014507850009",
                    reason="Salah ketik pada pendaftaran")
    with office.uow("kepala") as uow, pytest.raises(ValidationError, match="Alasan koreksi NIK"):
        correct_nik(uow, participant_id=row.id, new_nik="7309014507850009", reason="")
    with office.uow("kepala") as uow:
        done = correct_nik(uow, participant_id=row.id, new_nik="7309 0145 0785 0009",
                           reason="Salah ketik pada pendaftaran", expected_version=row.version,
                           today=TODAY)
        uow.commit()
    assert done.nik_masked == "7309************"
    with office.uow("kepala", write=False) as uow:
        history = participant_detail(uow, row.id).history
        event = uow.session.execute(select(AuditEntry.username, AuditEntry.note).where(
            AuditEntry.action == "correct_nik")).one()
    assert tuple(event) == ("kepala", "Salah ketik pada pendaftaran")
    entry = next(h for h in history if h.action == "correct_nik")
    assert summary(entry.table, entry.action, entry.status) == "NIK dikoreksi"
    assert labelled_changes(entry.changes) == (("NIK", "7309************", "7309************"),)
    assert "7309014507850001" not in str([h.changes for h in history])


def test_nik_correction_follows_the_birth_date_read_from_the_nik(office):
    row = register(office)  # born 05-07-1985, P (from the NIK)
    with office.uow("kepala") as uow:
        done = correct_nik(uow, participant_id=row.id, new_nik="7309010507850001",
                           reason="NIK pada KTP baru", today=TODAY)
        uow.commit()
    assert (done.birth_date, done.sex) == (date(1985, 7, 5), "L")


@pytest.mark.parametrize(("new_nik", "error", "message"), [
    ("7309010101900002", DuplicateError, "sudah terdaftar atas nama Baso Tang"),
    ("7309014507850001", ValidationError, "sama dengan NIK yang tercatat"),
    ("73090145078500", ValidationError, "16 digit"),
    ("7309019907850001", ValidationError, "tanggal"),
    ("9909014507850001", ValidationError, "provinsi"),
])
def test_bad_nik_corrections_change_nothing(office, new_nik, error, message):
    register(office, BASO)
    row = register(office)
    before = stored(office, row.id)
    with office.uow("kepala") as uow, pytest.raises(error) as exc:
        correct_nik(uow, participant_id=row.id, new_nik=new_nik, reason="Salah ketik NIK",
                    today=TODAY)
    assert message in exc.value.message.lower() or message in exc.value.message
    assert stored(office, row.id) == before


# --- incomplete records ----------------------------------------------------------------------


def test_incomplete_list_by_partner_and_village(office):
    add_maros(office)
    full = register(office, ParticipantData(**{**AMINAH.__dict__, "partner_code": "PEMKAB-MAROS"}))
    no_address = register(office, ParticipantData(**{**BASO.__dict__, "address": "",
                                                     "partner_code": "PEMKAB-MAROS"}))
    elsewhere = register(office, ParticipantData(
        nik="7371010101900003", name="Andi Makassar", village_code="73.71.01.1001",
        occupation=""))
    with office.uow("petugas", write=False) as uow:
        by_partner = incomplete_participants(uow, partner_code="pemkab-maros")
        by_village = incomplete_participants(uow, village_code="73.71")
        everyone = incomplete_participants(uow)
        with pytest.raises(NotFound):
            incomplete_participants(uow, partner_code="TIDAK-ADA")
    assert [(r.row.id, r.missing) for r in by_partner.rows] == [(no_address.id, ("address",))]
    assert [(r.row.id, r.missing) for r in by_village.rows] == [
        (elsewhere.id, ("address", "occupation"))]
    assert {r.row.id for r in everyone.rows} == {no_address.id, elsewhere.id}
    assert full.id not in {r.row.id for r in everyone.rows}


# --- death, deactivation, reactivation -------------------------------------------------------


def test_death_makes_the_participant_inactive_from_that_date(office):
    row = register(office)
    with office.uow("petugas") as uow, pytest.raises(PermissionDenied):
        declare_death(uow, participant_id=row.id, died_on=date(2025, 6, 1),
                      reason="Akta kematian desa", expected_version=row.version, today=TODAY)
    with office.uow("kepala") as uow:
        done = declare_death(uow, participant_id=row.id, died_on=date(2025, 6, 20),
                             reason="Akta kematian desa", today=date(2025, 6, 25))
        uow.commit()
    assert done.status == "nonaktif"
    assert done.status_reason == "Meninggal dunia 20-06-2025: Akta kematian desa"
    # enrolments started on 16-06 end on the day of death
    assert stored(office, row.id)[1] == [("JKK", date(2025, 6, 20)), ("JKM", date(2025, 6, 20))]
    with office.uow("kepala") as uow, pytest.raises(ValidationError, match="sudah tercatat"):
        record_death(uow, participant_id=row.id, died_on=date(2025, 6, 20), reason="Lagi lagi")
    with office.uow("kepala", write=False) as uow:
        last = participant_detail(uow, row.id).history
    death = next(h for h in reversed(last) if h.table == "participants")
    reason = dict((f, a) for f, _b, a in death.changes)["status_reason"]
    assert summary(death.table, death.action, death.status, reason) == "Peserta meninggal dunia"


def test_a_paid_death_claim_records_the_death_as_the_petugas(office):
    row = register(office)
    with office.uow("kepala") as uow:  # inactive already: the death moves the end back
        deactivate_participant(uow, participant_id=row.id, reason="Tidak bekerja lagi",
                               expected_version=row.version, on=date(2025, 6, 30))
        uow.commit()
    with office.uow("petugas") as uow:  # PAY_CLAIMS: the claims service calls this
        done = record_death(uow, participant_id=row.id, died_on=date(2025, 6, 18),
                            reason="Klaim JKM dibayar", today=date(2025, 7, 2))
        uow.commit()
    assert done.status_reason.startswith("Meninggal dunia 18-06-2025")
    assert {end for _, end in stored(office, row.id)[1]} == {date(2025, 6, 18)}


@pytest.mark.parametrize(("died_on", "reason", "message"), [
    (date(2025, 6, 17), "Akta kematian", "masa depan"),
    (date(1980, 1, 1), "Akta kematian", "sebelum tanggal lahir"),
    (date(2025, 6, 1), "mati", "Alasan pencatatan kematian"),
])
def test_careless_death_records_change_nothing(office, died_on, reason, message):
    row = register(office)
    before = stored(office, row.id)
    with office.uow("kepala") as uow, pytest.raises(ValidationError, match=message):
        declare_death(uow, participant_id=row.id, died_on=died_on, reason=reason, today=TODAY)
    assert stored(office, row.id) == before


def test_reactivation_needs_a_reason_and_restarts_the_programmes(office):
    row = register(office)
    with office.uow("kepala") as uow, pytest.raises(ValidationError, match="masa depan"):
        deactivate_participant(uow, participant_id=row.id, reason="Pindah ke luar daerah",
                               expected_version=row.version, on=date(2999, 1, 1))
    with office.uow("kepala") as uow:
        row = deactivate_participant(uow, participant_id=row.id, reason="Pindah ke luar daerah",
                                     expected_version=row.version, on=TODAY)
        uow.commit()
    with office.uow("kepala") as uow, pytest.raises(ValidationError, match="pengaktifan"):
        reactivate_participant(uow, participant_id=row.id, reason="ok",
                               expected_version=row.version)
    with office.uow("petugas") as uow, pytest.raises(PermissionDenied):
        reactivate_participant(uow, participant_id=row.id, reason="Kembali ke Maros",
                               expected_version=row.version)
    with office.uow("kepala") as uow:
        done = reactivate_participant(uow, participant_id=row.id, reason="Kembali ke Maros",
                                      expected_version=row.version, on=date(2025, 7, 1))
        uow.commit()
    assert done.status == "aktif" and done.status_reason == "Kembali ke Maros"
    ends = stored(office, row.id)[1]
    assert ends.count(("JKK", None)) == 1 and ("JKK", TODAY) in ends
