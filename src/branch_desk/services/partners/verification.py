"""Signed verification strings (the QR on every document), checkable offline.

Format: `BD1.<office>.<kind>.<number, url-safe base64>.<payload digest>.<Ed25519 signature>`
— the signature covers everything before it, so a changed character is caught. Any office
holding the issuer's public key (its own, or a trusted peer's) can verify.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from branch_desk.db import recording
from branch_desk.db.models.core import IssuedDocument, Office
from branch_desk.db.offices import own_office
from branch_desk.db.serialise import canonical_json, to_json_value
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.identifiers import issued_by
from branch_desk.domain.permissions import Permission
from branch_desk.services.uow import UnitOfWork

PREFIX = "BD1"
KIND_LABELS = {"pks": "Perjanjian kerja sama", "piagam": "Piagam penghargaan",
               "kwitansi": "Kwitansi", "kartu": "Kartu peserta", "klaim": "Tanda terima klaim"}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _digest(summary: dict[str, Any]) -> str:
    return _b64(hashlib.sha256(canonical_json(to_json_value(summary)).encode()).digest()[:12])


@dataclass(frozen=True)
class Verification:
    """What checking a verification string or document number found."""

    genuine: bool
    message: str  # Indonesian
    office: str = ""
    kind: str = ""
    number: str = ""
    summary: dict[str, Any] | None = None


def issue(uow: UnitOfWork, *, kind: str, number: str, summary: dict[str, Any]) -> str:
    """Sign and record a document; returns the verification string to print as a QR."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    office = own_office(uow.session)
    key = serialization.load_pem_private_key(office.private_key or b"", password=None)
    assert isinstance(key, Ed25519PrivateKey)
    body = ".".join([PREFIX, office.code, kind, _b64(number.encode()), _digest(summary)])
    text = f"{body}.{_b64(key.sign(body.encode()))}"
    existing = uow.session.scalar(select(IssuedDocument).where(
        IssuedDocument.number == number, IssuedDocument.kind == kind))
    if existing is None:
        uow.session.add(IssuedDocument(number=number, kind=kind, office=office.code,
                                       issued_by=uow.actor_required.username,
                                       summary=to_json_value(summary), verification=text))
    else:
        existing.prints += 1
        existing.summary = to_json_value(summary)
        existing.verification = text
    return text


def verify(uow: UnitOfWork, text: str) -> Verification:
    """Check a scanned verification string, or look up a document number. Genuine only
    when the issuer's signature verifies and the number is one that office issues. A
    reprint signs again, but earlier prints' strings still verify (the same key signed
    them). Without a logged-in user the answer holds no personal data (no summary)."""
    value = text.strip()
    if not value.startswith(PREFIX + "."):
        doc = uow.session.scalar(select(IssuedDocument).where(IssuedDocument.number == value))
        if doc is None:
            return Verification(False, f"Nomor dokumen '{value}' tidak dikenal di kantor ini.")
        value = doc.verification
    parts = value.split(".")
    if len(parts) != 6:
        return Verification(False, "Teks verifikasi tidak lengkap atau rusak.")
    _, office_code, kind, number_b64, digest, signature = parts
    try:
        number = _unb64(number_b64).decode("utf-8")
        sig = _unb64(signature)
    except (ValueError, UnicodeDecodeError):
        return Verification(False, "Teks verifikasi rusak (tidak dapat dibaca).")
    # Base64's spare bits would let a changed last character decode to the same bytes.
    if _b64(number.encode()) != number_b64 or _b64(sig) != signature:
        return Verification(False, "TIDAK ASLI: teks verifikasi telah diubah.", office_code,
                            kind, number)
    if not issued_by(number, office_code):
        return Verification(False, f"TIDAK ASLI: nomor {number} bukan nomor yang diterbitkan "
                                   f"kantor {office_code}.", office_code, kind, number)
    office = uow.session.get(Office, office_code)
    if office is None or office.public_key is None or not (office.is_self or office.trusted):
        return Verification(False, f"Kantor penerbit '{office_code}' tidak dikenal atau belum "
                                   "dipercaya oleh kantor ini.", office_code, kind, number)
    try:
        Ed25519PublicKey.from_public_bytes(office.public_key).verify(
            sig, ".".join(parts[:5]).encode())
    except (InvalidSignature, ValueError):
        return Verification(False, "TIDAK ASLI: tanda tangan digital tidak cocok — dokumen "
                                   "atau teks verifikasinya telah diubah.", office_code, kind,
                            number)
    doc = uow.session.scalar(select(IssuedDocument).where(
        IssuedDocument.number == number, IssuedDocument.kind == kind))
    summary = doc.summary if doc is not None and _digest(doc.summary) == digest else None
    label = KIND_LABELS.get(kind, kind)
    detail = "" if summary is not None else (
        " Rincian isinya tidak tercatat di kantor ini; cocokkan dengan dokumen fisiknya.")
    if uow.actor is None:  # anyone may ask whether a paper is genuine, not what it holds
        summary, detail = None, ""
    return Verification(True, f"ASLI: {label} nomor {number} diterbitkan oleh kantor "
                              f"{office_code}.{detail}", office_code, kind, number, summary)


