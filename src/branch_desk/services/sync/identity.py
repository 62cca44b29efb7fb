"""Office identity files and trust between offices — Permission.SYNC."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from branch_desk.db.models.core import Office
from branch_desk.db.recording import record_event
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.permissions import Permission
from branch_desk.private_files import write_private
from branch_desk.services.uow import UnitOfWork
from branch_desk.sync import keys


@dataclass(frozen=True)
class IdentityRow:
    office_code: str
    office_name: str
    kind: str
    fingerprint: str
    trusted: bool = False


def own_identity(uow: UnitOfWork) -> IdentityRow:
    """The own office's identity and fingerprint (makes the encryption key on first use)."""
    ident = keys.own_identity(uow.session)
    return IdentityRow(ident.office_code, ident.office_name, ident.kind, ident.fingerprint,
                       True)


def write_identity(uow: UnitOfWork, *, out: Path) -> IdentityRow:
    """Write the own identity file to `out` (private, atomically). Commit after (key made on
    first use)."""
    uow.actor_required.require(Permission.SYNC)
    write_private(Path(out), keys.identity_document(uow.session))
    return own_identity(uow)


def read_identity(path: Path) -> IdentityRow:
    """Read and check an identity file without trusting it (to show its fingerprint)."""
    ident = keys.read_identity(Path(path))
    return IdentityRow(ident.office_code, ident.office_name, ident.kind, ident.fingerprint)


def trust_identity(uow: UnitOfWork, *, path: Path, fingerprint: str | None = None,
                   replace: bool = False) -> IdentityRow:
    """Trust the office in an identity file. When `fingerprint` is given (what the other
    officer read out by phone) it must match. A code already known with another key is
    re-keyed only with `replace`, by an admin of the office (audited with both keys)."""
    actor = uow.actor_required
    actor.require(Permission.SYNC)
    if replace:
        actor.require(Permission.MANAGE_OFFICE)
    ident = keys.read_identity(Path(path))
    if fingerprint is not None and _norm(fingerprint) != _norm(ident.fingerprint):
        raise ValidationError("Sidik jari tidak cocok dengan berkas identitas; jangan "
                              "percayai berkas ini.", field="fingerprint")
    old = keys.peer_keys(uow.session, ident.office_code)
    old_office = uow.session.get(Office, ident.office_code)
    old_key = old_office.public_key if old_office is not None else None
    old_fp = keys.fingerprint(old_key, old[1].enc_public_key) if old and old_key else ""
    keys.trust(uow.session, ident, replace=replace)
    if old_key and old_key != ident.signing_key:
        record_event(uow.session, actor, "sync_rekey", table="offices",
                     row_id=ident.office_code,
                     note=f"ganti kunci kantor {ident.office_code}: {old_fp or 'lama'} → "
                          f"{ident.fingerprint}",
                     details={"old": old_fp, "new": ident.fingerprint})
    record_event(uow.session, actor, "sync_trust", table="offices", row_id=ident.office_code,
                 note=f"percayai kantor {ident.office_code} sidik jari {ident.fingerprint}")
    return IdentityRow(ident.office_code, ident.office_name, ident.kind, ident.fingerprint,
                       True)


def list_peers(uow: UnitOfWork) -> list[IdentityRow]:
    result = []
    for office in keys.trusted_peers(uow.session):
        peer = keys.peer_keys(uow.session, office.code)
        fp = keys.fingerprint(office.public_key or b"", peer[1].enc_public_key) if peer else ""
        result.append(IdentityRow(office.code, office.name, office.kind, fp, True))
    return result


def _norm(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())
