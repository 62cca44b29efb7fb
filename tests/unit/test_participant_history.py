"""How a participant's history reads: the summary of each audited change and its values."""

from __future__ import annotations

import pytest

from branch_desk.domain.participant_history import field_text, labelled_changes, summary
from branch_desk.domain.regions import village_label


@pytest.mark.parametrize(("table", "action", "status", "expected"), [
    ("participants", "insert", "aktif", "Data peserta dicatat"),
    ("participants", "update", None, "Data peserta diubah"),
    ("participants", "update", "nonaktif", "Peserta dinonaktifkan"),
    ("participants", "update", "aktif", "Peserta diaktifkan kembali"),
    ("participants", "view_nik", None, "NIK lengkap dilihat"),
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


def test_recorded_values_read_in_an_officers_words():
    assert field_text("birth_date", "1985-07-04") == "4 Juli 1985"
    assert field_text("tmt", "2026-01-01") == "1 Januari 2026"
    assert field_text("sex", "P") == "Perempuan" and field_text("sex", "L") == "Laki-laki"
    assert field_text("village_code", "7309012003") == village_label("7309012003")
    assert "Tenrigangkae" in field_text("village_code", "7309012003")
    assert field_text("partner_id", "p-1", partners={"p-1": "Pemkab Maros"}) == "Pemkab Maros"
    assert field_text("partner_id", "p-2", partners={}) == "mitra lain"  # never the raw id
    assert field_text("income", 2_500_000) == "Rp2.500.000"
    assert field_text("segment", "BPU") == "Bukan Penerima Upah"
    assert field_text("funding_source", "APBD") == "APBD (Pemerintah Daerah)"
    assert field_text("programs", ["JKK", "JKM"]) == \
        "Jaminan Kecelakaan Kerja (JKK), Jaminan Kematian (JKM)"
    assert field_text("deleted", True) == "Ya"
    assert field_text("phone", None) is None and field_text("address", "") == ""
    assert field_text("birth_date", "bukan tanggal") == "bukan tanggal"
