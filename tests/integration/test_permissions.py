"""Every writing service refuses the roles without its permission, and lets the others past.

The services are discovered, not listed: each public function in `branch_desk.services.*`
that takes a unit of work and calls `….require(Permission.X)` is called as every role with
placeholder arguments. A role without X must get PermissionDenied (and nothing written); a
role with X must get past the check (any other error from the placeholders is fine).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

import branch_desk.services as services_pkg
from branch_desk.db.models.core import AuditEntry
from branch_desk.domain.errors import PermissionDenied
from branch_desk.domain.permissions import Permission, allowed
from tests.support.offices import ROLES

pytestmark = pytest.mark.filterwarnings("ignore:fully NULL primary key:sqlalchemy.exc.SAWarning")
_REQUIRE = re.compile(r"\.require\(\s*Permission\.([A-Z_]+)\s*\)")
# Checked after loading the record on purpose, or not a gate of the whole function.
NOT_FIRST: dict[str, str] = {}


def _guarded() -> list[tuple[str, Callable[..., Any], Permission]]:
    found = []
    for info in pkgutil.walk_packages(services_pkg.__path__, prefix="branch_desk.services."):
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if not params or params[0] != "uow":
                continue
            match = _REQUIRE.search(inspect.getsource(fn))
            if match:
                short = info.name.removeprefix("branch_desk.services.")
                found.append((f"{short}.{name}", fn, Permission[match.group(1)]))
    return sorted(found, key=lambda item: item[0])


GUARDED = _guarded()
CASES = [pytest.param(fn, permission, role, allowed(ROLES[role], permission),
                      id=f"{name}-{role}")
         for name, fn, permission in GUARDED if name not in NOT_FIRST
         for role in ("petugas", "kepala", "admin")]


def _placeholders(fn: Callable[..., Any]) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for index, (name, param) in enumerate(inspect.signature(fn).parameters.items()):
        if index == 0 or param.default is not inspect.Parameter.empty:
            continue
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if param.kind == param.KEYWORD_ONLY:
            kwargs[name] = None
        else:
            args.append(None)
    return args, kwargs


def _audit_count(office) -> int:
    with office.uow("admin", write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(AuditEntry))


def test_discovery_finds_the_writing_services():
    names = {name for name, _, _ in GUARDED}
    assert {"admin.users.add_user", "partners.registry.add_partner",
            "admin.offices.update_office"} <= names
    assert len(GUARDED) >= 10, names


@pytest.mark.parametrize("fn, permission, role, may", CASES)
def test_service_permission(office, fn, permission, role, may):
    args, kwargs = _placeholders(fn)
    before = _audit_count(office)
    with office.uow(role) as uow:
        try:
            fn(uow, *args, **kwargs)
        except PermissionDenied as exc:
            assert not may, f"{role} was refused {permission}: {exc}"
            assert "tidak berwenang" in str(exc) or "hanya" in str(exc)
            uow.commit()  # whatever the refused call left in the session is written now
            assert _audit_count(office) == before
            return
        except Exception:  # placeholders may fail once past the check
            pass
    assert may, f"{role} was NOT refused {permission} by {fn.__module__}.{fn.__name__}"


def test_report_of_coverage(capsys):
    with capsys.disabled():
        print(f"\npermissions: {len(GUARDED)} guarded services x 3 roles = {len(CASES)} cases")
