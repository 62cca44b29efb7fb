"""A login for every read of personal or financial data (issue 16, "at the door").

The service is the door: every public service of `services/` called without a logged-in
user raises PermissionDenied before it reads, except the few listed in NOT_PERSONAL with
the reason. The command line only logs in: each command that prints or writes personal or
financial data, run without --user, ends with exit code 2, an Indonesian message and none
of that data on stdout or stderr; a wrong password counts towards the lockout as in the
program; a user without the permission is refused."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from pathlib import Path

import pytest
from sqlalchemy import select

import branch_desk.services as services_pkg
from branch_desk.cli.main import main
from branch_desk.db.models.core import User
from branch_desk.domain.errors import PermissionDenied
from branch_desk.services.admin.users import MAX_FAILED_LOGINS
from branch_desk.services.uow import UnitOfWork
from tests.support.masks import Scene
from tests.support.messages import assert_indonesian
from tests.support.offices import PASSWORDS

# Services that may run without a login, and why: nothing personal or financial comes out.
NOT_PERSONAL = {
    "admin.offices.own_office_code": "the office's code",
    "admin.offices.office_row": "the office's letterhead, printed on every paper",
    "admin.users.signer": "the name and title of the officer who signs a paper",
    "admin.backups.backup_retention": "how many backups are kept",
    "contributions.targets.list_targets": "coverage targets per region and year",
    "contributions.coverage_figures.coverage_summary": "counts of covered workers per region",
    "participants.column_mapping.column_mapping": "column titles remembered per partner",
    "participants.queries.word_condition": "builds a statement, reads nothing",
    "participants.queries.search_statement": "builds the statements a checked search runs",
    "participants.queries.sqlite_statements": "builds the statements a checked search runs",
    "partners.registry.partner_by_code": "a helper of checked services and of the counts",
    "partners.verification.verify": "genuine or not; the summary only for a login",
    "partners.verification.issue": "signs for a service that checked its permission",
    "partners.verification.ensure_issued": "signs for a service that checked its permission",
    "partners.certificates.issue_certificates": "each issue_certificate checks its permission",
    "claims.checklist.add_checklist": "a step of new_claim, which checked its permission",
    "claims.checklist.update_checklist": "a step of edit_claim, which checked its permission",
    "contributions.coverage.rebuild_spells": "a step of checked writes and of sync import",
    "admin.accounts.set_role": "validates the role, then checks that an admin acts",
    "sync.hub_reports.office_names": "office codes and names",
    "sync.identity.own_identity": "the office's public key",
    "admin.change_log_check.change_log_problem": "a check of a staged backup, called by restore "
                                                 "after it authorised the restore",
    "contributions.construction.quote_construction": "computes from the amounts typed in; "
                                                     "reads no record",
    "sync.identity.list_peers": "offices and their public keys",
    "sync.review.own_digest": "counts and hashes per table",
    "sync.review.compare_digest": "counts and hashes per table",
    "sync.review.list_sync_peers": "offices and their sync state",
}


def _services():
    """(dotted name, function) of every public service that takes the unit of work first."""
    for info in pkgutil.walk_packages(services_pkg.__path__, "branch_desk.services."):
        module = importlib.import_module(info.name)
        for name, fn in vars(module).items():
            if (name.startswith("_") or not inspect.isfunction(fn)
                    or fn.__module__ != module.__name__):
                continue
            params = list(inspect.signature(fn).parameters.values())
            if params and params[0].name == "uow":
                yield f"{info.name.removeprefix('branch_desk.services.')}.{name}", fn


def _call_without_login(office, fn) -> None:
    args, kwargs = [], {}
    for p in list(inspect.signature(fn).parameters.values())[1:]:
        if p.default is not inspect.Parameter.empty:
            continue
        if p.kind is p.KEYWORD_ONLY:
            kwargs[p.name] = None
        else:
            args.append(None)
    with UnitOfWork(office.db) as uow:
        fn(uow, *args, **kwargs)


def test_every_service_refuses_a_caller_without_login(office):
    seen, let_through = set(), {}
    for name, fn in _services():
        seen.add(name)
        if name in NOT_PERSONAL:
            continue
        try:
            _call_without_login(office, fn)
        except PermissionDenied as exc:
            assert_indonesian(str(exc))
        except Exception as exc:
            let_through[name] = f"{type(exc).__name__}: {exc}"
        else:
            let_through[name] = "returned"
    assert let_through == {}
    assert set(NOT_PERSONAL) <= seen  # no stale entry
    assert len(seen) > 100


def _no_login(*args: str, capsys, db: Path) -> tuple[int, str]:
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def _json(printed: str) -> dict:
    """The JSON a command printed, without the warning after it on stderr (a test office
    is a plain database: "tidak terenkripsi")."""
    return json.JSONDecoder().raw_decode(printed)[0]


@pytest.fixture
def scene(office, cli, tmp_path):
    return Scene(office, cli, tmp_path)


def _secrets(scene: Scene) -> list[str]:
    with scene.office.uow("kepala", write=False) as uow:
        from branch_desk.services.participants.queries import iter_with_nik
        from branch_desk.services.participants.rows import ParticipantQuery

        rows = [r for r, _nik in iter_with_nik(uow, ParticipantQuery(limit=1000))]
    return [*scene.people, *(r.name for r in rows), *(r.kpj for r in rows),
            *(phone for _a, phone in scene.contacts.values() if phone),
            "Pemerintah Kabupaten Maros", "Daeng Sija"]


def test_reads_without_login_end_with_code_2_and_show_nothing(scene, capsys, tmp_path,
                                                              monkeypatch):
    monkeypatch.delenv("BRANCH_DESK_PASSWORD", raising=False)
    out = tmp_path / "keluar"
    commands = [
        ("participants", "list"), ("participants", "list", "--json"),
        ("participants", "incomplete", "--json"),
        ("participants", "export", f"{out}.xlsx"),
        ("participants", "cards", "--kpj", scene.kpj, "--out", f"{out}.pdf"),
        ("partners", "list", "--json"), ("agreements", "list"),
        ("documents", "agreement", "PKS/MRS/2025/000001", "--out", f"{out}-pks.pdf"),
        ("claims", "list", "--json"), ("claims", "show", scene.claim),
        ("claims", "recap", "--from", "2025-01-01", "--to", "2025-12-31", "--json"),
        ("claims", "receipt", scene.claim, "--out", f"{out}-klaim.pdf"),
        ("contributions", "reconcile", scene.bill, "--list", str(scene.listing)),
        ("report", "coverage", "--monev", f"{out}-monev.pdf"),
        ("audit", "verify"), ("audit", "history", "--table", "participants", "--row",
                              scene.ids[next(iter(scene.ids))]),
        ("users", "list", "--json"), ("privacy", "report", scene.kpj, "--out", f"{out}.json"),
        ("sync", "digest"), ("sync", "conflicts"), ("sync", "duplicates"),
        ("report", "hub-coverage"), ("report", "hub-claims", "--json"),
    ]
    secrets = _secrets(scene)
    for command in commands:
        try:
            code, printed = _no_login(*command, capsys=capsys, db=scene.office.path)
        except SystemExit as exc:
            raise AssertionError((command, capsys.readouterr().err)) from exc
        assert code == 2, (command, printed)
        assert "--user" in printed, (command, printed)
        assert_indonesian(printed)
        assert [s for s in secrets if s in printed] == [], command
    assert list(tmp_path.glob("keluar*")) == []


def test_what_needs_no_login_shows_no_personal_data(scene, capsys, monkeypatch):
    """`documents verify` says whether a paper is genuine, not what it holds; the coverage
    report without Monev papers is counts per region."""
    from branch_desk.db.models.core import IssuedDocument

    monkeypatch.delenv("BRANCH_DESK_PASSWORD", raising=False)
    scene.ok("participants", "cards", "--kpj", scene.kpj, "--out", str(scene.tmp / "k.pdf"))
    with scene.office.uow("petugas", write=False) as uow:
        numbers = list(uow.session.scalars(select(IssuedDocument.number)))
    assert numbers
    secrets = _secrets(scene)
    for number in numbers:
        code, printed = _no_login("documents", "verify", number, "--json", capsys=capsys,
                                  db=scene.office.path)
        assert code == 0 and _json(printed)["summary"] is None, printed
        # the number asked about is on the paper (a card's number is its KPJ)
        assert [s for s in secrets if s in printed and s != number] == []
    code, printed = _no_login("report", "coverage", "--as-of", "2025-06-30", "--json",
                              capsys=capsys, db=scene.office.path)
    assert code == 0 and _json(printed)["covered"] >= 1
    assert [s for s in secrets if s in printed] == []


def test_a_wrong_password_counts_towards_the_lockout(office, capsys, monkeypatch):
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", "tebakan-salah")
    for _ in range(MAX_FAILED_LOGINS):
        code, printed = _no_login("participants", "list", "--user", "petugas", "--json",
                                  capsys=capsys, db=office.path)
        assert code == 2 and "salah" in printed and "[" not in printed.split("\n")[0]
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORDS["petugas"])
    code, printed = _no_login("participants", "list", "--user", "petugas", capsys=capsys,
                              db=office.path)
    assert code == 2 and "terkunci" in printed
    with office.uow("admin", write=False) as uow:
        user = uow.session.scalar(select(User).where(User.username == "petugas"))
        assert user is not None and user.locked_until is not None


def test_a_user_without_the_permission_is_refused(scene, capsys, monkeypatch):
    monkeypatch.setenv("BRANCH_DESK_PASSWORD", PASSWORDS["petugas"])
    for command in (("audit", "verify"), ("audit", "history", "--table", "participants",
                                          "--row", scene.ids[next(iter(scene.ids))]),
                    ("privacy", "report", scene.kpj, "--out", str(scene.tmp / "p.json")),
                    ("sync", "duplicates")):
        code, printed = _no_login(*command, "--user", "petugas", capsys=capsys,
                                  db=scene.office.path)
        assert code == 2 and "tidak berwenang" in printed, (command, printed)
        assert [s for s in _secrets(scene) if s in printed] == []
    # An operator's --json of participants: masked NIKs only.
    listed = scene.out("participants", "list", "--json", "--limit", "100")
    assert json.loads(listed) and [n for n in scene.people if n in listed] == []
