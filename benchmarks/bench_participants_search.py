"""Participant search over N participants (default 1,000,000): service vs raw sqlite3.

    .venv/bin/python benchmarks/bench_participants_search.py [--rows N] [--db PATH] [--keep]

Builds a migrated database (office MRS) and fills it with raw executemany (the FTS
triggers run as in production), then times the first page (50 rows) of each kind of
search through `search_participants` and through a hand-written sqlite3 query that
returns the same rows, both in this run. Also times the list view's first page (Qt,
offscreen) and prints each search's query plan.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST = ("Andi", "Muhammad", "Muh.", "Sitti", "Nur", "Abdul", "Baso", "Hasan", "Rahmat",
         "Syamsul", "Hasniah", "Rosmini", "Jumriah", "Ahmad", "Fatmawati", "Ismail", "Sulaiman",
         "Haeruddin", "Nurhayati", "Suriani", "Irwan", "Arfah", "Hajrah", "Darmawati", "Yusuf",
         "Kasmawati", "Ramli", "Safaruddin", "Jusman", "Nasrullah", "Wahyuni", "Marlina")
MIDDLE = ("", "", "Rahman", "Ali", "Dg.", "Basri", "Nur", "Amir", "Salam", "Hamzah", "Tang",
          "Saleh", "Karim", "Latif", "Jamal", "Arsyad", "Idris")
LAST = ("Daeng Tata", "Tahir", "Mappiasse", "Lallo", "Sikki", "Baso", "Beta", "Sila", "Tiro",
        "Makkasau", "Pawelloi", "Rasyid", "Kadir", "Mustafa", "Hafid", "Manggau", "Sanusi",
        "Paewa", "Rani", "Gading", "Ngewa", "Kanang", "Bella", "Ruhe", "Nai", "Labbi")


def build(path: Path, rows: int, seed: int = 7) -> None:
    from branch_desk.db.engine import Database
    from branch_desk.domain import regions
    from branch_desk.domain.identifiers import format_kpj, office_number_from_code
    from branch_desk.domain.text import fold
    from branch_desk.services.admin.offices import initialise

    db = Database(path)
    initialise(db, office_code="MRS", office_name="Kantor Cabang Maros", admin="admin",
               password="bench-password-1", region_code="73.09")
    db.dispose()
    villages = [v.code for d in regions.children("73.09") for v in regions.children(d.code)]
    rng = random.Random(seed)
    office = office_number_from_code("MRS")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    sql = ("INSERT INTO participants (id, origin_office, created_at, updated_at, updated_by, "
           "lamport, deleted, version, nik, kpj, name, name_search, birth_date, sex, address, "
           "village_code, phone, occupation, segment, funding_source, partner_id, income, tmt, "
           "registered_on, status, status_reason, programs) VALUES "
           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
    now = "2025-06-16 02:30:00.000000"
    batch = []
    serial_by_prefix: dict[str, int] = {}
    for i in range(rows):
        village = rng.choice(villages)
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 45))
        sex = rng.choice("LP")
        day = born.day + (40 if sex == "P" else 0)
        prefix = f"{village[:2]}{village[3:5]}{village[6:8]}{day:02d}{born:%m%y}"
        serial_by_prefix[prefix] = serial_by_prefix.get(prefix, 0) + 1
        nik = f"{prefix}{serial_by_prefix[prefix]:04d}"
        name = " ".join(w for w in (rng.choice(FIRST), rng.choice(MIDDLE), rng.choice(LAST)) if w)
        uid = f"{i:08x}-0000-7000-8000-{rng.getrandbits(48):012x}"
        batch.append((uid, "MRS", now, now, "bench", 1, 0, 1, nik,
                      format_kpj(office, i + 1), name, fold(name), born.isoformat(), sex, "",
                      village, "", "Nelayan", "BPU", "APBD", None, 1_000_000, "2024-01-01",
                      "2024-01-01", "aktif" if i % 20 else "nonaktif", "", "JKK JKM"))
        if len(batch) == 20000:
            con.executemany(sql, batch)
            batch.clear()
    con.executemany(sql, batch)
    con.execute("INSERT INTO number_sequences(name, value) VALUES ('KPJ', ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value", (rows,))
    con.commit()
    con.execute("ANALYZE")
    con.close()


def median_ms(fn, repeat: int) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


RAW_COLUMNS = ("p.id, p.kpj, p.nik, p.name, p.birth_date, p.sex, p.village_code, p.address, "
               "p.phone, p.occupation, p.segment, p.funding_source, pt.code, p.programs, "
               "p.income, p.tmt, p.registered_on, p.status, p.status_reason, p.version")
RAW_FROM = "FROM participants p LEFT JOIN partners pt ON pt.id = p.partner_id"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", default=None, help="reuse/keep this database file")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench.db"
    if not path.exists():
        t0 = time.perf_counter()
        build(path, args.rows)
        print(f"built {args.rows:,} participants in {time.perf_counter() - t0:.1f} s")

    from branch_desk.db.engine import Database
    from branch_desk.domain.actor import Actor
    from branch_desk.services.participants.queries import search_participants, sqlite_statements
    from branch_desk.services.participants.rows import ParticipantQuery
    from branch_desk.services.uow import UnitOfWork

    con = sqlite3.connect(path)
    sample_nik, sample_kpj = con.execute(
        "SELECT nik, kpj FROM participants WHERE rowid = ?", (args.rows // 2,)).fetchone()
    db = Database(path)
    actor = Actor("admin", "admin", "MRS")
    cases = [
        ("NIK prefix (10 digits)", ParticipantQuery(text=sample_nik[:10]),
         f"SELECT {RAW_COLUMNS} {RAW_FROM} WHERE p.deleted = 0 AND p.nik >= ? AND p.nik < ? "
         "ORDER BY p.nik, p.rowid LIMIT 51", (sample_nik[:10], sample_nik[:9] + chr(ord(
             sample_nik[9]) + 1))),
        ("KPJ (11 digits)", ParticipantQuery(text=sample_kpj),
         f"SELECT {RAW_COLUMNS} {RAW_FROM} WHERE p.deleted = 0 AND (p.kpj = ? OR "
         "(p.nik >= ? AND p.nik < ?)) ORDER BY p.nik, p.rowid LIMIT 51",
         (sample_kpj, sample_kpj, sample_kpj[:-1] + chr(ord(sample_kpj[-1]) + 1))),
        ("name prefix 'andi ba'", ParticipantQuery(text="Andi Ba"),
         f"SELECT {RAW_COLUMNS} {RAW_FROM} WHERE p.deleted = 0 AND p.name_search >= ? AND "
         "p.name_search < ? ORDER BY p.name_search, p.rowid LIMIT 51", ("andi ba", "andi bb")),
        ("list, no search", ParticipantQuery(),
         f"SELECT {RAW_COLUMNS} {RAW_FROM} WHERE p.deleted = 0 ORDER BY p.name_search, p.rowid "
         "LIMIT 51", ()),
        ("word inside names 'rahman'", ParticipantQuery(text="rahman"),
         f"SELECT {RAW_COLUMNS} {RAW_FROM} WHERE p.deleted = 0 AND p.rowid IN (SELECT rowid "
         "FROM participants_fts WHERE participants_fts MATCH '\"rahman\"') AND NOT "
         "(p.name_search >= 'rahman' AND p.name_search < 'rahmao') ORDER BY p.rowid LIMIT 51",
         ()),
        ("word inside names 'basri'", ParticipantQuery(text="basri"),
         f"SELECT {RAW_COLUMNS} {RAW_FROM} WHERE p.deleted = 0 AND p.rowid IN (SELECT rowid "
         "FROM participants_fts WHERE participants_fts MATCH '\"basri\"') AND NOT "
         "(p.name_search >= 'basri' AND p.name_search < 'basrj') ORDER BY p.rowid LIMIT 51",
         ()),
        ("village filter", ParticipantQuery(village_code="73.09.01.2003"),
         f"SELECT {RAW_COLUMNS} {RAW_FROM} WHERE p.deleted = 0 AND p.village_code = ? "
         "ORDER BY p.name_search, p.rowid LIMIT 51", ("73.09.01.2003",)),
    ]
    print(f"\n{args.rows:,} participants; median of {args.repeat} runs, first page of 50\n")
    print(f"{'search':<30} {'service ms':>10} {'raw ms':>8} {'ratio':>6}  rows")
    results = []
    with UnitOfWork(db, actor) as uow:
        for label, query, sql, params in cases:
            page = search_participants(uow, query)
            raw_rows = con.execute(sql, params).fetchall()
            assert [r.id for r in page.rows] == [r[0] for r in raw_rows[:50]], label
            service = median_ms(lambda q=query: search_participants(uow, q), args.repeat)
            raw = median_ms(lambda s=sql, p=params: con.execute(s, p).fetchall(), args.repeat)
            results.append((label, service, raw))
            print(f"{label:<30} {service:>10.2f} {raw:>8.2f} {service / raw:>6.1f}  "
                  f"{len(page.rows)}")
        print("\nquery plans:")
        for label, query, _, _ in cases:
            for sql, params in sqlite_statements(uow, query):
                plan = con.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
                print(f"  {label}: " + " | ".join(row[3] for row in plan))
    list_ms = list_view_first_page(db, actor)
    print(f"\nlist view first page (model + view, offscreen): {list_ms:.0f} ms")
    db.dispose()
    return 0


def list_view_first_page(db, actor) -> float:
    from PySide6.QtWidgets import QApplication

    from branch_desk.services.admin.offices import office_row
    from branch_desk.services.uow import UnitOfWork
    from branch_desk.ui.shell.context import AppContext
    from branch_desk.ui.shell.worker import Runner

    app = QApplication.instance() or QApplication(sys.argv)
    with UnitOfWork(db, actor) as uow:
        office = office_row(uow)
    ctx = AppContext(db=db, actor=actor, office=office, runner=Runner(synchronous=True))
    from branch_desk.ui.participants.page import create_page

    t0 = time.perf_counter()
    page = create_page(ctx)
    page.resize(1200, 700)
    page.show()
    app.processEvents()
    elapsed = (time.perf_counter() - t0) * 1000
    assert page.list_model.rowCount() > 0
    page.close()
    return elapsed


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
