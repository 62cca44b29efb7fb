"""How an officer reads a participant's history (from the audit log): which fields it shows
and their labels, the summary of one audited change, and its values as text."""

from __future__ import annotations

from collections.abc import Iterable

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
_TABLE_WHAT = {"participants": "Data peserta", "heirs": "Ahli waris", "enrolments": "Program"}
_ACTION_WHAT = {"insert": "dicatat", "update": "diubah", "delete": "dihapus",
                "view_nik": "NIK lengkap dilihat"}
_EVENTS = {"correct_nik": "NIK dikoreksi"}


def summary(table: str, action: str, status_after: str | None,
            reason_after: str | None = None) -> str:
    """What happened, e.g. "Data peserta diubah", "Peserta dinonaktifkan", "Peserta
    meninggal dunia" (a status reason written by `registration.death_reason`)."""
    if action in _EVENTS:
        return _EVENTS[action]
    if table == "participants" and status_after == "nonaktif":
        if reason_after and reason_after.startswith(DEATH_PREFIX + " "):
            return "Peserta meninggal dunia"
        return "Peserta dinonaktifkan"
    if table == "participants" and status_after == "aktif" and action == "update":
        return "Peserta diaktifkan kembali"
    return f"{_TABLE_WHAT.get(table, table)} {_ACTION_WHAT.get(action, action)}"


def value_text(value: str | None) -> str:
    """A field's value as shown: "—" for none."""
    return "—" if value is None else value


def labelled_changes(
        changes: Iterable[tuple[str, str | None, str | None]]) -> tuple[tuple[str, str, str], ...]:
    """(field, before, after) as (label, before text, after text)."""
    return tuple((FIELD_LABELS.get(field, field), value_text(before), value_text(after))
                 for field, before, after in changes)
