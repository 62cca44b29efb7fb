"""The set-up commands as scripts use them: init, users add, partners add/list, demo."""

from __future__ import annotations

import json

import pytest

from branch_desk.cli.main import main
from tests.support.cli import run_cli as run
from tests.support.encryption import connect_keyed
from tests.support.program import program_command


@pytest.fixture
def pwfile(tmp_path):
    path = tmp_path / "pw.txt"
    path.write_text("rahasia-maros\n", encoding="utf-8")
    return path


def test_init_users_partners(capsys, tmp_path, pwfile, monkeypatch):
    db = str(tmp_path / "mrs.db")
    code, out, _ = run(capsys, "--db", db, "init", "--office-code", "MRS", "--office-name",
                       "Kantor Cabang Maros", "--admin", "admin", "--password-file", str(pwfile),
                       "--json")
    assert code == 0 and json.loads(out)["office_code"] == "MRS"
    code, _, err = run(capsys, "--db", db, "init", "--office-code", "MRS", "--office-name",
                       "Lagi", "--admin", "admin", "--password-file", str(pwfile))
    assert code == 2 and "sudah disiapkan" in err

    code, _, err = run(capsys, "--db", db, "partners", "add", "--code", "PEMKAB-MAROS",
                       "--name", "Pemerintah Kabupaten Maros", "--kind", "pemkab",
                       "--region", "73.09")
    assert code == 2 and "--user" in err  # data-changing commands act as a named user
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "rahasia-maros")
    code, _, _ = run(capsys, "partners", "add", "--code", "PEMKAB-MAROS", "--name",
                     "Pemerintah Kabupaten Maros", "--kind", "pemkab", "--region", "73.09",
                     "--user", "admin", "--db", db)
    assert code == 0
    code, _, err = run(capsys, "--db", db, "partners", "add", "--code", "X", "--name", "X",
                       "--kind", "pemkab", "--region", "73.08.99", "--user", "admin")
    assert code == 2 and "73.08.99" in err
    (tmp_path / "pw2.txt").write_text("petugas-maros", encoding="utf-8")
    code, _, _ = run(capsys, "--db", db, "users", "add", "nur", "--role", "petugas",
                     "--password-file", str(tmp_path / "pw2.txt"), "--user", "admin")
    assert code == 0
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "petugas-maros")
    code, _, err = run(capsys, "--db", db, "partners", "add", "--code", "PEMKOT-PALOPO",
                       "--name", "Pemerintah Kota Palopo", "--kind", "pemkot", "--region",
                       "73.73", "--user", "nur")
    assert code == 2 and "tidak berwenang" in err  # same permissions as the program
    code, out, err = run(capsys, "--db", db, "partners", "list", "--json")
    assert code == 2 and "--user" in err and "MAROS" not in out + err  # a read needs a login
    code, out, _ = run(capsys, "--db", db, "partners", "list", "--json", "--user", "nur")
    assert json.loads(out) == [{"code": "PEMKAB-MAROS", "name": "Pemerintah Kabupaten Maros",
                                "kind": "pemkab", "region": "73.09",
                                "region_name": "Kabupaten Maros", "industry": "",
                                "workers": None}]


def test_wrong_password_is_refused_like_the_program(capsys, tmp_path, pwfile, monkeypatch):
    db = str(tmp_path / "mrs.db")
    run(capsys, "--db", db, "init", "--office-code", "MRS", "--office-name", "Kantor Cabang Maros",
        "--admin", "admin", "--password-file", str(pwfile))
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "keliru")
    code, _, err = run(capsys, "--db", db, "partners", "add", "--code", "A", "--name", "A",
                       "--kind", "pemkab", "--region", "73.09", "--user", "admin")
    assert code == 2 and "salah" in err


def _dump(path) -> tuple[list, list, list]:
    with connect_keyed(path) as conn:  # the demo database is encrypted
        people = conn.execute("SELECT nik, name, kpj, village_code FROM participants "
                              "ORDER BY kpj").fetchall()
        claims = conn.execute("SELECT number, status, total_amount FROM claims ORDER BY number"
                              ).fetchall()
        partners = conn.execute("SELECT code FROM partners ORDER BY code").fetchall()
    return people, claims, partners


def test_demo_is_realistic_and_deterministic(capsys, tmp_path):
    from branch_desk.domain.nik import parse_nik
    from branch_desk.services.demo.office import DEMO_TODAY

    first, second = tmp_path / "a.db", tmp_path / "b.db"
    for db in (first, second):
        code, out, _ = run(capsys, "--db", str(db), "demo", "--seed", "7", "--participants",
                           "60", "--json")
        assert code == 0
    summary = json.loads(out)
    assert summary["participants"] == 60 and summary["claims"] >= 6
    assert _dump(first) == _dump(second)
    people, claims, partners = _dump(first)
    assert [p for (p,) in partners] == ["PEMKAB-MAROS", "PEMKAB-POLMAN", "PEMKAB-WAKATOBI",
                                         "PEMKOT-PALOPO"]
    for nik, _name, _kpj, village in people:
        parsed = parse_nik(nik, today=DEMO_TODAY)
        assert parsed.region_warning is None
        assert village.startswith(parsed.district_code)
    assert {status for _n, status, _t in claims} == {
        "draft", "diajukan", "diverifikasi", "disetujui", "dibayar", "ditolak"}
    code, _, err = run(capsys, "--db", str(first), "demo")
    assert code == 2 and "kosong" in err  # never on top of an existing office


def test_demo_users_log_in_with_the_readme_passwords(capsys, tmp_path, monkeypatch):
    db = str(tmp_path / "demo.db")
    assert run(capsys, "--db", db, "demo", "--participants", "30")[0] == 0
    for user in ("admin", "petugas", "kepala"):
        monkeypatch.setenv("BRANCH_DESK_PASSWORD", f"{user}-demo")
        code, out, _ = run(capsys, "--db", db, "users", "list", "--user", user, "--json")
        assert code == 0 and user in out



def test_output_piped_into_a_reader_that_stops_early(tmp_path, pwfile):
    """`branch-desk … | head`: once the reader is gone the command ends quietly, with the
    shell's 141 and no traceback."""
    import os
    import subprocess

    db = str(tmp_path / "mrs.db")
    assert main(["--db", db, "init", "--office-code", "MRS", "--office-name", "Maros",
                 "--admin", "admin", "--password-file", str(pwfile)]) == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already stopped
    try:
        done = subprocess.run(program_command("--db", db, "--json", "partners", "list",
                                              "--user", "admin"),
                              stdout=write_end, stderr=subprocess.PIPE, timeout=120,
                              env={**os.environ, "BRANCH_DESK_PASSWORD": "rahasia-maros"})
    finally:
        os.close(write_end)
    assert done.returncode == 141, done.stderr.decode()
    assert b"Traceback" not in done.stderr


def test_the_smallest_demo_still_has_claims_in_every_state(capsys, tmp_path):
    from sqlalchemy import select

    from branch_desk.db.models.claims import Claim
    from branch_desk.services.database import open_database

    db = tmp_path / "kecil.db"
    assert run(capsys, "--db", str(db), "demo", "--participants", "20")[0] == 0
    engine = open_database(db)  # encrypted: opened with the key kept for it
    with engine.engine.connect() as conn:
        states = set(conn.scalars(select(Claim.status)))
    engine.dispose()
    assert states == {"draft", "diajukan", "diverifikasi", "disetujui", "dibayar", "ditolak"}
