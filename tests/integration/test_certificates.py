"""Award certificates: citation figures from the database, batch PDF read back, CLI."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from branch_desk.db.models.claims import Claim
from branch_desk.db.models.participants import Participant
from branch_desk.db.recording_bulk import record_bulk_insert
from branch_desk.domain.errors import PermissionDenied
from branch_desk.services.partners.agreements import new_agreement
from branch_desk.services.partners.certificates import (
    certificates_pdf,
    issue_certificate,
    issue_certificates,
    list_certificates,
)
from branch_desk.services.partners.registry import PartnerData, add_partner, get_partner
from branch_desk.services.partners.verification import verify
from tests.support.partners import MAROS, PKS
from tests.support.pdf import pdf_text, qr_of_page
from tests.support.program import run_as

POLMAN = PartnerData(code="PEMKAB-POLMAN", name="Pemerintah Kabupaten Polewali Mandar",
                     kind="pemkab", region_code="76.04", head_name="H. Samsul Mahmud")


def _participants(uow, partner_id: str, count: int, tmt: date, start: int) -> list:
    rows = [{"nik": f"7309{i:012d}", "kpj": f"{i:011d}",
             "name": f"Peserta {i}", "name_search": f"peserta {i}",
             "birth_date": date(1980, 1, 1), "sex": "L", "village_code": "73.09.01.2001",
             "segment": "BPU", "funding_source": "APBD", "partner_id": partner_id,
             "tmt": tmt, "registered_on": tmt, "status": "aktif"}
            for i in range(start, start + count)]
    return record_bulk_insert(uow.session, uow.actor_required, Participant, rows)


@pytest.fixture
def partners(office):
    with office.uow("admin") as uow:
        maros = add_partner(uow, data=MAROS)
        polman = add_partner(uow, data=POLMAN)
        ids = _participants(uow, maros.id, 7, date(2024, 1, 1), 1)
        _participants(uow, maros.id, 2, date(2025, 5, 1), 10)  # after the as-of date
        _participants(uow, polman.id, 3, date(2024, 6, 1), 20)
        for n, (amount, paid_on, status) in enumerate([
                (42_000_000, date(2025, 2, 1), "dibayar"),
                (70_000_000, date(2025, 3, 20), "dibayar"),
                (15_000_000, None, "disetujui"),
                (42_000_000, date(2025, 4, 2), "dibayar")]):  # paid after the as-of date
            uow.session.add(Claim(number=f"JKM/MRS/2025/{n + 1:06d}", claim_type="JKM",
                                  participant_id=ids[n], partner_id=maros.id,
                                  region_code="73.09", event_date=date(2025, 1, 5),
                                  filed_on=date(2025, 1, 10), status=status,
                                  total_amount=amount, paid_on=paid_on))
        uow.commit()
    with office.uow("kepala") as uow:
        new_agreement(uow, data=PKS.__class__(**{**PKS.__dict__, "signed_on": date(2024, 1, 2)}))
        uow.commit()
    return office


def test_citation_counts_workers_and_paid_benefits(partners):
    with partners.uow("kepala") as uow:
        row = issue_certificate(uow, partner_code="PEMKAB-MAROS", as_of=date(2025, 3, 31),
                                place="Maros", signer="Mintje Wattu",
                                signer_title="Kepala Kantor Wilayah Sulawesi Maluku",
                                issued_on=date(2025, 4, 29))
        uow.commit()
    assert row.number == "PGH/MRS/2025/000001"
    assert (row.workers, row.benefits_paid) == (7, 112_000_000)
    assert "7 tenaga kerja, yaitu pekerja rentan, pegawai non-ASN, ketua RT/RW, per" in row.citation
    assert "per 31 Maret 2025" in row.citation and "Rp112.000.000" in row.citation


def test_officer_may_not_issue(partners):
    with partners.uow("petugas") as uow, pytest.raises(PermissionDenied):
        issue_certificate(uow, partner_code="PEMKAB-MAROS", as_of=date(2025, 3, 31),
                          place="Maros", signer="X")


def test_batch_pdf_reads_back(partners, tmp_path):
    with partners.uow("kepala") as uow:
        rows = issue_certificates(uow, partner_codes=["PEMKAB-MAROS", "pemkab-polman"],
                                  as_of=date(2025, 3, 31), place="Maros",
                                  signer="Andi Makkasau", issued_on=date(2025, 4, 29))
        pdf = certificates_pdf(uow, rows)
        uow.commit()
    path = tmp_path / "piagam.pdf"
    path.write_bytes(pdf)
    reader = PdfReader(path)
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    pages = pdf_text(pdf, tmp_path).split("\f")
    first = " ".join(pages[0].split())
    second = " ".join(pages[1].split())
    assert "PIAGAM PENGHARGAAN" in first and "Nomor: PGH/MRS/2025/000001" in first
    assert "Pemerintah Kabupaten Maros" in first and "7 tenaga kerja" in first
    assert "Rp112.000.000" in first and "Maros, 29 April 2025" in first
    assert "Pemerintah Kabupaten Polewali Mandar" in second and "3 tenaga kerja" in second
    assert "Rp0" not in second and "sebesar" not in second  # nothing paid: no benefits line
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    assert qr_of_page(pdf, tmp_path, 2) == rows[1].verification
    with partners.uow("kepala", write=False) as uow:
        result = verify(uow, rows[1].verification)
        assert result.genuine and result.summary["pekerja"] == 3
        assert [c.number for c in list_certificates(uow, partner_code="PEMKAB-POLMAN")] == [
            rows[1].number]
        assert get_partner(uow, "PEMKAB-POLMAN").name == POLMAN.name


def test_cli_certificate_then_verify(partners, tmp_path):
    out = tmp_path / "c.pdf"
    made = run_as(partners, "documents", "certificate", "PEMKAB-MAROS", "--as-of",
                   "2025-03-31", "--date", "2025-04-29", "--signer", "Mintje Wattu",
                   "--out", str(out), "--json")
    assert made.returncode == 0, made.stderr
    cert = json.loads(made.stdout)["certificates"][0]
    assert cert["workers"] == 7 and cert["benefits_paid"] == 112_000_000
    again = run_as(partners, "documents", "certificate", "PEMKAB-MAROS", "--as-of",
                    "2025-03-31", "--out", str(out), "--json")
    assert json.loads(again.stdout)["certificates"][0]["number"] == cert["number"]
    qr = qr_of_page(out.read_bytes(), tmp_path, 1)
    ok = run_as(partners, "documents", "verify", qr, user=None)
    # without a login: genuine or not, no details (issue 15); an officer sees them
    assert ok.returncode == 0 and "ASLI" in ok.stdout and "pekerja" not in ok.stdout
    officer = run_as(partners, "documents", "verify", qr, user="petugas")
    assert officer.returncode == 0 and "pekerja: 7" in officer.stdout
    by_number = run_as(partners, "documents", "verify", cert["number"], user=None)
    assert by_number.returncode == 0
    forged = qr[:20] + ("A" if qr[20] != "A" else "B") + qr[21:]
    bad = run_as(partners, "documents", "verify", forged, "--json", user=None)
    assert bad.returncode == 1 and json.loads(bad.stdout)["genuine"] is False
