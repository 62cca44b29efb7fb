"""The CLI commands of issue 4, with exactly their names, options and JSON keys."""

from __future__ import annotations

import json
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from branch_desk.cli.main import main
from tests.support.contributions import nik, pemda, person
from tests.support.offices import PASSWORDS


def run(office, monkeypatch, capsys, user, *args):
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORDS[user])
    code = main(["--db", str(office.path), *args, "--user", user, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_pay_bill_pay_bill_target_and_report(office, monkeypatch, capsys, tmp_path):
    code = pemda(office)
    for n in range(1, 4):
        person(office, n, partner_code=code, tmt=date(2025, 1, 2))
    person(office, 9)
    rc, paid = run(office, monkeypatch, capsys, "petugas", "contributions", "pay",
                   "--participant", nik(9), "--from", "2025-06", "--months", "3",
                   "--paid-on", "2025-06-16", "--receipt", str(tmp_path / "k.pdf"))
    assert rc == 0 and paid["number"] == "KWT/MRS/2025/000001"
    assert paid["amount"] == 50_400 and paid["last_month"] == "2025-08"
    assert "Lima puluh ribu empat ratus rupiah" in PdfReader(tmp_path / "k.pdf").pages[0]\
        .extract_text()
    rc, bill = run(office, monkeypatch, capsys, "petugas", "contributions", "bill",
                   "--partner", code, "--from", "2025-01", "--months", "12")
    assert rc == 0 and bill["workers"] == 3 and bill["total"] == 3 * 12 * 16_800
    assert bill["status"] == "terbit"
    rc, settled = run(office, monkeypatch, capsys, "petugas", "contributions", "pay-bill",
                      bill["number"], "--reference", "SP2D 1")
    assert rc == 0 and settled["status"] == "lunas"
    rc, target = run(office, monkeypatch, capsys, "kepala", "coverage", "target",
                     "--region", "73.09", "--year", "2025", "--workers", "8")
    assert rc == 0 and target == {"region": "73.09", "region_name": target["region_name"],
                                  "year": 2025, "workers": 8}
    rc, report = run(office, monkeypatch, capsys, "petugas", "report", "coverage",
                     "--region", "73.09", "--as-of", "2025-06-30",
                     "--xlsx", str(tmp_path / "c.xlsx"), "--monev", str(tmp_path / "m.pdf"))
    assert rc == 0 and report["covered"] == 4 and report["target"] == 8
    assert report["percentage"] == 50.0 and report["percentage_text"] == "50,00%"
    assert all(("percentage_text" in f) and (f["percentage_text"] is None) is (
        f["target"] is None) for f in report["areas"] + report["segments"])
    assert report["trend"][-1] == {"month": "2025-06", "covered": 4}
    assert load_workbook(tmp_path / "c.xlsx")["Ringkasan"]["B5"].value == 4
    assert load_workbook(tmp_path / "c.xlsx")["Ringkasan"]["B6"].number_format == "0.00%"
    monev = "".join(p.extract_text() for p in PdfReader(tmp_path / "m.pdf").pages)
    assert "Instruksi Presiden Nomor 2 Tahun 2021" in monev
    assert bill["number"] in monev and "50,00%" in monev
    assert load_workbook(tmp_path / "m.xlsx")["Pendanaan APBD"]["A2"].value == bill["number"]


def test_errors_come_back_as_json_with_the_field(office, monkeypatch, capsys):
    person(office, 1)
    rc, error = run(office, monkeypatch, capsys, "petugas", "contributions", "pay",
                    "--participant", nik(1), "--from", "2024-06", "--months", "1")
    assert rc == 2 and error["field"] == "first_month" and "TMT" in error["error"]
    rc, error = run(office, monkeypatch, capsys, "petugas", "coverage", "target",
                    "--region", "73.09", "--year", "2025", "--workers", "5")
    assert rc == 2 and "tidak berwenang" in error["error"]


def test_employer_industry_and_size_through_the_cli(office, monkeypatch, capsys):
    rc, added = run(office, monkeypatch, capsys, "kepala", "partners", "add", "--code",
                    "PT-MEBEL", "--name", "PT Mebel Maros", "--kind", "employer", "--region",
                    "73.09", "--industry", "furnitur", "--workers", "80")
    assert rc == 0 and (added["industry"], added["workers"]) == ("furnitur", 80)
    rc, wrong = run(office, monkeypatch, capsys, "kepala", "partners", "add", "--code",
                    "PT-ROKOK", "--name", "PT Rokok", "--kind", "employer", "--region",
                    "73.09", "--industry", "rokok")
    assert rc != 0 and wrong["field"] == "industry" and "tidak dikenal" in wrong["error"]
    rc, listed = run(office, monkeypatch, capsys, "petugas", "partners", "list")
    assert [p["code"] for p in listed] == ["PT-MEBEL"]
