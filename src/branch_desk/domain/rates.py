"""Contribution (iuran) rate tables as effective-dated data, and the monthly calculation.

A regulation change is a new row with a start date, never an edit of an old row. Marks
[C]/[I]/[U] are those of DOMAIN.md. Every rupiah amount is rounded half up to whole rupiah
by `round_half_up`, once per payer part of each line (see `monthly_contribution`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from branch_desk.domain.coverage import add_months, month_label, months_apart
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.occupations import TRANSPORT, occupation_group
from branch_desk.domain.programs import (
    FundingSource,
    Industry,
    Program,
    RiskClass,
    Segment,
    program_problems,
)

ZERO = Decimal(0)


def round_half_up(value: Decimal) -> int:
    """Round to whole rupiah, half up (Rp0,5 → Rp1); the single rounding rule of the domain."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def pct(text: str) -> Decimal:
    """A rate written as in the regulation ("0.24" %) as a fraction (0.0024)."""
    return Decimal(text) / 100


@dataclass(frozen=True)
class RateRule:
    """One row of a contribution table, in force from `valid_from` to `valid_to` (inclusive).

    Rates are fractions of the base (wage or declared income). Outside PU the whole rate sits
    in `worker_rate` (the participant's own contribution); `FundingSource` then decides who
    pays it. `jkp_share` is the part of the rate that funds JKP (already inside the rate).
    """

    program: Program
    segment: Segment
    valid_from: date
    valid_to: date | None
    source: str
    employer_rate: Decimal = ZERO
    worker_rate: Decimal = ZERO
    government_rate: Decimal = ZERO
    flat_amount: int | None = None
    risk_class: RiskClass | None = None
    income_floor: int | None = None
    wage_cap: int | None = None
    amount_cap: int | None = None
    jkp_share: Decimal = ZERO
    note: str = ""

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class DiscountRule:
    """A temporary cut (keringanan) of some programmes' contributions for the contribution
    months `valid_from`…`valid_to`: `rate` of the gross line is waived.

    It fits a participant of one of `segments` whose funding is not in `excluded_funding`;
    with `occupation_group`, only participants whose occupation is in that group
    (`occupations.occupation_group`); with `industries`/`min_workers`, only workers of an
    employer of such an industry and size. At most one discount applies to a line: the first
    that fits, in table order.

    With `paid_through`, a discount that fits is granted only when the contributions from the
    enrolment to that month are paid (`condition_problem`); a participant enrolled later pays
    its first `joiner_full_months` months in full and gets the discount from the next one.
    """

    segments: frozenset[Segment]
    programs: frozenset[Program]
    rate: Decimal
    valid_from: date
    valid_to: date | None
    source: str
    occupation_group: str | None = None
    excluded_funding: frozenset[FundingSource] = frozenset()
    industries: frozenset[Industry] | None = None
    min_workers: int | None = None
    paid_through: date | None = None
    joiner_full_months: int = 0

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def condition_problem(self, inp: ContributionInput) -> str | None:
        """Why the discount that fits `inp` is not granted (Indonesian), or None. Not checked
        when the caller does not know the enrolment month (`inp.enrolled_from` None)."""
        if self.paid_through is None or inp.enrolled_from is None:
            return None
        enrolled, gap = inp.enrolled_from.replace(day=1), inp.first_gap
        if enrolled <= self.paid_through:
            if gap is not None and gap <= self.paid_through:
                return (f"iuran {month_label(gap)} belum dibayar, padahal keringanan hanya "
                        f"diberikan bila iuran sampai {month_label(self.paid_through)} lunas")
            return None
        index = months_apart(enrolled, inp.month)
        if index < self.joiner_full_months:
            return (f"bulan ke-{index + 1} kepesertaan dibayar penuh; peserta yang terdaftar "
                    f"sesudah {month_label(self.paid_through)} mendapat keringanan mulai bulan "
                    f"ke-{self.joiner_full_months + 1}")
        if gap is not None and gap < add_months(enrolled, self.joiner_full_months):
            return (f"iuran {month_label(gap)} belum dibayar, padahal {self.joiner_full_months} "
                    "bulan pertama kepesertaan harus lunas")
        return None

    def fits(self, inp: ContributionInput, program: Program) -> bool:
        """Whether this discount applies to `program`'s line of `inp`."""
        return (Segment(inp.segment) in self.segments and program in self.programs
                and self.in_force(inp.month) and inp.funding not in self.excluded_funding
                and (self.occupation_group is None
                     or occupation_group(inp.occupation) == self.occupation_group)
                and (self.industries is None or inp.employer_industry in self.industries)
                and (self.min_workers is None
                     or (inp.employer_workers or 0) >= self.min_workers))


