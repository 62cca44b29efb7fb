"""Users: creation, password hashing (argon2), login with lockout, password change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update

from branch_desk.db.engine import Database
from branch_desk.db.models.core import User
from branch_desk.db.offices import own_office
from branch_desk.db.recording import record_event
from branch_desk.domain.actor import Actor
from branch_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from branch_desk.domain.permissions import Permission, Role
from branch_desk.services.uow import UnitOfWork

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()


class LoginError(PermissionDenied):
    """Wrong user name or password, or a locked account."""


@dataclass(frozen=True)
class UserRow:
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    title: str = ""
    must_change_password: bool = False

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def user_row(user: User) -> UserRow:
    return UserRow(user.username, user.full_name, user.role, user.active, user.locked_until,
                   user.last_login_at, user.title, user.must_change_password)


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.", field="password"
        )


def _validate_username(username: str) -> str:
    name = username.strip()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-" for c in name):
        raise ValidationError(
            "Nama pengguna hanya boleh huruf, angka, titik, garis bawah atau tanda hubung "
            "(maksimal 64 karakter).", field="username")
    return name


def add_user(uow: UnitOfWork, *, username: str, role: str, password: str,
             full_name: str = "") -> UserRow:
    """Create an office user (admin only)."""
    uow.actor_required.require(Permission.MANAGE_USERS)
    name = _validate_username(username)
    if role not in Role._value2member_map_:
        raise ValidationError(
            f"Peran '{role}' tidak dikenal; pilih petugas, supervisor atau admin.", field="role")
    validate_password(password)
    if uow.session.scalar(select(User).where(User.username == name)) is not None:
        raise ValidationError(f"Pengguna '{name}' sudah ada.", field="username")
    user = User(username=name, role=role, full_name=full_name or name,
                password_hash=_hasher.hash(password))
    uow.session.add(user)
    uow.session.flush()
    return user_row(user)


def list_users(uow: UnitOfWork) -> list[UserRow]:
    uow.reader()
    return [user_row(u) for u in uow.session.scalars(select(User).order_by(User.username))]


def authenticate(db: Database, username: str, password: str, *, now: datetime) -> Actor:
    """Check a login; count failures and lock the account after MAX_FAILED_LOGINS.

    The password is checked (argon2, slow on purpose) in a read-only transaction; only the
    short bookkeeping write takes the write lock, so many logins at once never hold up,
    or fail, the work of other windows and scripts."""
    with UnitOfWork(db) as uow:
        office = own_office(uow.session).code
        user = uow.session.scalar(select(User).where(User.username == username.strip()))
        found = None if user is None or not user.active else (
            user.id, user.username, user.role, user.full_name, user.locked_until,
            user.password_hash)
    system = Actor(username=username or "?", role="petugas", office=office)
    if found is None:
        with UnitOfWork(db, system, write=True) as uow:
            record_event(uow.session, system, "login_failed", table="users", note="tidak dikenal")
            uow.commit()
        raise LoginError("Nama pengguna atau kata sandi salah.", field="password")
    user_id, name, role, full_name, locked_until, password_hash = found
    if locked_until is not None and locked_until > now:
        minutes = max(1, int((locked_until - now).total_seconds() // 60) + 1)
        raise LoginError(
            f"Akun '{name}' terkunci karena terlalu banyak percobaan gagal. "
            f"Coba lagi dalam {minutes} menit atau minta admin membukanya.", field="password")
    try:
        _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        with UnitOfWork(db, system, write=True) as uow:
            failed = _count_failure(uow, user_id, now)
            left = MAX_FAILED_LOGINS - failed
            record_event(uow.session, system, "login_failed", table="users", row_id=user_id,
                         note=f"sisa {max(left, 0)} percobaan")
            uow.commit()
        if left <= 0:
            message = (f"Kata sandi salah. Akun '{name}' dikunci selama "
                       f"{int(LOCKOUT.total_seconds() // 60)} menit.")
        else:
            message = f"Nama pengguna atau kata sandi salah (sisa {left} percobaan)."
        raise LoginError(message, field="password") from None
    actor = Actor(name, role, office, full_name)
    rehashed = (_hasher.hash(password) if _hasher.check_needs_rehash(password_hash)
                else None)
    with UnitOfWork(db, actor, write=True) as uow:
        _bookkeeping(uow, user_id, failed_logins=0, locked_until=None, last_login_at=now)
        if rehashed is not None:
            account = uow.session.get(User, user_id)
            assert account is not None
            account.password_hash = rehashed
        uow.commit()
    return actor


def _bookkeeping(uow: UnitOfWork, user_id: str, **values: object) -> None:
    """Login bookkeeping is this workstation's note, not an edit of the account: written
    without the row's version or the change log, so a login never makes a concurrent
    write of the same user fail and never travels in sync files. `audit verify` leaves
    these columns (`LOGIN_BOOKKEEPING`) out of its comparison."""
    uow.session.execute(update(User.__table__).where(User.__table__.c.id == user_id)
                        .values(**values))
    uow.mark_changed("users")


def _count_failure(uow: UnitOfWork, user_id: str, now: datetime) -> int:
    """Count one failed login (in the database, so concurrent attempts all count); after
    MAX_FAILED_LOGINS lock the account. The failures counted, the locking one included."""
    table = User.__table__
    failed = uow.session.execute(update(table).where(table.c.id == user_id).values(
        failed_logins=table.c.failed_logins + 1).returning(table.c.failed_logins)).scalar_one()
    if failed >= MAX_FAILED_LOGINS:
        _bookkeeping(uow, user_id, failed_logins=0, locked_until=now + LOCKOUT)
    uow.mark_changed("users")
    return int(failed)


def change_password(uow: UnitOfWork, *, old_password: str, new_password: str,
                    now: datetime) -> None:
    """The acting user changes their own password."""
    actor = uow.actor_required
    user = uow.session.scalar(select(User).where(User.username == actor.username))
    if user is None:
        raise NotFound(f"Pengguna '{actor.username}' tidak ditemukan.")
    try:
        _hasher.verify(user.password_hash, old_password)
    except (VerificationError, InvalidHashError):
        raise ValidationError("Kata sandi lama salah.", field="old_password") from None
    validate_password(new_password)
    if new_password == old_password:
        raise ValidationError("Kata sandi baru harus berbeda dari yang lama.",
                              field="new_password")
    user.password_hash = _hasher.hash(new_password)
    user.password_changed_at = now
    user.must_change_password = False


def signer(uow: UnitOfWork, username: str) -> tuple[str, str]:
    """(full name, title) a user signs papers with; the user name only when nothing else is
    recorded (a user removed since), never for a user on record."""
    if not username:
        return "", ""
    found = uow.session.execute(select(User.full_name, User.title).where(
        User.username == username)).first()
    if found is None:
        return username, ""
    return found.full_name or username, found.title or ""
