"""Start-up: `branch-desk --version` and the main window shown, against bare baselines.

Run: `.venv/bin/python benchmarks/bench_startup.py [--db demo.db] [--runs 5]`.
Baselines, measured in the same run: `python -c pass` for --version; a bare QApplication
showing an empty QMainWindow for the main window. Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WINDOW_SCRIPT = r"""
import sys, time
t0 = time.perf_counter()
from branch_desk.db.base import utcnow
from branch_desk.services.admin.users import authenticate
from branch_desk.ui.shell.startup import application, open_main_window, prepare_database
from branch_desk.ui.shell.login import LoginDialog
app = application()
db = prepare_database(sys.argv[1])
login = LoginDialog(db, "Kantor Cabang Maros")
login.show()
app.processEvents()
t_login = time.perf_counter() - t0
actor = authenticate(db, "admin", "admin-demo", now=utcnow())
window = open_main_window(db, actor)
window.show()
app.processEvents()  # includes the Beranda figures, loaded just after the window appears
print(t_login, time.perf_counter() - t0)
"""

BARE_SCRIPT = r"""
import time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 760); w.show()
app.processEvents()
print(time.perf_counter() - t0)
"""


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def _inner(cmd: list[str], env: dict[str, str]) -> list[float]:
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return [float(v) for v in out.strip().splitlines()[-1].split()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="a demo database (made with `branch-desk demo` if absent)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               BRANCH_DESK_DATA=tempfile.mkdtemp(prefix="bd-bench-"))
    db = Path(args.db) if args.db else Path(env["BRANCH_DESK_DATA"]) / "demo.db"
    if not db.exists():
        subprocess.run([sys.executable, "-m", "branch_desk", "--db", str(db), "demo",
                        "--participants", "300"], check=True, capture_output=True, env=env)
    bd = [sys.executable, "-m", "branch_desk", "--version"]
    version = [_wall(bd, env) for _ in range(args.runs)]
    python = [_wall([sys.executable, "-c", "pass"], env) for _ in range(args.runs)]
    window = [_inner([sys.executable, "-c", WINDOW_SCRIPT, str(db)], env)
              for _ in range(args.runs)]
    bare = [_inner([sys.executable, "-c", BARE_SCRIPT], env) for _ in range(args.runs)]
    bare_s = statistics.median(b[0] for b in bare)
    rows = [
        ("branch-desk --version (wall)", statistics.median(version), statistics.median(python),
         "python -c pass"),
        ("login dialog shown (in process)", statistics.median(w[0] for w in window), bare_s,
         "bare QMainWindow"),
        ("main window + figures shown", statistics.median(w[1] for w in window), bare_s,
         "bare QMainWindow"),
    ]
    print(f"{'measure':<34} {'median s':>9} {'baseline s':>11} {'ratio':>6}  baseline")
    for name, value, base, base_name in rows:
        print(f"{name:<34} {value:>9.3f} {base:>11.3f} {value / base:>6.2f}  {base_name}")


if __name__ == "__main__":
    main()
