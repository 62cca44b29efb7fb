"""Kemendagri region table (DOMAIN.md §7.3, data/README.md)."""

from __future__ import annotations

import importlib
import sys

import pytest

from branch_desk.domain import regions
from branch_desk.domain.errors import NotFound, ValidationError
from branch_desk.domain.regions import (
    Region,
    children,
    district_of,
    full_name,
    normalise_code,
    place_name,
    province_of,
    provinces,
    regency_of,
    region,
    search_regions,
    search_villages,
    successor,
)
from branch_desk.domain.resources_path import resource_path


def test_packaged_csvs_and_licence_are_found() -> None:
    for name in ("wilayah_2025.csv", "wilayah_2022.csv", "LICENSE-cahyadsn-wilayah"):
        assert resource_path("wilayah", name).is_file()


def test_import_is_lazy_and_preload_loads() -> None:
    # (How fast the load is belongs to the benchmarks: a wall-clock limit here failed on a
    # loaded CI machine.)
    sys.modules.pop("branch_desk.domain.regions", None)
    fresh = importlib.import_module("branch_desk.domain.regions")
    try:
        assert fresh._tables is None
        fresh.preload()
        assert fresh._tables is not None and fresh.region("73.09") is not None
    finally:
        sys.modules["branch_desk.domain.regions"] = regions


@pytest.mark.parametrize(
    ("text", "dotted"),
    [
        ("73", "73"),
        ("7309", "73.09"),
        ("73.09", "73.09"),
        ("730906", "73.09.06"),
        ("73 09 06", "73.09.06"),
        ("7309062002", "73.09.06.2002"),
        ("73.09.06.2002", "73.09.06.2002"),
        ("\u200b73.09\u00a0", "73.09"),
    ],
)
def test_normalise_code(text: str, dotted: str) -> None:
    assert normalise_code(text) == dotted


@pytest.mark.parametrize("text", ["", "7", "730", "73.9", "73090620", "abc", "73.09.06.200x"])
def test_normalise_code_rejects_malformed(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_code(text)
    assert "Kode wilayah" in caught.value.message


@pytest.mark.parametrize(
    ("code", "name", "level", "kind"),
    [
        ("73", "Sulawesi Selatan", "provinsi", "Provinsi"),
        ("73.09", "Kabupaten Maros", "kabupaten", "Kabupaten"),
        ("73.08", "Kabupaten Bone", "kabupaten", "Kabupaten"),  # not Maros (BPS numbering)
        ("7604", "Kabupaten Polewali Mandar", "kabupaten", "Kabupaten"),
        ("73.73", "Kota Palopo", "kabupaten", "Kota"),
        ("74.07", "Kabupaten Wakatobi", "kabupaten", "Kabupaten"),
        ("74.71", "Kota Kendari", "kabupaten", "Kota"),
        ("73.09.06", "Malllawa", "kecamatan", "Kecamatan"),
        ("96.71.01", "Sorong", "kecamatan", "Distrik"),
        ("73.09.12.2005", "Marannu", "desa", "Desa"),
        ("73.09.12.1001", "Allepolea", "desa", "Kelurahan"),
        ("91.03.01.3007", "Desa Adat Yoboi", "desa", "Desa Adat"),
        ("31.72", "Kota Administrasi Jakarta Utara", "kabupaten", "Kota"),  # trailing space in CSV
    ],
)
def test_region_current(code: str, name: str, level: str, kind: str) -> None:
    found = region(code)
    assert found is not None
    assert (found.name, found.level, found.kind, found.historic) == (name, level, kind, False)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("92.71", "Kota Sorong"),  # KOTA SORONG in 2022, now 96.71
        ("92.01", "Kabupaten Sorong"),  # KAB. SORONG
        ("92.71.01", "Sorong"),
    ],
)
def test_region_falls_back_to_2022_with_title_case(code: str, name: str) -> None:
    found = region(code)
    assert found == Region(normalise_code(code), name, found.level, historic=True)


@pytest.mark.parametrize("code", ["99", "73.99", "73.09.99", "73.09.06.9999"])
def test_unknown_region_is_none(code: str) -> None:
    assert region(code) is None


def test_parents() -> None:
    code = "7309122005"
    assert province_of(code) == region("73")
    assert regency_of(code) == region("73.09")
    assert district_of(code) == region("73.09.12")
    assert regency_of("73") is None
    assert district_of("73.09") is None
    assert district_of("73.09.12") == region("73.09.12")


