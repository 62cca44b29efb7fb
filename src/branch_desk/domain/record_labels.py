"""How the audit log reads to an officer or an auditor: a name for each kind of record
("Peserta", "Klaim"), for each field ("Tanggal lahir"), a line that says which record an
entry is about ("Rusli Daeng Nai (KPJ 37500000015)", "JKM/MRS/2025/000001"), and values
written the Indonesian way. Internal columns (ids, versions, clocks) are not shown."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from branch_desk.domain import regions
from branch_desk.domain.dates import format_date, format_datetime
from branch_desk.domain.participant_history import FIELD_LABELS as PARTICIPANT_FIELDS

TABLE_LABELS: dict[str, str] = {
    "participants": "Peserta", "heirs": "Ahli waris", "enrolments": "Program peserta",
    "partners": "Mitra", "agreements": "PKS", "certificates": "Piagam",
    "contribution_entries": "Pembayaran iuran", "contribution_bills": "Tagihan Pemda",
    "contribution_bill_lines": "Rincian tagihan", "payment_schedules": "Jadwal iuran",
    "coverage_targets": "Target cakupan", "coverage_spells": "Masa kepesertaan",
    "claims": "Klaim", "claim_documents": "Dokumen klaim", "claim_recipients": "Penerima klaim",
    "claim_benefit_lines": "Rincian manfaat klaim", "claim_events": "Langkah klaim",
    "issued_documents": "Dokumen tercetak", "users": "Pengguna", "offices": "Kantor",
    "office_keys": "Kunci kantor", "settings": "Pengaturan", "sync_peers": "Kantor mitra sinkron",
    "sync_files": "Berkas sinkronisasi", "sync_conflicts": "Konflik sinkronisasi",
    "duplicate_cases": "Dugaan data ganda",
}

FIELD_LABELS: dict[str, str] = {
    **PARTICIPANT_FIELDS,
    "number": "Nomor", "claim_type": "Jenis klaim", "participant_id": "Peserta",
    "event_date": "Tanggal kejadian", "filed_on": "Tanggal diajukan", "cause": "Penyebab",
    "place": "Tempat", "description": "Uraian", "total_amount": "Jumlah manfaat",
    "paid_on": "Tanggal bayar", "reference": "Referensi", "amount": "Jumlah",
    "first_month": "Bulan pertama", "months": "Jumlah bulan", "payer": "Pembayar",
    "kind": "Jenis", "bill_id": "Tagihan", "workers": "Jumlah pekerja", "total": "Total",
    "issued_on": "Tanggal terbit", "signed_on": "Tanggal tanda tangan", "budget": "Anggaran",
    "username": "Nama pengguna", "full_name": "Nama lengkap", "role": "Peran",
    "active": "Aktif", "failed_logins": "Gagal masuk", "locked_until": "Terkunci sampai",
    "last_login_at": "Terakhir masuk", "password_changed_at": "Kata sandi diganti",
    "label": "Dokumen", "required": "Wajib", "received": "Diterima",
    "received_on": "Tanggal diterima", "bank": "Bank", "account_number": "No. rekening",
    "account_holder": "Pemilik rekening", "share": "Bagian", "year": "Tahun",
    "region_code": "Wilayah", "head_name": "Nama kepala", "head_title": "Jabatan kepala",
    "action": "Langkah", "from_status": "Dari status", "to_status": "Ke status",
    "reason": "Alasan", "note": "Catatan", "on_date": "Tanggal", "citation": "Kutipan",
    "as_of": "Per tanggal", "signer": "Penanda tangan", "signer_title": "Jabatan penanda tangan",
    "eligible": "Layak", "late": "Terlambat", "position": "Urutan", "key": "Kode",
}

# Columns kept for the machine: shown to nobody in the audit browser.
HIDDEN_FIELDS = frozenset({
    "id", "version", "created_at", "updated_at", "updated_by", "lamport", "origin_office",
    "name_search", "password_hash", "row_hash", "claim_id",
})

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def table_label(table: str) -> str:
    """The kind of record in words; an unknown table as it is."""
    return TABLE_LABELS.get(table, table)


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field.replace("_", " "))


def value_text(value: Any) -> str:
    """A recorded value as an officer reads it: dates the Indonesian way, yes/no, "—"."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            return format_date(date.fromisoformat(value))
        if _ISO_MOMENT.match(value):
            try:
                return format_datetime(datetime.fromisoformat(value))
            except ValueError:
                return value
    return str(value)


def shown_changes(before: Mapping[str, Any] | None,
                  after: Mapping[str, Any] | None) -> list[tuple[str, str, str]]:
    """(label, before, after) of every field an entry recorded, internal columns left out."""
    before, after = before or {}, after or {}
    keys = sorted((k for k in set(before) | set(after) if k not in HIDDEN_FIELDS),
                  key=field_label)
    return [(field_label(k), value_text(before.get(k)) if k in before else "",
             value_text(after.get(k)) if k in after else "") for k in keys]


def record_subject(table: str, values: Mapping[str, Any]) -> str:
    """Which record an entry is about, from the values it recorded ("" when they do not
    say: an update records only what changed). A NIK is never part of it."""
    name, number = values.get("name"), values.get("number")
    if table == "participants" and name:
        kpj = values.get("kpj")
        return f"{name} (KPJ {kpj})" if kpj else str(name)
    if number:
        return str(number)
    if table == "users" and values.get("username"):
        return str(values["username"])
    if table == "enrolments" and values.get("program"):
        return f"Program {values['program']}"
    if table == "claim_documents" and values.get("label"):
        return str(values["label"])
    if table == "coverage_targets" and values.get("region_code"):
        region = regions.region(str(values["region_code"]))
        place = region.name if region else str(values["region_code"])
        year = values.get("year")
        return f"Target cakupan {place} {year}" if year else f"Target cakupan {place}"
    if name:
        return str(name)
    return ""


# What a document's QR certifies (services.partners.verification summaries), by key.
_CERTIFIED: dict[str, str] = {
    "kpj": "KPJ", "amount": "Jumlah", "first_month": "Mulai bulan", "months": "Jumlah bulan",
    "paid_on": "Tanggal bayar", "partner": "Mitra", "workers": "Jumlah pekerja",
    "total": "Jumlah", "jenis": "Jenis klaim", "peserta": "Peserta", "status": "Status",
    "dokumen_diterima": "Dokumen diterima", "mitra": "Mitra", "nomor_mitra": "Nomor mitra",
    "tanggal": "Tanggal", "program": "Program", "pekerja": "Jumlah pekerja",
    "anggaran": "Anggaran", "mulai": "Mulai", "berakhir": "Berakhir", "manfaat": "Manfaat dibayar",
    "per_tanggal": "Per tanggal",
}
_MONEY_KEYS = frozenset({"amount", "total", "anggaran", "manfaat"})


def certified_lines(summary: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """(label, value) of what a verified document states, written as on the paper:
    "Jumlah: Rp333.900", "Mulai bulan: Januari 2027" — never "amount: 333900"."""
    from branch_desk.domain.coverage import month_label
    from branch_desk.domain.money import format_count, format_rupiah

    lines = []
    for key, value in (summary or {}).items():
        label = _CERTIFIED.get(key, field_label(key))
        if key in _MONEY_KEYS and isinstance(value, int) and not isinstance(value, bool):
            text = format_rupiah(value)
        elif key == "first_month" and isinstance(value, str) and _ISO_DATE.match(value):
            text = month_label(date.fromisoformat(value))
        elif isinstance(value, int) and not isinstance(value, bool):
            text = format_count(value)
        else:
            text = value_text(value)
        lines.append((label, text))
    return lines
