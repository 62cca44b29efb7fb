"""A migrant worker's (PMI) contributions (Permenaker 4/2023 Pasal 18): the Rp37.500 before
work and the package of the work agreement, each protecting its months; the worker's JKM or
JKK claim is then eligible. Before, a PMI's payment was refused ("tidak dibayar per bulan"),
so every PMI claim was ineligible and could only be rejected."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from branch_desk.domain.errors import ValidationError
from branch_desk.services.claims.workflow import new_claim
from branch_desk.services.contributions.coverage import coverage_for
from branch_desk.services.contributions.payments import (
    list_payments,
    quote_payment,
    record_payment,
    reverse_payment,
)
from branch_desk.services.participants.registry import find_participant
from tests.support.claims import add_person, jkm_data
from tests.support.pdf import pdf_text
from tests.support.screenshots import SHOTS_ENV

TODAY = date(2025, 6, 16)


def _pmi(office) -> str:
    return add_person(office, nik="7309010101900011", name="La Ode Hamsa", segment="PMI",
                      tmt=date(2025, 1, 1), paid_from=None, paid_to=None)


def _pay(office, kpj: str, phase: str, first: date, months: int):
    with office.uow("petugas") as uow:
        row = record_payment(uow, participant_id=kpj, first_month=first, months=months,
                             payer="PT Penempatan Maros", paid_on=first, pmi_phase=phase)
        uow.commit()
    return row


def _ledger(office, kpj: str) -> list[tuple[str, int, int]]:
    with office.uow(write=False) as uow:
        pid = find_participant(uow, kpj).id
        return [(r.kind, r.months, r.amount) for r in list_payments(uow, participant_id=pid)]


def test_a_migrant_worker_pays_before_and_during_work_and_is_then_covered(office):
    kpj = _pmi(office)
    pre = _pay(office, kpj, "pra_penempatan", date(2025, 1, 1), 5)
    assert (pre.months, pre.amount, pre.programs) == (5, 37_500, ("JKK", "JKM"))
    # The package is paid before the departure in March: it may overlap the months before
    # work, which end at the departure.
    with office.uow(write=False) as uow:
        quote = quote_payment(uow, participant_id=kpj, first_month=date(2025, 3, 1),
                              months=24, pmi_phase="penempatan")
    assert quote.total == 332_500 and len(quote.months) == 26
    assert "perjanjian kerja 24 bulan, melindungi 26 bulan" in quote.note
    during = _pay(office, kpj, "penempatan", date(2025, 3, 1), 24)
    assert (during.months, during.amount) == (26, 332_500)
    assert during.note.startswith("Iuran PMI selama dan setelah bekerja")
    with office.uow(write=False) as uow:
        pid = find_participant(uow, kpj).id
        status = coverage_for(uow, participant_ids=[pid], on=date(2026, 12, 1))[pid]["JKK"]
    assert status.label == "Aktif"
    with office.uow("petugas") as uow:
        claim = new_claim(uow, data=jkm_data(kpj, event=date(2025, 6, 1), pmi_phase="selama"),
                          today=TODAY)
        uow.commit()
    assert claim.eligible and claim.total_amount == 85_000_000
    # Permenaker 4/2023 Ps 57: a PMI's JKM asks no marriage book; the leave statement only
    # when the worker died on leave, so the file is complete without it.
    asked = {d.key: d.required for d in claim.documents}
    assert "buku_nikah" not in asked and asked["surat_keterangan_cuti"] is False


@pytest.mark.parametrize(("phase", "months", "field", "text"), [
    pytest.param("", 24, "pmi_phase", "Pilih tahap iuran", id="no-phase"),
    pytest.param("penempatan", 9, "months", "6, 12 atau 24", id="no-9-month-package"),
    pytest.param("pra_penempatan", 2, "months", "isi 5 bulan", id="before-work-not-5-months"),
    pytest.param("lainnya", 24, "pmi_phase", "Pilih tahap iuran", id="crafted-phase"),
])
def test_a_careless_or_crafted_pmi_payment_is_refused_and_nothing_written(
        office, phase, months, field, text):
    kpj = _pmi(office)
    with pytest.raises(ValidationError) as err, office.uow("petugas") as uow:
        record_payment(uow, participant_id=kpj, first_month=date(2025, 3, 1), months=months,
                       payer="PT Penempatan Maros", paid_on=TODAY, pmi_phase=phase)
        uow.commit()
    assert err.value.field == field and text in err.value.message
    assert _ledger(office, kpj) == []


def test_a_second_package_over_the_same_months_and_a_phase_for_others_are_refused(office):
    kpj = _pmi(office)
    _pay(office, kpj, "penempatan", date(2025, 3, 1), 12)
    with pytest.raises(ValidationError) as err, office.uow("petugas") as uow:
        record_payment(uow, participant_id=kpj, first_month=date(2025, 6, 1), months=12,
                       payer="PT Penempatan Maros", paid_on=TODAY, pmi_phase="penempatan")
    assert "sudah dibayar" in err.value.message
    # An ordinary participant's payment cannot be made a Rp37.500 package by naming a phase.
    other = add_person(office, paid_from=None, paid_to=None)
    with pytest.raises(ValidationError) as err, office.uow("petugas") as uow:
        record_payment(uow, participant_id=other, first_month=date(2025, 3, 1), months=5,
                       payer="Daeng Sija", paid_on=TODAY, pmi_phase="pra_penempatan")
    assert err.value.field == "pmi_phase" and "hanya untuk peserta segmen" in err.value.message
    assert _ledger(office, other) == []
    assert _ledger(office, kpj) == [("bayar", 14, 189_000)]


def test_a_pmi_package_is_reversed_like_any_payment(office):
    kpj = _pmi(office)
    row = _pay(office, kpj, "penempatan", date(2025, 3, 1), 6)
    with office.uow("kepala") as uow:
        reverse_payment(uow, number_or_id=row.number, reason="Salah peserta", on=TODAY)
        uow.commit()
    assert sorted(_ledger(office, kpj)) == [("bayar", 8, 108_000), ("koreksi", 8, -108_000)]
    _pay(office, kpj, "penempatan", date(2025, 3, 1), 6)  # the months are free again


def test_the_cli_records_a_pmi_package_with_its_receipt(office, cli, tmp_path):
    kpj = _pmi(office)
    receipt = tmp_path / "kwitansi.pdf"
    out = cli("contributions", "pay", "--participant", kpj, "--from", "2025-03",
              "--months", "24", "--pmi-phase", "penempatan", "--receipt", str(receipt),
              "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert (data["months"], data["amount"], data["programs"]) == (26, 332_500, ["JKK", "JKM"])
    printed = " ".join(pdf_text(receipt.read_bytes(), tmp_path).split())
    assert "Rp332.500" in printed and "Tiga ratus tiga puluh dua ribu lima ratus" in printed
    assert "Masa iuran : Maret 2025 s.d. April 2027 (26 bulan)" in printed
    if (shots := os.environ.get(SHOTS_ENV)):
        shutil.copy(receipt, Path(shots) / "kwitansi-pmi.pdf")
    out = cli("contributions", "pay", "--participant", kpj, "--from", "2027-06",
              "--months", "3")
    assert out.returncode != 0 and "Pilih tahap iuran" in out.stderr
    assert "Traceback" not in out.stderr
