"""A day at a branch office on Windows: the program installed into Windows CPython under Wine,
used with Windows paths (drive letter, backslashes, spaces, non-ASCII folder names).

Run by scripts/test-windows (which prepares the Wine prefix and names it in
BRANCH_DESK_WINE_PREFIX); skipped in the Linux run. Every step is a separate Windows
process, as an officer's commands are; results are read back on the Linux side (the
SQLite files, pdftotext, tesseract on the screenshots).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PureWindowsPath

import pytest

from branch_desk.db.migrate import head_revision
from tests.support.pemda_lists import pemda_rows, write_pemda_list
from tests.windows.wine import (
    PREFIX_ENV,
    PYTHON,
    WORK,
    Done,
    branch_desk,
    held_open,
    open_db,
    remember_key,
    run_windows,
    unix_path,
)

pytestmark = pytest.mark.skipif(not os.environ.get(PREFIX_ENV),
                                reason="Windows run: scripts/test-windows (Wine)")

PASSWORD = "rahasia-kantor-123"
OFFICE_B = "PKJ"


@dataclass(frozen=True)
class Offices:
    """Two offices' databases and the folder of this run, as Windows and Linux paths."""

    work: PureWindowsPath
    maros: PureWindowsPath  # the demo office MRS
    pangkep: PureWindowsPath  # a second office, set up with `init`

    def unix(self, path: PureWindowsPath) -> Path:
        return unix_path(path)


def ok(done: Done) -> Done:
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout[-3000:]}\n" \
                                 f"{done.stderr[-6000:]}"
    assert "Traceback" not in done.stderr, done.stderr
    return done


def as_user(args: list[str], db: PureWindowsPath, *, user: str = "admin",
            env: dict[str, str] | None = None) -> Done:
    return branch_desk(["--db", str(db), *args, "--user", user],
                       env={"BRANCH_DESK_PASSWORD": PASSWORD, **(env or {})})


def scalar(db: Path, sql: str, *params: object) -> object:
    """One value read on the Linux side; the connection is closed at once (an open one would
    hold a lock the Windows program sees, as another program on the PC would)."""
    with closing(open_db(db)) as conn:
        return conn.execute(sql, params).fetchone()[0]


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    return " ".join(done.stdout.split())


@pytest.fixture(scope="module")
def offices() -> Iterator[Offices]:
    """`init` of one office and `demo` of another, in a freshly emptied work folder."""
    work = WORK
    folder = unix_path(work)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "sandi.txt").write_text(PASSWORD, encoding="utf-8")
    data = {"BRANCH_DESK_DATA": str(work / "data")}
    maros, pangkep = work / "Kantor Maros" / "kantor.db", work / "Kantor Pangkep" / "kantor.db"
    unix_path(maros.parent).mkdir()
    unix_path(pangkep.parent).mkdir()
    demo = ok(branch_desk(["--db", str(maros), "demo", "--participants", "40",
                           "--password-file", str(work / "sandi.txt"),
                           "--recovery-key-file", str(work / "kunci Maros.txt")], env=data))
    assert "office=MRS" in demo.stdout
    init = ok(branch_desk(["--db", str(pangkep), "init", "--office-code", OFFICE_B,
                           "--office-name", "Kantor Cabang Pangkajene", "--admin", "admin",
                           "--password-file", str(work / "sandi.txt"),
                           "--recovery-key-file", str(work / "kunci Pangkep.txt")], env=data))
    assert f"Kantor {OFFICE_B} siap" in init.stdout
    for name in ("kunci Maros.txt", "kunci Pangkep.txt"):  # the keys, for the Linux side
        remember_key(folder / name)
    # The path as the officer wrote it (Windows keeps the case of the folder on disk), not
    # a URL-quoted one.
    assert str(pangkep).lower() in init.stdout.lower(), init.stdout
    yield Offices(work, maros, pangkep)


def test_init_and_demo_make_migrated_databases_at_windows_paths(offices: Offices) -> None:
    for db, participants in ((offices.maros, 40), (offices.pangkep, 0)):
        file = offices.unix(db)
        assert file.is_file()
        assert scalar(file, "SELECT version_num FROM alembic_version") == head_revision()
        assert scalar(file, "SELECT count(*) FROM participants") == participants
    assert scalar(offices.unix(offices.maros), "SELECT code FROM offices") == "MRS"