@dataclass(frozen=True)
class DeferralRule:
    """Part (`share`) of a programme's contribution whose payment was postponed: still owed in
    full, the deferred part due from `settle_from` and at the latest on `settle_by`."""

    segments: frozenset[Segment]
    programs: frozenset[Program]
    share: Decimal
    valid_from: date
    valid_to: date | None
    source: str
    settle_from: date
    settle_by: date

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


_PU, _BPU = Segment.PU, Segment.BPU
_PP44 = "PP 44/2015 Lampiran I"
_JKP_START = date(2021, 2, 2)  # PP 37/2021 promulgated [I]: DOMAIN cites PP 49/2023 for the split
_PP6_2025 = date(2025, 2, 7)
_PP37 = "PP 37/2021 Pasal 11-12 [I: nomor pasal]"
# PP 37/2021: the wage on which JKP is computed is capped at Rp5.000.000 ([C] S2; the cap is
# the figure every source gives, the article number (Pasal 12) is [I]).
JKP_WAGE_CAP = 5_000_000
_JKK_PU_RATES = ("0.24", "0.54", "0.89", "1.27", "1.74")  # [C] S11, very low → very high


def _pu_jkk_rows() -> tuple[RateRule, ...]:
    rows: list[RateRule] = []
    for risk, text in zip(RiskClass, _JKK_PU_RATES, strict=True):
        rows.append(RateRule(
            Program.JKK, _PU, date(2015, 7, 1), date(2021, 2, 1), _PP44,
            employer_rate=pct(text), risk_class=risk,
        ))
        # 0.14 pt of each JKK rate now funds JKP; the employer still pays the same total
        # ([C] S12, S3; "same total" [I]).
        rows.append(RateRule(
            Program.JKK, _PU, _JKP_START, None, f"{_PP44} jo. PP 49/2023",
            employer_rate=pct(text), risk_class=risk, jkp_share=pct("0.14"),
            note="0,14 poin dari tarif JKK dialihkan untuk iuran JKP; total iuran pemberi "
            "kerja tidak berubah.",
        ))
    return tuple(rows)


# JP wage cap (PP 45/2015 Pasal 29): Rp7.000.000 from July 2015 (ayat (2)); BPJS
# Ketenagakerjaan multiplies it every year by 1 + the previous year's GDP growth (ayat (3)) and
# announces it within a month of the BPS figure (ayat (4)), in force from the March
# contributions. (first month, cap, where the figure is published; [I] = not seen in a BPJS
# letter, derived from the formula or a secondary source.)
JP_WAGE_CAPS: tuple[tuple[date, int, str], ...] = (
    (date(2015, 7, 1), 7_000_000, "PP 45/2015 Pasal 29 ayat (2)"),
    (date(2016, 3, 1), 7_335_300, "BPJS Ketenagakerjaan 2016, daftar batas upah JP "
     "(krishandsoftware.com, 2020); bulan mulai Maret [I]"),
    (date(2017, 3, 1), 7_703_500, "BPJS Ketenagakerjaan 2017, daftar batas upah JP "
     "(krishandsoftware.com, 2020); bulan mulai Maret [I]"),
    (date(2018, 3, 1), 8_094_000, "BPJS Ketenagakerjaan 2018 (disebut sebagai batas "
     "sebelumnya dalam pemberitahuan 2019); bulan mulai Maret [I]"),
    (date(2019, 3, 1), 8_512_400, "Pemberitahuan BPJS Ketenagakerjaan 2019: mulai Maret 2019, "
     "PDB 2018 5,17%"),
    (date(2020, 3, 1), 8_939_700, "Surat BPJS Ketenagakerjaan B/1328/022020: 8.512.400 × "
     "(1 + 5,02%), mulai Maret 2020"),
    (date(2021, 3, 1), 8_754_600, "Batas upah 2021 dalam ketentuan BPJS Ketenagakerjaan "
     "2022 (gadjian.com: 8.754.600 × (1 + 3,69%) = 9.077.600) = rumus Pasal 29 ayat (3): "
     "8.939.700 × (1 − 2,07%)"),
    (date(2022, 3, 1), 9_077_600, "Ketentuan BPJS Ketenagakerjaan 2022: mulai Maret 2022 "
     "(gadjian.com); Surat BPJS Ketenagakerjaan B/77/022023"),
    (date(2023, 3, 1), 9_559_600, "Surat BPJS Ketenagakerjaan B/77/022023, mulai Maret 2023"),
    (date(2024, 3, 1), 10_042_300, "Surat BPJS Ketenagakerjaan B/1387/022024, mulai "
     "Maret 2024"),
    (date(2025, 3, 1), 10_547_400, "Surat BPJS Ketenagakerjaan B/726/022025, mulai "
     "1 Maret 2025"),
    (date(2026, 3, 1), 11_086_300, "Surat BPJS Ketenagakerjaan B/1226/022026, mulai "
     "Maret 2026"),
)


