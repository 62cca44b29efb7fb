"""Synchronisation commands: `sync` (export, import, identity, trust, digest, conflicts,
duplicates), the regional hub (`hub init`, `hub import DIR`) and the hub reports it adds to
the `report` group (report hub-coverage | hub-claims | hub-agreements)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branch_desk.cli.common import COMMON, CliError, Context, read_password

if TYPE_CHECKING:  # keep `--help` free of heavy imports
    from branch_desk.domain.report_cells import HubTable

HUB_REPORTS = {
    "hub-coverage": ("coverage", "cakupan kepesertaan per provinsi, kab/kota dan cabang"),
    "hub-claims": ("claims", "klaim dan manfaat dibayar per cabang dan program"),
    "hub-agreements": ("agreements", "perjanjian se-wilayah dan tanggal perpanjangan"),
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sync = sub.add_parser("sync", help="sinkronisasi antarkantor lewat berkas")
    actions = sync.add_subparsers(dest="action", metavar="AKSI", required=True)

    exp = actions.add_parser("export", parents=[COMMON],
                             help="tulis berkas perubahan untuk kantor lain")
    exp.add_argument("--to", required=True, metavar="OFFICE", help="kode kantor tujuan")
    exp.add_argument("--out", required=True, metavar="FILE", help="berkas keluaran")
    exp.set_defaults(handler=_export)

    imp = actions.add_parser("import", parents=[COMMON],
                             help="terapkan berkas perubahan dari kantor lain")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true",
                     help="hanya tampilkan apa yang akan berubah (tidak menyimpan)")
    imp.set_defaults(handler=_import)

    ident = actions.add_parser("identity", parents=[COMMON],
                               help="tulis berkas identitas kantor ini")
    ident.add_argument("--out", required=True, metavar="FILE")
    ident.set_defaults(handler=_identity)

    trust = actions.add_parser("trust", parents=[COMMON],
                               help="percayai kantor dari berkas identitasnya")
    trust.add_argument("file", metavar="FILE")
    trust.add_argument("--fingerprint", metavar="FP",
                       help="sidik jari yang dibacakan petugas kantor itu lewat telepon")
    trust.add_argument("--yes", action="store_true", help="sidik jari sudah dicocokkan")
    trust.add_argument("--replace", action="store_true",
                       help="ganti kunci kantor yang sudah dikenal")
    trust.set_defaults(handler=_trust)

    dig = actions.add_parser("digest", parents=[COMMON],
                             help="ringkasan (jumlah dan hash) per tabel")
    dig.add_argument("--compare", metavar="FILE", help="bandingkan dengan ringkasan kantor lain")
    dig.add_argument("--peer", metavar="OFFICE",
                     help="bandingkan dengan ringkasan dari berkas terakhir kantor itu")
    dig.set_defaults(handler=_digest)

    con = actions.add_parser("conflicts", parents=[COMMON],
                             help="daftar konflik dan usulan yang terbuka")
    con.add_argument("--restore", metavar="ID", help="pulihkan nilai yang kalah")
    con.add_argument("--keep", metavar="ID", help="tandai ditinjau, pertahankan nilai kini")
    con.set_defaults(handler=_conflicts)

    dup = actions.add_parser("duplicates", parents=[COMMON], help="kasus NIK ganda")
    dup.add_argument("--merge", metavar="CASE", help="gabungkan kasus ini")
    dup.add_argument("--keep", metavar="PARTICIPANT_ID", help="peserta yang dipertahankan")
    dup.set_defaults(handler=_duplicates)

    _register_hub(sub)


def _register_hub(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    hub = sub.add_parser("hub", help="kantor wilayah: siapkan, impor berkas semua cabang")
    actions = hub.add_subparsers(dest="action", metavar="AKSI", required=True)

    init = actions.add_parser("init", parents=[COMMON],
                              help="siapkan basis data kantor wilayah (hub)")
    init.add_argument("--office-code", required=True, help="kode kantor wilayah, mis. SULSEL")
    init.add_argument("--office-name", required=True,
                      help='mis. "Kantor Wilayah Sulawesi Maluku"')
    init.add_argument("--admin", required=True, metavar="NAME")
    init.add_argument("--region", default="", metavar="CODE", help="kode provinsi, mis. 73")
    init.add_argument("--password-file", metavar="F", help="berkas berisi kata sandi admin")
    init.set_defaults(handler=_hub_init)

    imp = actions.add_parser("import", parents=[COMMON],
                             help="impor semua berkas .bdsync dalam sebuah folder")
    imp.add_argument("folder", metavar="DIR")
    imp.set_defaults(handler=_hub_import)

    reports = _report_actions(sub)
    for name, (_kind, help_text) in HUB_REPORTS.items():
        rep = reports.add_parser(name, parents=[COMMON], help=help_text)
        rep.add_argument("--xlsx", metavar="OUT", help="tulis juga ke xlsx")
        rep.add_argument("--pdf", metavar="OUT", help="tulis juga ke PDF")
        if name == "hub-claims":
            rep.add_argument("--year", type=int, default=None, metavar="YYYY",
                             help="hanya klaim yang diajukan tahun itu")
        if name == "hub-agreements":
            rep.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="DATE")
            rep.add_argument("--within", type=int, default=90, metavar="DAYS",
                             help="perlu diperpanjang bila berakhir dalam sekian hari (90)")
        rep.set_defaults(handler=_hub_report, hub_report=name)


def _report_actions(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The sub-commands of `report` (made by cli.contributions, registered before this
    module), or of a new `report` command."""
    report = sub.choices.get("report")
    if report is None:
        report = sub.add_parser("report", help="laporan")
    for action in report._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return report.add_subparsers(dest="action", metavar="LAPORAN", required=True)


