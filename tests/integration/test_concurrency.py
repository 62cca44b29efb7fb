"""Several workstations at once, as separate PROCESSES on one database (SQLite file or
PostgreSQL): numbers are never handed out twice, and an edit based on an old copy of a record
is refused with a clear message instead of overwriting the other officer's work."""

from __future__ import annotations

import multiprocessing as mp
import traceback
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from branch_desk.db.models.agreements import Agreement
from branch_desk.db.models.claims import Claim
from branch_desk.db.models.contributions import ContributionEntry
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import ParticipantData
from branch_desk.services.partners.registry import PartnerData, add_partner, get_partner

WORKERS = 4
ROUNDS = 3  # each worker: ROUNDS × (registration, payment, claim, agreement)
TODAY = date(2025, 6, 16)
MAROS = PartnerData(code="PEMKAB-MAROS", name="Pemerintah Kabupaten Maros", kind="pemkab",
                    region_code="73.09", head_name="Dr. H.A.S. Chaidir Syam")
CTX = mp.get_context("fork")
FIRST = ("Andi", "Baso", "Sitti", "Nur", "Muhammad", "Hasnah", "Daeng", "Rahmat")
LAST = ("Rahman", "Aminah", "Tata", "Sija", "Basri", "Makkasau", "Syam", "Latif")


def _name(worker: int, item: int) -> str:
    return f"{FIRST[worker % 8]} {LAST[item % 8]} {LAST[(worker + item) % 8]}"


def _nik(worker: int, item: int) -> str:
    # Maros (73.09.01), born 1 Jan 1980 (+day for variety), serial unique per worker/item.
    return f"730901{1 + item % 28:02d}0180{worker * 100 + item + 1:04d}"


def _actor(name: str, role: str) -> Any:
    from branch_desk.domain.actor import Actor

    return Actor(name, role, "MRS", name.title())


def _workstation(url: str, worker: int, payer_id: str, start: Any, out: Any) -> None:
    """One workstation: registrations, payments, claims and agreements, one transaction each."""
    from branch_desk.db.engine import Database
    from branch_desk.services.claims.data import ClaimData, RecipientData
    from branch_desk.services.claims.workflow import new_claim
    from branch_desk.services.contributions.payments import record_payment
    from branch_desk.services.partners.agreements import AgreementData, new_agreement
    from branch_desk.services.uow import UnitOfWork

    taken: dict[str, list[str]] = {"kpj": [], "receipt": [], "claim": [], "agreement": []}
    try:
        db = Database(url)
        officer = _actor(f"petugas{worker}", "petugas")
        head = _actor(f"kepala{worker}", "supervisor")
        start.wait(timeout=60)
        for i in range(ROUNDS):
            with UnitOfWork(db, officer, write=True) as uow:
                row = register_participant(uow, data=ParticipantData(
                    nik=_nik(worker, 2 * i), name=_name(worker, 2 * i),
                    village_code="73.09.01.1001"), today=TODAY)
                uow.commit()
            taken["kpj"].append(row.kpj)
            with UnitOfWork(db, officer, write=True) as uow:
                month = worker * ROUNDS + i  # each workstation pays its own months
                paid = record_payment(uow, participant_id=payer_id,
                                      first_month=date(2020 + month // 12, month % 12 + 1, 1),
                                      months=1, payer="Uji", paid_on=TODAY)
                uow.commit()
            taken["receipt"].append(paid.number)
            with UnitOfWork(db, officer, write=True) as uow:
                person = register_participant(uow, data=ParticipantData(
                    nik=_nik(worker, 2 * i + 1), name=_name(worker, 2 * i + 1),
                    village_code="73.09.01.1001"), today=TODAY)
                claim = new_claim(uow, data=ClaimData(
                    participant=person.kpj, claim_type="JKM", event_date=date(2025, 6, 1),
                    cause="bukan-kerja",
                    recipients=(RecipientData("Hasnah", "istri", "0123456789", "BRI"),)),
                    today=TODAY)
                uow.commit()
            taken["kpj"].append(person.kpj)
            taken["claim"].append(claim.number)
            with UnitOfWork(db, head, write=True) as uow:
                pks = new_agreement(uow, data=AgreementData(
                    partner_code="PEMKAB-MAROS", signed_on=date(2025, 5, 16), place="Maros",
                    workers=100 + worker))
                uow.commit()
            taken["agreement"].append(pks.number)
        db.dispose()
        out.put((worker, taken, None))
    except BaseException:  # reported to the test, which fails with the traceback
        out.put((worker, taken, traceback.format_exc()))


def _run(procs: list[Any], out: Any, expected: int) -> list[tuple[Any, ...]]:
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in range(expected)]
    for p in procs:
        p.join(timeout=30)
    return results


