"""Proof of origin: every office signs its own changes, and receivers check each change
against the office that made it — not against whoever carried the file.

When it exports, an office seals its changes not yet sealed into one batch: the SHA-256 of
each change (as files carry it) in sequence order, signed with its Ed25519 key. Batches are
stored (`change_proofs`) and relayed unchanged with the changes they cover, so a hub passes
on branch A's proof to branch B, and B applies A's change only if A's signature covers its
exact bytes. A relay can therefore neither forge nor alter another office's change; a
change it drops shows as a gap in that origin's sequence.

Keys: a receiver verifies with the key it trusts for the origin — its own, a peer it
trusted after comparing fingerprints by phone, or a key its hub (an office of kind
`wilayah` it trusts) introduced for an office it does not know yet. One office code has
one key: an introduction that differs from a known key refuses the file.
"""

from __future__ import annotations

import base64
import hashlib
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from branch_desk.db.models.core import ChangeEntry, Office
from branch_desk.db.models.sync_state import ChangeProof
from branch_desk.db.recording import CHANGE_SEQ
from branch_desk.db.serialise import canonical_json
from branch_desk.sync import received
from branch_desk.sync.errors import rejected
from branch_desk.sync.merge import Change
from branch_desk.sync.policy import exchanged
from branch_desk.sync.state import counter

PROOF_FORMAT = b"branch-desk-changes/1\0"
DIGEST = 32


def change_digest(entry: Sequence[Any]) -> bytes:
    """SHA-256 of one change as a sync file carries it."""
    return hashlib.sha256(canonical_json(list(entry)).encode()).digest()


def _message(origin: str, from_seq: int, to_seq: int, digests: bytes) -> bytes:
    return (PROOF_FORMAT + origin.encode() + b"\0" + from_seq.to_bytes(8, "big")
            + to_seq.to_bytes(8, "big") + digests)


def sign_batch(origin: str, entries: Sequence[Sequence[Any]], signer: Ed25519PrivateKey
               ) -> list[Any]:
    """The wire form of a proof over `entries` (consecutive changes of `origin`)."""
    first, last = int(entries[0][1]), int(entries[-1][1])
    digests = b"".join(change_digest(e) for e in entries)
    signature = signer.sign(_message(origin, first, last, digests))
    return [origin, first, last, base64.b64encode(digests).decode(), signature.hex()]


def travelled(row: Any) -> list[Any]:
    """A stored change-log row as files carry it (local tables without content)."""
    at = row.at.isoformat() if hasattr(row.at, "isoformat") else str(row.at)
    return [row.origin_office, int(row.seq), int(row.lamport), row.table_name, row.row_id,
            row.op, row.fields if exchanged(row.table_name) else None, at, row.username]


def seal_own(session: Session, own: str, signer: Ed25519PrivateKey) -> None:
    """Sign the own changes made since the last sealed batch (one new batch)."""
    sealed = session.scalar(select(ChangeProof.to_seq).where(
        ChangeProof.origin_office == own).order_by(ChangeProof.to_seq.desc()).limit(1)) or 0
    head = counter(session, CHANGE_SEQ)
    if head <= sealed:
        return
    table = ChangeEntry.__table__
    digests = bytearray()  # streamed: memory does not grow with the changes' content
    last = sealed
    for row in session.execute(select(table).where(
            table.c.origin_office == own, table.c.seq > sealed).order_by(table.c.seq)
            .execution_options(yield_per=5000)):
        if row.seq != last + 1:
            break  # only a consecutive run can be sealed
        digests += change_digest(travelled(row))
        last = row.seq
    if last == sealed:
        return
    signature = signer.sign(_message(own, sealed + 1, last, bytes(digests)))
    session.add(ChangeProof(origin_office=own, from_seq=sealed + 1, to_seq=last,
                            digests=bytes(digests), signature=signature))
    session.flush()


def signed_by(key: bytes, proof: ChangeProof) -> bool:
    """Whether `proof` carries a valid signature of the office whose key is `key`."""
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(
            proof.signature, _message(proof.origin_office, proof.from_seq, proof.to_seq,
                                      proof.digests))
    except (InvalidSignature, ValueError):
        return False
    return True


def proofs_above(session: Session, origin: str, low: int) -> list[ChangeProof]:
    """The stored proofs of `origin` covering any change above `low`, in order."""
    return list(session.scalars(select(ChangeProof).where(
        ChangeProof.origin_office == origin, ChangeProof.to_seq > low)
        .order_by(ChangeProof.from_seq)))


def wire(proof: ChangeProof) -> list[Any]:
    return [proof.origin_office, proof.from_seq, proof.to_seq,
            base64.b64encode(proof.digests).decode(), proof.signature.hex()]


def introductions(session: Session, codes: Iterable[str]) -> list[list[str]]:
    """`[code, name, kind, signing key]` of the offices in `codes` whose key is known here."""
    result = []
    for code in sorted(set(codes)):
        office = session.get(Office, code)
        if office is not None and office.public_key:
            result.append([code, office.name, office.kind,
                           base64.b64encode(office.public_key).decode()])
    return result


@dataclass(frozen=True)
class Batch:
    origin: str
    from_seq: int
    to_seq: int
    digests: bytes

    def digest_at(self, seq: int) -> bytes:
        i = (seq - self.from_seq) * DIGEST
        return self.digests[i:i + DIGEST]


def _provenance_refused(message: str) -> Exception:
    return rejected("provenance", message)


