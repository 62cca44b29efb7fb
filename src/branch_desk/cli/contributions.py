"""Contributions commands: `contributions` (pay, reverse, bill, pay-bill, reconcile),
`coverage target` and `report coverage` (with Monev); this module makes the `report` group."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from branch_desk.cli.common import COMMON, CliError, Context


def _month(text: str) -> date:
    try:
        year, month = text.strip().split("-")[:2]
        return date(int(year), int(month), 1)
    except (ValueError, TypeError):
        raise argparse.ArgumentTypeError(f"bulan '{text}' harus berbentuk YYYY-MM") from None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal '{text}' harus berbentuk YYYY-MM-DD") from None


def _rupiah(text: str) -> int:
    from branch_desk.domain.errors import ValidationError
    from branch_desk.domain.money import parse_rupiah

    try:
        return parse_rupiah(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(f"jumlah rupiah '{text}': {exc}") from None


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("contributions", help="iuran: pembayaran, tagihan Pemda")
    actions = group.add_subparsers(dest="action", metavar="AKSI", required=True)

    pay = actions.add_parser("pay", parents=[COMMON], help="catat pembayaran iuran satu peserta")
    pay.add_argument("--participant", required=True, metavar="NIK_OR_KPJ")
    pay.add_argument("--from", dest="first", required=True, type=_month, metavar="YYYY-MM")
    pay.add_argument("--months", required=True, type=int, metavar="N",
                     help="jumlah bulan; peserta PMI: lama perjanjian kerja (6, 12, 24 atau "
                          "lebih), atau 5 untuk iuran sebelum bekerja")
    pay.add_argument("--pmi-phase", choices=["pra_penempatan", "penempatan"], default="",
                     help="peserta PMI: iuran sebelum bekerja (Rp37.500) atau paket selama dan "
                          "setelah bekerja (Permenaker 4/2023 Pasal 18)")
    pay.add_argument("--payer", default=None, help="nama penyetor (bawaan: nama peserta)")
    pay.add_argument("--paid-on", type=_day, default=None, metavar="YYYY-MM-DD")
    pay.add_argument("--reference", default="")
    pay.add_argument("--receipt", metavar="PDF", help="tulis kwitansi PDF ke berkas ini")
    pay.add_argument("--size", choices=["A4", "A5"], default="A4")
    pay.set_defaults(handler=_pay)

    rev = actions.add_parser("reverse", parents=[COMMON],
                             help="koreksi (batalkan) pembayaran dengan entri balik")
    rev.add_argument("number", metavar="NOMOR_KWITANSI")
    rev.add_argument("--reason", required=True)
    rev.set_defaults(handler=_reverse)

    bill = actions.add_parser("bill", parents=[COMMON],
                              help="buat tagihan Pemda untuk pekerja sebuah mitra")
    bill.add_argument("--partner", required=True, metavar="CODE")
    bill.add_argument("--from", dest="first", required=True, type=_month, metavar="YYYY-MM")
    bill.add_argument("--months", required=True, type=int, metavar="N")
    bill.add_argument("--back-to-tmt", action="store_true",
                      help="tagih mundur sampai TMT tiap pekerja")
    bill.add_argument("--invoice", metavar="PDF", help="tulis surat tagihan PDF")
    bill.add_argument("--attachment", metavar="XLSX", help="tulis lampiran daftar pekerja")
    bill.set_defaults(handler=_bill)

    pay_bill = actions.add_parser("pay-bill", parents=[COMMON],
                                  help="catat pembayaran tagihan Pemda")
    pay_bill.add_argument("bill_number", metavar="BILL_NUMBER")
    pay_bill.add_argument("--paid-on", type=_day, default=None, metavar="YYYY-MM-DD")
    pay_bill.add_argument("--reference", default="")
    pay_bill.set_defaults(handler=_pay_bill)

    rec = actions.add_parser("reconcile", parents=[COMMON],
                             help="cocokkan daftar xlsx mitra dengan tagihan")
    rec.add_argument("bill_number", metavar="BILL_NUMBER")
    rec.add_argument("--list", dest="path", required=True, metavar="XLSX")
    rec.set_defaults(handler=_reconcile)

    con = actions.add_parser("construction", parents=[COMMON],
                             help="hitung iuran JKK+JKM proyek jasa konstruksi")
    con.add_argument("--month", required=True, type=_month, metavar="YYYY-MM",
                     help="bulan iuran (menentukan tarif dan diskon yang berlaku)")
    basis = con.add_mutually_exclusive_group(required=True)
    basis.add_argument("--contract-value", type=_rupiah, metavar="N",
                       help="nilai kontrak, bila upah pekerja tidak diketahui")
    basis.add_argument("--wages", type=_rupiah, metavar="N",
                       help="jumlah upah pekerja proyek sebulan, bila diketahui")
    con.set_defaults(handler=_construction)

    coverage = sub.add_parser("coverage", help="cakupan kepesertaan: target")
    cov_actions = coverage.add_subparsers(dest="action", metavar="AKSI", required=True)
    target = cov_actions.add_parser("target", parents=[COMMON],
                                    help="tetapkan target pekerja sebuah wilayah")
    target.add_argument("--region", required=True, metavar="CODE")
    target.add_argument("--year", required=True, type=int, metavar="YYYY")
    target.add_argument("--workers", required=True, type=int, metavar="N")
    target.set_defaults(handler=_target)

    report = sub.add_parser("report", help="laporan")
    rep_actions = report.add_subparsers(dest="action", metavar="LAPORAN", required=True)
    cov = rep_actions.add_parser("coverage", parents=[COMMON],
                                 help="cakupan per wilayah, segmen dan mitra")
    cov.add_argument("--region", default=None, metavar="CODE")
    cov.add_argument("--as-of", type=_day, default=None, metavar="DATE")
    cov.add_argument("--xlsx", metavar="XLSX", help="ekspor ke xlsx")
    cov.add_argument("--monev", metavar="PDF",
                     help="tulis laporan Monev Inpres 2/2021 (PDF; xlsx di sebelahnya)")
    cov.set_defaults(handler=_report)


def _construction(ctx: Context) -> int:
    from branch_desk.domain.benefit_rules import percent
    from branch_desk.domain.money import format_rupiah
    from branch_desk.services.contributions.construction import quote_construction

    a = ctx.args
    with ctx.reading() as uow:
        q = quote_construction(uow, month=a.month, contract_value=a.contract_value,
                               wages=a.wages)
    r = q.result
    data = {"month": q.month.strftime("%Y-%m"), "basis": r.basis,
            "contract_value": q.contract_value, "wages": q.wages, "jkk": r.jkk, "jkm": r.jkm,
            "discount": r.discount, "total": r.total, "sources": list(r.sources),
            "tiers": [{"program": t.program.value, "from": t.lower, "to": t.upper,
                       "rate": str(t.rate), "amount": str(t.amount)} for t in q.slices]}

    def text() -> str:
        basis = (f"nilai kontrak {format_rupiah(q.contract_value or 0)}"
                 if r.basis == "nilai_kontrak" else f"upah sebulan {format_rupiah(q.wages or 0)}")
        out = [f"Iuran jasa konstruksi {q.month:%m/%Y} dari {basis}:"]
        out += [f"  {t.program.value} {format_rupiah(t.lower)} s.d. {format_rupiah(t.upper)}"
                f" × {percent(t.rate)}" for t in q.slices]
        out += [f"  JKK {format_rupiah(r.jkk)}", f"  JKM {format_rupiah(r.jkm)}"]
        if r.discount:
            out.append(f"  Diskon {format_rupiah(r.discount)}")
        out.append(f"  Jumlah {format_rupiah(r.total)}")
        out += [f"  Dasar: {source}" for source in r.sources]
        return "\n".join(out)

    ctx.emit(data, text)
    return 0


def _payment_json(row: Any) -> dict[str, Any]:
    return {"number": row.number, "kind": row.kind, "kpj": row.kpj, "name": row.name,
            "first_month": row.first_month.strftime("%Y-%m"), "months": row.months,
            "last_month": row.last_month.strftime("%Y-%m"), "programs": list(row.programs),
            "amount": row.amount, "payer": row.payer, "paid_on": row.paid_on,
            "reference": row.reference, "note": row.note}


def _bill_json(row: Any) -> dict[str, Any]:
    return {"number": row.number, "partner": row.partner_code, "partner_name": row.partner_name,
            "first_month": row.first_month.strftime("%Y-%m"), "months": row.months,
            "programs": list(row.programs), "workers": row.workers, "total": row.total,
            "status": row.status, "issued_on": row.issued_on, "paid_on": row.paid_on,
            "reference": row.reference}


def _pay(ctx: Context) -> int:
    from branch_desk.domain.money import format_rupiah
    from branch_desk.services.contributions.payments import print_receipt, record_payment
    from branch_desk.services.participants.registry import find_participant

    a = ctx.args
    with ctx.writing() as uow:
        person = find_participant(uow, a.participant)
        row = record_payment(uow, participant_id=person.id, first_month=a.first,
                             months=a.months, payer=a.payer or person.name,
                             paid_on=a.paid_on or ctx.today(), reference=a.reference,
                             pmi_phase=a.pmi_phase)
        if a.receipt:
            print_receipt(uow, number=row.number, path=Path(a.receipt), size=a.size)
        uow.commit()
    data = _payment_json(row) | ({"receipt": a.receipt} if a.receipt else {})
    ctx.emit(data, f"Pembayaran {row.number}: {row.name} {row.first_month:%m/%Y} "
                   f"({row.months} bulan) {format_rupiah(row.amount)}.")
    return 0


def _reverse(ctx: Context) -> int:
    from branch_desk.services.contributions.payments import reverse_payment

    with ctx.writing() as uow:
        row = reverse_payment(uow, number_or_id=ctx.args.number, reason=ctx.args.reason,
                              on=ctx.today())
        uow.commit()
    ctx.emit(_payment_json(row) | {"reverses": row.reverses},
             f"Koreksi {row.number} membatalkan {row.reverses}.")
    return 0


def _bill(ctx: Context) -> int:
    from branch_desk.domain.money import format_rupiah
    from branch_desk.services.contributions.bill_documents import print_invoice, write_attachment
    from branch_desk.services.contributions.billing import build_bill

    a = ctx.args
    with ctx.writing() as uow:
        row = build_bill(uow, partner_code=a.partner, first_month=a.first, months=a.months,
                         today=ctx.today(), back_to_tmt=a.back_to_tmt)
        if a.invoice:
            print_invoice(uow, bill_number=row.number, path=Path(a.invoice),
                          attachment=Path(a.attachment) if a.attachment else None)
        elif a.attachment:
            write_attachment(uow, bill_number=row.number, path=Path(a.attachment))
        uow.commit()
    ctx.emit(_bill_json(row), f"Tagihan {row.number}: {row.partner_name}, {row.workers} "
                              f"pekerja, {format_rupiah(row.total)}.")
    return 0


def _pay_bill(ctx: Context) -> int:
    from branch_desk.services.contributions.billing import pay_bill

    a = ctx.args
    with ctx.writing() as uow:
        row = pay_bill(uow, bill_number=a.bill_number, paid_on=a.paid_on or ctx.today(),
                       reference=a.reference)
        uow.commit()
    ctx.emit(_bill_json(row), f"Tagihan {row.number} lunas: {row.workers} pekerja tercakup.")
    return 0


def _reconcile(ctx: Context) -> int:
    from branch_desk.services.contributions.bill_documents import reconcile_bill

    path = Path(ctx.args.path)
    if not path.is_file():
        raise CliError(f"Berkas '{path}' tidak ditemukan.")
    with ctx.reading() as uow:
        result = reconcile_bill(uow, bill_number=ctx.args.bill_number, path=path)
    data = {"bill_number": result.bill_number, "matched": result.matched,
            "only_in_list": [{"row": e.row, "nik": e.nik, "name": e.name}
                             for e in result.only_in_list],
            "only_in_bill": [{"kpj": ln.kpj, "nik": ln.nik_masked, "name": ln.name}
                             for ln in result.only_in_bill],
            "unreadable_rows": [e.row for e in result.unreadable]}
    ctx.emit(data, lambda: (f"Cocok: {result.matched}; hanya di daftar mitra: "
                            f"{len(result.only_in_list)}; hanya di tagihan: "
                            f"{len(result.only_in_bill)}; baris tak terbaca: "
                            f"{len(result.unreadable)}."))
    return 0


def _target(ctx: Context) -> int:
    from branch_desk.services.contributions.targets import set_target

    a = ctx.args
    with ctx.writing() as uow:
        row = set_target(uow, region_code=a.region, year=a.year, workers=a.workers)
        uow.commit()
    ctx.emit({"region": row.region_code, "region_name": row.region_name, "year": row.year,
              "workers": row.workers},
             f"Target {row.region_name} {row.year}: {row.workers} pekerja.")
    return 0


def summary_json(summary: Any) -> dict[str, Any]:
    """The coverage summary as the `report coverage --json` keys. `percentage` is a number
    with two decimals (61.54); `percentage_text` the figure as Monev prints it ("61,54%")."""
    from branch_desk.domain.coverage import format_percentage

    def percent(value: Any) -> dict[str, Any]:
        return {"percentage": float(value) if value is not None else None,
                "percentage_text": format_percentage(value) if value is not None else None}

    def figure(f: Any) -> dict[str, Any]:
        return {"code": f.code, "name": f.name, "covered": f.covered, "target": f.target,
                **percent(f.percentage)}

    return {"as_of": summary.as_of, "region": summary.region_code,
            "region_name": summary.region_name, "covered": summary.covered,
            "target": summary.target, **percent(summary.percentage),
            "areas": [figure(f) for f in summary.areas],
            "segments": [figure(f) for f in summary.segments],
            "partners": [figure(f) for f in summary.partners],
            "trend": [{"month": m.strftime("%Y-%m"), "covered": c} for m, c in summary.trend]}


def _report(ctx: Context) -> int:
    from branch_desk.domain.coverage import format_percentage
    from branch_desk.services.contributions.coverage_figures import (
        coverage_summary,
        write_coverage_xlsx,
    )
    from branch_desk.services.contributions.monev import write_monev

    a = ctx.args
    as_of = a.as_of or ctx.today()
    # Counts per region are not personal; the Monev papers hold the partners' bills.
    with ctx.reading(login="required" if a.monev else "optional") as uow:
        summary = coverage_summary(uow, as_of=as_of, region=a.region)
        if a.xlsx:
            write_coverage_xlsx(Path(a.xlsx), summary)
        if a.monev:
            write_monev(uow, as_of=as_of, region=a.region, pdf=Path(a.monev),
                        xlsx=Path(a.monev).with_suffix(".xlsx"))
    data = summary_json(summary)
    ctx.emit(data, lambda: "\n".join(
        [f"Cakupan {summary.region_name} per {as_of:%d-%m-%Y}: {summary.covered} pekerja"
         + (f" dari target {summary.target} ({format_percentage(summary.percentage)})"
            if summary.target else "")]
        + [f"  {f.code:<14} {f.name:<28} {f.covered:>9} {format_percentage(f.percentage):>8}"
           for f in summary.areas]))
    return 0
