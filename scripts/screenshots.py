"""Screenshots of every page of the program with demo data, for the user guide
(src/branch_desk/resources/guide/user-guide.md and its English user-guide.en.md, also shown
inside the program: Bantuan).

Run: `xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py`
(real windows on a virtual X screen; without a display it falls back to the offscreen
platform). Writes resources/guide/screenshots/guide-*.png at 1366×768, a small office screen,
with the Indonesian interface; `--language en` shows the English interface and writes the same
pictures as guide-en-*.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "branch_desk" / "resources" / "guide" / "screenshots"
PAGES_SHOWN = ("beranda", "peserta", "iuran", "klaim", "mitra", "sinkronisasi", "laporan",
               "pengaturan")


def prefix(language: str) -> str:
    """How the pictures of `language` are named: guide-X.png, guide-en-X.png."""
    return "guide-" if language == "id" else f"guide-{language}-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("id", "en"), default="id",
                        help="interface language of the pictures (default: id, Bahasa Indonesia)")
    language = parser.parse_args(argv).language
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = Path(tempfile.mkdtemp(prefix="bd-shots-"))
    os.environ["BRANCH_DESK_DATA"] = str(data)
    from branch_desk.services import clock
    from branch_desk.services.admin.users import authenticate
    from branch_desk.services.database import open_database
    from branch_desk.services.demo.office import build_demo
    from branch_desk.ui.shell.i18n import current_language, install_language, save_language
    from branch_desk.ui.shell.login import LoginDialog
    from branch_desk.ui.shell.startup import application, open_main_window

    save_language(language)  # in the temporary data folder: Pengaturan shows the choice
    app = application()
    install_language(app, language)  # before any window is built
    if current_language() != language:
        print(f"the {language!r} interface could not be installed", file=sys.stderr)
        return 1
    name = prefix(language)
    db = open_database(data / "demo.db")
    build_demo(db, seed=2025, participants=600)
    OUT.mkdir(parents=True, exist_ok=True)
    login = LoginDialog(db, "Kantor Cabang Maros", username="petugas")
    login.show()
    app.processEvents()
    login.grab().save(str(OUT / f"{name}login.png"))
    login.close()
    for user in ("admin",):
        actor = authenticate(db, user, f"{user}-demo", now=clock.now())
        window = open_main_window(db, actor)
        window.resize(1366, 768)
        window.show()
        for index, key in enumerate(PAGES_SHOWN):
            window.nav.setCurrentRow(index)
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(OUT / f"{name}{index + 1}-{key}.png"))
        window.close()
    _claim_intake(app, db, name)
    print(f"screenshots in {OUT}")
    return 0


def _claim_intake(app, db, name: str) -> None:  # type: ignore[no-untyped-def]
    """guide-4b: an officer recording a JKK partial disability (demo participant, seed 2025)."""
    from datetime import timedelta

    from PySide6.QtCore import QDate

    from branch_desk.services import clock
    from branch_desk.services.admin.users import authenticate
    from branch_desk.ui.shell.startup import open_main_window

    actor = authenticate(db, "petugas", "petugas-demo", now=clock.now())
    window = open_main_window(db, actor)
    window.resize(1366, 768)
    window.show()
    page = window.go_to("klaim")
    page.new_item()
    form = page.intake
    form.search.setText("37500000015")
    form.find_participants()
    today = QDate.currentDate().toPython()
    form.type.setCurrentIndex(form.type.findData("JKK"))
    form.event_date.setDate(QDate(today - timedelta(days=3)))
    form.place.setText("Perairan Wangi-Wangi")
    form.description.setText("Terkena kail saat melaut")
    facts = form.facts
    facts.reported_on.setDate(QDate(today - timedelta(days=2)))
    facts.outcome.setCurrentIndex(facts.outcome.findData("partial_disability"))
    facts.anatomic.setCurrentIndex(facts.anatomic.findData("satu_mata"))
    facts.medical.setText("Rp7.850.000")
    facts.transport.setCurrentIndex(facts.transport.findData("laut"))
    facts.transport_cost.setText("Rp2.500.000")
    facts.stmb.setValue(3)
    form.refresh_preview()
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(OUT / f"{name}4b-klaim-catat.png"))
    form.clear()  # the claim was only for the picture: closing would ask whether to discard it
    window.close()


if __name__ == "__main__":
    sys.exit(main())
