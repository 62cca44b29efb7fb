"""Regional hub benchmark (PostgreSQL hub, SQLite branches).

    BRANCH_DESK_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:55432/postgres \
        .venv/bin/python benchmarks/bench_hub.py --branches 20 --changes 50000

1. Hub import: BRANCHES branch databases (SQLite) each make CHANGES participant records
   (bulk insert with change log, as an import of a Pemda sheet does), export one file each
   for the hub; the hub imports the folder with `hub_import.import_folder`. Prints time, rate,
   and the PostgreSQL sizes (`pg_total_relation_size`) per 100,000 rows. With --payments,
   each file also carries that many payments for its participants (a ledger after them).
2. Registrations per second through `register_participant` (validation, duplicate check,
   KPJ under lock, audit, change log): 1 writer, then WRITERS concurrent processes, same run.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import time
from datetime import date
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from branch_desk.db.engine import Database
from branch_desk.db.models.contributions import ContributionEntry
from branch_desk.db.models.participants import Participant
from branch_desk.domain.actor import Actor
from branch_desk.services.uow import UnitOfWork

PASSWORD = "rahasia-wilayah-1"
FIRST = ("Andi", "Baso", "Sitti", "Nur", "Muhammad", "Hasnah", "Daeng", "Rahmat", "Abdul",
         "Fatimah", "Syamsul", "Irma", "Haris", "Rosmini", "Kamaruddin", "Nurhayati")
LAST = ("Rahman", "Aminah", "Tata", "Sija", "Basri", "Makkasau", "Syam", "Latif", "Hamzah",
        "Yusuf", "Ramli", "Salam", "Kadir", "Mappa", "Tahir", "Jufri")


def _name(i: int) -> str:
    return f"{FIRST[i % 16]} {LAST[i // 16 % 16]} {LAST[i // 256 % 16]}"


def _admin_url() -> str:
    url = os.environ.get("BRANCH_DESK_TEST_PG")
    if not url:
        sys.exit("BRANCH_DESK_TEST_PG (URL of a PostgreSQL server) is required")
    return url


def _fresh_pg(name: str) -> str:
    engine = create_engine(_admin_url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return make_url(_admin_url()).set(database=name).render_as_string(hide_password=False)


def _codes(n: int) -> list[str]:
    return [f"C{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(n)]


def _office(target: str | Path, code: str, kind: str) -> Database:
    from branch_desk.services.admin.offices import initialise

    db = Database(target)
    initialise(db, office_code=code, office_name=f"Kantor {code}", admin="admin",
               password=PASSWORD, kind=kind, region_code="73")
    return db


def _participants(code: str, count: int) -> list[dict]:
    base = 1 + _codes(400).index(code) * 1000  # distinct NIK serial ranges per branch
    return [{"nik": f"7309{base + i // 9999:06d}{i % 9999 + 1:06d}"[:16],
             "kpj": f"{code}{i:08d}", "name": _name(i), "name_search": _name(i).lower(),
             "birth_date": date(1970 + i % 35, 1 + i % 12, 1 + i % 28), "sex": "LP"[i % 2],
             "address": f"Dusun {i % 7}, RT {i % 13:02d}", "village_code": "73.09.01.1001",
             "phone": f"0812{i:08d}", "occupation": "petani", "segment": "BPU",
             "funding_source": "MANDIRI", "partner_id": None, "income": 1_000_000,
             "programs": "JKK JKM", "tmt": date(2025, 1, 1), "registered_on": date(2025, 1, 1),
             "status": "aktif", "status_reason": ""} for i in range(count)]


def hub_import(branches: int, changes: int, work: Path, payments: int = 0
               ) -> dict[str, float]:
    from branch_desk.db.recording_bulk import record_bulk_insert
    from branch_desk.services.sync.exchange import export_changes
    from branch_desk.services.sync.hub_import import import_folder
    from branch_desk.services.sync.identity import trust_identity, write_identity

    hub_url = _fresh_pg("bd_bench_hub")
    hub = _office(hub_url, "SULSEL", "wilayah")
    hub_admin = Actor("admin", "admin", "SULSEL")
    with UnitOfWork(hub, hub_admin, write=True) as uow:
        write_identity(uow, out=work / "SULSEL.json")
        uow.commit()
    inbox = work / "inbox"
    t0 = time.perf_counter()
    for code in _codes(branches):
        db = _office(work / f"{code}.db", code, "cabang")
        admin = Actor("admin", "admin", code)
        with UnitOfWork(db, admin, write=True) as uow:
            write_identity(uow, out=work / f"{code}.json")
            trust_identity(uow, path=work / "SULSEL.json")
            uow.commit()
        with UnitOfWork(hub, hub_admin, write=True) as uow:
            trust_identity(uow, path=work / f"{code}.json")
            uow.commit()
        with UnitOfWork(db, admin, write=True) as uow:
            ids = record_bulk_insert(uow.session, admin, Participant,
                                     _participants(code, changes))
            if payments:  # the file also carries payments (children of those rows)
                record_bulk_insert(uow.session, admin, ContributionEntry,
                                   _payments(code, ids, payments))
            uow.commit()
        with UnitOfWork(db, admin, write=True) as uow:
            export_changes(uow, target="SULSEL", out=inbox / f"{code}-ke-SULSEL.bdsync")
            uow.commit()
        db.dispose()
    prepared = time.perf_counter() - t0
    files = sorted(inbox.iterdir())
    size = sum(f.stat().st_size for f in files)
    total = branches * (changes + payments)
    marks: list[float] = []
    t0 = time.perf_counter()
    report = import_folder(hub, hub_admin, inbox,
                           progress=lambda _i, _n, _m: marks.append(time.perf_counter()))
    took = time.perf_counter() - t0
    per_file = [b - a for a, b in pairwise(marks)]
    assert report.refused == 0 and report.applied == branches, report.message
    ledger = _ledger(hub, hub_admin, min(total, 100_000))
    sizes = {}
    with hub.engine.connect() as conn:
        for table in ("participants", "contribution_entries", "change_log", "audit_log"):
            rows = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 1
            heap = conn.execute(text(f"SELECT pg_relation_size('{table}')")).scalar()
            full = conn.execute(text(f"SELECT pg_total_relation_size('{table}')")).scalar()
            sizes[table] = (rows, heap, full)
        trgm = conn.execute(text(
            "SELECT pg_relation_size('ix_participants_name_words_trgm')")).scalar()
        dbsize = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
    hub.dispose()
    kind = f" + {payments:,} payments" if payments else ""
    print(f"hub import: {branches} files x {changes:,} participants{kind} = {total:,} changes, "
          f"{size / 1e6:.1f} MB of files ({size / total:.0f} B/change)")
    print(f"  branches prepared in {prepared:.1f} s (not part of the import)")
    print(f"  import_folder: {took:.1f} s = {total / took:,.0f} changes/s "
          f"({took / branches:.2f} s per file)")
    ranked = sorted(per_file)
    print(f"  per file: first {per_file[0]:.2f} s, last {per_file[-1]:.2f} s, fastest "
          f"{ranked[0]:.2f} s, median {ranked[len(ranked) // 2]:.2f} s, slowest "
          f"{ranked[-1]:.2f} s (the hub grows by {total // branches:,} changes a file)")
    print("  per file (s): " + " ".join(f"{t:.1f}" for t in per_file))
    for table, (rows, heap, tot) in sizes.items():
        print(f"  {table:<20} {rows:>10,} rows  heap {heap / rows:6.0f} B/row  with indexes "
              f"{tot / rows:6.0f} B/row  = {tot / rows * 1e5 / 1e6:6.1f} MB per 100k rows")
    print(f"  contribution ledger: {ledger[0]:,} payments recorded at the hub (bulk, with "
          f"change log) in {ledger[1]:.1f} s")
    print(f"  trigram index: {trgm / sizes['participants'][0]:.0f} B/participant; "
          f"database {dbsize / 1e6:.0f} MB")
    return {"rate": total / took, "seconds": took}


def _payments(code: str, ids: list[str], count: int) -> list[dict]:
    """`count` one-month payments spread over `ids`, month after month."""
    rows = []
    for i in range(count):
        month = i // len(ids)
        rows.append({"number": f"BYR/{code}/{i + 1:07d}", "kind": "bayar",
                     "participant_id": ids[i % len(ids)],
                     "first_month": date(2016 + month // 12 % 10, 1 + month % 12, 1),
                     "months": 1, "programs": "JKK,JKM", "amount": 16_800, "payer": _name(i),
                     "paid_on": date(2016 + month // 12 % 10, 1 + month % 12, 5),
                     "bill_id": None, "reverses_id": None, "reference": "", "note": ""})
    return rows


def _ledger(hub: Database, actor: Actor, count: int) -> tuple[int, float]:
    """`count` payment entries (one month each) for the imported participants."""
    from sqlalchemy import select

    from branch_desk.db.recording_bulk import record_bulk_insert

    with UnitOfWork(hub, actor, write=True) as uow:
        ids = list(uow.session.scalars(select(Participant.id).limit(count)))
        rows = [{"number": f"BYR/SULSEL/2025/{i + 1:06d}", "kind": "bayar",
                 "participant_id": pid, "first_month": date(2016 + i % 10, 1 + i % 12, 1),
                 "months": 1, "programs": "JKK,JKM", "amount": 16_800, "payer": _name(i),
                 "paid_on": date(2016 + i % 10, 1 + i % 12, 5), "bill_id": None,
                 "reverses_id": None, "reference": "", "note": ""}
                for i, pid in enumerate(ids)]
        t0 = time.perf_counter()
        record_bulk_insert(uow.session, actor, ContributionEntry, rows)
        uow.commit()
        return len(rows), time.perf_counter() - t0


def _writer(url: str, worker: int, count: int, start: object, out: object) -> None:
    from branch_desk.services.participants.registry import register_participant
    from branch_desk.services.participants.rows import ParticipantData

    db = Database(url)
    actor = Actor(f"petugas{worker}", "petugas", "SULSEL")
    start.wait()  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    for i in range(count):
        nik = (f"730901{1 + i % 28:02d}{1 + i // 28 % 12:02d}{60 + worker:02d}"
               f"{i // 336 + 1:04d}")
        with UnitOfWork(db, actor, write=True) as uow:
            register_participant(uow, data=ParticipantData(
                nik=nik, name=_name(i * 7 + worker), village_code="73.09.01.1001"),
                today=date(2025, 6, 16), allow_likely_duplicate=True)
            uow.commit()
    out.put((t0, time.perf_counter()))  # type: ignore[attr-defined]
    db.dispose()


def registrations(writers: int, count: int) -> dict[str, float]:
    url = _fresh_pg("bd_bench_writers")
    _office(url, "SULSEL", "wilayah").dispose()
    ctx = mp.get_context("fork")
    rates = {}
    for n in (1, writers):
        start, out = ctx.Barrier(n), ctx.Queue()
        offset = 0 if n == 1 else 1
        procs = [ctx.Process(target=_writer, args=(url, w + offset * 10, count, start, out))
                 for w in range(n)]
        for p in procs:
            p.start()
        spans = [out.get() for _ in procs]
        for p in procs:
            p.join()
        elapsed = max(e for _s, e in spans) - min(s for s, _e in spans)
        rates[n] = n * count / elapsed
        print(f"registrations, {n} writer(s) x {count}: {n * count / elapsed:,.1f}/s "
              f"({elapsed:.1f} s)")
    print(f"  {writers} writers / 1 writer = {rates[writers] / rates[1]:.2f}x "
          f"(cores here: {os.cpu_count()})")
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--branches", type=int, default=20)
    parser.add_argument("--changes", type=int, default=50_000,
                        help="participants (one change each) per branch file")
    parser.add_argument("--payments", type=int, default=0,
                        help="payments per branch file, besides the participants")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--registrations", type=int, default=150, help="per writer")
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_import:
            hub_import(args.branches, args.changes, Path(tmp), args.payments)
        if args.registrations:
            registrations(args.writers, args.registrations)


if __name__ == "__main__":
    main()
