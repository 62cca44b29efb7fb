"""Security commands: audit verify/history, backup, restore, own password, privacy report."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from branch_desk.cli.common import CliError, Context, add_common, read_password

NEW_PASSWORD_ENV = "BRANCH_DESK_NEW_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = sub.add_parser("audit", help="log audit: periksa keutuhan, riwayat data")
    audit_sub = audit.add_subparsers(dest="action", metavar="AKSI", required=True)
    verify = audit_sub.add_parser("verify", help="periksa rantai hash log audit (kode keluar 0 "
                                                 "hanya bila utuh)")
    add_common(verify)
    verify.set_defaults(handler=_audit_verify)
    hist = audit_sub.add_parser("history", help="riwayat perubahan satu data")
    add_common(hist)
    hist.add_argument("--table", required=True, metavar="T", help="nama tabel, mis. participants")
    hist.add_argument("--row", required=True, metavar="ID", help="id baris")
    hist.set_defaults(handler=_audit_history)

    bak = sub.add_parser("backup", help="buat cadangan basis data (SQLite online backup)")
    add_common(bak)
    bak.add_argument("out", metavar="OUT", help="berkas tujuan, atau folder")
    bak.set_defaults(handler=_backup)

    res = sub.add_parser("restore", help="pulihkan basis data dari cadangan (diperiksa dulu)")
    add_common(res)
    res.add_argument("source", metavar="IN", help="berkas cadangan")
    res.add_argument("--other-office", action="store_true",
                     help="izinkan cadangan milik kantor lain")
    res.set_defaults(handler=_restore)

    users = _users_subparsers(sub)
    passwd = users.add_parser("passwd", help="ganti kata sandi sendiri")
    add_common(passwd)
    passwd.add_argument("--password-file", metavar="F",
                        help=f"berkas berisi kata sandi BARU (atau ${NEW_PASSWORD_ENV})")
    passwd.set_defaults(handler=_passwd)

    privacy = sub.add_parser("privacy", help="data pribadi (UU 27/2022)")
    privacy_sub = privacy.add_subparsers(dest="action", metavar="AKSI", required=True)
    report = privacy_sub.add_parser("report", help="laporan semua data tentang satu orang")
    add_common(report)
    report.add_argument("key", metavar="NIK_OR_KPJ")
    report.add_argument("--out", required=True, metavar="FILE.json")
    report.set_defaults(handler=_privacy_report)


def _users_subparsers(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The `users` command's sub-commands (made by cli.admin), or a new `users` command."""
    users = sub.choices.get("users")
    if users is None:
        users = sub.add_parser("users", help="pengguna kantor")
        return users.add_subparsers(dest="action", metavar="AKSI", required=True)
    for action in users._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return users.add_subparsers(dest="action", metavar="AKSI", required=True)


def _audit_verify(ctx: Context) -> int:
    from branch_desk.services.admin.audit import verify_audit_chain
    from branch_desk.services.uow import UnitOfWork

    with UnitOfWork(ctx.open_existing()) as uow:
        result = verify_audit_chain(uow.session)
    data = {"ok": result.ok, "checked": result.checked, "last_seq": result.last_seq,
            "head_hash": result.head_hash, "message": result.message,
            "problems": [{"seq": p.seq, "kind": p.kind, "message": p.message}
                         for p in result.problems]}

    def text() -> str:
        lines = [result.message, f"Hash terakhir: {result.head_hash}"]
        lines += [f"  #{p.seq}: {p.message}" for p in result.problems]
        return "\n".join(lines)

    ctx.emit(data, text)
    return 0 if result.ok else 1