def _export(ctx: Context) -> int:
    from branch_desk.services.sync.exchange import export_changes

    with ctx.writing() as uow:
        result = export_changes(uow, target=ctx.args.to, out=Path(ctx.args.out))
        uow.commit()
    ctx.emit(result, f"{result.changes} perubahan ditulis ke {result.path} untuk kantor "
                     f"{result.target} ({result.size:,} bita, berkas no. {result.serial})."
                     + result.unfit_note)
    return 0


def _import(ctx: Context) -> int:
    from branch_desk.services.sync.exchange import import_changes, preview_import

    with ctx.writing() as uow:
        if ctx.args.dry_run:
            result = preview_import(uow, path=Path(ctx.args.file))
        else:
            result = import_changes(uow, path=Path(ctx.args.file))
            uow.commit()
    data = {**result.__dict__, "message": result.message}
    ctx.emit(data, lambda: _describe(result))
    return 0


def _describe(result: Any) -> str:
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

    with ctx.writing() as uow:
        row = write_identity(uow, out=Path(ctx.args.out))
        uow.commit()
    ctx.emit({**row.__dict__, "path": ctx.args.out},
             f"Identitas kantor {row.office_code} ditulis ke {ctx.args.out}.\n"
             f"Sidik jari (bacakan lewat telepon): {row.fingerprint}")
    return 0


def _trust(ctx: Context) -> int:
    from branch_desk.services.sync.identity import read_identity, trust_identity

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
    with ctx.writing() as uow:
        row = trust_identity(uow, path=Path(args.file), fingerprint=fingerprint,
                             replace=args.replace)
        uow.commit()
    ctx.emit(row.__dict__, f"Kantor {row.office_code} ({row.office_name}) kini dipercaya.\n"
                           f"Sidik jari: {row.fingerprint}")
    return 0