def test_xlsx_import_with_its_error_report(offices: Offices) -> None:
    from openpyxl import load_workbook

    rows = pemda_rows(6, seed=20)
    bad = list(rows[5])
    bad[1] = "7309AB0101900001"  # a NIK with letters
    rows[5] = tuple(bad)
    rows.append((7, rows[0][1], "Nama Ganda", *rows[0][3:]))  # the same NIK twice in a list
    listing = offices.work / "Daftar Pekerja Rentan – Maros.xlsx"
    report = offices.work / "Laporan Tolak" / "baris ditolak.xlsx"
    write_pemda_list(offices.unix(listing), rows)
    before = scalar(offices.unix(offices.maros), "SELECT count(*) FROM participants")
    done = ok(as_user(["participants", "import", str(listing), "--partner", "PEMKAB-MAROS",
                       "--errors", str(report), "--json"], offices.maros))
    result = json.loads(done.stdout)
    after = scalar(offices.unix(offices.maros), "SELECT count(*) FROM participants")
    assert after - before == 5, result
    sheet = load_workbook(offices.unix(report)).active
    text = "\n".join(" ".join(str(c) for c in row if c is not None)
                     for row in sheet.iter_rows(values_only=True))
    assert "7309AB0101900001" in text and "NIK" in text, text
    assert "Nama Ganda" in text, text


def test_certificate_receipt_and_agreement_as_pdfs(offices: Offices) -> None:
    papers = offices.work / "Surat – Dokumen"
    certificate, receipt, agreement = (papers / "piagam Maros.pdf",
                                       papers / "kwitansi iuran.pdf", papers / "naskah PKS.pdf")
    ok(as_user(["documents", "certificate", "PEMKAB-MAROS", "--as-of", "2025-06-30",
                "--out", str(certificate), "--signer", "Andi Baso"], offices.maros))
    kpj = scalar(offices.unix(offices.maros),
                 "SELECT kpj FROM participants WHERE segment = 'BPU' ORDER BY kpj LIMIT 1")
    year = date.today().year + 1  # months nobody paid yet in the demo
    ok(as_user(["contributions", "pay", "--participant", str(kpj), "--from", f"{year}-01",
                "--months", "2", "--paid-on", date.today().isoformat(), "--receipt",
                str(receipt)], offices.maros))
    number = scalar(offices.unix(offices.maros),
                    "SELECT number FROM agreements WHERE status = 'aktif' ORDER BY number")
    ok(as_user(["documents", "agreement", str(number), "--out", str(agreement)],
               offices.maros))
    text = pdf_text(offices.unix(certificate))
    assert "PIAGAM" in text.upper() and "Pemerintah Kabupaten Maros" in text, text
    text = pdf_text(offices.unix(receipt))
    assert "KWITANSI PEMBAYARAN IURAN" in text and f"KPJ {kpj}" in text, text
    assert f"Januari {year} s.d. Februari {year}" in text, text
    text = pdf_text(offices.unix(agreement))
    assert "PERJANJIAN KERJA SAMA" in text.upper() and str(number) in text, text


def test_backup_and_restore(offices: Offices) -> None:
    db = offices.unix(offices.maros)
    backup = offices.work / "Cadangan – Desember" / "kantor cadangan.db"
    ok(as_user(["backup", str(backup)], offices.maros))
    assert scalar(offices.unix(backup), "PRAGMA integrity_check") == "ok"
    partners = scalar(db, "SELECT count(*) FROM partners")
    ok(as_user(["partners", "add", "--code", "UJI-WINDOWS", "--kind", "employer",
                "--name", "PT Uji Windows", "--region", "73.09"], offices.maros))
    assert scalar(db, "SELECT count(*) FROM partners") == partners + 1
    ok(as_user(["restore", str(backup)], offices.maros))
    assert scalar(db, "SELECT count(*) FROM partners") == partners
    assert scalar(db, "PRAGMA integrity_check") == "ok"


