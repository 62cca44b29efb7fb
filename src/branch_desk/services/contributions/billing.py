"""Pemda billing (tagihan): build a bill for a partner's workers, record its payment.

A worker is billed for the months of the period in which they were a member (from the
month of their TMT or enrolment start to the month their enrolment ended: pro rata by
month), minus months already paid or already on another open bill. With `back_to_tmt`
the bill reaches back to each worker's TMT (records brought over from paper).
Paying a bill writes one ledger entry per line and updates coverage in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from branch_desk.db import numbering, recording_bulk
from branch_desk.db.models.contributions import Bill, BillLine, ContributionEntry
from branch_desk.db.models.participants import Enrolment, Participant
from branch_desk.db.models.partners import Partner
from branch_desk.domain.coverage import add_months, month_label
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.identifiers import format_document_number
from branch_desk.domain.nik import mask_nik
from branch_desk.domain.permissions import Permission
from branch_desk.domain.rates import conditions_in_force
from branch_desk.services.contributions.coverage import (
    live_payments,
    months_between,
    months_from,
    rebuild_spells,
    spells_of,
)
from branch_desk.services.contributions.payments import MAX_MONTHS
from branch_desk.services.contributions.rates import (
    amount_for_key,
    amount_key,
    employer_terms,
)
from branch_desk.services.partners.registry import partner_by_code
from branch_desk.services.uow import UnitOfWork

BILL_PROGRAMS = "JKK,JKM"  # Pemda funds JKK+JKM for pekerja rentan (DOMAIN §6)
Progress = Callable[[int, int, str], None] | None


@dataclass(frozen=True)
class BillRow:
    id: str
    number: str
    partner_code: str
    partner_name: str
    first_month: date
    months: int
    last_month: date
    programs: tuple[str, ...]
    workers: int
    total: int
    status: str  # terbit | lunas
    issued_on: date
    paid_on: date | None
    reference: str
    version: int


@dataclass(frozen=True)
class BillLineRow:
    participant_id: str
    kpj: str
    nik: str  # full NIK: for reconciliation and the partner's own list; mask when showing
    name: str
    village_code: str
    first_month: date
    months: int
    amount: int

    @property
    def nik_masked(self) -> str:
        return mask_nik(self.nik)


def _row(bill: Bill, partner: Partner) -> BillRow:
    return BillRow(bill.id, bill.number, partner.code, partner.name, bill.first_month,
                   bill.months, add_months(bill.first_month, bill.months - 1),
                   tuple(bill.programs.split(",")), bill.workers, bill.total, bill.status,
                   bill.issued_on, bill.paid_on, bill.reference, bill.version)


def _windows(uow: UnitOfWork, partner_id: str) -> dict[str, list[tuple[date, date | None]]]:
    found: dict[str, list[tuple[date, date | None]]] = defaultdict(list)
    rows = uow.session.execute(select(
        Enrolment.participant_id, Enrolment.start_date, Enrolment.end_date)
        .join(Participant, Participant.id == Enrolment.participant_id)
        .where(Participant.partner_id == partner_id, Enrolment.program == "JKK",
               Enrolment.deleted.is_(False)))
    for pid, start, end in rows:
        found[pid].append((start.replace(day=1), end.replace(day=1) if end else None))
    return found


def _taken(uow: UnitOfWork, partner_id: str) -> dict[str, set[date]]:
    """Months already paid, or already on an open bill, per worker of the partner."""
    taken: dict[str, set[date]] = defaultdict(set)
    paid = select(ContributionEntry.participant_id, ContributionEntry.first_month,
                  ContributionEntry.months).join(
        Participant, Participant.id == ContributionEntry.participant_id).where(
        Participant.partner_id == partner_id, live_payments())
    billed = select(BillLine.participant_id, BillLine.first_month, BillLine.months).join(
        Bill, Bill.id == BillLine.bill_id).where(Bill.status == "terbit",
                                                 Bill.deleted.is_(False),
                                                 Bill.partner_id == partner_id)
    for stmt in (paid, billed):
        for pid, first, months in uow.session.execute(stmt):
            taken[pid].update(months_from(first, months))
    return taken


def _member_months(person: Any, windows: list[tuple[date, date | None]],
                   first: date, last: date, back_to_tmt: bool) -> set[date]:
    tmt = person.tmt.replace(day=1)
    if not windows:
        windows = [(tmt, None if person.status == "aktif" else tmt)]
    start = min(first, tmt) if back_to_tmt else first
    months: set[date] = set()
    for begin, end in windows:
        begin = max(begin, tmt)
        months.update(months_between(max(begin, start), last if end is None else min(end, last)))
    return months


def build_bill(uow: UnitOfWork, *, partner_code: str, first_month: date, months: int,
               today: date, back_to_tmt: bool = False, progress: Progress = None) -> BillRow:
    """Bill a partner for its workers' JKK+JKM over `months` months from `first_month`."""
    actor = uow.actor_required
    actor.require(Permission.MANAGE_BILLS)
    if not 1 <= months <= MAX_MONTHS:
        raise ValidationError(f"Jumlah bulan harus 1 sampai {MAX_MONTHS}.", field="months")
    partner = partner_by_code(uow, partner_code)
    first = first_month.replace(day=1)
    last = add_months(first, months - 1)
    workers = uow.session.execute(select(
        Participant.id, Participant.tmt, Participant.status, Participant.segment,
        Participant.programs, Participant.income, Participant.funding_source,
        Participant.occupation).where(
        Participant.partner_id == partner.id, Participant.deleted.is_(False))
        .order_by(Participant.name_search)).all()
    if not workers:
        raise ValidationError(f"Mitra {partner.code} belum memiliki pekerja terdaftar.",
                              field="partner")
    windows, taken = _windows(uow, partner.id), _taken(uow, partner.id)
    employer = employer_terms(partner)
    lines: list[dict[str, Any]] = []
    billed_from = first
    for index, person in enumerate(workers):
        due = _member_months(person, windows.get(person.id, []), first, last, back_to_tmt)
        due -= taken.get(person.id, set())
        if not due:
            continue
        # Months billed together count as paid for the discount conditions (PP 49/2020 Ps 13).
        settled = taken.get(person.id, set()) | due
        for start, run_last, _ in spells_of(due, lapse_after=1):
            check = conditions_in_force(start, run_last)
            key = amount_key(person, employer,  # type: ignore[arg-type]
                             paid=settled if check else None, first_month=start)
            run = months_between(start, run_last)
            count = len(run)
            amount = sum(amount_for_key(key, m) for m in run)
            lines.append({"participant_id": person.id, "first_month": start, "months": count,
                          "amount": amount})
            billed_from = min(billed_from, start)
        if progress is not None and index % 1000 == 0:
            progress(index, len(workers), "Menghitung tagihan")
    if not lines:
        raise ValidationError(
            f"Tidak ada bulan yang perlu ditagih untuk pekerja {partner.code} pada "
            f"{month_label(first)} s.d. {month_label(last)}: semua sudah dibayar atau "
            "sudah ada di tagihan lain.", field="first_month")
    serial = numbering.next_number(uow.session, f"TGH/{today.year}")
    span = (last.year - billed_from.year) * 12 + last.month - billed_from.month + 1
    bill = Bill(number=format_document_number("TGH", actor.office, today.year, serial),
                partner_id=partner.id, first_month=billed_from, months=span,
                programs=BILL_PROGRAMS, workers=len({ln["participant_id"] for ln in lines}),
                total=sum(ln["amount"] for ln in lines), status="terbit", issued_on=today,
                reference="")
    uow.session.add(bill)
    uow.flush()
    recording_bulk.record_bulk_insert(uow.session, actor, BillLine,
                                 [{**ln, "bill_id": bill.id} for ln in lines])
    return _row(bill, partner)


