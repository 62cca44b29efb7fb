"""Four-eyes workflow per role, the events ledger, reopening, recap, PDFs and the CLI."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest
from sqlalchemy import select

from branch_desk.db.models.core import AuditEntry
from branch_desk.domain.errors import InvalidTransition, PermissionDenied
from branch_desk.services.claims.printing import print_claim_receipt, print_claim_statement
from branch_desk.services.claims.recap import RecapFilter, claims_recap
from branch_desk.services.claims.workflow import advance_claim, mark_documents, new_claim
from branch_desk.services.partners import verification
from branch_desk.services.partners.registry import PartnerData, add_partner
from tests.support.claims import add_person, jkm_data

TODAY = date(2025, 6, 16)


def _claim(office, user="petugas", complete=True):
    kpj = add_person(office)
    with office.uow(user) as uow:
        row = new_claim(uow, data=jkm_data(kpj), today=TODAY)
        if complete:
            mark_documents(uow, number=row.number, all_received=True, today=TODAY)
        uow.commit()
    return row.number


def _step(office, user, number, to, **kw):
    with office.uow(user) as uow:
        row = advance_claim(uow, number=number, to=to, today=TODAY, **kw)
        uow.commit()
    return row


def test_submission_needs_complete_documents(office):
    number = _claim(office, complete=False)
    with pytest.raises(InvalidTransition, match="dokumen wajib"):
        _step(office, "petugas", number, "diajukan")
    with office.uow("petugas") as uow:
        row = mark_documents(uow, number=number, received=["kpj", "akta_kematian"], today=TODAY)
        uow.commit()
    assert {d.key for d in row.documents if d.received} == {"kpj", "akta_kematian"}
    assert not row.documents_complete


def test_full_path_with_four_eyes_and_ledger(office):
    number = _claim(office)
    _step(office, "petugas", number, "diajukan")
    with pytest.raises(InvalidTransition, match="bukan pembuat"):
        _step(office, "petugas", number, "diverifikasi")
    _step(office, "petugas2", number, "diverifikasi")
    with pytest.raises(InvalidTransition, match="hanya oleh supervisor"):
        _step(office, "petugas2", number, "disetujui")
    _step(office, "kepala", number, "disetujui")
    with pytest.raises(InvalidTransition, match="referensi"):
        _step(office, "petugas", number, "dibayar")
    row = _step(office, "petugas", number, "dibayar", reference="TRF-BRI-778812")
    assert (row.status, row.paid_on, row.transfer_reference) == ("dibayar", TODAY,
                                                                 "TRF-BRI-778812")
    assert (row.created_by, row.verified_by, row.approved_by) == ("petugas", "petugas2",
                                                                  "kepala")
    steps = [(e.username, e.action, e.to_status, e.reference) for e in row.events
             if e.action in ("intake", "transition")]
    assert steps == [("petugas", "intake", "draft", ""),
                     ("petugas", "transition", "diajukan", ""),
                     ("petugas2", "transition", "diverifikasi", ""),
                     ("kepala", "transition", "disetujui", ""),
                     ("petugas", "transition", "dibayar", "TRF-BRI-778812")]
    assert all(e.at is not None and e.on_date == TODAY for e in row.events)


@pytest.mark.parametrize("creator, verifier, approver, message", [
    ("kepala", "petugas", "kepala", "dibuatnya"),
    ("petugas", "kepala", "kepala", "diverifikasinya"),
])
def test_supervisor_never_approves_own_claim(office, creator, verifier, approver, message):
    number = _claim(office, user=creator)
    _step(office, creator, number, "diajukan")
    _step(office, verifier, number, "diverifikasi")
    with pytest.raises(InvalidTransition, match=message):
        _step(office, approver, number, "disetujui")
    assert _step(office, "kepala2", number, "disetujui").approved_by == "kepala2"


def test_admin_takes_no_claim_step(office):
    number = _claim(office)
    with pytest.raises(InvalidTransition, match="Admin"):
        _step(office, "admin", number, "diajukan")
    with office.uow("admin") as uow, pytest.raises(PermissionDenied):
        new_claim(uow, data=jkm_data("0"), today=TODAY)


def test_reject_needs_reason_and_reopen_is_supervisor_only(office):
    number = _claim(office)
    _step(office, "petugas", number, "diajukan")
    with pytest.raises(InvalidTransition, match="alasan"):
        _step(office, "kepala", number, "ditolak")
    row = _step(office, "kepala", number, "ditolak", reason="Akta kematian tidak sah")
    assert row.status_reason == "Akta kematian tidak sah"
    with pytest.raises(InvalidTransition, match="supervisor"):
        _step(office, "petugas", number, "diajukan", reason="berkas baru")
    row = _step(office, "kepala", number, "diajukan", reason="Akta baru diserahkan")
    assert row.status == "diajukan" and row.verified_by == ""
    assert row.events[-1].action == "reopen" and row.events[-1].reason == "Akta baru diserahkan"


def test_ineligible_claim_can_only_be_rejected(office):
    kpj = add_person(office, paid_to=date(2024, 6, 1))
    with office.uow("petugas") as uow:
        row = new_claim(uow, data=jkm_data(kpj), today=TODAY)
        mark_documents(uow, number=row.number, all_received=True, today=TODAY)
        uow.commit()
    _step(office, "petugas", row.number, "diajukan")
    with pytest.raises(InvalidTransition, match="tidak memenuhi syarat"):
        _step(office, "petugas2", row.number, "diverifikasi")
    assert _step(office, "petugas2", row.number, "ditolak", reason="Kepesertaan nonaktif"
                 ).status == "ditolak"


def _pdftext(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_receipt_and_statement_pdfs(office, tmp_path):
    number = _claim(office)
    with office.uow("petugas") as uow:
        receipt = print_claim_receipt(uow, number=number, out=tmp_path / "terima.pdf",
                                      today=TODAY)
        with pytest.raises(InvalidTransition, match="disetujui"):
            print_claim_statement(uow, number=number, out=tmp_path / "x.pdf", today=TODAY)
        uow.commit()
    text = _pdftext(receipt)
    assert "TANDA TERIMA BERKAS KLAIM" in text and number in text
    assert "Akta/surat keterangan kematian" in text and "Diterima" in text
    assert "7309010505800001" not in text and "7309************" in text
    for user, to, kw in (("petugas", "diajukan", {}), ("petugas2", "diverifikasi", {}),
                         ("kepala", "disetujui", {}),
                         ("petugas", "dibayar", {"reference": "TRF-001"})):
        _step(office, user, number, to, **kw)
    with office.uow("petugas") as uow:
        statement = print_claim_statement(uow, number=number, out=tmp_path / "bayar.pdf",
                                          today=TODAY)
        uow.commit()
    text = _pdftext(statement)
    assert "BUKTI PEMBAYARAN SANTUNAN" in text and "Rp42.000.000" in text
    assert "Empat puluh dua juta rupiah" in text
    assert "Rp20.000.000" in text and "Rp12.000.000" in text and "Rp10.000.000" in text
    assert "Hasnah" in text and "TRF-001" in text
    with office.uow("petugas", write=False) as uow:
        prints = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "print_claim")).all()
        assert len(prints) == 2 and {p.username for p in prints} == {"petugas"}
        doc = verification.verify(uow, number)
        assert doc.genuine and doc.kind == "klaim"


def test_recap_counts_and_totals(office):
    with office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(code="PEMKAB-WAKATOBI", name="Pemkab Wakatobi",
                                          kind="pemkab", region_code="74.07"))
        uow.commit()
    kpj_w = add_person(office, nik="7407014505800004", name="Wa Ode", partner="PEMKAB-WAKATOBI",
                       village="74.07.01.1002")
    kpj_m = add_person(office)
    with office.uow("petugas") as uow:
        for kpj in (kpj_w, kpj_w, kpj_m):
            new_claim(uow, data=jkm_data(kpj), today=TODAY)
        from branch_desk.services.claims.data import ClaimData, ClaimFactsData
        jkk = new_claim(uow, data=ClaimData(participant=kpj_w, claim_type="JKK",
                                            event_date=date(2025, 6, 14), cause="kerja",
                                            facts=ClaimFactsData(medical_cost=70_000_000)),
                        today=TODAY)
        uow.commit()
    _step(office, "kepala", jkk.number, "ditolak", reason="uji")
    with office.uow("petugas", write=False) as uow:
        recap = claims_recap(uow, criteria=RecapFilter(date(2025, 1, 1), date(2025, 12, 31),
                                                       region="74.07"))
        data = recap.as_json()
        assert data["programs"]["JKM"] == {"count": 2, "total": 84_000_000, "rejected": 0,
                                           "paid_count": 0, "paid_total": 0}
        assert data["programs"]["JKK"]["count"] == 1 and data["programs"]["JKK"]["total"] == 0
        assert recap.count == 3 and recap.total == 84_000_000
        everything = claims_recap(uow, criteria=RecapFilter(date(2025, 1, 1),
                                                            date(2025, 12, 31), program="JKM"))
        assert everything.count == 3 and everything.total == 126_000_000
        partner = claims_recap(uow, criteria=RecapFilter(date(2025, 1, 1), date(2025, 12, 31),
                                                         partner="PEMKAB-WAKATOBI"))
        assert partner.count == 3
        none = claims_recap(uow, criteria=RecapFilter(date(2024, 1, 1), date(2024, 12, 31)))
        assert none.count == 0


def test_cli_new_documents_advance_recap(office, cli, tmp_path):
    kpj = add_person(office)
    out = cli("claims", "new", "--participant", kpj, "--type", "JKM", "--event-date",
               "2025-06-01", "--cause", "bukan-kerja", "--heir", "Hasnah;istri;BRI 0123456789",
               "--json", "--today", "2025-06-16")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    number = data["number"]
    assert number == "JKM/MRS/2025/000001" and data["total"] == 42_000_000
    assert [ln["amount"] for ln in data["lines"]] == [20_000_000, 12_000_000, 10_000_000]
    assert data["recipients"][0] == {"name": "Hasnah", "relationship": "istri",
                                     "bank_name": "BRI", "bank_account": "0123456789"}
    out = cli("claims", "advance", number, "--to", "diajukan", "--json")
    assert out.returncode == 2 and "dokumen wajib" in json.loads(out.stdout)["error"]
    out = cli("claims", "documents", number, "--received", "kpj", "ktp_almarhum",
               "--json")
    assert out.returncode == 0 and not json.loads(out.stdout)["documents_complete"]
    assert cli("claims", "documents", number, "--all-received").returncode == 0
    assert cli("claims", "advance", number, "--to", "diajukan").returncode == 0
    assert cli("claims", "advance", number, "--to", "diverifikasi",
                user="petugas2").returncode == 0
    assert cli("claims", "advance", number, "--to", "disetujui").returncode == 2
    assert cli("claims", "advance", number, "--to", "disetujui",
                user="kepala").returncode == 0
    out = cli("claims", "advance", number, "--to", "dibayar", "--reference", "TRF-9",
               "--json")
    assert json.loads(out.stdout)["status"] == "dibayar"
    pdf = tmp_path / "bukti.pdf"
    assert cli("claims", "statement", number, "--out", str(pdf)).returncode == 0
    assert cli("claims", "receipt", number, "--out", str(tmp_path / "t.pdf")
                ).returncode == 0
    assert pdf.stat().st_size > 1000
    out = cli("claims", "recap", "--from", "2025-01-01", "--to", "2025-12-31",
               "--program", "JKM", "--json", "--xlsx", str(tmp_path / "r.xlsx"))
    recap = json.loads(out.stdout)
    assert recap["programs"]["JKM"]["count"] == 1 and recap["programs"]["JKM"]["total"] == \
        42_000_000
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(tmp_path / "r.xlsx")).get_sheet_by_index(0)
    rows = sheet.to_python()
    assert ["JKM", 1, 0, 1, 42_000_000, 42_000_000] in [
        [int(v) if isinstance(v, float) else v for v in r] for r in rows]


def test_papers_are_signed_by_name_and_title_and_never_twice_by_one_person(office, tmp_path):
    from branch_desk.services.admin.accounts import set_details

    with office.uow("admin") as uow:
        set_details(uow, username="petugas2", full_name="Nur Aisyah", title="Petugas Pelayanan")
        set_details(uow, username="kepala", full_name="Andi Makkasau",
                    title="Kepala Kantor Cabang")
        uow.commit()
    number = _claim(office)
    for user, to, kw in (("petugas", "diajukan", {}), ("petugas2", "diverifikasi", {}),
                         ("kepala", "disetujui", {}),
                         ("petugas", "dibayar", {"reference": "TRF-002"})):
        _step(office, user, number, to, **kw)
    with office.uow("kepala") as uow:  # the kepala who approved prints the statement
        statement = print_claim_statement(uow, number=number, out=tmp_path / "bayar.pdf",
                                          today=TODAY)
        uow.commit()
    text = " ".join(_pdftext(statement).split())
    assert text.count("Andi Makkasau") == 1  # once, as the kepala: not again as the officer
    assert "Petugas Pelayanan" in text and "Nur Aisyah" in text  # the verifier, by name
    assert "kepala" not in text.split("Penerima")[-1]  # no login names among the signatures
