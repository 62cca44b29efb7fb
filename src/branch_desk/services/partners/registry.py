"""Partners: regional governments, employers and organisations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from branch_desk.db.models.partners import PARTNER_KINDS, Partner
from branch_desk.domain import regions
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.identifiers import validate_npwp
from branch_desk.domain.officials import HEAD_TITLES
from branch_desk.domain.permissions import Permission
from branch_desk.domain.programs import Industry
from branch_desk.services import clock
from branch_desk.services.locking import check_version
from branch_desk.services.uow import UnitOfWork


@dataclass(frozen=True)
class PartnerData:
    code: str
    name: str
    kind: str
    region_code: str
    head_name: str = ""
    head_title: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    contact_person: str = ""
    npwp: str = ""
    industry: str = ""  # employer: a `domain.programs.Industry` value, "" unknown
    workers: int | None = None  # employer: number of workers, None unknown


@dataclass(frozen=True)
class PartnerRow:
    id: str
    code: str
    name: str
    kind: str
    region_code: str
    region_name: str
    head_name: str
    head_title: str
    address: str
    phone: str
    email: str
    contact_person: str
    npwp: str
    version: int
    industry: str = ""
    workers: int | None = None


def _row(p: Partner) -> PartnerRow:
    region = regions.region(p.region_code)
    return PartnerRow(p.id, p.code, p.name, p.kind, p.region_code,
                      region.name if region else "", p.head_name, p.head_title, p.address,
                      p.phone, p.email, p.contact_person, p.npwp, p.version,
                      p.industry or "", p.workers)


def _validate(data: PartnerData) -> PartnerData:
    code = data.code.strip().upper()
    if not code or len(code) > 40 or not all(c.isalnum() or c in "-_." for c in code):
        raise ValidationError("Kode mitra wajib diisi (huruf, angka, tanda hubung; maks. 40).",
                              field="code")
    if not data.name.strip():
        raise ValidationError("Nama mitra wajib diisi.", field="name")
    if data.kind not in PARTNER_KINDS:
        raise ValidationError(
            f"Jenis mitra '{data.kind}' tidak dikenal; pilih salah satu: "
            f"{', '.join(PARTNER_KINDS)}.", field="kind")
    region = regions.region(data.region_code)
    if region is None:
        raise ValidationError(f"Kode wilayah '{data.region_code}' tidak ada dalam daftar "
                              "Kemendagri.", field="region_code")
    npwp = validate_npwp(data.npwp, today=clock.today()) if data.npwp.strip() else ""
    industry = data.industry.strip().lower()
    if industry and industry not in {i.value for i in Industry}:
        raise ValidationError(
            f"Jenis industri '{data.industry}' tidak dikenal; pilih salah satu: "
            f"{', '.join(i.value for i in Industry)}.", field="industry")
    if data.workers is not None and not 0 <= data.workers <= 10_000_000:
        raise ValidationError("Jumlah pekerja harus 0 atau lebih.", field="workers")
    return PartnerData(code=code, name=data.name.strip(), kind=data.kind,
                       region_code=region.code, head_name=data.head_name.strip(),
                       head_title=data.head_title.strip() or HEAD_TITLES[data.kind],
                       address=data.address.strip(), phone=data.phone.strip(),
                       email=data.email.strip(), contact_person=data.contact_person.strip(),
                       npwp=npwp, industry=industry, workers=data.workers)


def add_partner(uow: UnitOfWork, *, data: PartnerData) -> PartnerRow:
    uow.actor_required.require(Permission.MANAGE_PARTNERS)
    clean = _validate(data)
    if uow.session.scalar(select(Partner).where(Partner.code == clean.code)) is not None:
        raise ValidationError(f"Kode mitra '{clean.code}' sudah dipakai.", field="code")
    partner = Partner(**clean.__dict__)
    uow.session.add(partner)
    uow.session.flush()
    return _row(partner)


def update_partner(uow: UnitOfWork, *, partner_id: str, data: PartnerData,
                   expected_version: int) -> PartnerRow:
    """Edit a partner; refused if someone else changed it since `expected_version`."""
    uow.actor_required.require(Permission.MANAGE_PARTNERS)
    partner = uow.session.get(Partner, partner_id)
    if partner is None or partner.deleted:
        raise NotFound("Mitra tidak ditemukan.")
    check_version(partner, expected_version, "mitra")
    clean = _validate(data)
    clash = uow.session.scalar(select(Partner).where(Partner.code == clean.code,
                                                     Partner.id != partner_id))
    if clash is not None:
        raise ValidationError(f"Kode mitra '{clean.code}' sudah dipakai.", field="code")
    for key, value in clean.__dict__.items():
        setattr(partner, key, value)
    uow.session.flush()
    return _row(partner)


def list_partners(uow: UnitOfWork, *, kind: str | None = None) -> list[PartnerRow]:
    uow.reader()
    stmt = select(Partner).where(Partner.deleted.is_(False)).order_by(Partner.name)
    if kind:
        stmt = stmt.where(Partner.kind == kind)
    return [_row(p) for p in uow.session.scalars(stmt)]


def get_partner(uow: UnitOfWork, code_or_id: str) -> PartnerRow:
    uow.reader()
    return _row(partner_by_code(uow, code_or_id))


def partner_by_code(uow: UnitOfWork, code_or_id: str) -> Partner:
    """The live Partner row by code (case-insensitive) or id; NotFound in Indonesian."""
    key = code_or_id.strip()
    partner = uow.session.scalar(select(Partner).where(Partner.code == key.upper()))
    if partner is None:
        partner = uow.session.get(Partner, key)
    if partner is None or partner.deleted:
        raise NotFound(f"Mitra dengan kode '{code_or_id}' tidak ditemukan.", field="partner")
    return partner