def ensure_issued(uow: UnitOfWork, *, kind: str, number: str, summary: dict[str, Any]) -> str:
    """Sign and record a document without counting a print (agreements and certificates are
    recorded when created; prints are counted by `record_print`). Returns the QR text."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    office = own_office(uow.session)
    key = serialization.load_pem_private_key(office.private_key or b"", password=None)
    assert isinstance(key, Ed25519PrivateKey)
    body = ".".join([PREFIX, office.code, kind, _b64(number.encode()), _digest(summary)])
    text = f"{body}.{_b64(key.sign(body.encode()))}"
    existing = _issued(uow, kind, number)
    if existing is None:
        uow.session.add(IssuedDocument(number=number, kind=kind, office=office.code,
                                       issued_by=uow.actor_required.username,
                                       summary=to_json_value(summary), verification=text,
                                       prints=0))
    else:
        existing.summary = to_json_value(summary)
        existing.verification = text
    uow.session.flush()
    return text


def _issued(uow: UnitOfWork, kind: str, number: str) -> IssuedDocument | None:
    return uow.session.scalar(select(IssuedDocument).where(
        IssuedDocument.number == number, IssuedDocument.kind == kind))


def verification_text(uow: UnitOfWork, *, kind: str, number: str) -> str:
    """The recorded QR text of an issued document; NotFound if it was never issued."""
    uow.reader()
    doc = _issued(uow, kind, number)
    if doc is None:
        raise NotFound(f"Dokumen {kind} nomor {number} belum diterbitkan.", field="number")
    return doc.verification


def print_count(uow: UnitOfWork, *, kind: str, number: str) -> int:
    uow.reader()
    doc = _issued(uow, kind, number)
    return doc.prints if doc is not None else 0


def record_print(uow: UnitOfWork, *, kind: str, number: str, reason: str = "") -> int:
    """Count one print of an issued document; a reprint needs a reason, kept in the audit log
    (action `reprint`). Returns how many times it has now been printed."""
    actor = uow.actor_required
    actor.require(Permission.PRINT_DOCUMENTS)
    doc = _issued(uow, kind, number)
    if doc is None:
        raise NotFound(f"Dokumen {kind} nomor {number} belum diterbitkan.", field="number")
    reprint = doc.prints >= 1
    if reprint and not reason.strip():
        raise ValidationError(f"Dokumen {number} sudah pernah dicetak {doc.prints} kali: "
                              "alasan cetak ulang wajib diisi.", field="reason")
    doc.prints += 1
    recording.record_event(uow.session, actor, "reprint" if reprint else "print",
                           table="issued_documents", row_id=doc.id, note=reason.strip()[:500],
                           details={"kind": kind, "number": number, "prints": doc.prints})
    return doc.prints


def record_export(uow: UnitOfWork, *, kind: str, number: str, target: str) -> None:
    """Audit that a document was written to a file (not a print)."""
    doc = _issued(uow, kind, number)
    recording.record_event(uow.session, uow.actor_required, "export_pdf",
                           table="issued_documents", row_id=doc.id if doc else "",
                           note=target[:500], details={"kind": kind, "number": number})
