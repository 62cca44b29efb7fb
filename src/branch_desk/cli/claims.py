"""Claims commands: `claims` intake, documents, workflow steps, PDFs, show, list and the
recap."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from branch_desk.cli.common import COMMON, CliError, Context

TYPES = ["JKK", "JKM", "JHT", "JP", "JKP", "BEASISWA"]
STATES = ["draft", "diajukan", "diverifikasi", "disetujui", "dibayar", "ditolak"]


def _date(text: str) -> date:
    from branch_desk.domain.dates import parse_date
    from branch_desk.domain.errors import ValidationError

    try:
        return parse_date(text)
    except (ValidationError, ValueError) as exc:
        raise argparse.ArgumentTypeError(f"tanggal tidak dikenal: {text}") from exc


def _amount(text: str) -> int:
    from branch_desk.domain.money import parse_rupiah

    try:
        return parse_rupiah(text)
    except Exception as exc:
        raise argparse.ArgumentTypeError(f"jumlah rupiah tidak dikenal: {text}") from exc


def _percent(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ".").rstrip("%"))
    except InvalidOperation as exc:
        raise argparse.ArgumentTypeError(f"persentase tidak dikenal: {text}") from exc


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    claims = sub.add_parser("claims", help="klaim: pencatatan, dokumen, alur, cetak, rekap")
    cs = claims.add_subparsers(dest="action", metavar="AKSI", required=True)

    new = cs.add_parser("new", parents=[COMMON],
                        help="catat klaim baru (menghitung kelayakan dan manfaat)")
    new.add_argument("--participant", required=True, metavar="NIK_OR_KPJ")
    new.add_argument("--type", required=True, type=str.upper, choices=TYPES)
    new.add_argument("--event-date", required=True, type=_date, metavar="DATE",
                     help="tanggal kejadian (meninggal, kecelakaan, PHK, …)")
    new.add_argument("--cause", choices=["kerja", "bukan-kerja"])
    new.add_argument("--medical-cost", type=_amount, default=0, metavar="N")
    new.add_argument("--heir", action="append", default=[], metavar='"NAME;RELATION;BANK ACCOUNT"',
                     help="ahli waris/penerima (boleh berulang); rekening boleh diawali nama bank")
    new.add_argument("--place", default="")
    new.add_argument("--description", default="")
    new.add_argument("--wage", type=_amount, metavar="N",
                     help="upah sebulan (bawaan: data peserta)")
    new.add_argument("--outcome", default="medical_only",
                     choices=["death", "total_disability", "partial_disability", "temporary",
                              "medical_only"], help="akibat kecelakaan kerja (JKK)")
    new.add_argument("--stmb-months", type=int, default=0, metavar="N")
    new.add_argument("--transport", choices=["darat", "laut", "udara"])
    new.add_argument("--transport-cost", type=_amount, default=0, metavar="N")
    new.add_argument("--disability-percent", type=_percent, metavar="P")
    new.add_argument("--anatomic-case", metavar="KEY")
    new.add_argument("--off-site", action="store_true", help="kecelakaan di luar lokasi kerja")
    new.add_argument("--reported-on", type=_date, metavar="DATE",
                     help="tanggal laporan tahap I (JKK)")
    new.add_argument("--child", action="append", default=[], metavar='"NAME;LEVEL[;AGE]"',
                     help="anak penerima beasiswa; LEVEL TK|SD|SMP|SMA|S1 atau - (belum sekolah)")
    new.add_argument("--jht-kind", default="full",
                     choices=["full", "partial_housing", "partial_other"])
    new.add_argument("--balance", type=_amount, default=0, metavar="N", help="saldo JHT/JP")
    new.add_argument("--requested", type=_amount, metavar="N",
                     help="JHT sebagian: jumlah yang diminta (bawaan: batas 10%%/30%%)")
    new.add_argument("--jht-partial-taken", action="store_true",
                     help="JHT sebagian sudah pernah diambil")
    new.add_argument("--received", nargs="+", action="extend", default=[], metavar="KEY",
                     help="dokumen yang sudah diterima saat pencatatan")
    new.add_argument("--jp-kind", default="old_age",
                     choices=["old_age", "disability", "widow", "child", "parent"],
                     help="jenis manfaat JP (PP 45/2015 Pasal 16)")
    new.add_argument("--jht-reason", default="", choices=["", "mengundurkan_diri", "phk"],
                     help="JHT penuh karena mengundurkan diri/PHK: dibayar 1 bulan kemudian")
    new.add_argument("--phk-reason", default="",
                     choices=["", "efisiensi", "pelanggaran", "lainnya", "mengundurkan_diri",
                              "cacat_total_tetap", "pensiun", "meninggal_dunia",
                              "pkwt_berakhir"], help="alasan PHK (JKP)")
    new.add_argument("--employer-size", default="", choices=["", "besar_menengah",
                                                             "mikro_kecil"],
                     help="skala usaha pemberi kerja (JKP tanpa JP)")
    new.add_argument("--outcome-on", type=_date, metavar="DATE",
                     help="tanggal dinyatakan sembuh, cacat atau meninggal (JKK)")
    new.add_argument("--stage2-reported-on", type=_date, metavar="DATE",
                     help="tanggal laporan tahap II (JKK)")
    new.add_argument("--heir-order-reason", default="", metavar="TEXT",
                     help="alasan membayar ahli waris golongan lebih rendah")
    new.add_argument("--pmi-phase", default="", choices=["", "sebelum", "selama", "setelah"],
                     help="masa pelindungan Pekerja Migran saat kejadian (JKM/JKK PMI)")
    new.add_argument("--pmi-benefit", action="append", default=[], metavar="KEY[=BIAYA]",
                     help="manfaat JKK Pekerja Migran (Permenaker 4/2023), mis. "
                          "kacamata=900000 atau gagal_berangkat; dapat diulang")
    new.add_argument("--today", type=_date, metavar="DATE", help=argparse.SUPPRESS)
    new.set_defaults(handler=_new)

    docs = cs.add_parser("documents", parents=[COMMON], help="tandai dokumen klaim diterima")
    docs.add_argument("number", metavar="NUMBER")
    group = docs.add_mutually_exclusive_group(required=True)
    group.add_argument("--received", nargs="+", action="extend", metavar="KEY")
    group.add_argument("--all-received", action="store_true")
    docs.add_argument("--today", type=_date, metavar="DATE", help=argparse.SUPPRESS)
    docs.set_defaults(handler=_documents)

    adv = cs.add_parser("advance", parents=[COMMON], help="pindahkan klaim ke status berikutnya")
    adv.add_argument("number", metavar="NUMBER")
    adv.add_argument("--to", required=True, type=str.lower, choices=STATES, metavar="STATUS")
    adv.add_argument("--reason", metavar="TEXT")
    adv.add_argument("--reference", metavar="TRANSFER_REF",
                     help="referensi transfer (dibayar) atau pengembalian transfer (membuka "
                          "kembali klaim yang sudah dibayar)")
    adv.add_argument("--returned-on", type=_date, metavar="DATE",
                     help="tanggal transfer kembali (membuka kembali klaim yang sudah dibayar)")
    adv.add_argument("--today", type=_date, metavar="DATE", help=argparse.SUPPRESS)
    adv.set_defaults(handler=_advance)

    for name, helptext, handler in (
            ("receipt", "cetak tanda terima berkas (PDF)", _receipt),
            ("statement", "cetak bukti pembayaran santunan (PDF)", _statement)):
        p = cs.add_parser(name, parents=[COMMON], help=helptext)
        p.add_argument("number", metavar="NUMBER")
        p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
        p.add_argument("--today", type=_date, metavar="DATE", help=argparse.SUPPRESS)
        p.set_defaults(handler=handler)

    show = cs.add_parser("show", parents=[COMMON], help="tampilkan satu klaim")
    show.add_argument("number", metavar="NUMBER")
    show.add_argument("--today", type=_date, metavar="DATE", help=argparse.SUPPRESS)
    show.set_defaults(handler=_show)

    lst = cs.add_parser("list", parents=[COMMON], help="daftar klaim")
    lst.add_argument("--status", choices=[*STATES, "terbuka"])
    lst.add_argument("--type", type=str.upper, choices=TYPES)
    lst.add_argument("--search", default="")
    lst.add_argument("--overdue", action="store_true",
                     help="hanya klaim terbuka yang lewat batas bayar BPJS")
    lst.add_argument("--today", type=_date, metavar="DATE", help=argparse.SUPPRESS)
    lst.set_defaults(handler=_list)

    recap = cs.add_parser("recap", parents=[COMMON],
                          help="rekap klaim per periode, program, mitra, wilayah")
    recap.add_argument("--from", dest="date_from", required=True, type=_date, metavar="DATE")
    recap.add_argument("--to", dest="date_to", required=True, type=_date, metavar="DATE")
    recap.add_argument("--partner", metavar="CODE")
    recap.add_argument("--program", type=str.upper, choices=TYPES)
    recap.add_argument("--region", metavar="CODE", help="kode wilayah, mis. 73.09")
    recap.add_argument("--xlsx", type=Path, metavar="FILE.xlsx")
    recap.add_argument("--pdf", type=Path, metavar="FILE.pdf")
    recap.set_defaults(handler=_recap)


def _heir(text: str) -> Any:
    from branch_desk.services.claims.data import RecipientData

    parts = [p.strip() for p in text.split(";")]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise CliError(f'--heir harus "NAMA;HUBUNGAN;REKENING": {text}')
    account = parts[2] if len(parts) > 2 else ""
    words = account.split()
    bank = []
    while words and not any(ch.isdigit() for ch in words[0]):
        bank.append(words.pop(0))
    return RecipientData(parts[0], parts[1], " ".join(words), " ".join(bank))


def _child(text: str) -> Any:
    from branch_desk.services.claims.data import ChildData

    parts = [p.strip() for p in text.split(";")]
    if len(parts) < 2 or not parts[0]:
        raise CliError(f'--child harus "NAMA;JENJANG[;USIA]": {text}')
    level = parts[1].upper() if parts[1] not in ("", "-") else None
    age = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
    return ChildData(parts[0], level, age)


def _pmi_benefit(text: str) -> tuple[str, int]:
    key, _, cost = text.partition("=")
    if not key.strip():
        raise CliError(f'--pmi-benefit harus "KEY[=BIAYA]": {text}')
    try:
        return key.strip(), _amount(cost) if cost.strip() else 0
    except argparse.ArgumentTypeError as exc:
        raise CliError(f"--pmi-benefit {text}: {exc}") from None


def timing_json(timing: Any) -> dict[str, Any] | None:
    """BPJS's payment deadline of a claim (`claim_payment.PaymentTiming`) for --json."""
    if timing is None:
        return None
    return {"complete_on": timing.complete_on, "due": timing.due, "paid": timing.paid,
            "days_left": timing.days_left, "days_late": timing.days_late,
            "compensation": timing.compensation, "rule": timing.source}


