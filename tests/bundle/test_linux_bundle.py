"""Build the Linux bundle with PyInstaller (once per session) and use it as an office would:
version, office set-up through the bundled Alembic migrations, a command, and the program
itself offscreen (log in, every page, quit) through the smoke mode.

Slow by nature (the build takes one to three minutes on two cores); it is the only check
that the shipped folder really holds every module, data file and Qt plugin."""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from branch_desk import __version__
from branch_desk.db.migrate import head_revision
from branch_desk.ui.shell.main_window import PAGES
from tests.support.screenshots import assert_page_shots

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "branch_desk"
PASSWORD = "rahasia-kantor-123"
BUILD_TIMEOUT = 900
RUN_TIMEOUT = 150  # the smoke run stops itself after 90 s

pytestmark = pytest.mark.skipif(sys.platform != "linux",
                                reason="the Linux bundle is built on Linux")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/branch-desk built by installer/build-linux.sh into a temporary folder."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is not installed in this environment: "
                    f"{sys.executable} -m pip install -e '{ROOT}[installer]'")
    base = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable, "DIST_DIR": str(base / "dist"),
           "WORK_DIR": str(base / "work")}
    done = subprocess.run(["bash", str(ROOT / "installer" / "build-linux.sh")], env=env,
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
    if done.returncode != 0:
        pytest.fail(f"bundle build failed ({done.returncode}):\n{done.stdout[-3000:]}\n"
                    f"{done.stderr[-6000:]}")
    folder = base / "dist" / "branch-desk"
    assert (folder / "branch-desk").is_file()
    return folder


def _env(data: Path, **extra: str) -> dict[str, str]:
    """A clean environment: nothing that points back at the checkout or the venv."""
    keep = {k: v for k, v in os.environ.items()
            if k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "XDG_RUNTIME_DIR")}
    return {**keep, "QT_QPA_PLATFORM": "offscreen", "BRANCH_DESK_DATA": str(data), **extra}


def _key_file(office_db: Path) -> Path:
    """Where the bundled program keeps the office database's key (`BRANCH_DESK_KEY_FILE`)."""
    return office_db.with_name("kantor.key")


def _keyed(office_db: Path, data: Path, **extra: str) -> dict[str, str]:
    return _env(data, BRANCH_DESK_KEY_FILE=str(_key_file(office_db)), **extra)


def _connect(path: Path, office_db: Path):
    """The encrypted file opened as an auditor would, with the office's key."""
    import sqlcipher3

    from branch_desk.domain.recovery_key import key_pragma, parse_recovery_key

    conn = sqlcipher3.connect(str(path))
    conn.execute(key_pragma(parse_recovery_key(_key_file(office_db).read_text())))
    return conn


