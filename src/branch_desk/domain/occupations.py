"""Occupations the branches register, from the Pemda lists and news of Sulawesi.

The list is offered in the form; anything else may be typed as free text. Imports map
common spellings (``NELAYAN TRADISIONAL``, ``Ojek``, ``Imam Masjid``) to the listed label.
Each label belongs to a group; rules that depend on the kind of work (the PP 50/2025
discount for transport workers) ask for the group with `occupation_group`, never for a word.
"""

from __future__ import annotations

from branch_desk.domain.text import clean_name, fold

# (label, group, extra spellings); the label is what is stored and printed.
_OCCUPATIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Nelayan", "Pekerja rentan", ("nelayan tradisional", "nelayan kecil", "penangkap ikan")),
    ("Petani", "Pekerja rentan", ("petani penggarap", "buruh tani", "pekebun", "petani sawah")),
    ("Petambak", "Pekerja rentan", ("pembudidaya ikan", "petani tambak")),
    ("Peternak", "Pekerja rentan", ()),
    ("Pedagang asongan", "Pekerja rentan", ("asongan", "pedagang keliling")),
    ("Pedagang kecil", "Pekerja rentan", ("pedagang", "pedagang pasar", "penjual", "wiraswasta")),
    ("Tukang bentor", "Transportasi", ("bentor", "pengemudi bentor", "becak motor")),
    ("Tukang ojek", "Transportasi", ("ojek", "ojek pangkalan", "pengemudi ojek",
                                     "tukang ojek pangkalan")),
    ("Pengemudi ojek online", "Transportasi",
     ("ojol", "ojek online", "driver online", "driver ojol", "mitra ojol",
      "pengemudi ojol", "driver ojek online")),
    ("Sopir", "Transportasi", ("supir", "pengemudi", "sopir angkot", "supir angkot",
                               "sopir pete pete", "sopir truk", "sopir angkutan",
                               "pengemudi angkot", "pengemudi angkutan umum", "driver")),
    ("Kurir", "Transportasi", ("kurir paket", "kurir logistik", "kurir online",
                               "kurir ekspedisi", "pengantar paket")),
    ("Tukang becak", "Transportasi", ("becak",)),
    ("Buruh harian lepas", "Buruh", ("buruh", "buruh harian", "bhl", "kuli")),
    ("Buruh bangunan", "Buruh", ("tukang batu", "tukang kayu", "kuli bangunan")),
    ("Buruh pelabuhan", "Buruh", ("tkbm", "buruh bongkar muat")),
    ("Pekerja rumah tangga", "Buruh", ("prt", "asisten rumah tangga", "art")),
    ("Imam masjid", "Pekerja keagamaan", ("imam", "imam desa", "imam dusun")),
    ("Pekerja keagamaan", "Pekerja keagamaan",
     ("pegawai syara", "pekerja syara", "syara", "marbot", "bilal", "khatib", "muadzin",
      "guru mengaji", "guru ngaji", "penyuluh agama", "pendeta", "pemangku adat")),
    ("Kepala desa", "Perangkat desa", ("kades",)),
    ("Perangkat desa", "Perangkat desa",
     ("aparat desa", "aparatur desa", "staf desa", "sekretaris desa", "sekdes", "kaur",
      "kasi", "kepala dusun", "kadus", "kepala lingkungan", "kaling")),
    ("Ketua RT", "RT/RW", ("rt", "ketua rukun tetangga")),
    ("Ketua RW", "RT/RW", ("rw", "ketua rukun warga")),
    ("Anggota BPD", "BPD", ("bpd", "badan permusyawaratan desa", "ketua bpd")),
    ("Kader posyandu", "Kader", ("kader", "kader kesehatan", "kader pkk")),
    ("Linmas", "Kader", ("hansip", "satlinmas", "perlindungan masyarakat")),
    ("Pegawai non-ASN", "Non-ASN",
     ("non asn", "honorer", "tenaga honorer", "pegawai honorer", "ptt", "tenaga kontrak",
      "pppk paruh waktu", "tenaga harian lepas", "thl")),
    ("Guru honorer", "Non-ASN", ("guru non asn", "guru sukarela")),
    ("Petugas kebersihan", "Non-ASN", ("tukang sapu", "pasukan kuning", "petugas sampah")),
    ("Petugas pemilu", "Non-ASN", ("kpps", "ppk", "pps", "pantarlih", "badan adhoc")),
    ("Pengrajin", "Pekerja rentan", ("perajin", "penenun", "penganyam")),
    ("Tukang parkir", "Pekerja rentan", ("juru parkir", "jukir")),
    ("Pemulung", "Pekerja rentan", ()),
    ("Pekerja migran", "PMI", ("pmi", "tki", "tkw")),
    ("Karyawan swasta", "Penerima upah", ("karyawan", "pegawai swasta")),
    ("Pekerja konstruksi", "Jasa konstruksi", ("pekerja proyek",)),
)

OCCUPATIONS: tuple[str, ...] = tuple(label for label, _, _ in _OCCUPATIONS)
GROUPS: dict[str, str] = {label: group for label, group, _ in _OCCUPATIONS}
_LOOKUP: dict[str, str] = {}
for _label, _group, _spellings in _OCCUPATIONS:
    for _text in (_label, *_spellings):
        _LOOKUP.setdefault(fold(_text), _label)


TRANSPORT = "Transportasi"
# Words that name transport work in free text the list does not hold ("Pengemudi truk
# sawit", "Kurir makanan"): an occupation containing one of them is in the transport group.
_TRANSPORT_WORDS = frozenset({
    "ojek", "ojol", "kurir", "sopir", "supir", "pengemudi", "driver", "angkot", "bentor",
    "becak", "pete",
})


def occupation_group(text: str | None) -> str | None:
    """The group of the occupation ``text`` ("Transportasi", "Pekerja rentan", …): the listed
    label's group for a known spelling, else "Transportasi" when a word of the free text names
    transport work, else None."""
    if not text or not text.strip():
        return None
    label = match_occupation(text)
    if label in GROUPS:
        return GROUPS[label]
    return TRANSPORT if _TRANSPORT_WORDS & set(fold(label).split()) else None


def match_occupation(text: str) -> str:
    """The listed label for ``text`` when it is one of the known spellings, else the
    text itself, tidied (free text is allowed)."""
    cleaned = clean_name(text)
    return _LOOKUP.get(fold(cleaned), cleaned)


def is_listed(text: str) -> bool:
    return text in GROUPS
