"""Export and import pipelines: what the services call inside one unit of work."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from branch_desk.db.base import utcnow, uuid7
from branch_desk.db.migrate import known_revisions
from branch_desk.db.models.contributions import ContributionEntry
from branch_desk.db.models.core import ChangeEntry
from branch_desk.db.models.sync_state import SyncFile
from branch_desk.db.numbering import next_number
from branch_desk.db.recording import CHANGE_SEQ, record_event
from branch_desk.domain.actor import Actor
from branch_desk.sync import digest, duplicates, keys, provenance, received, state
from branch_desk.sync.apply import Applier, ApplyStats, Intake
from branch_desk.sync.archive import ArchiveReader, ArchiveWriter
from branch_desk.sync.bulk import Bulk
from branch_desk.sync.errors import rejected
from branch_desk.sync.merge import Change

Progress = Callable[[int, int, str], None] | None
FILE_SERIAL = "sync:file_serial"
BATCH = 5000
MAX_SEQ = 2**63


def schema_revision(session: Session) -> str | None:
    return session.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _covering(spans: list[tuple[int, int]], seq: int) -> int | None:
    """The index of the span holding `seq` (spans sorted and disjoint)."""
    i = bisect_right(spans, (seq, MAX_SEQ)) - 1
    return i if i >= 0 and spans[i][1] >= seq else None


@dataclass(frozen=True)
class ExportResult:
    path: str
    file_id: str
    target: str
    serial: int
    changes: int
    size: int
    counts: dict[str, int]
    unfit: tuple[str, ...] = ()  # own changes receivers will quarantine, and why

    @property
    def unfit_note(self) -> str:
        if not self.unfit:
            return ""
        return (f" {len(self.unfit)} perubahan kantor ini akan dikarantina penerima karena "
                f"nilainya tidak sah (mis. {self.unfit[0]}); perbaiki datanya.")


def export(session: Session, actor: Actor, *, target: str, out: Path,
           progress: Progress = None) -> ExportResult:
    own, _own_key = keys.own_keys(session)
    target = target.strip().upper()
    peer = keys.peer_keys(session, target)
    if peer is None:
        raise rejected("unknown_target", f"Kantor {target} belum dipercaya: minta berkas "
                       "identitasnya lalu jalankan 'sync trust' (cocokkan sidik jari lewat "
                       "telepon).")
    _office, peer_key = peer
    signer = keys.signing_key(own)
    provenance.seal_own(session, own.code, signer)
    acked = dict(state.peer(session, target).acked or {})
    serial = next_number(session, FILE_SERIAL)
    head = state.counter(session, CHANGE_SEQ)
    file_id = uuid7()
    origins = list(session.scalars(select(ChangeEntry.origin_office).distinct()))
    total = 0
    for origin in origins:
        total += session.scalar(select(func.count()).select_from(ChangeEntry).where(
            ChangeEntry.origin_office == origin,
            ChangeEntry.seq > int(acked.get(origin, 0)))) or 0
    writer = ArchiveWriter(out, file_id=file_id, source=own.code, target=target,
                           recipient_key=peer_key.enc_public_key)
    ranges: dict[str, dict[str, int]] = {}
    counts: dict[str, int] = {}
    batches: list[list[Any]] = []
    done = withheld = 0
    unfit: list[str] = []
    table = ChangeEntry.__table__
    try:
        for origin in sorted(origins):
            low = int(acked.get(origin, 0))
            proofs = provenance.proofs_above(session, origin, low)
            covered = [(p.from_seq, p.to_seq) for p in proofs]
            used: set[int] = set()
            stmt = (select(table).where(table.c.origin_office == origin, table.c.seq > low)
                    .order_by(table.c.seq).execution_options(yield_per=BATCH))
            for row in session.execute(stmt):
                at = _covering(covered, row.seq)
                if at is None:  # no signature of its origin: a receiver would refuse it
                    withheld += 1
                    continue
                used.add(at)
                entry = provenance.travelled(row)
                if origin == own.code:
                    problem = received.field_problem(Change(*entry))
                    if problem is not None:
                        unfit.append(f"{origin}#{row.seq} {row.table_name}: {problem}")
                writer.add(entry)
                r = ranges.setdefault(origin, {"from": row.seq, "to": row.seq, "count": 0})
                r["to"] = row.seq
                r["count"] += 1
                counts[row.table_name] = counts.get(row.table_name, 0) + 1
                done += 1
                if progress and done % BATCH == 0:
                    progress(done, total, f"Menulis perubahan {done:,}/{total:,}")
            batches.extend(provenance.wire(proofs[i]) for i in sorted(used))
        if progress:
            progress(done, total, "Menandatangani berkas")
        manifest = {"created_at": utcnow().isoformat(), "schema_revision":
                    schema_revision(session), "serial": serial, "source_head": head,
                    "source_name": own.name, "ranges": ranges, "counts": counts,
                    "acked_by_target": acked, "digest": digest.compute(session)}
        proof_part = {"batches": batches, "keys": provenance.introductions(
            session, (o for o in ranges if o != target))}
        path = writer.finish(manifest, state.own_vector(session, own.code),
                             state.knowledge_rows(session), signer, proof_part)
    except BaseException as exc:
        writer.abort(exc)
        raise
    session.add(SyncFile(file_id=file_id, direction="out", source=own.code, target=target,
                         serial=serial, source_head=head, changes=done, applied=0,
                         username=actor.username))
    state.peer(session, target).last_export_at = utcnow()
    record_event(session, actor, "sync_export", table="sync_files", row_id=file_id,
                 note=f"ekspor ke {target}: {done} perubahan"
                      + (f", {withheld} tanpa bukti asal tidak dikirim" if withheld else ""),
                 details={"target": target, "changes": done, "serial": serial,
                          "withheld": withheld, "unfit": unfit[:50]})
    session.flush()
    return ExportResult(str(path), file_id, target, serial, done, path.stat().st_size, counts,
                        tuple(unfit))


@dataclass
class ImportResult:
    file_id: str
    source: str
    target: str
    serial: int
    dry_run: bool
    already_imported: bool
    total: int = 0
    new: int = 0
    already: int = 0
    inserted: int = 0
    updated: int = 0
    pending: int = 0
    conflicts: int = 0
    proposals: int = 0
    duplicates: int = 0
    tables: dict[str, dict[str, int]] = field(default_factory=dict)
    samples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    schema_note: str = ""
    gaps: dict[str, tuple[int, int]] = field(default_factory=dict)
    quarantined: int = 0

    @property
    def message(self) -> str:
        if self.already_imported:
            return ("Berkas ini sudah pernah diimpor; tidak ada yang berubah.")
        if self.new == 0:
            return (f"Semua {self.total} perubahan dalam berkas sudah ada di sini; "
                    "tidak ada yang berubah." + self.gap_note)
        verb = "akan" if self.dry_run else "telah"
        return (f"{self.new} perubahan baru {verb} diterapkan ({self.already} sudah ada): "
                f"{self.inserted} data baru, {self.updated} data diubah, {self.conflicts} "
                f"konflik, {self.proposals} usulan, {self.duplicates} kasus NIK ganda."
                + self.gap_note + self.quarantine_note)

    @property
    def quarantine_note(self) -> str:
        if not self.quarantined:
            return ""
        return (f" {self.quarantined} perubahan dikarantina (nilainya tidak dapat disimpan "
                "di sini; lihat 'sync conflicts' atau halaman Sinkronisasi).")

    @property
    def gap_note(self) -> str:
        """The holes in origins' sequences this office still has after the file."""
        if not self.gaps:
            return ""
        holes = ", ".join(f"{o}#{a}–#{b}" for o, (a, b) in sorted(self.gaps.items()))
        return (f" Celah: perubahan {holes} belum diterima (mungkin tertahan atau dibuang "
                "di perjalanan); minta kantor pengirim mengekspor ulang.")


