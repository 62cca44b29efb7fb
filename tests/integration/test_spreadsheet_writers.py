"""Every spreadsheet the program writes, with the values a hostile list or a careless officer
brings (formulas, quote-like starts, control characters, 16-digit numbers): text stays text,
nothing fails, identifiers are text cells, amounts are rupiah numbers, dates are dates — read
back with openpyxl and opened by a real client, LibreOffice Calc. And the round trip: the
participant export, imported again, gives back the same participants."""

from __future__ import annotations

import csv
import os
import subprocess
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from branch_desk.db.models.participants import Participant
from branch_desk.domain.report_cells import Column as HubColumn
from branch_desk.domain.report_cells import HubTable
from branch_desk.services.participants.export import export_participants, write_import_errors
from branch_desk.services.participants.import_rows import VillageResolver, parse_row
from branch_desk.services.participants.importing import import_participants
from branch_desk.services.participants.rows import ParticipantQuery
from branch_desk.spreadsheets.billing_xlsx import AttachmentLine, write_bill_attachment
from branch_desk.spreadsheets.claims_recap import write_recap_xlsx
from branch_desk.spreadsheets.coverage_xlsx import write_coverage_xlsx, write_monev_xlsx
from branch_desk.spreadsheets.hub_reports import write_hub_xlsx
from branch_desk.spreadsheets.participants_reader import read_participant_sheet
from branch_desk.spreadsheets.participants_writer import write_participant_export
from tests.support.libreoffice import soffice
from tests.support.partners import add_maros
from tests.support.pemda_lists import HEADER, pemda_rows, write_pemda_list

TODAY = date(2025, 6, 16)
HOSTILE = ['=HYPERLINK("http://contoh.invalid","klik")', "+Andi", "-Baso", "@Sum(A:A)",
           "=cmd|' /C calc'!A"]



def rupiah(shown: str) -> int:
    """An amount as Calc shows it in the rupiah format (grouping depends on the locale)."""
    assert shown.startswith("Rp"), shown
    return int("".join(ch for ch in shown if ch.isdigit()))


