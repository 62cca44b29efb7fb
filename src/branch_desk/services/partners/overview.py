"""The partner overview: a partner with its funded participants, agreements, bills, claims
and certificates, as rows (the screen titles and formats them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from branch_desk.db.models.claims import Claim
from branch_desk.db.models.participants import Participant
from branch_desk.services.contributions.billing import BillRow, list_bills
from branch_desk.services.participants.queries import search_participants
from branch_desk.services.participants.rows import ParticipantQuery, ParticipantRow
from branch_desk.services.partners.agreements import AgreementRow, list_agreements
from branch_desk.services.partners.certificates import CertificateRow, list_certificates
from branch_desk.services.partners.registry import PartnerRow, get_partner
from branch_desk.services.uow import UnitOfWork


@dataclass(frozen=True)
class PartnerClaimRow:
    """A claim of a participant the partner funds."""

    number: str
    claim_type: str
    participant_name: str
    filed_on: date
    status: str
    total_amount: int


@dataclass(frozen=True)
class PartnerOverview:
    """A partner and what hangs on it. Participants, bills and claims hold at most `limit`
    rows (the newest claims and bills); `*_total` counts them all."""

    partner: PartnerRow
    participants: tuple[ParticipantRow, ...]
    participants_total: int
    agreements: tuple[AgreementRow, ...]
    bills: tuple[BillRow, ...]
    bills_total: int
    claims: tuple[PartnerClaimRow, ...]
    claims_total: int
    certificates: tuple[CertificateRow, ...]


def partner_overview(uow: UnitOfWork, code: str, *, limit: int = 200) -> PartnerOverview:
    """A partner with its funded participants, agreements, bills, claims and certificates."""
    uow.reader()
    partner = get_partner(uow, code)
    session = uow.session
    page = search_participants(uow, ParticipantQuery(partner_code=partner.code, limit=limit))
    participants_total = session.scalar(
        select(func.count()).select_from(Participant).where(
            Participant.partner_id == partner.id, Participant.deleted.is_(False))) or 0
    bills = list_bills(uow, partner_code=partner.code)
    live = (Claim.partner_id == partner.id, Claim.deleted.is_(False))
    claims = tuple(PartnerClaimRow(n, t, name, f, s, int(a)) for n, t, name, f, s, a in
                   session.execute(
                       select(Claim.number, Claim.claim_type, Participant.name, Claim.filed_on,
                              Claim.status, Claim.total_amount)
                       .join(Participant, Participant.id == Claim.participant_id)
                       .where(*live).order_by(Claim.filed_on.desc(), Claim.number.desc())
                       .limit(limit)))
    claims_total = session.scalar(select(func.count()).select_from(Claim).where(*live)) or 0
    return PartnerOverview(
        partner, page.rows, int(participants_total),
        tuple(list_agreements(uow, partner_code=partner.code)),
        tuple(bills[:limit]), len(bills), claims, int(claims_total),
        tuple(list_certificates(uow, partner_code=partner.code)))
