"""Programmes, participant segments, JKK risk classes and funding sources (DOMAIN §1, §2)."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Program(StrEnum):
    """A BPJS Ketenagakerjaan programme (UU 24/2011)."""

    JKK = "JKK"
    JKM = "JKM"
    JHT = "JHT"
    JP = "JP"
    JKP = "JKP"

    @property
    def label(self) -> str:
        return _PROGRAM_LABELS[self]


_PROGRAM_LABELS = {
    Program.JKK: "Jaminan Kecelakaan Kerja",
    Program.JKM: "Jaminan Kematian",
    Program.JHT: "Jaminan Hari Tua",
    Program.JP: "Jaminan Pensiun",
    Program.JKP: "Jaminan Kehilangan Pekerjaan",
}


class Segment(StrEnum):
    """Participant segment; decides which programmes and which rate table apply."""

    PU = "PU"
    BPU = "BPU"
    JAKON = "JAKON"
    PMI = "PMI"

    @property
    def label(self) -> str:
        return _SEGMENT_LABELS[self]


_SEGMENT_LABELS = {
    Segment.PU: "Penerima Upah",
    Segment.BPU: "Bukan Penerima Upah",
    Segment.JAKON: "Jasa Konstruksi",
    Segment.PMI: "Pekerja Migran Indonesia",
}


class RiskClass(IntEnum):
    """JKK risk group of the workplace (PP 44/2015 Lampiran I), 1 = very low … 5 = very high."""

    VERY_LOW = 1
    LOW = 2
    MEDIUM = 3
    HIGH = 4
    VERY_HIGH = 5

    @property
    def label(self) -> str:
        return _RISK_LABELS[self]


_RISK_LABELS = {
    RiskClass.VERY_LOW: "Tingkat risiko sangat rendah",
    RiskClass.LOW: "Tingkat risiko rendah",
    RiskClass.MEDIUM: "Tingkat risiko sedang",
    RiskClass.HIGH: "Tingkat risiko tinggi",
    RiskClass.VERY_HIGH: "Tingkat risiko sangat tinggi",
}


class FundingSource(StrEnum):
    """Who pays a participant's contributions."""

    MANDIRI = "MANDIRI"
    APBD = "APBD"
    APBN = "APBN"
    EMPLOYER = "EMPLOYER"
    CSR = "CSR"

    @property
    def label(self) -> str:
        return _FUNDING_LABELS[self]

    @property
    def is_state_budget(self) -> bool:
        """Paid from APBN/APBD: excluded from the PP 50/2025 BPU discount (DOMAIN §2.2)."""
        return self in (FundingSource.APBD, FundingSource.APBN)


_FUNDING_LABELS = {
    FundingSource.MANDIRI: "Mandiri (dibayar peserta sendiri)",
    FundingSource.APBD: "APBD (Pemerintah Daerah)",
    FundingSource.APBN: "APBN (Pemerintah Pusat)",
    FundingSource.EMPLOYER: "Pemberi kerja",
    FundingSource.CSR: "CSR perusahaan",
}

class Industry(StrEnum):
    """An employer's industry, as far as a contribution rule depends on it: the six
    labour-intensive industries of PP 7/2025 Pasal 3 ayat (4), and every other one."""

    FOOD_BEVERAGE_TOBACCO = "makanan_minuman_tembakau"
    TEXTILE_APPAREL = "tekstil_pakaian_jadi"
    LEATHER = "kulit_barang_kulit"
    FOOTWEAR = "alas_kaki"
    TOYS = "mainan_anak"
    FURNITURE = "furnitur"
    OTHER = "lainnya"

    @property
    def label(self) -> str:
        return _INDUSTRY_LABELS[self]


_INDUSTRY_LABELS = {
    Industry.FOOD_BEVERAGE_TOBACCO: "Industri makanan, minuman dan tembakau",
    Industry.TEXTILE_APPAREL: "Industri tekstil dan pakaian jadi",
    Industry.LEATHER: "Industri kulit dan barang dari kulit",
    Industry.FOOTWEAR: "Industri alas kaki",
    Industry.TOYS: "Industri mainan anak",
    Industry.FURNITURE: "Industri furnitur",
    Industry.OTHER: "Industri/usaha lainnya",
}

_ALL = frozenset(Program)
_BASIC = frozenset({Program.JKK, Program.JKM})

# DOMAIN §1. BPU: no JP/JKP is [I]; PMI JHT is [U] (kept optional until confirmed).
_ALLOWED: dict[Segment, frozenset[Program]] = {
    Segment.PU: _ALL,
    Segment.BPU: _BASIC | {Program.JHT},
    Segment.JAKON: _BASIC,
    Segment.PMI: _BASIC | {Program.JHT},
}

# JKK+JKM is the floor for every segment (non-ASN are enrolled in JKK+JKM only, Permenaker
# 1/2025). For PU, JHT and JP depend on the employer's size (DOMAIN §3.6) and JKP follows
# from those: the services decide them, not this table.
_MANDATORY: dict[Segment, frozenset[Program]] = {segment: _BASIC for segment in Segment}


def allowed_programs(segment: Segment) -> frozenset[Program]:
    """Programmes a participant of `segment` may be enrolled in (DOMAIN §1)."""
    return _ALLOWED[Segment(segment)]


def mandatory_programs(segment: Segment) -> frozenset[Program]:
    """Programmes every participant of `segment` must have (DOMAIN §1, §2.2)."""
    return _MANDATORY[Segment(segment)]


def program_problems(segment: Segment, programs: frozenset[Program]) -> list[str]:
    """Indonesian explanations of what is wrong with `programs` for `segment` (empty if fine)."""
    segment = Segment(segment)
    problems: list[str] = []
    allowed = allowed_programs(segment)
    not_allowed = sorted(Program(p) for p in programs if Program(p) not in allowed)
    if not_allowed:
        names = ", ".join(p.value for p in not_allowed)
        problems.append(f"Program {names} tidak tersedia untuk segmen {segment.label}.")
    missing = sorted(p for p in mandatory_programs(segment) if p not in programs)
    if missing:
        names = ", ".join(p.value for p in missing)
        problems.append(f"Program {names} wajib untuk segmen {segment.label}.")
    return problems
