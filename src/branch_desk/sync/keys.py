"""Office keys, identity files and the fingerprint officers read to each other by phone.

Each office has an Ed25519 signing key (made at `init` by `services.admin.offices`) and an X25519
key for receiving encrypted sync files (made here on first use). An identity file carries
both public keys, self-signed with the signing key; trusting it stores the keys as a peer.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from branch_desk.db.base import utcnow
from branch_desk.db.models.core import Office
from branch_desk.db.models.sync_state import OfficeKey
from branch_desk.db.offices import own_office
from branch_desk.db.serialise import canonical_json
from branch_desk.domain.text import text_problem
from branch_desk.sync.errors import SyncRejected, rejected

IDENTITY_FORMAT = "branch-desk-identity/1"
OFFICE_CODE = re.compile(r"[A-Z0-9]{2,6}")
MAX_IDENTITY_BYTES = 64 * 1024


def _raw(key: Any) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(signing_key: bytes, encryption_key: bytes) -> str:
    """32 hex digits in 8 groups, e.g. `3F2A 9C01 …`, over both public keys."""
    digest = hashlib.sha256(b"branch-desk-fp\0" + signing_key + encryption_key).hexdigest()
    text = digest[:32].upper()
    return " ".join(text[i:i + 4] for i in range(0, 32, 4))


def own_keys(session: Session) -> tuple[Office, OfficeKey]:
    """The own office and its X25519 key, made now if the office has none yet."""
    office = own_office(session)
    key = session.get(OfficeKey, office.code)
    if key is None or key.enc_private_key is None:
        private = X25519PrivateKey.generate()
        pem = private.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        if key is None:
            key = OfficeKey(office_code=office.code, enc_public_key=_raw(private.public_key()),
                            enc_private_key=pem)
            session.add(key)
        else:
            key.enc_public_key, key.enc_private_key = _raw(private.public_key()), pem
        session.flush()
    return office, key


def signing_key(office: Office) -> Ed25519PrivateKey:
    assert office.private_key is not None
    key = serialization.load_pem_private_key(office.private_key, password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return key


def decryption_key(key: OfficeKey) -> X25519PrivateKey:
    assert key.enc_private_key is not None
    private = serialization.load_pem_private_key(key.enc_private_key, password=None)
    assert isinstance(private, X25519PrivateKey)
    return private


@dataclass(frozen=True)
class Identity:
    office_code: str
    office_name: str
    kind: str
    signing_key: bytes
    encryption_key: bytes
    created_at: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key, self.encryption_key)


def _body(identity: Identity) -> dict[str, Any]:
    return {"format": IDENTITY_FORMAT, "office_code": identity.office_code,
            "office_name": identity.office_name, "kind": identity.kind,
            "signing_key": base64.b64encode(identity.signing_key).decode(),
            "encryption_key": base64.b64encode(identity.encryption_key).decode(),
            "created_at": identity.created_at}


def own_identity(session: Session) -> Identity:
    office, key = own_keys(session)
    assert office.public_key is not None
    return Identity(office.code, office.name, office.kind, office.public_key,
                    key.enc_public_key, utcnow().isoformat(timespec="seconds"))


def identity_document(session: Session) -> bytes:
    """The own identity file, self-signed (JSON text)."""
    office, _key = own_keys(session)
    identity = own_identity(session)
    body = _body(identity)
    signature = signing_key(office).sign(canonical_json(body).encode())
    body["signature"] = base64.b64encode(signature).decode()
    body["fingerprint"] = identity.fingerprint
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode()


def read_identity(path: Path) -> Identity:
    """Parse and check an identity file (format, key sizes, self-signature)."""
    try:
        if path.stat().st_size > MAX_IDENTITY_BYTES:
            raise ValueError("too big")
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != IDENTITY_FORMAT:
            raise ValueError("format")
        identity = Identity(str(data["office_code"]), str(data["office_name"]),
                            str(data.get("kind", "cabang")),
                            base64.b64decode(data["signing_key"], validate=True),
                            base64.b64decode(data["encryption_key"], validate=True),
                            str(data["created_at"]))
        if len(identity.signing_key) != 32 or len(identity.encryption_key) != 32:
            raise ValueError("key size")
        if not OFFICE_CODE.fullmatch(identity.office_code):
            raise rejected("identity_invalid", f"Kode kantor '{identity.office_code[:20]}' "
                           "dalam berkas identitas tidak sah: harus 2–6 huruf kapital atau "
                           "angka.")
        if (not identity.office_name.strip()
                or text_problem(identity.office_name, length=200) is not None
                or identity.kind not in ("cabang", "wilayah")):
            raise ValueError("name or kind")
        signature = base64.b64decode(data["signature"], validate=True)
        Ed25519PublicKey.from_public_bytes(identity.signing_key).verify(
            signature, canonical_json(_body(identity)).encode())
    except SyncRejected:
        raise
    except InvalidSignature as exc:
        raise rejected("identity_signature", "Tanda tangan berkas identitas tidak sah.") from exc
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise rejected("identity_invalid",
                       f"Berkas '{path.name}' bukan berkas identitas kantor Branch Desk.") from exc
    return identity


def trust(session: Session, identity: Identity, *, replace: bool = False) -> Office:
    """Store `identity` as a trusted peer. A known office with other keys is refused unless
    `replace` (after the officers confirmed the new fingerprint)."""
    own = own_office(session)
    if identity.office_code == own.code:
        raise rejected("identity_self", "Berkas identitas ini milik kantor ini sendiri.")
    office = session.get(Office, identity.office_code)
    key = session.get(OfficeKey, identity.office_code)
    if office is not None and office.public_key and office.public_key != identity.signing_key \
            and not replace:
        raise rejected("identity_changed",
                       f"Kantor {identity.office_code} sudah dikenal dengan kunci lain. "
                       "Pastikan lewat telepon lalu ulangi dengan pilihan ganti kunci.")
    twin = session.scalar(select(Office.code).where(
        Office.public_key == identity.signing_key, Office.code != identity.office_code))
    if twin is not None:
        raise rejected("identity_key_reused",
                       f"Kunci dalam berkas identitas ini sudah dipakai kantor {twin}: satu "
                       "kunci hanya untuk satu kode kantor.")
    if office is None:
        office = Office(code=identity.office_code, name=identity.office_name,
                        kind=identity.kind, is_self=False)
        session.add(office)
    office.name, office.kind = identity.office_name, identity.kind
    office.public_key, office.trusted = identity.signing_key, True
    session.flush()
    if key is None:
        session.add(OfficeKey(office_code=office.code, enc_public_key=identity.encryption_key))
    else:
        key.enc_public_key = identity.encryption_key
    session.flush()
    return office


def peer_keys(session: Session, code: str) -> tuple[Office, OfficeKey] | None:
    office = session.get(Office, code)
    key = session.get(OfficeKey, code)
    if office is None or key is None or not office.trusted or not office.public_key:
        return None
    return office, key


def trusted_peers(session: Session) -> list[Office]:
    return list(session.scalars(select(Office).where(Office.is_self.is_(False),
                                                     Office.trusted.is_(True))
                                .order_by(Office.code)))


def created(identity: Identity) -> datetime | None:
    try:
        return datetime.fromisoformat(identity.created_at)
    except ValueError:
        return None