def claim_json(row: Any, today: date | None = None) -> dict[str, Any]:
    """A claim as the CLI prints it with --json; with `today`, BPJS's payment deadline."""
    return {
        "number": row.number, "type": row.claim_type, "status": row.status,
        "participant": {"name": row.participant_name, "kpj": row.kpj, "nik": row.nik_masked},
        "event_date": row.event_date, "filed_on": row.filed_on, "cause": row.cause,
        "eligible": row.eligible, "late": row.late,
        "findings": [{"ok": f.ok, "text": f.text} for f in row.findings],
        "lines": [{"code": ln.code, "label": ln.label, "amount": ln.amount, "rule": ln.rule,
                   "detail": ln.detail} for ln in row.lines],
        "total": row.total_amount,
        "documents": [{"key": d.key, "label": d.label, "required": d.required,
                       "received": d.received} for d in row.documents],
        "documents_complete": row.documents_complete,
        "recipients": [{"name": r.name, "relationship": r.relationship,
                        "bank_name": r.bank_name, "bank_account": r.bank_account}
                       for r in row.recipients],
        "created_by": row.created_by, "verified_by": row.verified_by,
        "approved_by": row.approved_by, "paid_on": row.paid_on,
        "transfer_reference": row.transfer_reference, "status_reason": row.status_reason,
        "events": [{"at": e.at, "user": e.username, "action": e.action, "from": e.from_status,
                    "to": e.to_status, "reason": e.reason, "reference": e.reference}
                   for e in row.events],
        "payment_deadline": timing_json(row.payment_timing(today)) if today else None,
    }