def _check_backup(session: Session, source: str, serial: int, head: int) -> int:
    """Refuse a file of an old backup posing as `source`; the highest change of `source`
    held here."""
    files = session.execute(select(SyncFile.serial, SyncFile.source_head).where(
        SyncFile.direction == "in", SyncFile.source == source)).all()
    top_seq = session.scalar(select(func.max(ChangeEntry.seq)).where(
        ChangeEntry.origin_office == source)) or 0
    max_serial = max((f.serial for f in files), default=0)
    bad = any(f.serial == serial or (f.serial < serial and f.source_head > head)
              or (f.serial > serial and f.source_head < head) for f in files)
    if bad or (serial > max_serial and head < top_seq):
        raise rejected("restored_backup", f"Nomor urut perubahan kantor {source} mundur "
                       f"(berkas no. {serial} sampai perubahan #{head}, padahal sudah "
                       f"diterima sampai #{max(top_seq, head)}): berkas ini tampaknya dibuat "
                       "dari cadangan lama. Hubungi admin kantor tersebut.")
    return int(top_seq)


def _check_ranges(m: dict[str, Any], intake: Intake, top_before: int) -> None:
    """The changes of the stream are those the manifest declares, and the sender's own
    counter is one it could have: what this office held of it plus the file's changes."""
    ranges = m.get("ranges", {})
    source, head = str(m["source"]), int(m["source_head"])
    if set(ranges) != set(intake.counts):
        raise received.malformed("kantor asal dalam manifest tidak sesuai isi berkas")
    for origin, count in intake.counts.items():
        span = ranges[origin]
        if span["count"] != count or intake.last_seq[origin] != span["to"]:
            raise received.malformed(f"rentang perubahan kantor {origin} dalam manifest "
                                     "tidak sesuai isi berkas")
    if intake.last_seq.get(source, 0) > head or head > top_before + intake.counts.get(
            source, 0):
        raise rejected("bounds", f"Nomor urut perubahan kantor {source} (#{head}) tidak "
                       "mungkin: lebih dari yang sudah diterima di sini ditambah isi berkas.")