def _bill(uow: UnitOfWork, bill_number: str) -> tuple[Bill, Partner]:
    bill = uow.session.scalar(select(Bill).where(Bill.number == bill_number.strip().upper()))
    if bill is None or bill.deleted:
        raise NotFound(f"Tagihan '{bill_number}' tidak ditemukan.", field="bill_number")
    partner = uow.session.get(Partner, bill.partner_id)
    assert partner is not None
    return bill, partner


def pay_bill(uow: UnitOfWork, *, bill_number: str, paid_on: date, reference: str,
             progress: Progress = None) -> BillRow:
    """Record the partner's payment of a bill: every worker's months become paid, in one
    transaction (fast bulk path), and the bill becomes `lunas`."""
    actor = uow.actor_required
    actor.require(Permission.RECORD_PAYMENTS)
    bill, partner = _bill(uow, bill_number)
    if bill.status != "terbit":
        raise ValidationError(f"Tagihan {bill.number} sudah {bill.status}.", field="bill_number")
    lines = uow.session.execute(select(BillLine.participant_id, BillLine.first_month,
                                       BillLine.months, BillLine.amount).where(
        BillLine.bill_id == bill.id, BillLine.deleted.is_(False))).all()
    taken = taken_by_payments(uow, bill.number)
    clash = [pid for pid, first, months, _ in lines
             if not taken.get(pid, set()).isdisjoint(months_from(first, months))]
    if clash:
        raise ValidationError(
            f"{len(clash)} pekerja dalam tagihan ini sudah membayar sebagian bulannya setelah "
            "tagihan dibuat; batalkan tagihan dan buat ulang.", field="bill_number")
    if progress is not None:
        progress(0, len(lines), "Mencatat pembayaran")
    recording_bulk.record_bulk_insert(uow.session, actor, ContributionEntry, [
        {"number": bill.number, "kind": "bayar", "participant_id": pid, "first_month": first,
         "months": months, "programs": bill.programs, "amount": amount,
         "payer": partner.name[:200], "paid_on": paid_on, "bill_id": bill.id,
         "reverses_id": None, "reference": reference.strip()[:100], "note": ""}
        for pid, first, months, amount in lines])
    bill.status, bill.paid_on, bill.reference = "lunas", paid_on, reference.strip()[:100]
    uow.flush()
    rebuild_spells(uow, participant_ids=[pid for pid, *_ in lines], progress=progress)
    return _row(bill, partner)


