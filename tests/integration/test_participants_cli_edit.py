"""`participants update|correct-nik|incomplete|deactivate|reactivate|death` as head-office
scripts run them: the program as a child process, JSON out, clear refusals, nothing written
by a refused call."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from branch_desk.db.models.participants import Participant
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import ParticipantData
from tests.support.partners import add_maros
from tests.support.program import run_as

AMINAH = ParticipantData(nik="7309014507850001", name="Sitti Aminah",
                         village_code="73.09.01.2003", partner_code="PEMKAB-MAROS")


def registered(office, data=AMINAH):
    add_maros(office)
    with office.uow("petugas") as uow:
        row = register_participant(uow, data=data, today=date(2025, 6, 16))
        uow.commit()
    return row


def snapshot(office):
    with office.uow("petugas", write=False) as uow:
        return [tuple(r) for r in uow.session.execute(select(
            Participant.nik, Participant.name, Participant.village_code, Participant.address,
            Participant.income, Participant.status, Participant.status_reason,
            Participant.version)).all()]


def test_update_prints_the_row_as_add_does(office):
    row = registered(office)
    done = run_as(office, "participants", "update", row.kpj, "--address", "Dusun Bontoa",
                  "--occupation", "nelayan", "--income", "Rp1.750.000", "--phone", "0812 1",
                  "--json", user="petugas")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["kpj"] == row.kpj and out["nik"] == "7309************"
    assert (out["occupation"], out["income"], out["village"]) == ("Nelayan", 1_750_000,
                                                                  "Tenrigangkae")
    assert set(out) >= {"id", "name", "village_code", "partner", "programs", "status"}
    listed = run_as(office, "participants", "list", "--json", user="petugas")
    assert json.loads(listed.stdout)[0] == out  # the same serialisation as add and list


def test_careless_and_crafted_updates_are_refused_in_indonesian(office, cli):
    """In process (the same parser and handlers) to keep seven refusals quick."""
    row = registered(office)
    before = snapshot(office)
    cases = [
        (("--name", ""), "Nama peserta wajib diisi"),
        (("--income", "1.5"), "Penghasilan '1.5' tidak dikenali"),
        (("--income", "sejuta"), "tidak dikenali"),
        (("--birth-date", "2030-01-01"), "tidak sama dengan tanggal lahir pada NIK"),
        (("--village", "73.09"), "tidak ada dalam daftar"),
        (("--partner", "PEMKAB-ENTAH"), "PEMKAB-ENTAH"),
        ((), "Tidak ada yang diubah"),
    ]
    for args, message in cases:
        done = cli("participants", "update", row.kpj, *args, user="petugas")
        assert done.returncode != 0 and message in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
    unknown = cli("participants", "update", "37500009999", "--phone", "0812", user="petugas")
    assert unknown.returncode != 0 and "tidak ditemukan" in unknown.stderr
    assert snapshot(office) == before


def test_correct_nik_is_for_the_kepala_only(office):
    row = registered(office)
    before = snapshot(office)
    refused = run_as(office, "participants", "correct-nik", row.kpj, "--new-nik",
                     "7309014507850009", "--reason", "Salah ketik", user="petugas")
    assert refused.returncode != 0 and "tidak berwenang mengoreksi NIK" in refused.stderr
    assert snapshot(office) == before
    done = run_as(office, "participants", "correct-nik", "7309014507850001", "--new-nik",
                  "7309014507850009", "--reason", "Salah ketik pada pendaftaran", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["nik"] == "7309************"


def test_incomplete_lists_by_partner_and_refuses_an_unknown_one(office):
    row = registered(office)
    done = run_as(office, "participants", "incomplete", "--partner", "PEMKAB-MAROS", "--json",
                  user="petugas")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert [(r["kpj"], r["missing"]) for r in out] == [(row.kpj, ["address", "occupation"])]
    text = run_as(office, "participants", "incomplete", "--village", "73.09.01",
                  user="petugas")
    assert "belum ada: alamat, pekerjaan" in text.stdout
    unknown = run_as(office, "participants", "incomplete", "--partner", "TIDAK-ADA",
                     user="petugas")
    assert unknown.returncode != 0 and "TIDAK-ADA" in unknown.stderr


def test_death_deactivate_and_reactivate(office):
    row = registered(office)
    refused = run_as(office, "participants", "death", row.kpj, "--date", "2025-06-20",
                     "--reason", "Akta kematian", user="petugas")
    assert refused.returncode != 0 and "tidak berwenang" in refused.stderr
    death = run_as(office, "participants", "death", row.kpj, "--date", "20/06/2025",
                   "--reason", "Akta kematian dari desa", "--json")
    assert death.returncode == 0, death.stderr
    out = json.loads(death.stdout)
    assert out["status"] == "nonaktif"
    assert out["status_reason"] == "Meninggal dunia 20-06-2025: Akta kematian dari desa"
    again = run_as(office, "participants", "deactivate", row.kpj, "--reason", "Pindah alamat")
    assert again.returncode != 0 and "sudah nonaktif" in again.stderr
    back = run_as(office, "participants", "reactivate", row.kpj, "--reason",
                  "Akta kematian salah orang", "--json")
    assert back.returncode == 0 and json.loads(back.stdout)["status"] == "aktif"
