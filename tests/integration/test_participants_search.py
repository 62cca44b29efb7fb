"""Participant search: NIK/KPJ/name prefix and whole words, filters, sorting, paging;
the SQLite fast path returns what the portable path returns; no plan scans the table."""

from __future__ import annotations

import pytest

from branch_desk.domain.errors import ValidationError
from branch_desk.services.participants.queries import search_participants, sqlite_statements
from branch_desk.services.participants.registry import deactivate_participant, register_participant
from branch_desk.services.participants.rows import ParticipantData, ParticipantQuery
from tests.support.partners import add_maros

PEOPLE = [  # (NIK, name, village)
    ("7309014507850001", "Sitti Aminah", "73.09.01.2003"),
    ("7309010101800002", "Andi Baso", "73.09.01.2003"),
    ("7309010202810003", "Andi Basri Rahman", "73.09.01.1002"),
    ("7309010303820004", "Muhammad Rahman", "73.09.01.1002"),
    ("7309020404830005", "Abdul Rahman Dg. Tata", "73.09.02.2003"),
    ("7309020505840006", "Rahmawati", "73.09.02.2003"),
    ("7309024606850007", "Nur Élise Andi", "73.09.02.2003"),
]


@pytest.fixture
def people(office):
    add_maros(office)
    rows = {}
    with office.uow("petugas") as uow:
        for i, (nik, name, village) in enumerate(PEOPLE):
            row = register_participant(uow, data=ParticipantData(
                nik=nik, name=name, village_code=village, segment="PU" if i == 3 else "BPU",
                income=3_000_000 if i == 3 else None,
                partner_code="PEMKAB-MAROS" if i % 2 else None,
                programs=frozenset({"JKK", "JKM", "JHT"}) if i == 1 else None),
                allow_likely_duplicate=True)
            rows[name] = row
        uow.commit()
    with office.uow("kepala") as uow:
        gone = rows["Rahmawati"]
        deactivate_participant(uow, participant_id=gone.id, reason="Meninggal dunia",
                               expected_version=gone.version)
        uow.commit()
    return rows


def names(office, portable=False, **kwargs):
    with office.uow("petugas", write=False) as uow:
        return [r.name for r in search_participants(uow, ParticipantQuery(**kwargs),
                                                    portable=portable).rows]


@pytest.mark.parametrize("kwargs, expected", [
    ({}, ["Abdul Rahman Dg. Tata", "Andi Baso", "Andi Basri Rahman", "Muhammad Rahman",
          "Nur Élise Andi", "Rahmawati", "Sitti Aminah"]),
    ({"text": "andi"}, ["Andi Baso", "Andi Basri Rahman", "Nur Élise Andi"]),
    ({"text": "ANDI BA"}, ["Andi Baso", "Andi Basri Rahman"]),
    ({"text": "rahman"}, ["Andi Basri Rahman", "Muhammad Rahman", "Abdul Rahman Dg. Tata"]),
    ({"text": "rahm"}, ["Rahmawati"]),  # prefix of the name, not of inner words
    ({"text": "elise"}, ["Nur Élise Andi"]),  # accent-insensitive
    ({"text": "RAHMAN TATA"}, ["Abdul Rahman Dg. Tata"]),
    ({"text": "730901"}, ["Andi Baso", "Andi Basri Rahman", "Muhammad Rahman",
                          "Sitti Aminah"]),  # NIK prefix, in NIK order
    ({"text": "7309 0145 0785 0001"}, ["Sitti Aminah"]),
    ({"segment": "PU"}, ["Muhammad Rahman"]),
    ({"program": "JHT"}, ["Andi Baso", "Muhammad Rahman"]),  # PU gets JHT by default
    ({"partner_code": "pemkab-maros"}, ["Andi Baso", "Muhammad Rahman", "Rahmawati"]),
    ({"status": "nonaktif"}, ["Rahmawati"]),
    ({"village_code": "73.09.01.1002"}, ["Andi Basri Rahman", "Muhammad Rahman"]),
    ({"village_code": "73.09.02", "status": "aktif"}, ["Abdul Rahman Dg. Tata",
                                                       "Nur Élise Andi"]),
    ({"text": "rahman", "sort": "name", "descending": True},
     ["Muhammad Rahman", "Andi Basri Rahman", "Abdul Rahman Dg. Tata"]),
    ({"text": "zzz"}, []),
])
def test_search(office, people, kwargs, expected):
    assert names(office, **kwargs) == expected
    assert names(office, portable=True, **kwargs) == expected


def test_kpj_search_and_masking(office, people):
    row = people["Andi Baso"]
    with office.uow("petugas", write=False) as uow:
        found = search_participants(uow, ParticipantQuery(text=row.kpj)).rows
    assert [r.id for r in found] == [row.id]
    assert found[0].nik_masked == "7309************"
    assert found[0].programs == ("JKK", "JKM", "JHT") and found[0].partner_code == "PEMKAB-MAROS"


@pytest.mark.parametrize("portable", [False, True])
def test_paging_through_prefix_then_words(office, people, portable):
    seen = []
    offset = 0
    with office.uow("petugas", write=False) as uow:
        while True:
            page = search_participants(uow, ParticipantQuery(text="andi", offset=offset,
                                                             limit=1), portable=portable)
            seen += [r.name for r in page.rows]
            if not page.has_more:
                break
            offset += 1
    assert seen == ["Andi Baso", "Andi Basri Rahman", "Nur Élise Andi"]


@pytest.mark.parametrize("bad", [{"sort": "income"}, {"status": "lunas"},
                                 {"text": "12345678901234567"}])
def test_bad_queries_are_explained(office, people, bad):
    with office.uow("petugas", write=False) as uow, pytest.raises(ValidationError):
        search_participants(uow, ParticipantQuery(**bad))


@pytest.mark.parametrize("kwargs", [
    {}, {"text": "7309014507"}, {"text": "37500000015"}, {"text": "andi ba"},
    {"text": "rahman"}, {"text": "rahman", "sort": "birth_date"},
    {"village_code": "73.09.01.1002"}, {"partner_code": "PEMKAB-MAROS"},
    {"sort": "kpj", "descending": True}, {"sort": "registered_on"}, {"segment": "BPU"},
])
@pytest.mark.sqlite_only  # reads SQLite's EXPLAIN QUERY PLAN
def test_no_search_scans_the_whole_table(office, people, kwargs):
    with office.uow("petugas", write=False) as uow:
        statements = sqlite_statements(uow, ParticipantQuery(**kwargs))
        conn = uow.session.connection()
        for sql, params in statements:
            plan = [row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}",
                                                           tuple(params))]
            scans = [step for step in plan if step.startswith("SCAN")]
            assert all("USING INDEX" in s or "VIRTUAL TABLE" in s or "USING COVERING" in s
                       for s in scans), plan
