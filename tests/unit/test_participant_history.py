"""How a participant's history reads: the summary of each audited change and its values."""

from __future__ import annotations

import pytest

from branch_desk.domain.participant_history import labelled_changes, summary


@pytest.mark.parametrize(("table", "action", "status", "expected"), [
    ("participants", "insert", "aktif", "Data peserta dicatat"),
    ("participants", "update", None, "Data peserta diubah"),
    ("participants", "update", "nonaktif", "Peserta dinonaktifkan"),
    ("participants", "update", "aktif", "Peserta diaktifkan kembali"),
    ("participants", "view_nik", None, "Data peserta NIK lengkap dilihat"),
    ("heirs", "insert", None, "Ahli waris dicatat"),
    ("enrolments", "delete", None, "Program dihapus"),
    ("claims", "approve", None, "claims approve"),  # unknown: shown as stored, never lost
])
def test_summary(table, action, status, expected):
    assert summary(table, action, status) == expected


def test_death_and_nik_correction_read_as_such():
    assert summary("participants", "update", "nonaktif",
                   "Meninggal dunia 20-06-2025: Akta kematian") == "Peserta meninggal dunia"
    assert summary("participants", "update", "nonaktif", "Meninggal duniawi") == \
        "Peserta dinonaktifkan"
    assert summary("participants", "correct_nik", None) == "NIK dikoreksi"


def test_changes_are_labelled_and_none_reads_as_a_dash():
    assert labelled_changes([("phone", "", "08123456"), ("status_reason", None, "Pindah"),
                             ("unknown_field", "a", None)]) == (
        ("No. HP", "", "08123456"), ("Alasan status", "—", "Pindah"),
        ("unknown_field", "a", "—"))
