"""Claims test data: participants registered and paid through the real services, claim data."""

from __future__ import annotations

from datetime import date

from branch_desk.domain.coverage import add_months
from branch_desk.services.claims.data import ClaimData, ClaimFactsData, RecipientData
from branch_desk.services.claims.queries import ClaimRow
from branch_desk.services.claims.workflow import new_claim
from branch_desk.services.contributions.payments import record_payment
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import HeirData, ParticipantData
from tests.support.offices import TODAY, Office

NIK_MAN = "7309010505800001"  # born 5 May 1980, Maros


def add_husband(office: Office) -> str:
    """Register Daeng Tiro with his wife Hasnah as his registered heir (nothing paid); returns
    the KPJ."""
    with office.uow("petugas") as uow:
        kpj = register_participant(uow, data=ParticipantData(
            nik="7309010101800004", name="Daeng Tiro", village_code="73.09.01.1001",
            heirs=(HeirData("Hasnah", "istri"),)), today=TODAY).kpj
        uow.commit()
    return kpj


def add_person(office: Office, *, nik: str = NIK_MAN, name: str = "Daeng Sija",
               segment: str = "BPU", tmt: date = date(2020, 1, 1),
               income: int | None = 2_000_000, paid_from: date | None = date(2020, 1, 1),
               paid_to: date | None = date(2025, 6, 1), programs: frozenset[str] | None = None,
               partner: str | None = None, village: str = "73.09.01.1001") -> str:
    """Register a participant and pay every month from `paid_from` to `paid_to`; returns the KPJ."""
    with office.uow("petugas") as uow:
        row = register_participant(uow, data=ParticipantData(
            nik=nik, name=name, village_code=village, segment=segment, tmt=tmt,
            income=income, programs=programs, partner_code=partner), today=date(2025, 6, 16))
        if paid_from is not None and paid_to is not None:
            month = paid_from
            while month <= paid_to:
                count = min(12, (paid_to.year - month.year) * 12 + paid_to.month - month.month + 1)
                record_payment(uow, participant_id=row.id, first_month=month, months=count,
                               payer=name, paid_on=month)
                month = add_months(month, count)
        uow.commit()
    return row.kpj


def jkm_data(kpj: str, event: date = date(2025, 6, 1), **facts: object) -> ClaimData:
    """A JKM (death benefit) claim for `kpj` with one heir, the widow; `facts` as given."""
    return ClaimData(participant=kpj, claim_type="JKM", event_date=event, cause="bukan-kerja",
                     recipients=(RecipientData("Hasnah", "istri", "0123456789", "BRI"),),
                     facts=ClaimFactsData(**facts))  # type: ignore[arg-type]


def jkk_draft(office: Office, user: str = "petugas", kpj: str | None = None) -> ClaimRow:
    """A draft JKK claim (work accident, medical costs only) recorded by `user` for `kpj`
    (default: a new participant from `add_person`); returns its row."""
    kpj = kpj or add_person(office)
    data = ClaimData(participant=kpj, claim_type="JKK", event_date=date(2025, 6, 10),
                     cause="kerja", place="Pelabuhan Maros", description="Terjatuh di dermaga",
                     recipients=(RecipientData("Daeng Sija", "peserta", "0123456789", "BRI"),),
                     received=("kpj",),
                     facts=ClaimFactsData(outcome="medical_only", medical_cost=2_400_000,
                                          reported_on=date(2025, 6, 11)))
    with office.uow(user) as uow:
        row = new_claim(uow, data=data, today=TODAY)
        uow.commit()
    return row
