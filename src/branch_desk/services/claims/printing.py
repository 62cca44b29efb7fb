"""Printing a claim file: tanda terima berkas and bukti pembayaran santunan (audited, with QR)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from branch_desk.db import recording
from branch_desk.documents.base import Letterhead
from branch_desk.documents.claim_receipt import (
    ClaimSheet,
    SheetDocument,
    SheetLine,
    SheetRecipient,
    write_receipt,
)
from branch_desk.documents.claim_statement import write_statement
from branch_desk.domain import regions
from branch_desk.domain.claim_workflow import ClaimStatus
from branch_desk.domain.errors import InvalidTransition
from branch_desk.domain.permissions import Permission
from branch_desk.services.admin.offices import office_row
from branch_desk.services.admin.users import signer
from branch_desk.services.claims.queries import ClaimRow, get_claim
from branch_desk.services.partners import verification
from branch_desk.services.uow import UnitOfWork

PAYABLE = (ClaimStatus.DISETUJUI.value, ClaimStatus.DIBAYAR.value)


def _statement_officer(uow: UnitOfWork, row: ClaimRow) -> tuple[str, str]:
    """Who signs as the officer: the user printing, unless that is the kepala who approved
    the claim (one person never signs twice on one statement) — then the officer who
    verified, or recorded, the claim."""
    printing = uow.actor_required.username
    for username in (printing, row.verified_by, row.created_by):
        if username and username != row.approved_by:
            return signer(uow, username)
    return signer(uow, printing)


def _sheet(uow: UnitOfWork, row: ClaimRow, kind: str, today: date) -> ClaimSheet:
    office = office_row(uow)
    region = regions.regency_of(office.region_code) if office.region_code else None
    city = regions.place_name(region) if region else office.name
    summary = {"jenis": row.claim_type, "peserta": row.participant_name, "kpj": row.kpj,
               "status": row.status, "total": row.total_amount,
               "dokumen_diterima": sum(1 for d in row.documents if d.received)}
    text = verification.issue(uow, kind=kind, number=row.number, summary=summary)
    officer, officer_title = _statement_officer(uow, row)
    return ClaimSheet(
        letterhead=Letterhead.of_agency(office.letterhead or office.name, office.address,
                                          office.code), city=city, number=row.number,
        claim_type=row.claim_type, type_label=row.type_label, status_label=row.status_label,
        participant_name=row.participant_name, kpj=row.kpj, nik_masked=row.nik_masked,
        event_date=row.event_date, filed_on=row.filed_on, cause=row.cause, place=row.place,
        documents=tuple(SheetDocument(d.label, d.required, d.received, d.received_on)
                        for d in row.documents),
        lines=tuple(SheetLine(ln.label, ln.rule, ln.detail, ln.amount) for ln in row.lines),
        total=row.total_amount,
        recipients=tuple(SheetRecipient(r.name, r.relationship, r.bank_name, r.bank_account)
                         for r in row.recipients),
        officer=officer, officer_title=officer_title,
        approver=signer(uow, row.approved_by)[0], head_name=office.head_name,
        head_title=office.head_title, paid_on=row.paid_on,
        transfer_reference=row.transfer_reference, printed_on=today, verification=text)


def print_claim_receipt(uow: UnitOfWork, *, number: str, out: Path, today: date) -> Path:
    """Write the tanda terima berkas of claim `number` to `out` (a write unit of work)."""
    actor = uow.actor_required
    actor.require(Permission.PRINT_DOCUMENTS)
    row = get_claim(uow, number)
    sheet = _sheet(uow, row, "klaim", today)
    recording.record_event(uow.session, actor, "print_claim", table="claims", row_id=row.id,
                           note=f"tanda terima berkas {row.number}",
                           details={"document": "tanda_terima", "number": row.number})
    uow.flush()
    return write_receipt(Path(out), sheet)


def print_claim_statement(uow: UnitOfWork, *, number: str, out: Path, today: date) -> Path:
    """Write the bukti pembayaran santunan of an approved or paid claim to `out`."""
    actor = uow.actor_required
    actor.require(Permission.PRINT_DOCUMENTS)
    row = get_claim(uow, number)
    if row.status not in PAYABLE:
        raise InvalidTransition(f"Bukti pembayaran hanya untuk klaim yang disetujui atau "
                                f"dibayar; klaim {row.number} berstatus {row.status_label}.",
                                field="status")
    sheet = _sheet(uow, row, "klaim", today)
    recording.record_event(uow.session, actor, "print_claim", table="claims", row_id=row.id,
                           note=f"bukti pembayaran santunan {row.number}",
                           details={"document": "bukti_pembayaran", "number": row.number})
    uow.flush()
    return write_statement(Path(out), sheet)
