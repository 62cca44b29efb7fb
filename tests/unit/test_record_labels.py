"""The audit log in an officer's words: record kinds, fields, subjects and values."""

from __future__ import annotations

from branch_desk.domain.record_labels import (
    record_subject,
    shown_changes,
    table_label,
    value_text,
)


def test_values_read_the_indonesian_way():
    assert value_text("2025-01-15") == "15 Januari 2025"
    assert value_text("2026-12-06T05:08:30.473779+00:00") == "6 Desember 2026 13.08 WITA"
    assert value_text(True) == "Ya" and value_text(False) == "Tidak"
    assert value_text(None) == "—" and value_text("") == "—"
    assert value_text(42_000_000) == "42000000"


def test_changes_leave_out_internal_columns_and_name_the_fields():
    changes = shown_changes(
        {"status": "terbit", "paid_on": None, "version": 1},
        {"status": "lunas", "paid_on": "2025-02-14", "version": 2, "lamport": 9,
         "updated_at": "2025-02-14T01:00:00+00:00", "id": "01a2"})
    assert changes == [("Status", "terbit", "lunas"),
                       ("Tanggal bayar", "—", "14 Februari 2025")]


def test_subjects_name_records_without_their_nik():
    assert record_subject("participants", {"nik": "7309102706990001", "kpj": "37500000015",
                                           "name": "Rusli Daeng Nai"}) == \
        "Rusli Daeng Nai (KPJ 37500000015)"
    assert record_subject("claims", {"number": "JKM/MRS/2025/000001"}) == "JKM/MRS/2025/000001"
    assert record_subject("coverage_targets", {"region_code": "73.73", "year": 2024}) == \
        "Target cakupan Kota Palopo 2024"
    assert record_subject("contribution_bills", {"status": "lunas"}) == ""  # an update
    assert table_label("contribution_entries") == "Pembayaran iuran"
    assert table_label("something_new") == "something_new"


def test_what_a_document_certifies_reads_as_on_the_paper():
    from branch_desk.domain.record_labels import certified_lines

    lines = certified_lines({"kpj": "37500000015", "amount": 333900,
                             "first_month": "2027-01-01", "months": 12,
                             "paid_on": "2026-12-06"})
    assert lines == [("KPJ", "37500000015"), ("Jumlah", "Rp333.900"),
                     ("Mulai bulan", "Januari 2027"), ("Jumlah bulan", "12"),
                     ("Tanggal bayar", "6 Desember 2026")]
    assert certified_lines({"pekerja": 13595, "manfaat": 0}) == [
        ("Jumlah pekerja", "13.595"), ("Manfaat dibayar", "Rp0")]
    assert certified_lines(None) == []