def _jp_rows() -> tuple[RateRule, ...]:
    """One JP row per yearly wage cap: 2 % employer + 1 % worker (PP 45/2015 Pasal 28)."""
    rows: list[RateRule] = []
    for index, (start, cap, published) in enumerate(JP_WAGE_CAPS):
        end = (JP_WAGE_CAPS[index + 1][0] - timedelta(days=1)
               if index + 1 < len(JP_WAGE_CAPS) else None)
        rows.append(RateRule(
            Program.JP, _PU, start, end, f"PP 45/2015 Pasal 28 ayat (3), Pasal 29; {published}",
            employer_rate=pct("2"), worker_rate=pct("1"), wage_cap=cap))
    return tuple(rows)


PU_RULES: tuple[RateRule, ...] = (
    *_pu_jkk_rows(),
    RateRule(Program.JKM, _PU, date(2015, 7, 1), date(2021, 2, 1), _PP44,
             employer_rate=pct("0.30")),
    # 0.10 pt of JKM funded JKP until PP 6/2025 funded JKP from JKK only ([C] S12; end [I]).
    RateRule(Program.JKM, _PU, _JKP_START, date(2025, 2, 6), f"{_PP44} jo. PP 49/2023",
             employer_rate=pct("0.30"), jkp_share=pct("0.10"),
             note="0,10 poin dari tarif JKM dialihkan untuk iuran JKP."),
    RateRule(Program.JKM, _PU, _PP6_2025, None, f"{_PP44} jo. PP 6/2025",
             employer_rate=pct("0.30")),
    RateRule(Program.JHT, _PU, date(2015, 7, 1), None, "PP 46/2015 [I] S85",
             employer_rate=pct("3.7"), worker_rate=pct("2")),
    *_jp_rows(),
    # JKP: the central government's 0.22 % is the only part not already inside JKK/JKM; it is
    # computed on the wage up to the JKP wage cap of Rp5.000.000.
    RateRule(Program.JKP, _PU, _JKP_START, date(2025, 2, 6), _PP37,
             government_rate=pct("0.22"), wage_cap=JKP_WAGE_CAP,
             note="Iuran JKP 0,46%: 0,22% Pemerintah Pusat + 0,14% dari JKK + 0,10% dari JKM; "
             "upah dibatasi Rp5.000.000."),
    RateRule(Program.JKP, _PU, _PP6_2025, None, f"{_PP37} jo. PP 6/2025",
             government_rate=pct("0.22"), wage_cap=JKP_WAGE_CAP,
             note="Iuran JKP 0,36%: 0,22% Pemerintah Pusat + 0,14% dialihkan dari iuran JKK; "
             "upah dibatasi Rp5.000.000."),
)

BPU_RULES: tuple[RateRule, ...] = (
    # [C] S13, S14: 1 % of declared income, floor Rp1.000.000 (→ min Rp10.000), max Rp207.000.
    RateRule(Program.JKK, _BPU, date(2015, 7, 1), None, "PP 44/2015 Lampiran II",
             worker_rate=pct("1"), income_floor=1_000_000, amount_cap=207_000),
    RateRule(Program.JKM, _BPU, date(2015, 7, 1), None, "PP 44/2015 Lampiran II",
             flat_amount=6_800),
    # Applying the income floor to JHT too is [I].
    RateRule(Program.JHT, _BPU, date(2015, 7, 1), None, "PP 46/2015 [C] S13",
             worker_rate=pct("2"), income_floor=1_000_000),
)

DEFAULT_RULES: tuple[RateRule, ...] = PU_RULES + BPU_RULES

