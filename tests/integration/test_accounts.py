"""Office accounts run by an admin (services.admin.accounts and `users …`): unlock, reset the
password (changed at the next login), deactivate and reactivate, role, full name and title —
and what a careless admin or a non-admin cannot do with them."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from branch_desk.db.models.core import User
from branch_desk.domain.errors import PermissionDenied, ValidationError
from branch_desk.services import clock
from branch_desk.services.admin import accounts
from branch_desk.services.admin.users import LoginError, authenticate, change_password
from tests.support.offices import PASSWORDS
from tests.support.program import run_as, run_program


def _lock(office, username: str) -> None:
    for _ in range(5):
        with pytest.raises(LoginError):
            authenticate(office.db, username, "salah-salah-salah", now=clock.now())
    with pytest.raises(LoginError, match="terkunci"):
        authenticate(office.db, username, PASSWORDS[username], now=clock.now())


def _user(office, username: str) -> User:
    with office.uow("admin", write=False) as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        uow.session.expunge(user)
        return user


def test_an_admin_unlocks_a_locked_officer(office):
    _lock(office, "petugas")
    with office.uow("admin") as uow:
        row = accounts.unlock_user(uow, username="petugas")
        uow.commit()
    assert row.locked_until is None
    assert authenticate(office.db, "petugas", PASSWORDS["petugas"], now=clock.now())


def test_a_reset_password_must_be_changed_at_the_next_login(office):
    with office.uow("admin") as uow:
        accounts.reset_password(uow, username="petugas", new_password="sementara-123")
        uow.commit()
    with pytest.raises(LoginError):
        authenticate(office.db, "petugas", PASSWORDS["petugas"], now=clock.now())
    actor = authenticate(office.db, "petugas", "sementara-123", now=clock.now())
    assert accounts.password_change_due(office.db, "petugas")
    with office.uow("petugas") as uow:
        with pytest.raises(ValidationError, match="berbeda"):
            change_password(uow, old_password="sementara-123", new_password="sementara-123",
                            now=clock.now())
        change_password(uow, old_password="sementara-123", new_password="baru-sekali-9",
                        now=clock.now())
        uow.commit()
    assert actor.username == "petugas"
    assert not accounts.password_change_due(office.db, "petugas")


def test_deactivated_users_cannot_log_in_until_reactivated(office):
    with office.uow("admin") as uow:
        accounts.set_active(uow, username="petugas2", active=False)
        uow.commit()
    with pytest.raises(LoginError):
        authenticate(office.db, "petugas2", PASSWORDS["petugas2"], now=clock.now())
    with office.uow("admin") as uow:
        accounts.set_active(uow, username="petugas2", active=True)
        uow.commit()
    assert authenticate(office.db, "petugas2", PASSWORDS["petugas2"], now=clock.now())


def test_role_name_and_title_and_the_audit_of_each_change(office):
    with office.uow("admin") as uow:
        accounts.set_role(uow, username="petugas2", role="supervisor")
        accounts.set_details(uow, username="petugas2", full_name="  Nur   Aisyah ",
                             title="Petugas Pelayanan")
        uow.commit()
    user = _user(office, "petugas2")
    assert (user.role, user.full_name, user.title) == ("supervisor", "Nur Aisyah",
                                                       "Petugas Pelayanan")
    with office.uow("admin", write=False) as uow:
        from branch_desk.services.admin.audit import history

        changes = [e.after for e in history(uow, table="users", row_id=user.id)
                   if e.action == "update"]
    assert {"role": "supervisor"}.items() <= changes[0].items()
    assert any(c.get("title") == "Petugas Pelayanan" for c in changes)


def test_what_an_admin_cannot_do_to_the_office(office):
    before = _user(office, "admin")
    with office.uow("admin") as uow:
        with pytest.raises(ValidationError, match="sendiri"):
            accounts.set_active(uow, username="admin", active=False)
        with pytest.raises(ValidationError, match="sendiri"):
            accounts.set_role(uow, username="admin", role="petugas")
        with pytest.raises(ValidationError, match="sendiri"):
            accounts.reset_password(uow, username="admin", new_password="apa-saja-123")
        with pytest.raises(ValidationError, match="minimal 8"):
            accounts.reset_password(uow, username="petugas", new_password="pendek")
        with pytest.raises(ValidationError, match="tidak dikenal"):
            accounts.set_role(uow, username="petugas", role="root")
        with pytest.raises(ValidationError, match="wajib"):
            accounts.set_details(uow, username="petugas", full_name="   ")
        with pytest.raises(ValidationError, match="paling panjang"):
            accounts.set_details(uow, username="petugas", title="x" * 500)
    after = _user(office, "admin")
    assert (after.active, after.role, after.password_hash) == (before.active, before.role,
                                                              before.password_hash)


def test_only_an_admin_runs_accounts(office):
    for user in ("petugas", "kepala"):
        with office.uow(user) as uow:
            with pytest.raises(PermissionDenied):
                accounts.unlock_user(uow, username="petugas2")
            with pytest.raises(PermissionDenied):
                accounts.set_role(uow, username=user, role="admin")


def test_cli_accounts_for_head_office_scripts(office, tmp_path):
    _lock(office, "petugas")
    listed = run_as(office, "--json", "users", "list", user="admin")
    assert listed.returncode == 0, listed.stderr
    rows = {r["username"]: r for r in json.loads(listed.stdout)}
    assert rows["petugas"]["locked"] is True and rows["petugas"]["active"] is True
    done = run_as(office, "--json", "users", "unlock", "petugas", user="admin")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["username"] == "petugas"
    temporary = tmp_path / "sementara.txt"
    temporary.write_text("sementara-123\n")
    done = run_as(office, "--json", "users", "reset-password", "petugas", "--password-file",
                  str(temporary), user="admin")
    assert json.loads(done.stdout)["must_change_password"] is True
    blocked = run_program("--db", str(office.path), "--user", "petugas", "participants",
                          "list", password="sementara-123")
    assert blocked.returncode != 0 and "users passwd" in blocked.stderr
    for args in (("set-role", "petugas2", "--role", "supervisor"),
                 ("update", "petugas2", "--title", "Petugas Pelayanan"),
                 ("deactivate", "petugas2"), ("activate", "petugas2")):
        done = run_as(office, "--json", "users", *args, user="admin")
        assert done.returncode == 0, (args, done.stderr)
    assert json.loads(done.stdout)["title"] == "Petugas Pelayanan"
    refused = run_as(office, "users", "deactivate", "admin", user="kepala")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert _user(office, "admin").active


def test_a_lockout_passes_without_an_admin_in_time(office):
    _lock(office, "petugas")
    later = clock.now() + timedelta(minutes=16)
    assert authenticate(office.db, "petugas", PASSWORDS["petugas"], now=later)
