"""Participant registry: registering, editing, deactivating and finding participants.

Public entry points other areas call: `register_participant`, `find_participant`,
`update_participant`, `deactivate_participant`, `reveal_nik`; list queries live in
`participant_queries`, the Pemda import in `participant_import`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from branch_desk.db import numbering, recording
from branch_desk.db.base import utcnow
from branch_desk.db.models.participants import Enrolment, Heir, Participant
from branch_desk.db.models.partners import Partner
from branch_desk.domain import regions
from branch_desk.domain.dates import to_local
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.identifiers import clean_number, format_kpj, office_number_from_code
from branch_desk.domain.nik import mask_nik, parse_nik
from branch_desk.domain.occupations import match_occupation
from branch_desk.domain.permissions import Permission
from branch_desk.domain.programs import FundingSource, Program, Segment, program_problems
from branch_desk.domain.text import clean_name, fold
from branch_desk.services.locking import check_version
from branch_desk.services.participants.duplicates import (
    find_likely_duplicates,
    participant_by_nik,
    refuse_same_nik,
)
from branch_desk.services.participants.rows import (
    HeirData,
    LikelyDuplicateError,
    ParticipantData,
    ParticipantRow,
)
from branch_desk.services.uow import UnitOfWork

BPU_INCOME_FLOOR = 1_000_000  # DOMAIN §2.2 [C] S13, S14
PROGRAM_ORDER = ("JKK", "JKM", "JHT", "JP", "JKP")
DEFAULT_PROGRAMS = {"PU": ("JKK", "JKM", "JHT", "JP"), "BPU": ("JKK", "JKM"),
                    "JAKON": ("JKK", "JKM"), "PMI": ("JKK", "JKM")}
PEMDA_KINDS = frozenset({"pemprov", "pemkab", "pemkot", "pemdes"})
RELATIONSHIPS = ("suami", "istri", "anak", "ayah", "ibu", "saudara kandung", "kakek", "nenek",
                 "cucu", "mertua", "lainnya")


def today_local() -> date:
    """Today in the office's zone (WITA)."""
    return to_local(utcnow()).date()


# --- validation ------------------------------------------------------------------------------


def nik_mismatches(nik: str, birth_date: date | None, sex: str | None, *,
                   today: date | None = None) -> list[str]:
    """What the officer entered that disagrees with the NIK (Indonesian), for the form."""
    decoded = parse_nik(nik, regions=False, today=today)
    problems = []
    if birth_date is not None and birth_date != decoded.birth_date:
        problems.append(f"Tanggal lahir {birth_date:%d-%m-%Y} tidak sama dengan tanggal lahir "
                        f"pada NIK ({decoded.birth_date:%d-%m-%Y}).")
    if sex and sex != decoded.sex:
        problems.append(f"Jenis kelamin {sex} tidak sama dengan NIK ({decoded.sex}: tanggal "
                        f"lahir {'ditambah 40' if decoded.sex == 'P' else 'tanpa tambahan 40'}).")
    return problems