_STATE_BUDGET = frozenset({FundingSource.APBD, FundingSource.APBN})
_JKK_JKM = frozenset({Program.JKK, Program.JKM})
_PP50 = "PP 50/2025 Pasal 3-4"
_PP49_2020 = "PP 49/2020"

# Every discount in force, newest first. Periods are contribution months; see docs/rules.md.
DEFAULT_DISCOUNTS: tuple[DiscountRule, ...] = (
    # PP 50/2025 (promulgated 22 Dec 2025): 50 % off BPU JKK+JKM (Pasal 4 ayat (1)); BPU whose
    # JKK/JKM is paid from APBN/APBD are excluded (Pasal 3). Transport workers (ojek online and
    # pangkalan, couriers, drivers) from the January 2026 to the March 2027 contribution; every
    # other BPU April–December 2026 (Kemnaker and BPJS Ketenagakerjaan, January–February 2026,
    # [C] S87, S88; the article naming the periods was not found in a public copy [I]).
    DiscountRule(frozenset({_BPU}), _JKK_JKM, pct("50"), date(2026, 1, 1), date(2027, 3, 31),
                 f"{_PP50} (pekerja sektor transportasi, iuran Januari 2026–Maret 2027)",
                 occupation_group=TRANSPORT, excluded_funding=_STATE_BUDGET),
    DiscountRule(frozenset({_BPU}), _JKK_JKM, pct("50"), date(2026, 4, 1), date(2026, 12, 31),
                 f"{_PP50} (BPU di luar sektor transportasi, iuran April–Desember 2026)",
                 excluded_funding=_STATE_BUDGET),
    # PP 7/2025 Pasal 4 ayat (1): 50 % off JKK for employers of the six labour-intensive
    # industries of Pasal 3 ayat (4) with at least 50 active workers (Pasal 3 ayat (3)), for
    # the February–July 2025 contributions (Pasal 10), extended to January 2026 by PP 36/2025
    # (Pasal 10A). Pasal 6 ayat (2): JKK paid up to January 2025 (radiodms.com quoting the PP:
    # "diwajibkan melunasi iuran JKK hingga Januari 2025"); checked per worker, the PP says
    # per employer [I]; a worker enrolled after January 2025 has nothing to settle [I].
    DiscountRule(frozenset({_PU}), frozenset({Program.JKK}), pct("50"), date(2025, 2, 1),
                 date(2026, 1, 31), "PP 7/2025 Pasal 3-4, Pasal 6 ayat (2), Pasal 10 jo. "
                 "PP 36/2025 Pasal 10A (industri padat karya tertentu, ≥50 pekerja, iuran "
                 "Februari 2025–Januari 2026)",
                 industries=frozenset(Industry) - {Industry.OTHER}, min_workers=50,
                 paid_through=date(2025, 1, 1)),
    # PP 49/2020: 99 % off JKK (Pasal 8) and JKM (Pasal 9) for PU and BPU, contributions of
    # August 2020 to January 2021 (Kemnaker 9 Sep 2020, [C] S11); construction projects too
    # (JKM: Pasal 12; the JKK article [I]). Pasal 13: JKK and JKM paid up to July 2020; a
    # participant enrolled after July 2020 pays the first 2 months and gets the discount from
    # the third month (Kemnaker e-Kliping 10 Sep 2020 quoting Pasal 13) [C, secondary].
    DiscountRule(frozenset({_PU, _BPU, Segment.JAKON}), _JKK_JKM, pct("99"), date(2020, 8, 1),
                 date(2021, 1, 31), f"{_PP49_2020} Pasal 8-9, Pasal 13 (keringanan 99%, iuran "
                 "Agustus 2020–Januari 2021)", paid_through=date(2020, 7, 1),
                 joiner_full_months=2),
)

# PP 49/2020 Pasal 17 ayat (2): of the JP contribution for August 2020–January 2021, 1 % is
# paid on time and 99 % deferred, to be settled from 15 May 2021 and by 15 April 2022.
DEFAULT_DEFERRALS: tuple[DeferralRule, ...] = (
    DeferralRule(frozenset({_PU}), frozenset({Program.JP}), pct("99"), date(2020, 8, 1),
                 date(2021, 1, 31), f"{_PP49_2020} Pasal 17 ayat (2)",
                 settle_from=date(2021, 5, 15), settle_by=date(2022, 4, 15)),
)