def _timing_text(timing: Any) -> str:
    from branch_desk.domain.money import format_rupiah

    if timing is None:
        return ""
    text = f"Batas bayar BPJS {timing.due:%d-%m-%Y} ({timing.source}): "
    if timing.late:
        text += f"terlambat {timing.days_late} hari"
        if timing.compensation:
            text += f", kompensasi kepada peserta {format_rupiah(timing.compensation)}"
    elif timing.paid:
        text += "dibayar tepat waktu"
    else:
        text += f"sisa {timing.days_left} hari"
    return text + "."


def _claim_text(row: Any, today: date | None = None) -> str:
    from branch_desk.domain.money import format_rupiah

    out = [f"{row.number}  {row.type_label}  [{row.status_label}]",
           f"Peserta: {row.participant_name} (KPJ {row.kpj})",
           "Layak" if row.eligible else "TIDAK MEMENUHI SYARAT"]
    out += [f"  {'✓' if f.ok else '✗'} {f.text}" for f in row.findings]
    out += [f"  {ln.label:<48} {format_rupiah(ln.amount):>18}" for ln in row.lines]
    out.append(f"  {'Jumlah':<48} {format_rupiah(row.total_amount):>18}")
    missing = [d.key for d in row.missing_documents]
    out.append("Dokumen lengkap." if not missing else "Dokumen belum diterima: " +
               ", ".join(missing))
    timing = _timing_text(row.payment_timing(today)) if today else ""
    if timing:
        out.append(timing)
    return "\n".join(out)


