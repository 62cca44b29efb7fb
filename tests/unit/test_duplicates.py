"""Likely-duplicate rules (domain.duplicates): same name + birth date, or a near-identical
name in the same village; Sulawesi abbreviations and honorifics do not hide a duplicate."""

from __future__ import annotations

from datetime import date

import pytest

from branch_desk.domain.duplicates import (
    PersonKey,
    likely_duplicate_reason,
    name_similarity,
    near_identical,
    normalise_name,
    same_name,
)
from branch_desk.domain.occupations import OCCUPATIONS, match_occupation

BORN = date(1985, 7, 5)
MARANNU = "73.09.06.2002"
OTHER = "73.09.01.2003"


@pytest.mark.parametrize("a, b", [
    ("Muh. Ali Dg. Tata", "MUHAMMAD ALI DAENG TATA"),
    ("Hj. Sitti Aminah", "Sitti Aminah"),
    ("Siti Aminah", "Sitti Aminah"),
    ("Abd. Rahman", "Abdul Rahman"),
    ("Ma'ruf", "MARUF"),
])
def test_same_name_after_normalising(a, b):
    assert same_name(a, b)


def test_normalise_keeps_a_name_made_of_titles():
    assert normalise_name("H.") == "h"


@pytest.mark.parametrize("a, b, near", [
    ("Andi Baso", "Andy Baso", True),
    ("Nurhayati", "Nurhayti", True),
    ("Rahman Saleh", "Saleh Rahman", True),  # word order
    ("Andi Baso", "Andi Basri", False),
    ("Sitti Aminah", "Nur Aminah", False),
])
def test_near_identical(a, b, near):
    assert near_identical(a, b) is near
    assert 0.0 <= name_similarity(a, b) <= 1.0


@pytest.mark.parametrize("new, existing, reason", [
    (PersonKey("Sitti Aminah", BORN, MARANNU), PersonKey("Hj. Siti Aminah", BORN, OTHER),
     "nama dan tanggal lahir sama"),
    (PersonKey("Andy Baso", date(1990, 1, 1), MARANNU), PersonKey("Andi Baso", BORN, MARANNU),
     "nama hampir sama di desa/kelurahan yang sama"),
    (PersonKey("Andi Baso", date(1990, 1, 1), MARANNU), PersonKey("ANDI BASO", BORN, MARANNU),
     "nama sama di desa/kelurahan yang sama"),
    (PersonKey("Andy Baso", date(1990, 1, 1), MARANNU), PersonKey("Andi Baso", BORN, OTHER),
     None),  # near-identical, but another village and another birth date
    (PersonKey("Andi Basri", BORN, MARANNU), PersonKey("Andi Baso", BORN, MARANNU), None),
])
def test_likely_duplicate_reason(new, existing, reason):
    assert likely_duplicate_reason(new, existing) == reason


@pytest.mark.parametrize("typed, label", [
    ("NELAYAN TRADISIONAL", "Nelayan"), ("ojek", "Tukang ojek"), ("Bentor", "Tukang bentor"),
    ("Imam Masjid", "Imam masjid"), ("pegawai syara", "Pekerja keagamaan"),
    ("Ketua RT", "Ketua RT"), ("BPD", "Anggota BPD"), ("Kaur", "Perangkat desa"),
    ("honorer", "Pegawai non-ASN"), ("pedagang asongan", "Pedagang asongan"),
    ("buruh", "Buruh harian lepas"), ("petani", "Petani"), ("Penjahit", "Penjahit"),
])
def test_occupations_cover_the_seeds(typed, label):
    assert match_occupation(typed) == label
    assert len(set(OCCUPATIONS)) == len(OCCUPATIONS)