def taken_by_payments(uow: UnitOfWork, bill_number: str) -> dict[str, set[date]]:
    """The months each worker on the bill has paid (live payments, the bill's own included)."""
    uow.reader()
    bill, _partner = _bill(uow, bill_number)
    taken: dict[str, set[date]] = defaultdict(set)
    stmt = select(ContributionEntry.participant_id, ContributionEntry.first_month,
                  ContributionEntry.months).join(
        BillLine, (BillLine.participant_id == ContributionEntry.participant_id)
        & (BillLine.bill_id == bill.id)).where(live_payments())
    for pid, first, months in uow.session.execute(stmt):
        taken[pid].update(months_from(first, months))
    return taken


def cancel_bill(uow: UnitOfWork, *, bill_number: str, reason: str) -> BillRow:
    """Withdraw an unpaid bill (it stays on record with status `batal`)."""
    uow.actor_required.require(Permission.MANAGE_BILLS)
    bill, partner = _bill(uow, bill_number)
    if bill.status != "terbit":
        raise ValidationError(f"Tagihan {bill.number} sudah {bill.status}.", field="bill_number")
    if len(reason.strip()) < 5:
        raise ValidationError("Alasan pembatalan wajib diisi.", field="reason")
    bill.status, bill.reference = "batal", reason.strip()[:100]
    uow.flush()
    return _row(bill, partner)


def get_bill(uow: UnitOfWork, bill_number: str) -> BillRow:
    uow.reader()
    return _row(*_bill(uow, bill_number))


def list_bills(uow: UnitOfWork, *, partner_code: str | None = None) -> list[BillRow]:
    uow.reader()
    stmt = (select(Bill, Partner).join(Partner, Partner.id == Bill.partner_id)
            .where(Bill.deleted.is_(False)).order_by(Bill.issued_on.desc(), Bill.number.desc()))
    if partner_code:
        stmt = stmt.where(Partner.code == partner_code.strip().upper())
    return [_row(b, p) for b, p in uow.session.execute(stmt)]


def bill_lines(uow: UnitOfWork, bill_number: str) -> list[BillLineRow]:
    """The bill's lines with each worker's identity, by name."""
    uow.reader()
    bill, _ = _bill(uow, bill_number)
    rows = uow.session.execute(select(
        BillLine.participant_id, Participant.kpj, Participant.nik, Participant.name,
        Participant.village_code, BillLine.first_month, BillLine.months, BillLine.amount)
        .join(Participant, Participant.id == BillLine.participant_id)
        .where(BillLine.bill_id == bill.id, BillLine.deleted.is_(False))
        .order_by(Participant.name_search, BillLine.first_month))
    return [BillLineRow(*r) for r in rows]