def test_children() -> None:
    assert len(provinces()) == 38
    assert len(children("73.09")) == 14  # Maros: 14 kecamatan
    assert len(children("73.73")) == 9  # Palopo
    assert len(children("76.04")) == 16  # Polewali Mandar
    assert len(children("74.07")) == 8  # Wakatobi
    villages = children("73.09.06")
    assert [v.name for v in villages][:2] == ["Sabila", "Padaelo"]
    assert all(v.level == "desa" for v in villages)
    assert sum(len(children(d.code)) for d in children("73.09")) == 103
    old = children("92.71")
    assert old and all(r.historic for r in old)
    assert children("73.09.06.1001") == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("73.09.12.2005", "Desa Marannu, Kec. Lau, Kabupaten Maros, Sulawesi Selatan"),
        ("73.73.01.1001", "Kelurahan Tompotikka, Kec. Wara, Kota Palopo, Sulawesi Selatan"),
        ("73.09.06", "Kec. Malllawa, Kabupaten Maros, Sulawesi Selatan"),
        ("76.04", "Kabupaten Polewali Mandar, Sulawesi Barat"),
        ("74", "Sulawesi Tenggara"),
        ("96.71.01", "Distrik Sorong, Kota Sorong, Papua Barat Daya"),
        ("91.03.01.3007", "Desa Adat Yoboi, Distrik Sentani, Kabupaten Jayapura, Papua"),
        ("92.71.01", "Distrik Sorong, Kota Sorong, Papua Barat"),  # 2022 list
    ],
)
def test_full_name(code: str, expected: str) -> None:
    assert full_name(code) == expected


def test_full_name_unknown_raises_not_found() -> None:
    with pytest.raises(NotFound):
        full_name("73.99")


def test_successor_of_split_region() -> None:
    assert successor("92.71.01") == region("96.71.01")
    assert successor("73.09.06") is None  # still current


@pytest.mark.parametrize(
    ("text", "within", "first_code"),
    [
        ("Mallawa", "73.09", "73.09.06.1001"),  # decree spelling Malllawa
        ("Malllawa", "73.09", "73.09.06.1001"),
        ("sabila mallawa", None, "73.09.06.1001"),
        ("Marannu", "7309", "73.09.12.2005"),
        ("MARANNU", None, "73.09.12.2005"),
        ("Desa Marannu", "73.09", "73.09.12.2005"),
        ("tompotikka", None, "73.73.01.1001"),
        ("Bonto Marannu", None, "73.03.06.2001"),
        ("bontomarannu", None, "73.01.04.2008"),
        ("Mandonga", "74.71", "74.71.01.1005"),
        ("Mate'ne", "73.09", "73.09.01.2005"),  # Bonto Mate'ne
        ("matene", "73.09", "73.09.01.2005"),
        ("Bontó", "73.09.01", "73.09.01.1002"),  # accents ignored: Bontoa
    ],
)
def test_search_villages(text: str, within: str | None, first_code: str) -> None:
    found = search_villages(text, within=within)
    assert found, text
    assert found[0].code == first_code
    assert all(r.level == "desa" for r in found)
    if within:
        assert all(r.code.startswith(normalise_code(within) + ".") for r in found)


def test_search_mallawa_finds_both_the_village_and_the_district() -> None:
    found = [r.code for r in search_villages("Mallawa")]
    assert found[0] == "73.11.05.1002"  # a village really named Mallawa
    assert "73.09.06.1001" in found  # villages of kecamatan Malllawa
    assert search_regions("Mallawa", level="kecamatan")[0].code == "73.09.06"


def test_search_limits_and_empty() -> None:
    assert len(search_villages("ma", limit=7)) == 7
    assert search_villages("   ") == []
    assert search_villages("zzzqqq") == []


def test_search_index_is_built_once() -> None:
    search_villages("warm up")
    built = dict(regions._search)
    assert built  # the word index is kept after the first search …
    search_villages("Marannu")
    assert all(regions._search[key] is index for key, index in built.items())  # … and reused


@pytest.mark.parametrize(("code", "place"), [
    ("73.09", "Maros"), ("73.73", "Palopo"), ("74.07", "Wakatobi"), ("76.04", "Polewali Mandar"),
])
def test_place_name_is_the_regency_without_its_kind(code, place):
    assert place_name(region(code)) == place


@pytest.mark.parametrize(("code", "label"), [
    ("73.09.01.2003", "Tenrigangkae (Kec. Mandai)"),
    ("7309012003", "Tenrigangkae (Kec. Mandai)"),
    ("", ""),
    ("99.99.99.9999", "99.99.99.9999"),  # not in the list: shown as stored, never hidden
])
def test_village_label_names_the_village_and_its_district(code, label):
    assert regions.village_label(code) == label


def test_village_label_in_full_ends_with_the_code():
    assert regions.village_label("73.09.01.2003", full=True) == (
        "Desa Tenrigangkae, Kec. Mandai, Kabupaten Maros, Sulawesi Selatan — 73.09.01.2003")
