"""Coverage dashboard over a large office: participants, monthly ledger rows, spells.

    .venv/bin/python benchmarks/bench_coverage.py                 # 100.000 participants
    .venv/bin/python benchmarks/bench_coverage.py --rows 1000000   # the issue's full size

Each participant pays 12 months in 2024-2025 (as one 12-month entry, or as 12 one-month
entries for a quarter of them, or with a lapse in the middle), so the ledger holds
rows × 12 participant-months. Spells are derived exactly as `rebuild_spells` would; a sample
is rebuilt by the service and compared. Timed: `coverage_summary` (all figures and the 12-month
trend) for the office and for one regency, against a baseline in the same run: the same
"covered on date" count computed straight from the ledger (join + DISTINCT) as one would
without the spells index.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from branch_desk.db.engine import Database
from branch_desk.db.migrate import upgrade
from branch_desk.domain.actor import system_actor
from branch_desk.domain.coverage import add_months
from branch_desk.services.contributions.coverage import rebuild_spells, spells_of
from branch_desk.services.contributions.coverage_figures import coverage_summary
from branch_desk.services.uow import UnitOfWork

AS_OF = date(2025, 6, 16)
REGENCIES = ("73.09", "73.73", "76.04", "74.07")
NOW = "2025-06-16 00:00:00.000000"


def villages() -> list[str]:
    from branch_desk.domain import regions

    found = []
    for regency in REGENCIES:
        for district in regions.children(regency):
            found += [v.code for v in regions.children(district.code)]
    return found


def generate(path: Path, rows: int, seed: int) -> tuple[int, int]:
    rnd = random.Random(seed)
    codes = villages()
    partners = [str(uuid.uuid4()) for _ in range(12)]
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    sync = (NOW, NOW, "bench", 1, 0, 1)
    con.executemany(
        "INSERT INTO partners (code, name, kind, region_code, head_name, head_title, address,"
        " phone, email, contact_person, npwp, id, origin_office, created_at, updated_at,"
        " updated_by, lamport, deleted, version) VALUES (?,?,?,?,'','','','','','','',?,'MRS',"
        "?,?,?,?,?,?)",
        [(f"PEMDA-{i}", f"Pemda {i}", "pemkab", REGENCIES[i % 4], p, *sync)
         for i, p in enumerate(partners)])
    entries = months_total = 0
    batch_p, batch_e, batch_s = [], [], []
    for n in range(rows):
        pid = str(uuid.uuid4())
        village = rnd.choice(codes)
        partner = rnd.choice(partners) if rnd.random() < 0.4 else None
        segment = "BPU" if rnd.random() < 0.8 else "PU"
        start = add_months(date(2024, 1, 1), rnd.randrange(0, 12))
        batch_p.append((pid, f"{n:016d}", f"{n:011d}", f"peserta {n}", f"peserta {n}",
                        "1985-01-01", "L", village, segment,
                        "APBD" if partner else "MANDIRI", partner, 1_000_000,
                        start.isoformat(), start.isoformat(), "aktif", "JKK JKM", *sync))
        shape = rnd.random()
        if shape < 0.25:  # monthly payer: 12 one-month entries
            paid = [add_months(start, i) for i in range(12)]
            chunks = [(m, 1) for m in paid]
        elif shape < 0.35:  # lapsed for 4 months in the middle, then re-joined
            paid = [add_months(start, i) for i in range(12) if not 4 <= i < 8] + \
                   [add_months(start, i) for i in range(12, 16)]
            chunks = [(start, 4), (add_months(start, 8), 8)]
        else:  # one 12-month advance payment (or a Pemda bill line)
            paid = [add_months(start, i) for i in range(12)]
            chunks = [(start, 12)]
        for first, months in chunks:
            entries += 1
            months_total += months
            batch_e.append((str(uuid.uuid4()), f"KWT/MRS/2025/{entries:06d}", pid,
                            first.isoformat(), months, months * 16_800, *sync))
        for s, last, end in spells_of(paid):
            batch_s.append((pid, s.isoformat(), last.isoformat(), end.isoformat(), village,
                            segment, partner, 1))
        if len(batch_p) >= 50_000:
            _flush(con, batch_p, batch_e, batch_s)
    _flush(con, batch_p, batch_e, batch_s)
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return entries, months_total


def _flush(con: sqlite3.Connection, p: list, e: list, s: list) -> None:  # type: ignore[type-arg]
    con.executemany(
        "INSERT INTO participants (id, nik, kpj, name, name_search, birth_date, sex,"
        " village_code, segment, funding_source, partner_id, income, tmt, registered_on,"
        " status, programs, address, phone, occupation, status_reason, origin_office,"
        " created_at, updated_at, updated_by, lamport, deleted, version)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'','','','','MRS',?,?,?,?,?,?)", p)
    con.executemany(
        "INSERT INTO contribution_entries (id, number, kind, participant_id, first_month,"
        " months, programs, amount, payer, paid_on, reference, note, origin_office,"
        " created_at, updated_at, updated_by, lamport, deleted, version)"
        " VALUES (?,?,'bayar',?,?,?,'JKK,JKM',?,'bench','2025-01-01','','','MRS',?,?,?,?,?,?)",
        e)
    con.executemany("INSERT INTO coverage_spells VALUES (?,?,?,?,?,?,?,?)", s)
    p.clear()
    e.clear()
    s.clear()


BASELINE = """
SELECT substr(p.village_code, 1, 5), p.segment, p.partner_id, count(DISTINCT p.id)
FROM participants p JOIN contribution_entries e ON e.participant_id = p.id
WHERE p.deleted = 0 AND p.status = 'aktif' AND e.kind = 'bayar'
  AND e.first_month <= :m AND date(e.first_month, '+' || (e.months + 2) || ' months') > :m
