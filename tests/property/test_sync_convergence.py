"""Property: any edit script at 3–5 offices and any exchange schedule (relays, duplicates,
reordering, lost files re-sent later) ends with identical data, every concurrent losing
value in the conflict log of every office, and no ledger entry lost or doubled.

A small number of examples runs in CI; `pytest --slow` runs many more.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from branch_desk.db.models.contributions import ContributionEntry
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.db.models.sync_state import DuplicateCase, SyncConflict
from branch_desk.services.partners.registry import PartnerData, add_partner, update_partner
from tests.support.sync import (
    build_templates,
    close_offices,
    digest,
    export,
    import_,
    open_offices,
)

CODES = ["MRS", "PKJ", "WIL", "BAU", "TRN"]
NIKS = ["7309014505900101", "7309014505900102", "7309014505900103"]
FIELDS = ("name", "phone", "address")


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("prop-templates"), CODES)


@dataclass
class Edit:
    id: int
    office: str
    table: str
    row_id: str
    field: str
    value: str
    known: frozenset[int]


@dataclass
class World:
    offices: dict
    folder: Path
    knowledge: dict[str, set[int]] = field(default_factory=dict)
    edits: list[Edit] = field(default_factory=list)
    files: list[tuple[Path, str, frozenset[int]]] = field(default_factory=list)
    delivered: list[int] = field(default_factory=list)
    payments: set[str] = field(default_factory=set)
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def visible(self, code: str, model) -> list:
        with self.offices[code].uow(write=False) as uow:
            return list(uow.session.execute(select(model.id, model.version).where(
                model.deleted.is_(False)).order_by(model.id)).all())

    def edit(self, code: str, table: str, row_id: str, fld: str, value: str) -> None:
        n = next(self.counter)
        self.edits.append(Edit(n, code, table, row_id, fld, value,
                               frozenset(self.knowledge[code])))
        self.knowledge[code].add(n)


def _step(world: World, data, codes: list[str]) -> None:
    code = data.draw(st.sampled_from(codes), label="office")
    office = world.offices[code]
    kind = data.draw(st.sampled_from(
        ["register", "edit", "edit", "edit", "delete", "partner", "partner_edit", "pay",
         "export", "export", "deliver", "deliver", "redeliver"]), label="step")
    n = next(world.counter)
    if kind == "register":
        with office.uow() as uow:
            taken = set(uow.session.scalars(select(Participant.nik).where(
                Participant.deleted.is_(False))))
            free = [x for x in NIKS if x not in taken]
            if not free:
                return
            nik = data.draw(st.sampled_from(free), label="nik")
            uow.session.add(Participant(
                nik=nik, kpj=f"{code}{n:08d}", name=f"Peserta {code}{n}",
                name_search=f"peserta {code.lower()}{n}", birth_date=date(1990, 1, 1),
                sex="L", village_code="73.09.01.2001", segment="BPU", tmt=date(2025, 1, 1),
                registered_on=date(2025, 1, 1)))
            uow.commit()
    elif kind in ("edit", "delete", "pay"):
        rows = world.visible(code, Participant)
        if not rows:
            return
        pid = data.draw(st.sampled_from(rows), label="participant").id
        with office.uow() as uow:
            p = uow.session.get(Participant, pid)
            if kind == "edit":
                fld = data.draw(st.sampled_from(FIELDS), label="field")
                value = f"{fld}-{code}-{n}"
                setattr(p, fld, value)
            elif kind == "delete":
                p.deleted = True
            else:
                entry = ContributionEntry(
                    number=f"KW/{code}/{n}", kind="bayar", participant_id=pid,
                    first_month=date(2025, 1 + n % 12, 1), months=1, programs="JKK,JKM",
                    amount=16800, paid_on=date(2025, 6, 1))
                uow.session.add(entry)
            uow.commit()
        if kind == "edit":
            world.edit(code, "participants", pid, fld, value)
        elif kind == "pay":
            world.payments.add(entry.id)
    elif kind in ("partner", "partner_edit"):
        rows = world.visible(code, Partner)
        with office.uow() as uow:
            if kind == "partner" or not rows:
                add_partner(uow, data=PartnerData(code=f"{code}-{n}", name=f"Mitra {n}",
                                                  kind="employer", region_code="7309"))
                uow.commit()
                return
            row = data.draw(st.sampled_from(rows), label="partner")
            current = uow.session.get(Partner, row.id)
            value = f"0411-{code}-{n}"
            update_partner(uow, partner_id=row.id, expected_version=current.version,
                           data=PartnerData(code=current.code, name=current.name,
                                            kind=current.kind, region_code=current.region_code,
                                            phone=value))
            uow.commit()
        world.edit(code, "partners", row.id, "phone", value)
    elif kind == "export":
        target = data.draw(st.sampled_from([c for c in codes if c != code]), label="to")
        path = world.folder / f"f{n}-{code}-{target}.bdsync"
        export(office, target, path)
        world.files.append((path, target, frozenset(world.knowledge[code])))
    elif world.files:
        index = data.draw(st.integers(0, len(world.files) - 1), label="file")
        if kind == "redeliver" and world.delivered:
            index = data.draw(st.sampled_from(world.delivered), label="again")
        path, target, known = world.files[index]
        import_(world.offices[target], path)
        world.knowledge[target] |= known
        world.delivered.append(index)


def _settle(world: World, codes: list[str]) -> None:
    for round_ in range(4):
        for a, b in itertools.permutations(codes, 2):
            path = world.folder / f"settle{round_}-{a}-{b}.bdsync"
            export(world.offices[a], b, path)
            import_(world.offices[b], path)
            world.knowledge[b] |= world.knowledge[a]
        digests = [digest(world.offices[c]) for c in codes]
        if all(d == digests[0] for d in digests):
            return
    raise AssertionError("offices did not converge after 4 full rounds:\n"
                         + _differences(world, codes))


def _differences(world: World, codes: list[str]) -> str:
    from branch_desk.db.serialise import to_json_value
    from branch_desk.sync.policy import synced_tables

    digests = {c: digest(world.offices[c]) for c in codes}
    lines = []
    for table in digests[codes[0]]:
        if len({str(digests[c][table]) for c in codes}) == 1:
            continue
        t = synced_tables()[table]
        dumps = {}
        for c in codes:
            with world.offices[c].uow(write=False) as uow:
                dumps[c] = {r.id: {k: to_json_value(v) for k, v in r._mapping.items()
                                   if k != "version"}
                            for r in uow.session.execute(select(t))}
        base = dumps[codes[0]]
        for c in codes[1:]:
            for rid in set(base) | set(dumps[c]):
                if base.get(rid) != dumps[c].get(rid):
                    a, b = base.get(rid) or {}, dumps[c].get(rid) or {}
                    diff = {k: (a.get(k), b.get(k)) for k in set(a) | set(b)
                            if a.get(k) != b.get(k)}
                    lines.append(f"{table} {rid} {codes[0]} vs {c}: {diff}")
    return "\n".join(lines[:20])


def _check(world: World, codes: list[str]) -> None:
    digests = {c: digest(world.offices[c]) for c in codes}
    first = digests[codes[0]]
    for c in codes:
        assert digests[c] == first, f"{c} differs"
    # lost and duplicated files arriving late change nothing
    for path, target, _known in world.files:
        assert import_(world.offices[target], path).new == 0
    assert {c: digest(world.offices[c]) for c in codes} == digests
    for c in codes:
        with world.offices[c].uow(write=False) as uow:
            s = uow.session
            ids = set(s.scalars(select(ContributionEntry.id)))
            assert ids == world.payments  # no ledger entry lost …
            assert s.scalar(select(func.count()).select_from(ContributionEntry)) == len(
                world.payments)  # … or doubled
            conflicts = {(k.table_name, k.row_id, k.field, k.losing_value)
                         for k in s.scalars(select(SyncConflict).where(
                             SyncConflict.kind == "conflict"))}
            final = {}
            for e in world.edits:
                model = Participant if e.table == "participants" else Partner
                if (e.table, e.row_id, e.field) not in final:
                    final[(e.table, e.row_id, e.field)] = getattr(
                        s.get(model, e.row_id), e.field)
            for e in world.edits:
                key = (e.table, e.row_id, e.field)
                winners = [w for w in world.edits if (w.table, w.row_id, w.field) == key
                           and w.value == final[key]]
                if not winners or e.value == final[key]:
                    continue
                w = winners[0]
                if w.office != e.office and e.id not in w.known:
                    assert (e.table, e.row_id, e.field, e.value) in conflicts, (c, e, w)
            live = s.execute(select(Participant.id, Participant.nik).where(
                Participant.deleted.is_(False))).all()
            cases = {(d.first_id, d.second_id) for d in s.scalars(select(DuplicateCase))}
            for a, b in itertools.combinations(sorted(live), 2):
                if a.nik == b.nik:
                    assert (a.id, b.id) in cases, f"{c}: duplicate NIK {a.nik} without a case"


def _run(templates, tmp_path_factory, data) -> None:
    count = data.draw(st.integers(3, 5), label="offices")
    codes = CODES[:count]
    folder = tmp_path_factory.mktemp("prop")
    offices = open_offices({c: templates[c] for c in codes}, folder / "db")
    world = World(offices, folder, {c: set() for c in codes})
    try:
        for _ in range(data.draw(st.integers(5, 30), label="steps")):
            _step(world, data, codes)
        _settle(world, codes)
        _check(world, codes)
    finally:
        close_offices(offices)


COMMON = dict(deadline=None, derandomize=False,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(max_examples=6, **COMMON)
@given(data=st.data())
def test_offices_converge(templates, tmp_path_factory, data):
    _run(templates, tmp_path_factory, data)


@pytest.mark.slow
@settings(max_examples=300, **COMMON)
@given(data=st.data())
def test_offices_converge_many(templates, tmp_path_factory, data):
    _run(templates, tmp_path_factory, data)
