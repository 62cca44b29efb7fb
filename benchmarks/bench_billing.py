"""A Pemda bill for many workers, built and paid (issue: 25.000 workers in ≤ 5 s).

    .venv/bin/python benchmarks/bench_billing.py               # 25.000 workers
    .venv/bin/python benchmarks/bench_billing.py --rows 5000

Workers are inserted directly (with their JKK/JKM enrolments); a tenth start mid-period so the
bill is pro rata. Timed: `build_bill` + commit, and `pay_bill` + commit (ledger entries with
change log and audit chain, coverage spells). Baseline in the same run: recording the same
kind of payment one worker at a time with `record_payment` for 200 workers, extrapolated.
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

from sqlalchemy import func, select

from branch_desk.db.engine import Database
from branch_desk.db.models.contributions import ContributionEntry, CoverageSpell
from branch_desk.db.models.core import AuditEntry
from branch_desk.domain.actor import Actor
from branch_desk.services.admin.offices import initialise
from branch_desk.services.contributions.billing import build_bill, pay_bill
from branch_desk.services.contributions.payments import record_payment
from branch_desk.services.uow import UnitOfWork

NOW = "2025-06-16 00:00:00.000000"
TODAY = date(2025, 6, 16)


def insert_workers(path: Path, partner: str | None, rows: int, seed: int, offset: int,
                   late_share: float = 0.1) -> list[str]:
    rnd = random.Random(seed)
    con = sqlite3.connect(path)
    sync = ("MRS", NOW, NOW, "bench", 1, 0, 1)
    people, enrol, ids = [], [], []
    for n in range(rows):
        pid = str(uuid.uuid4())
        ids.append(pid)
        tmt = date(2025, rnd.randrange(2, 7), 5) if rnd.random() < late_share \
            else date(2024, 12, 1)
        people.append((pid, f"{offset + n:016d}", f"{offset + n:011d}", f"pekerja {n}",
                       f"pekerja {n}", "1980-01-01", "L", "73.09.01.2003", "BPU",
                       "APBD" if partner else "MANDIRI", partner, 1_000_000, tmt.isoformat(),
                       tmt.isoformat(), "aktif", "JKK JKM", *sync))
        for program in ("JKK", "JKM"):
            enrol.append((str(uuid.uuid4()), pid, program, tmt.isoformat(), *sync))
    con.executemany(
        "INSERT INTO participants (id, nik, kpj, name, name_search, birth_date, sex,"
        " village_code, segment, funding_source, partner_id, income, tmt, registered_on,"
        " status, programs, address, phone, occupation, status_reason, origin_office,"
        " created_at, updated_at, updated_by, lamport, deleted, version)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'','','','',?,?,?,?,?,?,?)", people)
    con.executemany(
        "INSERT INTO enrolments (id, participant_id, program, start_date, end_date,"
        " origin_office, created_at, updated_at, updated_by, lamport, deleted, version)"
        " VALUES (?,?,?,?,NULL,?,?,?,?,?,?,?)", enrol)
    con.commit()
    con.close()
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=25_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "bench_billing.db"
    db = Database(path)
    admin = initialise(db, office_code="MRS", office_name="Kantor Cabang Maros", admin="admin",
                       password="bench-password-1", region_code="73.09")
    from branch_desk.services.partners.registry import PartnerData, add_partner

    with UnitOfWork(db, admin, write=True) as uow:
        partner = add_partner(uow, data=PartnerData(code="PEMKAB-MAROS", name="Pemkab Maros",
                                                    kind="pemkab", region_code="73.09"))
        uow.commit()
    insert_workers(path, partner.id, args.rows, args.seed, 0)
    solo = insert_workers(path, None, 200, args.seed, 10_000_000, late_share=0)
    officer = Actor("admin", "admin", "MRS", "Admin")

    start, cpu = time.perf_counter(), time.process_time()
    with UnitOfWork(db, officer, write=True) as uow:
        bill = build_bill(uow, partner_code="PEMKAB-MAROS", first_month=date(2025, 1, 1),
                          months=12, today=TODAY)
        uow.commit()
    t_build = time.perf_counter() - start
    start = time.perf_counter()
    with UnitOfWork(db, officer, write=True) as uow:
        pay_bill(uow, bill_number=bill.number, paid_on=TODAY, reference="SP2D")
        uow.commit()
    t_pay = time.perf_counter() - start
    cpu = time.process_time() - cpu

    start = time.perf_counter()
    for pid in solo:
        with UnitOfWork(db, officer, write=True) as uow:
            record_payment(uow, participant_id=pid, first_month=date(2025, 1, 1), months=12,
                           payer="x", paid_on=TODAY)
            uow.commit()
    per_worker = (time.perf_counter() - start) / len(solo)

    with UnitOfWork(db) as uow:
        entries = uow.session.scalar(select(func.count()).select_from(ContributionEntry).where(
            ContributionEntry.bill_id.is_not(None)))
        spells = uow.session.scalar(select(func.count()).select_from(CoverageSpell))
        audits = uow.session.scalar(select(func.count()).select_from(AuditEntry))
    print(f"bill {bill.number}: {bill.workers:,} workers, Rp{bill.total:,} "
          f"({entries:,} ledger entries, {spells:,} spells, {audits:,} audit entries)")
    print(f"build_bill: {t_build:.2f} s; pay_bill: {t_pay:.2f} s; "
          f"together {t_build + t_pay:.2f} s wall, {cpu:.2f} s CPU of this process")
    print(f"baseline: record_payment one worker at a time {per_worker * 1000:.1f} ms/worker "
          f"→ {per_worker * args.rows:.0f} s for {args.rows:,}")
    print(f"ratio baseline / bill path: {per_worker * args.rows / (t_build + t_pay):.0f}x")
    db.dispose()


if __name__ == "__main__":
    main()
