"""Office set-up commands: init, users, partners, demo."""

from __future__ import annotations

import argparse

from branch_desk.cli.common import Context, add_common, read_password


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    init = sub.add_parser("init", help="siapkan basis data baru untuk sebuah kantor")
    add_common(init)
    init.add_argument("--office-code", required=True, help="kode kantor, mis. MRS")
    init.add_argument("--office-name", required=True, help='mis. "Kantor Cabang Maros"')
    init.add_argument("--admin", required=True, metavar="NAME", help="nama pengguna admin pertama")
    init.add_argument("--password-file", metavar="F", help="berkas berisi kata sandi admin")
    init.set_defaults(handler=_init)

    users = sub.add_parser("users", help="pengguna kantor")
    users_sub = users.add_subparsers(dest="action", metavar="AKSI", required=True)
    add = users_sub.add_parser("add", help="tambah pengguna")
    add_common(add)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=["petugas", "supervisor", "admin"])
    add.add_argument("--full-name", default="")
    add.add_argument("--password-file", metavar="F", help="berkas berisi kata sandi pengguna baru")
    add.set_defaults(handler=_users_add)
    lst = users_sub.add_parser("list", help="daftar pengguna")
    add_common(lst)
    lst.set_defaults(handler=_users_list)

    partners = sub.add_parser("partners", help="mitra: Pemda, pemberi kerja, organisasi")
    partners_sub = partners.add_subparsers(dest="action", metavar="AKSI", required=True)
    padd = partners_sub.add_parser("add", help="tambah mitra")
    add_common(padd)
    padd.add_argument("--code", required=True)
    padd.add_argument("--name", required=True)
    padd.add_argument("--kind", required=True,
                      choices=["pemprov", "pemkab", "pemkot", "pemdes", "employer",
                               "organisation"])
    padd.add_argument("--region", required=True, metavar="CODE", help="kode wilayah Kemendagri")
    padd.add_argument("--head-name", default="")
    padd.add_argument("--head-title", default="")
    padd.add_argument("--address", default="")
    padd.add_argument("--phone", default="")
    padd.add_argument("--email", default="")
    padd.add_argument("--npwp", default="")
    padd.set_defaults(handler=_partners_add)
    plist = partners_sub.add_parser("list", help="daftar mitra")
    add_common(plist)
    plist.add_argument("--kind", default=None)
    plist.set_defaults(handler=_partners_list)

    demo = sub.add_parser("demo", help="isi basis data baru dengan kantor demo")
    add_common(demo)
    demo.add_argument("--seed", type=int, default=2025)
    demo.add_argument("--participants", type=int, default=600, metavar="N")
    demo.add_argument("--password-file", metavar="F",
                      help="satu kata sandi untuk semua pengguna demo")
    demo.set_defaults(handler=_demo)


def _init(ctx: Context) -> int:
    from branch_desk.config import backup_dir
    from branch_desk.services.admin.offices import initialise

    args = ctx.args
    password = read_password(args.password_file, prompt="Kata sandi admin baru: ", confirm=True)
    actor = initialise(ctx.db, office_code=args.office_code, office_name=args.office_name,
                       admin=args.admin, password=password, backup_dir=backup_dir())
    ctx.emit({"office_code": actor.office, "office_name": args.office_name, "admin": args.admin,
              "database": str(ctx.db.url)},
             f"Kantor {actor.office} siap; admin: {args.admin}; basis data: {ctx.db.url}")
    return 0


def _users_add(ctx: Context) -> int:
    from branch_desk.services.admin.users import add_user
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    password = read_password(ctx.args.password_file, prompt="Kata sandi pengguna baru: ",
                             confirm=True) if ctx.args.password_file else _new_password()
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        row = add_user(uow, username=ctx.args.name, role=ctx.args.role, password=password,
                       full_name=ctx.args.full_name)
        uow.commit()
    ctx.emit({"username": row.username, "role": row.role},
             f"Pengguna {row.username} ({row.role}) ditambahkan.")
    return 0


def _new_password() -> str:
    import getpass
    import sys

    from branch_desk.cli.common import CliError

    if not sys.stdin.isatty():
        raise CliError("Kata sandi pengguna baru diperlukan: gunakan --password-file.")
    first = getpass.getpass("Kata sandi pengguna baru: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise CliError("Kedua kata sandi tidak sama.")
    return first


def _users_list(ctx: Context) -> int:
    from branch_desk.services.admin.users import list_users
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.actor()
    actor_can = actor.role == "admin"
    with UnitOfWork(ctx.open_existing(), actor) as uow:
        rows = list_users(uow)
    data = [{"username": r.username, "full_name": r.full_name, "role": r.role,
             "active": r.active} for r in rows if actor_can or r.username == actor.username]
    ctx.emit(data, lambda: "\n".join(f"{d['username']:<16} {d['role']:<11} {d['full_name']}"
                                     for d in data))
    return 0


def _partners_add(ctx: Context) -> int:
    from branch_desk.services.partners.registry import PartnerData, add_partner
    from branch_desk.services.uow import UnitOfWork

    a = ctx.args
    actor = ctx.actor()
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        row = add_partner(uow, data=PartnerData(
            code=a.code, name=a.name, kind=a.kind, region_code=a.region, head_name=a.head_name,
            head_title=a.head_title, address=a.address, phone=a.phone, email=a.email,
            npwp=a.npwp))
        uow.commit()
    ctx.emit(_partner_json(row), f"Mitra {row.code} — {row.name} ditambahkan.")
    return 0


def _partner_json(row: object) -> dict[str, object]:
    return {"code": row.code, "name": row.name, "kind": row.kind,  # type: ignore[attr-defined]
            "region": row.region_code,  # type: ignore[attr-defined]
            "region_name": row.region_name}  # type: ignore[attr-defined]


def _partners_list(ctx: Context) -> int:
    from branch_desk.services.partners.registry import list_partners
    from branch_desk.services.uow import UnitOfWork

    with UnitOfWork(ctx.open_existing()) as uow:
        rows = list_partners(uow, kind=ctx.args.kind)
    data = [_partner_json(r) for r in rows]
    ctx.emit(data, lambda: "\n".join(
        f"{d['code']:<20} {d['kind']:<12} {d['region']:<13} {d['name']}" for d in data)
        or "(belum ada mitra)")
    return 0


def _demo(ctx: Context) -> int:
    from branch_desk.config import backup_dir
    from branch_desk.services.demo.office import build_demo

    a = ctx.args
    password = read_password(a.password_file) if a.password_file else None
    summary = build_demo(ctx.db, seed=a.seed, participants=a.participants, password=password,
                         backup_dir=backup_dir())
    ctx.emit(summary, lambda: "Data demo dibuat: " + ", ".join(
        f"{k}={v}" for k, v in summary.items() if not isinstance(v, dict)))
    return 0