def test_sync_export_and_import_between_two_offices(offices: Offices) -> None:
    usb = offices.work / "Flashdisk – Kiriman"
    offices.unix(usb).mkdir()
    # Each office trusts the other's key, read out over the phone as a fingerprint.
    for office, db, other in (("MRS", offices.maros, offices.pangkep),
                              (OFFICE_B, offices.pangkep, offices.maros)):
        identity = usb / f"identitas {office}.json"
        done = ok(as_user(["sync", "identity", "--out", str(identity), "--json"], db))
        fingerprint = json.loads(done.stdout)["fingerprint"]
        ok(as_user(["sync", "trust", str(identity), "--fingerprint", fingerprint, "--yes"],
                   other))
    changes = usb / "MRS ke PKJ.bdsync"
    done = ok(as_user(["sync", "export", "--to", OFFICE_B, "--out", str(changes), "--json"],
                      offices.maros))
    assert json.loads(done.stdout)["changes"] > 0
    done = ok(as_user(["sync", "import", str(changes), "--json"], offices.pangkep))
    assert json.loads(done.stdout)["inserted"] > 0
    maros, pangkep = offices.unix(offices.maros), offices.unix(offices.pangkep)
    assert scalar(pangkep, "SELECT count(*) FROM participants") == \
        scalar(maros, "SELECT count(*) FROM participants")


def test_gui_smoke_start_with_screenshots_that_show_text(offices: Offices) -> None:
    shots = offices.work / "Tangkapan Layar"
    done = ok(branch_desk(["--db", str(offices.maros)], env={
        "QT_QPA_PLATFORM": "offscreen", "BRANCH_DESK_SMOKE": "1",
        "BRANCH_DESK_SMOKE_USER": "admin", "BRANCH_DESK_PASSWORD": PASSWORD,
        "BRANCH_DESK_SMOKE_SHOTS": str(shots), "BRANCH_DESK_DATA": str(offices.work / "data")}))
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["smoke"] == "ok" and not report["errors"], report
    assert report["font"] == "DejaVu Sans", report  # the bundled font, registered by the program
    page = offices.unix(shots) / "02-peserta.png"
    words = ocr_words(page)
    # Menu, column titles and the navigation (white on green is hard to read for OCR, so only
    # the dark-on-light words count).
    for label in ("Berkas", "Halaman", "Nama", "Segmen", "Mitra", "Program", "Klaim", "Laporan"):
        assert label in words, f"{label!r} not read on {page}: {sorted(words)[:60]}"


PRINT_ON_WINDOWS = r"""
import json, sys
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from reportlab.pdfgen.canvas import Canvas
from branch_desk.ui.widgets import printing

source, printed = sys.argv[1:3]
app = QGuiApplication([])
canvas = Canvas(source)
for number in (1, 2, 3):
    canvas.setFont("Helvetica", 28)
    canvas.drawString(72, 700, f"Kwitansi halaman {number}")
    canvas.showPage()
canvas.save()
pdf = open(source, "rb").read()
data = QByteArray(pdf)
buffer = QBuffer(data)
buffer.open(QIODevice.OpenModeFlag.ReadOnly)
document = QPdfDocument()
document.load(buffer)
printer = QPrinter(QPrinter.PrinterMode.HighResolution)
printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
printer.setOutputFileName(printed)
sent = printing.print_pdf(pdf, document, printer, "Kwitansi")
print(json.dumps({"sent": sent, "queue": printing.cups_queue(printer),
                  "printers": [p.printerName() for p in QPrinterInfo.availablePrinters()]}))
"""


def test_printing_goes_through_qt_without_cups(offices: Offices) -> None:
    """On Windows there is no `lp`: the pages are drawn through Qt's printer (the system
    spooler on a real PC; under Wine, with no printer installed, Qt's PDF output stands in for
    it) and every page arrives."""
    source, printed = offices.work / "cetak-sumber.pdf", offices.work / "Cetak Kwitansi.pdf"
    done = ok(run_windows(PYTHON, ["-c", PRINT_ON_WINDOWS, str(source), str(printed)],
                          env={"QT_QPA_PLATFORM": "offscreen"}))
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["sent"] == 3 and report["queue"] is None, report
    pages = subprocess.run(["pdfinfo", str(offices.unix(printed))], capture_output=True,
                           text=True, check=True).stdout
    assert re.search(r"^Pages:\s+3$", pages, re.MULTILINE), pages
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "2", "-l", "2",
                    str(offices.unix(printed)), str(offices.unix(printed).with_suffix(""))],
                   check=True)
    page_two = next(offices.unix(printed).parent.glob("Cetak Kwitansi-*2.png"))
    assert {"Kwitansi", "halaman", "2"} <= ocr_words(page_two)


