"""Import of an N-row Pemda xlsx (default 100,000) against its baseline in the same run:
reading the file with python-calamine + a raw sqlite3 executemany of the same participant
rows into a copy of the same empty database. Reports rows per second and peak memory.

    .venv/bin/python benchmarks/bench_participants_import.py [--rows N] [--profile [--sort tottime]]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path


def write_sheet(path: Path, rows: int, seed: int = 11) -> None:
    from openpyxl import Workbook

    from branch_desk.domain import regions

    rng = random.Random(seed)
    villages = [(d.code, v.name) for d in regions.children("73.09")
                for v in regions.children(d.code)]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Daftar")
    ws.append(["DAFTAR PEKERJA RENTAN PEMERINTAH KABUPATEN MAROS TAHUN 2025"])
    ws.append(["No", "NIK", "Nama", "Tanggal Lahir", "Jenis Kelamin", "Alamat",
               "Desa/Kelurahan", "Pekerjaan", "No HP", "Penghasilan", "Mulai Kepesertaan"])
    first = ("ANDI", "MUHAMMAD", "SITTI", "NUR", "ABDUL", "BASO", "HASAN", "RAHMAT", "JUMRIAH")
    last = ("TAHIR", "LALLO", "SIKKI", "BETA", "SILA", "TIRO", "RASYID", "KADIR", "MUSTAFA")
    jobs = ("NELAYAN", "PETANI", "PEDAGANG ASONGAN", "TUKANG BENTOR", "IMAM MASJID", "KETUA RT")
    seen: dict[str, int] = {}
    for i in range(rows):
        district, village = rng.choice(villages)
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 45))
        sex = rng.choice("LP")
        day = born.day + (40 if sex == "P" else 0)
        prefix = f"{district.replace('.', '')}{day:02d}{born:%m%y}"
        seen[prefix] = seen.get(prefix, 0) + 1
        ws.append([i + 1, f"{prefix}{seen[prefix]:04d}",
                   f"{rng.choice(first)} {rng.choice(last)} {rng.choice(last)}",
                   born, sex, f"Dusun {rng.randrange(1, 9)}", village, rng.choice(jobs),
                   f"08{rng.randrange(10**9, 10**10)}", 1_000_000, date(2025, 1, 1)])
    wb.save(path)


def import_template(path: Path) -> Path:
    """An office MRS with the partner PEMKAB-MAROS at `path`: where the lists are imported."""
    from branch_desk.db.engine import Database
    from branch_desk.services.admin.offices import initialise
    from branch_desk.services.partners.registry import PartnerData, add_partner
    from branch_desk.services.uow import UnitOfWork

    db = Database(path)
    admin = initialise(db, office_code="MRS", office_name="Kantor Cabang Maros", admin="admin",
                       password="bench-password-1", region_code="73.09")
    with UnitOfWork(db, admin, write=True) as uow:
        add_partner(uow, data=PartnerData(code="PEMKAB-MAROS", name="Pemkab Maros",
                                          kind="pemkab", region_code="73.09"))
        uow.commit()
    db.dispose()
    return path


def baseline(xlsx: Path, db: Path) -> tuple[float, float, float]:
    """calamine read; raw executemany of the same participant rows (seconds each); CPU
    seconds of both."""
    from python_calamine import CalamineWorkbook

    cpu = time.process_time()
    t0 = time.perf_counter()
    cells = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
    read = time.perf_counter() - t0
    now = "2025-06-16 02:30:00.000000"
    rows = [(str(uuid.uuid4()), "MRS", now, now, "bench", 1, 0, 1, r[1], f"{i:011d}", r[2],
             r[2].lower(), str(r[3])[:10], r[4], r[5], "73.09.01.2003", r[8], r[7], "BPU",
             "APBD", None, 1_000_000, "2025-01-01", "2025-06-16", "aktif", "", "JKK JKM")
            for i, r in enumerate(cells[2:])]
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    t0 = time.perf_counter()
    con.executemany(
        "INSERT INTO participants (id, origin_office, created_at, updated_at, updated_by, "
        "lamport, deleted, version, nik, kpj, name, name_search, birth_date, sex, address, "
        "village_code, phone, occupation, segment, funding_source, partner_id, income, tmt, "
        "registered_on, status, status_reason, programs) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.commit()
    write = time.perf_counter() - t0
    cpu = time.process_time() - cpu
    con.close()
    return read, write, cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sort", default="cumulative", help="profile order (e.g. tottime)")
    args = parser.parse_args()
    from branch_desk.db.engine import Database
    from branch_desk.domain.actor import Actor
    from branch_desk.services.participants.importing import import_participants
    from branch_desk.services.uow import UnitOfWork

    work = Path(tempfile.mkdtemp())
    xlsx = work / "daftar.xlsx"
    t0 = time.perf_counter()
    write_sheet(xlsx, args.rows)
    print(f"wrote {args.rows:,}-row xlsx in {time.perf_counter() - t0:.1f} s "
          f"({xlsx.stat().st_size / 1e6:.1f} MB)")
    template = import_template(work / "template.db")
    shutil.copy(template, work / "raw.db")
    read, write, base_cpu = baseline(xlsx, work / "raw.db")
    shutil.copy(template, work / "import.db")
    db = Database(work / "import.db")
    actor = Actor("admin", "admin", "MRS")
    profiler = cProfile.Profile() if args.profile else None
    cpu = time.process_time()
    t0 = time.perf_counter()
    if profiler:
        profiler.enable()
    with UnitOfWork(db, actor, write=True) as uow:
        report = import_participants(uow, xlsx, partner_code="PEMKAB-MAROS", dry_run=False,
                                     today=date(2025, 6, 16))
        uow.commit()
    if profiler:
        profiler.disable()
    total = time.perf_counter() - t0
    cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    base = read + write
    print(f"imported {report.imported:,}, already present {report.already_present}, "
          f"rejected {report.rejected}")
    print(f"baseline: calamine read {read:.2f} s + raw executemany {write:.2f} s = {base:.2f} s")
    print(f"import: {total:.2f} s = {total / base:.2f}x baseline; "
          f"{report.imported / total:,.0f} rows/s; peak RSS {peak:.0f} MB")
    print(f"CPU time (all threads): baseline {base_cpu:.2f} s, import {cpu:.2f} s = "
          f"{cpu / base_cpu:.2f}x")
    if profiler:
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(40)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