def _write(ctx: Context, fn: Any, **kwargs: Any) -> Any:
    """`fn(uow, **kwargs)` in a writing unit of work as `--user`, committed."""
    with ctx.writing() as uow:
        result = fn(uow, **kwargs)
        uow.commit()
    return result


def _new(ctx: Context) -> int:
    from branch_desk.services.claims.data import ClaimData, ClaimFactsData
    from branch_desk.services.claims.workflow import new_claim

    a = ctx.args
    facts = ClaimFactsData(
        wage=a.wage, outcome=a.outcome, medical_cost=a.medical_cost, transport=a.transport,
        transport_cost=a.transport_cost, stmb_months=a.stmb_months,
        disability_percent=a.disability_percent, anatomic_case=a.anatomic_case,
        off_site=a.off_site, reported_on=a.reported_on,
        children=tuple(_child(c) for c in a.child), jht_kind=a.jht_kind, balance=a.balance,
        requested=a.requested, jht_partial_taken=a.jht_partial_taken,
        accumulated_contributions=a.balance if a.type == "JP" else 0, jp_kind=a.jp_kind,
        jht_reason=a.jht_reason, phk_reason=a.phk_reason, employer_size=a.employer_size,
        outcome_on=a.outcome_on, stage2_reported_on=a.stage2_reported_on,
        heir_order_reason=a.heir_order_reason, pmi_phase=a.pmi_phase,
        pmi_benefits=tuple(_pmi_benefit(b) for b in a.pmi_benefit))
    data = ClaimData(participant=a.participant, claim_type=a.type, event_date=a.event_date,
                     cause=a.cause, place=a.place, description=a.description,
                     recipients=tuple(_heir(h) for h in a.heir), received=tuple(a.received),
                     facts=facts)
    row = _write(ctx, new_claim, data=data, today=ctx.today())
    ctx.emit(claim_json(row, ctx.today()), lambda: _claim_text(row, ctx.today()))
    return 0