def ocr_words(image: Path) -> set[str]:
    """The words tesseract reads on a screenshot: boxes instead of glyphs read as nothing."""
    done = subprocess.run(["tesseract", str(image), "-", "--psm", "11"], capture_output=True,
                          text=True, check=True)
    return {word.strip(".,:;()[]") for word in done.stdout.split()}


# --- Windows file semantics -----------------------------------------------------------------


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_over_a_workbook_open_in_another_program_is_refused_and_the_old_one_kept(
        offices: Offices) -> None:
    """Excel keeps an open workbook locked: Windows refuses to replace it. The officer gets a
    message naming the file; the old workbook stays whole and no temporary file is left."""
    folder = offices.work / "Ekspor Excel"
    out = folder / "peserta Maros.xlsx"
    ok(as_user(["participants", "export", str(out)], offices.maros))
    before = digest(offices.unix(out))
    with held_open(out):
        done = as_user(["participants", "export", str(out)], offices.maros)
    assert done.returncode != 0, done.stdout
    assert "sedang dibuka program lain" in done.stderr and "Traceback" not in done.stderr, \
        done.stderr
    assert "peserta Maros.xlsx" in done.stderr
    assert digest(offices.unix(out)) == before
    assert sorted(p.name for p in offices.unix(folder).iterdir()) == ["peserta Maros.xlsx"]
    ok(as_user(["participants", "export", str(out)], offices.maros))  # closed: it goes through


def test_restore_over_a_database_open_in_another_program_changes_nothing(
        offices: Offices) -> None:
    db = offices.unix(offices.maros)
    backup = offices.work / "Cadangan Terkunci" / "cadangan.db"
    ok(as_user(["backup", str(backup)], offices.maros))
    ok(as_user(["partners", "add", "--code", "UJI-KUNCI", "--kind", "employer",
                "--name", "PT Uji Kunci", "--region", "73.09"], offices.maros))
    partners = scalar(db, "SELECT count(*) FROM partners")
    with held_open(offices.maros):
        done = as_user(["restore", str(backup)], offices.maros)
    assert done.returncode != 0, done.stdout
    assert "sedang dibuka program lain" in done.stderr and "Traceback" not in done.stderr, \
        done.stderr
    assert scalar(db, "SELECT count(*) FROM partners") == partners  # not restored, not broken
    assert scalar(db, "PRAGMA integrity_check") == "ok"
    assert not list(db.parent.glob("*.restoring"))


def test_a_write_waits_for_another_process_holding_the_sqlite_lock(offices: Offices) -> None:
    """Two programs on one database file: the second writer waits for the first (SQLite's
    locks are Windows file locks here), then saves; nothing is lost or half-written."""
    db = offices.unix(offices.pangkep)
    with held_open(offices.pangkep, "sqlite-write") as release:
        letting_go = threading.Timer(8, release.touch)
        letting_go.start()
        done = as_user(["partners", "add", "--code", "UJI-ANTRE", "--kind", "employer",
                        "--name", "PT Uji Antre", "--region", "73.09"], offices.pangkep)
        letting_go.join()
    ok(done)
    assert scalar(db, "SELECT count(*) FROM partners WHERE code = 'UJI-ANTRE'") == 1
    assert scalar(db, "PRAGMA integrity_check") == "ok"


def test_paths_longer_than_260_characters(offices: Offices) -> None:
    """Windows' old MAX_PATH: a certificate and a backup written into a folder whose full
    path is over 300 characters long."""
    deep = offices.work
    while len(str(deep)) < 300:
        deep = deep / "Arsip Kepesertaan Kabupaten Maros – Tahap Ⅱ"
    certificate, backup = deep / "piagam penghargaan.pdf", deep / "cadangan kantor.db"
    assert len(str(certificate)) > 260
    ok(as_user(["documents", "certificate", "PEMKAB-MAROS", "--as-of", "2025-06-30",
                "--out", str(certificate), "--signer", "Andi Baso"], offices.maros))
    assert "Pemerintah Kabupaten Maros" in pdf_text(offices.unix(certificate))
    ok(as_user(["backup", str(backup)], offices.maros))
    assert scalar(offices.unix(backup), "PRAGMA integrity_check") == "ok"
