"""Proofreading the papers handed to partners: the PKS, the award certificate and the Pemda
bill, rendered for every kind of partner and read back with pdftotext.

What a careful reader would strike out: a word repeated ("Maros Maros"), the region named
twice in a title ("Bupati Maros Kabupaten Maros"), doubled brackets or punctuation, an award
praising "Rp0" of benefits, a file name where a name belongs, a duration that does not match
its dates, an amount without its words.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from branch_desk.db.models.claims import Claim
from branch_desk.db.models.participants import Participant
from branch_desk.domain.money import terbilang
from branch_desk.services.contributions.bill_documents import print_invoice
from branch_desk.services.contributions.billing import build_bill
from branch_desk.services.partners.agreement_document import agreement_pdf
from branch_desk.services.partners.agreements import new_agreement
from branch_desk.services.partners.certificates import certificates_pdf, issue_certificate
from branch_desk.services.partners.registry import PartnerData, add_partner
from tests.support.contributions import person
from tests.support.partners import PKS

# One partner of each kind, with the head's title typed bare, whole, or left blank.
PARTNERS = {
    "kabupaten": PartnerData(code="PEMKAB-MAROS", name="Pemerintah Kabupaten Maros",
                             kind="pemkab", region_code="73.09", head_name="Chaidir Syam",
                             head_title="Bupati Maros", address="Jl. Asoka No. 1, Maros"),
    "kota": PartnerData(code="PEMKOT-PALOPO", name="Pemerintah Kota Palopo", kind="pemkot",
                        region_code="73.73", head_name="Naili Trisal",
                        address="Jl. Andi Djemma, Palopo"),
    "provinsi": PartnerData(code="PEMPROV-SULSEL", name="Pemerintah Provinsi Sulawesi Selatan",
                            kind="pemprov", region_code="73", head_name="Andi Sudirman",
                            head_title="Gubernur", address="Jl. Urip Sumoharjo, Makassar"),
    "perusahaan": PartnerData(code="PT-SINAR", name="PT Sinar Laut Maros", kind="employer",
                              region_code="73.09", head_name="Hasnah Daeng Ngai",
                              address="Jl. Poros Makassar Km 20, Maros"),
    "desa": PartnerData(code="DESA-BONTOA", name="Pemerintah Desa Bontoa", kind="pemdes",
                        region_code="73.09.05.1001", head_name="Muh. Arsyad",
                        address="Bontoa, Maros"),
}
EXPECTED_TITLES = {"kabupaten": "Bupati Maros", "kota": "Wali Kota Palopo",
                   "provinsi": "Gubernur Sulawesi Selatan",
                   "perusahaan": "Direktur PT Sinar Laut Maros", "desa": "Kepala Desa Bontoa"}
# Words that may stand side by side: dashes, and the BPJS badge of the logo above the name.
REPEATABLE = {"-", "—", "bpjs"}


def _papers(office, kind: str, tmp_path: Path) -> dict[str, str]:
    partner = PARTNERS[kind]
    with office.uow("admin") as uow:
        add_partner(uow, data=partner)
        uow.commit()
    for serial in range(3):
        person(office, 100 + serial, partner_code=partner.code, tmt=date(2025, 1, 1))
    with office.uow("kepala") as uow:
        agreement = new_agreement(uow, data=replace(
            PKS, partner_code=partner.code, signed_on=date(2025, 1, 15),
            start_date=date(2025, 1, 15), end_date=date(2026, 1, 14), partner_number=""))
        certificate = issue_certificate(uow, partner_code=partner.code, as_of=date(2025, 6, 30),
                                        place="Maros", signer="Mintje Wattu",
                                        issued_on=date(2025, 7, 1))
        bill = build_bill(uow, partner_code=partner.code, first_month=date(2025, 1, 1),
                          months=3, today=date(2025, 1, 20))
        uow.commit()
    with office.uow("kepala") as uow:
        pks = agreement_pdf(uow, agreement.number)
        award = certificates_pdf(uow, [certificate])
        print_invoice(uow, bill_number=bill.number, path=tmp_path / "bill.pdf",
                      attachment=tmp_path / "TGH-lampiran.xlsx")
    return {"pks": pdf_text(pks, tmp_path), "piagam": pdf_text(award, tmp_path),
            "tagihan": pdf_text((tmp_path / "bill.pdf").read_bytes(), tmp_path)}


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The text in reading order (not laid out: the two signature columns stay apart)."""
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def _repeated_words(text: str) -> list[str]:
    words = re.findall(r"[\w.,()/-]+", _flat(text))
    return [f"{a} {b}" for a, b in itertools.pairwise(words)
            if a.casefold() == b.casefold() and a.casefold() not in REPEATABLE]