GROUP BY 1, 2, 3
"""


def timed(fn, repeat: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000, help="participants")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--db", type=Path, default=None, help="keep the database here")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench_coverage.db"
    db = Database(path)
    upgrade(db)
    from branch_desk.services.admin.offices import initialise

    initialise(db, office_code="MRS", office_name="Kantor Cabang Maros", admin="admin",
               password="bench-password-1", region_code="73.09")
    start = time.perf_counter()
    entries, months = generate(path, args.rows, args.seed)
    print(f"generated {args.rows:,} participants, {entries:,} ledger entries = {months:,} "
          f"participant-months in {time.perf_counter() - start:.0f} s")
    with UnitOfWork(db, system_actor("MRS"), write=True) as uow:  # check the derived index
        ids = list(uow.session.execute(
            __import__("sqlalchemy").text("SELECT id FROM participants LIMIT 1000")).scalars())
        before = uow.session.execute(__import__("sqlalchemy").text(
            "SELECT participant_id, start_month, end_month FROM coverage_spells "
            "WHERE participant_id IN (SELECT id FROM participants LIMIT 1000) ORDER BY 1, 2"
        )).all()
        rebuild_spells(uow, participant_ids=ids)
        after = uow.session.execute(__import__("sqlalchemy").text(
            "SELECT participant_id, start_month, end_month FROM coverage_spells "
            "WHERE participant_id IN (SELECT id FROM participants LIMIT 1000) ORDER BY 1, 2"
        )).all()
        assert before == after, "generated spells differ from rebuild_spells"
    with UnitOfWork(db) as uow:
        t_all, summary = timed(lambda: coverage_summary(uow, as_of=AS_OF))
        t_reg, regency = timed(lambda: coverage_summary(uow, as_of=AS_OF,
                                                        region="73.09"))
        raw = uow.session.connection().exec_driver_sql  # noqa: F841
        sql = __import__("sqlalchemy").text(BASELINE)
        t_base, base = timed(lambda: uow.session.execute(sql, {"m": "2025-06-01"}).all(), 1)
    base_total = sum(r[3] for r in base)  # type: ignore[union-attr]
    print(f"covered on {AS_OF}: {summary.covered:,} (baseline from the ledger: "  # type: ignore[union-attr]
          f"{base_total:,})")
    assert summary.covered == base_total  # type: ignore[union-attr]
    print(f"coverage_summary, whole office (areas, segments, partners, 12-month trend): "
          f"{t_all:.3f} s")
    print(f"coverage_summary, Kabupaten Maros: {t_reg:.3f} s "
          f"({regency.covered:,} covered)")  # type: ignore[union-attr]
    print(f"baseline (same count from ledger + participants, no trend): {t_base:.3f} s")
    print(f"ratio baseline / dashboard: {t_base / t_all:.1f}x")
    db.dispose()


if __name__ == "__main__":
    main()
