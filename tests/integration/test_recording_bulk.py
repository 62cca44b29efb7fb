"""Bulk inserts record exactly what the flush listener records for single rows: one
change-log entry and one hash-chained audit entry per row, whose values are the stored row's,
on each engine, for plain and awkward text alike."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from branch_desk.db.models.core import AuditEntry, ChangeEntry
from branch_desk.db.models.participants import Enrolment, Participant
from branch_desk.db.recording import column_values
from branch_desk.db.recording_bulk import BulkWriter, record_bulk_insert
from branch_desk.domain.errors import ValidationError
from branch_desk.services.admin.audit import verify_audit_chain

AWKWARD = ("Dusun 'Satu'\tRT 01\\RW \"02\"\nDesa Bontoa", "Jl. Poros Maros–Makassar ✓ 🐟",
           "Lorong /* -- */ ; DROP TABLE x", "")


def _rows(count: int, *, address: str = "Dusun 1") -> list[dict[str, object]]:
    return [{"nik": f"7309015{i % 9 + 1}0{i % 9 + 1}80{i + 1:04d}", "kpj": f"B{i:010d}",
             "name": f"Peserta Ke {i}", "name_search": f"peserta ke {i}",
             "birth_date": date(1980, i % 9 + 1, 10 + i % 9), "sex": "LP"[i % 2],
             "address": AWKWARD[i % len(AWKWARD)] if address == "awkward" else address,
             "village_code": "73.09.01.2001", "phone": f"0812{i:08d}", "occupation": "Nelayan",
             "segment": "BPU", "funding_source": "MANDIRI", "partner_id": None,
             "income": 1_000_000 + i, "programs": "JKK JKM", "tmt": date(2025, 1, 1),
             "registered_on": date(2025, 1, 2), "status": "aktif", "status_reason": ""}
            for i in range(count)]


def _check_entries(office, ids: list[str]) -> None:
    """Each row's change-log fields and audit `after` are the stored row's values."""
    with office.uow("admin", write=False) as uow:
        changes = {c.row_id: c for c in uow.session.scalars(
            select(ChangeEntry).where(ChangeEntry.row_id.in_(ids)))}
        audits = {a.row_id: a for a in uow.session.scalars(
            select(AuditEntry).where(AuditEntry.row_id.in_(ids)))}
        for row_id in ids:
            stored = column_values(uow.session.get(Participant, row_id))
            assert changes[row_id].fields == stored
            assert changes[row_id].op == "insert"
            assert audits[row_id].after == stored and audits[row_id].before is None
            assert audits[row_id].username == "admin" and audits[row_id].action == "insert"
        assert verify_audit_chain(uow).ok


def test_bulk_rows_record_what_the_listener_records(office):
    one = _rows(1, address="Dusun 2")[0]
    with office.uow("admin") as uow:
        uow.session.add(Participant(**{**one, "nik": "7309016101900001", "kpj": "A0000000001"}))
        uow.commit()
    with office.uow("admin") as uow:
        (bulk_id,) = record_bulk_insert(uow.session, uow.actor_required, Participant, [one])
        uow.commit()
    with office.uow("admin", write=False) as uow:
        single, bulk = (uow.session.scalars(select(ChangeEntry).where(
            ChangeEntry.table_name == "participants").order_by(ChangeEntry.seq)).all()[-2:])
        assert bulk.row_id == bulk_id
        assert single.fields.keys() == bulk.fields.keys()
        differ = {k for k in bulk.fields if single.fields[k] != bulk.fields[k]}
        assert differ <= {"id", "nik", "kpj", "created_at", "updated_at", "lamport"}
        assert bulk.seq == single.seq + 1
    _check_entries(office, [bulk_id])


@pytest.mark.parametrize("address", ["Dusun 1", "awkward"])
def test_thousands_of_rows_in_chunks_through_the_writer(office, address):
    rows = _rows(2500, address=address)
    ids = []
    with office.uow("admin") as uow:
        with BulkWriter(uow.session) as writer:
            for start in range(0, len(rows), 1000):
                chunk = record_bulk_insert(uow.session, uow.actor_required, Participant,
                                           rows[start:start + 1000], writer=writer)
                record_bulk_insert(uow.session, uow.actor_required, Enrolment, [
                    {"participant_id": pid, "program": program,
                     "start_date": date(2025, 1, 1), "end_date": None}
                    for pid in chunk for program in ("JKK", "JKM")], writer=writer)
                ids += chunk
        uow.commit()
    _check_entries(office, ids)
    with office.uow("admin", write=False) as uow:
        stored = {p.id: p.address for p in uow.session.scalars(select(Participant))}
        assert [stored[i] for i in ids] == [r["address"] for r in rows]
        assert len(uow.session.scalars(select(Enrolment.id)).all()) == 5000


def test_text_no_engine_can_carry_is_refused_with_its_row(office):
    """A NUL byte would make PostgreSQL (a hub) refuse the office's every later file
    (issue 15): it is refused at entry, naming the row and field, and nothing is written."""
    rows = _rows(3)
    rows[1]["address"] = "Dusun\x00Tiga"
    with pytest.raises(ValidationError) as info, office.uow("admin") as uow:
        record_bulk_insert(uow.session, uow.actor_required, Participant, rows)
    assert (info.value.row, info.value.field) == (2, "address")
    with office.uow("admin", write=False) as uow:
        assert uow.session.scalars(select(Participant.id).where(
            Participant.kpj.like("B%"))).all() == []


def test_a_failed_bulk_insert_leaves_nothing(office):
    rows = _rows(10)
    rows[7]["kpj"] = rows[2]["kpj"]  # unique KPJ broken on the 8th row
    with pytest.raises(IntegrityError), office.uow("admin") as uow:
        record_bulk_insert(uow.session, uow.actor_required, Participant, rows)
        uow.commit()
    with office.uow("admin", write=False) as uow:
        assert uow.session.scalars(select(Participant.id).where(
            Participant.kpj.like("B%"))).all() == []
        assert verify_audit_chain(uow).ok
