"""Award certificates (piagam penghargaan): figures from the database, numbering, PDFs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from branch_desk.db import numbering
from branch_desk.db.models.agreements import Agreement, Certificate
from branch_desk.db.models.claims import Claim
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.db.offices import own_office
from branch_desk.documents.agreement import fill
from branch_desk.documents.certificate import CertificateContent, render_certificates
from branch_desk.domain import regions
from branch_desk.domain.dates import format_date
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.identifiers import format_document_number
from branch_desk.domain.money import format_count, format_rupiah, terbilang
from branch_desk.domain.officials import official_title
from branch_desk.domain.permissions import Permission
from branch_desk.services.admin.offices import office_row
from branch_desk.services.partners.agreement_document import templates
from branch_desk.services.partners.agreements import GROUPS
from branch_desk.services.partners.registry import partner_by_code
from branch_desk.services.partners.verification import ensure_issued
from branch_desk.services.uow import UnitOfWork

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class CertificateRow:
    id: str
    number: str
    partner_code: str
    partner_name: str
    as_of: date
    workers: int
    benefits_paid: int
    benefits_note: str
    place: str
    issued_on: date
    signer: str
    signer_title: str
    citation: str
    verification: str


@dataclass(frozen=True)
class CitationFigures:
    """What a certificate cites, counted from the database as of a date."""

    workers: int
    benefits_paid: int
    groups: tuple[str, ...]


def _row(c: Certificate, partner: Partner) -> CertificateRow:
    return CertificateRow(c.id, c.number, partner.code, partner.name, c.as_of, c.workers,
                          c.benefits_paid, c.benefits_note, c.place, c.issued_on, c.signer,
                          c.signer_title, c.citation, c.verification)


def _workers_protected(uow: UnitOfWork, partner_id: str, as_of: date) -> int:
    """Active participants the partner funds whose membership started by `as_of`."""
    return int(uow.session.scalar(select(func.count()).select_from(Participant).where(
        Participant.partner_id == partner_id, Participant.deleted.is_(False),
        Participant.status == "aktif", Participant.tmt <= as_of)) or 0)


def _benefits_paid(uow: UnitOfWork, partner_id: str, as_of: date) -> int:
    """Sum of claims paid up to `as_of` for the partner's participants."""
    total = uow.session.scalar(select(func.coalesce(func.sum(Claim.total_amount), 0)).where(
        Claim.partner_id == partner_id, Claim.deleted.is_(False), Claim.status == "dibayar",
        Claim.paid_on.is_not(None), Claim.paid_on <= as_of))
    return int(total or 0)


def citation_figures(uow: UnitOfWork, *, partner_code: str, as_of: date) -> CitationFigures:
    uow.reader()
    partner = partner_by_code(uow, partner_code)
    paid = _benefits_paid(uow, partner.id, as_of)
    latest = uow.session.scalar(
        select(Agreement.groups).where(Agreement.partner_id == partner.id,
                                       Agreement.deleted.is_(False),
                                       Agreement.signed_on <= as_of)
        .order_by(Agreement.signed_on.desc()).limit(1))
    groups = tuple(GROUPS.get(g, g) for g in (latest or "").split(",") if g)
    return CitationFigures(_workers_protected(uow, partner.id, as_of), paid, groups)


def _citation(partner: Partner, figures: CitationFigures, as_of: date) -> str:
    region = regions.region(partner.region_code)
    groups = ", ".join(figures.groups) if figures.groups else "pekerja dari berbagai segmen"
    values = {"mitra": partner.name, "wilayah": region.name if region else "",
              "jumlah_pekerja": format_count(figures.workers),
              "kelompok": groups, "per_tanggal": format_date(as_of),
              "manfaat": format_rupiah(figures.benefits_paid),
              "manfaat_terbilang": terbilang(figures.benefits_paid)}
    paragraphs = templates().paragraphs("piagam_kutipan.txt")
    if not figures.benefits_paid:  # no "sebesar Rp0": the benefits paragraph is left out
        paragraphs = [p for p in paragraphs if "{manfaat" not in p]
    return "\n\n".join(fill(" ".join(p.split("\n")), values, "piagam_kutipan.txt")
                       for p in paragraphs)


