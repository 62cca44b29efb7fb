"""Property: 3–5 offices exchange files in any order while one of them, a trusted insider,
forges — changes claiming another office as origin (signed with its own key), and edits of
identity fields of participants other offices own, planted in its database with sqlite3.
Every forged-origin file is refused whole; the planted edits are applied nowhere; after a
full round of exchanges the honest offices hold identical data and no forged value.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from branch_desk.db.models.core import ChangeEntry
from branch_desk.db.models.participants import Participant
from branch_desk.sync.errors import SyncRejected
from tests.support.forgery import craft, logged, plant_own_change
from tests.support.sync import (
    build_templates,
    close_offices,
    digest,
    export,
    import_,
    open_offices,
)

CODES = ["MRS", "PKJ", "WIL", "BAU", "TRN"]
FORGED = "PALSU"


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("forgery-templates"), CODES)


def _participants(office) -> list[tuple[str, str, str]]:
    with office.uow(write=False) as uow:
        return [(r.id, r.origin_office, r.nik) for r in uow.session.execute(
            select(Participant.id, Participant.origin_office, Participant.nik))]


def _register(office, code: str, n: int) -> None:
    with office.uow() as uow:
        uow.session.add(Participant(
            nik=f"73090145059{n:05d}", kpj=f"{code}{n:08d}", name=f"Peserta {code}",
            name_search=f"peserta {code.lower()}", birth_date=date(1990, 1, 1), sex="L",
            village_code="73.09.01.2001", segment="BPU", tmt=date(2025, 1, 1),
            registered_on=date(2025, 1, 1)))
        uow.commit()


def _step(offices, forger: str, data, folder: Path, counter, outcome: dict) -> None:
    codes = list(offices)
    code = data.draw(st.sampled_from(codes), label="office")
    kind = data.draw(st.sampled_from(["register", "edit", "exchange", "exchange",
                                      "forge_origin", "forge_owned"]), label="step")
    n = next(counter)
    office = offices[code]
    if kind == "register":
        _register(office, code, n)
    elif kind == "edit":
        rows = _participants(office)
        if rows:
            pid = data.draw(st.sampled_from(rows), label="participant")[0]
            with office.uow() as uow:
                uow.session.get(Participant, pid).phone = f"0811-{code}-{n}"
                uow.commit()
    elif kind == "exchange":
        target = data.draw(st.sampled_from([c for c in codes if c != code]), label="to")
        import_(offices[target], Path(export(office, target, folder / f"{n}.bdsync").path))
    elif kind == "forge_origin":
        victim = data.draw(st.sampled_from([c for c in codes if c != forger]), label="as")
        rows = _participants(offices[forger])
        target = data.draw(st.sampled_from([c for c in codes if c != forger]), label="to")
        if not rows:
            return
        pid = data.draw(st.sampled_from(rows), label="participant")[0]
        top = max([e[1] for e in logged(offices[forger]) if e[0] == victim] or [0])
        entry = [victim, top + 1, 10**6 + n, "participants", pid, "update",
                 {"phone": f"{FORGED}-{n}"}, "2025-06-16T03:00:00+00:00", "admin"]
        path = craft(offices[forger], target, [entry], folder / f"forged-{n}.bdsync")
        try:
            import_(offices[target], path)
        except SyncRejected as exc:
            outcome["refused"] += exc.reason in ("provenance", "own_origin")
        else:
            outcome["adopted"] += 1
    else:  # forge_owned: an identity field of another office's participant
        rows = [r for r in _participants(offices[forger]) if r[1] != forger]
        if not rows:
            return
        pid = data.draw(st.sampled_from(rows), label="participant")[0]
        offices[forger].db.dispose()
        plant_own_change(offices[forger].path, forger, "participants", pid,
                         {"nik": f"99{n:014d}", "name": f"{FORGED} {n}"}, lamport=10**6 + n)
        outcome["planted"] += 1


def _settle(offices, folder: Path) -> None:
    for round_ in range(3):
        for a, b in itertools.permutations(offices, 2):
            path = folder / f"settle{round_}-{a}-{b}.bdsync"
            import_(offices[b], Path(export(offices[a], b, path).path))


@settings(max_examples=8, deadline=None, derandomize=False,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_honest_offices_converge_and_never_adopt_a_forgery(templates, tmp_path_factory, data):
    count = data.draw(st.integers(3, 5), label="offices")
    codes = CODES[:count]
    forger = data.draw(st.sampled_from(codes), label="forger")
    folder = tmp_path_factory.mktemp("forgery")
    offices = open_offices({c: templates[c] for c in codes}, folder / "db")
    outcome = {"refused": 0, "adopted": 0, "planted": 0}
    counter = itertools.count(1)
    try:  # each office registers someone and the forger learns of them all
        for code in codes:
            _register(offices[code], code, next(counter))
        for code in codes:
            if code != forger:
                path = folder / f"start-{code}.bdsync"
                import_(offices[forger], Path(export(offices[code], forger, path).path))
        for _ in range(data.draw(st.integers(5, 25), label="steps")):
            _step(offices, forger, data, folder, counter, outcome)
        _settle(offices, folder)
        assert outcome["adopted"] == 0
        event(f"forged files refused: {min(outcome['refused'], 3)}+")
        event(f"owned-field edits planted: {min(outcome['planted'], 3)}+")
        honest = [c for c in codes if c != forger]
        digests = [digest(offices[c]) for c in honest]
        assert all(d == digests[0] for d in digests)
        for c in honest:
            with offices[c].uow(write=False) as uow:
                s = uow.session
                for p in s.scalars(select(Participant)):
                    assert FORGED not in (p.phone or "") and not p.nik.startswith("99")
                    assert p.kpj.startswith(p.origin_office)  # made by its owner
                assert not [e for e in s.scalars(select(ChangeEntry).where(
                    ChangeEntry.origin_office != c)) if FORGED in str(e.fields)
                    and e.origin_office != forger]
    finally:
        close_offices(offices)
