"""Benefit tables as effective-dated data (DOMAIN §3) and the benefit result types.

Formulas live in `benefits`. Rows are chosen by the event date (death, accident, dismissal);
a regulation change is a new row. Marks [C]/[I]/[U] are those of DOMAIN.md.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal, Protocol, TypeVar

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.rates import pct


@dataclass(frozen=True)
class BenefitLine:
    """One amount of a benefit, with its rule and an Indonesian account of the computation."""

    code: str
    label: str
    amount: int
    rule: str
    detail: str


@dataclass(frozen=True)
class BenefitResult:
    """A computed benefit, kept with a claim as its worksheet."""

    lines: tuple[BenefitLine, ...]
    rule_version: str
    inputs: Mapping[str, object]

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    def line(self, code: str) -> BenefitLine | None:
        return next((line for line in self.lines if line.code == code), None)

    def worksheet(self) -> dict[str, object]:
        """JSON-serialisable record: inputs, rule version, lines and total."""
        return {
            "rule_version": self.rule_version,
            "inputs": _jsonable(dict(self.inputs)),
            "lines": [dataclasses.asdict(line) for line in self.lines],
            "total": self.total,
        }


def _jsonable(value: object) -> object:
    if isinstance(value, enum.Enum):
        return _jsonable(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((_jsonable(v) for v in value), key=str)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def rupiah(amount: int) -> str:
    """House style "Rp1.204.000" used in the detail texts."""
    return f"Rp{amount:,}".replace(",", ".")


def percent(rate: Decimal) -> str:
    """A fraction as an Indonesian percentage: 0.325 → "32,5%"."""
    return f"{(rate * 100).normalize():f}".replace(".", ",") + "%"


PP82_START = date(2019, 12, 2)  # PP 82/2019 promulgated [C] S5, S7


class _Dated(Protocol):
    valid_from: date
    valid_to: date | None


R = TypeVar("R", bound=_Dated)


def rule_in_force(rules: Iterable[R], on: date) -> R | None:
    """The row in force on `on` (`valid_to` inclusive), or None where the table has none."""
    return next((rule for rule in rules if rule.valid_from <= on
                 and (rule.valid_to is None or on <= rule.valid_to)), None)


def rule_on(rules: Sequence[R], on: date, what: str) -> R:
    """The row in force on `on` (`valid_to` inclusive); ValidationError if none."""
    rule = rule_in_force(rules, on)
    if rule is not None:
        return rule
    raise ValidationError(
        f"Aturan {what} untuk kejadian tanggal {on:%d-%m-%Y} belum dimuat dalam tabel.",
        field="event_date",
    )


@dataclass(frozen=True)
class JkmRule:
    """JKM cash benefits and the contribution record needed for the scholarship."""

    valid_from: date
    valid_to: date | None
    source: str
    lump_sum: int  # santunan sekaligus
    periodic_months: int  # santunan berkala, paid at once
    periodic_monthly: int
    funeral: int
    scholarship_min_months: int

    @property
    def periodic(self) -> int:
        return self.periodic_months * self.periodic_monthly


JKM_RULES: tuple[JkmRule, ...] = (
    # PP 44/2015 amounts (Rp24 jt in total) are [I]: not in DOMAIN, from common summaries.
    JkmRule(date(2015, 7, 1), date(2019, 12, 1), "PP 44/2015 [I]",
            16_200_000, 24, 200_000, 3_000_000, 60),
    # [C] S5; 24 × Rp500.000 is [I].
    JkmRule(PP82_START, None, "PP 82/2019", 20_000_000, 24, 500_000, 10_000_000, 36),
)

TransportMode = Literal["darat", "laut", "udara"]
TRANSPORT_WORDS: dict[str, str] = {"darat": "darat", "laut": "laut", "udara": "udara"}
"""The transport modes as words in a benefit line (the codes are the Indonesian words)."""


@dataclass(frozen=True)
class JkkRule:
    """JKK cash benefits (PP 44/2015 as amended by PP 82/2019), DOMAIN §3.3."""

    valid_from: date
    valid_to: date | None
    source: str
    death_rate: Decimal  # × multiplier × monthly wage
    total_disability_rate: Decimal
    multiplier: int
    funeral: int
    periodic: int  # santunan berkala for death or total disability, paid at once
    stmb_full_months: int
    stmb_later_rate: Decimal
    transport_caps: tuple[tuple[TransportMode, int], ...]
    rehabilitation_markup: Decimal

    def transport_cap(self, mode: TransportMode) -> int:
        for name, cap in self.transport_caps:
            if name == mode:
                return cap
        raise ValidationError(f"Jenis angkutan tidak dikenal: {mode}.", field="transport")


# Only PP 82/2019 is loaded: an accident before 2 Dec 2019 is past the 5-year claim expiry.
JKK_RULES: tuple[JkkRule, ...] = (
    JkkRule(PP82_START, None, "PP 44/2015 jo. PP 82/2019",
            death_rate=pct("60"), total_disability_rate=pct("70"), multiplier=80,
            funeral=10_000_000, periodic=12_000_000,
            stmb_full_months=12, stmb_later_rate=pct("50"),
            transport_caps=(("darat", 5_000_000), ("laut", 2_000_000), ("udara", 10_000_000)),
            rehabilitation_markup=pct("40")),
)


@dataclass(frozen=True)
class AnatomicCase:
    """A row of the partial-disability table: percentage of 80 × monthly wage."""

    key: str
    label: str
    percent: Decimal  # 0-100
    mark: str


# PP 44/2015 Lampiran (cacat sebagian anatomis). DOMAIN confirms the first three [C] S6, S81;
# the others are [I] from the well-known table: re-check against the gazette before release.
ANATOMIC_CASES: tuple[AnatomicCase, ...] = (
    AnatomicCase("kedua_mata", "Kehilangan penglihatan kedua belah mata", Decimal(70), "[C]"),
    AnatomicCase("satu_mata", "Kehilangan penglihatan sebelah mata", Decimal(35), "[C]"),
    AnatomicCase("lengan_kanan_bahu", "Lengan kanan dari sendi bahu ke bawah", Decimal(40),
                 "[C]"),
    AnatomicCase("lengan_kiri_bahu", "Lengan kiri dari sendi bahu ke bawah", Decimal(35), "[I]"),
    AnatomicCase("kedua_kaki_pangkal_paha", "Kedua belah kaki dari pangkal paha ke bawah",
                 Decimal(70), "[I]"),
    AnatomicCase("satu_kaki_pangkal_paha", "Sebelah kaki dari pangkal paha ke bawah",
                 Decimal(35), "[I]"),
    AnatomicCase("pendengaran_kedua_telinga", "Kehilangan pendengaran kedua belah telinga",
                 Decimal(40), "[I]"),
    AnatomicCase("pendengaran_satu_telinga", "Kehilangan pendengaran sebelah telinga",
                 Decimal(20), "[I]"),
    AnatomicCase("ibu_jari_tangan_kanan", "Ibu jari tangan kanan", Decimal(15), "[I]"),
    AnatomicCase("ibu_jari_tangan_kiri", "Ibu jari tangan kiri", Decimal(12), "[I]"),
)


def anatomic_case(key: str) -> AnatomicCase:
    """The table row for `key`; ValidationError if unknown."""
    for case in ANATOMIC_CASES:
        if case.key == key:
            return case
    raise ValidationError(f"Jenis cacat anatomis tidak dikenal: {key}.", field="anatomic_case")


SchoolLevel = Literal["TK", "SD", "SMP", "SMA", "S1"]


@dataclass(frozen=True)
class ScholarshipRule:
    """Scholarship per child per year by level (amount, max years), DOMAIN §3.2 [C] S9."""

    valid_from: date
    valid_to: date | None
    source: str
    levels: tuple[tuple[SchoolLevel, int, int], ...]
    max_children: int
    stop_age: int

    def level(self, name: SchoolLevel) -> tuple[int, int]:
        for level, amount, years in self.levels:
            if level == name:
                return amount, years
        raise ValidationError(f"Jenjang pendidikan tidak dikenal: {name}.", field="level")

    @property
    def per_child_ceiling(self) -> int:
        """Sum over all levels (Rp87 jt; × 2 children = Rp174 jt, [I] arithmetic)."""
        return sum(amount * years for _, amount, years in self.levels)


# The pre-2019 single Rp12 jt scholarship is not loaded.
SCHOLARSHIP_RULES: tuple[ScholarshipRule, ...] = (
    ScholarshipRule(PP82_START, None, "PP 82/2019; Permenaker 5/2021",
                    levels=(("TK", 1_500_000, 2), ("SD", 1_500_000, 6), ("SMP", 2_000_000, 3),
                            ("SMA", 3_000_000, 3), ("S1", 12_000_000, 5)),
                    max_children=2, stop_age=23),
)


@dataclass(frozen=True)
class JhtRule:
    """JHT partial withdrawal (PP 46/2015 jo. PP 60/2015), DOMAIN §3.4 [C] S19."""

    source: str
    partial_min_years: int
    housing_share: Decimal
    other_share: Decimal
    npwp_above: int  # balance above which an NPWP is required (DOMAIN §4.2)


JHT_RULE = JhtRule("PP 46/2015 jo. PP 60/2015 Pasal 22", 10, pct("30"), pct("10"), 50_000_000)


@dataclass(frozen=True)
class JpRule:
    """JP formula (PP 45/2015 Ps 17(2)): `accrual` × months/12 × average wage/12; a monthly
    pension needs `min_months` of contributions, else the lump sum (DOMAIN §3.5).

    A death or total disability before `min_months` counts the record as `deemed_months` when
    the participant had been a member `deemed_membership_months` (death) or
    `deemed_disability_months` (disability) and paid at least `deemed_min_density` of the
    months due (Permenaker 29/2015 Ps 26(1) for the widow's pension; BPJS's account of the
    disability rule); otherwise the lump sum (Ps 26(2)). Survivor shares of the formula
    (janda/duda, anak, orang tua) are [I]: from the common reading of PP 45/2015 Ps 19-25,
    whose text was not found in the sources searched (see docs/rules-claims.md).
    """

    valid_from: date
    valid_to: date | None
    source: str
    accrual: Decimal  # per year of contributions
    min_months: int  # for a monthly old-age pension
    widow_share: Decimal
    child_share: Decimal
    parent_share: Decimal
    deemed_months: int  # record counted for disability and survivor pensions when shorter
    deemed_membership_months: int  # a death: member at least this long
    deemed_disability_months: int  # a disability: member at least this long at the event
    deemed_min_density: Decimal  # share of the months due that were paid


JP_RULES: tuple[JpRule, ...] = (
    JpRule(date(2015, 7, 1), None, "PP 45/2015 Pasal 17; Permenaker 29/2015 Pasal 26",
           accrual=pct("1"), min_months=180, widow_share=pct("50"), child_share=pct("50"),
           parent_share=pct("20"), deemed_months=180, deemed_membership_months=12,
           deemed_disability_months=1, deemed_min_density=pct("80")),
)


def jp_deemed_record_refusal(rule: JpRule, kind: str, membership_months: int,
                             density: Decimal) -> str | None:
    """Why a disability or survivor pension with a record shorter than `rule.min_months` may
    not count it as `rule.deemed_months` (Permenaker 29/2015 Ps 26(1): a member for a year
    and a contribution density of at least 80 %; for a disability, a member for a month), or
    None when it may. `density` is the share of the months due that were paid; the reason
    names no regulation (the caller cites `rule.source`)."""
    needed = rule.deemed_disability_months if kind == "disability" else (
        rule.deemed_membership_months)
    if membership_months < needed:
        return f"kepesertaan {membership_months} bulan, kurang dari {needed} bulan"
    if density < rule.deemed_min_density:
        shown = percent(density.quantize(Decimal("0.001")))
        return f"kepadatan iuran {shown}, kurang dari {percent(rule.deemed_min_density)}"
    return None


@dataclass(frozen=True)
class JpLimitRule:
    """Minimum and maximum monthly JP benefit in force from `valid_from` (PP 45/2015 Ps 18:
    Rp300.000 and Rp3.600.000 at the start, adjusted every year by the previous year's
    inflation)."""

    valid_from: date
    valid_to: date | None
    source: str
    minimum: int
    maximum: int


# Each adjustment of PP 45/2015 Ps 18(3) takes effect in March, with the JP wage cap (BPJS
# Ketenagakerjaan's letters; i-admin.com for 2017, 2023 and 2025: "take effect as of 1st March").
# Published figures [C, secondary unless said]: 2015 Ps 18(1)-(2) (hasanah.id, krishand.com
# quoting Ps 18) [C]; Mar 2016 Rp310.050 / Rp3.720.600 (krishand.com relaying the BPJS notice);
# Mar 2017 Rp319.450 / Rp3.833.000 (BPJS's director E. Ilyas Lubis, press statement of
# 13-02-2017 in Kontan; i-admin.com); 2019 Rp341.400 / Rp4.095.750 (BPJS letter quoted by
# jimmybudhi.com); Mar 2020 Rp350.700 / Rp4.207.200 (indoservice.co.id relaying BPJS; OECD
# Pensions at a Glance 2021); Mar 2022 Rp363.300 / Rp4.357.900 with the wage cap Rp9.077.600
# (BPJS's ketentuan as relayed by gadjian.com; OECD Pensions at a Glance Asia/Pacific 2024:
# "IDR 4.36 million"); Mar 2023 Rp383.400 / Rp4.598.100 (BPJS's Asisten Deputi Humas to
# kontan.co.id 25-10-2023; i-admin.com); Mar 2024 minimum Rp393.500 (krishand.com relaying BPJS;
# DOMAIN S15) [C]; Mar 2025 Rp399.700 / Rp4.792.300 (i-admin.com, "effective March 1, 2025").
# BPJS's rounding: every one of those figures is the previous year's x (1 + that year's BPS
# inflation) rounded UP to Rp50 (to 2019) or Rp100 (from 2020); tests/unit/test_benefits.py
# walks the whole chain. The rows marked [I] are that chain where no announcement was found:
# Mar 2018 (inflation 2017 3,61%) and Mar 2021 (2020 1,68%) are each the only figures that
# both the year before and the year after reproduce; the 2024 maximum likewise (4.598.100 x
# 1,0261 up to Rp100, and 2025's 4.792.300 follows from it and from no other); Mar 2026 is
# 2025's figures x 1,0292 (BPS, 5-1-2026), the same as a payroll note citing BPJS's letter
# B/1226/022026 (Rp411.400 / Rp4.932.300).
_PS18 = "PP 45/2015 Pasal 18 ayat (3)"
JP_LIMITS: tuple[JpLimitRule, ...] = (
    JpLimitRule(date(2015, 7, 1), date(2016, 2, 29), "PP 45/2015 Pasal 18 ayat (1)-(2)",
                300_000, 3_600_000),
    JpLimitRule(date(2016, 3, 1), date(2017, 2, 28),
                f"{_PS18}; penyesuaian Maret 2016, inflasi 2015 3,35% (BPJS Ketenagakerjaan)",
                310_050, 3_720_600),
    JpLimitRule(date(2017, 3, 1), date(2018, 2, 28),
                f"{_PS18}; penyesuaian Maret 2017 (siaran pers BPJS Ketenagakerjaan "
                "13-02-2017)", 319_450, 3_833_000),
    JpLimitRule(date(2018, 3, 1), date(2019, 2, 28),
                f"{_PS18}; penyesuaian Maret 2018, inflasi 2017 3,61%, dibulatkan ke atas "
                "Rp50 [I]", 331_000, 3_971_400),
    JpLimitRule(date(2019, 3, 1), date(2020, 2, 29),
                f"{_PS18}; penyesuaian 2019, inflasi 2018 3,13% (surat BPJS "
                "Ketenagakerjaan)", 341_400, 4_095_750),
    JpLimitRule(date(2020, 3, 1), date(2021, 2, 28),
                f"{_PS18}; penyesuaian Maret 2020, inflasi 2019 2,72% (pengumuman BPJS "
                "Ketenagakerjaan)", 350_700, 4_207_200),
    JpLimitRule(date(2021, 3, 1), date(2022, 2, 28),
                f"{_PS18}; penyesuaian Maret 2021, inflasi 2020 1,68%, dibulatkan ke atas "
                "Rp100 [I]", 356_600, 4_277_900),
    JpLimitRule(date(2022, 3, 1), date(2023, 2, 28),
                f"{_PS18}; penyesuaian Maret 2022, inflasi 2021 1,87% (ketentuan BPJS "
                "Ketenagakerjaan)", 363_300, 4_357_900),
    JpLimitRule(date(2023, 3, 1), date(2024, 2, 29),
                f"{_PS18}; penyesuaian Maret 2023 (BPJS Ketenagakerjaan)", 383_400, 4_598_100),
    JpLimitRule(date(2024, 3, 1), date(2025, 2, 28),
                f"{_PS18}; penyesuaian Maret 2024, inflasi 2023 2,61% (minimum: BPJS "
                "Ketenagakerjaan; maksimum dibulatkan ke atas Rp100 [I])", 393_500, 4_718_200),
    JpLimitRule(date(2025, 3, 1), date(2026, 2, 28),
                f"{_PS18}; penyesuaian Maret 2025 (BPJS Ketenagakerjaan)", 399_700, 4_792_300),
    JpLimitRule(date(2026, 3, 1), None,
                f"{_PS18}; penyesuaian Maret 2026, inflasi 2025 2,92%, dibulatkan ke atas "
                "Rp100 [I]", 411_400, 4_932_300),
)


def pension_age(on: date) -> int:
    """JP pension age: 56, 57 from 1 Jan 2019, +1 every 3 years, at most 65 (PP 45/2015 Ps 15)."""
    if on.year < 2019:
        return 56
    return min(65, 57 + (on.year - 2019) // 3)


@dataclass(frozen=True)
class JkpRule:
    """JKP cash benefit: (months, share of capped wage) phases, DOMAIN §3.6."""

    valid_from: date
    valid_to: date | None
    source: str
    phases: tuple[tuple[int, Decimal], ...]
    wage_cap: int
    claim_within_months: int  # DOMAIN §4.1
    max_join_age: int  # a worker joins JKP before this age (PP 37/2021 Ps 4)
    excluded_reasons: tuple[str, ...]  # PHK reasons that give no JKP (PP 37/2021 Ps 20)


# Ps 4 (WNI, under 54 at registration, programme mix) [C] tvonenews 2022 quoting PP 37/2021,
# DOMAIN S3 for PP 6/2025; excluded reasons (Ps 20) [C] DOMAIN S28 (secondary).
_JKP_EXCLUDED = ("mengundurkan_diri", "cacat_total_tetap", "pensiun", "meninggal_dunia",
                 "pkwt_berakhir")
JKP_RULES: tuple[JkpRule, ...] = (
    # Start date = PP 37/2021 promulgation [I].
    JkpRule(date(2021, 2, 2), date(2025, 2, 6), "PP 37/2021",
            phases=((3, pct("45")), (3, pct("25"))), wage_cap=5_000_000, claim_within_months=3,
            max_join_age=54, excluded_reasons=_JKP_EXCLUDED),
    JkpRule(date(2025, 2, 7), None, "PP 37/2021 jo. PP 6/2025",
            phases=((6, pct("60")),), wage_cap=5_000_000, claim_within_months=6,
            max_join_age=54, excluded_reasons=_JKP_EXCLUDED),
)