def conditions_in_force(first_month: date, last_month: date,
                        discounts: Sequence[DiscountRule] = DEFAULT_DISCOUNTS) -> bool:
    """Whether a discount with a condition (`paid_through`) covers any month of
    `first_month`…`last_month`; when not, the payment history need not be read."""
    return any(rule.paid_through is not None and rule.valid_from <= last_month
               and (rule.valid_to is None or first_month <= rule.valid_to)
               for rule in discounts)


def condition_facts(enrolled_from: date, paid: Collection[date], first_month: date,
                    discounts: Sequence[DiscountRule] = DEFAULT_DISCOUNTS
                    ) -> tuple[date | None, date | None]:
    """(enrolment month, first month left unpaid before `first_month`) for
    `ContributionInput` when a discount condition (`DiscountRule.paid_through`) could refuse a
    discount to this participant, else (None, None): the many participants no condition
    touches then share their cached amounts. `paid`: the months paid (or paid together)."""
    enrolled = enrolled_from.replace(day=1)
    for rule in discounts:
        if rule.paid_through is None:
            continue
        if enrolled > rule.paid_through:
            joined_in_window = rule.valid_to is None or enrolled <= rule.valid_to
            if rule.joiner_full_months and joined_in_window:
                last = add_months(enrolled, rule.joiner_full_months - 1)
                return enrolled, _first_unpaid(enrolled, min(last, add_months(first_month, -1)),
                                               paid)
            continue
        gap = _first_unpaid(enrolled, min(rule.paid_through, add_months(first_month, -1)), paid)
        if gap is not None:
            return enrolled, gap
    return None, None


def _first_unpaid(first: date, last: date, paid: Collection[date]) -> date | None:
    month = first
    while month <= last:
        if month not in paid:
            return month
        month = add_months(month, 1)
    return None


@dataclass(frozen=True)
class ContributionInput:
    """What decides one participant's contribution for one month (`month` = first day)."""

    segment: Segment
    programs: frozenset[Program]
    wage_or_income: int
    month: date
    risk_class: RiskClass = RiskClass.LOW
    funding: FundingSource = FundingSource.MANDIRI
    occupation: str | None = None
    employer_industry: Industry | None = None
    employer_workers: int | None = None
    enrolled_from: date | None = None  # known: discount conditions are checked
    first_gap: date | None = None  # first month since enrolment left unpaid before this one

    def __post_init__(self) -> None:
        object.__setattr__(self, "month", self.month.replace(day=1))


@dataclass(frozen=True)
class ContributionLine:
    """One programme's contribution for the month, after any discount."""

    program: Program
    amount: int
    employer_part: int
    worker_part: int
    government_part: int
    rule_source: str
    discount: int = 0
    note: str = ""
    deferred: int = 0  # part of `amount` whose payment was postponed (still owed)
    deferred_until: date | None = None

    @property
    def gross(self) -> int:
        """Amount before the discount."""
        return self.amount + self.discount


@dataclass(frozen=True)
class ContributionBreakdown:
    """All programme lines of one month's contribution."""

    month: date
    segment: Segment
    lines: tuple[ContributionLine, ...] = ()

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def employer_total(self) -> int:
        return sum(line.employer_part for line in self.lines)

    @property
    def worker_total(self) -> int:
        return sum(line.worker_part for line in self.lines)

    @property
    def government_total(self) -> int:
        return sum(line.government_part for line in self.lines)

    @property
    def discount_total(self) -> int:
        return sum(line.discount for line in self.lines)

    @property
    def billed(self) -> int:
        """What the branch collects: everything except JKP, which the branch never bills."""
        return sum(line.amount for line in self.lines if line.program is not Program.JKP)

    def line(self, program: Program) -> ContributionLine | None:
        return next((line for line in self.lines if line.program is program), None)


def find_rate_rule(
    rules: Sequence[RateRule], program: Program, segment: Segment, month: date,
    risk_class: RiskClass | None = None,
) -> RateRule:
    """The row in force on the first day of `month` (a mid-month start applies next month)."""
    on = month.replace(day=1)
    found = [
        r for r in rules
        if r.program is program and r.segment is segment and r.in_force(on)
        and (r.risk_class is None or r.risk_class == risk_class)
    ]
    if not found:
        raise ValidationError(
            f"Belum ada tarif iuran {program.value} untuk segmen {segment.label} "
            f"bulan {on:%m/%Y}.", field="month",
        )
    if len(found) > 1:
        raise ValueError(f"overlapping rate rules for {program} {segment} {on}: {found}")
    return found[0]


