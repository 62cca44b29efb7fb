"""Individual contribution payments: quoting, recording, correcting, listing, receipts.

The ledger is append-only: a payment is never edited or deleted; a correction is a new
`koreksi` entry pointing at the payment it cancels, with the negative amount.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import cast

from sqlalchemy import select

from branch_desk.db import numbering
from branch_desk.db.models.contributions import Bill, ContributionEntry
from branch_desk.db.models.participants import Participant
from branch_desk.documents.receipt import ReceiptData, receipts_pdf, write_receipt
from branch_desk.domain.coverage import add_months, month_label, next_unpaid_month
from branch_desk.domain.dates import format_date
from branch_desk.domain.discount_credit import CreditState, PaidEntry, discount_credit
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.identifiers import format_document_number
from branch_desk.domain.money import format_rupiah
from branch_desk.domain.permissions import Permission
from branch_desk.domain.rates import (
    PMI_PAYMENT_PHASES,
    PMI_PRE_PLACEMENT,
    PMI_PRE_PLACEMENT_MONTHS,
    PMI_SOURCE,
    PmiPaymentPhase,
    pmi_contribution,
    pmi_protection_months,
)
from branch_desk.services.admin.offices import OfficeRow, office_row
from branch_desk.services.admin.users import signer
from branch_desk.services.contributions.coverage import (
    live_payments,
    paid_months,
    rebuild_spells,
)
from branch_desk.services.contributions.rates import (
    amounts_for,
    discount_refusals,
    monthly_amount,
    monthly_discount,
    participant_programs,
)
from branch_desk.services.participants.registry import find_participant
from branch_desk.services.partners import verification
from branch_desk.services.uow import UnitOfWork

MAX_MONTHS = 36


@dataclass(frozen=True)
class PaymentRow:
    """A ledger entry as the officer sees it."""

    id: str
    number: str
    kind: str  # bayar | koreksi
    participant_id: str
    kpj: str
    name: str
    first_month: date
    months: int
    last_month: date
    programs: tuple[str, ...]
    amount: int
    payer: str
    paid_on: date
    reference: str
    note: str
    bill_number: str | None
    reversed_by: str | None
    reverses: str | None


@dataclass(frozen=True)
class QuoteRow:
    """What a payment would cost, month by month."""

    participant_id: str
    kpj: str
    name: str
    programs: tuple[str, ...]
    months: tuple[tuple[date, int], ...]
    total: int  # what is collected: the months' amounts less the credit used
    credit: int = 0  # credit used: months paid in full before a discount (PP 50/2025)
    refusals: tuple[str, ...] = ()  # why a discount is not granted (PP 49/2020, PP 7/2025)
    note: str = ""  # a migrant worker's package: what it is and how long it protects


@dataclass(frozen=True)
class PmiPackage:
    """A migrant worker's payment (Permenaker 4/2023 Pasal 18): one amount for the months it
    protects."""

    amount: int
    months: int
    note: str


PMI_PROGRAMS = ("JKK", "JKM")  # the package pays these; JHT is the worker's own choice


def pmi_package(person: Participant, pmi_phase: str, months: int) -> PmiPackage | None:
    """The package a PMI pays for `pmi_phase` and a work agreement of `months` months; None
    for any other participant (who must not name a phase)."""
    if person.segment != "PMI":
        if pmi_phase:
            raise ValidationError("Tahap iuran PMI hanya untuk peserta segmen Pekerja Migran "
                                  "Indonesia.", field="pmi_phase")
        return None
    if pmi_phase not in PMI_PAYMENT_PHASES:
        raise ValidationError("Pilih tahap iuran Pekerja Migran Indonesia: sebelum bekerja, "
                              f"atau selama dan setelah bekerja ({PMI_SOURCE}).",
                              field="pmi_phase")
    phase = cast(PmiPaymentPhase, pmi_phase)  # one of PMI_PAYMENT_PHASES, checked above
    covered = pmi_protection_months(phase, months)
    amount = pmi_contribution(phase, months)
    if phase == "pra_penempatan":
        return PmiPackage(amount, covered, f"Iuran PMI sebelum bekerja: melindungi {covered} "
                                           f"bulan ({PMI_SOURCE}).")
    return PmiPackage(amount, covered, f"Iuran PMI selama dan setelah bekerja: perjanjian "
                                       f"kerja {months} bulan, melindungi {covered} bulan "
                                       f"({PMI_SOURCE}).")


def _participant(uow: UnitOfWork, participant_id: str) -> Participant:
    """The live participant by id, NIK or KPJ; NotFound in Indonesian."""
    person = uow.session.get(Participant, participant_id)
    if person is None or person.deleted:
        person = uow.session.get(Participant, find_participant(uow, participant_id).id)
    if person is None or person.deleted:
        raise NotFound("Peserta tidak ditemukan.", field="participant")
    return person


def _check_months(months: int) -> None:
    if not 1 <= months <= MAX_MONTHS:
        raise ValidationError(f"Jumlah bulan harus 1 sampai {MAX_MONTHS}.", field="months")


def quote_payment(uow: UnitOfWork, *, participant_id: str, first_month: date,
                  months: int, pmi_phase: str = "") -> QuoteRow:
    """The amounts of a payment of `months` months from `first_month`, without writing; for a
    migrant worker, the package of `pmi_phase` (`months`: the work agreement's length)."""
    uow.reader()
    _check_months(months)
    person = _participant(uow, participant_id)
    first = first_month.replace(day=1)
    package = pmi_package(person, pmi_phase, months)
    if package is not None:
        listed = tuple((add_months(first, i), package.amount if i == 0 else 0)
                       for i in range(package.months))
        return QuoteRow(person.id, person.kpj, person.name, PMI_PROGRAMS, listed,
                        package.amount, note=package.note)
    paid = paid_months(uow, participant_id=person.id, program="JKK")
    amounts = amounts_for(person, first, months, paid=paid)
    listed = tuple((add_months(first, i), a) for i, a in enumerate(amounts))
    used = min(discount_credit_of(uow, person).balance, sum(amounts))
    return QuoteRow(person.id, person.kpj, person.name, participant_programs(person), listed,
                    sum(amounts) - used, used,
                    discount_refusals(person, first, months, paid))


def discount_credit_of(uow: UnitOfWork, person: Participant,
                       without: str | None = None) -> CreditState:
    """The participant's credit from months paid in full before a discount covered them
    (`domain.rates.discount_credit` over the live payments, at today's rates); `without`
    leaves out one payment (the one a correction would cancel)."""
    uow.reader()
    entries = uow.session.execute(select(
        ContributionEntry.paid_on, ContributionEntry.first_month, ContributionEntry.months,
        ContributionEntry.amount,
    ).where(ContributionEntry.participant_id == person.id, live_payments(),
            ContributionEntry.id != (without or "")))
    return discount_credit(
        [PaidEntry(*row) for row in entries],
        due=lambda month: monthly_amount(person, month),
        discount=lambda month: monthly_discount(person, month))


def _row(uow: UnitOfWork, e: ContributionEntry, person: Participant | None = None
         ) -> PaymentRow:
    person = person or uow.session.get(Participant, e.participant_id)
    bill_number = (uow.session.scalar(select(Bill.number).where(Bill.id == e.bill_id))
                   if e.bill_id else None)
    reversed_by = uow.session.scalar(select(ContributionEntry.number).where(
        ContributionEntry.reverses_id == e.id))
    reverses = (uow.session.scalar(select(ContributionEntry.number).where(
        ContributionEntry.id == e.reverses_id)) if e.reverses_id else None)
    return PaymentRow(e.id, e.number, e.kind, e.participant_id, person.kpj if person else "",
                      person.name if person else "", e.first_month, e.months,
                      add_months(e.first_month, e.months - 1), tuple(e.programs.split(",")),
                      e.amount, e.payer, e.paid_on, e.reference, e.note, bill_number,
                      reversed_by, reverses)


def _next_number(uow: UnitOfWork, kind: str, year: int) -> str:
    serial = numbering.next_number(uow.session, f"{kind}/{year}")
    return format_document_number(kind, uow.actor_required.office, year, serial)


def _months_paid_besides_pre_placement(uow: UnitOfWork, participant_id: str) -> set[date]:
    """The months a migrant worker's live payments cover, leaving out the pre-placement ones
    (Rp37.500 for 5 months): a placement package paid before the departure may overlap them."""
    rows = uow.session.execute(select(
        ContributionEntry.first_month, ContributionEntry.months, ContributionEntry.amount,
    ).where(ContributionEntry.participant_id == participant_id, live_payments()))
    return {add_months(first, i) for first, months, amount in rows
            if (amount, months) != (PMI_PRE_PLACEMENT, PMI_PRE_PLACEMENT_MONTHS)
            for i in range(months)}


def record_payment(uow: UnitOfWork, *, participant_id: str, first_month: date, months: int,
                   payer: str, paid_on: date, reference: str = "", note: str = "",
                   pmi_phase: str = "") -> PaymentRow:
    """Record a payment for one participant covering `months` months from `first_month`
    (months in advance included). Refuses months before the TMT and months already paid.
    Credit from months paid in full before a discount (PP 50/2025) is used first: the entry
    records what was collected, its note the credit used. A migrant worker pays the package
    of `pmi_phase` (`pmi_package`): the entry covers the months it protects."""
    actor = uow.actor_required
    actor.require(Permission.RECORD_PAYMENTS)
    _check_months(months)
    person = _participant(uow, participant_id)
    if person.status != "aktif":
        raise ValidationError(f"Peserta {person.name} berstatus nonaktif; aktifkan kembali "
                              "sebelum menerima iuran.", field="participant")
    package = pmi_package(person, pmi_phase, months)
    first = first_month.replace(day=1)
    if first < person.tmt.replace(day=1):
        raise ValidationError(
            f"Bulan pertama ({month_label(first)}) sebelum TMT peserta "
            f"({month_label(person.tmt)}).", field="first_month")
    span = package.months if package else months
    covered = {add_months(first, i) for i in range(span)}
    if package is not None and pmi_phase == "penempatan":
        # the protection before work ends at the departure: a package may overlap it
        paid = _months_paid_besides_pre_placement(uow, person.id)
    else:
        paid = paid_months(uow, participant_id=person.id, program="JKK")
    already = sorted(covered & paid)
    if already:
        listed = ", ".join(month_label(m) for m in already[:6])
        raise ValidationError(f"Iuran bulan {listed} sudah dibayar; pilih bulan lain.",
                              field="first_month")
    if not payer.strip():
        raise ValidationError("Nama penyetor wajib diisi.", field="payer")
    if package is not None:
        amount, programs, note = package.amount, PMI_PROGRAMS, f"{package.note} {note}"
    else:
        due = sum(amounts_for(person, first, months, paid=paid))
        used = min(discount_credit_of(uow, person).balance, due)
        if used:
            note = f"Memakai kredit kelebihan iuran {format_rupiah(used)} (PP 50/2025). {note}"
        amount, programs = due - used, participant_programs(person)
    entry = ContributionEntry(
        number=_next_number(uow, "KWT", paid_on.year), kind="bayar", participant_id=person.id,
        first_month=first, months=span, programs=",".join(programs),
        amount=amount, payer=payer.strip()[:200], paid_on=paid_on,
        reference=reference.strip()[:100], note=note.strip()[:300])
    uow.session.add(entry)
    uow.flush()
    rebuild_spells(uow, participant_ids=[person.id])
    return _row(uow, entry, person)


def _entry(uow: UnitOfWork, number_or_id: str) -> ContributionEntry:
    key = number_or_id.strip()
    entry = uow.session.get(ContributionEntry, key)
    if entry is None:
        entry = uow.session.scalars(select(ContributionEntry).where(
            ContributionEntry.number == key.upper(), ContributionEntry.kind == "bayar")).first()
    if entry is None or entry.deleted:
        raise NotFound(f"Pembayaran '{number_or_id}' tidak ditemukan.", field="number")
    return entry


def reverse_payment(uow: UnitOfWork, *, number_or_id: str, reason: str,
                    on: date) -> PaymentRow:
    """Cancel a recorded payment with a correcting entry (the original stays as it was)."""
    uow.actor_required.require(Permission.REVERSE_PAYMENTS)
    original = _entry(uow, number_or_id)
    if original.kind != "bayar":
        raise ValidationError("Entri koreksi tidak dapat dikoreksi lagi.", field="number")
    if uow.session.scalar(select(ContributionEntry.id).where(
            ContributionEntry.reverses_id == original.id)) is not None:
        raise ValidationError(f"Pembayaran {original.number} sudah dikoreksi.", field="number")
    if len(reason.strip()) < 5:
        raise ValidationError("Alasan koreksi wajib diisi (minimal 5 huruf).", field="reason")
    _refuse_spent_credit(uow, original)
    entry = ContributionEntry(
        number=_next_number(uow, "KOR", on.year), kind="koreksi",
        participant_id=original.participant_id, first_month=original.first_month,
        months=original.months, programs=original.programs, amount=-original.amount,
        payer=original.payer, paid_on=on, bill_id=original.bill_id, reverses_id=original.id,
        reference=original.number, note=reason.strip()[:300])
    uow.session.add(entry)
    uow.flush()
    rebuild_spells(uow, participant_ids=[original.participant_id])
    return _row(uow, entry)


def _refuse_spent_credit(uow: UnitOfWork, original: ContributionEntry) -> None:
    """A payment whose excess (PP 50/2025 credit) later payments used cannot be cancelled
    while those payments stand: they would be left short."""
    person = uow.session.get(Participant, original.participant_id)
    if person is None or person.segment in ("JAKON", "PMI"):
        return
    before = discount_credit_of(uow, person).shortfall
    if discount_credit_of(uow, person, without=original.id).shortfall > before:
        raise ValidationError(
            f"Kelebihan iuran pembayaran {original.number} sudah dipakai sebagai kredit untuk "
            "bulan berikutnya; koreksi dulu pembayaran yang memakai kredit itu.",
            field="number")


def list_payments(uow: UnitOfWork, *, participant_id: str) -> list[PaymentRow]:
    """Every ledger entry of a participant, newest first."""
    uow.reader()
    person = _participant(uow, participant_id)
    entries = uow.session.scalars(select(ContributionEntry).where(
        ContributionEntry.participant_id == person.id)
        .order_by(ContributionEntry.paid_on.desc(), ContributionEntry.created_at.desc()))
    return [_row(uow, e, person) for e in entries]


def get_payment(uow: UnitOfWork, number_or_id: str) -> PaymentRow:
    uow.reader()
    return _row(uow, _entry(uow, number_or_id))


def _receipt_data(uow: UnitOfWork, row: PaymentRow, office: OfficeRow,
                  signed_by: tuple[str, str]) -> ReceiptData:
    """What the kwitansi of `row` shows, its QR issued (and so counted as printed);
    `signed_by` is the officer's (full name, title)."""
    officer, officer_title = signed_by
    qr = verification.issue(uow, kind="kwitansi", number=row.number, summary={
        "kpj": row.kpj, "amount": row.amount, "first_month": row.first_month.isoformat(),
        "months": row.months, "paid_on": row.paid_on.isoformat()})
    return ReceiptData(
        number=row.number, office_name=office.letterhead or office.name,
        office_address=office.address, office_code=office.code, kpj=row.kpj, name=row.name,
        payer=row.payer, amount=row.amount, first_month=row.first_month, months=row.months,
        programs=row.programs, paid_on=row.paid_on, officer=officer,
        officer_title=officer_title, reference=row.reference, verification=qr,
        correction=row.kind == "koreksi")


def _paper(size: str) -> str:
    if size not in ("A4", "A5"):
        raise ValidationError("Ukuran kertas harus A4 atau A5.", field="size")
    return size


def print_receipt(uow: UnitOfWork, *, number: str, path: Path, size: str = "A4") -> Path:
    """Write the kwitansi of payment `number` as a PDF (A4 or A5) with its QR."""
    uow.actor_required.require(Permission.PRINT_DOCUMENTS)
    row = get_payment(uow, number)
    data = _receipt_data(uow, row, office_row(uow), signer(uow, uow.actor_required.username))
    return write_receipt(path, data, size=_paper(size))


def receipts_of_day(uow: UnitOfWork, *, day: date, size: str = "A4",
                    progress: Callable[[int, int, str], None] | None = None
                    ) -> tuple[bytes, int]:
    """The kwitansi of every payment (and correction) an officer recorded with `day` as its
    payment date, in number order, as one PDF — one print job; returns it and how many.
    Pemda bill payments have their own papers and are left out. A writing unit of work."""
    uow.actor_required.require(Permission.PRINT_DOCUMENTS)
    _paper(size)
    entries = uow.session.scalars(select(ContributionEntry).where(
        ContributionEntry.paid_on == day, ContributionEntry.bill_id.is_(None),
        ContributionEntry.deleted.is_(False)).order_by(ContributionEntry.number)).all()
    if not entries:
        raise NotFound(f"Tidak ada pembayaran iuran pada {format_date(day)}.", field="day")
    office, signed_by = office_row(uow), signer(uow, uow.actor_required.username)
    receipts = [_receipt_data(uow, _row(uow, e), office, signed_by) for e in entries]
    return receipts_pdf(receipts, title=f"Kwitansi {format_date(day)}", size=size,
                        progress=progress), len(receipts)


def suggested_first_month(uow: UnitOfWork, *, participant_id: str, today: date) -> date:
    """The first month a new payment of this participant is proposed to cover
    (domain.coverage.next_unpaid_month over the months paid for JKK, which every segment
    has)."""
    uow.reader()
    person = _participant(uow, participant_id)
    paid = paid_months(uow, participant_id=participant_id, program="JKK")
    return next_unpaid_month(paid, person.tmt, today)
