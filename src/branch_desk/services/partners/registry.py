"""Partners: regional governments, employers and organisations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from branch_desk.db.models.partners import PARTNER_KINDS, Partner
from branch_desk.domain import regions
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.identifiers import validate_npwp
from branch_desk.domain.permissions import Permission
from branch_desk.services.uow import UnitOfWork

HEAD_TITLES = {"pemprov": "Gubernur", "pemkab": "Bupati", "pemkot": "Wali Kota",
               "pemdes": "Kepala Desa", "employer": "Direktur", "organisation": "Ketua"}


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


def _row(p: Partner) -> PartnerRow:
    region = regions.region(p.region_code)
    return PartnerRow(p.id, p.code, p.name, p.kind, p.region_code,
                      region.name if region else "", p.head_name, p.head_title, p.address,
                      p.phone, p.email, p.contact_person, p.npwp, p.version)


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
    npwp = validate_npwp(data.npwp) if data.npwp.strip() else ""
    return PartnerData(code=code, name=data.name.strip(), kind=data.kind,
                       region_code=region.code, head_name=data.head_name.strip(),
                       head_title=data.head_title.strip() or HEAD_TITLES[data.kind],
                       address=data.address.strip(), phone=data.phone.strip(),
                       email=data.email.strip(), contact_person=data.contact_person.strip(),
                       npwp=npwp)


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
    from branch_desk.services.locking import check_version

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
    stmt = select(Partner).where(Partner.deleted.is_(False)).order_by(Partner.name)
    if kind:
        stmt = stmt.where(Partner.kind == kind)
    return [_row(p) for p in uow.session.scalars(stmt)]


def get_partner(uow: UnitOfWork, code_or_id: str) -> PartnerRow:
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


# --- the partner overview page ----------------------------------------------------------------

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


def _optional(module: str, name: str) -> object | None:
    import importlib

    try:
        return getattr(importlib.import_module(module), name, None)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise


def _unavailable(title: str, columns: tuple[str, ...], area: str) -> OverviewSection:
    return OverviewSection(title, columns, (), 0, False,
                           f"Modul {area} belum tersedia di versi ini.")


def partner_overview(uow: UnitOfWork, code: str, *, limit: int = 200) -> PartnerOverview:
    """A partner with its funded participants, agreements, bills, claims and certificates."""
    from sqlalchemy import func

    from branch_desk.domain.dates import format_date
    from branch_desk.domain.money import format_rupiah

    partner = partner_by_code(uow, code)
    row = _row(partner)
    sections: list[OverviewSection] = []

    columns = ("KPJ", "Nama", "Segmen", "Sumber dana", "TMT", "Status")
    search = _optional("branch_desk.services.participants.queries", "search_participants")
    query_cls = _optional("branch_desk.services.participants.rows", "ParticipantQuery")
    if callable(search) and callable(query_cls):
        from branch_desk.db.models.participants import Participant

        page = search(uow, query_cls(partner_code=partner.code, limit=limit))
        total = uow.session.scalar(select(func.count()).select_from(Participant).where(
            Participant.partner_id == partner.id, Participant.deleted.is_(False))) or 0
        sections.append(OverviewSection("Peserta", columns, tuple(
            (p.kpj, p.name, p.segment, p.funding_source, format_date(p.tmt, "medium"),
             p.status) for p in page.rows), int(total)))
    else:
        sections.append(_unavailable("Peserta", columns, "peserta"))

    from branch_desk.services.partners.agreements import STATUS_LABELS, list_agreements
    agreements = list_agreements(uow, partner_code=partner.code)
    sections.append(OverviewSection(
        "Perjanjian kerja sama", ("Nomor", "Nomor mitra", "Ditandatangani", "Berlaku s.d.",
                                  "Pekerja", "Anggaran", "Status"),
        tuple((a.number, a.partner_number, format_date(a.signed_on, "medium"),
               format_date(a.end_date, "medium"), f"{a.workers:,}".replace(",", "."),
               format_rupiah(a.budget), STATUS_LABELS.get(a.status, a.status))
              for a in agreements), len(agreements)))

    columns = ("Nomor", "Bulan pertama", "Bulan", "Pekerja", "Jumlah", "Status")
    list_bills = _optional("branch_desk.services.contributions.billing", "list_bills")
    if callable(list_bills):
        bills = list_bills(uow, partner_code=partner.code)
        sections.append(OverviewSection("Tagihan", columns, tuple(
            (b.number, format_date(b.first_month, "medium"), str(b.months), str(b.workers),
             format_rupiah(b.total), b.status) for b in bills[:limit]), len(bills)))
    else:
        sections.append(_unavailable("Tagihan", columns, "tagihan iuran"))

    sections.append(_claims_section(uow, partner.id, limit))

    from branch_desk.services.partners.certificates import list_certificates
    certs = list_certificates(uow, partner_code=partner.code)
    sections.append(OverviewSection(
        "Piagam penghargaan", ("Nomor", "Tanggal", "Per tanggal", "Pekerja", "Manfaat dibayar"),
        tuple((c.number, format_date(c.issued_on, "medium"), format_date(c.as_of, "medium"),
               f"{c.workers:,}".replace(",", "."), format_rupiah(c.benefits_paid))
              for c in certs), len(certs)))
    return PartnerOverview(row, tuple(sections))


def _claims_section(uow: UnitOfWork, partner_id: str, limit: int) -> OverviewSection:
    from branch_desk.domain.dates import format_date
    from branch_desk.domain.money import format_rupiah

    columns = ("Nomor", "Jenis", "Peserta", "Diajukan", "Status", "Jumlah")
    claim_model = _optional("branch_desk.db.models.claims", "Claim")
    if claim_model is None or not hasattr(claim_model, "__table__"):
        return _unavailable("Klaim", columns, "klaim")
    from sqlalchemy import func

    from branch_desk.db.models.participants import Participant

    claim: Any = claim_model
    stmt = (select(claim.number, claim.claim_type, Participant.name, claim.filed_on,
                   claim.status, claim.total_amount)
            .join(Participant, Participant.id == claim.participant_id)
            .where(claim.partner_id == partner_id, claim.deleted.is_(False))
            .order_by(claim.filed_on.desc(), claim.number.desc()).limit(limit))
    rows = tuple((n, t, name, format_date(f, "medium"), s, format_rupiah(int(a)))
                 for n, t, name, f, s, a in uow.session.execute(stmt))
    total = uow.session.scalar(select(func.count()).select_from(claim).where(
        claim.partner_id == partner_id, claim.deleted.is_(False))) or 0
    return OverviewSection("Klaim", columns, rows, int(total))
