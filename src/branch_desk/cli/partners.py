"""Partners commands: `partners` (add, list), `agreements` (PKS: new, renew, list) and
`documents` (agreement and certificate PDFs, verification of a QR text or number)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from branch_desk.cli.common import COMMON, CliError, Context
from branch_desk.private_files import write_private


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    partners = sub.add_parser("partners", help="mitra: Pemda, pemberi kerja, organisasi")
    partners_sub = partners.add_subparsers(dest="action", metavar="AKSI", required=True)
    padd = partners_sub.add_parser("add", parents=[COMMON], help="tambah mitra")
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
    padd.add_argument("--industry", default="",
                      help="pemberi kerja: industri (makanan_minuman_tembakau, "
                      "tekstil_pakaian_jadi, kulit_barang_kulit, alas_kaki, mainan_anak, "
                      "furnitur, lainnya)")
    padd.add_argument("--workers", type=int, default=None, metavar="N",
                      help="pemberi kerja: jumlah pekerja")
    padd.set_defaults(handler=_partners_add)
    plist = partners_sub.add_parser("list", parents=[COMMON], help="daftar mitra")
    plist.add_argument("--kind", default=None)
    plist.set_defaults(handler=_partners_list)

    agreements = sub.add_parser("agreements", help="perjanjian kerja sama (PKS) dengan mitra")
    a_sub = agreements.add_subparsers(dest="action", metavar="AKSI", required=True)
    new = a_sub.add_parser("new", parents=[COMMON],
                           help="catat PKS baru (atau perpanjangan dengan --renews)")
    new.add_argument("--partner", required=True, metavar="CODE", help="kode mitra")
    new.add_argument("--signed-on", required=True, metavar="DATE", help="tanggal tanda tangan")
    new.add_argument("--place", required=True, help="tempat tanda tangan")
    new.add_argument("--partner-number", default="", help="nomor PKS dari pihak mitra")
    new.add_argument("--subject", default="", help="perihal (TENTANG …)")
    new.add_argument("--programs", default="JKK,JKM", help="mis. JKK,JKM")
    new.add_argument("--groups", default="pekerja_rentan",
                     help="kelompok: pekerja_rentan,non_asn,keagamaan,perangkat_desa,rt_rw,bpd")
    new.add_argument("--workers", type=int, default=0, help="jumlah pekerja dilindungi")
    new.add_argument("--budget", default="0", help="anggaran APBD (rupiah)")
    new.add_argument("--start", default=None, metavar="DATE")
    new.add_argument("--end", default=None, metavar="DATE")
    new.add_argument("--partner-signatory", default="")
    new.add_argument("--partner-position", default="")
    new.add_argument("--partner-decree", default="")
    new.add_argument("--office-signatory", default="")
    new.add_argument("--office-position", default="")
    new.add_argument("--office-decree", default="")
    new.add_argument("--renews", default=None, metavar="NUMBER",
                     help="nomor PKS yang diperpanjang")
    new.set_defaults(handler=_agreements_new)
    lst = a_sub.add_parser("list", parents=[COMMON], help="daftar PKS")
    lst.add_argument("--partner", default=None, metavar="CODE")
    lst.add_argument("--status", default=None)
    lst.set_defaults(handler=_agreements_list)

    documents = sub.add_parser("documents", help="dokumen PDF dan verifikasi keaslian")
    d_sub = documents.add_subparsers(dest="action", metavar="AKSI", required=True)
    agr = d_sub.add_parser("agreement", parents=[COMMON], help="PDF naskah PKS")
    agr.add_argument("number", metavar="NUMBER")
    agr.add_argument("--out", required=True, metavar="FILE.pdf")
    agr.set_defaults(handler=_document_agreement)
    cert = d_sub.add_parser("certificate", parents=[COMMON],
                            help="PDF piagam penghargaan (beberapa mitra: satu PDF)")
    cert.add_argument("partners", nargs="+", metavar="PARTNER")
    cert.add_argument("--as-of", required=True, metavar="DATE",
                      help="angka pekerja dan manfaat per tanggal ini")
    cert.add_argument("--out", required=True, metavar="FILE.pdf")
    cert.add_argument("--place", default="", help="tempat penerbitan (bawaan: wilayah kantor)")
    cert.add_argument("--date", default=None, metavar="DATE",
                      help="tanggal piagam (bawaan: hari ini)")
    cert.add_argument("--signer", default="", help="penanda tangan (bawaan: kepala kantor)")
    cert.add_argument("--signer-title", default="")
    cert.set_defaults(handler=_document_certificate)
    ver = d_sub.add_parser("verify", parents=[COMMON],
                           help="periksa keaslian teks QR atau nomor dokumen")
    ver.add_argument("text", metavar="TEXT")
    ver.set_defaults(handler=_document_verify)


def _partner_json(row: Any) -> dict[str, Any]:
    return {"code": row.code, "name": row.name, "kind": row.kind, "region": row.region_code,
            "region_name": row.region_name, "industry": row.industry, "workers": row.workers}


def _partners_add(ctx: Context) -> int:
    from branch_desk.services.partners.registry import PartnerData, add_partner

    a = ctx.args
    with ctx.writing() as uow:
        row = add_partner(uow, data=PartnerData(
            code=a.code, name=a.name, kind=a.kind, region_code=a.region, head_name=a.head_name,
            head_title=a.head_title, address=a.address, phone=a.phone, email=a.email,
            npwp=a.npwp, industry=a.industry, workers=a.workers))
        uow.commit()
    ctx.emit(_partner_json(row), f"Mitra {row.code} — {row.name} ditambahkan.")
    return 0


def _partners_list(ctx: Context) -> int:
    from branch_desk.services.partners.registry import list_partners

    with ctx.reading() as uow:
        rows = list_partners(uow, kind=ctx.args.kind)
    data = [_partner_json(r) for r in rows]
    ctx.emit(data, lambda: "\n".join(
        f"{d['code']:<20} {d['kind']:<12} {d['region']:<13} {d['name']}" for d in data)
        or "(belum ada mitra)")
    return 0


def _date(text: str | None, field: str) -> date | None:
    from branch_desk.domain.dates import parse_date
    from branch_desk.domain.errors import ValidationError

    if text is None:
        return None
    try:
        return parse_date(text)
    except ValidationError as exc:
        raise ValidationError(str(exc), field=field) from exc


def _agreement_json(row: Any) -> dict[str, Any]:
    return {"number": row.number, "partner_number": row.partner_number,
            "partner": row.partner_code, "partner_name": row.partner_name,
            "signed_on": row.signed_on, "place": row.place, "programs": list(row.programs),
            "groups": list(row.groups), "workers": row.workers, "budget": row.budget,
            "start_date": row.start_date, "end_date": row.end_date, "status": row.status,
            "renews": row.renews_number or None, "renewed_by": row.renewed_by_number or None,
            "partner_signatory": row.partner_signatory, "office_signatory": row.office_signatory}


def _agreements_new(ctx: Context) -> int:
    from branch_desk.domain.money import parse_rupiah
    from branch_desk.services.partners.agreements import (
        AgreementData,
        new_agreement,
        renew_agreement,
    )

    a = ctx.args
    ctx.actor()  # log in before the dates and amounts are checked
    signed = _date(a.signed_on, "signed_on")
    assert signed is not None
    data = AgreementData(
        partner_code=a.partner, signed_on=signed, place=a.place,
        partner_number=a.partner_number, subject=a.subject,
        partner_signatory=a.partner_signatory, partner_position=a.partner_position,
        partner_decree=a.partner_decree, office_signatory=a.office_signatory,
        office_position=a.office_position, office_decree=a.office_decree,
        programs=tuple(a.programs.split(",")), groups=tuple(a.groups.split(",")),
        workers=a.workers, budget=parse_rupiah(a.budget),
        start_date=_date(a.start, "start_date"), end_date=_date(a.end, "end_date"))
    with ctx.writing() as uow:
        if a.renews:
            row = renew_agreement(uow, number=a.renews, data=data)
        else:
            row = new_agreement(uow, data=data)
        uow.commit()
    ctx.emit(_agreement_json(row), f"PKS {row.number} dengan {row.partner_name} dicatat "
                                   f"({row.start_date} s.d. {row.end_date}).")
    return 0


def _agreements_list(ctx: Context) -> int:
    from branch_desk.services.partners.agreements import list_agreements

    with ctx.reading() as uow:
        rows = list_agreements(uow, partner_code=ctx.args.partner, status=ctx.args.status)
    data = [_agreement_json(r) for r in rows]
    ctx.emit(data, lambda: "\n".join(
        f"{r.number:<22} {r.partner_code:<20} {r.signed_on} {r.end_date} {r.status}"
        for r in rows) or "(belum ada PKS)")
    return 0


def _document_agreement(ctx: Context) -> int:
    from branch_desk.services.partners.agreement_document import agreement_pdf
    from branch_desk.services.partners.verification import record_export

    number = ctx.args.number.strip().upper()
    # The text holds the budget and the signatories: printed by a logged-in user, recorded.
    with ctx.writing() as uow:
        pdf = agreement_pdf(uow, ctx.args.number)
        record_export(uow, kind="pks", number=number, target=ctx.args.out)
        uow.commit()
    path = write_private(Path(ctx.args.out), pdf)
    ctx.emit({"number": number, "file": str(path), "bytes": len(pdf)},
             f"Naskah PKS ditulis ke {path}")
    return 0


def _document_certificate(ctx: Context) -> int:
    from branch_desk.domain import regions
    from branch_desk.domain.money import format_rupiah
    from branch_desk.services.admin.offices import office_row
    from branch_desk.services.partners.certificates import (
        certificates_pdf,
        find_certificate,
        issue_certificate,
    )

    a = ctx.args
    as_of = _date(a.as_of, "as_of")
    assert as_of is not None
    day = _date(a.date, "date") or ctx.today()
    rows = []
    with ctx.writing() as uow:
        office = office_row(uow)
        place = a.place or _place(regions, office.region_code) or office.name
        for code in dict.fromkeys(a.partners):
            row = find_certificate(uow, partner_code=code, as_of=as_of)
            if row is None or (a.signer and row.signer != a.signer):
                row = issue_certificate(uow, partner_code=code, as_of=as_of, place=place,
                                        signer=a.signer, signer_title=a.signer_title,
                                        issued_on=day)
            rows.append(row)
        pdf = certificates_pdf(uow, rows)
        uow.commit()
    path = write_private(Path(a.out), pdf)
    data = [{"number": r.number, "partner": r.partner_code, "partner_name": r.partner_name,
             "as_of": r.as_of, "workers": r.workers, "benefits_paid": r.benefits_paid,
             "benefits_note": r.benefits_note or None, "issued_on": r.issued_on,
             "verification": r.verification} for r in rows]
    ctx.emit({"file": str(path), "certificates": data},
             lambda: "\n".join(f"{r.number}  {r.partner_name}: {r.workers} pekerja, manfaat "
                               f"{format_rupiah(r.benefits_paid)}" for r in rows)
             + f"\nPiagam ditulis ke {path}")
    return 0


def _place(regions: Any, code: str) -> str:
    regency = regions.regency_of(code) if code else None
    if regency is None:
        return ""
    return str(regency.name).removeprefix("Kabupaten ").removeprefix("Kota ")


def _document_verify(ctx: Context) -> int:
    from branch_desk.domain.record_labels import certified_lines
    from branch_desk.services.partners.verification import verify

    if not ctx.args.text.strip():
        raise CliError("Masukkan teks QR atau nomor dokumen.")
    with ctx.reading(login="optional") as uow:  # details only for a logged-in user
        result = verify(uow, ctx.args.text)
    data = {"genuine": result.genuine, "message": result.message, "office": result.office,
            "kind": result.kind, "number": result.number, "summary": result.summary}

    def text() -> str:
        lines = [result.message]
        for label, value in certified_lines(result.summary):
            lines.append(f"  {label}: {value}")
        return "\n".join(lines)

    ctx.emit(data, text)
    return 0 if result.genuine else 1
