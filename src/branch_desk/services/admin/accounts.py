"""Office accounts run by an admin: unlock a locked account, reset a password (to be changed
at the next login), deactivate and reactivate, change the role, the full name and the title.

Every change is an audited update of the user's row. The office never loses its last active
admin, and an admin never locks themself out (no deactivating or demoting oneself here).
"""

from __future__ import annotations

from argon2 import PasswordHasher
from sqlalchemy import func, select

from branch_desk.db.engine import Database
from branch_desk.db.models.core import User
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.permissions import Permission, Role
from branch_desk.services.admin.users import UserRow, user_row, validate_password
from branch_desk.services.uow import UnitOfWork

MAX_NAME = 200
MAX_TITLE = 120

_hasher = PasswordHasher()


def _user(uow: UnitOfWork, username: str) -> User:
    uow.actor_required.require(Permission.MANAGE_USERS)
    user = uow.session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise NotFound(f"Pengguna '{username}' tidak ditemukan.", field="username")
    return user


def _not_self(uow: UnitOfWork, user: User, what: str) -> None:
    if user.username == uow.actor_required.username:
        raise ValidationError(f"Admin tidak dapat {what} akunnya sendiri; minta admin lain.",
                              field="username")


def _keeps_an_admin(uow: UnitOfWork, user: User) -> None:
    """Refuse a change that would leave the office without an active admin."""
    if user.role != Role.ADMIN or not user.active:
        return
    admins = uow.session.scalar(select(func.count()).select_from(User).where(
        User.role == Role.ADMIN, User.active.is_(True))) or 0
    if admins <= 1:
        raise ValidationError("Kantor harus tetap punya sedikitnya satu admin aktif.",
                              field="username")


def unlock_user(uow: UnitOfWork, *, username: str) -> UserRow:
    """Lift a lockout after too many wrong passwords (the failures are forgotten)."""
    user = _user(uow, username)
    user.locked_until = None
    user.failed_logins = 0
    return user_row(user)


def reset_password(uow: UnitOfWork, *, username: str, new_password: str) -> UserRow:
    """Give a user a new password, which they must change at their next login; a lockout
    is lifted with it."""
    user = _user(uow, username)
    _not_self(uow, user, "mengatur ulang kata sandi")
    validate_password(new_password)
    user.password_hash = _hasher.hash(new_password)
    user.must_change_password = True
    user.locked_until = None
    user.failed_logins = 0
    return user_row(user)


def set_active(uow: UnitOfWork, *, username: str, active: bool) -> UserRow:
    """Deactivate (no more logins; the user's records stay) or reactivate an account."""
    user = _user(uow, username)
    if not active:
        _not_self(uow, user, "menonaktifkan")
        _keeps_an_admin(uow, user)
    user.active = active
    return user_row(user)


def set_role(uow: UnitOfWork, *, username: str, role: str) -> UserRow:
    """Change a user's role (petugas, supervisor = kepala cabang, admin)."""
    if role not in Role._value2member_map_:
        raise ValidationError(f"Peran '{role}' tidak dikenal; pilih petugas, supervisor "
                              "(kepala cabang) atau admin.", field="role")
    user = _user(uow, username)
    if role != user.role:
        _not_self(uow, user, "mengubah peran")
        if role != Role.ADMIN:
            _keeps_an_admin(uow, user)
    user.role = role
    return user_row(user)


def set_details(uow: UnitOfWork, *, username: str, full_name: str | None = None,
                title: str | None = None) -> UserRow:
    """The full name and title a user signs receipts and statements with (None: unchanged)."""
    user = _user(uow, username)
    name = " ".join((user.full_name if full_name is None else full_name).split())
    job = " ".join((user.title if title is None else title).split())
    if not name:
        raise ValidationError("Nama lengkap wajib diisi.", field="full_name")
    if len(name) > MAX_NAME or len(job) > MAX_TITLE:
        raise ValidationError(f"Nama lengkap paling panjang {MAX_NAME} karakter dan jabatan "
                              f"{MAX_TITLE} karakter.", field="full_name")
    user.full_name, user.title = name, job
    return user_row(user)


def password_change_due(db: Database, username: str) -> bool:
    """True when `username` must choose a new password before working (after a reset)."""
    with UnitOfWork(db) as uow:
        return bool(uow.session.scalar(select(User.must_change_password).where(
            User.username == username.strip())))