def _documents(ctx: Context) -> int:
    from branch_desk.services.claims.workflow import mark_documents

    a = ctx.args
    row = _write(ctx, mark_documents, number=a.number, received=a.received or None,
                 all_received=a.all_received, today=ctx.today())
    ctx.emit(claim_json(row, ctx.today()), lambda: _claim_text(row, ctx.today()))
    return 0


def _advance(ctx: Context) -> int:
    from branch_desk.services.claims.workflow import advance_claim

    a = ctx.args
    row = _write(ctx, advance_claim, number=a.number, to=a.to, reason=a.reason,
                 reference=a.reference, returned_on=a.returned_on, today=ctx.today())
    ctx.emit(claim_json(row, ctx.today()),
             f"Klaim {row.number} sekarang berstatus {row.status_label}.")
    return 0


def _receipt(ctx: Context) -> int:
    from branch_desk.services.claims.printing import print_claim_receipt

    path = _write(ctx, print_claim_receipt, number=ctx.args.number, out=ctx.args.out,
                  today=ctx.today())
    ctx.emit({"number": ctx.args.number, "out": str(path)}, f"Tanda terima berkas: {path}")
    return 0


def _statement(ctx: Context) -> int:
    from branch_desk.services.claims.printing import print_claim_statement

    path = _write(ctx, print_claim_statement, number=ctx.args.number, out=ctx.args.out,
                  today=ctx.today())
    ctx.emit({"number": ctx.args.number, "out": str(path)}, f"Bukti pembayaran: {path}")
    return 0


def _show(ctx: Context) -> int:
    from branch_desk.services.claims.queries import get_claim

    with ctx.reading() as uow:
        row = get_claim(uow, ctx.args.number)
    ctx.emit(claim_json(row, ctx.today()), lambda: _claim_text(row, ctx.today()))
    return 0


def _list(ctx: Context) -> int:
    from branch_desk.domain.money import format_rupiah
    from branch_desk.services.claims.queries import list_claims

    a = ctx.args
    with ctx.reading() as uow:
        rows = list_claims(uow, status=a.status, claim_type=a.type, search=a.search,
                           overdue_on=ctx.today() if a.overdue else None)
    ctx.emit(rows, lambda: "\n".join(
        f"{r.number:<24} {r.status_label:<13} {r.participant_name:<30} "
        f"{format_rupiah(r.total_amount):>16}" for r in rows) or "(tidak ada klaim)")
    return 0


def _recap(ctx: Context) -> int:
    from branch_desk.services.claims.recap import (
        RecapFilter,
        claims_recap,
        write_recap_pdf,
        write_recap_xlsx,
    )

    a = ctx.args
    with ctx.reading() as uow:
        recap = claims_recap(uow, criteria=RecapFilter(a.date_from, a.date_to, a.partner,
                                                       a.program, a.region))
    if a.xlsx:
        write_recap_xlsx(a.xlsx, recap)
    if a.pdf:
        write_recap_pdf(a.pdf, recap, today=ctx.today())
    ctx.emit(recap.as_json(), lambda: _recap_text(recap))
    return 0


def _recap_text(recap: Any) -> str:
    from branch_desk.domain.money import format_rupiah

    out = [f"Rekap klaim {recap.criteria.date_from} s.d. {recap.criteria.date_to}"]
    out += [f"  {p.program:<9} {p.count:>6} klaim  {format_rupiah(p.total):>20}"
            for p in recap.programs]
    out.append(f"  {'Jumlah':<9} {recap.count:>6} klaim  {format_rupiah(recap.total):>20}")
    if recap.late_payments:
        out.append(f"Dibayar melewati batas BPJS: {len(recap.late_payments)} klaim, kompensasi "
                   f"kepada peserta {format_rupiah(recap.late_compensation)}")
        out += [f"  {p.number:<24} terlambat {p.days_late} hari  "
                f"{format_rupiah(p.compensation):>16}" for p in recap.late_payments]
    return "\n".join(out)
