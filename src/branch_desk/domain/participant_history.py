"""How an officer reads a participant's history (from the audit log): which fields it shows
and their labels, the summary of one audited change, and its values as text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from branch_desk.domain.dates import format_date
from branch_desk.domain.money import format_rupiah
from branch_desk.domain.programs import FundingSource, Program, Segment
from branch_desk.domain.regions import village_label
from branch_desk.domain.registration import DEATH_PREFIX

FIELD_LABELS = {
    "nik": "NIK", "name": "Nama", "birth_date": "Tanggal lahir", "sex": "Jenis kelamin",
    "address": "Alamat", "village_code": "Desa/kelurahan", "phone": "No. HP",
    "occupation": "Pekerjaan", "segment": "Segmen", "funding_source": "Sumber dana",
    "partner_id": "Mitra", "income": "Penghasilan", "tmt": "TMT", "status": "Status",
    "status_reason": "Alasan status", "programs": "Program", "relationship": "Hubungan",
    "bank_account": "Rekening", "program": "Program", "start_date": "Mulai",
    "end_date": "Berakhir", "deleted": "Dihapus", "kpj": "KPJ", "registered_on": "Terdaftar",
}
# What an entry of the history says happened (whole phrases, so the interface can show each
# in English: scripts/extract_messages.py takes them into the message catalogue).
_SUMMARIES = {
    ("participants", "insert"): "Data peserta dicatat",
    ("participants", "update"): "Data peserta diubah",
    ("participants", "delete"): "Data peserta dihapus",
    ("participants", "view_nik"): "NIK lengkap dilihat",
    ("heirs", "insert"): "Ahli waris dicatat", ("heirs", "update"): "Ahli waris diubah",
    ("heirs", "delete"): "Ahli waris dihapus",
    ("enrolments", "insert"): "Program dicatat", ("enrolments", "update"): "Program diubah",
    ("enrolments", "delete"): "Program dihapus",
}
_EVENTS = {"correct_nik": "NIK dikoreksi", "died": "Peserta meninggal dunia",
           "deactivated": "Peserta dinonaktifkan", "reactivated": "Peserta diaktifkan kembali"}


def summary(table: str, action: str, status_after: str | None,
            reason_after: str | None = None) -> str:
    """What happened, e.g. "Data peserta diubah", "Peserta dinonaktifkan", "Peserta
    meninggal dunia" (a status reason written by `registration.death_reason`)."""
    if action in _EVENTS:
        return _EVENTS[action]
    if table == "participants" and status_after == "nonaktif":
        if reason_after and reason_after.startswith(DEATH_PREFIX + " "):
            return _EVENTS["died"]
        return _EVENTS["deactivated"]
    if table == "participants" and status_after == "aktif" and action == "update":
        return _EVENTS["reactivated"]
    if (table, action) in _SUMMARIES:
        return _SUMMARIES[(table, action)]
    if action == "view_nik":
        return _SUMMARIES[("participants", "view_nik")]
    return f"{table} {action}"  # an entry this page does not know: as stored, never lost


_SEX = {"L": "Laki-laki", "P": "Perempuan"}
_VALUE_WORDS = {"yes": "Ya", "no": "Tidak", "other_partner": "mitra lain"}
_DATE_FIELDS = frozenset({"birth_date", "tmt", "start_date", "end_date", "registered_on"})


def _label_of(kind: type[Segment] | type[FundingSource] | type[Program], value: str) -> str:
    try:
        return kind(value).label
    except ValueError:
        return value


def field_text(field: str, value: Any, *, partners: Mapping[str, str] | None = None) -> str | None:
    """A recorded value of `field` in an officer's words: dates the Indonesian way, the sex,
    segment and funding in words, a village by name, a partner by name (from `partners`, id →
    name), income in rupiah, programmes by their names; None stays None."""
    if value is None:
        return None
    if field == "sex":
        return _SEX.get(str(value), str(value))
    if field == "village_code":
        return village_label(str(value)) if value else ""
    if field == "partner_id":
        return (partners or {}).get(str(value), _VALUE_WORDS["other_partner"]) if value else ""
    if field == "income" and isinstance(value, int) and not isinstance(value, bool):
        return format_rupiah(value)
    if field == "segment":
        return _label_of(Segment, str(value))
    if field == "funding_source":
        return _label_of(FundingSource, str(value))
    if field in ("programs", "program"):
        codes = value if isinstance(value, list) else str(value).split()  # "JKK JKM"
        return ", ".join(f"{_label_of(Program, str(code))} ({code})" for code in codes)
    if isinstance(value, bool):
        return _VALUE_WORDS["yes" if value else "no"]
    if field in _DATE_FIELDS and isinstance(value, str) and value:
        try:
            return format_date(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return str(value)


def value_text(value: str | None) -> str:
    """A field's value as shown: "—" for none."""
    return "—" if value is None else value


def labelled_changes(
        changes: Iterable[tuple[str, str | None, str | None]]) -> tuple[tuple[str, str, str], ...]:
    """(field, before, after) as (label, before text, after text)."""
    return tuple((FIELD_LABELS.get(field, field), value_text(before), value_text(after))
                 for field, before, after in changes)