def import_file(session: Session, actor: Actor, path: Path, *, dry_run: bool = False,
                progress: Progress = None) -> tuple[ImportResult, frozenset[str]]:
    """Verify `path` completely, then apply it in the session's transaction (the caller
    commits; for a dry run it rolls back).

    Returns the result and the ids of the participants whose payments arrived or whose
    record changed: the caller rebuilds what it derives from them (coverage spells) in the
    same transaction.
    """
    own, own_key = keys.own_keys(session)
    with ArchiveReader(path) as reader:
        m = reader.manifest
        source, target = str(m["source"]), str(m["target"])
        if target != own.code:
            raise rejected("wrong_target", f"Berkas ini ditujukan untuk kantor {target}, "
                           f"bukan kantor ini ({own.code}).")
        peer = keys.peer_keys(session, source)
        if peer is None:
            raise rejected("untrusted", f"Pengirim {source} tidak dikenal atau belum "
                           "dipercaya: tukar berkas identitas dan cocokkan sidik jari "
                           "lewat telepon ('sync trust').")
        office, _peer_key = peer
        assert office.public_key is not None
        if progress:
            progress(0, int(m["total"]), "Memeriksa tanda tangan dan checksum")
        reader.verify(office.public_key)
        received.check_manifest(m)
        ack = received.check_ack(reader.ack, own_code=own.code,
                                 own_head=state.counter(session, CHANGE_SEQ))
        knowledge = received.check_knowledge(reader.knowledge)
        revision = m["schema_revision"]
        mine = schema_revision(session)
        note = ""
        known = known_revisions()
        if revision != mine:
            if revision not in known:
                raise rejected("schema_newer", f"Berkas dibuat oleh versi program yang lebih "
                               f"baru (skema {revision}, di sini {mine}). Perbarui Branch Desk "
                               "lalu impor lagi.")
            note = (f"Berkas dari skema lama {revision}; kolom baru diisi nilai bawaan.")
        result = ImportResult(str(m["file_id"]), source, target, int(m["serial"]), dry_run,
                              False, schema_note=note)
        if session.get(SyncFile, result.file_id) is not None:
            result.already_imported = True
            result.total = result.already = int(m["total"])
            return result, frozenset()
        top_before = _check_backup(session, source, int(m["serial"]), int(m["source_head"]))
        session.info["applying_sync"] = True
        try:
            state.merge_knowledge(session, knowledge)
            verifier = provenance.Verifier(session, own=own, source=office,
                                           part=reader.provenance)
            intake = Intake(session, own.code, verifier)
            applier = Applier(session, own.code, old_columns_ok=bool(note))
            try:
                _apply_stream(reader, intake, applier, own_key, int(m["total"]), progress)
                _check_ranges(m, intake, top_before)
                check_references(session)
            except IntegrityError as exc:
                raise rejected("constraint", "Data dalam berkas bentrok dengan data di sini "
                               f"({str(exc.orig)[:160]}); misalnya kode yang sama dipakai dua "
                               "kantor. Hubungi admin.") from exc
            stats = applier.stats
            touched = _touched_participants(session, stats)
            _finish(session, actor, own.code, source, m, ack, stats, result)
        finally:
            session.info.pop("applying_sync", None)
    if progress:
        progress(result.total, result.total, "Selesai")
    return result, touched


