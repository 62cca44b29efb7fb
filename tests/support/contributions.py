"""Contributions test data: numbered participants and a Pemda partner, through the services."""

from __future__ import annotations

from datetime import date

from branch_desk.services.participants.registry import (
    get_participant,
    register_participant,
    update_participant,
)
from branch_desk.services.participants.rows import ParticipantData
from branch_desk.services.partners.registry import PartnerData, add_partner
from tests.support.offices import Office

VILLAGES = ("73.09.01.2003", "73.09.02.1001", "73.09.03.2003")


def _letters(serial: int) -> str:
    """A name part without digits for `serial` (names may not contain digits)."""
    parts = []
    serial += 1
    while serial:
        serial, rest = divmod(serial - 1, 26)
        parts.append(chr(65 + rest))
    return "".join(reversed(parts)).title() + "wati"


def nik(serial: int, *, district: str = "730901", birth: date = date(1985, 3, 12)) -> str:
    """A well-formed NIK of a man born on `birth`, registered in `district`."""
    return f"{district}{birth:%d%m%y}{serial:04d}"


def person(office: Office, serial: int, *, tmt: date = date(2025, 1, 1),
           segment: str = "BPU", income: int | None = None, partner_code: str | None = None,
           village: str = VILLAGES[0], occupation: str = "petani",
           user: str = "petugas") -> str:
    """Register one participant through the registry service; returns its id."""
    with office.uow(user) as uow:
        row = register_participant(uow, data=ParticipantData(
            nik=nik(serial), name=f"Peserta {_letters(serial)}",
            village_code=village, segment=segment, occupation=occupation, income=income,
            partner_code=partner_code, tmt=tmt), allow_likely_duplicate=True,
            today=date(2025, 6, 16))
        uow.commit()
    return row.id


def pemda(office: Office, code: str = "PEMKAB-MAROS") -> str:
    """A Pemda partner (added by the admin); returns its code."""
    with office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(code=code, name="Pemerintah Kabupaten Maros",
                                          kind="pemkab", region_code="73.09",
                                          head_name="H. A. S. Chaidir Syam",
                                          address="Jl. Asoka No. 1, Maros"))
        uow.commit()
    return code


def change_occupation(office: Office, pid: str, serial: int, occupation: str,
                      today: date = date(2026, 4, 1)) -> None:
    """Edit the occupation of participant `serial` (made by `person`) through the registry."""
    with office.uow("petugas") as uow:
        row = get_participant(uow, pid)
        update_participant(uow, participant_id=pid, expected_version=row.version, today=today,
                           data=ParticipantData(nik=nik(serial), name=row.name,
                                                village_code=row.village_code,
                                                segment=row.segment, occupation=occupation,
                                                tmt=row.tmt))
        uow.commit()