def ordered_programs(programs: frozenset[str] | set[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in PROGRAM_ORDER if p in programs)


def _village(code: str) -> str:
    if not code or not code.strip():
        raise ValidationError("Desa/kelurahan wajib dipilih.", field="village_code")
    try:
        found = regions.region(code)
    except ValidationError as exc:
        raise ValidationError(exc.message, field="village_code") from None
    if found is None or found.level != "desa":
        raise ValidationError(f"Kode desa/kelurahan '{code}' tidak ada dalam daftar wilayah "
                              "Kemendagri.", field="village_code")
    return found.code


def _partner(uow: UnitOfWork, code: str | None) -> Partner | None:
    if not code:
        return None
    from branch_desk.services.partners.registry import partner_by_code

    return partner_by_code(uow, code)


def validate(uow: UnitOfWork, data: ParticipantData, *, today: date,
             allow_nik_mismatch: bool = False) -> dict[str, object]:
    """Clean and check `data`; the column values of the participant (without KPJ)."""
    decoded = parse_nik(data.nik, today=today)
    name = clean_name(data.name)
    if not name:
        raise ValidationError("Nama peserta wajib diisi.", field="name")
    if any(ch.isdigit() for ch in name):
        raise ValidationError(f"Nama '{name}' berisi angka; periksa kembali.", field="name")
    if data.sex is not None and data.sex not in ("L", "P"):
        raise ValidationError("Jenis kelamin harus L atau P.", field="sex")
    if not allow_nik_mismatch:
        problems = nik_mismatches(decoded.value, data.birth_date, data.sex, today=today)
        if problems:
            field = "birth_date" if data.birth_date not in (None, decoded.birth_date) \
                else "sex"
            raise ValidationError(" ".join(problems) + " Periksa KTP.", field=field)
    birth = data.birth_date or decoded.birth_date
    if birth > today:
        raise ValidationError("Tanggal lahir tidak boleh di masa depan.", field="birth_date")
    try:
        segment = Segment(data.segment.strip().upper())
    except ValueError:
        raise ValidationError(f"Segmen '{data.segment}' tidak dikenal; pilih PU, BPU, JAKON "
                              "atau PMI.", field="segment") from None
    programs = data.programs if data.programs is not None else frozenset(
        DEFAULT_PROGRAMS[segment.value])
    try:
        as_programs = frozenset(Program(p.strip().upper()) for p in programs)
    except ValueError:
        raise ValidationError(f"Program tidak dikenal: {', '.join(sorted(programs))}.",
                              field="programs") from None
    problems = program_problems(segment, as_programs)
    if problems:
        raise ValidationError(" ".join(problems), field="programs")
    if data.income is None:
        if segment is not Segment.BPU:
            raise ValidationError("Upah sebulan wajib diisi untuk segmen ini.", field="income")
        income = BPU_INCOME_FLOOR
    else:
        income = int(data.income)
        if income <= 0:
            raise ValidationError("Penghasilan/upah harus lebih dari Rp0.", field="income")
    tmt = data.tmt or today
    if tmt > today:
        raise ValidationError("Tanggal mulai kepesertaan (TMT) tidak boleh di masa depan.",
                              field="tmt")
    if tmt < birth:
        raise ValidationError("TMT tidak boleh sebelum tanggal lahir.", field="tmt")
    partner = _partner(uow, data.partner_code)
    funding = data.funding_source
    if funding is None:
        funding = ("APBD" if partner is not None and partner.kind in PEMDA_KINDS
                   else "EMPLOYER" if partner is not None and partner.kind == "employer"
                   else "CSR" if partner is not None else "MANDIRI")
    try:
        funding = FundingSource(funding.strip().upper()).value
    except ValueError:
        raise ValidationError(f"Sumber dana '{funding}' tidak dikenal.",
                              field="funding_source") from None
    if funding != "MANDIRI" and partner is None:
        raise ValidationError("Sumber dana selain mandiri memerlukan mitra pendana.",
                              field="partner_code")
    return {
        "nik": decoded.value, "name": name, "name_search": fold(name), "birth_date": birth,
        "sex": data.sex or decoded.sex, "address": clean_name(data.address),
        "village_code": _village(data.village_code), "phone": clean_number(data.phone)[:40],
        "occupation": match_occupation(data.occupation)[:100], "segment": segment.value,
        "funding_source": funding, "partner_id": partner.id if partner else None,
        "income": income, "tmt": tmt, "programs": " ".join(ordered_programs(
            {p.value for p in as_programs})),
    }


def _heir_values(heir: HeirData) -> dict[str, str]:
    name = clean_name(heir.name)
    if not name:
        raise ValidationError("Nama ahli waris wajib diisi.", field="heirs")
    relationship = heir.relationship.strip().lower()
    if relationship not in RELATIONSHIPS:
        raise ValidationError(f"Hubungan ahli waris '{heir.relationship}' tidak dikenal; pilih "
                              f"salah satu: {', '.join(RELATIONSHIPS)}.", field="heirs")
    nik = parse_nik(heir.nik, regions=False).value if heir.nik.strip() else ""
    return {"name": name, "relationship": relationship, "nik": nik,
            "phone": clean_number(heir.phone)[:40], "bank_account": heir.bank_account.strip()}


# --- writing ----------------------------------------------------------------------------------


def new_kpj(uow: UnitOfWork, count: int = 1) -> list[str]:
    """`count` fresh KPJ numbers of this office."""
    office = office_number_from_code(uow.actor_required.office)
    first = numbering.next_number(uow.session, "KPJ", count)
    return [format_kpj(office, n) for n in range(first, first + count)]


def register_participant(uow: UnitOfWork, *, data: ParticipantData,
                         allow_likely_duplicate: bool = False, today: date | None = None,
                         allow_nik_mismatch: bool = False) -> ParticipantRow:
    """Register a participant, enrol them and assign a KPJ number.

    Refuses a NIK already registered (DuplicateError with `existing_id`); holds back a
    likely duplicate (LikelyDuplicateError with `candidates`) unless the officer chose
    `allow_likely_duplicate`.
    """
    actor = uow.actor_required
    actor.require(Permission.REGISTER_PARTICIPANTS)
    today = today or today_local()
    values = validate(uow, data, today=today, allow_nik_mismatch=allow_nik_mismatch)
    refuse_same_nik(uow, str(values["nik"]))
    if not allow_likely_duplicate:
        candidates = find_likely_duplicates(uow, name=str(values["name"]),
                                            birth_date=values["birth_date"],  # type: ignore[arg-type]
                                            village_code=str(values["village_code"]))
        if candidates:
            first = candidates[0]
            raise LikelyDuplicateError(
                f"Kemungkinan peserta yang sama sudah terdaftar: {first.name} (KPJ {first.kpj}, "
                f"{first.reason}). Periksa dulu; simpan hanya bila memang orang yang berbeda.",
                candidates=candidates)
    heirs = [_heir_values(h) for h in data.heirs]
    participant = Participant(**values, kpj=new_kpj(uow)[0], registered_on=today,
                              status="aktif", status_reason="")
    uow.session.add(participant)
    uow.session.flush()
    for program in str(values["programs"]).split():
        uow.session.add(Enrolment(participant_id=participant.id, program=program,
                                  start_date=values["tmt"]))
    for heir in heirs:
        uow.session.add(Heir(participant_id=participant.id, **heir))
    uow.flush()
    return participant_row(uow, participant)


def _load(uow: UnitOfWork, participant_id: str) -> Participant:
    participant = uow.session.get(Participant, participant_id)
    if participant is None or participant.deleted:
        raise NotFound("Peserta tidak ditemukan.", field="participant")
    return participant


def _sync_enrolments(uow: UnitOfWork, participant: Participant, programs: tuple[str, ...],
                     *, start: date, end: date) -> None:
    live = {e.program: e for e in uow.session.scalars(select(Enrolment).where(
        Enrolment.participant_id == participant.id, Enrolment.deleted.is_(False),
        Enrolment.end_date.is_(None)))}
    for program, enrolment in live.items():
        if program not in programs:
            enrolment.end_date = end
    for program in programs:
        if program not in live:
            uow.session.add(Enrolment(participant_id=participant.id, program=program,
                                      start_date=start))


def update_participant(uow: UnitOfWork, *, participant_id: str, data: ParticipantData,
                       expected_version: int, today: date | None = None,
                       allow_nik_mismatch: bool = False) -> ParticipantRow:
    """Edit a participant's data, programmes and heirs; the change goes to the history."""
    actor = uow.actor_required
    actor.require(Permission.EDIT_PARTICIPANTS)
    today = today or today_local()
    participant = _load(uow, participant_id)
    check_version(participant, expected_version, "peserta")
    values = validate(uow, data, today=today, allow_nik_mismatch=allow_nik_mismatch)
    refuse_same_nik(uow, str(values["nik"]), except_id=participant.id)
    for key, value in values.items():
        if getattr(participant, key) != value:
            setattr(participant, key, value)
    if participant.status == "aktif":
        _sync_enrolments(uow, participant, tuple(str(values["programs"]).split()),
                         start=today, end=today)
    set_heirs(uow, participant, data.heirs)
    uow.flush()
    return participant_row(uow, participant)


def set_heirs(uow: UnitOfWork, participant: Participant, heirs: tuple[HeirData, ...]) -> None:
    """Make the live heirs equal to `heirs` (matched by name and relationship)."""
    wanted = [_heir_values(h) for h in heirs]
    existing = list(uow.session.scalars(select(Heir).where(
        Heir.participant_id == participant.id, Heir.deleted.is_(False))))
    by_key = {(h.name.casefold(), h.relationship): h for h in existing}
    kept = set()
    for values in wanted:
        heir = by_key.get((values["name"].casefold(), values["relationship"]))
        if heir is None:
            uow.session.add(Heir(participant_id=participant.id, **values))
            continue
        kept.add(heir.id)
        for key, value in values.items():
            if getattr(heir, key) != value:
                setattr(heir, key, value)
    for heir in existing:
        if heir.id not in kept:
            heir.deleted = True


def deactivate_participant(uow: UnitOfWork, *, participant_id: str, reason: str,
                           expected_version: int, on: date | None = None) -> ParticipantRow:
    """Set a participant inactive with a reason; live enrolments end on `on`."""
    uow.actor_required.require(Permission.DEACTIVATE_PARTICIPANTS)
    reason = clean_name(reason)
    if len(reason) < 5:
        raise ValidationError("Alasan penonaktifan wajib diisi (minimal 5 huruf).",
                              field="reason")
    participant = _load(uow, participant_id)
    check_version(participant, expected_version, "peserta")
    if participant.status == "nonaktif":
        raise ValidationError("Peserta ini sudah nonaktif.", field="status")
    on = on or today_local()
    participant.status, participant.status_reason = "nonaktif", reason[:300]
    _sync_enrolments(uow, participant, (), start=on, end=on)
    uow.flush()
    return participant_row(uow, participant)


def reactivate_participant(uow: UnitOfWork, *, participant_id: str, reason: str,
                           expected_version: int, on: date | None = None) -> ParticipantRow:
    """Make an inactive participant active again; enrolments restart on `on`."""
    uow.actor_required.require(Permission.DEACTIVATE_PARTICIPANTS)
    participant = _load(uow, participant_id)
    check_version(participant, expected_version, "peserta")
    if participant.status == "aktif":
        raise ValidationError("Peserta ini sudah aktif.", field="status")
    on = on or today_local()
    participant.status, participant.status_reason = "aktif", clean_name(reason)[:300]
    _sync_enrolments(uow, participant, tuple(participant.programs.split()), start=on, end=on)
    uow.flush()
    return participant_row(uow, participant)


# --- reading ----------------------------------------------------------------------------------


def participant_row(uow: UnitOfWork, p: Participant) -> ParticipantRow:
    partner_code = None
    if p.partner_id:
        partner_code = uow.session.scalar(select(Partner.code).where(Partner.id == p.partner_id))
    region = regions.region(p.village_code) if p.village_code else None
    return ParticipantRow(
        p.id, p.kpj, mask_nik(p.nik), p.name, p.birth_date, p.sex, p.village_code,
        region.name if region else "", p.address, p.phone, p.occupation, p.segment,
        p.funding_source, partner_code, tuple(p.programs.split()), p.income, p.tmt,
        p.registered_on, p.status, p.status_reason, p.version)


def _lookup(uow: UnitOfWork, nik_or_kpj: str) -> Participant:
    key = clean_number(nik_or_kpj)
    found = None
    if len(key) == 16 and key.isdigit():
        found = participant_by_nik(uow, key)
    elif len(key) == 11 and key.isdigit():
        found = uow.session.scalar(select(Participant).where(
            Participant.kpj == key, Participant.deleted.is_(False)))
    elif len(key) == 36:
        found = uow.session.get(Participant, key)
        found = None if found is None or found.deleted else found
    if found is None:
        raise NotFound(f"Peserta dengan NIK/KPJ '{nik_or_kpj.strip()}' tidak ditemukan.",
                       field="nik_or_kpj")
    return found


def find_participant(uow: UnitOfWork, nik_or_kpj: str) -> ParticipantRow:
    """The participant with this NIK (16 digits), KPJ (11 digits) or id; NotFound else."""
    return participant_row(uow, _lookup(uow, nik_or_kpj))


def get_participant(uow: UnitOfWork, participant_id: str) -> ParticipantRow:
    return participant_row(uow, _load(uow, participant_id))


def reveal_nik(uow: UnitOfWork, participant_id: str) -> str:
    """The full NIK, for roles allowed to see it; the view is audited (`view_nik`).
    Call in a writing unit of work and commit, or the audit entry is lost."""
    actor = uow.actor_required
    actor.require(Permission.VIEW_FULL_NIK)
    participant = _load(uow, participant_id)
    recording.record_event(uow.session, actor, "view_nik", table="participants",
                           row_id=participant.id, note=f"KPJ {participant.kpj}")
    return participant.nik
