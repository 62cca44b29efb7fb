"""Sync benchmark: export and import of N changes, against plain sqlite3 executemany.

    .venv/bin/python benchmarks/bench_sync.py --rows 100000

Prints: export and import time, import rate relative to `executemany` of the same rows
into the same table (measured in this run), file size per change, the size of a file with
one changed record, and peak Python memory (tracemalloc) of export/import at two sizes.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.sync import build_templates

from branch_desk.db.engine import Database
from branch_desk.db.models.participants import Participant
from branch_desk.db.recording_bulk import record_bulk_insert
from branch_desk.domain.actor import Actor
from branch_desk.services.sync.exchange import export_changes, import_changes
from branch_desk.services.uow import UnitOfWork


def _rows(n: int, start: int, code: str) -> list[dict]:
    return [{"nik": f"73090145059{i % 100000:05d}", "kpj": f"{code}{i:08d}",
             "name": f"Peserta Nomor {i}", "name_search": f"peserta nomor {i}",
             "birth_date": date(1980 + i % 30, 1 + i % 12, 1 + i % 28),
             "sex": "LP"[i % 2], "address": f"Dusun {i % 7}, Desa Contoh",
             "village_code": "73.09.01.2001", "phone": f"0812{i:08d}", "occupation": "petani",
             "segment": "BPU", "funding_source": "MANDIRI", "partner_id": None,
             "income": 2_000_000, "tmt": date(2025, 1, 1), "registered_on": date(2025, 1, 1),
             "status": "aktif", "status_reason": ""} for i in range(start, start + n)]


def _fill(db: Database, code: str, n: int) -> None:
    actor = Actor("admin", "admin", code)
    step = 20000
    for start in range(0, n, step):
        with UnitOfWork(db, actor, write=True) as uow:
            record_bulk_insert(uow.session, actor, Participant, _rows(min(step, n - start),
                                                                    start, code))
            uow.commit()


def _export(db: Database, code: str, to: str, out: Path):
    actor = Actor("admin", "admin", code)
    with UnitOfWork(db, actor, write=True) as uow:
        result = export_changes(uow, target=to, out=out)
        uow.commit()
    return result


def _import(db: Database, code: str, path: Path):
    actor = Actor("admin", "admin", code)
    with UnitOfWork(db, actor, write=True) as uow:
        result = import_changes(uow, path=path)
        uow.commit()
    return result


def _baseline(template: Path, filled: Path, folder: Path) -> tuple[float, int]:
    """executemany of the same participant rows into the same table (same indexes and
    triggers) of a fresh copy of the receiving office's database."""
    target = folder / "baseline.db"
    shutil.copy(template, target)
    with sqlite3.connect(filled) as src:
        cols = [r[1] for r in src.execute("PRAGMA table_info(participants)")]
        rows = src.execute(f"SELECT {', '.join(cols)} FROM participants").fetchall()
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    began = time.perf_counter()
    conn.executemany(f"INSERT INTO participants ({', '.join(cols)}) VALUES "
                     f"({', '.join('?' * len(cols))})", rows)
    conn.commit()
    elapsed = time.perf_counter() - began
    conn.close()
    return elapsed, len(rows)


def run(n: int, mem_sizes: tuple[int, int]) -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    templates = build_templates(folder, ["MRS", "PKJ"])
    work = folder / "run"
    work.mkdir()
    a_path, b_path = work / "MRS.db", work / "PKJ.db"
    shutil.copy(templates["MRS"], a_path)
    shutil.copy(templates["PKJ"], b_path)
    a, b = Database(a_path), Database(b_path)
    _fill(a, "MRS", n)
    began = time.perf_counter()
    out = _export(a, "MRS", "PKJ", work / "mrs-pkj.bdsync")
    t_export = time.perf_counter() - began
    began = time.perf_counter()
    result = _import(b, "PKJ", Path(out.path))
    t_import = time.perf_counter() - began
    assert result.inserted >= n, result.message
    t_base, base_rows = _baseline(templates["PKJ"], b_path, work)
    assert base_rows == n
    # acknowledgement back, then one edit: the next file carries one change
    _import(a, "MRS", Path(_export(b, "PKJ", "MRS", work / "ack.bdsync").path))
    with UnitOfWork(a, Actor("admin", "admin", "MRS"), write=True) as uow:
        from sqlalchemy import select

        p = uow.session.scalars(select(Participant).limit(1)).one()
        p.phone = "0811-000-111"
        uow.commit()
    one = _export(a, "MRS", "PKJ", work / "one.bdsync")
    lines = [
        f"changes exported/imported: {out.changes:,} (participants {n:,})",
        f"export: {t_export:.2f} s ({out.changes / t_export:,.0f} changes/s)",
        f"import: {t_import:.2f} s ({out.changes / t_import:,.0f} changes/s)",
        f"sqlite3 executemany of the same {n:,} rows: {t_base:.2f} s "
        f"({n / t_base:,.0f} rows/s)",
        f"import rate / executemany rate: {t_base / t_import:.2f} (target >= 0.25)",
        f"file: {out.size:,} bytes = {out.size / out.changes:.0f} bytes per change",
        f"file with one changed record (database of {n:,} participants): "
        f"{one.size:,} bytes, {one.changes} change(s)",
    ]
    a.dispose()
    b.dispose()
    peaks = []
    for size in mem_sizes:
        w = folder / f"mem{size}"
        w.mkdir()
        shutil.copy(templates["MRS"], w / "MRS.db")
        shutil.copy(templates["PKJ"], w / "PKJ.db")
        a, b = Database(w / "MRS.db"), Database(w / "PKJ.db")
        _fill(a, "MRS", size)
        tracemalloc.start()
        path = Path(_export(a, "MRS", "PKJ", w / "f.bdsync").path)
        exp_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        _import(b, "PKJ", path)
        imp_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        peaks.append((size, exp_peak, imp_peak))
        a.dispose()
        b.dispose()
    for size, e, i in peaks:
        lines.append(f"peak Python memory at {size:,} changes: export {e / 2**20:.1f} MiB, "
                     f"import {i / 2**20:.1f} MiB")
    (s1, e1, i1), (s2, e2, i2) = peaks
    lines.append(f"memory growth for {s2 / s1:.0f}x the changes: export x{e2 / e1:.2f}, "
                 f"import x{i2 / i1:.2f} (flat = streaming)")
    shutil.rmtree(folder, ignore_errors=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--mem-rows", type=int, nargs=2, default=(10_000, 40_000))
    args = parser.parse_args()
    for line in run(args.rows, tuple(args.mem_rows)):
        print(line)


if __name__ == "__main__":
    main()
