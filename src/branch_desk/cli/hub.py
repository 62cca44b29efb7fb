"""Regional hub commands: hub init, hub import DIR, report hub-coverage|claims|agreements."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from branch_desk.cli.common import Context, add_common, read_password

REPORTS = {"hub-coverage": ("coverage", "cakupan kepesertaan per provinsi, kab/kota dan cabang"),
           "hub-claims": ("claims", "klaim dan manfaat dibayar per cabang dan program"),
           "hub-agreements": ("agreements", "perjanjian se-wilayah dan tanggal perpanjangan")}


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:  # type: ignore[type-arg]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    hub = sub.add_parser("hub", help="kantor wilayah: siapkan, impor berkas semua cabang")
    actions = hub.add_subparsers(dest="action", metavar="AKSI", required=True)

    init = actions.add_parser("init", help="siapkan basis data kantor wilayah (hub)")
    add_common(init)
    init.add_argument("--office-code", required=True, help="kode kantor wilayah, mis. SULSEL")
    init.add_argument("--office-name", required=True,
                      help='mis. "Kantor Wilayah Sulawesi Maluku"')
    init.add_argument("--admin", required=True, metavar="NAME")
    init.add_argument("--region", default="", metavar="CODE", help="kode provinsi, mis. 73")
    init.add_argument("--password-file", metavar="F", help="berkas berisi kata sandi admin")
    init.set_defaults(handler=_init)

    imp = actions.add_parser("import", help="impor semua berkas .bdsync dalam sebuah folder")
    add_common(imp)
    imp.add_argument("folder", metavar="DIR")
    imp.set_defaults(handler=_import)

    report = sub.choices.get("report")  # made by the contributions area, when installed
    if report is None:
        report = sub.add_parser("report", help="laporan")
    reports = _subparsers(report) or report.add_subparsers(dest="action", metavar="LAPORAN",
                                                           required=True)
    for name, (_kind, help_text) in REPORTS.items():
        rep = reports.add_parser(name, help=help_text)
        add_common(rep)
        rep.add_argument("--xlsx", metavar="OUT", help="tulis juga ke xlsx")
        rep.add_argument("--pdf", metavar="OUT", help="tulis juga ke PDF")
        if name == "hub-claims":
            rep.add_argument("--year", type=int, default=None, metavar="YYYY",
                             help="hanya klaim yang diajukan tahun itu")
        if name == "hub-agreements":
            rep.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="DATE")
            rep.add_argument("--within", type=int, default=90, metavar="DAYS",
                             help="perlu diperpanjang bila berakhir dalam sekian hari (90)")
        rep.set_defaults(handler=_report, hub_report=name)


def _init(ctx: Context) -> int:
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


def _import(ctx: Context) -> int:
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


def _report(ctx: Context) -> int:
    from branch_desk.services.sync import hub_tables
    from branch_desk.services.uow import UnitOfWork

    a = ctx.args
    kind = REPORTS[a.hub_report][0]
    actor = ctx.actor()
    with UnitOfWork(ctx.db, actor) as uow:
        table = hub_tables.table(uow, kind, as_of=getattr(a, "as_of", None) or date.today(),
                                 year=getattr(a, "year", None),
                                 within_days=getattr(a, "within", 90))
        written = []
        if a.xlsx:
            written.append(str(hub_tables.export_xlsx(table, Path(a.xlsx))))
        if a.pdf:
            written.append(str(hub_tables.export_pdf(uow, table, Path(a.pdf))))
    data: dict[str, Any] = {"report": a.hub_report, "title": table.title,
                            "rows": list(table.records), "files": written}
    ctx.emit(data, lambda: _text(table, written))
    return 0


def _text(table: Any, written: list[str]) -> str:
    if not table.rows:
        return ("Belum ada data dari kantor cabang: impor dulu berkas mereka "
                "('branch-desk hub import DIR').")
    shown = [table.display(r) for r in table.rows]
    if table.total is not None:
        shown.append(table.display(table.total))
    titles = tuple(c.title for c in table.columns)
    widths = [min(30, max(len(t), *(len(r[i]) for r in shown))) for i, t in enumerate(titles)]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(c[:w].rjust(w) if col.kind in ("int", "money") else c[:w].ljust(w)
                         for c, w, col in zip(cells, widths, table.columns, strict=True))

    out = [table.title, table.subtitle, line(titles)]
    out += [line(r) for r in shown]
    out += [f"Ditulis: {p}" for p in written]
    return "\n".join(x.rstrip() for x in out)