def issue_certificate(uow: UnitOfWork, *, partner_code: str, as_of: date, place: str,
                      signer: str, signer_title: str = "",
                      issued_on: date | None = None) -> CertificateRow:
    """Issue a piagam for a partner, citing its figures as of `as_of`.

    The certificate is dated `issued_on` (default: `as_of`) and numbered
    `PGH/<office>/<year>/nnnnnn`; its QR string is signed by this office."""
    uow.actor_required.require(Permission.ISSUE_CERTIFICATES)
    partner = partner_by_code(uow, partner_code)
    if not place.strip():
        raise ValidationError("Tempat penerbitan piagam wajib diisi.", field="place")
    office = own_office(uow.session)
    signer = signer.strip() or office.head_name
    if not signer:
        raise ValidationError("Nama penanda tangan piagam wajib diisi.", field="signer")
    title = signer_title.strip() or (
        f"{office.head_title} BPJS Ketenagakerjaan" if signer == office.head_name
        else "Kepala Kantor BPJS Ketenagakerjaan")
    day = issued_on or as_of
    figures = citation_figures(uow, partner_code=partner.code, as_of=as_of)
    serial = numbering.next_number(uow.session, f"PGH/{office.code}/{day.year}")
    number = format_document_number("PGH", office.code, day.year, serial)
    cert = Certificate(number=number, partner_id=partner.id, as_of=as_of,
                       workers=figures.workers, benefits_paid=figures.benefits_paid,
                       place=place.strip(), issued_on=day,
                       signer=signer, signer_title=title,
                       citation=_citation(partner, figures, as_of))
    cert.verification = ensure_issued(uow, kind="piagam", number=number, summary={
        "mitra": partner.name, "pekerja": figures.workers, "manfaat": figures.benefits_paid,
        "per_tanggal": as_of, "tanggal": day})
    uow.session.add(cert)
    uow.flush()
    return _row(cert, partner)


def issue_certificates(uow: UnitOfWork, *, partner_codes: Sequence[str], as_of: date,
                       place: str, signer: str, signer_title: str = "",
                       issued_on: date | None = None,
                       progress: Progress | None = None) -> list[CertificateRow]:
    """Issue one certificate per partner (batch); all or none are kept."""
    codes = list(dict.fromkeys(c.strip().upper() for c in partner_codes if c.strip()))
    if not codes:
        raise ValidationError("Pilih minimal satu mitra.", field="partners")
    rows = []
    for index, code in enumerate(codes):
        rows.append(issue_certificate(uow, partner_code=code, as_of=as_of, place=place,
                                      signer=signer, signer_title=signer_title,
                                      issued_on=issued_on))
        if progress is not None:
            progress(index + 1, len(codes), f"Menerbitkan piagam {rows[-1].partner_name}")
    return rows


def find_certificate(uow: UnitOfWork, *, partner_code: str, as_of: date) -> CertificateRow | None:
    """The latest certificate of a partner citing figures as of `as_of`, if one was issued."""
    uow.reader()
    partner = partner_by_code(uow, partner_code)
    cert = uow.session.scalar(select(Certificate).where(
        Certificate.partner_id == partner.id, Certificate.as_of == as_of,
        Certificate.deleted.is_(False)).order_by(Certificate.number.desc()).limit(1))
    return _row(cert, partner) if cert is not None else None


def list_certificates(uow: UnitOfWork, *, partner_code: str | None = None) -> list[CertificateRow]:
    uow.reader()
    stmt = (select(Certificate, Partner).join(Partner, Partner.id == Certificate.partner_id)
            .where(Certificate.deleted.is_(False))
            .order_by(Certificate.issued_on.desc(), Certificate.number.desc()))
    if partner_code:
        stmt = stmt.where(Certificate.partner_id == partner_by_code(uow, partner_code).id)
    return [_row(c, p) for c, p in uow.session.execute(stmt)]


def get_certificate(uow: UnitOfWork, number: str) -> CertificateRow:
    uow.reader()
    cert = uow.session.scalar(select(Certificate).where(
        Certificate.number == number.strip().upper()))
    if cert is None or cert.deleted:
        raise NotFound(f"Piagam nomor '{number}' tidak ditemukan.", field="number")
    partner = uow.session.get(Partner, cert.partner_id)
    assert partner is not None
    return _row(cert, partner)


def certificate_content(uow: UnitOfWork, row: CertificateRow, *,
                        office_name: str | None = None,
                        partner: Partner | None = None) -> CertificateContent:
    uow.reader()
    partner = partner or partner_by_code(uow, row.partner_code)
    office_name = office_name or office_row(uow).name
    title = official_title(kind=partner.kind, head_title=partner.head_title,
                           region=regions.region(partner.region_code), partner_name=partner.name)
    head = ", ".join(x for x in (title, partner.head_name) if x) if partner.head_name else ""
    return CertificateContent(
        number=row.number, office_title=office_name,
        recipient=partner.name, recipient_line=head,
        citation=tuple(p for p in row.citation.split("\n\n") if p.strip()),
        place=row.place, issued_on=row.issued_on,
        signer_title=row.signer_title, signer=row.signer, qr_text=row.verification)


def certificates_pdf(uow: UnitOfWork, rows: Sequence[CertificateRow], *,
                     progress: Progress | None = None) -> bytes:
    """One PDF holding the given certificates, one page each."""
    uow.reader()
    if not rows:
        raise ValidationError("Tidak ada piagam untuk dicetak.", field="certificates")
    office_name = office_row(uow).name
    codes = {r.partner_code for r in rows}
    ordered = sorted(codes)
    partners = {p.code: p for start in range(0, len(ordered), 500)
                for p in uow.session.scalars(select(Partner).where(
                    Partner.code.in_(ordered[start:start + 500])))}
    contents = [certificate_content(uow, r, office_name=office_name,
                                    partner=partners.get(r.partner_code)) for r in rows]
    return render_certificates(contents, progress=progress)