def calc_rows(paths: list[Path], work: Path) -> dict[str, list[list[str]]]:
    """The first sheet of each file as LibreOffice Calc shows it (CSV, UTF-8)."""
    out = work / "csv"
    out.mkdir(exist_ok=True)
    subprocess.run([soffice(), f"-env:UserInstallation=file://{work / 'lo-profile'}",
                    "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                    "--outdir", str(out), *map(str, paths)],
                   check=True, capture_output=True, timeout=300,
                   env={**os.environ, "HOME": str(work)})
    found = {}
    for path in paths:
        with (out / f"{path.stem}.csv").open(encoding="utf-8", newline="") as handle:
            found[path.name] = list(csv.reader(handle))
    return found


@pytest.fixture
def maros(office):
    add_maros(office)
    return office


def _import_hostile(office, tmp_path):
    """Five participants with formula-like names and addresses, and one row rejected for a
    BEL in its name (it goes to the error report)."""
    rows = [list(r) for r in pemda_rows(6)]
    for row, text in zip(rows, HOSTILE, strict=False):
        row[2] = text
        row[5] = f"=1+1 {text}"
    rows[5][2] = "SITTI\x07AMINAH"
    path = tmp_path / "hostile.csv"  # a worksheet cannot hold the BEL; a CSV can
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows([v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in row]
                         for row in rows)
    with office.uow("petugas") as uow:
        report = import_participants(uow, path, partner_code="PEMKAB-MAROS", dry_run=False,
                                     today=TODAY)
        uow.commit()
    assert (report.imported, report.rejected) == (5, 1), [r.message for r in report.rows]
    return report


def test_written_files_keep_text_as_text_and_open_in_calc(maros, tmp_path):
    report = _import_hostile(maros, tmp_path)
    errors = write_import_errors(report, tmp_path / "perlu-diperbaiki.xlsx")
    with maros.uow("kepala") as uow:
        export_participants(uow, tmp_path / "peserta.xlsx",
                            query=ParticipantQuery(partner_code="PEMKAB-MAROS", sort="kpj"))
        uow.commit()
        people = {p.name: p.nik for p in uow.session.scalars(select(Participant))}
    export = tmp_path / "peserta.xlsx"

    sheet = load_workbook(export).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    by_name = {row[2]: row for row in values[1:]}
    assert set(by_name) == set(HOSTILE)
    for name in HOSTILE:
        cells = {c.column_letter: c for c in sheet[values.index(by_name[name]) + 1]}
        assert cells["C"].data_type == "s" and cells["C"].value == name
        assert cells["F"].data_type == "s" and cells["F"].value.startswith("=1+1")
        assert cells["C"].quotePrefix and cells["F"].quotePrefix
        assert cells["B"].data_type == "s" and cells["B"].number_format == "@"
        assert cells["B"].value == people[name] and cells["A"].number_format == "@"
        assert cells["D"].is_date and cells["O"].number_format == '"Rp"#,##0;-"Rp"#,##0'
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:S6"
    assert sheet.column_dimensions["C"].width == 28

    bad = load_workbook(errors).active
    row = [c for c in bad[2]]
    assert row[0].value == report.rows[-1].row and "U+0007" in row[1].value
    assert row[4].value == "SITTIAMINAH"  # the BEL cannot be stored: removed, no failure
    assert row[3].data_type == "s" and row[3].number_format == "@"  # the NIK as sent, as text

    calc = calc_rows([export, errors], tmp_path)
    shown = {r[2]: r for r in calc["peserta.xlsx"][1:]}
    assert set(shown) == set(HOSTILE)  # Calc shows the text; it computed no formula
    for name in HOSTILE:
        assert shown[name][1] == people[name] and shown[name][5].startswith("=1+1")
        assert rupiah(shown[name][14]) == 1_000_000 and shown[name][3].count("/") == 2
    assert calc["perlu-diperbaiki.xlsx"][1][4] == "SITTIAMINAH"


def test_every_writer_survives_hostile_text_and_calc_reads_it_back(tmp_path):
    hostile, bell, long_number = HOSTILE[0], "Pemkab\x07Maros\x00", 9171010506900031
    files = []
    files.append(write_participant_export(tmp_path / "ekspor.xlsx", [
        ("73090000001", str(long_number), hostile, date(1990, 6, 5), "L", bell,
         "73.09.01.2001", "Tenrigangkae", "081234567890", "-petani", "BPU", "APBD",
         "PEMKAB-MAROS", "JKK JKM", 1_500_000, date(2025, 1, 1), date(2025, 1, 2), "aktif",
         "@catatan")]))
    files.append(write_bill_attachment(
        tmp_path / "lampiran.xlsx", number="TGH-MRS-2025-000001", partner_name=bell,
        workers=1, programs=["JKK", "JKM"], total=16_800,
        lines=[AttachmentLine(str(long_number), "73090000001", hostile, "73.09.01.2001",
                              date(2025, 1, 1), 1, 16_800)]))
    recap = SimpleNamespace(
        criteria=SimpleNamespace(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31),
                                 program="JKM"),
        partner_name=hostile, region_name=bell, count=1, total=42_000_000,
        paid_total=42_000_000,
        programs=[SimpleNamespace(program="JKM", count=1, rejected=0, paid_count=1,
                                  total=42_000_000, paid_total=42_000_000)],
        lines=[SimpleNamespace(program="JKM", regency_code="73.09", regency_name=bell,
                               partner_code="PEMKAB-MAROS", partner_name=hostile, count=1,
                               rejected=0, paid_count=1, total=42_000_000,
                               paid_total=42_000_000)],
        late_payments=[SimpleNamespace(number=f"JKK/{bell}/2025/000001", program="JKK",
                                       complete_on=date(2025, 3, 3), due=date(2025, 3, 12),
                                       paid_on=date(2025, 3, 14), days_late=2,
                                       compensation=1_880_000)])
    files.append(write_recap_xlsx(tmp_path / "rekap.xlsx", recap))
    figure = SimpleNamespace(code="73.09", name=hostile, target=10, covered=4, percentage=40)
    summary = SimpleNamespace(region_name=bell, as_of=TODAY, target=10, covered=4,
                              percentage=40, areas=[figure], segments=[figure],
                              partners=[figure], trend=[(date(2025, 6, 1), 4)])
    files.append(write_coverage_xlsx(tmp_path / "cakupan.xlsx", summary))
    files.append(write_monev_xlsx(tmp_path / "monev.xlsx", summary, bills=[
        ["TGH-MRS-2025-000001", hostile, 1, 16_800, "lunas"]]))
    hub = HubTable(kind="claims", columns=(
        HubColumn("office"), HubColumn("office_name"), HubColumn("program"),
        HubColumn("claims", "int"), HubColumn("paid_amount", "money")),
        rows=(("MRS", hostile, "JKM", 1, 42_000_000), ("PRE", bell, "JKK", 2, 0)),
        total=(None, "", "", 3, 42_000_000), records=(), year=2025)
    files.append(write_hub_xlsx(tmp_path / "hub.xlsx", hub))

    for path in files:
        book = load_workbook(path)
        for sheet in book.worksheets:
            assert sheet.freeze_panes and sheet.auto_filter.ref, (path.name, sheet.title)
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, cell.coordinate)
                    if isinstance(cell.value, str):
                        assert "\x07" not in cell.value and "\x00" not in cell.value
                    if cell.value == str(long_number):
                        assert cell.data_type == "s" and cell.number_format == "@"
    lampiran = load_workbook(files[1]).active
    assert lampiran["I5"].value == 16_800 and lampiran["I5"].number_format.startswith('"Rp"')
    assert lampiran["B5"].value == str(long_number) and lampiran["A1"].font.bold

    calc = calc_rows(files, tmp_path)
    assert calc["ekspor.xlsx"][1][:3] == ["73090000001", str(long_number), hostile]
    assert calc["ekspor.xlsx"][1][9] == "-petani" and calc["ekspor.xlsx"][1][18] == "@catatan"
    assert calc["lampiran.xlsx"][4][1:4] == [str(long_number), "73090000001", hostile]
    assert rupiah(calc["lampiran.xlsx"][4][8]) == 16_800 and calc["lampiran.xlsx"][1][0] == \
        "PemkabMaros — 1 pekerja — program JKK, JKM"
    jkm = [[*r[:4], rupiah(r[4]), rupiah(r[5])] for r in calc["rekap.xlsx"] if r[0] == "JKM"]
    assert jkm == [["JKM", "1", "0", "1", 42_000_000, 42_000_000]]
    assert calc["cakupan.xlsx"][4] == ["Pekerja tercakup", "4"]
    assert calc["monev.xlsx"][0][0].startswith("Monitoring dan Evaluasi")
    assert calc["hub.xlsx"][4][:4] == ["MRS", hostile, "JKM", "1"]
    assert rupiah(calc["hub.xlsx"][4][4]) == 42_000_000
    assert calc["hub.xlsx"][-1][0] == "Jumlah"