def find_discount(
    discounts: Sequence[DiscountRule], inp: ContributionInput, program: Program,
) -> DiscountRule | None:
    """The first discount in force for the month of `inp` that fits it, if any."""
    return next((rule for rule in discounts if rule.fits(inp, program)), None)


def find_deferral(
    deferrals: Sequence[DeferralRule], inp: ContributionInput, program: Program,
) -> DeferralRule | None:
    """The deferral in force for the month of `inp` for `program`, if any."""
    return next((rule for rule in deferrals
                 if Segment(inp.segment) in rule.segments and program in rule.programs
                 and rule.in_force(inp.month)), None)


_ORDER = (Program.JKK, Program.JKM, Program.JHT, Program.JP, Program.JKP)


def monthly_contribution(
    inp: ContributionInput,
    rules: Sequence[RateRule] = DEFAULT_RULES,
    discounts: Sequence[DiscountRule] = DEFAULT_DISCOUNTS,
    deferrals: Sequence[DeferralRule] = DEFAULT_DEFERRALS,
) -> ContributionBreakdown:
    """Contribution of one PU or BPU participant for `inp.month`, one line per programme.

    Rounding: each payer part of a line is rounded half up separately; a discount (and a
    deferred part) is the rounded share of the gross line. Outside PU the whole line is booked
    to the payer named by `inp.funding` (MANDIRI → worker, EMPLOYER/CSR → employer, APBD/APBN
    → government); in PU a discount comes off the employer's part first. JAKON and PMI are not
    monthly: use `construction_rates.construction_contribution` and `pmi_contribution`.
    Raises ValidationError for a wrong segment, programme set, wage or a month without rates.
    """
    segment = Segment(inp.segment)
    if segment in (Segment.JAKON, Segment.PMI):
        raise ValidationError(
            f"Iuran segmen {segment.label} tidak dihitung bulanan dari upah.", field="segment"
        )
    problems = program_problems(segment, inp.programs)
    if problems:
        raise ValidationError(" ".join(problems), field="programs")
    if inp.wage_or_income < 0 or (segment is Segment.PU and inp.wage_or_income == 0):
        raise ValidationError("Upah/penghasilan harus lebih dari nol.", field="wage_or_income")
    if inp.employer_workers is not None and inp.employer_workers < 0:
        raise ValidationError("Jumlah pekerja pemberi kerja tidak boleh negatif.",
                              field="employer_workers")
    lines = tuple(
        _line(inp, segment, program, rules, discounts, deferrals)
        for program in _ORDER if program in inp.programs
    )
    return ContributionBreakdown(month=inp.month, segment=segment, lines=lines)


def _line(
    inp: ContributionInput, segment: Segment, program: Program,
    rules: Sequence[RateRule], discounts: Sequence[DiscountRule],
    deferrals: Sequence[DeferralRule],
) -> ContributionLine:
    rule = find_rate_rule(rules, program, segment, inp.month, inp.risk_class)
    base = Decimal(inp.wage_or_income)
    if rule.wage_cap is not None:
        base = min(base, Decimal(rule.wage_cap))
    if rule.income_floor is not None:
        base = max(base, Decimal(rule.income_floor))
    if rule.flat_amount is not None:
        employer, worker, government = 0, rule.flat_amount, 0
    else:
        employer = round_half_up(base * rule.employer_rate)
        worker = round_half_up(base * rule.worker_rate)
        government = round_half_up(base * rule.government_rate)
    if segment is not Segment.PU:
        gross = employer + worker + government
        if rule.amount_cap is not None:
            gross = min(gross, rule.amount_cap)
        employer, worker, government = (
            {"employer": 0, "worker": 0, "government": 0} | {_PAYER[inp.funding]: gross}
        ).values()
    gross = employer + worker + government
    source, discount, note = rule.source, 0, rule.note
    cut = find_discount(discounts, inp, program)
    problem = cut.condition_problem(inp) if cut is not None else None
    if cut is not None and problem is not None:
        note = " ".join(filter(None, (note, f"Tanpa keringanan {cut.source}: {problem}.")))
        cut = None
    if cut is not None:
        discount = round_half_up(gross * cut.rate)
        source = f"{rule.source}; diskon {(cut.rate * 100).normalize():f}% {cut.source}"
        left = discount
        parts = []
        for part in (employer, worker, government):
            taken = min(part, left)
            parts.append(part - taken)
            left -= taken
        employer, worker, government = parts
    deferred, until = 0, None
    later = find_deferral(deferrals, inp, program)
    if later is not None:
        deferred, until = round_half_up((gross - discount) * later.share), later.settle_by
        note = " ".join(filter(None, (
            note, f"{(later.share * 100).normalize():f}% iuran ditunda ({later.source}); "
            f"pelunasan mulai {later.settle_from:%d-%m-%Y}, paling lambat "
            f"{later.settle_by:%d-%m-%Y}.")))
    return ContributionLine(program, gross - discount, employer, worker, government, source,
                            discount, note, deferred, until)


