"""Participant registry: registering, editing, deactivating and finding participants, and
the duplicate rules at registration (the same NIK is refused, a likely duplicate is shown).

Public entry points other areas call: `register_participant`, `find_participant`,
`update_participant` (and `edit_participant`, the officer's correction of some fields),
`correct_nik`, `deactivate_participant`, `reactivate_participant`, `record_death` (what a
paid death claim calls), `declare_death`, `reveal_nik`; the rules they apply are
`domain.registration`; list queries live in `participants.queries`, the Pemda import in
`participants.importing`.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date

from sqlalchemy import select

from branch_desk.db import numbering, recording
from branch_desk.db.models.participants import Enrolment, Heir, Participant
from branch_desk.db.models.partners import Partner
from branch_desk.domain import regions, registration
from branch_desk.domain.duplicates import PersonKey, likely_duplicate_reason
from branch_desk.domain.errors import DuplicateError, NotFound, ValidationError
from branch_desk.domain.identifiers import format_kpj, office_number_from_code
from branch_desk.domain.nik import Nik, NikError, mask_nik, parse_nik
from branch_desk.domain.occupations import match_occupation
from branch_desk.domain.permissions import Permission
from branch_desk.domain.text import clean_name, clean_number, fold
from branch_desk.services import clock
from branch_desk.services.locking import check_version
from branch_desk.services.participants.rows import (
    DuplicateCandidate,
    HeirData,
    LikelyDuplicateError,
    ParticipantChanges,
    ParticipantData,
    ParticipantRow,
)
from branch_desk.services.partners.registry import partner_by_code
from branch_desk.services.uow import UnitOfWork


def _partner(uow: UnitOfWork, code: str | None) -> Partner | None:
    return partner_by_code(uow, code) if code else None


def _values(uow: UnitOfWork, data: ParticipantData, *, today: date,
            allow_nik_mismatch: bool = False) -> dict[str, object]:
    """The column values of the participant `data` describes (without KPJ), checked by the
    registration rules (`domain.registration`)."""
    checked = registration.check_registration(
        nik=data.nik, name=data.name, birth_date=data.birth_date, sex=data.sex,
        segment=data.segment, programs=data.programs, income=data.income, tmt=data.tmt,
        today=today, allow_nik_mismatch=allow_nik_mismatch)
    partner = _partner(uow, data.partner_code)
    funding = registration.funding_source(data.funding_source,
                                          partner_kind=partner.kind if partner else None)
    return {
        "nik": checked.nik, "name": checked.name, "name_search": fold(checked.name),
        "birth_date": checked.birth_date, "sex": checked.sex,
        "address": clean_name(data.address),
        "village_code": registration.village_code(data.village_code),
        "phone": clean_number(data.phone)[:40],
        "occupation": match_occupation(data.occupation)[:100], "segment": checked.segment,
        "funding_source": funding, "partner_id": partner.id if partner else None,
        "income": checked.income, "tmt": checked.tmt, "programs": " ".join(checked.programs),
    }


def _heir_values(heir: HeirData, today: date) -> dict[str, str]:
    return asdict(registration.check_heir(
        name=heir.name, relationship=heir.relationship, nik=heir.nik, phone=heir.phone,
        bank_account=heir.bank_account, today=today))


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
    today = today or clock.today()
    values = _values(uow, data, today=today, allow_nik_mismatch=allow_nik_mismatch)
    _refuse_same_nik(uow, str(values["nik"]))
    if not allow_likely_duplicate:
        candidates = _likely_duplicates(uow, name=str(values["name"]),
                                            birth_date=values["birth_date"],  # type: ignore[arg-type]
                                            village_code=str(values["village_code"]))
        if candidates:
            first = candidates[0]
            raise LikelyDuplicateError(
                f"Kemungkinan peserta yang sama sudah terdaftar: {first.name} (KPJ {first.kpj}, "
                f"{first.reason}). Periksa dulu; simpan hanya bila memang orang yang berbeda.",
                candidates=candidates)
    heirs = [_heir_values(h, today) for h in data.heirs]
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
    return _participant_row(uow, participant)


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
    """Edit a participant's data, programmes and heirs; the change goes to the history.
    `data.nik` must be the stored NIK (or empty): a NIK is changed only by `correct_nik`."""
    actor = uow.actor_required
    actor.require(Permission.EDIT_PARTICIPANTS)
    today = today or clock.today()
    participant = _load(uow, participant_id)
    check_version(participant, expected_version, "peserta")
    if not clean_number(data.nik):
        data = replace(data, nik=participant.nik)
    elif clean_number(data.nik) != participant.nik:
        raise ValidationError("NIK tidak diubah lewat ubah data; gunakan Koreksi NIK (oleh "
                              "kepala cabang, dengan alasan).", field="nik")
    values = _values(uow, data, today=today, allow_nik_mismatch=allow_nik_mismatch)
    _refuse_same_nik(uow, str(values["nik"]), except_id=participant.id)
    for key, value in values.items():
        if getattr(participant, key) != value:
            setattr(participant, key, value)
    if participant.status == "aktif":
        _sync_enrolments(uow, participant, tuple(str(values["programs"]).split()),
                         start=today, end=today)
    _set_heirs(uow, participant, data.heirs, today=today)
    uow.flush()
    return _participant_row(uow, participant)


def _stored_data(uow: UnitOfWork, p: Participant) -> ParticipantData:
    """A participant's stored values as the input `update_participant` takes."""
    heirs = tuple(HeirData(h.name, h.relationship, h.nik, h.phone, h.bank_account)
                  for h in uow.session.scalars(select(Heir).where(
                      Heir.participant_id == p.id, Heir.deleted.is_(False))
                      .order_by(Heir.created_at)))
    partner_code = uow.session.scalar(select(Partner.code).where(
        Partner.id == p.partner_id)) if p.partner_id else None
    return ParticipantData(
        nik=p.nik, name=p.name, village_code=p.village_code, birth_date=p.birth_date, sex=p.sex,
        segment=p.segment, occupation=p.occupation, address=p.address, phone=p.phone,
        partner_code=partner_code, funding_source=p.funding_source,
        programs=frozenset(p.programs.split()), income=p.income, tmt=p.tmt, heirs=heirs)


