"""Agreements (PKS): numbering, renewal, validation, the PDF read back, templates, CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from branch_desk.domain.errors import (
    DomainError,
    InvalidTransition,
    PermissionDenied,
    ValidationError,
)
from branch_desk.services.partners.agreement_document import agreement_pdf
from branch_desk.services.partners.agreements import (
    AgreementData,
    agreements_due,
    list_agreements,
    new_agreement,
    renew_agreement,
)
from branch_desk.services.partners.registry import add_partner
from branch_desk.services.partners.verification import verify
from tests.support.partners import MAROS, PKS
from tests.support.pdf import pdf_text, qr_of_page
from tests.support.program import run_as


@pytest.fixture
def maros(office):
    with office.uow("admin") as uow:
        add_partner(uow, data=MAROS)
        uow.commit()
    return office


def test_numbered_renewed_and_listed(maros):
    with maros.uow("kepala") as uow:
        first = new_agreement(uow, data=PKS)
        renewal = renew_agreement(uow, number=first.number, data=AgreementData(
            partner_code="", signed_on=date(2026, 5, 4), place="Maros", workers=14_210,
            budget=3_000_000_000))
        uow.commit()
    assert first.number == "PKS/MRS/2025/000001"
    assert (first.start_date, first.end_date) == (date(2025, 5, 16), date(2026, 5, 15))
    assert renewal.number == "PKS/MRS/2026/000001"
    assert renewal.renews_number == first.number
    assert renewal.start_date == date(2026, 5, 16)
    with maros.uow("kepala", write=False) as uow:
        rows = {r.number: r for r in list_agreements(uow, partner_code="pemkab-maros")}
        assert rows[first.number].status == "diperpanjang"
        assert rows[first.number].renewed_by_number == renewal.number
        assert [r.number for r in agreements_due(uow, as_of=date(2027, 3, 1))] == [
            renewal.number]
    with maros.uow("kepala") as uow, pytest.raises(InvalidTransition, match="sudah"):
        renew_agreement(uow, number=first.number, data=PKS)


@pytest.mark.parametrize("change, field", [
    ({"place": " "}, "place"), ({"programs": ()}, "programs"), ({"programs": ("JKX",)},
                                                                 "programs"),
    ({"groups": ("petani_kaya",)}, "groups"), ({"workers": -1}, "workers"),
    ({"end_date": date(2025, 1, 1)}, "end_date"), ({"partner_code": "TIDAK-ADA"}, "partner"),
])
def test_validation_names_the_field(maros, change, field):
    with maros.uow("kepala") as uow, pytest.raises(DomainError) as info:
        new_agreement(uow, data=AgreementData(**{**PKS.__dict__, **change}))
    assert info.value.field == field


def test_officer_may_not_sign_agreements(maros):
    with maros.uow("petugas") as uow, pytest.raises(PermissionDenied):
        new_agreement(uow, data=PKS)


def test_agreement_pdf_reads_back(maros, tmp_path):
    with maros.uow("kepala") as uow:
        row = new_agreement(uow, data=PKS)
        pdf = agreement_pdf(uow, row.number)
        uow.commit()
    path = tmp_path / "pks.pdf"
    path.write_bytes(pdf)
    pages = len(PdfReader(path).pages)
    assert pages >= 3
    text = pdf_text(pdf, tmp_path)
    flat = " ".join(text.split())
    assert "NOMOR: 400.5/77/PEM/V/2025" in flat and "NOMOR: PKS/MRS/2025/000001" in flat
    assert "Jumat tanggal enam belas bulan Mei tahun dua ribu dua puluh lima" in flat
    assert "PIHAK KESATU" in flat and "PIHAK KEDUA" in flat
    assert "Undang-Undang Nomor 40 Tahun 2004" in flat and "Nomor 2 Tahun 2021" in flat
    assert "Rp2.740.752.000 (dua miliar tujuh ratus empat puluh juta" in flat
    assert "13.595 orang" in flat and "Pasal 12" in flat and "METERAI" in flat
    per_page = text.split("\f")
    for number in range(1, pages + 1):
        assert f"Halaman {number} dari {pages}" in per_page[number - 1]
        assert "Paraf" in per_page[number - 1]
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    qr = qr_of_page(pdf, tmp_path, pages)
    with maros.uow("kepala", write=False) as uow:
        result = verify(uow, qr)
    assert result.genuine and result.number == row.number and result.summary["pekerja"] == 13595


def test_edited_templates_change_the_document(maros, tmp_path):
    edited = tmp_path / "pks"
    shutil.copytree(Path(agreement_pdf.__globals__["Templates"]([]).dirs[-1]), edited)
    (edited / "pasal_03_ruang_lingkup.txt").write_text(
        "RUANG LINGKUP KHUSUS\nKhusus untuk {jumlah_pekerja} nelayan {wilayah}.\n",
        encoding="utf-8")
    (edited / "pasal_13_lain_lain.txt").write_text("LAIN-LAIN\nPasal tambahan kantor.\n",
                                                  encoding="utf-8")
    with maros.uow("kepala") as uow:
        row = new_agreement(uow, data=PKS)
        pdf = agreement_pdf(uow, row.number, template_dirs=[edited])
        (edited / "pasal_02_maksud_dan_tujuan.txt").write_text("MAKSUD\nUntuk {salah_ketik}.\n",
                                                              encoding="utf-8")
        with pytest.raises(ValidationError, match="salah_ketik"):
            agreement_pdf(uow, row.number, template_dirs=[edited])
    flat = " ".join(pdf_text(pdf, tmp_path).split())
    assert "RUANG LINGKUP KHUSUS" in flat
    assert "Khusus untuk 13.595 nelayan Kabupaten Maros." in flat
    assert "Pasal 13 LAIN-LAIN" in flat


def test_office_override_folder_is_used(maros, tmp_path):
    from branch_desk.config import data_dir

    override = data_dir() / "templates" / "pks"
    override.mkdir(parents=True)
    (override / "penutup.txt").write_text("Ditandatangani di {tempat} oleh PARA PIHAK.\n",
                                          encoding="utf-8")
    with maros.uow("kepala") as uow:
        row = new_agreement(uow, data=PKS)
        flat = " ".join(pdf_text(agreement_pdf(uow, row.number), tmp_path).split())
    assert "Ditandatangani di Maros oleh PARA PIHAK." in flat


def test_cli_new_list_and_pdf(maros, tmp_path):
    made = run_as(maros, "agreements", "new", "--partner", "PEMKAB-MAROS", "--signed-on",
                   "16/05/2025", "--place", "Maros", "--partner-number", "400/9/2025",
                   "--workers", "4000", "--budget", "Rp1.204.000.000", "--groups",
                   "pekerja_rentan,keagamaan", "--json")
    assert made.returncode == 0, made.stderr
    row = json.loads(made.stdout)
    assert row["number"] == "PKS/MRS/2025/000001" and row["budget"] == 1_204_000_000
    assert row["groups"] == ["pekerja_rentan", "keagamaan"]
    listed = run_as(maros, "agreements", "list", "--partner", "PEMKAB-MAROS", "--json")
    assert [r["number"] for r in json.loads(listed.stdout)] == [row["number"]]
    out = tmp_path / "pks.pdf"
    made = run_as(maros, "documents", "agreement", row["number"], "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert "NOMOR: 400/9/2025" in pdf_text(out.read_bytes(), tmp_path)
    bad = run_as(maros, "agreements", "new", "--partner", "PEMKAB-MAROS", "--signed-on",
                  "2025-05-16", "--place", "Maros", "--programs", "XYZ", "--json")
    assert bad.returncode == 2 and json.loads(bad.stdout)["field"] == "programs"