def _audit_history(ctx: Context) -> int:
    from branch_desk.domain.dates import format_datetime
    from branch_desk.services.admin.audit import history
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    with UnitOfWork(ctx.db, actor) as uow:
        rows = history(uow.session, ctx.args.table, ctx.args.row)
    data = [{"seq": r.seq, "at": r.at, "username": r.username, "office": r.office,
             "action": r.action, "before": r.before, "after": r.after, "note": r.note}
            for r in rows]

    def text() -> str:
        if not rows:
            return "(tidak ada riwayat untuk data ini)"
        out = []
        for r in rows:
            out.append(f"#{r.seq} {format_datetime(r.at)} {r.username} {r.action}")
            for key in sorted(set(r.before or {}) | set(r.after or {})):
                old = (r.before or {}).get(key, "")
                new = (r.after or {}).get(key, "")
                out.append(f"    {key}: {old!s} -> {new!s}" if r.before else f"    {key}: {new!s}")
        return "\n".join(out)

    ctx.emit(data, text)
    return 0


def _backup(ctx: Context) -> int:
    from branch_desk.services.admin.backups import backup

    actor = ctx.actor()
    target = backup(ctx.db, Path(ctx.args.out), actor=actor)
    ctx.emit({"backup": str(target), "size": target.stat().st_size},
             f"Cadangan dibuat: {target}")
    return 0


def _restore(ctx: Context) -> int:
    from branch_desk.db.backup import integrity_ok
    from branch_desk.services.admin.backups import restore

    path = ctx.db.sqlite_path
    if path is None:
        raise CliError("Pemulihan dari program hanya untuk basis data SQLite.")
    actor = None
    usable = path.exists() and integrity_ok(path)
    if usable:
        # The database works: only a user with the backup permission may replace it.
        actor = ctx.actor()
    elif getattr(ctx.args, "user", None) is None:
        print("Peringatan: basis data saat ini hilang atau rusak; pemulihan tanpa masuk.",
              file=sys.stderr)
    ctx.db.dispose()
    result = restore(path, Path(ctx.args.source), actor=actor,
                     allow_other_office=ctx.args.other_office)
    ctx.emit({"restored": str(result.database), "source": str(result.source),
              "safety_copy": str(result.safety_copy) if result.safety_copy else None,
              "office": result.office, "revision": result.revision},
             f"Basis data dipulihkan dari {result.source} (kantor {result.office}, revisi "
             f"{result.revision}). Salinan pengaman: {result.safety_copy or '-'}")
    return 0


def _new_password(args: argparse.Namespace) -> str:
    if args.password_file:
        return read_password(args.password_file)
    env = os.environ.get(NEW_PASSWORD_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(f"Kata sandi baru diperlukan: isi ${NEW_PASSWORD_ENV} atau gunakan "
                       "--password-file.")
    import getpass

    first = getpass.getpass("Kata sandi baru: ")
    if getpass.getpass("Ulangi kata sandi baru: ") != first:
        raise CliError("Kedua kata sandi tidak sama.")
    return first


def _passwd(ctx: Context) -> int:
    from branch_desk.db.base import utcnow
    from branch_desk.services.admin.users import change_password
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    old = read_password(None)
    new = _new_password(ctx.args)
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        change_password(uow, old_password=old, new_password=new, now=utcnow())
        uow.commit()
    ctx.emit({"username": actor.username, "changed": True},
             f"Kata sandi {actor.username} diganti.")
    return 0


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def _privacy_report(ctx: Context) -> int:
    from branch_desk.services.admin.privacy import personal_data_report
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    out = Path(ctx.args.out)
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        report = personal_data_report(uow, ctx.args.key)
        _write_json(out, report)
        uow.commit()  # the export is audited only once the file exists
    related = sum(len(rows) for p in report["participants"] for rows in p["related"].values())
    ctx.emit({"out": str(out), "participants": len(report["participants"]),
              "related_rows": related, "audit_entries": len(report["audit_entries"])},
             f"Laporan data pribadi ditulis ke {out}: {len(report['participants'])} peserta, "
             f"{related} data terkait, {len(report['audit_entries'])} entri audit.")
    return 0
