"""One user working from many windows or scripts at once: logging in never makes a write
fail. 21 processes run `participants add` as the same user at the same moment (each one
logs in first): all succeed, with distinct KPJ numbers (SQLite, and PostgreSQL when
BRANCH_DESK_TEST_PG is set)."""

from __future__ import annotations

import multiprocessing as mp
import os
from typing import Any

from sqlalchemy import func, select

from branch_desk.db.models.core import ChangeEntry
from branch_desk.db.models.participants import Participant
from tests.support.offices import PASSWORDS

PROCESSES = 21
CTX = mp.get_context("fork")


def _add(db: str, index: int, start: Any, out: Any) -> None:
    """One script: `branch-desk participants add` as petugas, in this process."""
    import contextlib
    import io

    from branch_desk.cli.main import main

    os.environ["BRANCH_DESK_PASSWORD"] = PASSWORDS["petugas"]
    start.wait(timeout=60)
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["--db", db, "--user", "petugas", "participants", "add",
                     "--nik", f"73090145059{index + 100:05d}",
                     "--name", f"Peserta {chr(65 + index)}", "--village", "73.09.01.1001",
                     "--allow-duplicate"])
    out.put((index, code, err.getvalue()))


def test_21_concurrent_adds_by_one_user_all_succeed(office):
    office.db.dispose()
    start, out = CTX.Barrier(PROCESSES), CTX.Queue()
    workers = [CTX.Process(target=_add, args=(str(office.path), i, start, out))
               for i in range(PROCESSES)]
    for w in workers:
        w.start()
    results = sorted(out.get(timeout=300) for _ in workers)
    for w in workers:
        w.join(timeout=60)
    failed = [(i, err) for i, code, err in results if code != 0]
    assert failed == []
    with office.uow("admin", write=False) as uow:
        kpjs = list(uow.session.scalars(select(Participant.kpj)))
        assert len(kpjs) == len(set(kpjs)) == PROCESSES
        # logins are no synchronised change: only the registrations were logged for sync
        assert uow.session.scalar(select(func.count()).select_from(ChangeEntry).where(
            ChangeEntry.table_name == "users", ChangeEntry.op == "update")) == 0
