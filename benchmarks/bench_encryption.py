"""Encryption at rest: the same work on a plain and on an encrypted (SQLCipher) copy of the
same database, in the same run; prints each ratio (target ≤ 1.3×).

    .venv/bin/python benchmarks/bench_encryption.py [--search-rows N] [--import-rows N]
        [--sync-rows N] [--repeat R] [--rounds K]

- participant search: the first page of each kind of search (`search_participants`), median
  of R runs, over N participants (default 100,000) built as bench_participants_search does;
- the import of an N-row Pemda xlsx (default 100,000), as bench_participants_import does;
- the sync import of a file with N participants (default 20,000), as bench_sync does.

The encrypted copy is made from the plain one with `sqlcipher_export` (same pages, same
indexes), opened as the program opens it (`Database(path, key=…)`: raw key, no KDF). The
import and the sync import run K rounds, alternating which copy goes first (on a shared
machine the load changes within a run); the fastest time of each is reported.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_participants_import import import_template, write_sheet
from bench_participants_search import build, median_ms

from branch_desk.db.encryption import export_encrypted
from branch_desk.db.engine import Database
from branch_desk.domain.actor import Actor
from branch_desk.services.uow import UnitOfWork

KEY = secrets.token_bytes(32)
ACTOR = Actor("admin", "admin", "MRS")


def pair(plain: Path, folder: Path, name: str) -> tuple[Path, Path]:
    """A plain copy and an encrypted copy of `plain` in `folder`."""
    a = folder / f"{name}-plain.db"
    shutil.copy(plain, a)
    b = export_encrypted(plain, folder / f"{name}-encrypted.db", key=KEY)
    return a, b


def bench_search(folder: Path, rows: int, repeat: int) -> list[tuple[str, float, float]]:
    from branch_desk.services.participants.queries import search_participants
    from branch_desk.services.participants.rows import ParticipantQuery

    source = folder / "search.db"
    build(source, rows)
    plain, encrypted = pair(source, folder, "search")
    conn = sqlite3.connect(source)
    sample_nik, sample_kpj = conn.execute("SELECT nik, kpj FROM participants WHERE rowid = ?",
                                          (rows // 2,)).fetchone()
    conn.close()
    queries = [("NIK prefix (10 digits)", ParticipantQuery(text=sample_nik[:10])),
               ("KPJ (11 digits)", ParticipantQuery(text=sample_kpj)),
               ("name prefix 'andi ba'", ParticipantQuery(text="Andi Ba")),
               ("list, no search", ParticipantQuery()),
               ("word inside names 'rahman'", ParticipantQuery(text="rahman")),
               ("village filter", ParticipantQuery(village_code="73.09.01.2003"))]
    results = []
    dbs = (Database(plain), Database(encrypted, key=KEY))
    for label, query in queries:
        # plain and encrypted timed in turns, so a burst of load on the shared machine
        # lands on both
        samples: tuple[list[float], list[float]] = ([], [])
        with UnitOfWork(dbs[0], ACTOR) as first, UnitOfWork(dbs[1], ACTOR) as second:
            for _ in range(repeat):
                for times, uow in zip(samples, (first, second), strict=True):
                    times.append(median_ms(lambda u=uow, q=query: search_participants(u, q),
                                           1))
        results.append((label, statistics.median(samples[0]), statistics.median(samples[1])))
    for db in dbs:
        db.dispose()
    return results


def bench_import(folder: Path, rows: int, rounds: int) -> tuple[float, float]:
    from branch_desk.services.participants.importing import import_participants

    xlsx = folder / "daftar.xlsx"
    write_sheet(xlsx, rows)
    template = import_template(folder / "import-template.db")
    best = [float("inf"), float("inf")]
    for round_ in range(rounds):
        plain, encrypted = pair(template, folder, "import")
        order = [(0, plain, None), (1, encrypted, KEY)]
        for index, path, key in order[::-1] if round_ % 2 else order:
            db = Database(path, key=key)
            began = time.perf_counter()
            with UnitOfWork(db, ACTOR, write=True) as uow:
                report = import_participants(uow, xlsx, partner_code="PEMKAB-MAROS",
                                             dry_run=False, today=date(2025, 6, 16))
                uow.commit()
            best[index] = min(best[index], time.perf_counter() - began)
            assert report.imported == rows, report
            db.dispose()
    return best[0], best[1]


def bench_sync(folder: Path, rows: int, rounds: int) -> tuple[float, float, int]:
    from bench_sync import _export, _fill, _import
    from tests.support.sync import build_templates

    templates = build_templates(folder / "sync", ["MRS", "PKJ"])
    source = folder / "sync-MRS.db"
    shutil.copy(templates["MRS"], source)
    sender = Database(source)
    _fill(sender, "MRS", rows)
    out = _export(sender, "MRS", "PKJ", folder / "mrs-pkj.bdsync")
    sender.dispose()
    best = [float("inf"), float("inf")]
    for round_ in range(rounds):
        plain, encrypted = pair(templates["PKJ"], folder, "sync")
        order = [(0, plain, None), (1, encrypted, KEY)]
        for index, path, key in order[::-1] if round_ % 2 else order:
            db = Database(path, key=key)
            began = time.perf_counter()
            result = _import(db, "PKJ", Path(out.path))
            best[index] = min(best[index], time.perf_counter() - began)
            assert result.inserted >= rows, result.message
            db.dispose()
    return best[0], best[1], out.changes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--search-rows", type=int, default=100_000)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--sync-rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-encryption-"))
    try:
        print(f"participant search over {args.search_rows:,} participants "
              f"(median of {args.repeat}, first page):")
        print(f"  {'search':<30} {'plain ms':>9} {'encrypted ms':>13} {'ratio':>6}")
        for label, plain, encrypted in bench_search(folder, args.search_rows, args.repeat):
            print(f"  {label:<30} {plain:>9.2f} {encrypted:>13.2f} {encrypted / plain:>6.2f}")
        plain, encrypted = bench_import(folder, args.import_rows, args.rounds)
        print(f"import of a {args.import_rows:,}-row xlsx (best of {args.rounds}): plain "
              f"{plain:.2f} s, encrypted {encrypted:.2f} s, ratio {encrypted / plain:.2f}")
        plain, encrypted, changes = bench_sync(folder, args.sync_rows, args.rounds)
        print(f"sync import of {changes:,} changes ({args.sync_rows:,} participants, best of "
              f"{args.rounds}): plain "
              f"{plain:.2f} s, encrypted {encrypted:.2f} s, ratio {encrypted / plain:.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