def _digest(ctx: Context) -> int:
    from branch_desk.services.sync.review import compare_digest, own_digest

    with ctx.reading() as uow:
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
    from branch_desk.services.sync.review import (
        keep_current,
        list_conflicts,
        list_quarantine,
        restore_conflict,
    )

    with ctx.writing() as uow:
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
        held = list_quarantine(uow)
    ctx.emit(rows, lambda: "\n".join([
        *(f"{r.id} {r.kind} {r.table}.{r.field} {r.row_id}: "
          + (f"usulan {r.losing_value!r} dari {r.losing_office}" if r.kind == "proposal"
             else f"kalah {r.losing_value!r} ({r.losing_office})")
          + f", kini {r.current_value!r}" for r in rows),
        *(f"karantina {q.origin}#{q.seq} {q.table} {q.row_id}: {q.reason}" for q in held),
    ]) or "(tidak ada)")
    return 0


def _duplicates(ctx: Context) -> int:
    from branch_desk.services.sync.review import list_duplicates, merge_duplicate

    with ctx.writing() as uow:
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


def _hub_init(ctx: Context) -> int:
    from branch_desk.config import backup_dir
    from branch_desk.services.admin.offices import initialise

    a = ctx.args
    password = read_password(a.password_file, prompt="Kata sandi admin baru: ", confirm=True)
    actor = initialise(ctx.db, office_code=a.office_code, office_name=a.office_name,
                       admin=a.admin, password=password, backup_dir=backup_dir(),
                       kind="wilayah", region_code=a.region,
                       head_title="Kepala Kantor Wilayah")
    ctx.emit({"office_code": actor.office, "office_name": a.office_name, "kind": "wilayah",
              "admin": a.admin, "database": ctx.db.url.render_as_string(hide_password=True)},
             f"Kantor wilayah {actor.office} siap; admin: {a.admin}; basis data: "
             f"{ctx.db.url.render_as_string(hide_password=True)}")
    return 0


def _hub_import(ctx: Context) -> int:
    from branch_desk.services.sync.hub_import import import_folder

    actor = ctx.actor()
    report = import_folder(ctx.db, actor, Path(ctx.args.folder))
    data = {"folder": report.folder, "applied": report.applied, "refused": report.refused,
            "new_changes": report.new_changes, "message": report.message,
            "files": report.files}

    def text() -> str:
        lines = [f"{f.file}: [{f.status}] {f.message}" for f in report.files]
        return "\n".join([*lines, report.message])

    ctx.emit(data, text)
    return 1 if report.refused else 0


def _hub_report(ctx: Context) -> int:
    from branch_desk.services.sync import hub_tables

    a = ctx.args
    kind = HUB_REPORTS[a.hub_report][0]
    with ctx.reading() as uow:
        table = hub_tables.table(uow, kind, as_of=getattr(a, "as_of", None) or ctx.today(),
                                 year=getattr(a, "year", None),
                                 within_days=getattr(a, "within", 90))
        written = []
        if a.xlsx:
            written.append(str(hub_tables.export_xlsx(table, Path(a.xlsx))))
        if a.pdf:
            written.append(str(hub_tables.export_pdf(uow, table, Path(a.pdf))))
    data: dict[str, Any] = {"report": a.hub_report, "title": table.title,
                            "rows": list(table.records), "files": written}
    ctx.emit(data, lambda: _hub_text(table, written))
    return 0


def _hub_text(table: HubTable, written: list[str]) -> str:
    from branch_desk.domain.report_cells import NUMERIC

    if not table.rows:
        return ("Belum ada data dari kantor cabang: impor dulu berkas mereka "
                "('branch-desk hub import DIR').")
    shown = [table.display(r) for r in table.rows]
    if table.total is not None:
        shown.append(table.display_total())
    titles = tuple(c.title for c in table.columns)
    widths = [min(30, max(len(t), *(len(r[i]) for r in shown))) for i, t in enumerate(titles)]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(c[:w].rjust(w) if col.kind in NUMERIC else c[:w].ljust(w)
                         for c, w, col in zip(cells, widths, table.columns, strict=True))

    out = [table.title, table.subtitle, line(titles)]
    out += [line(r) for r in shown]
    out += [f"Ditulis: {p}" for p in written]
    return "\n".join(x.rstrip() for x in out)