class Verifier:
    """Checks the proofs a received file carries and each change against them."""

    def __init__(self, session: Session, *, own: Office, source: Office, part: Any) -> None:
        self.session = session
        self.own = own
        self._batches: dict[str, tuple[list[int], list[Batch]]] = {}
        if not isinstance(part, dict) or set(part) != {"batches", "keys"} or not isinstance(
                part["batches"], list) or not isinstance(part["keys"], list):
            raise received.malformed("bagian bukti asal (provenance.json) tidak sah")
        self._introduce(part["keys"], source)
        for item in part["batches"]:
            self._add(self._verified(item))

    def _introduce(self, items: list[Any], source: Office) -> None:
        for item in items:
            if not isinstance(item, list) or len(item) != 4:
                raise received.malformed("perkenalan kunci kantor tidak lengkap")
            code = received.office_code(item[0], "kode kantor yang diperkenalkan")
            name = received.text(item[1], f"nama kantor {code}", 200)
            kind = item[2] if item[2] in ("cabang", "wilayah") else None
            try:
                key = base64.b64decode(item[3], validate=True) if isinstance(
                    item[3], str) else b""
            except ValueError:
                key = b""
            if kind is None or len(key) != 32:
                raise received.malformed(f"perkenalan kunci kantor {code} tidak sah")
            known = self._key_of(code)
            if known is not None:
                if known != key:
                    raise _provenance_refused(
                        f"Berkas memperkenalkan kunci lain untuk kantor {code}, yang sudah "
                        "dikenal di sini dengan kuncinya sendiri (satu kode kantor, satu "
                        "kunci).")
                continue
            if source.kind != "wilayah":
                continue  # only a hub introduces offices; a branch's word is not taken
            self.session.add(Office(code=code, name=name, kind=kind, is_self=False,
                                    trusted=False, public_key=key))
            self.session.flush()

    def _key_of(self, code: str) -> bytes | None:
        if code == self.own.code:
            return self.own.public_key
        office = self.session.get(Office, code)
        return office.public_key if office is not None and office.public_key else None

    def _verified(self, item: Any) -> Batch:
        if not isinstance(item, list) or len(item) != 5:
            raise received.malformed("bukti asal perubahan tidak lengkap")
        origin = received.office_code(item[0], "kantor asal dalam bukti")
        low = received.counter(item[1], f"awal bukti kantor {origin}", low=1)
        high = received.counter(item[2], f"akhir bukti kantor {origin}", low=1)
        try:
            digests = base64.b64decode(item[3], validate=True)
            signature = bytes.fromhex(item[4])
        except (ValueError, TypeError):
            raise received.malformed(f"bukti asal kantor {origin} tidak sah") from None
        if high < low or len(digests) != (high - low + 1) * DIGEST:
            raise received.malformed(f"bukti asal kantor {origin} tidak sah")
        key = self._key_of(origin)
        if key is None:
            raise _provenance_refused(
                f"Berkas membawa perubahan kantor {origin}, yang kuncinya tidak dikenal di "
                "sini: asal perubahan itu tidak dapat dibuktikan.")
        try:
            Ed25519PublicKey.from_public_bytes(key).verify(
                signature, _message(origin, low, high, digests))
        except InvalidSignature:
            raise _provenance_refused(
                f"Tanda tangan kantor {origin} atas perubahan #{low}–#{high} tidak sah: "
                f"perubahan itu tidak dibuat oleh kantor {origin}.") from None
        stored = self.session.get(ChangeProof, (origin, low))
        if stored is None:
            self.session.add(ChangeProof(origin_office=origin, from_seq=low, to_seq=high,
                                         digests=digests, signature=signature))
        elif stored.to_seq != high or stored.digests != digests:
            raise rejected("restored_backup", f"Kantor {origin} menandatangani dua versi "
                           f"berbeda dari perubahan #{low} dan seterusnya: kantor itu "
                           "tampaknya memulihkan cadangan lama. Hubungi admin kedua kantor.")
        return Batch(origin, low, high, digests)

    def _add(self, batch: Batch) -> None:
        starts, batches = self._index(batch.origin)
        i = bisect_right(starts, batch.from_seq)
        if i and starts[i - 1] == batch.from_seq:
            return
        starts.insert(i, batch.from_seq)
        batches.insert(i, batch)

    def _index(self, origin: str) -> tuple[list[int], list[Batch]]:
        found = self._batches.get(origin)
        if found is None:
            stored = [Batch(p.origin_office, p.from_seq, p.to_seq, p.digests)
                      for p in proofs_above(self.session, origin, 0)]
            found = self._batches[origin] = ([b.from_seq for b in stored], stored)
        return found

    def check(self, change: Change) -> None:
        """Refuse the file unless `change` is exactly what its origin signed."""
        starts, batches = self._index(change.origin)
        i = bisect_right(starts, change.seq) - 1
        where = f"Perubahan {change.origin}#{change.seq} ({change.table})"
        if i < 0 or batches[i].to_seq < change.seq:
            raise _provenance_refused(f"{where} tidak membawa bukti tanda tangan kantor "
                                      f"{change.origin}: asal-usulnya tidak dapat dibuktikan.")
        if batches[i].digest_at(change.seq) != change_digest(change):
            raise _provenance_refused(f"{where} berbeda dari yang ditandatangani kantor "
                                      f"{change.origin}: perubahan itu dipalsukan atau diubah "
                                      "di tengah jalan.")
