"""The office identity: set-up of a new database, its signing key, its letterhead."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from branch_desk.db.engine import Database
from branch_desk.db.migrate import current_revision, upgrade
from branch_desk.db.models.core import Office, Setting
from branch_desk.db.offices import own_office
from branch_desk.domain.actor import Actor, system_actor
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.services.admin.users import add_user, validate_password
from branch_desk.services.uow import UnitOfWork
from branch_desk.sync.keys import own_keys


@dataclass(frozen=True)
class OfficeRow:
    code: str
    name: str
    kind: str
    address: str
    region_code: str
    head_name: str
    head_title: str
    letterhead: str


def own_office_code(uow: UnitOfWork) -> str:
    """The code of the office this database belongs to."""
    return own_office(uow.session).code


def _setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def office_row(uow: UnitOfWork) -> OfficeRow:
    """The own office's identity as documents show it (letterhead included)."""
    o = own_office(uow.session)
    return OfficeRow(o.code, o.name, o.kind, o.address, o.region_code, o.head_name, o.head_title,
                     _setting(uow.session, "letterhead", o.name))


def office_of(db: Database) -> OfficeRow:
    """The own office of `db`, read before anyone has logged in (the login dialog's heading,
    the main window's context)."""
    with UnitOfWork(db) as uow:
        return office_row(uow)


def validate_office_code(code: str) -> str:
    value = code.strip().upper()
    if not (2 <= len(value) <= 6 and value.isalpha()):
        raise ValidationError("Kode kantor harus 2–6 huruf, misalnya MRS.", field="office_code")
    return value


def initialise(db: Database, *, office_code: str, office_name: str, admin: str,
               password: str, backup_dir: Path | None = None, kind: str = "cabang",
               address: str = "", region_code: str = "", head_name: str = "",
               head_title: str = "Kepala Kantor Cabang") -> Actor:
    """Create the schema, the office with its signing key, and its first admin."""
    code = validate_office_code(office_code)
    if not office_name.strip():
        raise ValidationError("Nama kantor wajib diisi.", field="office_name")
    validate_password(password)
    if current_revision(db) is not None:
        with UnitOfWork(db) as uow:
            if uow.session.scalar(select(Office).where(Office.is_self.is_(True))) is not None:
                raise ValidationError(
                    "Basis data ini sudah disiapkan untuk sebuah kantor; "
                    "gunakan basis data baru.", field="db")
    upgrade(db, backup_dir=backup_dir)
    key = Ed25519PrivateKey.generate()
    system = system_actor(code)
    with UnitOfWork(db, system, write=True) as uow:
        uow.session.add(Office(
            code=code, name=office_name.strip(), is_self=True, trusted=True, kind=kind,
            address=address, region_code=region_code, head_name=head_name,
            head_title=head_title,
            private_key=key.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()),
            public_key=key.public_key().public_bytes(serialization.Encoding.Raw,
                                                     serialization.PublicFormat.Raw)))
        uow.session.add(Setting(key="letterhead", value=f"BPJS Ketenagakerjaan {office_name}"))
        uow.session.flush()
        own_keys(uow.session)  # the encryption key pair sync files are sealed for
        add_user(uow, username=admin, role="admin", password=password, full_name=admin)
        uow.commit()
    return Actor(admin, "admin", code, admin)


def update_office(uow: UnitOfWork, *, name: str, address: str, head_name: str,
                  head_title: str, letterhead: str) -> OfficeRow:
    """Change the office identity shown on documents (admin)."""
    uow.actor_required.require(Permission.MANAGE_OFFICE)
    if not name.strip():
        raise ValidationError("Nama kantor wajib diisi.", field="name")
    office = own_office(uow.session)
    office.name, office.address = name.strip(), address.strip()
    office.head_name, office.head_title = head_name.strip(), head_title.strip()
    row = uow.session.get(Setting, "letterhead")
    if row is None:
        uow.session.add(Setting(key="letterhead", value=letterhead))
    else:
        row.value = letterhead
    uow.session.flush()
    return office_row(uow)
