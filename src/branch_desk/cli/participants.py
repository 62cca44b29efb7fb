"""Participants commands: `participants` add, update, correct-nik, incomplete, deactivate,
reactivate, death, list, import, export, cards."""

from __future__ import annotations

import argparse
from typing import Any

from branch_desk.cli.common import COMMON, CliError, Context


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("participants", help="peserta: daftar, cari, impor, ekspor, kartu")
    psub = parser.add_subparsers(dest="action", metavar="AKSI", required=True)

    add = psub.add_parser("add", parents=[COMMON], help="daftarkan peserta baru")
    add.add_argument("--nik", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--birth-date", default=None, help="YYYY-MM-DD atau DD/MM/YYYY")
    add.add_argument("--sex", choices=["L", "P"], default=None)
    add.add_argument("--village", required=True, metavar="CODE", help="kode desa/kelurahan")
    add.add_argument("--occupation", default="")
    add.add_argument("--segment", default="BPU", choices=["PU", "BPU", "JAKON", "PMI"])
    add.add_argument("--partner", default=None, metavar="CODE", help="mitra pendana")
    add.add_argument("--income", type=int, default=None, metavar="N")
    add.add_argument("--programs", default=None, help="mis. JKK,JKM,JHT")
    add.add_argument("--tmt", default=None, help="tanggal mulai kepesertaan")
    add.add_argument("--address", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--allow-duplicate", action="store_true",
                     help="simpan walau ada kemungkinan peserta yang sama")
    add.set_defaults(handler=_add)

    upd = psub.add_parser("update", parents=[COMMON],
                          help="ubah data peserta (yang tidak disebut tetap)")
    upd.add_argument("who", metavar="NIK_OR_KPJ")
    upd.add_argument("--name", default=None)
    upd.add_argument("--village", default=None, metavar="CODE", help="kode desa/kelurahan")
    upd.add_argument("--address", default=None)
    upd.add_argument("--phone", default=None)
    upd.add_argument("--occupation", default=None)
    upd.add_argument("--income", default=None, metavar="N", help="rupiah per bulan")
    upd.add_argument("--birth-date", default=None, help="YYYY-MM-DD atau DD/MM/YYYY")
    upd.add_argument("--sex", choices=["L", "P"], default=None)
    upd.add_argument("--partner", default=None, metavar="CODE",
                     help='mitra pendana ("" = tanpa mitra, mandiri)')
    upd.set_defaults(handler=_update)

    fix = psub.add_parser("correct-nik", parents=[COMMON],
                          help="koreksi NIK peserta (kepala cabang, dengan alasan)")
    fix.add_argument("who", metavar="NIK_OR_KPJ")
    fix.add_argument("--new-nik", required=True, metavar="N")
    fix.add_argument("--reason", required=True, metavar="TEXT")
    fix.set_defaults(handler=_correct_nik)

    gaps = psub.add_parser("incomplete", parents=[COMMON],
                           help="peserta aktif yang datanya belum lengkap")
    gaps.add_argument("--partner", default=None, metavar="CODE")
    gaps.add_argument("--village", default=None, metavar="CODE",
                      help="kode desa, kecamatan atau kabupaten")
    gaps.add_argument("--limit", type=int, default=200, metavar="N")
    gaps.add_argument("--offset", type=int, default=0, metavar="N")
    gaps.set_defaults(handler=_incomplete)

    for action, text, handler in (
            ("deactivate", "nonaktifkan peserta (kepala cabang)", _deactivate),
            ("reactivate", "aktifkan kembali peserta (kepala cabang)", _reactivate),
            ("death", "catat peserta meninggal dunia (kepala cabang)", _death)):
        status = psub.add_parser(action, parents=[COMMON], help=text)
        status.add_argument("who", metavar="NIK_OR_KPJ")
        status.add_argument("--reason", required=True, metavar="TEXT")
        status.add_argument("--date", required=action == "death", default=None,
                            help="tanggal meninggal" if action == "death"
                            else "tanggal berlaku (bawaan: hari ini)")
        status.set_defaults(handler=handler)

    lst = psub.add_parser("list", parents=[COMMON],
                          help="cari dan tampilkan peserta (NIK disamarkan)")
    _filters(lst)
    lst.add_argument("--limit", type=int, default=50, metavar="N")
    lst.add_argument("--offset", type=int, default=0, metavar="N")
    lst.set_defaults(handler=_list)

    imp = psub.add_parser("import", parents=[COMMON],
                          help="impor daftar peserta dari Pemda (xlsx, xls atau CSV)")
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument("--partner", required=True, metavar="CODE")
    imp.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan")
    imp.add_argument("--errors", default=None, metavar="OUT.xlsx",
                     help="tulis laporan baris yang ditolak")
    imp.add_argument("--date", default=None, help="tanggal impor (bawaan: hari ini)")
    imp.add_argument("--sheet", default=None, metavar="NAME",
                     help="lembar yang berisi daftar (bawaan: lembar pertama yang berjudul "
                          "kolom NIK dan Nama)")
    imp.add_argument("--column", action="append", default=[], metavar="FIELD=HEADER",
                     help="kolom berkas untuk satu isian, boleh berulang; FIELD salah satu: "
                          "nik, name, birth_date, sex, address, village, occupation, phone, "
                          "income, tmt")
    imp.set_defaults(handler=_import)

    exp = psub.add_parser("export", parents=[COMMON], help="ekspor peserta ke xlsx")
    exp.add_argument("out", metavar="OUT.xlsx")
    _filters(exp)
    exp.set_defaults(handler=_export)

    cards = psub.add_parser("cards", parents=[COMMON], help="cetak kartu peserta (PDF)")
    who = cards.add_mutually_exclusive_group(required=True)
    who.add_argument("--partner", metavar="CODE", help="semua peserta aktif seorang mitra")
    who.add_argument("--kpj", metavar="NIK_OR_KPJ", help="satu peserta")
    cards.add_argument("--out", required=True, metavar="cards.pdf")
    cards.set_defaults(handler=_cards)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", default="", metavar="TEXT", help="NIK, KPJ atau nama")
    parser.add_argument("--partner", default=None, metavar="CODE")
    parser.add_argument("--segment", default=None, choices=["PU", "BPU", "JAKON", "PMI"])
    parser.add_argument("--program", default=None, choices=["JKK", "JKM", "JHT", "JP", "JKP"])
    parser.add_argument("--status", default=None, choices=["aktif", "nonaktif"])
    parser.add_argument("--village", default=None, metavar="CODE",
                        help="kode desa, kecamatan atau kabupaten")
    parser.add_argument("--sort", default="", choices=["", "name", "kpj", "nik", "birth_date",
                                                       "village", "registered_on", "segment"])
    parser.add_argument("--desc", action="store_true", help="urutan menurun")


def _query(args: argparse.Namespace, **extra: Any) -> Any:
    from branch_desk.services.participants.rows import ParticipantQuery

    return ParticipantQuery(text=args.search, partner_code=args.partner, segment=args.segment,
                            program=args.program, status=args.status,
                            village_code=args.village, sort=args.sort, descending=args.desc,
                            **extra)


def _date(text: str | None) -> Any:
    from branch_desk.domain.dates import parse_date

    return parse_date(text) if text else None


def _row_json(row: Any) -> dict[str, Any]:
    return {"id": row.id, "kpj": row.kpj, "nik": row.nik_masked, "name": row.name,
            "birth_date": row.birth_date, "sex": row.sex, "village_code": row.village_code,
            "village": row.village_name, "occupation": row.occupation, "segment": row.segment,
            "partner": row.partner_code, "programs": list(row.programs), "income": row.income,
            "tmt": row.tmt, "registered_on": row.registered_on, "status": row.status}


def _add(ctx: Context) -> int:
    from branch_desk.services.participants.registry import register_participant
    from branch_desk.services.participants.rows import LikelyDuplicateError, ParticipantData

    a = ctx.args
    programs = frozenset(p.strip().upper() for p in a.programs.split(",") if p.strip()) \
        if a.programs else None
    data = ParticipantData(nik=a.nik, name=a.name, village_code=a.village,
                           birth_date=_date(a.birth_date), sex=a.sex, segment=a.segment,
                           occupation=a.occupation, address=a.address, phone=a.phone,
                           partner_code=a.partner, programs=programs, income=a.income,
                           tmt=_date(a.tmt))
    with ctx.writing() as uow:
        try:
            row = register_participant(uow, data=data, allow_likely_duplicate=a.allow_duplicate)
        except LikelyDuplicateError as exc:
            names = "; ".join(f"{c.name} (KPJ {c.kpj}, {c.reason})" for c in exc.candidates)
            raise CliError(f"{exc.message} Calon: {names}. Ulangi dengan --allow-duplicate "
                           "bila memang orang yang berbeda.") from None
        uow.commit()
    ctx.emit(_row_json(row), f"Peserta {row.name} terdaftar; KPJ {row.kpj}.")
    return 0


def _income(text: str | None) -> int | None:
    from branch_desk.domain.errors import ValidationError
    from branch_desk.domain.money import parse_rupiah

    if text is None:
        return None
    try:
        return parse_rupiah(text)
    except ValidationError:
        raise ValidationError(f"Penghasilan '{text}' tidak dikenali; tulis rupiah utuh seperti "
                              "1500000 atau Rp1.500.000.", field="income") from None


def _update(ctx: Context) -> int:
    from branch_desk.services.participants.registry import edit_participant, find_participant
    from branch_desk.services.participants.rows import ParticipantChanges

    a = ctx.args
    changes = ParticipantChanges(
        name=a.name, village_code=a.village, address=a.address, phone=a.phone,
        occupation=a.occupation, income=_income(a.income), birth_date=_date(a.birth_date),
        sex=a.sex, partner_code=a.partner)
    if changes == ParticipantChanges():
        raise CliError("Tidak ada yang diubah; sebutkan paling sedikit satu pilihan, mis. "
                       "--village KODE atau --address TEKS.")
    with ctx.writing() as uow:
        found = find_participant(uow, a.who)
        row = edit_participant(uow, participant_id=found.id, changes=changes, today=ctx.today())
        uow.commit()
    ctx.emit(_row_json(row), f"Data peserta {row.name} (KPJ {row.kpj}) diubah.")
    return 0


def _correct_nik(ctx: Context) -> int:
    from branch_desk.services.participants.registry import correct_nik, find_participant

    a = ctx.args
    with ctx.writing() as uow:
        found = find_participant(uow, a.who)
        row = correct_nik(uow, participant_id=found.id, new_nik=a.new_nik, reason=a.reason,
                          today=ctx.today())
        uow.commit()
    ctx.emit(_row_json(row), f"NIK peserta {row.name} (KPJ {row.kpj}) dikoreksi: "
                             f"{found.nik_masked} → {row.nik_masked}.")
    return 0


def _incomplete(ctx: Context) -> int:
    from branch_desk.domain.participant_history import FIELD_LABELS
    from branch_desk.services.participants.queries import incomplete_participants

    a = ctx.args
    with ctx.reading() as uow:
        page = incomplete_participants(uow, partner_code=a.partner, village_code=a.village,
                                       offset=a.offset, limit=a.limit)
    data = [{**_row_json(r.row), "missing": list(r.missing)} for r in page.rows]
    ctx.emit(data, lambda: "\n".join(
        f"{r.row.kpj}  {r.row.name:<30.30} {r.row.village_name or '—':<18.18} belum ada: "
        + ", ".join(FIELD_LABELS[f].lower() for f in r.missing) for r in page.rows) + (
        "\n… (ada lagi; gunakan --offset)" if page.has_more else "")
        or "(semua data peserta lengkap)")
    return 0


def _status_change(ctx: Context, change: Any, done: str) -> int:
    from branch_desk.services.participants.registry import find_participant

    with ctx.writing() as uow:
        found = find_participant(uow, ctx.args.who)
        row = change(uow, found)
        uow.commit()
    ctx.emit(_row_json(row) | {"status_reason": row.status_reason},
             f"Peserta {row.name} (KPJ {row.kpj}) {done}.")
    return 0


def _deactivate(ctx: Context) -> int:
    from branch_desk.services.participants.registry import deactivate_participant

    a = ctx.args
    return _status_change(ctx, lambda uow, p: deactivate_participant(
        uow, participant_id=p.id, reason=a.reason, expected_version=p.version,
        on=_date(a.date) or ctx.today()), "dinonaktifkan")


def _reactivate(ctx: Context) -> int:
    from branch_desk.services.participants.registry import reactivate_participant

    a = ctx.args
    return _status_change(ctx, lambda uow, p: reactivate_participant(
        uow, participant_id=p.id, reason=a.reason, expected_version=p.version,
        on=_date(a.date) or ctx.today()), "diaktifkan kembali")


def _death(ctx: Context) -> int:
    from branch_desk.services.participants.registry import declare_death

    a = ctx.args
    return _status_change(ctx, lambda uow, p: declare_death(
        uow, participant_id=p.id, died_on=_date(a.date), reason=a.reason,
        expected_version=p.version, today=ctx.today()), "dicatat meninggal dunia")


def _list(ctx: Context) -> int:
    from branch_desk.services.participants.queries import search_participants

    a = ctx.args
    with ctx.reading() as uow:
        page = search_participants(uow, _query(a, limit=a.limit, offset=a.offset))
    data = [_row_json(r) for r in page.rows]
    ctx.emit(data, lambda: "\n".join(
        f"{r.kpj}  {r.nik_masked}  {r.name:<30.30} {r.village_name:<18.18} {r.segment:<5} "
        f"{r.status}" for r in page.rows) + (
        "\n… (ada lagi; gunakan --offset)" if page.has_more else "") or "(tidak ada peserta)")
    return 0


def _import(ctx: Context) -> int:
    from branch_desk.services.participants.export import write_import_errors
    from branch_desk.services.participants.importing import STATUS_LABELS, import_participants

    a = ctx.args
    columns: dict[str, str] = {}
    for item in a.column:
        field, sep, header = item.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise CliError(f"--column '{item}' harus ditulis FIELD=JUDUL, mis. nik=\"No. KTP\".")
        columns[field.strip().lower()] = header.strip()
    with ctx.writing() as uow:
        report = import_participants(uow, a.file, partner_code=a.partner, dry_run=a.dry_run,
                                     today=_date(a.date), sheet_name=a.sheet, columns=columns)
        if not a.dry_run:
            uow.commit()
    if a.errors:
        write_import_errors(report, a.errors)
    data = report.summary()
    if a.errors:
        data["errors_file"] = a.errors

    def text() -> str:
        used = ", ".join(f"{field}={header!r}" for field, header in report.mapping.items())
        head = (f"{'Pemeriksaan' if a.dry_run else 'Impor'} {report.file} "
                f"(lembar '{report.sheet}'; kolom: {used}): "
                f"{report.imported} baru{' (belum disimpan)' if a.dry_run else ''}, "
                f"{report.already_present} sudah terdaftar, {report.rejected} ditolak, "
                f"{report.warnings} dengan catatan.")
        lines = [f"  baris {r.row}: {STATUS_LABELS[r.status]} — {r.message or ''}"
                 f"{' ' + ' '.join(r.warnings) if r.warnings else ''}".rstrip(" —")
                 for r in report.rows if r.status == "ditolak" or r.warnings][:200]
        return "\n".join([head, *lines])

    ctx.emit(data, text)
    return 0


def _export(ctx: Context) -> int:
    from branch_desk.services.participants.export import export_participants

    with ctx.writing() as uow:
        count = export_participants(uow, ctx.args.out, query=_query(ctx.args))
        uow.commit()
    ctx.emit({"exported": count, "file": ctx.args.out},
             f"{count} peserta diekspor ke {ctx.args.out}.")
    return 0


def _cards(ctx: Context) -> int:
    from branch_desk.services.participants.cards import print_card, print_cards
    from branch_desk.services.participants.rows import ParticipantQuery

    a = ctx.args
    with ctx.writing() as uow:
        if a.kpj:
            print_card(uow, nik_or_kpj=a.kpj, out=a.out)
            count = 1
        else:
            count = print_cards(uow, query=ParticipantQuery(partner_code=a.partner), out=a.out)
        uow.commit()
    ctx.emit({"cards": count, "file": a.out}, f"{count} kartu ditulis ke {a.out}.")
    return 0
