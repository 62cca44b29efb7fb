"""`agreements` (PKS) and `documents` (agreement/certificate PDFs, verification) commands."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from branch_desk.cli.common import CliError, Context, add_common


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    agreements = sub.add_parser("agreements", help="perjanjian kerja sama (PKS) dengan mitra")
    a_sub = agreements.add_subparsers(dest="action", metavar="AKSI", required=True)
    new = a_sub.add_parser("new", help="catat PKS baru (atau perpanjangan dengan --renews)")
    add_common(new)
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
    lst = a_sub.add_parser("list", help="daftar PKS")
    add_common(lst)
    lst.add_argument("--partner", default=None, metavar="CODE")
    lst.add_argument("--status", default=None)
    lst.set_defaults(handler=_agreements_list)

    documents = sub.add_parser("documents", help="dokumen PDF dan verifikasi keaslian")
    d_sub = documents.add_subparsers(dest="action", metavar="AKSI", required=True)
    agr = d_sub.add_parser("agreement", help="PDF naskah PKS")
    add_common(agr)
    agr.add_argument("number", metavar="NUMBER")
    agr.add_argument("--out", required=True, metavar="FILE.pdf")
    agr.set_defaults(handler=_document_agreement)
    cert = d_sub.add_parser("certificate", help="PDF piagam penghargaan (beberapa mitra: "
                                                 "satu PDF)")
    add_common(cert)
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
    ver = d_sub.add_parser("verify", help="periksa keaslian teks QR atau nomor dokumen")
    add_common(ver)
    ver.add_argument("text", metavar="TEXT")
    ver.set_defaults(handler=_document_verify)


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
    from branch_desk.services.uow import UnitOfWork

    a = ctx.args
    actor = ctx.actor()
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
    with UnitOfWork(ctx.db, actor, write=True) as uow:
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
    from branch_desk.services.uow import UnitOfWork

    with UnitOfWork(ctx.open_existing()) as uow:
        rows = list_agreements(uow, partner_code=ctx.args.partner, status=ctx.args.status)
    data = [_agreement_json(r) for r in rows]
    ctx.emit(data, lambda: "\n".join(
        f"{r.number:<22} {r.partner_code:<20} {r.signed_on} {r.end_date} {r.status}"
        for r in rows) or "(belum ada PKS)")
    return 0


def _write(path: str, pdf: bytes) -> Path:
    from branch_desk.documents.base import write_atomically

    return write_atomically(Path(path), lambda buffer: buffer.write(pdf))


def _document_agreement(ctx: Context) -> int:
    from branch_desk.services.partners.agreements import agreement_pdf
    from branch_desk.services.partners.verification import record_export
    from branch_desk.services.uow import UnitOfWork

    actor = ctx.reader()
    with UnitOfWork(ctx.open_existing(), actor, write=actor is not None) as uow:
        pdf = agreement_pdf(uow, ctx.args.number)
        if actor is not None:
            record_export(uow, kind="pks", number=ctx.args.number.strip().upper(),
                          target=ctx.args.out)
            uow.commit()
    path = _write(ctx.args.out, pdf)
    ctx.emit({"number": ctx.args.number.strip().upper(), "file": str(path),
              "bytes": len(pdf)}, f"Naskah PKS ditulis ke {path}")
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
    from branch_desk.services.uow import UnitOfWork

    a = ctx.args
    as_of = _date(a.as_of, "as_of")
    assert as_of is not None
    day = _date(a.date, "date") or date.today()
    actor = ctx.actor()
    rows = []
    with UnitOfWork(ctx.db, actor, write=True) as uow:
        office = office_row(uow.session)
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
    path = _write(a.out, pdf)
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
    from branch_desk.services.partners.verification import verify
    from branch_desk.services.uow import UnitOfWork

    if not ctx.args.text.strip():
        raise CliError("Masukkan teks QR atau nomor dokumen.")
    with UnitOfWork(ctx.open_existing()) as uow:
        result = verify(uow, ctx.args.text)
    data = {"genuine": result.genuine, "message": result.message, "office": result.office,
            "kind": result.kind, "number": result.number, "summary": result.summary}

    def text() -> str:
        lines = [result.message]
        for key, value in (result.summary or {}).items():
            lines.append(f"  {key}: {value}")
        return "\n".join(lines)

    ctx.emit(data, text)
    return 0 if result.genuine else 1
