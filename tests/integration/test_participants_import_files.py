"""Pemda lists as they really come: crafted files over the limits (refused before the parser
allocates anything), NIKs stored as numbers (read from the stored text, never through a
float), invisible characters, header variants, lists on another sheet, a column mapping
remembered per partner, xls, CSV and password-protected workbooks."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from branch_desk.db.models.core import AuditEntry
from branch_desk.db.models.participants import Participant
from branch_desk.domain.errors import DomainError, HeaderNotFoundError, ValidationError
from branch_desk.services.participants.column_mapping import (
    column_mapping,
    list_headers,
    save_column_mapping,
)
from branch_desk.services.participants.importing import import_participants
from branch_desk.spreadsheets.xlsx_guard import LIMITS, GuardedXlsx, LimitError, Limits
from tests.support.hostile_xlsx import cell, far_cell_bomb, sheet_xml, write_xlsx
from tests.support.libreoffice import soffice
from tests.support.messages import assert_indonesian
from tests.support.offices import PASSWORDS
from tests.support.partners import add_maros

TODAY_TEXT = "2025-06-16"
ROOT = Path(__file__).resolve().parents[2]
# 91.71.01 (Kota Jayapura): born 5 June 1990, above 2^53 like every NIK of provinces 91–96.
PAPUA = 9171010506900031
assert PAPUA > 2**53 and float(PAPUA) == 9171010506900032


@pytest.fixture
def maros(office):
    add_maros(office)
    return office


def run(office, path, *, dry_run=False, user="petugas", **options):
    from datetime import date

    with office.uow(user) as uow:
        report = import_participants(uow, path, partner_code="PEMKAB-MAROS", dry_run=dry_run,
                                     today=date(2025, 6, 16), **options)
        uow.commit()
    return report


def counts(office):
    with office.uow("petugas", write=False) as uow:
        return (uow.session.scalar(select(func.count()).select_from(Participant)),
                uow.session.scalar(select(func.count()).select_from(AuditEntry)))


def niks(office):
    with office.uow("petugas", write=False) as uow:
        return sorted(uow.session.scalars(select(Participant.nik)))


def refused(office, path, *words, **options):
    before = counts(office)
    with pytest.raises(DomainError) as caught:
        run(office, path, **options)
    assert_indonesian(caught.value.message)
    for word in words:
        assert word in caught.value.message, caught.value.message
    assert counts(office) == before
    return caught.value


# --- the guarded reader -----------------------------------------------------------------------


def test_far_cell_file_is_refused_before_parsing(maros, tmp_path):
    bomb = far_cell_bomb(tmp_path / "satu-sel.xlsx")
    assert bomb.stat().st_size < 1800  # the 1.7 KB file of the issue
    error = refused(maros, bomb, "baris 1.048.576", "batasnya 250.000 baris")
    assert isinstance(error, LimitError)


def test_far_cell_file_in_a_separate_process_exits_cleanly(maros, tmp_path):
    """The CLI on the crafted file, under a 1.5 GB address-space ceiling: it prints the
    Indonesian message and exits with the error code, where the parser alone aborts."""
    bomb = far_cell_bomb(tmp_path / "satu-sel.xlsx")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"),
           "BRANCH_DESK_PASSWORD": PASSWORDS["petugas"]}

    def ceiling() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))

    done = subprocess.run(
        [sys.executable, "-m", "branch_desk", "participants", "import", str(bomb), "--partner",
         "PEMKAB-MAROS", "--db", str(maros.path), "--user", "petugas", "--dry-run"],
        capture_output=True, text=True, env=env, preexec_fn=ceiling, timeout=120, check=False)
    assert done.returncode not in (0, -6, 134), done.stderr  # -6 / 134: aborted
    assert "batasnya 250.000 baris" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("rows, dimension, words", [
    ({1: cell("A1", "NIK") + cell("B1", "Nama")}, "A1:XFD1048576", ["menyatakan", "kolom"]),
    ({1: cell("A1", "NIK"), 1048576: cell("XFD1048576", "x")}, None, ["kolom 16.384"]),
    ({1: cell("A1", "NIK"), 300000: cell("A300000", "x")}, None, ["baris 300.000"]),
    ({1: cell("A1", "NIK"), 20000: cell("GR20000", "x")}, None, ["3.000.000 sel"]),
    ({1: "<c><v>1</v></c>", 1048576: "<c><v>2</v></c>"}, None, ["baris 1.048.576"]),
    ({1: '<c s="0"  r="A1"><v>1</v></c>', 2: "<c r='ZZZ2'><v>2</v></c>"}, None, ["kolom"]),
])
def test_sheets_over_the_limits_are_refused(maros, tmp_path, rows, dimension, words):
    path = write_xlsx(tmp_path / "besar.xlsx", {"Daftar": sheet_xml(rows, dimension)})
    refused(maros, path, "tidak diproses", *words)


def test_shared_strings_declared_or_counted_over_the_limit(maros, tmp_path):
    declared = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
               'uniqueCount="4000000000"><si><t>NIK</t></si></sst>'
    path = write_xlsx(tmp_path / "sst.xlsx", {"Daftar": sheet_xml({1: cell("A1", "NIK")})},
                      extra={"xl/sharedStrings.xml": declared.encode()})
    refused(maros, path, "teks bersama", "3.000.000")


def test_parts_over_their_size_are_refused(tmp_path):
    path = write_xlsx(tmp_path / "bagian.xlsx", {"Daftar": sheet_xml({1: cell("A1", "x")})},
                      extra={"xl/media/bom.bin": b"\0" * (3 * 2**20)})
    with pytest.raises(LimitError) as caught:
        GuardedXlsx(path, Limits(part_bytes=2 * 2**20))
    assert "xl/media/bom.bin" in caught.value.message and "batasnya 2 MB" in caught.value.message
    big_sheet = sheet_xml({n: cell(f"A{n}", "x" * 100) for n in range(1, 30_000)})
    path = write_xlsx(tmp_path / "lembar.xlsx", {"Daftar": big_sheet})
    with pytest.raises(LimitError) as caught:
        GuardedXlsx(path, Limits(part_bytes=2 * 2**20)).scan("Daftar")
    assert "sheet1.xml' berukuran 5 MB setelah dibuka, batasnya 2 MB" in caught.value.message


def test_the_limits_are_the_documented_ones():
    text = (ROOT / "docs" / "spreadsheets.md").read_text(encoding="utf-8")
    for figure in (f"{LIMITS.rows:,}", f"{LIMITS.columns:,}", f"{LIMITS.cells:,}",
                   f"{LIMITS.shared_strings:,}", f"{LIMITS.file_bytes // 2**20:,} MB",
                   f"{LIMITS.part_bytes // 2**20:,} MB"):
        assert figure.replace(",", ".") in text, figure


def test_encrypted_and_unknown_files(maros, tmp_path):
    encrypted = tmp_path / "sandi.xlsx"  # an OLE2 container holding an EncryptedPackage
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                          + "EncryptionInfo".encode("utf-16-le") + b"\0" * 50
                          + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000)
    refused(maros, encrypted, "dilindungi kata sandi")
    junk = tmp_path / "acak.xlsx"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    refused(maros, junk, "tidak dapat dibaca")


# --- exact digits -----------------------------------------------------------------------------


def test_nik_above_2_53_stored_as_a_number_is_never_changed(maros, tmp_path):
    """The issue's case: …031 typed as a number is held as the float …032 (openpyxl, like
    every spreadsheet program, stores the double); it was imported as …032 and the next
    person, who really has …032, was rejected as a duplicate. Now the number row is refused
    with the instruction to retype it as text, and the person with …032 is imported."""
    book = Workbook()
    book.active.append(["NIK", "Nama"])
    book.active.append([PAPUA, "Yosephina Wenda"])
    book.active.append([str(PAPUA + 1), "Maria Wenda"])
    book.save(tmp_path / "papua.xlsx")
    report = run(maros, tmp_path / "papua.xlsx")
    assert (report.imported, report.rejected) == (1, 1)
    assert "Teks" in report.rows[0].message and "9171010506900032" in report.rows[0].message
    assert niks(maros) == [str(PAPUA + 1)]


@pytest.mark.parametrize("stored, digits", [
    (str(PAPUA), str(PAPUA)), ("9.171010506900031E+15", str(PAPUA)),
    (str(2**53 + 1), str(2**53 + 1)), ("7309014507850001", "7309014507850001"),
    (str(2**53), None), (str(PAPUA + 1), None), ("9.171010506900032E+15", None),
])
def test_stored_text_keeps_its_digits_only_where_no_float_could_have_rounded(stored, digits):
    from branch_desk.services.participants.import_rows import RowProblem, _stored_nik
    from branch_desk.spreadsheets.workbook_reader import StoredNumber

    if digits is None:
        with pytest.raises(RowProblem, match="tidak pasti"):
            _stored_nik(StoredNumber(stored))
    else:
        assert _stored_nik(StoredNumber(stored)) == digits


@pytest.mark.parametrize("stored, words", [
    ("9.17101050690003E+15", ["Excel hanya menyimpan 15 digit", "Teks"]),
    ("9171010506900030", ["digit ke-16 sudah menjadi 0", "Teks"]),
    ("9.1710105069000304E+15", ["bukan bilangan bulat", "Teks"]),
    ("917101050690003", ["hanya 15 digit", "Teks"]),
])
def test_nik_whose_stored_text_lost_digits_is_refused(maros, tmp_path, stored, words):
    rows = {1: cell("A1", "NIK") + cell("B1", "Nama"),
            2: cell("A2", f"#n:{stored}") + cell("B2", "Yosephina Wenda")}
    report = run(maros, write_xlsx(tmp_path / "n.xlsx", {"Daftar": sheet_xml(rows)}))
    assert report.rejected == 1 and report.imported == 0
    assert_indonesian(report.rows[0].message)
    for word in words:
        assert word in report.rows[0].message
    assert niks(maros) == []


def test_exact_stored_text_in_scientific_form_is_accepted(maros, tmp_path):
    rows = {1: cell("A1", "NIK") + cell("B1", "Nama"),
            2: cell("A2", "#n:9.171010506900031E+15") + cell("B2", "Yosephina Wenda")}
    assert run(maros, write_xlsx(tmp_path / "n.xlsx", {"Daftar": sheet_xml(rows)})).imported == 1
    assert niks(maros) == [str(PAPUA)]


def test_float_without_stored_text_above_2_53_is_refused():
    from branch_desk.services.participants.import_rows import RowProblem, read_nik

    with pytest.raises(RowProblem, match="Teks"):
        read_nik(float(PAPUA))  # an xls NUMBER record holds only the double


# --- text cells -------------------------------------------------------------------------------


@pytest.mark.parametrize("name, reason", [
    ("SITTI\x07AMINAH", "U+0007"), ("SITTI\x00AMINAH", "U+0000"),
    ("SITTI \u202eHANIMA", "U+202E"), ("SITTI \u2066AMINAH", "U+2066"),
])
def test_names_with_control_or_bidi_characters_are_refused(maros, tmp_path, name, reason):
    path = tmp_path / "kendali.csv"
    path.write_text(f"NIK;Nama\n7309014507850001;{name}\n", encoding="utf-8")
    report = run(maros, path)
    assert report.rejected == 1 and reason in report.rows[0].message
    assert_indonesian(report.rows[0].message)


def test_zero_width_removed_controls_in_address_removed_with_a_note(maros, tmp_path):
    path = tmp_path / "alamat.csv"
    path.write_text("NIK;Nama;Alamat\n7309014507850001;SITTI\u200b AMINAH;Dusun\x07 Bontoa\n",
                    encoding="utf-8")
    report = run(maros, path)
    assert report.imported == 1 and any("U+0007" in w for w in report.rows[0].warnings)
    with maros.uow("petugas", write=False) as uow:
        person = uow.session.scalars(select(Participant)).one()
        assert (person.name, person.address) == ("Sitti Aminah", "Dusun Bontoa")


@pytest.mark.parametrize("column, value, label", [
    ("Nama", "A" * 201, "Nama terlalu panjang"), ("Alamat", "Jalan " * 60, "Alamat terlalu"),
    ("No HP", "0812" * 11, "No HP terlalu"), ("Pekerjaan", "x" * 101, "Pekerjaan terlalu"),
])
def test_lengths_are_checked_against_the_columns(maros, tmp_path, column, value, label):
    header = ["NIK", "Nama"] if column == "Nama" else ["NIK", "Nama", column]
    row = ["7309014507850001", value] if column == "Nama" else \
        ["7309014507850001", "Sitti Aminah", value]
    path = tmp_path / "panjang.csv"
    path.write_text(";".join(header) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    report = run(maros, path)
    assert report.rejected == 1 and label in report.rows[0].message


# --- headers and sheets -----------------------------------------------------------------------


def _book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


GOOD = ["7309014507850001", "SITTI AMINAH", "05/07/1985"]


@pytest.mark.parametrize("header", [
    ["N I K", "N A M A", "T G L  L A H I R"],
    ["N.I.K.", "Nama*", "Tgl. Lahir *"],
    ["NIK *)", "NAMA LENGKAP (sesuai KTP)", "Tanggal Lahir"],
])
def test_letter_spaced_dotted_and_starred_headers(maros, tmp_path, header):
    if header[1].startswith("NAMA LENGKAP ("):
        report = run(maros, _book(tmp_path / "h.xlsx", {"Daftar": [header, GOOD]}),
                     columns={"name": "NAMA LENGKAP (sesuai KTP)"})
    else:
        report = run(maros, _book(tmp_path / "h.xlsx", {"Daftar": [header, GOOD]}))
    assert report.imported == 1 and set(report.mapping) >= {"nik", "name", "birth_date"}


def test_numbering_row_and_two_row_header_under_group_titles(maros, tmp_path):
    rows = [["DAFTAR PEKERJA RENTAN KABUPATEN MAROS"],
            ["No", "Identitas", None, "Kelahiran", None, "Alamat", None],
            [None, "NIK", "Nama", "Tempat", "Tanggal Lahir", "Dusun", "Desa/Kelurahan"],
            [1, 2, 3, 4, 5, 6, 7],
            [1, "7309014507850001", "SITTI AMINAH", "Maros", "05/07/1985", "Bontoa",
             "Tenrigangkae"]]
    report = run(maros, _book(tmp_path / "dua-baris.xlsx", {"Daftar": rows}))
    assert (report.imported, report.rejected, report.header_row) == (1, 0, 3)
    assert report.mapping == {"nik": "NIK", "name": "Nama", "birth_date": "Tanggal Lahir",
                              "address": "Alamat", "village": "Desa/Kelurahan"}


def test_list_on_another_sheet_found_or_chosen(maros, tmp_path):
    path = _book(tmp_path / "lembar.xlsx", {
        "Petunjuk": [["Isi daftar pada lembar berikutnya"]],
        "Daftar": [["NIK", "Nama"], GOOD[:2]],
        "Cadangan": [["NIK", "Nama"], ["7309010101900002", "BASO TANG"]]})
    report = run(maros, path, dry_run=True)
    assert report.sheet == "Daftar" and report.imported == 1
    assert run(maros, path, dry_run=True, sheet_name="Cadangan").rows[0].name == "Baso Tang"
    refused(maros, path, "Lembar 'Tidak Ada' tidak ada", sheet_name="Tidak Ada")
    error = refused(maros, path, "judul kolom tidak ditemukan", sheet_name="Petunjuk")
    assert isinstance(error, HeaderNotFoundError)


# --- column mapping ---------------------------------------------------------------------------


def test_unrecognised_columns_are_mapped_and_remembered_per_partner(maros, tmp_path):
    rows = [["Nomor KTP Lama", "Nm. Pekerja Rentan", "Kampung"],
            ["7309014507850001", "SITTI AMINAH", "Tenrigangkae"]]
    path = _book(tmp_path / "aneh.xlsx", {"Data": rows})
    error = refused(maros, path, "judul kolom tidak ditemukan")
    assert error.headers == ("Nomor KTP Lama", "Nm. Pekerja Rentan", "Kampung")
    columns = {"nik": "Nomor KTP Lama", "name": "nm pekerja rentan", "village": "Kampung"}
    dry = run(maros, path, dry_run=True, columns=columns)
    assert dry.imported == 1 and dry.mapping == {
        "nik": "Nomor KTP Lama", "name": "Nm. Pekerja Rentan", "village": "Kampung"}
    with maros.uow("petugas", write=False) as uow:
        assert column_mapping(uow, partner_code="PEMKAB-MAROS") == {}  # a dry run saves none
    assert run(maros, path, columns=columns).imported == 1
    with maros.uow("petugas", write=False) as uow:
        assert column_mapping(uow, partner_code="PEMKAB-MAROS")["nik"] == "Nomor KTP Lama"
        found = list_headers(uow, path, partner_code="PEMKAB-MAROS")
    assert found.found and found.mapping["village"] == "Kampung"
    nxt = _book(tmp_path / "berikut.xlsx", {"Data": [rows[0], ["7309010101900002", "BASO TANG",
                                                                "Bontoa"]]})
    assert run(maros, nxt).imported == 1  # remembered for the partner's next list


def test_mapping_mistakes_are_explained(maros, tmp_path):
    path = _book(tmp_path / "m.xlsx", {"Daftar": [["NIK", "Nama"], GOOD[:2]]})
    refused(maros, path, "'Tidak Ada' tidak ada", columns={"phone": "Tidak Ada"})
    refused(maros, path, "Kolom 'umur' tidak dikenal", columns={"umur": "Nama"})
    refused(maros, path, "lebih dari satu", columns={"nik": "NIK", "phone": "nik"})
    with maros.uow("petugas") as uow, pytest.raises(ValidationError, match="terlalu panjang"):
        save_column_mapping(uow, partner_code="PEMKAB-MAROS", mapping={"nik": "x" * 300})
    with maros.uow("kepala") as uow, pytest.raises(DomainError):
        save_column_mapping(uow, partner_code="TIDAK-ADA", mapping={"nik": "NIK"})


def test_cli_sheet_and_column_options_and_the_mapping_in_json(maros, tmp_path, monkeypatch,
                                                              capsys):
    from branch_desk.cli.main import main

    path = _book(tmp_path / "cli.xlsx", {
        "Petunjuk": [["baca dulu"]],
        "Isi": [["No KTP Lama", "Nama"], ["7309014507850001", "SITTI AMINAH"]]})
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORDS["petugas"])
    base = ["participants", "import", str(path), "--partner", "PEMKAB-MAROS", "--db",
            str(maros.path), "--user", "petugas", "--date", TODAY_TEXT, "--json", "--sheet",
            "Isi"]
    assert main([*base, "--dry-run", "--column", "nik=No KTP Lama"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["mapping"] == {"nik": "No KTP Lama", "name": "Nama"} and out["sheet"] == "Isi"
    assert (out["imported"], out["rejected"]) == (1, 0)
    assert main([*base, "--column", "nik"]) == 2
    assert "FIELD=JUDUL" in capsys.readouterr().err


# --- other formats ----------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter, encoding", [(";", "utf-8-sig"), (",", "cp1252")])
def test_csv_with_indonesian_dates(maros, tmp_path, delimiter, encoding):
    lines = [["NIK", "Nama", "Tanggal Lahir", "Mulai Kepesertaan", "Penghasilan"],
             ["7309014507850001", "SITTI AMINAH", "5 Juli 1985", "01/03/2024", "1.500.000"],
             ["7309010101900002", "BASO TANG", "01-01-1990", "1 Maret 2024", "2000000"]]
    path = tmp_path / "daftar.csv"
    path.write_text("\n".join(delimiter.join(f'"{v}"' if delimiter in v else v for v in line)
                              for line in lines), encoding=encoding)
    report = run(maros, path)
    assert (report.imported, report.rejected) == (2, 0)



def test_xls_is_read(maros, tmp_path):
    source = _book(tmp_path / "lama.xlsx", {"Daftar": [["NIK", "Nama", "Tanggal Lahir"],
                                                        GOOD, [PAPUA, "YOSEPHINA WENDA", None]]})
    subprocess.run([soffice(), "--headless", "--convert-to", "xls", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(tmp_path)})
    xls = tmp_path / "lama.xls"
    renamed = tmp_path / "lama-diganti-nama.xlsx"  # an xls renamed .xlsx is still read
    renamed.write_bytes(xls.read_bytes())
    for path in (xls, renamed):
        report = run(maros, path, dry_run=True)
        assert report.imported == 1 and report.rejected == 1
        assert "Teks" in report.rows[1].message  # the xls holds only the double
    broken = tmp_path / "rusak.xls"
    broken.write_bytes(xls.read_bytes()[:3000])
    refused(maros, broken, "xls")


def test_huge_numbers_in_text_or_stored_form_are_refused_per_row(maros, tmp_path):
    """Found by the fuzz test: a 10,000-digit cell under the header (Python refuses to turn
    it into an int) and a stored 1E+99999 must not stop the import."""
    rows = {1: cell("A1", "NIK") + cell("B1", "Nama"),
            2: cell("A2", "9" * 10_000) + cell("B2", "1" * 10_000),
            3: cell("A3", "#n:1E+99999") + cell("B3", "Baso Tang"),
            4: cell("A4", "7309014507850001") + cell("B4", "Sitti Aminah")}
    report = run(maros, write_xlsx(tmp_path / "besar.xlsx", {"Daftar": sheet_xml(rows)}))
    assert (report.imported, report.rejected) == (1, 2)
    for row in report.rows[:2]:
        assert_indonesian(row.message)


@pytest.mark.parametrize("income", ["#n:1e999", "#n:-1e999", "#n:1e300", "9" * 40])
def test_incomes_beyond_the_column_are_refused_per_row(maros, tmp_path, income):
    rows = {1: cell("A1", "NIK") + cell("B1", "Nama") + cell("C1", "Penghasilan"),
            2: cell("A2", "7309014507850001") + cell("B2", "Sitti Aminah") + cell("C2", income)}
    report = run(maros, write_xlsx(tmp_path / "upah.xlsx", {"Daftar": sheet_xml(rows)}))
    assert (report.imported, report.rejected) == (0, 1)
    assert "Penghasilan" in report.rows[0].message