def edit_participant(uow: UnitOfWork, *, participant_id: str, changes: ParticipantChanges,
                     expected_version: int | None = None,
                     today: date | None = None) -> ParticipantRow:
    """Correct some of a participant's data (None in `changes` keeps a value): checked as at
    registration (`update_participant`), with the version the officer loaded (None: the
    stored one, for a command that reads and writes in one go). A new funding partner
    brings its default funding source. An inactive participant's record can be completed;
    the status and the enrolments stay as they are."""
    uow.actor_required.require(Permission.EDIT_PARTICIPANTS)
    participant = _load(uow, participant_id)
    data = _stored_data(uow, participant)
    given = {k: v for k, v in asdict(changes).items() if v is not None}
    if "partner_code" in given:
        given["partner_code"] = given["partner_code"].strip() or None
        if given["partner_code"] != data.partner_code:
            given["funding_source"] = None
    data = replace(data, **given)
    if data.village_code == "" and "village_code" not in given:
        raise ValidationError("Desa/kelurahan peserta ini belum diisi; pilih desanya sekalian "
                              "dengan perubahan ini.", field="village_code")
    version = participant.version if expected_version is None else expected_version
    return update_participant(uow, participant_id=participant_id, data=data,
                              expected_version=version, today=today,
                              allow_nik_mismatch=data.birth_date == participant.birth_date
                              and data.sex == participant.sex)


def correct_nik(uow: UnitOfWork, *, participant_id: str, new_nik: str, reason: str,
                expected_version: int | None = None,
                today: date | None = None) -> ParticipantRow:
    """Correct a participant's NIK (a supervisor, with a reason): the new NIK passes the NIK
    checks (`domain.nik`) and belongs to no other participant. Birth date and sex that were
    read from the old NIK follow the new one; typed ones stay. The history shows both NIKs
    masked with the reason (`correct_nik` event)."""
    actor = uow.actor_required
    actor.require(Permission.CORRECT_NIK)
    today = today or clock.today()
    why = registration.status_reason(reason, what="koreksi NIK")
    participant = _load(uow, participant_id)
    if expected_version is not None:
        check_version(participant, expected_version, "peserta")
    new = parse_nik(new_nik, today=today)
    old = participant.nik
    if new.value == old:
        raise ValidationError("NIK baru sama dengan NIK yang tercatat.", field="nik")
    _refuse_same_nik(uow, new.value, except_id=participant.id)
    try:
        before: Nik | None = parse_nik(old, regions=False, today=today)
    except NikError:
        before = None
    if before is not None and \
            (participant.birth_date, participant.sex) == (before.birth_date, before.sex):
        participant.birth_date, participant.sex = new.birth_date, new.sex
    participant.nik = new.value
    uow.flush()  # the row's change first, then the event that explains it
    recording.record_event(uow.session, actor, "correct_nik", table="participants",
                           row_id=participant.id, note=why[:300],
                           details={"nik": [mask_nik(old), mask_nik(new.value)]})
    uow.flush()
    return _participant_row(uow, participant)


