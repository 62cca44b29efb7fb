"""Duplicate rules at registration: the same NIK is refused, a likely duplicate is shown."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from branch_desk.db.models.participants import Participant
from branch_desk.domain import regions
from branch_desk.domain.duplicates import PersonKey, likely_duplicate_reason
from branch_desk.domain.errors import DuplicateError
from branch_desk.domain.nik import mask_nik
from branch_desk.services.participants.rows import DuplicateCandidate
from branch_desk.services.uow import UnitOfWork


def participant_by_nik(uow: UnitOfWork, nik: str) -> Participant | None:
    """The live participant holding `nik` (the oldest, should a sync have made two)."""
    return uow.session.scalars(select(Participant).where(
        Participant.nik == nik, Participant.deleted.is_(False)).order_by(
        Participant.created_at).limit(1)).first()


def refuse_same_nik(uow: UnitOfWork, nik: str, *, except_id: str | None = None) -> None:
    existing = participant_by_nik(uow, nik)
    if existing is not None and existing.id != except_id:
        raise DuplicateError(
            f"NIK {mask_nik(nik)} sudah terdaftar atas nama {existing.name} (KPJ {existing.kpj}). "
            "Buka data peserta tersebut; NIK yang sama tidak dapat didaftarkan dua kali.",
            existing_id=existing.id, field="nik")


def find_likely_duplicates(uow: UnitOfWork, *, name: str, birth_date: date | None,
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
