"""Office administration commands: init, users (add, list, own password), demo, audit
(verify, history), backup, restore, privacy report, the database key (import, encrypt)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from branch_desk.cli.common import (
    COMMON,
    CliError,
    Context,
    prompt_new_password,
    read_password,
)
from branch_desk.private_files import write_private

NEW_PASSWORD_ENV = "BRANCH_DESK_NEW_PASSWORD"
RECOVERY_HELP = ("tulis kunci pemulihan kantor ke berkas ini (mode 0600); tanpa opsi ini kunci "
                 "ditampilkan sekali di terminal")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    init = sub.add_parser("init", parents=[COMMON],
                          help="siapkan basis data baru untuk sebuah kantor")
    init.add_argument("--office-code", required=True, help="kode kantor, mis. MRS")
    init.add_argument("--office-name", required=True, help='mis. "Kantor Cabang Maros"')
    init.add_argument("--admin", required=True, metavar="NAME", help="nama pengguna admin pertama")
    init.add_argument("--password-file", metavar="F", help="berkas berisi kata sandi admin")
    init.add_argument("--recovery-key-file", metavar="F", help=RECOVERY_HELP)
    init.set_defaults(creates_database=True)
    init.set_defaults(handler=_init)

    users = sub.add_parser("users", help="pengguna kantor")
    users_sub = users.add_subparsers(dest="action", metavar="AKSI", required=True)
    add = users_sub.add_parser("add", parents=[COMMON], help="tambah pengguna")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=["petugas", "supervisor", "admin"])
    add.add_argument("--full-name", default="")
    add.add_argument("--password-file", metavar="F", help="berkas berisi kata sandi pengguna baru")
    add.set_defaults(handler=_users_add)
    lst = users_sub.add_parser("list", parents=[COMMON], help="daftar pengguna")
    lst.set_defaults(handler=_users_list)
    for action, text in (("unlock", "buka kunci akun yang terkunci"),
                         ("deactivate", "nonaktifkan akun (tidak bisa masuk lagi)"),
                         ("activate", "aktifkan kembali akun")):
        one = users_sub.add_parser(action, parents=[COMMON], help=text)
        one.add_argument("name", metavar="NAME")
        one.set_defaults(handler=_users_account, account_action=action)
    reset = users_sub.add_parser("reset-password", parents=[COMMON],
                                 help="atur ulang kata sandi (diganti saat masuk berikutnya)")
    reset.add_argument("name", metavar="NAME")
    reset.add_argument("--password-file", metavar="F", help="berkas berisi kata sandi sementara")
    reset.set_defaults(handler=_users_account, account_action="reset-password")
    role = users_sub.add_parser("set-role", parents=[COMMON], help="ubah peran pengguna")
    role.add_argument("name", metavar="NAME")
    role.add_argument("--role", required=True, choices=["petugas", "supervisor", "admin"])
    role.set_defaults(handler=_users_account, account_action="set-role")
    update = users_sub.add_parser("update", parents=[COMMON],
                                  help="ubah nama lengkap dan jabatan pengguna")
    update.add_argument("name", metavar="NAME")
    update.add_argument("--full-name")
    update.add_argument("--title", help='jabatan pada tanda tangan, mis. "Petugas Pelayanan"')
    update.set_defaults(handler=_users_account, account_action="update")
    passwd = users_sub.add_parser("passwd", parents=[COMMON], help="ganti kata sandi sendiri")
    passwd.add_argument("--password-file", metavar="F",
                        help=f"berkas berisi kata sandi BARU (atau ${NEW_PASSWORD_ENV})")
    passwd.set_defaults(handler=_passwd)

    demo = sub.add_parser("demo", parents=[COMMON], help="isi basis data baru dengan kantor demo")
    demo.add_argument("--seed", type=int, default=2025)
    demo.add_argument("--participants", type=int, default=600, metavar="N")
    demo.add_argument("--recovery-key-file", metavar="F", help=RECOVERY_HELP)
    demo.set_defaults(creates_database=True)
    demo.add_argument("--password-file", metavar="F",
                      help="satu kata sandi untuk semua pengguna demo")
    demo.set_defaults(handler=_demo)

    audit = sub.add_parser("audit", help="log audit: periksa keutuhan, riwayat data")
    audit_sub = audit.add_subparsers(dest="action", metavar="AKSI", required=True)
    verify = audit_sub.add_parser("verify", parents=[COMMON],
                                  help="periksa rantai hash log audit (kode keluar 0 hanya bila "
                                       "utuh)")
    verify.set_defaults(handler=_audit_verify)
    hist = audit_sub.add_parser("history", parents=[COMMON], help="riwayat perubahan satu data")
    hist.add_argument("--table", required=True, metavar="T", help="nama tabel, mis. participants")
    hist.add_argument("--row", required=True, metavar="ID", help="id baris")
    hist.set_defaults(handler=_audit_history)

    bak = sub.add_parser("backup", parents=[COMMON],
                         help="buat cadangan basis data (SQLite online backup)")
    bak.add_argument("out", metavar="OUT", help="berkas tujuan, atau folder")
    bak.set_defaults(handler=_backup)

    res = sub.add_parser("restore", parents=[COMMON],
                         help="pulihkan basis data dari cadangan (diperiksa dulu)")
    res.add_argument("source", metavar="IN", help="berkas cadangan")
    res.add_argument("--recovery-key-file", metavar="F",
                     help="kunci pemulihan kantor, bila basis data saat ini rusak atau tidak "
                          "dapat dibuka")
    res.set_defaults(damaged_database_ok=True)
    res.add_argument("--other-office", action="store_true",
                     help="izinkan cadangan milik kantor lain")
    res.set_defaults(handler=_restore)

    privacy = sub.add_parser("privacy", help="data pribadi (UU 27/2022)")
    privacy_sub = privacy.add_subparsers(dest="action", metavar="AKSI", required=True)
    report = privacy_sub.add_parser("report", parents=[COMMON],
                                    help="laporan semua data tentang satu orang")
    report.add_argument("key", metavar="NIK_OR_KPJ")
    report.add_argument("--out", required=True, metavar="FILE.json")
    report.set_defaults(handler=_privacy_report)

    key = sub.add_parser("key", help="kunci enkripsi basis data")
    key_sub = key.add_subparsers(dest="action", metavar="AKSI", required=True)
    imp = key_sub.add_parser("import", parents=[COMMON],
                             help="pasang kunci pemulihan kantor di komputer ini (basis data "
                                  "atau cadangan yang dipindahkan dari komputer lain)")
    imp.add_argument("--recovery-key-file", required=True, metavar="F",
                     help="berkas berisi kunci pemulihan")
    imp.set_defaults(handler=_key_import, damaged_database_ok=True)
    enc = key_sub.add_parser("encrypt", parents=[COMMON],
                             help="enkripsikan basis data yang belum terenkripsi (admin; "
                                  "cadangan dibuat dulu)")
    enc.add_argument("--recovery-key-file", metavar="F", help=RECOVERY_HELP)
    enc.set_defaults(handler=_key_encrypt)


def _init(ctx: Context) -> int:
    from branch_desk.config import backup_dir
    from branch_desk.services.admin.offices import initialise

    args = ctx.args
    password = read_password(args.password_file, prompt="Kata sandi admin baru: ", confirm=True)
    actor = initialise(ctx.db, office_code=args.office_code, office_name=args.office_name,
                       admin=args.admin, password=password, backup_dir=backup_dir())
    written = _give_recovery_key(ctx)
    ctx.emit({"office_code": actor.office, "office_name": args.office_name, "admin": args.admin,
              "database": str(ctx.db.url), "encrypted": ctx.db.is_encrypted,
              "recovery_key_file": written},
             f"Kantor {actor.office} siap; admin: {args.admin}; "
             f"basis data: {ctx.db.sqlite_path or ctx.db.url}")
    return 0


def _give_recovery_key(ctx: Context) -> str | None:
    """Write the recovery key to --recovery-key-file (0600), else show it once on stderr
    with the warning to keep it; the file written, if any."""
    from branch_desk.services.encryption import recovery_key_text

    if not ctx.db.is_encrypted:
        return None
    text = recovery_key_text(ctx.db)
    file = getattr(ctx.args, "recovery_key_file", None)
    if file:
        return str(write_private(Path(file), (text + "\n").encode("utf-8")))
    print("KUNCI PEMULIHAN KANTOR (hanya ditampilkan sekali; catat atau cetak dan simpan di "
          "tempat aman, terpisah dari komputer ini — tanpa kunci ini basis data dan cadangannya "
          f"tidak dapat dibuka di komputer lain):\n  {text}", file=sys.stderr)
    return None


def _users_add(ctx: Context) -> int:
    from branch_desk.services.admin.users import add_user

    ctx.actor()  # log in before asking for the new user's password
    password = _new_user_password(ctx.args)
    with ctx.writing() as uow:
        row = add_user(uow, username=ctx.args.name, role=ctx.args.role, password=password,
                       full_name=ctx.args.full_name)
        uow.commit()
    ctx.emit({"username": row.username, "role": row.role},
             f"Pengguna {row.username} ({row.role}) ditambahkan.")
    return 0


def _new_user_password(args: argparse.Namespace) -> str:
    """The password of `users add`: --password-file, or typed twice on the terminal."""
    if args.password_file:
        return read_password(args.password_file, prompt="Kata sandi pengguna baru: ",
                             confirm=True)
    if not sys.stdin.isatty():
        raise CliError("Kata sandi pengguna baru diperlukan: gunakan --password-file.")
    return prompt_new_password("Kata sandi pengguna baru: ", "Ulangi kata sandi: ")


def _users_list(ctx: Context) -> int:
    from branch_desk.services import clock
    from branch_desk.services.admin.users import list_users

    actor = ctx.actor()
    actor_can = actor.role == "admin"
    with ctx.reading() as uow:
        rows = list_users(uow)
    now = clock.now()
    data = [{"username": r.username, "full_name": r.full_name, "role": r.role,
             "active": r.active, "title": r.title, "locked": r.locked(now),
             "must_change_password": r.must_change_password}
            for r in rows if actor_can or r.username == actor.username]

    def line(d: dict[str, object]) -> str:
        state = ("terkunci" if d["locked"] else "aktif" if d["active"] else "nonaktif")
        return f"{d['username']:<16} {d['role']:<11} {state:<9} {d['full_name']}"

    ctx.emit(data, lambda: "\n".join(line(d) for d in data))
    return 0


def _users_account(ctx: Context) -> int:
    """unlock, reset-password, deactivate, activate, set-role, update: one account, by an
    admin, audited."""
    from branch_desk.services.admin import accounts

    a = ctx.args
    ctx.actor()  # log in before asking for a temporary password
    if a.account_action == "reset-password":
        password = _new_user_password(a)
    with ctx.writing() as uow:
        if a.account_action == "unlock":
            row = accounts.unlock_user(uow, username=a.name)
        elif a.account_action == "reset-password":
            row = accounts.reset_password(uow, username=a.name, new_password=password)
        elif a.account_action in ("deactivate", "activate"):
            row = accounts.set_active(uow, username=a.name, active=a.account_action == "activate")
        elif a.account_action == "set-role":
            row = accounts.set_role(uow, username=a.name, role=a.role)
        else:
            row = accounts.set_details(uow, username=a.name, full_name=a.full_name,
                                       title=a.title)
        uow.commit()
    done = {"unlock": "dibuka kuncinya", "reset-password": "kata sandinya diatur ulang (diganti "
            "saat masuk berikutnya)", "deactivate": "dinonaktifkan", "activate": "diaktifkan",
            "set-role": f"kini berperan {row.role}", "update": "diperbarui"}[a.account_action]
    ctx.emit({"username": row.username, "role": row.role, "active": row.active,
              "full_name": row.full_name, "title": row.title,
              "must_change_password": row.must_change_password},
             f"Pengguna {row.username} {done}.")
    return 0


def _new_password(args: argparse.Namespace) -> str:
    """The new password of `users passwd`: --password-file, $BRANCH_DESK_NEW_PASSWORD, or asked."""
    if args.password_file:
        return read_password(args.password_file)
    env = os.environ.get(NEW_PASSWORD_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(f"Kata sandi baru diperlukan: isi ${NEW_PASSWORD_ENV} atau gunakan "
                       "--password-file.")
    return prompt_new_password("Kata sandi baru: ", "Ulangi kata sandi baru: ")


def _passwd(ctx: Context) -> int:
    from branch_desk.services import clock
    from branch_desk.services.admin.users import change_password

    actor = ctx.actor()
    old = read_password(None)
    new = _new_password(ctx.args)
    with ctx.writing() as uow:
        change_password(uow, old_password=old, new_password=new, now=clock.now())
        uow.commit()
    ctx.emit({"username": actor.username, "changed": True},
             f"Kata sandi {actor.username} diganti.")
    return 0


def _demo(ctx: Context) -> int:
    from branch_desk.config import backup_dir
    from branch_desk.services.demo.office import build_demo

    a = ctx.args
    password = read_password(a.password_file) if a.password_file else None
    summary = build_demo(ctx.db, seed=a.seed, participants=a.participants, password=password,
                         backup_dir=backup_dir())
    written = _give_recovery_key(ctx)
    if written:
        summary = summary | {"recovery_key_file": written}
    ctx.emit(summary, lambda: "Data demo dibuat: " + ", ".join(
        f"{k}={v}" for k, v in summary.items() if not isinstance(v, dict)))
    return 0


def _audit_verify(ctx: Context) -> int:
    from branch_desk.services.admin.audit import verify_audit_chain

    with ctx.reading() as uow:
        result = verify_audit_chain(uow)
    data = {"ok": result.ok, "checked": result.checked, "last_seq": result.last_seq,
            "head_hash": result.head_hash, "message": result.message,
            "rows_checked": result.rows_checked, "problem_count": result.problem_count,
            "problems": [{"seq": p.seq, "kind": p.kind, "message": p.message,
                          "table": p.table, "row_id": p.row_id, "field": p.field,
                          "recorded": p.recorded, "found": p.found}
                         for p in result.problems]}

    def text() -> str:
        lines = [result.message, f"Hash terakhir: {result.head_hash}"]
        lines += [f"  #{p.seq}: {p.message}" if not p.table else f"  {p.message}"
                  for p in result.problems]
        return "\n".join(lines)

    ctx.emit(data, text)
    return 0 if result.ok else 1


def _audit_history(ctx: Context) -> int:
    from branch_desk.domain.dates import format_datetime
    from branch_desk.services.admin.audit import history

    with ctx.reading() as uow:
        rows = history(uow, table=ctx.args.table, row_id=ctx.args.row)
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
    from branch_desk.services.admin.restore import restore_database, restore_needs_login

    actor = recovery_key = None
    if restore_needs_login(ctx.db):
        # The database works: only its own admin may replace it.
        actor = ctx.actor()
    elif ctx.args.recovery_key_file:
        recovery_key = _recovery_key(ctx.args.recovery_key_file)
    result = restore_database(ctx.db, Path(ctx.args.source), actor=actor,
                              recovery_key=recovery_key,
                              allow_other_office=ctx.args.other_office)
    if recovery_key is not None:
        from branch_desk.services.encryption import store_key

        store_key(result.database, recovery_key)
    ctx.emit({"restored": str(result.database), "source": str(result.source),
              "safety_copy": str(result.safety_copy) if result.safety_copy else None,
              "office": result.office, "revision": result.revision,
              "authorised_by": result.authorised_by},
             f"Basis data dipulihkan dari {result.source} (kantor {result.office}, revisi "
             f"{result.revision}). Salinan pengaman: {result.safety_copy or '-'}")
    return 0


def _privacy_report(ctx: Context) -> int:
    from branch_desk.services.admin.privacy import personal_data_report

    out = Path(ctx.args.out)
    with ctx.writing() as uow:
        report = personal_data_report(uow, ctx.args.key)
        write_private(out, json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8"))
        uow.commit()  # the export is audited only once the file exists
    related = sum(len(rows) for p in report["participants"] for rows in p["related"].values())
    ctx.emit({"out": str(out), "participants": len(report["participants"]),
              "related_rows": related, "audit_entries": len(report["audit_entries"])},
             f"Laporan data pribadi ditulis ke {out}: {len(report['participants'])} peserta, "
             f"{related} data terkait, {len(report['audit_entries'])} entri audit.")
    return 0


def _recovery_key(file: str) -> bytes:
    from branch_desk.domain.recovery_key import parse_recovery_key

    try:
        return parse_recovery_key(Path(file).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CliError(f"Berkas kunci pemulihan tidak dapat dibaca: {exc}") from exc


def _key_import(ctx: Context) -> int:
    from branch_desk.services.encryption import import_recovery_key

    path = ctx.db.sqlite_path
    if path is None:
        raise CliError("Kunci hanya untuk basis data SQLite (berkas).")
    try:
        text = Path(ctx.args.recovery_key_file).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"Berkas kunci pemulihan tidak dapat dibaca: {exc}") from exc
    ctx.db.dispose()
    found = import_recovery_key(path, text)
    ctx.emit({"database": str(path), "key_stored": found.source},
             f"Kunci pemulihan cocok dengan {path}; disimpan di {found.source}.")
    return 0


def _key_encrypt(ctx: Context) -> int:
    from branch_desk.config import backup_dir
    from branch_desk.services.encryption import encrypt_database

    result = encrypt_database(ctx.db, backup_dir=backup_dir(), actor=ctx.actor())
    ctx.use_database(result.database)
    written = _give_recovery_key(ctx)
    ctx.emit({"database": str(result.database.sqlite_path), "encrypted": True,
              "backup": str(result.backup),
              "backups_encrypted": [str(p) for p in result.backups_encrypted],
              "key_stored": result.database.key_source, "recovery_key_file": written},
             f"Basis data {result.database.sqlite_path} kini terenkripsi; kunci disimpan di "
             f"{result.database.key_source}. Cadangan sebelum enkripsi (terenkripsi): "
             f"{result.backup}")
    return 0