def _set_heirs(uow: UnitOfWork, participant: Participant, heirs: tuple[HeirData, ...], *,
               today: date) -> None:
    """Make the live heirs equal to `heirs` (matched by name and relationship)."""
    wanted = [_heir_values(h, today) for h in heirs]
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


def _effective(on: date | None) -> date:
    """The date a status change takes effect: today, or a day already past."""
    today = clock.today()
    if on is not None and on > today:
        raise ValidationError("Tanggal berlaku tidak boleh di masa depan.", field="on")
    return on or today


def deactivate_participant(uow: UnitOfWork, *, participant_id: str, reason: str,
                           expected_version: int, on: date | None = None) -> ParticipantRow:
    """Set a participant inactive with a reason; live enrolments end on `on`."""
    uow.actor_required.require(Permission.DEACTIVATE_PARTICIPANTS)
    reason = registration.deactivation_reason(reason)
    participant = _load(uow, participant_id)
    check_version(participant, expected_version, "peserta")
    if participant.status == "nonaktif":
        raise ValidationError("Peserta ini sudah nonaktif.", field="status")
    on = _effective(on)
    participant.status, participant.status_reason = "nonaktif", reason[:300]
    _sync_enrolments(uow, participant, (), start=on, end=on)
    uow.flush()
    return _participant_row(uow, participant)


def reactivate_participant(uow: UnitOfWork, *, participant_id: str, reason: str,
                           expected_version: int, on: date | None = None) -> ParticipantRow:
    """Make an inactive participant active again; enrolments restart on `on`."""
    uow.actor_required.require(Permission.DEACTIVATE_PARTICIPANTS)
    reason = registration.status_reason(reason, what="pengaktifan kembali")
    participant = _load(uow, participant_id)
    check_version(participant, expected_version, "peserta")
    if participant.status == "aktif":
        raise ValidationError("Peserta ini sudah aktif.", field="status")
    on = _effective(on)
    participant.status, participant.status_reason = "aktif", reason[:300]
    _sync_enrolments(uow, participant, tuple(participant.programs.split()), start=on, end=on)
    uow.flush()
    return _participant_row(uow, participant)


def record_death(uow: UnitOfWork, *, participant_id: str, died_on: date, reason: str,
                 today: date | None = None) -> ParticipantRow:
    """Record that a participant died on `died_on`: inactive from that date (live
    enrolments, and any that ran past it, end on `died_on`), the status reason reads
    "Meninggal dunia dd-mm-yyyy: reason". The one function for a death: the detail window
    and `participants death` call it through `declare_death` (a supervisor's step); paying
    a death claim (JKM, or JKK with death) calls it directly, as the petugas who pays the
    claim (RECORD_DEATHS goes with PAY_CLAIMS). A death already recorded is refused."""
    uow.actor_required.require(Permission.RECORD_DEATHS)
    participant = _load(uow, participant_id)
    if registration.is_deceased(participant.status, participant.status_reason):
        raise ValidationError(f"Kematian peserta ini sudah tercatat ({participant.status_reason}).",
                              field="status")
    why = registration.death_reason(died_on, reason, birth_date=participant.birth_date,
                                    today=today or clock.today())
    participant.status, participant.status_reason = "nonaktif", why[:300]
    for enrolment in uow.session.scalars(select(Enrolment).where(
            Enrolment.participant_id == participant.id, Enrolment.deleted.is_(False))):
        if enrolment.end_date is None or enrolment.end_date > died_on:
            enrolment.end_date = max(died_on, enrolment.start_date)
    uow.flush()
    return _participant_row(uow, participant)


