"""Pemda xlsx import: every tolerance rule, dry run, one transaction, cancel, idempotent
re-import, the error report and the export, on real xlsx files written here."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from branch_desk.db.models.core import AuditEntry, ChangeEntry
from branch_desk.db.models.participants import Enrolment, Participant
from branch_desk.domain.errors import ValidationError
from branch_desk.services.participants.export import export_participants, write_import_errors
from branch_desk.services.participants.importing import import_participants
from branch_desk.services.participants.queries import search_participants
from branch_desk.services.participants.rows import ParticipantQuery
from tests.support.partners import add_maros

TODAY = date(2025, 6, 16)


def sheet(path: Path, rows: list[list[object]], *, titles: int = 0,
          header: tuple[str, ...] = ("NIK", "Nama", "Tanggal Lahir", "Jenis Kelamin", "Alamat",
                                     "Desa/Kelurahan", "Pekerjaan", "No HP", "Penghasilan",
                                     "Mulai Kepesertaan")) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Daftar"
    for i in range(titles):
        ws.append([f"DAFTAR PEKERJA RENTAN KABUPATEN MAROS (judul {i + 1})"])
    ws.append(list(header))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def run(office, path, *, dry_run=False, progress=None, user="petugas"):
    with office.uow(user) as uow:
        report = import_participants(uow, path, partner_code="PEMKAB-MAROS", dry_run=dry_run,
                                     today=TODAY, progress=progress)
        uow.commit()
    return report


def count(office, model=Participant):
    with office.uow("petugas", write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


GOOD = ["7309014507850001", "SITTI AMINAH", "05-07-1985", "P", "Dusun Bontoa", "Tenrigangkae",
        "NELAYAN TRADISIONAL", "081234567890", 1500000, "01/03/2024"]


@pytest.fixture
def maros(office):
    add_maros(office)
    return office


def test_dry_run_then_import_then_again(maros, tmp_path):
    path = sheet(tmp_path / "maros.xlsx", [GOOD, ["7309010101900002", "Baso Tang"]])
    dry = run(maros, path, dry_run=True)
    assert (dry.imported, dry.already_present, dry.rejected) == (2, 0, 0)
    assert count(maros) == 0 and [r.status for r in dry.rows] == ["baru", "baru"]
    done = run(maros, path)
    assert (done.imported, done.already_present, done.rejected) == (2, 0, 0)
    assert all(r.kpj for r in done.rows)
    assert count(maros) == 2 and count(maros, Enrolment) == 4
    again = run(maros, path)
    assert (again.imported, again.already_present, again.rejected) == (0, 2, 0)
    assert count(maros) == 2
    with maros.uow("petugas", write=False) as uow:
        aminah = search_participants(uow, ParticipantQuery(text="aminah")).rows[0]
        baso = search_participants(uow, ParticipantQuery(text="baso tang")).rows[0]
        changes = uow.session.scalar(select(func.count()).select_from(ChangeEntry).where(
            ChangeEntry.table_name == "participants"))
        audits = uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.table_name == "participants"))
    assert changes == audits == 2
    assert aminah.name == "Sitti Aminah" and aminah.tmt == date(2024, 3, 1)
    assert aminah.income == 1_500_000 and aminah.occupation == "Nelayan"
    assert aminah.funding_source == "APBD" and aminah.partner_code == "PEMKAB-MAROS"
    assert aminah.village_code == "73.09.01.2003" and aminah.phone == "081234567890"
    assert baso.income == 1_000_000 and baso.tmt == TODAY  # floor and import date
    assert baso.birth_date == date(1990, 1, 1) and baso.sex == "L"  # from the NIK


def test_header_variations_titles_and_blank_rows(maros, tmp_path):
    header = ("No.", "Nama Lengkap", "No. KTP", "Tgl. Lahir", "L/P", "DESA", "Pekerjaan")
    rows = [[1, "Andi Baso", "7309010101800001", datetime(1980, 1, 1), "Laki-laki", "73.09.01.2003",
             "ojek"], [None] * 7, [], [2, "Rosmini", "7309015202810002", 29629, "Perempuan",
                                       "Desa Tenrigangkae", "Imam Masjid"]]
    report = run(maros, sheet(tmp_path / "a.xlsx", rows, titles=2, header=header))
    assert report.header_row == 3 and report.imported == 2 and report.rejected == 0
    assert [r.row for r in report.rows] == [4, 7]
    with maros.uow("petugas", write=False) as uow:
        rows_found = search_participants(uow, ParticipantQuery(sort="name")).rows
    assert [(r.name, r.occupation, r.village_name) for r in rows_found] == [
        ("Andi Baso", "Tukang ojek", "Tenrigangkae"), ("Rosmini", "Imam masjid", "Tenrigangkae")]


@pytest.mark.parametrize("cell, message", [
    (7309014507850000, "Excel hanya menyimpan 15 digit"),  # trailing digit lost as float
    (730901450785001, "hanya 15 digit"),  # a digit (leading zero) lost
    ("7.30901E+15", "format ilmiah"),
    ("", "NIK kosong"),
    ("730901450785000A", "hanya boleh berisi angka"),
    ("7309019907850001", "Tanggal lahir pada NIK tidak valid"),
    ("7309014507850000", "0000"),
])
def test_damaged_niks_are_explained_never_guessed(maros, tmp_path, cell, message):
    report = run(maros, sheet(tmp_path / "n.xlsx", [[cell, "Sitti Aminah"]]))
    assert report.rejected == 1 and message in report.rows[0].message
    assert count(maros) == 0


def test_exact_nik_number_cell_is_accepted(maros, tmp_path):
    report = run(maros, sheet(tmp_path / "n.xlsx", [[7309014507850001, "Sitti Aminah"]]))
    assert report.imported == 1


@pytest.mark.parametrize("row, message", [
    (["7309014507850001", "Sitti Aminah", "06-07-1985"], "tidak sama dengan tanggal lahir"),
    (["7309014507850001", "Sitti Aminah", None, "L"], "Jenis kelamin L tidak sama"),
    (["7309014507850001", "Sitti Aminah", "kemarin"], "tidak dikenali"),
    (["7309014507850001", "Sitti Aminah", None, "X"], "tidak dikenali"),
    (["7309014507850001", ""], "Nama peserta wajib diisi"),
    (["7309014507850001", "Sitti 2"], "berisi angka"),
    (["7309014507850001", "Sitti", None, None, None, None, None, None, "sejuta"],
     "Penghasilan"),
    (["7309014507850001", "Sitti", None, None, None, None, None, None, None, "01/01/2026"],
     "masa depan"),
])
def test_row_problems_reject_the_row(maros, tmp_path, row, message):
    report = run(maros, sheet(tmp_path / "r.xlsx", [row, ["7309010101900002", "Baso Tang"]]))
    assert report.rejected == 1 and report.imported == 1
    assert message in report.rows[0].message and report.rows[0].status == "ditolak"


def test_dates_as_text_and_excel_dates(maros, tmp_path):
    rows = [["7309014507850001", "A", "5 Juli 1985"], ["7309010101900002", "B", "1990-01-01"],
            ["7309010202910003", "C", date(1991, 2, 2)], ["7309010303920004", "D", 33666],
            ["7309010404930005", "E", "Maros, 04/04/1993"]]
    report = run(maros, sheet(tmp_path / "d.xlsx", rows))
    assert report.imported == 5, [r.message for r in report.rows]


def test_village_name_or_code_and_warnings(maros, tmp_path):
    rows = [["7309014507850001", "A", None, None, None, "BONTOA"],  # in the NIK's district
            ["7309020101900002", "B", None, None, None, "Bontoa"],  # two in Maros: ambiguous
            ["7309010202910003", "C", None, None, None, "Kampung Entah"],
            ["7309010303920004", "D", None, None, None, 7309012004]]
    report = run(maros, sheet(tmp_path / "v.xlsx", rows))
    assert report.imported == 4 and report.rejected == 0
    warnings = [r.warnings for r in report.rows]
    assert warnings[0] == () and warnings[3] == ()
    assert "ambigu" in warnings[1][0] and "tidak ditemukan" in warnings[2][0]
    with maros.uow("petugas", write=False) as uow:
        codes = {r.name: r.village_code for r in search_participants(
            uow, ParticipantQuery()).rows}
    assert codes == {"A": "73.09.01.1002", "B": "", "C": "", "D": "73.09.01.2004"}


def test_duplicate_nik_within_the_file(maros, tmp_path):
    report = run(maros, sheet(tmp_path / "x.xlsx", [GOOD, GOOD]))
    assert (report.imported, report.rejected) == (1, 1)
    assert "sama dengan baris 2" in report.rows[1].message


def test_missing_header_is_explained(maros, tmp_path):
    path = sheet(tmp_path / "h.xlsx", [["1", "2"]], header=("Kolom A", "Kolom B"))
    with maros.uow("petugas") as uow, pytest.raises(ValidationError, match="NIK dan Nama"):
        import_participants(uow, path, partner_code="PEMKAB-MAROS", dry_run=True, today=TODAY)


class Stop(Exception):
    pass


def test_cancel_leaves_nothing_behind(maros, tmp_path, monkeypatch):
    import branch_desk.services.participants.importing as module

    monkeypatch.setattr(module, "CHUNK", 2)
    rows = [[f"73090101019{n:01d}{n:04d}", f"Orang {chr(65 + n)}"] for n in range(1, 7)]
    path = sheet(tmp_path / "c.xlsx", rows)
    calls = []

    def progress(done, total, message):
        calls.append(message)
        if message.startswith("Menyimpan peserta 4"):
            raise Stop

    with pytest.raises(Stop):
        run(maros, path, progress=progress)
    assert any(m.startswith("Menyimpan peserta 2") for m in calls)  # some rows were written
    assert count(maros) == 0 and count(maros, Enrolment) == 0
    assert run(maros, path).imported == 6


def test_error_report_lists_rejected_rows_with_reasons(maros, tmp_path):
    rows = [GOOD, [7309014507850000, "Hj. Sitti"], ["7309010202810002", "Baco 2"]]
    report = run(maros, sheet(tmp_path / "e.xlsx", rows, titles=1), dry_run=True)
    out = write_import_errors(report, tmp_path / "kesalahan.xlsx")
    ws = load_workbook(out).active
    values = list(ws.iter_rows(values_only=True))
    assert values[0][:4] == ("Baris asal", "Keterangan", "NIK", "Nama")
    assert [v[0] for v in values[1:]] == [4, 5]
    assert "15 digit" in values[1][1] and values[1][2] == "7309014507850000"
    assert ws["C2"].number_format == "@" and ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:L3"


def test_cli_import_json_and_errors_file(maros, tmp_path, monkeypatch, capsys):
    from branch_desk.cli.main import main
    from tests.support.offices import PASSWORDS

    path = sheet(tmp_path / "cli.xlsx", [GOOD, ["", "Tanpa NIK"]])
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORDS["petugas"])
    errors = tmp_path / "err.xlsx"
    base = ["participants", "import", str(path), "--partner", "PEMKAB-MAROS", "--db",
            str(maros.path), "--user", "petugas", "--date", "2025-06-16", "--json"]
    assert main([*base, "--dry-run", "--errors", str(errors)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["imported"], out["already_present"], out["rejected"]) == (1, 0, 1)
    assert errors.exists() and count(maros) == 0
    assert main(base) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1 and count(maros) == 1


def test_export_xlsx(maros, tmp_path):
    run(maros, sheet(tmp_path / "m.xlsx", [GOOD, ["7309010101900002", "Baso Tang"]]))
    with maros.uow("kepala") as uow:
        assert export_participants(uow, tmp_path / "out.xlsx",
                                   query=ParticipantQuery(partner_code="PEMKAB-MAROS")) == 2
        uow.commit()
    with maros.uow("petugas") as uow:
        export_participants(uow, tmp_path / "masked.xlsx", query=ParticipantQuery())
        uow.commit()
    ws = load_workbook(tmp_path / "out.xlsx").active
    assert ws["B1"].value == "NIK" and ws["A1"].font.bold and ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:S3"
    nik = {ws.cell(r, 3).value: ws.cell(r, 2) for r in (2, 3)}
    assert nik["Sitti Aminah"].value == "7309014507850001"
    assert nik["Sitti Aminah"].data_type == "s" and nik["Sitti Aminah"].number_format == "@"
    assert ws["D2"].is_date
    masked = load_workbook(tmp_path / "masked.xlsx").active
    assert {masked.cell(r, 2).value for r in (2, 3)} == {"7309************"}
    with maros.uow("kepala", write=False) as uow:
        actions = list(uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.action == "export_participants")))
    assert len(actions) == 2
