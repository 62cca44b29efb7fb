"""Branch files of thousands of changes at the hub (COPY and array lookups on PostgreSQL,
executemany on SQLite): stored exactly as the branch holds them, applied once, edits and
tombstones of known rows, concurrent edits kept as conflicts, relay onward, and payments
that arrive in a file before the participants they belong to."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from branch_desk.db.models.contributions import ContributionEntry
from branch_desk.db.models.core import ChangeEntry
from branch_desk.db.models.participants import Participant
from branch_desk.db.models.sync_state import SyncConflict
from branch_desk.db.recording_bulk import record_bulk_insert
from branch_desk.services.sync.hub_import import import_folder
from branch_desk.services.sync.identity import trust_identity
from branch_desk.sync import digest, exchange, keys
from branch_desk.sync.archive import ArchiveReader
from tests.support.hub import (
    HUB,
    export_to,
    import_file,
    reading,
)

SHARED = ("participants", "contribution_entries")


def _register(office, code: str, count: int) -> list[str]:
    """`count` participants in one bulk insert (with change log), ids in KPJ order."""
    regency = {"MRS": "09", "PKJ": "10", "PRE": "72"}[code]
    rows = [{"nik": f"73{regency}01{i % 28 + 1:02d}{i % 12 + 1:02d}{80 + i % 20:02d}"
                    f"{i + 1:04d}",
             "kpj": f"{code}{i:08d}", "name": f"Peserta {code} {i}",
             "name_search": f"peserta {code.lower()} {i}",
             "birth_date": date(1980 + i % 20, i % 12 + 1, i % 28 + 1), "sex": "LP"[i % 2],
             "address": f"Dusun {i % 7}\tRT {i % 13:02d}\\RW 'satu'\nDesa \"Contoh\"",
             "village_code": "73.09.01.1001", "phone": f"0812{i:08d}",
             "occupation": "petani", "segment": "BPU", "funding_source": "MANDIRI",
             "partner_id": None, "income": 1_000_000 + i, "programs": "JKK JKM",
             "tmt": date(2025, 1, 1), "registered_on": date(2025, 1, 1), "status": "aktif",
             "status_reason": ""} for i in range(count)]
    with office.uow("admin") as uow:
        ids = record_bulk_insert(uow.session, office.actors["admin"], Participant, rows)
        uow.commit()
    return ids


def _pay(office, participant_ids: list[str]) -> None:
    code = office.actors["admin"].office
    rows = [{"number": f"BYR/{code}/2025/{i + 1:06d}", "kind": "bayar", "participant_id": pid,
             "first_month": date(2025, 1 + i % 6, 1), "months": 1, "programs": "JKK,JKM",
             "amount": 16_800, "payer": "Kas Desa", "paid_on": date(2025, 1 + i % 6, 5),
             "bill_id": None, "reverses_id": None, "reference": "", "note": ""}
            for i, pid in enumerate(participant_ids)]
    with office.uow("admin") as uow:
        record_bulk_insert(uow.session, office.actors["admin"], ContributionEntry, rows)
        uow.commit()


def _digest(office) -> dict:
    with reading(office) as uow:
        whole = digest.compute(uow.session)
    return {t: whole[t] for t in SHARED}


def _edit(office, user: str, pid: str, **values) -> None:
    with office.uow(user) as uow:
        row = uow.session.get(Participant, pid)
        for key, value in values.items():
            setattr(row, key, value)
        uow.commit()


def _log(office, origin: str) -> list[tuple]:
    with reading(office) as uow:
        return [tuple(r) for r in uow.session.execute(
            select(ChangeEntry.seq, ChangeEntry.lamport, ChangeEntry.table_name,
                   ChangeEntry.row_id, ChangeEntry.op, ChangeEntry.fields, ChangeEntry.at,
                   ChangeEntry.username)
            .where(ChangeEntry.origin_office == origin, ChangeEntry.table_name.in_(SHARED))
            .order_by(ChangeEntry.seq))]


def test_thousands_of_changes_land_exactly_once_then_edits_conflicts_and_relay(offices,
                                                                              tmp_path):
    mrs, pkj, hub = offices["MRS"], offices["PKJ"], offices[HUB]
    ids = _register(mrs, "MRS", 6000)  # more than one apply batch
    _pay(mrs, ids[:1500])
    inbox = tmp_path / "inbox"
    first = export_to(mrs, HUB, inbox / "MRS-1.bdsync")
    report = import_folder(hub.db, hub.actors["admin"], inbox)
    assert [(f.status, f.new, f.total) for f in report.files] == [
        ("diterapkan", first.changes, first.changes)]
    # rows byte for byte as the branch holds them (text with tabs, quotes, backslashes and
    # newlines, dates, timestamps), and their change log as the branch wrote it
    assert _digest(hub) == _digest(mrs)
    assert _log(hub, "MRS") == _log(mrs, "MRS")
    again = import_folder(hub.db, hub.actors["admin"], inbox)
    assert [f.status for f in again.files] == ["sudah_diimpor"]

    # known rows change: two edits, a tombstone; the next file repeats every change the hub
    # has not acknowledged, which the hub recognises and skips
    _edit(mrs, "petugas", ids[0], phone="0811-000-001", address="Jl. Baru")
    _edit(mrs, "petugas", ids[1], phone="0811-000-002")
    _edit(mrs, "kepala", ids[2], deleted=True, status="nonaktif")
    second = export_to(mrs, HUB, inbox / "MRS-2.bdsync")
    assert second.changes == first.changes + 3
    result = import_file(hub, second.path)
    assert (result.total, result.already, result.new, result.updated, result.inserted) == (
        second.changes, first.changes, 3, 3, 0)
    assert _digest(hub) == _digest(mrs)
    with reading(hub) as uow:
        edited = {p.id: p for p in uow.session.scalars(
            select(Participant).where(Participant.id.in_(ids[:3])))}
        assert (edited[ids[0]].phone, edited[ids[0]].address) == ("0811-000-001", "Jl. Baru")
        assert edited[ids[0]].version == 2 and edited[ids[1]].phone == "0811-000-002"
        assert edited[ids[2]].deleted is True and edited[ids[2]].status == "nonaktif"

    # relay to another branch, then both branches edit one phone before hearing of the other
    import_file(pkj, export_to(hub, "PKJ", tmp_path / "out" / "hub-pkj-1.bdsync").path)
    assert _digest(pkj) == _digest(mrs)
    _edit(mrs, "petugas", ids[10], phone="0811-111-111")
    _edit(pkj, "petugas", ids[10], phone="0822-222-222")
    got = [import_file(hub, export_to(office, HUB, tmp_path / "out" / f"{code}-3.bdsync").path)
           for code, office in (("MRS", mrs), ("PKJ", pkj))]
    assert [r.conflicts for r in got] == [0, 1]
    with reading(hub) as uow:
        kept = uow.session.execute(select(
            SyncConflict.field, SyncConflict.kind, SyncConflict.losing_value,
            SyncConflict.winning_value).where(SyncConflict.row_id == ids[10])).all()
    assert [(c.field, c.kind) for c in kept] == [("phone", "conflict")]
    assert {kept[0].losing_value, kept[0].winning_value} == {"0811-111-111", "0822-222-222"}
    for code, office in (("MRS", mrs), ("PKJ", pkj)):
        import_file(office, export_to(hub, code, tmp_path / "out" / f"hub-{code}.bdsync").path)
    assert _digest(mrs) == _digest(pkj) == _digest(hub)


def test_payments_in_a_file_before_the_participants_they_belong_to(offices, tmp_path):
    """Changes travel in origin order, so a branch's own payments for participants it
    received from another branch come first: the hub takes the children in an earlier
    batch than their parents, and the file is accepted whole."""
    mrs, pre, hub = offices["MRS"], offices["PRE"], offices[HUB]
    folder = tmp_path / "region"
    for office, other in ((mrs, "PRE"), (pre, "MRS")):
        with office.uow("admin") as uow:
            trust_identity(uow, path=folder / f"{other}.identity.json")
            uow.commit()
    ids = _register(pre, "PRE", 5200)
    import_file(mrs, export_to(pre, "MRS", tmp_path / "PRE-ke-MRS.bdsync").path)
    _pay(mrs, ids)
    inbox = tmp_path / "inbox"
    sent = export_to(mrs, HUB, inbox / "MRS-1.bdsync")

    with reading(hub) as uow, ArchiveReader(inbox / "MRS-1.bdsync") as reader:
        _own, key = keys.own_keys(uow.session)
        tables = [entry[3] for frame in reader.changes(keys.decryption_key(key),
                                                       key.enc_public_key) for entry in frame]
    assert tables.index("participants") > exchange.BATCH > tables.index("contribution_entries")

    report = import_folder(hub.db, hub.actors["admin"], inbox)
    assert [(f.status, f.new) for f in report.files] == [("diterapkan", sent.changes)]
    assert _digest(hub) == _digest(mrs)
    with reading(hub) as uow:
        orphans = uow.session.scalar(
            select(func.count()).select_from(ContributionEntry).outerjoin(
                Participant, Participant.id == ContributionEntry.participant_id)
            .where(Participant.id.is_(None)))
    assert orphans == 0
