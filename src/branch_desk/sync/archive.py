"""The sync file: one zip archive, signed as a whole, its change stream encrypted.

Members (exactly these, nothing else):

- `manifest.json`: format, schema revision, source/target, serial, vector ranges, counts,
  SHA-256 and size of every other member, encryption parameters, the sender's digest.
- `changes.bin`: the changes, as frames `[u32 length][u8 flags][AES-256-GCM ciphertext]`;
  each plaintext is zlib-compressed JSON lines; the last frame has flag 1 (final).
- `ack.json`: the sender's version vector (what it has received from every office).
- `knowledge.json`: causal checkpoints (office, from_seq, vector) the sender knows.
- `provenance.json`: each origin office's signed batches covering the changes in the file,
  and the keys of those offices (see `provenance`).

The zip comment (the last 128 bytes of the file) is the hex Ed25519 signature of
``b"branch-desk-sync/2\\0" + SHA-256(every byte of the file before the comment)``.
The content key is HKDF-SHA256 over an X25519 exchange between a fresh ephemeral key and
the target office's key. See docs/sync-format.md.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import os
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from branch_desk.private_files import replacing
from branch_desk.sync.errors import rejected

FORMAT = "branch-desk-sync/2"
SCHEME = "X25519-HKDF-SHA256-AES256GCM"
SIG_HEX = 128
EOCD = b"PK\x05\x06"
MEMBERS = ("manifest.json", "changes.bin", "ack.json", "knowledge.json", "provenance.json")
LIMITS = {"manifest.json": 4 << 20, "ack.json": 1 << 20, "knowledge.json": 64 << 20,
          "provenance.json": 256 << 20, "changes.bin": 16 << 30}
MAX_RATIO = 200  # declared size / compressed size of a deflated member
CHUNK_PLAIN = 512 * 1024
MAX_FRAME = 8 << 20
MAX_PLAIN = 16 << 20
FIXED_TIME = (2020, 1, 1, 0, 0, 0)

# What zipfile raises on a damaged member: a bit flip in its header can ask for an unknown zip
# version or compression (NotImplementedError) or claim encryption (RuntimeError).
_UNREADABLE = (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError,
               RuntimeError)


def _hkdf(shared: bytes, file_id: str, source: str, target: str, eph: bytes,
          recipient: bytes) -> bytes:
    info = f"{FORMAT}|{source}|{target}|".encode() + eph + recipient
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=file_id.encode(),
                info=info).derive(shared)


def _nonce(index: int) -> bytes:
    return b"\0\0\0\0" + index.to_bytes(8, "big")


def _aad(file_id: str, index: int, final: bool) -> bytes:
    return file_id.encode() + index.to_bytes(8, "big") + (b"\1" if final else b"\0")


def signed_message(digest: bytes) -> bytes:
    """What the sender signs: the format name and the SHA-256 of the file before the
    signature."""
    return FORMAT.encode() + b"\0" + digest


def _hash_prefix(handle: BinaryIO, length: int) -> bytes:
    h = hashlib.sha256()
    handle.seek(0)
    left = length
    while left > 0:
        block = handle.read(min(1 << 20, left))
        if not block:
            break
        h.update(block)
        left -= len(block)
    return h.digest()


class _HashingWriter:
    def __init__(self, target: BinaryIO) -> None:
        self.target, self.sha, self.size = target, hashlib.sha256(), 0

    def write(self, data: bytes) -> None:
        self.target.write(data)
        self.sha.update(data)
        self.size += len(data)


class ArchiveWriter:
    """Streams changes into an encrypted member of a private temporary file; `finish` signs
    it and renames it to `path` (`private_files.replacing`)."""

    def __init__(self, path: Path, *, file_id: str, source: str, target: str,
                 recipient_key: bytes) -> None:
        self.path = Path(path)
        self.file_id, self.source, self.target = file_id, source, target
        eph = X25519PrivateKey.generate()
        self.eph_public = eph.public_key().public_bytes(serialization.Encoding.Raw,
                                                        serialization.PublicFormat.Raw)
        shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_key))
        self.aead = AESGCM(_hkdf(shared, file_id, source, target, self.eph_public,
                                 recipient_key))
        self._placement = replacing(self.path)  # a private temporary file, renamed by finish
        self.tmp = self._placement.__enter__()
        try:
            self.zip = zipfile.ZipFile(self.tmp, "w", allowZip64=True)
            info = zipfile.ZipInfo("changes.bin", FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED
            self._member = self.zip.open(info, "w", force_zip64=True)
        except BaseException as exc:
            self.abort(exc)
            raise
        self._out = _HashingWriter(self._member)  # type: ignore[arg-type]
        self._buffer = io.BytesIO()
        self._frames = 0
        self.count = 0

    def add(self, entry: list[Any]) -> None:
        self._buffer.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
                           .encode())
        self._buffer.write(b"\n")
        self.count += 1
        if self._buffer.tell() >= CHUNK_PLAIN:
            self._flush(final=False)

    def _flush(self, *, final: bool) -> None:
        plain = zlib.compress(self._buffer.getvalue(), 6)
        self._buffer = io.BytesIO()
        sealed = self.aead.encrypt(_nonce(self._frames), plain,
                                   _aad(self.file_id, self._frames, final))
        self._out.write(struct.pack(">IB", len(sealed), 1 if final else 0))
        self._out.write(sealed)
        self._frames += 1

    def finish(self, manifest: dict[str, Any], ack: dict[str, int],
               knowledge: list[list[Any]], signer: Ed25519PrivateKey,
               proofs: dict[str, Any]) -> Path:
        try:
            self._flush(final=True)
            self._member.close()
            members = {"changes.bin": {"sha256": self._out.sha.hexdigest(),
                                       "size": self._out.size}}
            for name, value in (("ack.json", ack), ("knowledge.json", knowledge),
                                ("provenance.json", proofs)):
                data = json.dumps(value, separators=(",", ":")).encode()
                members[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                self.zip.writestr(zipfile.ZipInfo(name, FIXED_TIME), data,
                                  compress_type=zipfile.ZIP_DEFLATED)
            manifest = {**manifest, "format": FORMAT, "file_id": self.file_id,
                        "source": self.source, "target": self.target, "frames": self._frames,
                        "total": self.count, "members": members,
                        "encryption": {"scheme": SCHEME, "ephemeral_key":
                                       base64.b64encode(self.eph_public).decode()}}
            self.zip.writestr(zipfile.ZipInfo("manifest.json", FIXED_TIME),
                              json.dumps(manifest, ensure_ascii=False, indent=1).encode(),
                              compress_type=zipfile.ZIP_DEFLATED)
            self.zip.comment = b"0" * SIG_HEX
            self.zip.close()
            with open(self.tmp, "r+b") as handle:
                handle.seek(0, os.SEEK_END)
                size = handle.tell()
                digest = _hash_prefix(handle, size - SIG_HEX)
                handle.seek(size - SIG_HEX)
                handle.write(signer.sign(signed_message(digest)).hex().encode())
        except BaseException as exc:
            self.abort(exc)
            raise
        self._placement.__exit__(None, None, None)
        return self.path

    def abort(self, error: BaseException) -> None:
        """Remove the unfinished file after `error` stopped the writing (a full disk is
        raised as `DiskFullError` instead)."""
        with contextlib.suppress(Exception):
            self.zip.close()
        self._placement.__exit__(type(error), error, error.__traceback__)


def _corrupt(detail: str = "") -> Exception:
    return rejected("corrupt", "Berkas sinkronisasi rusak atau telah diubah"
                    + (f" ({detail})" if detail else "") + ".")


def _unsafe(name: str) -> bool:
    return (name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/")
            or "\\" in name or ":" in name or "\0" in name)


class ArchiveReader:
    """Checks a sync file's structure on open; `verify` checks signature and checksums;
    `changes` decrypts the stream frame by frame (never the whole file in memory)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.size = self.path.stat().st_size
            self._handle = open(self.path, "rb")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise rejected("unreadable", f"Berkas tidak dapat dibaca: {exc}.") from exc
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    def _open(self) -> None:
        if self.size == 0:
            raise rejected("empty", "Berkas kosong (0 bita), bukan berkas sinkronisasi.")
        head = self._handle.read(4)
        if head != b"PK\x03\x04":
            raise rejected("not_archive", f"Berkas '{self.path.name}' bukan arsip "
                           "sinkronisasi Branch Desk.")
        if self.size < 22 + SIG_HEX:
            raise rejected("truncated", "Berkas sinkronisasi terpotong (tidak lengkap).")
        self._handle.seek(self.size - SIG_HEX - 22)
        eocd = self._handle.read(22)
        if eocd[:4] != EOCD or struct.unpack("<H", eocd[20:22])[0] != SIG_HEX:
            raise rejected("truncated", "Berkas sinkronisasi terpotong atau bagian "
                           "akhirnya rusak (tanda tangan tidak ditemukan).")
        self.signature_hex = self._handle.read(SIG_HEX)
        self._handle.seek(0)
        try:
            self.zip = zipfile.ZipFile(self._handle)
        except (*_UNREADABLE, ValueError, struct.error) as exc:
            raise _corrupt("struktur arsip") from exc
        infos = self.zip.infolist()
        for info in infos:
            if _unsafe(info.filename):
                raise rejected("path_traversal", f"Arsip berisi nama berkas berbahaya "
                               f"'{info.filename}' (keluar dari folder); ditolak.")
        names = [i.filename for i in infos]
        if sorted(names) != sorted(MEMBERS):
            raise rejected("unexpected_member", "Isi arsip tidak sesuai format sinkronisasi "
                           f"(berisi: {', '.join(names[:8]) or 'kosong'}).")
        for info in infos:
            limit = LIMITS[info.filename]
            if info.file_size > limit:
                raise rejected("bomb", f"Bagian '{info.filename}' terlalu besar setelah "
                               "dibuka (kemungkinan bom dekompresi); ditolak.")
            if info.compress_type == zipfile.ZIP_STORED:
                if info.file_size != info.compress_size:
                    raise _corrupt("ukuran bagian")
            elif info.compress_type == zipfile.ZIP_DEFLATED:
                if info.file_size > MAX_RATIO * max(info.compress_size, 1) + 4096:
                    raise rejected("bomb", f"Bagian '{info.filename}' mengembang terlalu "
                                   "besar (kemungkinan bom dekompresi); ditolak.")
            else:
                raise _corrupt("metode kompresi")
        self.manifest = self._json("manifest.json")
        if not isinstance(self.manifest, dict) or self.manifest.get("format") != FORMAT:
            shown = self.manifest.get("format") if isinstance(self.manifest, dict) else "?"
            raise rejected("format", f"Format berkas sinkronisasi tidak dikenal ({shown}).")
        for key in ("file_id", "source", "target", "schema_revision", "serial", "members",
                    "encryption", "frames", "total", "source_head"):
            if key not in self.manifest:
                raise _corrupt(f"manifest tanpa '{key}'")

    def _read(self, name: str) -> bytes:
        limit = LIMITS[name]
        try:
            with self.zip.open(name) as member:
                data = member.read(limit + 1)
        except _UNREADABLE as exc:
            raise _corrupt(name) from exc
        if len(data) > limit:
            raise rejected("bomb", f"Bagian '{name}' terlalu besar; ditolak.")
        return data

    def _json(self, name: str) -> Any:
        try:
            return json.loads(self._read(name))
        except (ValueError, UnicodeDecodeError) as exc:
            raise _corrupt(name) from exc

    def verify(self, signer_key: bytes) -> None:
        """Signature over the whole file, then the checksum and size of every member."""
        try:
            signature = bytes.fromhex(self.signature_hex.decode("ascii"))
            digest = _hash_prefix(self._handle, self.size - SIG_HEX)
            Ed25519PublicKey.from_public_bytes(signer_key).verify(signature,
                                                                  signed_message(digest))
        except (InvalidSignature, ValueError, UnicodeDecodeError) as exc:
            raise rejected("signature", "Tanda tangan berkas tidak sah: berkas diubah "
                           "setelah dibuat, atau bukan dari kantor "
                           f"{self.manifest['source']}.") from exc
        members = self.manifest["members"]
        for name in MEMBERS[1:]:
            expected = members.get(name) or {}
            sha, size = hashlib.sha256(), 0
            try:
                with self.zip.open(name) as member:
                    while block := member.read(1 << 20):
                        sha.update(block)
                        size += len(block)
                        if size > LIMITS[name]:
                            raise rejected("bomb", f"Bagian '{name}' terlalu besar; ditolak.")
            except _UNREADABLE as exc:
                raise _corrupt(name) from exc
            if sha.hexdigest() != expected.get("sha256") or size != expected.get("size"):
                raise _corrupt(f"checksum {name}")
        self.ack = self._json("ack.json")
        self.knowledge = self._json("knowledge.json")
        self.provenance = self._json("provenance.json")

    def changes(self, private_key: X25519PrivateKey, recipient_key: bytes
                ) -> Iterator[list[list[Any]]]:
        """Yield the decrypted changes, one frame (a list of entries) at a time."""
        m = self.manifest
        try:
            eph = base64.b64decode(m["encryption"]["ephemeral_key"], validate=True)
            shared = private_key.exchange(X25519PublicKey.from_public_bytes(eph))
        except (ValueError, KeyError, TypeError) as exc:
            raise _corrupt("kunci enkripsi") from exc
        aead = AESGCM(_hkdf(shared, m["file_id"], m["source"], m["target"], eph,
                            recipient_key))
        index, final, seen = 0, False, 0
        try:
            with self.zip.open("changes.bin") as member:
                while True:
                    header = member.read(5)
                    if not header:
                        break
                    if final or len(header) != 5:
                        raise _corrupt("bingkai")
                    length, flags = struct.unpack(">IB", header)
                    if length > MAX_FRAME:
                        raise rejected("bomb", "Bingkai data terlalu besar; ditolak.")
                    sealed = member.read(length)
                    if len(sealed) != length:
                        raise rejected("truncated", "Aliran perubahan terpotong.")
                    final = flags == 1
                    try:
                        packed = aead.decrypt(_nonce(index), sealed,
                                              _aad(m["file_id"], index, final))
                    except InvalidTag as exc:
                        raise rejected("decrypt", "Isi berkas tidak dapat dibuka: bukan "
                                       "untuk kantor ini atau telah diubah.") from exc
                    inflater = zlib.decompressobj()
                    plain = inflater.decompress(packed, MAX_PLAIN)
                    if inflater.unconsumed_tail:
                        raise rejected("bomb", "Bingkai data mengembang terlalu besar; "
                                       "ditolak.")
                    entries = [json.loads(line) for line in plain.splitlines() if line]
                    seen += len(entries)
                    index += 1
                    yield entries
        except (*_UNREADABLE, ValueError) as exc:
            raise _corrupt("aliran perubahan") from exc
        if not final or index != m["frames"] or seen != m["total"]:
            raise rejected("truncated", "Aliran perubahan tidak lengkap.")

    def close(self) -> None:
        zf = getattr(self, "zip", None)
        if zf is not None:
            zf.close()
        self._handle.close() if hasattr(self, "_handle") else None

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