def declare_death(uow: UnitOfWork, *, participant_id: str, died_on: date, reason: str,
                  expected_version: int | None = None,
                  today: date | None = None) -> ParticipantRow:
    """An officer's record of a death (the detail window, `participants death`): a
    supervisor's step like a deactivation, checked against the version they loaded."""
    uow.actor_required.require(Permission.DEACTIVATE_PARTICIPANTS)
    if expected_version is not None:
        check_version(_load(uow, participant_id), expected_version, "peserta")
    return record_death(uow, participant_id=participant_id, died_on=died_on, reason=reason,
                        today=today)


# --- reading ----------------------------------------------------------------------------------


def _participant_row(uow: UnitOfWork, p: Participant) -> ParticipantRow:
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
    text = nik_or_kpj.strip()
    key = clean_number(text)
    found = uow.session.get(Participant, text) if len(text) == 36 else None
    if found is not None and found.deleted:
        found = None
    elif found is None and len(key) == 16 and key.isdigit():
        found = _by_nik(uow, key)
    elif found is None and len(key) == 11 and key.isdigit():
        found = uow.session.scalar(select(Participant).where(
            Participant.kpj == key, Participant.deleted.is_(False)))
    if found is None:
        raise NotFound(f"Peserta dengan NIK/KPJ '{nik_or_kpj.strip()}' tidak ditemukan.",
                       field="nik_or_kpj")
    return found


def find_participant(uow: UnitOfWork, nik_or_kpj: str) -> ParticipantRow:
    """The participant with this NIK (16 digits), KPJ (11 digits) or id; NotFound else."""
    uow.reader()
    return _participant_row(uow, _lookup(uow, nik_or_kpj))


def get_participant(uow: UnitOfWork, participant_id: str) -> ParticipantRow:
    uow.reader()
    return _participant_row(uow, _load(uow, participant_id))


def reveal_nik(uow: UnitOfWork, participant_id: str) -> str:
    """The full NIK, for roles allowed to see it; the view is audited (`view_nik`).
    Call in a writing unit of work and commit, or the audit entry is lost."""
    actor = uow.actor_required
    actor.require(Permission.VIEW_FULL_NIK)
    participant = _load(uow, participant_id)
    recording.record_event(uow.session, actor, "view_nik", table="participants",
                           row_id=participant.id, note=f"KPJ {participant.kpj}")
    return participant.nik


# --- duplicates: the same NIK is refused, a likely duplicate is shown --------------------------


def _by_nik(uow: UnitOfWork, nik: str) -> Participant | None:
    """The live participant holding `nik` (the oldest, should a sync have made two)."""
    return uow.session.scalars(select(Participant).where(
        Participant.nik == nik, Participant.deleted.is_(False)).order_by(
        Participant.created_at).limit(1)).first()


def _refuse_same_nik(uow: UnitOfWork, nik: str, *, except_id: str | None = None) -> None:
    existing = _by_nik(uow, nik)
    if existing is not None and existing.id != except_id:
        raise DuplicateError(
            f"NIK {mask_nik(nik)} sudah terdaftar atas nama {existing.name} (KPJ {existing.kpj}). "
            "Buka data peserta tersebut; NIK yang sama tidak dapat didaftarkan dua kali.",
            existing_id=existing.id, field="nik")


def _likely_duplicates(uow: UnitOfWork, *, name: str, birth_date: date | None,
                           village_code: str, except_id: str | None = None,
                           limit: int = 10) -> tuple[DuplicateCandidate, ...]:
    """Existing participants that are probably this person (domain.duplicates rules)."""
    new = PersonKey(name, birth_date, village_code)
    cols = (Participant.id, Participant.kpj, Participant.name, Participant.birth_date,
            Participant.village_code, Participant.nik)
    live = Participant.deleted.is_(False)
    rows = []
    if birth_date is not None:
        rows += uow.session.execute(select(*cols).where(
            live, Participant.birth_date == birth_date)).all()
    if village_code:
        rows += uow.session.execute(select(*cols).where(
            live, Participant.village_code == village_code)).all()
    found: dict[str, DuplicateCandidate] = {}
    for pid, kpj, pname, born, village, nik in rows:
        if pid == except_id or pid in found:
            continue
        reason = likely_duplicate_reason(new, PersonKey(pname, born, village))
        if reason:
            region = regions.region(village)
            found[pid] = DuplicateCandidate(pid, kpj, pname, born, region.name if region else "",
                                            mask_nik(nik), reason)
        if len(found) >= limit:
            break
    return tuple(found.values())
