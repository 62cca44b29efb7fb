"""A bill's paperwork: invoice PDF, xlsx worker list, and reconciliation with the partner's
own list (who is on one side and not on the other)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from branch_desk.db import recording
from branch_desk.db.models.contributions import BillLine
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.domain import regions
from branch_desk.domain.coverage import add_months
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.nik import mask_nik
from branch_desk.domain.officials import official_title
from branch_desk.domain.permissions import Permission
from branch_desk.domain.rates import conditions_in_force
from branch_desk.services.admin.offices import office_row
from branch_desk.services.contributions.billing import (
    BillLineRow,
    bill_lines,
    get_bill,
    taken_by_payments,
)
from branch_desk.services.contributions.coverage import months_from
from branch_desk.services.contributions.rates import amount_for_key, amount_key
from branch_desk.services.partners import verification
from branch_desk.services.uow import UnitOfWork


@dataclass(frozen=True)
class ListEntry:
    """A row of the partner's list: its sheet row, NIK and name as written."""

    row: int
    nik: str
    name: str


@dataclass(frozen=True)
class Reconciliation:
    bill_number: str
    matched: int
    only_in_list: tuple[ListEntry, ...]  # the partner lists them, the bill does not
    only_in_bill: tuple[BillLineRow, ...]  # billed, but missing from the partner's list
    unreadable: tuple[ListEntry, ...]  # rows whose NIK is not 16 digits

    @property
    def balanced(self) -> bool:
        return not (self.only_in_list or self.only_in_bill or self.unreadable)


def month_rows(uow: UnitOfWork, bill_number: str) -> list[tuple[date, int, int]]:
    """(month, workers billed, amount) for each month of a bill."""
    uow.reader()
    lines = bill_lines(uow, bill_number)
    bill = get_bill(uow, bill_number)
    people = {p.id: p for p in uow.session.scalars(select(Participant).join(
        BillLine, BillLine.participant_id == Participant.id).where(BillLine.bill_id == bill.id))}
    counts: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    # As build_bill priced it: the months billed together count as paid (discount conditions).
    settled = taken_by_payments(uow, bill_number)
    for line in lines:
        settled[line.participant_id].update(months_from(line.first_month, line.months))
    for line in lines:
        person = people[line.participant_id]
        check = conditions_in_force(line.first_month,
                                    add_months(line.first_month, line.months - 1))
        key = amount_key(person, paid=settled[person.id] if check else None,
                         first_month=line.first_month)
        for i in range(line.months):
            month = add_months(line.first_month, i)
            counts[month][0] += 1
            counts[month][1] += amount_for_key(key, month)
    return [(m, c[0], c[1]) for m, c in sorted(counts.items())]


def write_attachment(uow: UnitOfWork, *, bill_number: str, path: Path) -> Path:
    """The xlsx worker list of a bill (audited). The full NIK (the partner's own workers, to
    reconcile) only for a role with EXPORT_PERSONAL_DATA; others write the masked NIK."""
    from branch_desk.spreadsheets.billing_xlsx import AttachmentLine, write_bill_attachment

    actor = uow.reader(Permission.MANAGE_BILLS)
    full = actor.can(Permission.EXPORT_PERSONAL_DATA)
    bill = get_bill(uow, bill_number)
    lines = bill_lines(uow, bill_number)
    recording.record_event(uow.session, actor, "export_bill_list", table="contribution_bills",
                           row_id=bill.id, note=f"{bill.number}: {len(lines)} baris",
                           details={"full_nik": full})
    return write_bill_attachment(
        path, number=bill.number, partner_name=bill.partner_name, workers=bill.workers,
        programs=bill.programs, total=bill.total,
        lines=[AttachmentLine(ln.nik if full else ln.nik_masked, ln.kpj, ln.name,
                              ln.village_code, ln.first_month, ln.months, ln.amount)
               for ln in lines])


def print_invoice(uow: UnitOfWork, *, bill_number: str, path: Path,
                  attachment: Path | None = None) -> Path:
    """Write the invoice PDF (and, with `attachment`, the xlsx list next to it)."""
    from branch_desk.documents.invoice import InvoiceData, write_invoice
    uow.actor_required.require(Permission.PRINT_DOCUMENTS)
    bill = get_bill(uow, bill_number)
    partner = uow.session.scalar(select(Partner).where(Partner.code == bill.partner_code))
    assert partner is not None
    office = office_row(uow)
    qr = verification.issue(uow, kind="tagihan", number=bill.number, summary={
        "partner": bill.partner_code, "workers": bill.workers, "total": bill.total,
        "first_month": bill.first_month.isoformat(), "months": bill.months})
    if attachment is not None:
        write_attachment(uow, bill_number=bill_number, path=attachment)
    data = InvoiceData(
        number=bill.number, office_name=office.letterhead or office.name,
        office_address=office.address, office_code=office.code, head_name=office.head_name,
        head_title=office.head_title, partner_name=partner.name,
        partner_address=partner.address,
        recipient=official_title(kind=partner.kind, head_title=partner.head_title,
                                 region=regions.region(partner.region_code),
                                 partner_name=partner.name),
        issued_on=bill.issued_on, first_month=bill.first_month, months=bill.months,
        programs=bill.programs, workers=bill.workers, total=bill.total,
        month_rows=month_rows(uow, bill_number),
        verification=qr, status=bill.status)
    return write_invoice(path, data)


def _nik_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "".join(ch for ch in str(value or "") if ch.isdigit())
    return text


def read_partner_list(path: Path) -> list[ListEntry]:
    """NIK and name of every row of the partner's sheet (header found by its spelling)."""
    from branch_desk.spreadsheets.participants_reader import read_participant_sheet

    sheet = read_participant_sheet(path)
    if "nik" not in sheet.columns:
        raise ValidationError("Kolom NIK tidak ditemukan pada daftar mitra.", field="path")
    nik_col, name_col = sheet.columns["nik"], sheet.columns.get("name")
    entries = []
    for row, cells in sheet.rows:
        name = str(cells[name_col]).strip() if name_col is not None and name_col < len(cells) \
            and cells[name_col] is not None else ""
        entries.append(ListEntry(row, _nik_text(cells[nik_col] if nik_col < len(cells)
                                                else ""), name))
    return entries


def reconcile_bill(uow: UnitOfWork, *, bill_number: str, path: Path) -> Reconciliation:
    """Compare the partner's xlsx list with the bill, by NIK."""
    uow.reader()
    bill = get_bill(uow, bill_number)
    listed = read_partner_list(path)
    lines = bill_lines(uow, bill_number)
    in_bill = {ln.nik: ln for ln in lines}
    readable = [e for e in listed if len(e.nik) == 16]
    in_list = {e.nik for e in readable}
    only_list = tuple(e for e in readable if e.nik not in in_bill)
    only_bill = tuple(ln for nik, ln in in_bill.items() if nik not in in_list)
    return Reconciliation(bill.number, len(in_list & set(in_bill)), only_list, only_bill,
                          tuple(ListEntry(e.row, mask_nik(e.nik) if e.nik else "", e.name)
                                for e in listed if len(e.nik) != 16))
