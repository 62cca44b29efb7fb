"""Cooperation agreements (PKS) with partners: the records — numbering, renewal, status and
queries (the PKS document is `agreement_document`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branch_desk.db import numbering
from branch_desk.db.models.agreements import Agreement
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.db.offices import own_office
from branch_desk.domain import regions
from branch_desk.domain.agreements import STATUSES
from branch_desk.domain.errors import InvalidTransition, NotFound, ValidationError
from branch_desk.domain.identifiers import format_document_number
from branch_desk.domain.officials import official_title
from branch_desk.domain.permissions import Permission
from branch_desk.domain.programs import Program
from branch_desk.services.locking import check_version
from branch_desk.services.partners.registry import partner_by_code
from branch_desk.services.partners.verification import ensure_issued
from branch_desk.services.uow import UnitOfWork

DEFAULT_SUBJECT = "Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan"

# Groups of workers a Pemda funds under an agreement (seed articles, DOMAIN §6.4).
GROUPS: dict[str, str] = {
    "pekerja_rentan": "pekerja rentan",
    "non_asn": "pegawai non-ASN",
    "keagamaan": "pekerja keagamaan/syara",
    "perangkat_desa": "aparatur dan perangkat desa",
    "rt_rw": "ketua RT/RW",
    "bpd": "anggota Badan Permusyawaratan Desa (BPD)",
}


@dataclass(frozen=True)
class AgreementData:
    """What an officer enters for a new agreement; blanks take the partner's/office's data."""

    partner_code: str
    signed_on: date
    place: str
    partner_number: str = ""
    subject: str = DEFAULT_SUBJECT
    partner_signatory: str = ""
    partner_position: str = ""
    partner_decree: str = ""
    office_signatory: str = ""
    office_position: str = ""
    office_decree: str = ""
    programs: tuple[str, ...] = ("JKK", "JKM")
    groups: tuple[str, ...] = ("pekerja_rentan",)
    workers: int = 0
    budget: int = 0
    start_date: date | None = None
    end_date: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class AgreementRow:
    id: str
    number: str
    partner_number: str
    partner_id: str
    partner_code: str
    partner_name: str
    partner_kind: str
    partner_region: str
    partner_address: str
    subject: str
    signed_on: date
    place: str
    partner_signatory: str
    partner_position: str
    partner_decree: str
    office_signatory: str
    office_position: str
    office_decree: str
    programs: tuple[str, ...]
    groups: tuple[str, ...]
    workers: int
    budget: int
    budget_source: str
    start_date: date
    end_date: date
    status: str
    renews_number: str
    renewed_by_number: str
    notes: str
    version: int
    group_labels: tuple[str, ...] = field(default=())

    def status_on(self, as_of: date) -> str:
        """The status as of a date: an active agreement past its end date has ended."""
        if self.status == "aktif" and as_of > self.end_date:
            return "berakhir"
        return self.status

    def days_left(self, as_of: date) -> int:
        return (self.end_date - as_of).days


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _row(session: Session, a: Agreement, partner: Partner) -> AgreementRow:
    renews = session.get(Agreement, a.renews_id) if a.renews_id else None
    renewed_by = session.scalar(select(Agreement.number).where(
        Agreement.renews_id == a.id, Agreement.deleted.is_(False)))
    region = regions.region(partner.region_code)
    groups = tuple(g for g in a.groups.split(",") if g)
    return AgreementRow(
        a.id, a.number, a.partner_number, partner.id, partner.code, partner.name, partner.kind,
        region.name if region else partner.region_code, partner.address, a.subject,
        a.signed_on, a.place, a.partner_signatory, a.partner_position, a.partner_decree,
        a.office_signatory, a.office_position, a.office_decree,
        tuple(p for p in a.programs.split(",") if p), groups, a.workers, a.budget,
        a.budget_source, a.start_date, a.end_date, a.status,
        renews.number if renews else "", renewed_by or "", a.notes, a.version,
        tuple(GROUPS.get(g, g) for g in groups))


def _clean(uow: UnitOfWork, data: AgreementData) -> tuple[Partner, dict[str, object]]:
    partner = partner_by_code(uow, data.partner_code)
    office = own_office(uow.session)
    if not data.place.strip():
        raise ValidationError("Tempat penandatanganan wajib diisi.", field="place")
    programs = tuple(dict.fromkeys(p.strip().upper() for p in data.programs if p.strip()))
    if not programs:
        raise ValidationError("Pilih minimal satu program (mis. JKK dan JKM).", field="programs")
    for program in programs:
        if program not in Program.__members__:
            raise ValidationError(f"Program '{program}' tidak dikenal; pilih dari: "
                                  f"{', '.join(Program)}.", field="programs")
    groups = tuple(dict.fromkeys(g.strip() for g in data.groups if g.strip()))
    if not groups:
        raise ValidationError("Pilih minimal satu kelompok pekerja yang dilindungi.",
                              field="groups")
    for group in groups:
        if group not in GROUPS:
            raise ValidationError(f"Kelompok '{group}' tidak dikenal; pilih dari: "
                                  f"{', '.join(GROUPS)}.", field="groups")
    if isinstance(data.workers, bool) or not isinstance(data.workers, int) or data.workers < 0:
        raise ValidationError("Jumlah pekerja harus bilangan bulat ≥ 0.", field="workers")
    if isinstance(data.budget, bool) or not isinstance(data.budget, int) or data.budget < 0:
        raise ValidationError("Anggaran harus rupiah bulat ≥ 0.", field="budget")
    start = data.start_date or data.signed_on
    end = data.end_date or (add_years(start, 1) - timedelta(days=1))
    if end < start:
        raise ValidationError("Tanggal akhir kerja sama tidak boleh sebelum tanggal mulai.",
                              field="end_date")
    partner_signatory = data.partner_signatory.strip() or partner.head_name
    if not partner_signatory:
        raise ValidationError("Nama penandatangan PIHAK KESATU wajib diisi (kepala daerah "
                              "mitra belum tercatat).", field="partner_signatory")
    office_signatory = data.office_signatory.strip() or office.head_name
    if not office_signatory:
        raise ValidationError("Nama penandatangan PIHAK KEDUA (kepala kantor) wajib diisi.",
                              field="office_signatory")
    values: dict[str, object] = dict(
        partner_number=data.partner_number.strip(),
        subject=data.subject.strip() or DEFAULT_SUBJECT,
        signed_on=data.signed_on, place=data.place.strip(),
        partner_signatory=partner_signatory,
        partner_position=data.partner_position.strip()
        or official_title(kind=partner.kind, head_title=partner.head_title,
                          region=regions.region(partner.region_code),
                          partner_name=partner.name),
        partner_decree=data.partner_decree.strip(),
        office_signatory=office_signatory,
        office_position=data.office_position.strip()
        or _office_position(office.head_title, office.name),
        office_decree=data.office_decree.strip(),
        programs=",".join(programs), groups=",".join(groups), workers=data.workers,
        budget=data.budget, start_date=start, end_date=end, notes=data.notes.strip())
    return partner, values


def _office_position(head_title: str, office_name: str) -> str:
    if head_title.startswith("Kepala Kantor") and office_name.startswith("Kantor "):
        return f"Kepala {office_name} BPJS Ketenagakerjaan"
    return f"{head_title}, BPJS Ketenagakerjaan {office_name}"


def _next_number(uow: UnitOfWork, year: int) -> str:
    office = own_office(uow.session).code
    serial = numbering.next_number(uow.session, f"PKS/{office}/{year}")
    return format_document_number("PKS", office, year, serial)


def new_agreement(uow: UnitOfWork, *, data: AgreementData) -> AgreementRow:
    """Record a signed agreement under the next office number `PKS/<office>/<year>/nnnnnn`."""
    uow.actor_required.require(Permission.MANAGE_AGREEMENTS)
    partner, values = _clean(uow, data)
    agreement = Agreement(number=_next_number(uow, data.signed_on.year), partner_id=partner.id,
                          status="aktif", **values)
    uow.session.add(agreement)
    uow.flush()
    _sign(uow, agreement, partner)
    return _row(uow.session, agreement, partner)


def renew_agreement(uow: UnitOfWork, *, number: str, data: AgreementData) -> AgreementRow:
    """A new agreement extending `number` (perpanjangan); the old one becomes `diperpanjang`.

    The new period starts the day after the old one ends unless `data.start_date` says
    otherwise."""
    uow.actor_required.require(Permission.MANAGE_AGREEMENTS)
    old = _agreement(uow, number)
    if old.status in ("diperpanjang", "dibatalkan"):
        raise InvalidTransition(f"Perjanjian {old.number} sudah {old.status}; perpanjang "
                                "perjanjian yang terakhir.", field="number")
    old_partner = uow.session.get(Partner, old.partner_id)
    assert old_partner is not None
    if data.partner_code.strip() and partner_by_code(uow, data.partner_code).id != old.partner_id:
        raise ValidationError("Perpanjangan harus dengan mitra yang sama.", field="partner")
    start = data.start_date or old.end_date + timedelta(days=1)
    fields = {**data.__dict__, "partner_code": old_partner.code, "start_date": start}
    partner, values = _clean(uow, AgreementData(**fields))
    agreement = Agreement(number=_next_number(uow, data.signed_on.year), partner_id=partner.id,
                          status="aktif", renews_id=old.id, **values)
    old.status = "diperpanjang"
    uow.session.add(agreement)
    uow.flush()
    _sign(uow, agreement, partner)
    return _row(uow.session, agreement, partner)


def cancel_agreement(uow: UnitOfWork, *, number: str, reason: str,
                     expected_version: int) -> AgreementRow:
    """Mark an agreement cancelled (tombstones are for mistakes; a cancelled PKS stays)."""
    uow.actor_required.require(Permission.MANAGE_AGREEMENTS)
    agreement = _agreement(uow, number)
    check_version(agreement, expected_version, "perjanjian")
    if not reason.strip():
        raise ValidationError("Alasan pembatalan wajib diisi.", field="reason")
    if agreement.status == "dibatalkan":
        raise InvalidTransition(f"Perjanjian {number} sudah dibatalkan.", field="number")
    agreement.status = "dibatalkan"
    agreement.notes = (agreement.notes + "\n" if agreement.notes else "") + \
        f"Dibatalkan: {reason.strip()}"
    uow.flush()
    partner = uow.session.get(Partner, agreement.partner_id)
    assert partner is not None
    return _row(uow.session, agreement, partner)


def _sign(uow: UnitOfWork, agreement: Agreement, partner: Partner) -> None:
    ensure_issued(uow, kind="pks", number=agreement.number, summary=agreement_summary(
        agreement, partner))


def agreement_summary(agreement: Agreement, partner: Partner) -> dict[str, object]:
    """What the QR of an agreement certifies."""
    return {"mitra": partner.name, "nomor_mitra": agreement.partner_number,
            "tanggal": agreement.signed_on, "program": agreement.programs,
            "pekerja": agreement.workers, "anggaran": agreement.budget,
            "mulai": agreement.start_date, "berakhir": agreement.end_date}


def _agreement(uow: UnitOfWork, number: str) -> Agreement:
    key = number.strip()
    agreement = uow.session.scalar(select(Agreement).where(Agreement.number == key.upper()))
    if agreement is None:
        agreement = uow.session.get(Agreement, key)
    if agreement is None or agreement.deleted:
        raise NotFound(f"Perjanjian kerja sama nomor '{number}' tidak ditemukan.", field="number")
    return agreement


def get_agreement(uow: UnitOfWork, number: str) -> AgreementRow:
    uow.reader()
    agreement = _agreement(uow, number)
    partner = uow.session.get(Partner, agreement.partner_id)
    assert partner is not None
    return _row(uow.session, agreement, partner)


def list_agreements(uow: UnitOfWork, *, partner_code: str | None = None,
                    status: str | None = None) -> list[AgreementRow]:
    """Agreements, newest signing first; optionally of one partner or stored status."""
    uow.reader()
    stmt = (select(Agreement, Partner).join(Partner, Partner.id == Agreement.partner_id)
            .where(Agreement.deleted.is_(False))
            .order_by(Agreement.signed_on.desc(), Agreement.number.desc()))
    if partner_code:
        stmt = stmt.where(Agreement.partner_id == partner_by_code(uow, partner_code).id)
    if status:
        if status not in STATUSES:
            raise ValidationError(f"Status '{status}' tidak dikenal.", field="status")
        stmt = stmt.where(Agreement.status == status)
    return [_row(uow.session, a, p) for a, p in uow.session.execute(stmt)]


def agreements_due(uow: UnitOfWork, *, as_of: date, within_days: int = 90) -> list[AgreementRow]:
    """Active agreements ending within `within_days` of `as_of` (or already ended) and not
    yet renewed — the renewal worklist, soonest first."""
    uow.reader()
    rows = [r for r in list_agreements(uow, status="aktif")
            if r.end_date <= as_of + timedelta(days=within_days)]
    return sorted(rows, key=lambda r: r.end_date)


def funded_participant_count(uow: UnitOfWork, number: str) -> int:
    """Participants of the agreement's partner registered by the end of its period."""
    uow.reader()
    agreement = _agreement(uow, number)
    return int(uow.session.scalar(select(func.count()).select_from(Participant).where(
        Participant.partner_id == agreement.partner_id, Participant.deleted.is_(False),
        Participant.tmt <= agreement.end_date)) or 0)