def test_parallel_workstations_never_share_a_number(office):
    with office.uow("admin") as uow:
        add_partner(uow, data=MAROS)
        uow.commit()
    with office.uow("petugas") as uow:
        payer = register_participant(uow, data=ParticipantData(
            nik="7309014507850099", name="Sitti Pembayar", village_code="73.09.01.1001",
            tmt=date(2020, 1, 1)), today=TODAY)
        uow.commit()
    office.db.dispose()  # no pooled connection crosses the fork
    start, out = CTX.Barrier(WORKERS), CTX.Queue()
    procs = [CTX.Process(target=_workstation, args=(str(office.path), w, payer.id, start, out))
             for w in range(WORKERS)]
    results = _run(procs, out, WORKERS)
    errors = [err for _w, _t, err in results if err]
    assert errors == []
    numbers: dict[str, list[str]] = {}
    for _w, taken, _err in results:
        for kind, values in taken.items():
            numbers.setdefault(kind, []).extend(values)
    per_kind = {"kpj": 2 * WORKERS * ROUNDS, "receipt": WORKERS * ROUNDS,
                "claim": WORKERS * ROUNDS, "agreement": WORKERS * ROUNDS}
    for kind, count in per_kind.items():
        assert len(numbers[kind]) == count, kind
        assert len(set(numbers[kind])) == count, f"{kind} numbers repeated: {numbers[kind]}"
    with office.uow("petugas", write=False) as uow:
        s = uow.session
        assert set(s.scalars(select(Participant.kpj))) >= set(numbers["kpj"])
        assert s.scalar(select(func.count()).select_from(Participant)) == 1 + per_kind["kpj"]
        assert s.scalar(select(func.count(func.distinct(ContributionEntry.number)))) == \
            per_kind["receipt"]
        assert sorted(s.scalars(select(Claim.number))) == sorted(numbers["claim"])
        assert sorted(s.scalars(select(Agreement.number))) == sorted(numbers["agreement"])
    # The series stayed dense: the agreement counter ends where the last number is.
    assert max(int(n.rsplit("/", 1)[1]) for n in numbers["agreement"]) == per_kind["agreement"]


# --- two officers editing the same record --------------------------------------------------

def _edit(url: str, who: str, kind: str, row_id: str, seen: int, value: str,
          first_done: Any, out: Any) -> None:
    """Edit the partner/participant loaded at version `seen`; the first editor holds its
    transaction open (row written, not committed) until the second one has started."""
    import time

    from branch_desk.db.engine import Database
    from branch_desk.domain.errors import ConflictError
    from branch_desk.services.participants.registry import update_participant
    from branch_desk.services.partners.registry import update_partner
    from branch_desk.services.uow import UnitOfWork

    try:
        db = Database(url)
        actor = _actor(who, "supervisor")
        if who == "second":
            first_done.wait(timeout=60)  # the first editor has written, not yet committed
        with UnitOfWork(db, actor, write=True) as uow:
            if kind == "partner":
                partner = uow.session.get(Partner, row_id)
                assert partner is not None
                data = PartnerData(code=partner.code, name=partner.name, kind=partner.kind,
                                   region_code=partner.region_code, head_name=partner.head_name,
                                   phone=value)
                update_partner(uow, partner_id=row_id, data=data, expected_version=seen)
            else:
                person = uow.session.get(Participant, row_id)
                assert person is not None
                data = ParticipantData(nik=person.nik, name=person.name,
                                       village_code=person.village_code, phone=value,
                                       tmt=person.tmt)
                update_participant(uow, participant_id=row_id, data=data,
                                   expected_version=seen, today=TODAY)
            if who == "first":
                first_done.set()
                time.sleep(0.5)  # the second editor reaches its own write meanwhile
            uow.commit()
        out.put((who, "saved", ""))
    except ConflictError as exc:
        out.put((who, "conflict", str(exc)))
    except BaseException:
        out.put((who, "error", traceback.format_exc()))


# On PostgreSQL both editors can be inside their transactions at once: the second passes
# check_version, waits on the first one's row lock, then its UPDATE … WHERE version = :seen
# matches nothing; UnitOfWork turns that StaleDataError into ConflictError.


@pytest.mark.parametrize("kind", ["partner", "participant"])
def test_second_editor_gets_conflict_and_overwrites_nothing(office, kind):
    with office.uow("admin") as uow:
        partner = add_partner(uow, data=replace(MAROS, phone="0411-000"))
        uow.commit()
    with office.uow("petugas") as uow:
        person = register_participant(uow, data=ParticipantData(
            nik="7309014507850001", name="Sitti Aminah", village_code="73.09.01.1001",
            phone="0811-000"), today=TODAY)
        uow.commit()
    row_id, seen = (partner.id, partner.version) if kind == "partner" else (person.id,
                                                                              person.version)
    office.db.dispose()
    first_done, out = CTX.Event(), CTX.Queue()
    procs = [CTX.Process(target=_edit, args=(str(office.path), who, kind, row_id, seen, value,
                                             first_done, out))
             for who, value in (("first", "0811-111"), ("second", "0811-222"))]
    results = {who: (outcome, message) for who, outcome, message in _run(procs, out, 2)}
    assert results["first"] == ("saved", ""), results
    outcome, message = results["second"]
    assert outcome == "conflict", results
    assert "telah diubah" in message and "tidak ada yang ditimpa" in message
    with office.uow("petugas", write=False) as uow:
        if kind == "partner":
            assert get_partner(uow, partner.code).phone == "0811-111"
        else:
            assert uow.session.get(Participant, person.id).phone == "0811111"
