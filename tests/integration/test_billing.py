"""Pemda bills: pro rata by month, back to TMT, one-transaction payment, documents,
reconciliation against the partner's own xlsx list."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from branch_desk.db.models.contributions import ContributionEntry
from branch_desk.domain.coverage import CoverageStatus
from branch_desk.domain.errors import ValidationError
from branch_desk.services.contributions.bill_documents import (
    print_invoice,
    reconcile_bill,
    write_attachment,
)
from branch_desk.services.contributions.billing import bill_lines, build_bill, pay_bill
from branch_desk.services.contributions.coverage import coverage_for
from branch_desk.services.contributions.payments import record_payment
from branch_desk.services.participants.registry import deactivate_participant, get_participant
from tests.support.contributions import nik, pemda, person

JAN = date(2025, 1, 1)
TODAY = date(2025, 6, 16)


@pytest.fixture
def maros(office):
    code = pemda(office)
    ids = [person(office, n, partner_code=code, tmt=date(2025, 1, 6)) for n in range(1, 4)]
    late = person(office, 4, partner_code=code, tmt=date(2025, 4, 20))  # added mid-period
    return code, ids, late


def bill(office, code, first=JAN, months=12, **kw):
    with office.uow() as uow:
        row = build_bill(uow, partner_code=code, first_month=first, months=months, today=TODAY,
                         **kw)
        uow.commit()
    return row


def test_bill_is_pro_rata_by_month(office, maros):
    code, ids, late = maros
    with office.uow("kepala") as uow:  # removed at the end of June
        left = get_participant(uow, ids[2])
        deactivate_participant(uow, participant_id=left.id, reason="pindah ke luar daerah",
                               expected_version=left.version, on=date(2025, 6, 30))
        uow.commit()
    row = bill(office, code)
    assert row.number == "TGH/MRS/2025/000001" and row.workers == 4
    with office.uow(write=False) as uow:
        months = {ln.participant_id: (ln.first_month, ln.months, ln.amount)
                  for ln in bill_lines(uow, row.number)}
    assert months[ids[0]] == (JAN, 12, 12 * 16_800)
    assert months[late] == (date(2025, 4, 1), 9, 9 * 16_800)
    assert months[ids[2]] == (JAN, 6, 6 * 16_800)
    assert row.total == (12 + 12 + 6 + 9) * 16_800


def test_paying_the_bill_covers_everyone_in_one_transaction(office, maros):
    code, ids, late = maros
    row = bill(office, code)
    with office.uow() as uow:
        paid = pay_bill(uow, bill_number=row.number, paid_on=date(2025, 6, 20),
                        reference="SP2D 900/123")
        uow.commit()
    assert paid.status == "lunas" and paid.reference == "SP2D 900/123"
    with office.uow(write=False) as uow:
        entries = uow.session.scalar(select(func.count()).select_from(ContributionEntry).where(
            ContributionEntry.number == row.number))
        statuses = coverage_for(uow, participant_ids=[*ids, late], on=date(2025, 12, 15))
    assert entries == 4
    assert all(s["JKK"] is CoverageStatus.AKTIF for s in statuses.values())
    with office.uow() as uow, pytest.raises(ValidationError, match="sudah lunas"):
        pay_bill(uow, bill_number=row.number, paid_on=TODAY, reference="x")
    with office.uow() as uow, pytest.raises(ValidationError, match="Tidak ada bulan"):
        build_bill(uow, partner_code=code, first_month=JAN, months=12, today=TODAY)


def test_months_already_paid_are_not_billed_and_back_to_tmt_reaches_the_past(office):
    code = pemda(office)
    old = person(office, 10, partner_code=code, tmt=date(2024, 10, 1))
    with office.uow() as uow:
        record_payment(uow, participant_id=old, first_month=JAN, months=2, payer="Sendiri",
                       paid_on=TODAY)
        uow.commit()
    row = bill(office, code, first=JAN, months=6, back_to_tmt=True)
    with office.uow(write=False) as uow:
        lines = [(ln.first_month, ln.months) for ln in bill_lines(uow, row.number)]
    # Oct-Dec 2024 from the TMT, Jan-Feb already paid, Mar-Jun billed.
    assert lines == [(date(2024, 10, 1), 3), (date(2025, 3, 1), 4)]
    assert row.first_month == date(2024, 10, 1) and row.months == 9


def test_invoice_pdf_and_xlsx_attachment(office, maros, tmp_path):
    code = maros[0]
    row = bill(office, code)
    with office.uow() as uow:
        pdf = print_invoice(uow, bill_number=row.number, path=tmp_path / "tagihan.pdf",
                            attachment=tmp_path / "lampiran.xlsx")
        uow.commit()
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "TAGIHAN IURAN" in text and row.number in text
    assert "Rp756.000" in text  # (12 + 12 + 12 + 9) bulan × Rp16.800
    assert "tujuh ratus lima puluh enam ribu rupiah" in text
    assert "April 2025" in text
    assert subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True).returncode == 0
    sheet = load_workbook(tmp_path / "lampiran.xlsx").active
    values = list(sheet.iter_rows(values_only=True))
    header = values[3]
    assert header[:4] == ("No", "NIK", "KPJ", "Nama")
    data = [r for r in values[4:] if isinstance(r[0], int)]
    # a petugas has no EXPORT_PERSONAL_DATA: masked NIKs (issue 16); a kepala gets them whole
    assert len(data) == 4 and {r[1] for r in data} == {"7309************"}
    assert values[-1][8] == row.total == 756_000
    with office.uow("kepala") as uow:
        write_attachment(uow, bill_number=row.number, path=tmp_path / "lampiran-penuh.xlsx")
        uow.commit()
    full = list(load_workbook(tmp_path / "lampiran-penuh.xlsx").active.iter_rows(values_only=True))
    assert {r[1] for r in full[4:] if isinstance(r[0], int)} == {nik(n) for n in range(1, 5)}


def _partner_list(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["DAFTAR PEKERJA RENTAN APBD 2025"])
    ws.append(["No", "NIK", "Nama Lengkap"])
    for i, (n, name) in enumerate(rows, start=1):
        ws.append([i, n, name])
    wb.save(path)
    return path


def test_reconciliation_shows_who_is_missing_on_either_side(office, maros, tmp_path):
    code = maros[0]
    row = bill(office, code)
    stranger = "7309015507900002"
    listed = _partner_list(tmp_path / "pemda.xlsx", [
        (nik(1), "Satu"), (int(nik(2)), "Dua (NIK tersimpan sebagai angka)"),
        (stranger, "Belum terdaftar"), ("12345", "NIK salah")])
    with office.uow(write=False) as uow:
        result = reconcile_bill(uow, bill_number=row.number, path=listed)
    assert result.matched == 2
    assert [e.nik for e in result.only_in_list] == [stranger]
    assert sorted(ln.nik for ln in result.only_in_bill) == [nik(3), nik(4)]
    assert [e.row for e in result.unreadable] == [6]
    assert not result.balanced
