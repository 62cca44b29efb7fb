"""Heads' titles on papers: the region or organisation named once."""

from __future__ import annotations

from datetime import date

import pytest

from branch_desk.documents.agreement_text import duration_words
from branch_desk.domain import regions
from branch_desk.domain.dates import period_length
from branch_desk.domain.officials import official_title


@pytest.mark.parametrize(("kind", "typed", "code", "name", "expected"), [
    ("pemkab", "", "73.09", "Pemerintah Kabupaten Maros", "Bupati Maros"),
    ("pemkab", "Bupati", "73.09", "Pemerintah Kabupaten Maros", "Bupati Maros"),
    ("pemkab", "Bupati Maros", "73.09", "Pemerintah Kabupaten Maros", "Bupati Maros"),
    ("pemkab", "bupati  maros", "73.09", "Pemerintah Kabupaten Maros", "bupati maros"),
    ("pemkot", "", "73.73", "Pemerintah Kota Palopo", "Wali Kota Palopo"),
    ("pemkot", "Wali Kota Palopo", "73.73", "Pemerintah Kota Palopo", "Wali Kota Palopo"),
    ("pemprov", "Gubernur", "73", "Pemerintah Provinsi Sulawesi Selatan",
     "Gubernur Sulawesi Selatan"),
    ("pemdes", "", "73.09.05.1001", "Pemerintah Desa Bontoa", "Kepala Desa Bontoa"),
    ("employer", "", "73.09", "PT Sinar Laut", "Direktur PT Sinar Laut"),
    ("employer", "Direktur Utama PT Sinar Laut", "73.09", "PT Sinar Laut",
     "Direktur Utama PT Sinar Laut"),
    ("organisation", "Ketua", "73.09", "Koperasi Nelayan Bahari", "Ketua Koperasi Nelayan Bahari"),
    ("pemkab", "Bupati", "99.99", "Pemerintah Kabupaten Entah", "Bupati"),
])
def test_official_title_names_the_place_once(kind, typed, code, name, expected):
    assert official_title(kind=kind, head_title=typed, region=regions.region(code),
                          partner_name=name) == expected


@pytest.mark.parametrize(("start", "end", "length", "words"), [
    (date(2025, 1, 15), date(2026, 1, 14), (12, 0), "12 (dua belas) bulan"),
    (date(2024, 3, 1), date(2025, 2, 28), (12, 0), "12 (dua belas) bulan"),
    (date(2025, 1, 1), date(2026, 12, 31), (24, 0), "2 (dua) tahun"),
    (date(2025, 3, 1), date(2025, 6, 10), (3, 10), "3 (tiga) bulan 10 (sepuluh) hari"),
    (date(2025, 3, 5), date(2026, 2, 28), (11, 24),
     "11 (sebelas) bulan 24 (dua puluh empat) hari"),
    (date(2025, 5, 1), date(2025, 5, 1), (0, 1), "1 (satu) hari"),
])
def test_agreement_duration_counts_both_ends(start, end, length, words):
    assert period_length(start, end) == length
    assert duration_words(start, end) == words
