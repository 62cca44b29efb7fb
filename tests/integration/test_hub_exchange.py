"""A regional hub with three branches: the hub imports every branch's files (one folder, in
order, past files already applied), relays them between branches, and reports across them."""

from __future__ import annotations

import json
import subprocess
from datetime import date

from openpyxl import load_workbook
from sqlalchemy import func, select

from branch_desk.db.models.participants import Participant
from branch_desk.services.sync import hub_tables
from branch_desk.services.sync.hub_import import import_folder
from branch_desk.services.sync.hub_reports import hub_agreements, hub_claims, hub_coverage
from tests.support.hub import (
    HUB,
    PARTNERS,
    PASSWORD,
    branch_work,
    export_to,
    import_file,
    reading,
)
from tests.support.offices import TODAY


def test_three_branches_through_the_hub(offices, tmp_path):
    inbox = tmp_path / "inbox"
    claims = {code: branch_work(offices[code], code) for code in PARTNERS}
    for code in PARTNERS:
        export_to(offices[code], HUB, inbox / f"{code}-ke-{HUB}-1.bdsync")
    report = import_folder(offices[HUB].db, offices[HUB].actors["admin"], inbox)
    assert [f.status for f in report.files] == ["diterapkan"] * 3
    assert [f.source for f in report.files] == ["MRS", "PKJ", "PRE"]
    # again: every file is reported as already imported, nothing refused
    again = import_folder(offices[HUB].db, offices[HUB].actors["admin"], inbox)
    assert [f.status for f in again.files] == ["sudah_diimpor"] * 3 and again.refused == 0

    # the hub relays: each branch receives the other two branches' records
    for code in PARTNERS:
        out = export_to(offices[HUB], code, tmp_path / "outbox" / f"{HUB}-ke-{code}.bdsync")
        import_file(offices[code], out.path)
    for code in PARTNERS:
        with reading(offices[code]) as uow:
            origins = dict(uow.session.execute(
                select(Participant.origin_office, func.count()).group_by(
                    Participant.origin_office)).all())
        assert origins == {"MRS": 2, "PKJ": 1, "PRE": 3}, code

    # cross-branch reports at the hub
    with reading(offices[HUB]) as uow:
        coverage = hub_coverage(uow)
        by_claims = hub_claims(uow)
        agreements = hub_agreements(uow, as_of=TODAY, within_days=90)
    assert [(r.office, r.province_code, r.regency_code, r.participants) for r in coverage] == [
        ("MRS", "73", "73.09", 2), ("PKJ", "73", "73.10", 1), ("PRE", "73", "73.72", 3)]
    assert coverage[0].province_name == "Sulawesi Selatan"
    assert coverage[2].regency_name.endswith("Parepare")
    assert [(r.office, r.program, r.claims, r.paid, r.open) for r in by_claims] == [
        ("MRS", "JKM", 1, 1, 0), ("PKJ", "JKM", 1, 0, 1), ("PRE", "JKM", 1, 0, 1)]
    assert by_claims[0].paid_amount == 42_000_000 and by_claims[1].paid_amount == 0
    assert by_claims[0].office_name == "Kantor Cabang Maros"
    assert [(r.office, r.partner_code, r.renewal_due) for r in agreements] == [
        ("MRS", "PEMKAB-MAROS", True), ("PRE", "PEMKOT-PAREPARE", True),
        ("PKJ", "PEMKAB-PANGKEP", False)]
    assert agreements[0].days_left == (date(2025, 6, 30) - TODAY).days
    assert all(claims[r.office] for r in by_claims)

    # xlsx and PDF, read back
    with reading(offices[HUB]) as uow:
        table = hub_tables.claims_table(uow)
        xlsx = hub_tables.export_xlsx(table, tmp_path / "klaim.xlsx")
        pdf = hub_tables.export_pdf(uow, hub_tables.agreements_table(uow, as_of=TODAY),
                                    tmp_path / "pks.pdf")
    sheet = load_workbook(xlsx).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[3][:4] == ["Kantor", "Nama kantor", "Program", "Klaim"]
    assert values[4][:4] == ["MRS", "Kantor Cabang Maros", "JKM", 1]
    assert values[4][7] == 42_000_000 and values[-1][0] == "Jumlah" and values[-1][3] == 3
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "PERJANJIAN KERJA SAMA DAN JADWAL PERPANJANGAN" in text
    assert "Kantor Wilayah Sulawesi Maluku" in text
    assert "PEMKAB-MAROS" not in text and "Pemerintah Kota Parepare" in text
    assert "30 Juni 2025" in text and "PERLU, 14 hari lagi" in text


def test_hub_cli_import_and_reports(offices, tmp_path, monkeypatch, capsys):
    from branch_desk.cli import main

    assert "branch_desk.cli.sync" in main.COMMAND_MODULES
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORD)
    inbox = tmp_path / "inbox"
    for code in ("MRS", "PRE"):
        branch_work(offices[code], code)
        export_to(offices[code], HUB, inbox / f"{code}-1.bdsync")
    (inbox / "catatan.bdsync").write_bytes(b"bukan berkas")
    hub = str(offices[HUB].path)
    assert main.main(["hub", "import", str(inbox), "--db", hub, "--user", "admin",
                      "--json"]) == 1  # one file refused; the others are still imported
    data = json.loads(capsys.readouterr().out)
    assert [(f["file"], f["status"]) for f in data["files"]] == [
        ("MRS-1.bdsync", "diterapkan"), ("PRE-1.bdsync", "diterapkan"),
        ("catatan.bdsync", "ditolak")]
    assert data["files"][2]["reason"] == "not_archive" and data["applied"] == 2
    assert main.main(["report", "hub-coverage", "--db", hub, "--user", "admin", "--json",
                      "--xlsx", str(tmp_path / "c.xlsx"), "--pdf", str(tmp_path / "c.pdf")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["office"], r["regency_code"], r["participants"]) for r in data["rows"]] == [
        ("MRS", "73.09", 2), ("PRE", "73.72", 3)]
    assert (tmp_path / "c.xlsx").exists() and (tmp_path / "c.pdf").read_bytes()[:4] == b"%PDF"
    assert main.main(["report", "hub-claims", "--db", hub, "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert "Rp42.000.000" in out and "Kantor Cabang Parepare" in out
    assert main.main(["report", "hub-agreements", "--db", hub, "--user", "admin",
                      "--as-of", "2025-06-16", "--within", "30"]) == 0
    out = capsys.readouterr().out
    assert "PKS/MRS/2024/000001" in out and "PERLU, 14 hari lagi" in out
    assert "PKS/PRE/2024/000001" in out
