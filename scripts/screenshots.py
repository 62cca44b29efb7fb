"""Screenshots of every page of the program with demo data, for docs/user-guide.md.

Run: `xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py`
(real windows on a virtual X screen; without a display it falls back to the offscreen
platform). Writes docs/screenshots/guide-*.png at 1366×768, a small office screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
PAGES_SHOWN = ("beranda", "peserta", "iuran", "klaim", "mitra", "sinkronisasi", "laporan",
               "pengaturan")


def main() -> int:
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = Path(tempfile.mkdtemp(prefix="bd-shots-"))
    os.environ["BRANCH_DESK_DATA"] = str(data)
    from branch_desk.db.base import utcnow
    from branch_desk.db.engine import Database
    from branch_desk.services.demo import build_demo
    from branch_desk.services.users import authenticate
    from branch_desk.ui.app import application, open_main_window
    from branch_desk.ui.login import LoginDialog

    app = application()
    db = Database(data / "demo.db")
    build_demo(db, seed=2025, participants=600)
    OUT.mkdir(parents=True, exist_ok=True)
    login = LoginDialog(db, "Kantor Cabang Maros", username="petugas")
    login.show()
    app.processEvents()
    login.grab().save(str(OUT / "guide-login.png"))
    login.close()
    for user in ("admin",):
        actor = authenticate(db, user, f"{user}-demo", now=utcnow())
        window = open_main_window(db, actor)
        window.resize(1366, 768)
        window.show()
        for index, key in enumerate(PAGES_SHOWN):
            window.nav.setCurrentRow(index)
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(OUT / f"guide-{index + 1}-{key}.png"))
        window.close()
    print(f"screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
