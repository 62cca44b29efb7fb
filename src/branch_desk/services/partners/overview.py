"""The partner overview: a partner with its funded participants, agreements, bills, claims
and certificates, one section each."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from branch_desk.db.models.claims import Claim
from branch_desk.db.models.participants import Participant
from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_rupiah
from branch_desk.services.contributions.billing import list_bills
from branch_desk.services.participants.queries import search_participants
from branch_desk.services.participants.rows import ParticipantQuery
from branch_desk.services.partners.agreements import STATUS_LABELS, list_agreements
from branch_desk.services.partners.certificates import list_certificates
from branch_desk.services.partners.registry import PartnerRow, get_partner
from branch_desk.services.uow import UnitOfWork


@dataclass(frozen=True)
class OverviewSection:
    """One section of the overview: column titles and rows of display text.

    `available` is False while the area that owns the data is not built yet; `note` then
    says so (the UI shows the section empty, labelled, rather than hiding it)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: int
    available: bool = True
    note: str = ""


@dataclass(frozen=True)
class PartnerOverview:
    partner: PartnerRow
    sections: tuple[OverviewSection, ...]

    def section(self, title: str) -> OverviewSection:
        return next(s for s in self.sections if s.title == title)


def partner_overview(uow: UnitOfWork, code: str, *, limit: int = 200) -> PartnerOverview:
    """A partner with its funded participants, agreements, bills, claims and certificates."""
    partner = get_partner(uow, code)
    return PartnerOverview(partner, (
        _participants_section(uow, partner, limit),
        _agreements_section(uow, partner),
        _bills_section(uow, partner, limit),
        _claims_section(uow, partner, limit),
        _certificates_section(uow, partner),
    ))


def _participants_section(uow: UnitOfWork, partner: PartnerRow, limit: int) -> OverviewSection:
    page = search_participants(uow, ParticipantQuery(partner_code=partner.code, limit=limit))
    total = uow.session.scalar(select(func.count()).select_from(Participant).where(
        Participant.partner_id == partner.id, Participant.deleted.is_(False))) or 0
    return OverviewSection(
        "Peserta", ("KPJ", "Nama", "Segmen", "Sumber dana", "TMT", "Status"),
        tuple((p.kpj, p.name, p.segment, p.funding_source, format_date(p.tmt, "medium"),
               p.status) for p in page.rows), int(total))


def _agreements_section(uow: UnitOfWork, partner: PartnerRow) -> OverviewSection:
    agreements = list_agreements(uow, partner_code=partner.code)
    return OverviewSection(
        "Perjanjian kerja sama", ("Nomor", "Nomor mitra", "Ditandatangani", "Berlaku s.d.",
                                  "Pekerja", "Anggaran", "Status"),
        tuple((a.number, a.partner_number, format_date(a.signed_on, "medium"),
               format_date(a.end_date, "medium"), f"{a.workers:,}".replace(",", "."),
               format_rupiah(a.budget), STATUS_LABELS.get(a.status, a.status))
              for a in agreements), len(agreements))


def _bills_section(uow: UnitOfWork, partner: PartnerRow, limit: int) -> OverviewSection:
    bills = list_bills(uow, partner_code=partner.code)
    return OverviewSection(
        "Tagihan", ("Nomor", "Bulan pertama", "Bulan", "Pekerja", "Jumlah", "Status"),
        tuple((b.number, format_date(b.first_month, "medium"), str(b.months), str(b.workers),
               format_rupiah(b.total), b.status) for b in bills[:limit]), len(bills))


def _claims_section(uow: UnitOfWork, partner: PartnerRow, limit: int) -> OverviewSection:
    live = (Claim.partner_id == partner.id, Claim.deleted.is_(False))
    stmt = (select(Claim.number, Claim.claim_type, Participant.name, Claim.filed_on,
                   Claim.status, Claim.total_amount)
            .join(Participant, Participant.id == Claim.participant_id)
            .where(*live).order_by(Claim.filed_on.desc(), Claim.number.desc()).limit(limit))
    rows = tuple((n, t, name, format_date(f, "medium"), s, format_rupiah(int(a)))
                 for n, t, name, f, s, a in uow.session.execute(stmt))
    total = uow.session.scalar(select(func.count()).select_from(Claim).where(*live)) or 0
    return OverviewSection("Klaim", ("Nomor", "Jenis", "Peserta", "Diajukan", "Status",
                                     "Jumlah"), rows, int(total))


def _certificates_section(uow: UnitOfWork, partner: PartnerRow) -> OverviewSection:
    certs = list_certificates(uow, partner_code=partner.code)
    return OverviewSection(
        "Piagam penghargaan", ("Nomor", "Tanggal", "Per tanggal", "Pekerja", "Manfaat dibayar"),
        tuple((c.number, format_date(c.issued_on, "medium"), format_date(c.as_of, "medium"),
               f"{c.workers:,}".replace(",", "."), format_rupiah(c.benefits_paid))
              for c in certs), len(certs))