_PAYER: dict[FundingSource, Literal["employer", "worker", "government"]] = {
    FundingSource.MANDIRI: "worker",
    FundingSource.EMPLOYER: "employer",
    FundingSource.CSR: "employer",
    FundingSource.APBD: "government",
    FundingSource.APBN: "government",
}

# Pekerja Migran Indonesia, Permenaker 4/2023 Pasal 18 [C] S37: Rp37.500 before work
# (ayat (1) huruf a); during and after work by the length of the work agreement, 24, 12 or 6
# months (ayat (1) huruf b, ayat (2)), and Rp13.500 a month beyond it, paid at once
# (ayat (3)) [C] (pasal.id, basishukum.com).
PMI_SOURCE = "Permenaker 4/2023 Pasal 18"
PMI_PRE_PLACEMENT = 37_500
PMI_PLACEMENT_PACKAGES: dict[int, int] = {6: 108_000, 12: 189_000, 24: 332_500}
PMI_EXTRA_MONTH = 13_500
PmiPaymentPhase = Literal["pra_penempatan", "penempatan"]
PMI_PAYMENT_PHASES: dict[str, str] = {"pra_penempatan": "sebelum bekerja",
                                      "penempatan": "selama dan setelah bekerja"}
# How long a PMI payment protects, as BPJS Ketenagakerjaan's own membership manual (PROBIS
# Kepesertaan) states it under UU 18/2017 [C, secondary]: before work up to 5 months from the
# registration (a CPMI not yet gone by then pays again); during work from the departure to the
# end of the work agreement plus up to 1 month to come home, then after work 30 days from the
# arrival: the agreement's months + 2.
PMI_PRE_PLACEMENT_MONTHS = 5
PMI_MONTHS_AFTER_AGREEMENT = 2


def pmi_contribution(phase: PmiPaymentPhase, months: int = 0) -> int:
    """PMI JKK+JKM contribution: the pre-placement flat amount, or the placement package of a
    6/12/24-month work agreement; beyond 24 months the 24-month package plus Rp13.500 per
    extra month (Permenaker 4/2023 Pasal 18)."""
    if phase == "pra_penempatan":
        return PMI_PRE_PLACEMENT
    if phase != "penempatan":
        raise ValidationError(f"Tahap penempatan tidak dikenal: {phase}.", field="phase")
    if months in PMI_PLACEMENT_PACKAGES:
        return PMI_PLACEMENT_PACKAGES[months]
    if months > 24:
        return PMI_PLACEMENT_PACKAGES[24] + (months - 24) * PMI_EXTRA_MONTH
    raise ValidationError(
        "Masa penempatan PMI harus 6, 12 atau 24 bulan (atau lebih dari 24 bulan dengan "
        f"tambahan Rp13.500 per bulan); diisi {months} bulan.", field="months",
    )


def pmi_protection_months(phase: PmiPaymentPhase, months: int) -> int:
    """The months a PMI payment protects: before work `PMI_PRE_PLACEMENT_MONTHS` (`months`
    must say so: nothing typed is dropped), during and after work the agreement's `months`
    + `PMI_MONTHS_AFTER_AGREEMENT`."""
    pmi_contribution(phase, months)  # the phase and the agreement's length are valid
    if phase == "pra_penempatan":
        if months != PMI_PRE_PLACEMENT_MONTHS:
            raise ValidationError(
                f"Iuran PMI sebelum bekerja melindungi {PMI_PRE_PLACEMENT_MONTHS} bulan sejak "
                f"pendaftaran; isi {PMI_PRE_PLACEMENT_MONTHS} bulan (diisi {months}).",
                field="months")
        return PMI_PRE_PLACEMENT_MONTHS
    return months + PMI_MONTHS_AFTER_AGREEMENT
