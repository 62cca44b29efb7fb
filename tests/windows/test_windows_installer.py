"""The Windows installer under Wine: silent install, the installed program (version, office
set-up in %LOCALAPPDATA%\\BranchDesk, smoke start), the Start-menu entries, uninstall (the
office data stays), reinstall (it is found), and an upgrade over an older version (database
and settings kept, the schema upgraded after a backup).

scripts/test-windows builds the bundle and compiles installer/branch-desk.iss twice (the
version of the checkout and a newer one) and names the folder in BRANCH_DESK_WINDOWS_SETUPS;
the tests run in file order on one Wine prefix, as on one office PC.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from contextlib import closing
from pathlib import Path, PureWindowsPath

import pytest

from branch_desk.db.engine import Database
from branch_desk.db.migrate import MIGRATIONS_DIR, head_revision, known_revisions
from tests.windows.test_windows_office import ocr_words
from tests.windows.wine import (
    PREFIX_ENV,
    Done,
    dacl,
    db_key,
    open_db,
    prefix,
    remember_key,
    run_windows,
    unix_path,
    windows_path,
    wine_env,
)

SETUPS_ENV = "BRANCH_DESK_WINDOWS_SETUPS"
VERSION_ENV = "BRANCH_DESK_WINDOWS_VERSION"
pytestmark = pytest.mark.skipif(not (os.environ.get(PREFIX_ENV) and os.environ.get(SETUPS_ENV)),
                                reason="Windows installer run: scripts/test-windows (Wine)")

APP = PureWindowsPath(r"C:\Program Files\Branch Desk")
START_MENU = PureWindowsPath(r"C:\ProgramData\Microsoft\Windows\Start Menu\Programs")
PASSWORD = "rahasia-kantor-123"


def version(newer: bool = False) -> str:
    return os.environ[VERSION_ENV] + (".1" if newer else "")


def local_appdata() -> Path:
    """%LOCALAPPDATA% of the Wine user (C:\\users\\<Linux user>\\AppData\\Local)."""
    return prefix() / "drive_c" / "users" / getpass.getuser() / "AppData" / "Local"


def data_folder() -> Path:
    return local_appdata() / "BranchDesk"


def office_db() -> Path:
    return data_folder() / "branch-desk.db"


def installed(name: str) -> Path:
    return unix_path(APP / name)


def ok(done: Done) -> Done:
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout[-3000:]}\n" \
                                 f"{done.stderr[-6000:]}"
    return done


def install(newer: bool = False) -> str:
    """Run the setup silently, as IT tools do; its log."""
    setup = Path(os.environ[SETUPS_ENV]) / f"BranchDesk-Setup-{version(newer)}.exe"
    log = Path(os.environ[SETUPS_ENV]) / f"install-{version(newer)}.log"
    log.unlink(missing_ok=True)
    ok(run_windows(windows_path(setup), ["/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART",
                                         f"/LOG={windows_path(log)}"]))
    text = log.read_text(encoding="utf-8-sig", errors="replace")
    assert "Installation process succeeded" in text, text[-3000:]
    return text


def uninstall() -> None:
    """The uninstaller copies itself to a temporary folder and returns at once: wait for the
    program folder to go."""
    ok(run_windows(APP / "unins000.exe", ["/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"]))
    for _ in range(120):
        if not installed("unins000.exe").exists() and not installed("branch-desk.exe").exists():
            return
        time.sleep(1)
    pytest.fail(f"still installed after the uninstaller: {list(installed('').iterdir())}")


def cli(args: list[str]) -> Done:
    """The installed console program (no --db: the database in the user's data folder)."""
    return run_windows(APP / "branch-desk-cli.exe", args,
                       env={"BRANCH_DESK_PASSWORD": PASSWORD})


def smoke(shots: PureWindowsPath | None = None) -> Done:
    """The installed windowed program's smoke start (it has no console: the exit code and the
    screenshots are its report)."""
    env = {"QT_QPA_PLATFORM": "offscreen", "BRANCH_DESK_SMOKE": "1",
           "BRANCH_DESK_SMOKE_USER": "admin", "BRANCH_DESK_PASSWORD": PASSWORD}
    if shots is not None:
        env["BRANCH_DESK_SMOKE_SHOTS"] = str(shots)
    return run_windows(APP / "branch-desk.exe", [], env=env)


def uninstall_entry() -> dict[str, str]:
    """The program's entry in Apps & features, read from the prefix's registry file (Wine's
    reg.exe prints nothing through a pipe)."""
    # Wine writes its registry to disk when its server stops; nothing else runs now.
    subprocess.run(["wineserver", "-k"], env=wine_env(), check=False)
    text = (prefix() / "system.reg").read_text(encoding="utf-8", errors="replace")
    head = text.index("{B2A083A3-B388-4332-A4A6-D6BD971FC2EE}_is1]")
    section = text[head:text.find("\n\n", head)]
    return dict(re.findall(r'^"([^"]+)"="([^"]*)"$', section, re.MULTILINE))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revision(db: Path) -> str:
    with closing(open_db(db)) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


@pytest.fixture(scope="module", autouse=True)
def clean_pc() -> None:
    """A PC without Branch Desk: no program, no data folder."""
    if installed("unins000.exe").exists():
        uninstall()
    shutil.rmtree(data_folder(), ignore_errors=True)


def test_silent_install_puts_the_program_and_indonesian_start_menu_entries() -> None:
    install()
    for name in ("branch-desk.exe", "branch-desk-cli.exe", "unins000.exe"):
        assert installed(name).is_file(), name
    assert (installed("_internal") / "branch_desk" / "resources" / "fonts"
            / "DejaVuSans.ttf").is_file()
    entry = uninstall_entry()
    assert (entry["DisplayName"], entry["DisplayVersion"]) == ("Branch Desk", version())
    menu = unix_path(START_MENU)
    # The command-line entry's name is a custom message: Indonesian proves the wizard's
    # language (installer/languages/Indonesian.isl) was the one used.
    assert (menu / "Branch Desk.lnk").is_file(), sorted(p.name for p in menu.iterdir())
    assert (menu / "Baris perintah Branch Desk.lnk").is_file(), \
        sorted(p.name for p in menu.iterdir())


def test_installed_program_sets_up_the_office_in_localappdata_and_starts() -> None:
    assert ok(cli(["--version"])).stdout.strip() == f"branch-desk {version()}"
    ok(run_windows(APP / "branch-desk.exe", ["--version"]))  # windowed: no console to print to
    password_file = PureWindowsPath(r"C:\Users\Petugas\sandi demo.txt")
    unix_path(password_file).parent.mkdir(parents=True, exist_ok=True)
    unix_path(password_file).write_text(PASSWORD, encoding="utf-8")
    key_file = PureWindowsPath(r"C:\Users\Petugas\kunci pemulihan.txt")
    ok(cli(["demo", "--participants", "40", "--password-file", str(password_file),
            "--recovery-key-file", str(key_file)]))
    remember_key(unix_path(key_file))
    assert office_db().is_file(), sorted(data_folder().rglob("*"))
    assert revision(office_db()) == head_revision()
    # Only the user (and SYSTEM, the administrators) may open the folder. Wine reports an
    # access list made from the folder's Unix mode and does not pass it on to the files
    # inside, so the files' inherited lists need a real Windows (docs/installing.md).
    folder = PureWindowsPath(r"C:\users", getpass.getuser(), r"AppData\Local\BranchDesk")
    granted = set(re.findall(r"\(A;[^;]*;[^;]*;;;([^)]+)\)", dacl(folder)))
    assert granted and not granted & {"WD", "BU", "AU", "BG", "IU"}, dacl(folder)
    shots = PureWindowsPath(r"C:\Users\Petugas\Tangkapan Layar Terpasang")
    shutil.rmtree(unix_path(shots), ignore_errors=True)
    ok(smoke(shots))
    pictures = sorted(unix_path(shots).glob("*.png"))
    assert len(pictures) >= 8, pictures
    words = ocr_words(unix_path(shots) / "02-peserta.png")
    for label in ("Berkas", "Halaman", "Nama", "Segmen", "Mitra"):
        assert label in words, (label, sorted(words)[:60])


def test_uninstall_keeps_the_office_data_and_a_reinstall_finds_it() -> None:
    before = digest(office_db())
    uninstall()
    assert not installed("branch-desk.exe").exists()
    assert not (unix_path(START_MENU) / "Branch Desk.lnk").exists()
    assert digest(office_db()) == before  # the data folder is not the program's folder
    install()
    users = json.loads(ok(cli(["users", "list", "--user", "admin", "--json"])).stdout)
    assert "admin" in {row["username"] for row in users}
    assert digest(office_db()) == before or revision(office_db()) == head_revision()


def test_upgrade_keeps_database_and_settings_and_migrates_after_a_backup() -> None:
    """A database one schema revision behind (as an older version left it), settings saved;
    the newer setup installs over the old program and its first start upgrades the schema
    after copying the database to backups\\."""
    from alembic import command
    from alembic.config import Config
    older = known_revisions()[-2]
    engine = Database(office_db(), key=db_key(office_db())).engine
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, older)
    engine.dispose()
    assert revision(office_db()) == older
    settings = data_folder() / "settings.json"
    saved = {"language": "id", "database": str(PureWindowsPath(
        r"C:\users", getpass.getuser(), r"AppData\Local\BranchDesk\branch-desk.db"))}
    settings.write_text(json.dumps(saved), encoding="utf-8")
    with closing(open_db(office_db())) as conn:
        participants = conn.execute("SELECT count(*) FROM participants").fetchone()[0]

    install(newer=True)
    # One bundle compiled as two setups: Windows now lists the newer one, over the same folder.
    assert uninstall_entry()["DisplayVersion"] == version(newer=True)
    assert installed("branch-desk.exe").is_file()
    ok(smoke())
    assert revision(office_db()) == head_revision()
    backups = sorted((data_folder() / "backups").glob(f"*-sebelum-migrasi-{older}-*.db"))
    assert backups, sorted(p.name for p in (data_folder() / "backups").iterdir())
    assert revision(backups[-1]) == older
    assert json.loads(settings.read_text(encoding="utf-8")) == saved
    with closing(open_db(office_db())) as conn:
        assert conn.execute("SELECT count(*) FROM participants").fetchone()[0] == participants
