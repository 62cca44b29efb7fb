"""Kill a real `branch-desk` command with SIGKILL at many points, then check the database.

A campaign runs one operation (a CLI command) against fresh copies of a template
database. Each trial kills the process at one kill point: either after a delay (spread over
the duration of an undisturbed run) or as soon as SQLite's write-ahead log has grown to a
given size (spread over the largest WAL size seen in the undisturbed run, so kills land
inside the write and the commit, not only in Python's start-up). After the kill:

- `PRAGMA integrity_check` passes and the audit hash chain is intact;
- the operation's state is exactly "not applied" or exactly "applied" (never between);
- running the command again completes and leaves exactly the "applied" state (no duplicate).
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.program import program_command

POLL = 0.0002


@dataclass(frozen=True)
class KillPoint:
    kind: str  # "time": seconds after start | "wal": bytes of WAL written
    value: float

    def __str__(self) -> str:
        return f"{self.value:.3f}s" if self.kind == "time" else f"WAL≥{int(self.value)}B"


@dataclass(frozen=True)
class CrashOperation:
    """A command to break, and how to read what it writes."""

    name: str
    argv: Sequence[str]  # after `branch-desk`, without --db/--user
    user: str
    password: str
    # A summary of everything the operation writes (compared for equality).
    state: Callable[[Path], Any]
    # Extra invariants after any run (e.g. no duplicate NIK); raise AssertionError.
    invariants: Callable[[Path], None] = lambda _path: None
    # When the killed run had already committed, a re-run may refuse with this message
    # (e.g. "already used") instead of completing: that refusal is the no-duplicate rule.
    done_message: str = ""
    timeout: float = 120.0


@dataclass
class TrialResult:
    point: KillPoint
    killed: bool
    applied_after_kill: bool
    rerun_code: int


@dataclass
class CampaignReport:
    operation: str
    baseline_seconds: float
    max_wal_bytes: int
    trials: list[TrialResult] = field(default_factory=list)

    @property
    def kill_points(self) -> int:
        return len(self.trials)

    @property
    def killed(self) -> int:
        return sum(t.killed for t in self.trials)

    def summary(self) -> str:
        killed = [t for t in self.trials if t.killed]
        none = sum(not t.applied_after_kill for t in killed)
        return (f"{self.operation}: {self.kill_points} kill points "
                f"({sum(t.point.kind == 'time' for t in self.trials)} by time, "
                f"{sum(t.point.kind == 'wal' for t in self.trials)} by WAL size); "
                f"{len(killed)} killed mid-run ({none} left nothing, "
                f"{len(killed) - none} left it wholly applied), "
                f"{self.kill_points - len(killed)} finished first; "
                f"undisturbed run {self.baseline_seconds:.2f}s, WAL up to "
                f"{self.max_wal_bytes // 1024} KiB; all re-runs completed without duplicates")


def _env(op: CrashOperation, data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"BRANCH_DESK_PASSWORD": op.password, "BRANCH_DESK_DATA": str(data),
                "PYTHONDONTWRITEBYTECODE": "1"})
    env.pop("BRANCH_DESK_DB", None)
    return env


def _command(op: CrashOperation, db: Path) -> list[str]:
    return program_command(*op.argv, "--db", str(db), "--user", op.user, "--json")


def _start(op: CrashOperation, db: Path) -> subprocess.Popen[bytes]:
    # Output goes to a file: a full pipe nobody reads would block the command forever.
    with (db.parent / "output.txt").open("wb") as out:
        return subprocess.Popen(_command(op, db), env=_env(op, db.parent / "data"),
                                stdout=out, stderr=subprocess.STDOUT)


def _wal_size(db: Path) -> int:
    try:
        return os.stat(str(db) + "-wal").st_size
    except FileNotFoundError:
        return 0


def _run_watching(op: CrashOperation, db: Path,
                  point: KillPoint | None) -> tuple[bool, float, int, subprocess.Popen[bytes]]:
    """Run the command; kill it at `point`. (killed, seconds, max WAL size, process)."""
    start = time.perf_counter()
    proc = _start(op, db)
    max_wal = 0
    killed = False
    while proc.poll() is None:
        elapsed = time.perf_counter() - start
        size = _wal_size(db)
        max_wal = max(max_wal, size)
        due = point is not None and (
            (point.kind == "time" and elapsed >= point.value)
            or (point.kind == "wal" and size >= point.value))
        if due:
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
            break
        if elapsed > op.timeout:
            proc.kill()
            raise AssertionError(f"{op.name}: no end after {op.timeout}s")
        time.sleep(POLL)
    proc.wait()
    if killed and proc.returncode != -signal.SIGKILL:
        killed = False  # it had finished on its own just before the signal
    return killed, time.perf_counter() - start, max_wal, proc


def _fresh_copy(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    db = folder / "office.db"
    shutil.copy(template, db)
    return db


def check_database(db: Path) -> None:
    """SQLite integrity and the audit chain, after recovery from the WAL."""
    conn = sqlite3.connect(db)  # read-write: the first connection replays the WAL
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], db
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], db
    finally:
        conn.close()
    from branch_desk.db.engine import Database
    from branch_desk.domain.actor import system_actor
    from branch_desk.services.admin.audit import verify_audit_chain
    from branch_desk.services.admin.offices import office_of
    from branch_desk.services.uow import UnitOfWork

    database = Database(db)
    try:  # the audit is read as an admin would read it (VIEW_AUDIT)
        with UnitOfWork(database, system_actor(office_of(database).code)) as uow:
            result = verify_audit_chain(uow)
        assert result.ok, result.message
    finally:
        database.dispose()


def _output(db: Path) -> str:
    return (db.parent / "output.txt").read_text(encoding="utf-8", errors="replace")[-3000:]


def _trial(template: Path, op: CrashOperation, point: KillPoint, folder: Path,
           before: Any, after: Any) -> TrialResult:
    db = _fresh_copy(template, folder)
    killed, _, _, proc = _run_watching(op, db, point)
    if not killed:
        assert proc.returncode == 0, _output(db)
    check_database(db)
    state = op.state(db)
    assert state in (before, after), (
        f"{op.name} half applied after a kill at {point}: {state!r}")
    op.invariants(db)
    rerun = subprocess.run(_command(op, db), env=_env(op, folder / "data"),
                           capture_output=True, text=True, check=False, timeout=op.timeout)
    rerun_text = rerun.stdout[-3000:] + rerun.stderr[-3000:]
    refused_as_done = (state == after and bool(op.done_message)
                       and op.done_message in rerun_text)
    assert rerun.returncode == 0 or refused_as_done, (
        f"re-run after a kill at {point}: {rerun_text}")
    check_database(db)
    assert op.state(db) == after, f"re-run after a kill at {point} left {op.state(db)!r}"
    op.invariants(db)
    shutil.rmtree(folder, ignore_errors=True)
    return TrialResult(point, killed, state == after, rerun.returncode)


def spread(count: int, high: float, low: float = 0.0) -> list[float]:
    """`count` values evenly spread over (low, high]."""
    return [low + (high - low) * (i + 1) / count for i in range(count)]


def run_campaign(template: Path, op: CrashOperation, workdir: Path, *, by_time: int,
                 by_wal: int, workers: int | None = None) -> CampaignReport:
    """Measure an undisturbed run, then kill copies at `by_time + by_wal` points."""
    base_db = _fresh_copy(template, workdir / "baseline")
    before = op.state(base_db)
    _, seconds, max_wal, proc = _run_watching(op, base_db, None)
    assert proc.returncode == 0, _output(base_db)
    after = op.state(base_db)
    assert after != before, f"{op.name}: the undisturbed run changed nothing"
    check_database(base_db)
    op.invariants(base_db)
    points = [KillPoint("time", t) for t in spread(by_time, seconds * 1.05)]
    points += [KillPoint("wal", max(1.0, w)) for w in spread(by_wal, float(max_wal))]
    report = CampaignReport(op.name, seconds, max_wal)
    jobs = workers or max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_trial, template, op, point, workdir / f"trial-{i:03d}", before,
                               after) for i, point in enumerate(points)]
        report.trials = [f.result() for f in futures]
    print("\n" + report.summary())
    return report