def test_export_then_import_gives_back_the_same_participants(maros, tmp_path):
    with maros.uow("petugas") as uow:
        import_participants(uow, write_pemda_list(tmp_path / "asal.xlsx", pemda_rows(40)),
                            partner_code="PEMKAB-MAROS", dry_run=False, today=TODAY)
        uow.commit()
    with maros.uow("kepala") as uow:  # the full NIK: a role with EXPORT_PERSONAL_DATA
        assert export_participants(uow, tmp_path / "ekspor.xlsx", query=ParticipantQuery()) == 40
        uow.commit()
        stored = {p.nik: (p.name, p.birth_date, p.sex, p.address, p.village_code, p.phone,
                          p.occupation, p.income, p.tmt)
                  for p in uow.session.scalars(select(Participant))}
    sheet = read_participant_sheet(tmp_path / "ekspor.xlsx")
    villages = VillageResolver("73.09")
    read = {}
    for _, cells in sheet.rows:
        row = parse_row(cells, sheet.columns, today=TODAY, income_floor=1, villages=villages)
        assert not row.warnings
        read[row.nik] = (row.name, row.birth_date, row.sex, row.address, row.village_code,
                         row.phone, row.occupation, row.income, row.tmt)
    assert read == stored
    with maros.uow("petugas") as uow:
        again = import_participants(uow, tmp_path / "ekspor.xlsx", partner_code="PEMKAB-MAROS",
                                    dry_run=True, today=TODAY)
    assert (again.imported, again.already_present, again.rejected) == (0, 40, 0)
