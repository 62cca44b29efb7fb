"""English interface: the committed translation is complete, loads from the package, and the
main window built after installing it speaks English (dates and amounts too)."""

from __future__ import annotations

import enum
import importlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QGroupBox, QLabel

from branch_desk.config import load_settings
from branch_desk.ui.shell import i18n
from branch_desk.ui.shell.main_window import PAGES
from branch_desk.ui.shell.startup import application, open_main_window
from branch_desk.ui.shell.worker import Runner
from branch_desk.ui.widgets.formatting import fmt_date, fmt_money, fmt_number
from branch_desk.ui.widgets.i18n_domain import LABELS, domain_label
from tests.support.gui import app_context

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "branch_desk" / "ui"
TS = ROOT / "src" / "branch_desk" / "resources" / "i18n" / "branch_desk_en.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name") or "", msg.findtext("source") or ""): msg
            for ctx in root.iter("context") for msg in ctx.iter("message")}


@pytest.fixture
def english():
    app = application()
    i18n.install_language(app, "en")
    yield app
    i18n.install_language(app, "id")


def test_every_committed_message_has_an_english_translation():
    messages = _messages(TS)
    assert len(messages) > 500
    problems = []
    for (context, source), msg in messages.items():
        translation = msg.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("unfinished", "vanished", "obsolete") or not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} ({kind or 'empty'})")
    assert not problems, "untranslated or obsolete entries:\n" + "\n".join(problems)


def test_english_keeps_placeholders_and_accelerators():
    for (context, source), msg in _messages(TS).items():
        text = msg.findtext("translation") or ""
        for n in range(6):
            assert (f"{{{n}" in source) == (f"{{{n}" in text), (context, source, text)
        assert source.count("&&") == text.count("&&"), (context, source, text)


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate not installed")
def test_every_string_in_the_code_is_in_the_committed_translation(tmp_path):
    """New tr() strings without an English translation fail here: run
    scripts/update-translations.sh, translate, commit the .ts and .qm."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)  # lupdate keeps translations; it marks what is new or gone
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run([str(LUPDATE), "-no-obsolete", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    committed = _messages(TS)
    found = _messages(fresh)
    new = sorted(key for key in found if key not in committed)
    assert not new, "strings missing from branch_desk_en.ts:\n" + "\n".join(map(str, new))
    gone = sorted(key for key in committed if key not in found)
    assert not gone, "strings no longer in the code:\n" + "\n".join(map(str, gone))


def test_every_domain_label_is_listed_for_translation():
    listed = set(LABELS)
    for name in ("claim_rules", "claim_workflow", "coverage", "permissions", "programs"):
        module = importlib.import_module(f"branch_desk.domain.{name}")
        for obj in vars(module).values():
            if (isinstance(obj, type) and issubclass(obj, enum.Enum)
                    and obj.__module__ == module.__name__ and hasattr(obj, "label")):
                missing = {member.label for member in obj} - listed
                assert not missing, (obj.__name__, missing)


def test_the_compiled_translation_is_packaged_and_loads():
    path = i18n.qm_path("en")
    assert path.is_file() and path.stat().st_mtime >= TS.stat().st_mtime - 1
    translator = QTranslator()
    assert translator.load(str(path))
    assert translator.translate("MainWindow", "Pengaturan") == "Settings"
    assert translator.translate("domain", "Bukan Penerima Upah") == "Non-wage earners (BPU)"


def test_language_is_saved_and_unknown_falls_back_to_indonesian():
    app = application()
    assert i18n.saved_language() == "id"
    i18n.save_language("en")
    assert load_settings()["language"] == "en"
    i18n.install_language(app)
    try:
        assert i18n.current_language() == "en"
        assert QCoreApplication.translate("MainWindow", "Beranda") == "Home"
    finally:
        i18n.install_language(app, "xx")
    assert i18n.current_language() == "id"
    assert QCoreApplication.translate("MainWindow", "Beranda") == "Beranda"
    with pytest.raises(ValueError):
        i18n.save_language("fr")


def test_dates_and_amounts_follow_the_language(english):
    assert fmt_date(date(2025, 4, 29)) == "April 29, 2025"
    assert fmt_money(1_204_000_000) == "Rp1,204,000,000"
    assert fmt_money(-5000, cents=True) == "-Rp5,000.00"
    assert fmt_number(12345) == "12,345"
    i18n.install_language(english, "id")
    assert fmt_date(date(2025, 4, 29)) == "29 April 2025"
    assert fmt_money(1_204_000_000) == "Rp1.204.000.000"
    assert fmt_number(12345) == "12.345"


def test_main_window_in_english(qtbot, office, english):
    window = open_main_window(office.db, office.actors["kepala"], runner=Runner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == ["Home", "Participants", "Contributions", "Claims", "Partners & Documents",
                      "Synchronisation", "Reports", "Settings"][:len(PAGES)]
    assert window.findChild(QLabel, "status_office").text().startswith("Office: ")
    assert window.menuBar().actions()[0].text() == "&File"
    for index in range(len(PAGES)):
        window.nav.setCurrentRow(index)
    table = window.pages["peserta"].table.model()
    headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["KPJ", "NIK", "Name", "Birth date"]
    settings = window.pages["pengaturan"]
    titles = {box.title() for box in settings.findChildren(QGroupBox)}
    assert {"Database", "Bahasa / Language", "My password"} <= titles
    assert settings.language.currentData() == "id"
    reports = window.pages["laporan"]
    assert [reports.tabText(i) for i in range(reports.count())] == [
        "Coverage", "Claims summary", "PKS && renewals", "Region"]
    assert domain_label("Diajukan") == "Submitted"


def test_language_combo_saves_the_choice(qtbot, office, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from branch_desk.ui.admin.page import SettingsPage

    application()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    page = SettingsPage(app_context(office, "petugas"))
    qtbot.addWidget(page)
    page.language.setCurrentIndex(page.language.findData("en"))
    assert load_settings()["language"] == "en"
    assert told and "reopen" in told[0]