def _apply_stream(reader: ArchiveReader, intake: Intake, applier: Applier, own_key: Any,
                  total: int, progress: Progress) -> None:
    batch: list[Change] = []
    for frame in reader.changes(keys.decryption_key(own_key), own_key.enc_public_key):
        batch.extend(intake.take(frame))
        if len(batch) >= BATCH:
            applier.batch(batch, intake.quarantined)
            batch = []
            if progress:
                progress(applier.stats.total, total,
                         f"Menerapkan perubahan {applier.stats.total:,}/{total:,}")
    if batch:
        applier.batch(batch, intake.quarantined)


def check_references(session: Session) -> None:
    """Foreign keys are checked at the end of the import (deferred), so a reference to a
    record missing from the file refuses the whole file instead of failing at commit."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.flush()
        try:  # checks every deferred foreign key now, inside a savepoint
            with session.begin_nested():
                session.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
        except IntegrityError as exc:
            diag = getattr(exc.orig, "diag", None)
            table = getattr(diag, "table_name", None) or "?"
            raise _missing_reference(table, _referred(str(exc.orig))) from exc
        session.execute(text("SET CONSTRAINTS ALL DEFERRED"))
        return
    if dialect != "sqlite":
        return
    bad = session.execute(text("PRAGMA foreign_key_check")).first()
    if bad is not None:
        raise _missing_reference(bad[0], bad[2])


def _referred(message: str) -> str:
    import re

    found = re.search(r'not present in table "([^"]+)"', message)
    return found.group(1) if found else "?"


def _missing_reference(table: str, referred: str) -> Exception:
    return rejected("reference", f"Berkas merujuk data yang belum ada di sini (tabel "
                    f"{table} → {referred}). Impor dulu berkas yang lebih lama dari kantor "
                    "asal, atau minta kantor pengirim mengekspor ulang.")


def _finish(session: Session, actor: Actor, self_code: str, source: str, m: dict[str, Any],
            ack: dict[str, Any], stats: ApplyStats, result: ImportResult) -> None:
    state.advance_vector(session, self_code, stats.origins)
    state.raise_lamport(session, stats.max_lamport)
    if stats.new:
        state.record_checkpoint(session, self_code)
    peer = state.peer(session, source)
    state.update_ack(peer, {str(k): int(v) for k, v in dict(ack).items()})
    peer.last_import_at = utcnow()
    newest = session.scalar(select(func.max(SyncFile.serial)).where(
        SyncFile.direction == "in", SyncFile.source == source)) or 0
    if int(m["serial"]) > newest:  # an older file imported late keeps the newer digest
        peer.digest = m.get("digest")
    made = duplicates.detect(session, stats.touched.get("participants", set()))
    duplicates.close_resolved(session)
    session.add(SyncFile(file_id=result.file_id, direction="in", source=source,
                         target=self_code, serial=int(m["serial"]),
                         source_head=int(m["source_head"]), changes=stats.total,
                         applied=stats.new, username=actor.username))
    for name in ("total", "new", "already", "inserted", "updated", "pending", "conflicts",
                 "proposals"):
        setattr(result, name, getattr(stats, name))
    result.duplicates = made
    result.quarantined = len(stats.quarantined)
    result.gaps = state.gaps(session, stats.origins - {self_code})
    result.tables = stats.tables
    result.samples = dict(stats.samples)
    record_event(session, actor, "sync_import", table="sync_files", row_id=result.file_id,
                 note=f"impor dari {source}: {stats.new} perubahan baru, "
                      f"{stats.conflicts} konflik",
                 details={"source": source, "serial": result.serial, "new": stats.new,
                          "already": stats.already, "inserted": stats.inserted,
                          "updated": stats.updated, "conflicts": stats.conflicts,
                          "duplicates": made, "tables": stats.tables,
                          "gaps": {o: list(g) for o, g in result.gaps.items()},
                          "quarantined": result.quarantined})
    session.flush()


def _touched_participants(session: Session, stats: ApplyStats) -> frozenset[str]:
    """The participants whose payments arrived or whose existing record changed."""
    touched = set(stats.updated_ids.get("participants", set()))
    bulk = Bulk(session)
    for part in bulk.chunks(list(stats.touched.get("contribution_entries", ()))):
        touched.update(session.scalars(select(ContributionEntry.participant_id).where(
            bulk.among(ContributionEntry.id, part))))
    return frozenset(touched)