def _run(bundle: Path, args: list[str], cwd: Path,
         env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([str(bundle / "branch-desk"), *args], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"branch-desk {' '.join(args)} still running after {RUN_TIMEOUT} s "
                    f"(a dialog waiting for input?):\n{exc.stdout}\n{exc.stderr}")


@pytest.fixture(scope="module")
def office_db(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An office database made by the bundled program (demo data when that command exists)."""
    work = tmp_path_factory.mktemp("bundle-office")
    (work / "password").write_text(PASSWORD, encoding="utf-8")
    db = work / "kantor.db"
    if importlib.util.find_spec("branch_desk.services.demo.office") is not None:
        args = ["--db", str(db), "demo", "--participants", "30", "--password-file", "password"]
    else:
        args = ["--db", str(db), "init", "--office-code", "MRS", "--office-name",
                "Kantor Cabang Maros", "--admin", "admin", "--password-file", "password"]
    done = _run(bundle, args, work, _keyed(db, work / "data"))
    assert done.returncode == 0, done.stderr[-4000:]
    return db


def test_version(bundle: Path, tmp_path: Path) -> None:
    done = _run(bundle, ["--version"], tmp_path, _env(tmp_path / "data"))
    assert (done.returncode, done.stdout) == (0, f"branch-desk {__version__}\n")


def test_bundle_holds_migrations_resources_and_qt_plugins(bundle: Path) -> None:
    internal = bundle / "_internal"
    migrations = internal / "branch_desk" / "db" / "migrations"
    for name in ("env.py", "script.py.mako"):
        assert (migrations / name).is_file(), name
    shipped = sorted(p.name for p in (migrations / "versions").glob("*.py"))
    assert shipped == sorted(p.name for p in (PACKAGE / "db/migrations/versions").glob("*.py"))
    for source in (PACKAGE / "resources").rglob("*"):
        if source.is_file() and "__pycache__" not in source.parts:
            copy = internal / "branch_desk" / "resources" / source.relative_to(
                PACKAGE / "resources")
            assert copy.is_file() and copy.stat().st_size == source.stat().st_size, copy
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqoffscreen.so", "platforms/libqxcb.so",
                   "platforms/libqwayland.so", "imageformats/libqpdf.so",
                   "printsupport/libcupsprintersupport.so"):
        assert (plugins / plugin).is_file(), plugin
    assert (internal / "PySide6" / "Qt" / "lib" / "libQt6Pdf.so.6").is_file()
    # Left out on purpose: unused Qt modules, tkinter, test tools.
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("libQt6Qml.so.6", "libQt6Quick.so.6", "QtQml.abi3.so", "_tkinter",
                     "pytest", "_pytest", "hypothesis"):
        assert not any(n == unwanted or n.startswith(unwanted + ".") for n in names), unwanted
    for item in (bundle / "branch-desk.desktop", bundle / "branch-desk.png",
                 bundle / "install.sh"):
        assert item.is_file(), item


def test_office_database_is_at_the_newest_revision(office_db: Path) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(office_db).execute("SELECT * FROM alembic_version").fetchone()
    conn = _connect(office_db, office_db)  # encrypted by the bundled SQLCipher
    (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    conn.close()
    assert revision == head_revision()


def test_a_command_as_a_named_user(bundle: Path, office_db: Path, tmp_path: Path) -> None:
    done = _run(bundle, ["--db", str(office_db), "users", "list", "--user", "admin", "--json"],
                tmp_path, _keyed(office_db, tmp_path / "data", BRANCH_DESK_PASSWORD=PASSWORD))
    assert done.returncode == 0, done.stderr
    assert "admin" in {row["username"] for row in json.loads(done.stdout)}


def test_documents_spreadsheets_and_backups(bundle: Path, office_db: Path,
                                             tmp_path: Path) -> None:
    """reportlab with the bundled fonts and QR, signing (cryptography), openpyxl, backup."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    env = _keyed(office_db, tmp_path / "data", BRANCH_DESK_PASSWORD=PASSWORD)
    db = ["--db", str(office_db)]
    steps = [
        ["partners", "add", "--user", "admin", "--code", "UJI-BUNDEL", "--kind", "employer",
         "--name", "PT Uji Bundel Maros", "--region", "73.09"],
        ["documents", "certificate", "UJI-BUNDEL", "--as-of", "2025-06-30", "--out",
         "piagam.pdf", "--signer", "Andi Baso", "--user", "admin", "--json"],
        ["participants", "export", "peserta.xlsx", "--user", "admin"],
        ["backup", "cadangan.db", "--user", "admin"],
    ]
    outputs = []
    for step in steps:
        done = _run(bundle, [*db, *step], tmp_path, env)
        assert done.returncode == 0, f"{step}: {done.stderr}"
        outputs.append(done.stdout)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "piagam.pdf").pages)
    assert "PIAGAM PENGHARGAAN" in text and "PT Uji Bundel Maros" in text
    verification = json.loads(outputs[1])["certificates"][0]["verification"]
    done = _run(bundle, [*db, "documents", "verify", verification, "--json"], tmp_path, env)
    assert done.returncode == 0 and json.loads(done.stdout)["genuine"] is True, done.stdout
    assert load_workbook(tmp_path / "peserta.xlsx", read_only=True).sheetnames
    assert not (tmp_path / "cadangan.db").read_bytes().startswith(b"SQLite format 3")
    conn = _connect(tmp_path / "cadangan.db", office_db)  # encrypted with the same key
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()
    conn.close()


def test_program_opens_every_page_offscreen(bundle: Path, office_db: Path,
                                            tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    env = _keyed(office_db, tmp_path / "data", BRANCH_DESK_SMOKE="1",
                 BRANCH_DESK_SMOKE_USER="admin", BRANCH_DESK_PASSWORD=PASSWORD,
                 BRANCH_DESK_SMOKE_SHOTS=str(shots))
    done = _run(bundle, ["--db", str(office_db)], tmp_path, env)
    lines = [line for line in done.stdout.splitlines() if line.startswith('{"smoke"')]
    assert lines, f"no smoke report (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
    result = json.loads(lines[-1])
    assert (done.returncode, result["smoke"], result["errors"]) == (0, "ok", []), done.stderr
    assert list(result["pages"]) == [key for key, _, _ in PAGES]
    assert_page_shots(shots, [key for key, _, _ in PAGES])
