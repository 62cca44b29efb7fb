"""Payments ledger: amounts from the rate tables, advance payment, corrections, lapse."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from branch_desk.db.models.contributions import ContributionEntry, CoverageSpell
from branch_desk.db.models.core import AuditEntry, ChangeEntry
from branch_desk.domain.coverage import CoverageStatus
from branch_desk.domain.errors import PermissionDenied, ValidationError
from branch_desk.services.contributions.coverage import coverage_for, paid_months, spells_of
from branch_desk.services.contributions.payments import (
    list_payments,
    quote_payment,
    record_payment,
    reverse_payment,
)
from tests.support.contributions import person

JUNE = date(2025, 6, 1)


def pay(office, pid, first, months, user="petugas", paid_on=date(2025, 6, 16)):
    with office.uow(user) as uow:
        row = record_payment(uow, participant_id=pid, first_month=first, months=months,
                             payer="Daeng Nai", paid_on=paid_on)
        uow.commit()
    return row


def status(office, pid, on, program="JKK"):
    with office.uow(write=False) as uow:
        return coverage_for(uow, participant_ids=[pid], on=on)[pid][program]


def test_bpu_jkk_jkm_on_the_floor_is_16800_a_month(office):
    pid = person(office, 1)
    with office.uow(write=False) as uow:
        quote = quote_payment(uow, participant_id=pid, first_month=JUNE, months=3)
    assert quote.programs == ("JKK", "JKM")
    assert [a for _, a in quote.months] == [16_800, 16_800, 16_800]
    assert quote.total == 50_400


def test_advance_payment_is_one_entry_audited_and_covers_future_months(office):
    pid = person(office, 2)
    row = pay(office, pid, JUNE, 6)
    assert row.number == "KWT/MRS/2025/000001"
    assert row.amount == 6 * 16_800 and row.last_month == date(2025, 11, 1)
    assert status(office, pid, date(2025, 11, 30)) is CoverageStatus.AKTIF
    assert status(office, pid, date(2026, 1, 10)) is CoverageStatus.MASA_TENGGANG
    assert status(office, pid, date(2026, 2, 10)) is CoverageStatus.NONAKTIF
    with office.uow(write=False) as uow:
        assert paid_months(uow, participant_id=pid, program="JKM") == {
            date(2025, m, 1) for m in range(6, 12)}
        assert paid_months(uow, participant_id=pid, program="JHT") == set()
        audit = uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.table_name == "contribution_entries", AuditEntry.username == "petugas"))
        changes = uow.session.scalar(select(func.count()).select_from(ChangeEntry).where(
            ChangeEntry.table_name == "contribution_entries"))
        assert audit == 1 and changes == 1


def test_months_already_paid_and_months_before_tmt_are_refused(office):
    pid = person(office, 3, tmt=date(2025, 3, 10))
    pay(office, pid, JUNE, 2)
    with office.uow() as uow, pytest.raises(ValidationError, match="Juli 2025 sudah dibayar"):
        record_payment(uow, participant_id=pid, first_month=date(2025, 7, 1), months=3,
                       payer="X", paid_on=date(2025, 6, 16))
    with office.uow() as uow, pytest.raises(ValidationError, match="sebelum TMT") as info:
        record_payment(uow, participant_id=pid, first_month=date(2025, 2, 1), months=1,
                       payer="X", paid_on=date(2025, 6, 16))
    assert info.value.field == "first_month"


def test_correction_is_a_new_entry_and_the_original_stays(office):
    pid = person(office, 4)
    original = pay(office, pid, JUNE, 3)
    with office.uow("petugas") as uow, pytest.raises(PermissionDenied):
        reverse_payment(uow, number_or_id=original.number, reason="salah bulan",
                        on=date(2025, 6, 17))
    with office.uow("kepala") as uow:
        correction = reverse_payment(uow, number_or_id=original.number,
                                     reason="salah input bulan", on=date(2025, 6, 17))
        uow.commit()
    assert correction.kind == "koreksi" and correction.amount == -original.amount
    assert correction.reverses == original.number
    with office.uow(write=False) as uow:
        rows = list_payments(uow, participant_id=pid)
        stored = uow.session.get(ContributionEntry, original.id)
        assert stored.amount == original.amount and stored.version == 1  # never edited
        assert uow.session.scalar(select(func.count()).select_from(CoverageSpell)) == 0
    assert {r.kind for r in rows} == {"bayar", "koreksi"}
    assert next(r for r in rows if r.kind == "bayar").reversed_by == correction.number
    assert status(office, pid, date(2025, 6, 20)) is CoverageStatus.NONAKTIF
    # The months are free again and can be paid correctly.
    again = pay(office, pid, JUNE, 3)
    assert again.number == "KWT/MRS/2025/000002"
    with office.uow("kepala") as uow, pytest.raises(ValidationError, match="sudah dikoreksi"):
        reverse_payment(uow, number_or_id=original.number, reason="dua kali",
                        on=date(2025, 6, 18))


def test_arrears_then_lapse_then_rejoin_counts_from_zero(office):
    pid = person(office, 5, tmt=date(2025, 1, 1))
    pay(office, pid, date(2025, 1, 1), 2)  # Jan-Feb
    assert status(office, pid, date(2025, 4, 5)) is CoverageStatus.MASA_TENGGANG
    assert status(office, pid, date(2025, 5, 5)) is CoverageStatus.NONAKTIF
    pay(office, pid, date(2025, 6, 1), 1)
    assert status(office, pid, date(2025, 6, 5)) is CoverageStatus.AKTIF
    with office.uow(write=False) as uow:
        spells = uow.session.execute(select(CoverageSpell.start_month, CoverageSpell.end_month)
                                     .order_by(CoverageSpell.start_month)).all()
    assert spells == [(date(2025, 1, 1), date(2025, 4, 1)), (date(2025, 6, 1), date(2025, 8, 1))]


@pytest.mark.parametrize("months, spells", [
    ([], []),
    (["2025-01"], [("2025-01", "2025-01", "2025-03")]),
    (["2025-01", "2025-04"], [("2025-01", "2025-04", "2025-06")]),  # 2 unpaid: still one run
    (["2025-01", "2025-05"], [("2025-01", "2025-01", "2025-03"),
                              ("2025-05", "2025-05", "2025-07")]),  # 3 unpaid: lapsed
])
def test_spells_follow_the_three_month_lapse_rule(months, spells):
    as_date = lambda s: date.fromisoformat(s + "-01")  # noqa: E731
    assert spells_of(as_date(m) for m in months) == [tuple(map(as_date, s)) for s in spells]


def test_programmes_not_enrolled_are_not_registered(office):
    pid = person(office, 6)
    pay(office, pid, JUNE, 1)
    with office.uow(write=False) as uow:
        statuses = coverage_for(uow, participant_ids=[pid], on=date(2025, 6, 20))[pid]
    assert statuses["JKK"] is CoverageStatus.AKTIF and statuses["JKM"] is CoverageStatus.AKTIF
    assert statuses["JP"] is CoverageStatus.BELUM_TERDAFTAR


def test_pu_worker_pays_every_programme_from_the_rate_table(office):
    pid = person(office, 7, segment="PU", income=5_000_000)
    with office.uow(write=False) as uow:
        quote = quote_payment(uow, participant_id=pid, first_month=JUNE, months=1)
    # DOMAIN §2.1 on Rp5.000.000, risk class "rendah" (the default when none is recorded):
    # JKK 0,54%, JKM 0,30%, JHT 5,7%, JP 3% (under the wage cap); JKP is never billed.
    jkk, jkm, jht, jp = 27_000, 15_000, 285_000, 150_000
    assert quote.programs == ("JKK", "JKM", "JHT", "JP")
    assert quote.total == jkk + jkm + jht + jp


def test_the_receipt_is_signed_with_the_officers_name_and_title(office, tmp_path):
    from branch_desk.services.admin.accounts import set_details
    from branch_desk.services.contributions.payments import print_receipt
    from tests.support.pdf import pdf_text

    with office.uow("admin") as uow:
        set_details(uow, username="petugas", full_name="Nur Aisyah", title="Petugas Pelayanan")
        uow.commit()
    row = pay(office, person(office, 31), date(2025, 1, 1), 2)
    with office.uow("petugas") as uow:
        path = print_receipt(uow, number=row.number, path=tmp_path / "kwitansi.pdf")
        uow.commit()
    text = pdf_text(path.read_bytes(), tmp_path)
    assert "Petugas Pelayanan," in text and "Nur Aisyah" in text
    with office.uow("petugas2") as uow:  # no title recorded: the word, never the login name
        path = print_receipt(uow, number=row.number, path=tmp_path / "lagi.pdf")
        uow.commit()
    text = pdf_text(path.read_bytes(), tmp_path)
    assert "Petugas," in text and "petugas2" not in text


def test_receipts_of_a_day_leave_out_other_days_and_say_when_there_are_none(office):
    from branch_desk.domain.errors import NotFound
    from branch_desk.services.contributions.payments import receipts_of_day

    pay(office, person(office, 51), date(2025, 1, 1), 1, paid_on=date(2025, 6, 16))
    pay(office, person(office, 52), date(2025, 1, 1), 1, paid_on=date(2025, 6, 17))
    with office.uow("petugas") as uow:
        pdf, count = receipts_of_day(uow, day=date(2025, 6, 16), size="A5")
        assert count == 1 and pdf.startswith(b"%PDF")
        with pytest.raises(NotFound, match="Tidak ada pembayaran"):
            receipts_of_day(uow, day=date(2025, 6, 18))
        with pytest.raises(ValidationError, match="A4 atau A5"):
            receipts_of_day(uow, day=date(2025, 6, 16), size="Letter")