@pytest.mark.parametrize("kind", list(PARTNERS))
def test_papers_read_as_written_by_hand(office, kind, tmp_path):
    papers = _papers(office, kind, tmp_path)
    title = EXPECTED_TITLES[kind]
    for name, text in papers.items():
        flat = _flat(text)
        assert not _repeated_words(text), (name, _repeated_words(text))
        blanks_out = re.sub(r"\.{3,}", "", flat)  # dotted blanks are filled in by hand
        for doubled in ("((", "))", ",,", "..", " ,", " .", ", ,"):
            where = blanks_out.find(doubled)
            assert where < 0, (name, blanks_out[max(0, where - 60):where + 20])
        assert ".xlsx" not in flat and "_" not in flat, name  # no file names or codes
        assert title in flat, (name, title)
        region = PARTNERS[kind].name.split()[-1]
        assert not [line for line in text.splitlines() if f"{title} {region}" in line], name
    pks = _flat(papers["pks"])
    assert "selama 12 (dua belas) bulan" in pks
    assert "15 Januari 2025" in pks and "14 Januari 2026" in pks
    assert f"{title} Kabupaten" not in pks and f"{title} Kota" not in pks
    # Every amount with its words: the PKS budget and the bill's total.
    assert f"({terbilang(PKS.budget)})" in pks
    bill = _flat(papers["tagihan"])
    total = re.search(r"JUMLAH TAGIHAN (Rp[\d.]+)", bill)
    assert total is not None
    amount = int(total.group(1).removeprefix("Rp").replace(".", ""))
    assert f"Terbilang: {terbilang(amount)}." in bill
    assert "Jaminan Kecelakaan Kerja (JKK), Jaminan Kematian (JKM)" in bill
    # Nothing paid yet: the award praises the workers protected, not "Rp0" of benefits.
    award = _flat(papers["piagam"])
    assert "Rp0" not in award and "sebesar" not in award
    assert "3 tenaga kerja" in award


def test_award_names_the_benefits_once_something_was_paid(office, tmp_path):
    papers_partner = PARTNERS["kabupaten"]
    with office.uow("admin") as uow:
        added = add_partner(uow, data=papers_partner)
        uow.commit()
    participant = person(office, 200, partner_code=papers_partner.code)
    with office.uow("admin") as uow:
        region = uow.session.scalar(select(Participant.village_code).where(
            Participant.id == participant))
        uow.session.add(Claim(number="JKM/MRS/2025/000001", claim_type="JKM",
                              participant_id=participant, partner_id=added.id,
                              region_code=region[:5], event_date=date(2025, 2, 1),
                              filed_on=date(2025, 2, 3), status="dibayar",
                              total_amount=42_000_000, paid_on=date(2025, 2, 10)))
        uow.commit()
    with office.uow("kepala") as uow:
        row = issue_certificate(uow, partner_code=papers_partner.code, as_of=date(2025, 6, 30),
                                place="Maros", signer="Mintje Wattu",
                                issued_on=date(2025, 7, 1))
        uow.commit()
        award = _flat(pdf_text(certificates_pdf(uow, [row]), tmp_path))
    assert "sebesar Rp42.000.000" in award
    assert "Bupati Maros, Chaidir Syam" in award
