"""Synchronisation commands: sync export / import / identity / trust / digest / conflicts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from branch_desk.cli.common import CliError, Context, add_common


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sync = sub.add_parser("sync", help="sinkronisasi antarkantor lewat berkas")
    actions = sync.add_subparsers(dest="action", metavar="AKSI", required=True)

    exp = actions.add_parser("export", help="tulis berkas perubahan untuk kantor lain")
    add_common(exp)
    exp.add_argument("--to", required=True, metavar="OFFICE", help="kode kantor tujuan")
    exp.add_argument("--out", required=True, metavar="FILE", help="berkas keluaran")
    exp.set_defaults(handler=_export)

    imp = actions.add_parser("import", help="terapkan berkas perubahan dari kantor lain")
    add_common(imp)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true",
                     help="hanya tampilkan apa yang akan berubah (tidak menyimpan)")
    imp.set_defaults(handler=_import)

    ident = actions.add_parser("identity", help="tulis berkas identitas kantor ini")
    add_common(ident)
    ident.add_argument("--out", required=True, metavar="FILE")
    ident.set_defaults(handler=_identity)

    trust = actions.add_parser("trust", help="percayai kantor dari berkas identitasnya")
    add_common(trust)
    trust.add_argument("file", metavar="FILE")
    trust.add_argument("--fingerprint", metavar="FP",
                       help="sidik jari yang dibacakan petugas kantor itu lewat telepon")
    trust.add_argument("--yes", action="store_true", help="sidik jari sudah dicocokkan")
    trust.add_argument("--replace", action="store_true",
                       help="ganti kunci kantor yang sudah dikenal")
    trust.set_defaults(handler=_trust)

    dig = actions.add_parser("digest", help="ringkasan (jumlah dan hash) per tabel")
    add_common(dig)
    dig.add_argument("--compare", metavar="FILE", help="bandingkan dengan ringkasan kantor lain")
    dig.add_argument("--peer", metavar="OFFICE",
                     help="bandingkan dengan ringkasan dari berkas terakhir kantor itu")
    dig.set_defaults(handler=_digest)

    con = actions.add_parser("conflicts", help="daftar konflik dan usulan yang terbuka")
    add_common(con)
    con.add_argument("--restore", metavar="ID", help="pulihkan nilai yang kalah")
    con.add_argument("--keep", metavar="ID", help="tandai ditinjau, pertahankan nilai kini")
    con.set_defaults(handler=_conflicts)

    dup = actions.add_parser("duplicates", help="kasus NIK ganda")
    add_common(dup)
    dup.add_argument("--merge", metavar="CASE", help="gabungkan kasus ini")
    dup.add_argument("--keep", metavar="PARTICIPANT_ID", help="peserta yang dipertahankan")
    dup.set_defaults(handler=_duplicates)


def _export(ctx: Context) -> int:
    from branch_desk.services.sync.exchange import export_changes
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        result = export_changes(uow, target=ctx.args.to, out=Path(ctx.args.out))
        uow.commit()
    ctx.emit(result, f"{result.changes} perubahan ditulis ke {result.path} untuk kantor "
                     f"{result.target} ({result.size:,} bita, berkas no. {result.serial}).")
    return 0


def _import(ctx: Context) -> int:
    from branch_desk.services.sync.exchange import import_changes, preview_import
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        if ctx.args.dry_run:
            result = preview_import(uow, path=Path(ctx.args.file))
        else:
            result = import_changes(uow, path=Path(ctx.args.file))
            uow.commit()
    data = {**result.__dict__, "message": result.message}
    ctx.emit(data, lambda: _describe(result))
    return 0


def _describe(result) -> str:  # type: ignore[no-untyped-def]
    head = ("PRATINJAU (tidak disimpan): " if result.dry_run else "") + result.message
    lines = [f"Dari {result.source} untuk {result.target}, berkas no. {result.serial}.", head]
    if result.schema_note:
        lines.append(result.schema_note)
    for table, per in sorted(result.tables.items()):
        lines.append(f"  {table}: {per.get('baru', 0)} baru, {per.get('diubah', 0)} diubah")
    for kind, title in (("conflict", "Konflik"), ("proposal", "Usulan untuk pemilik")):
        for item in result.samples.get(kind, [])[:20]:
            lines.append(f"  {title}: {item['table']} {item['row_id']} {item['field']}: "
                         f"{item['losing']!r} kalah oleh {item['winning']!r}")
    return "\n".join(lines)


def _identity(ctx: Context) -> int:
    from branch_desk.services.sync.identity import write_identity
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        row = write_identity(uow, out=Path(ctx.args.out))
        uow.commit()
    ctx.emit({**row.__dict__, "path": ctx.args.out},
             f"Identitas kantor {row.office_code} ditulis ke {ctx.args.out}.\n"
             f"Sidik jari (bacakan lewat telepon): {row.fingerprint}")
    return 0


def _trust(ctx: Context) -> int:
    from branch_desk.services.sync.identity import read_identity, trust_identity
    from branch_desk.services.uow import UnitOfWork

    args = ctx.args
    shown = read_identity(Path(args.file))
    fingerprint = args.fingerprint
    if fingerprint is None and not args.yes:
        if not sys.stdin.isatty():
            raise CliError(f"Sidik jari kantor {shown.office_code}: {shown.fingerprint}\n"
                           "Cocokkan lewat telepon lalu ulangi dengan --fingerprint \"…\" "
                           "atau --yes.")
        print(f"Kantor {shown.office_code} — {shown.office_name}")
        print(f"Sidik jari: {shown.fingerprint}")
        answer = input("Apakah sidik jari ini sama dengan yang dibacakan lewat telepon? "
                       "(ya/tidak) ")
        if answer.strip().lower() not in ("ya", "y"):
            raise CliError("Tidak dipercaya: sidik jari tidak dikonfirmasi.")
    actor = ctx.actor()
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        row = trust_identity(uow, path=Path(args.file), fingerprint=fingerprint,
                             replace=args.replace)
        uow.commit()
    ctx.emit(row.__dict__, f"Kantor {row.office_code} ({row.office_name}) kini dipercaya.\n"
                           f"Sidik jari: {row.fingerprint}")
    return 0


def _digest(ctx: Context) -> int:
    from branch_desk.services.sync.review import compare_digest, own_digest
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    with UnitOfWork(ctx.db, actor) as uow:
        if ctx.args.compare or ctx.args.peer:
            theirs = None
            if ctx.args.compare:
                try:
                    data = json.loads(Path(ctx.args.compare).read_text(encoding="utf-8"))
                except (OSError, ValueError) as exc:
                    raise CliError(f"Ringkasan kantor lain tidak dapat dibaca: {exc}") from exc
                theirs = data.get("tables", data)
            lines = compare_digest(uow, peer=ctx.args.peer, theirs=theirs)
            ctx.emit({"same": all(x.same for x in lines), "tables": lines},
                     lambda: "\n".join(f"{x.table:28} kami {x.ours!s:>7}  mereka "
                                       f"{x.theirs!s:>7}  {'SAMA' if x.same else 'BEDA'}"
                                       for x in lines))
            return 0 if all(x.same for x in lines) else 1
        data = own_digest(uow)
    ctx.emit(data, lambda: "\n".join(f"{t:28} {v['count']:>8}  {v['hash'][:16]}"
                                     for t, v in data["tables"].items()))
    return 0


def _conflicts(ctx: Context) -> int:
    from branch_desk.services.sync.review import keep_current, list_conflicts, restore_conflict
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        if ctx.args.restore:
            row = restore_conflict(uow, conflict_id=ctx.args.restore)
            uow.commit()
            ctx.emit(row, f"Nilai {row.field} dipulihkan: {row.losing_value!r}.")
            return 0
        if ctx.args.keep:
            row = keep_current(uow, conflict_id=ctx.args.keep)
            uow.commit()
            ctx.emit(row, f"Konflik {row.id} ditandai ditinjau.")
            return 0
        rows = list_conflicts(uow)
    ctx.emit(rows, lambda: "\n".join(
        f"{r.id} {r.kind} {r.table}.{r.field} {r.row_id}: kalah {r.losing_value!r} "
        f"({r.losing_office}), kini {r.current_value!r}" for r in rows) or "(tidak ada)")
    return 0


def _duplicates(ctx: Context) -> int:
    from branch_desk.services.sync.review import list_duplicates, merge_duplicate
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        if ctx.args.merge:
            if not ctx.args.keep:
                raise CliError("Sebutkan peserta yang dipertahankan dengan --keep ID.")
            row = merge_duplicate(uow, case_id=ctx.args.merge, keep_id=ctx.args.keep)
            uow.commit()
            ctx.emit(row, f"Kasus NIK {row.nik} digabung ke {row.kept_id}.")
            return 0
        rows = list_duplicates(uow)
    ctx.emit(rows, lambda: "\n".join(f"{r.id} NIK {r.nik}: {r.first_label} | {r.second_label}"
                                     for r in rows) or "(tidak ada)")
    return 0
