"""Contribution (iuran) rate tables as effective-dated data, and the monthly calculation.

A regulation change is a new row with a start date, never an edit of an old row. Marks
[C]/[I]/[U] are those of DOMAIN.md. Every rupiah amount is rounded half up to whole rupiah
by `round_half_up`, once per payer part of each line (see `monthly_contribution`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.programs import (
    FundingSource,
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
    """A temporary cut of some programmes' contributions (PP 50/2025)."""

    segment: Segment
    programs: frozenset[Program]
    rate: Decimal
    valid_from: date
    valid_to: date | None
    source: str
    occupations: frozenset[str] | None = None  # None: every occupation
    excluded_funding: frozenset[FundingSource] = frozenset(
        {FundingSource.APBD, FundingSource.APBN}
    )

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


_PU, _BPU = Segment.PU, Segment.BPU
_PP44 = "PP 44/2015 Lampiran I"
_JKP_START = date(2021, 2, 2)  # PP 37/2021 promulgated [I]: DOMAIN cites PP 49/2023 for the split
_PP6_2025 = date(2025, 2, 7)
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
    # JP wage cap, indexed every March (PP 45/2015 Pasal 29). Start of the 9.559.600 row [U].
    RateRule(Program.JP, _PU, date(2023, 3, 1), date(2024, 2, 29), "PP 45/2015 Pasal 28-29",
             employer_rate=pct("2"), worker_rate=pct("1"), wage_cap=9_559_600),
    RateRule(Program.JP, _PU, date(2024, 3, 1), date(2025, 2, 28), "PP 45/2015 Pasal 28-29",
             employer_rate=pct("2"), worker_rate=pct("1"), wage_cap=10_042_300),
    RateRule(Program.JP, _PU, date(2025, 3, 1), None, "PP 45/2015 Pasal 28-29 [I]",
             employer_rate=pct("2"), worker_rate=pct("1"), wage_cap=10_547_400,
             note="Batas upah JP 2025 Rp10.547.400 belum dikonfirmasi dari sumber resmi."),
    # JKP: the central government's 0.22 % is the only part not already inside JKK/JKM.
    RateRule(Program.JKP, _PU, _JKP_START, date(2025, 2, 6), "PP 37/2021",
             government_rate=pct("0.22"),
             note="Iuran JKP 0,46%: 0,22% Pemerintah Pusat + 0,14% dari JKK + 0,10% dari JKM."),
    RateRule(Program.JKP, _PU, _PP6_2025, None, "PP 6/2025",
             government_rate=pct("0.22"),
             note="Iuran JKP 0,36%: 0,22% Pemerintah Pusat + 0,14% dialihkan dari iuran JKK."),
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

TRANSPORT_OCCUPATIONS = frozenset({"ojol", "kurir", "sopir"})

# PP 50/2025 (promulgated 22 Dec 2025): 50 % off BPU JKK+JKM, not for APBN/APBD-funded
# participants [C] S34, S35. Periods [U]: transport workers 15 months from 22 Dec 2025
# (to 21 Mar 2027); every other BPU assumed 1 Jan–31 Dec 2026. At most one discount applies.
DEFAULT_DISCOUNTS: tuple[DiscountRule, ...] = (
    DiscountRule(_BPU, frozenset({Program.JKK, Program.JKM}), pct("50"),
                 date(2025, 12, 22), date(2027, 3, 21), "PP 50/2025 (ojol/kurir/sopir, 15 bulan)",
                 occupations=TRANSPORT_OCCUPATIONS),
    DiscountRule(_BPU, frozenset({Program.JKK, Program.JKM}), pct("50"),
                 date(2026, 1, 1), date(2026, 12, 31), "PP 50/2025 (seluruh BPU, 2026 [U])"),
)


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
    """The first discount in force on the first day of the month that fits `inp`, if any."""
    occupation = (inp.occupation or "").strip().lower()
    for rule in discounts:
        if (rule.segment is inp.segment and program in rule.programs
                and rule.in_force(inp.month) and inp.funding not in rule.excluded_funding
                and (rule.occupations is None or occupation in rule.occupations)):
            return rule
    return None


_ORDER = (Program.JKK, Program.JKM, Program.JHT, Program.JP, Program.JKP)


def monthly_contribution(
    inp: ContributionInput,
    rules: Sequence[RateRule] = DEFAULT_RULES,
    discounts: Sequence[DiscountRule] = DEFAULT_DISCOUNTS,
) -> ContributionBreakdown:
    """Contribution of one PU or BPU participant for `inp.month`, one line per programme.

    Rounding: each payer part of a line is rounded half up separately; a discount is the
    rounded share of the gross line. Outside PU the whole line is booked to the payer named
    by `inp.funding` (MANDIRI → worker, EMPLOYER/CSR → employer, APBD/APBN → government).
    JAKON and PMI are not monthly: use `construction_jkk` and `pmi_contribution`.
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
    lines = tuple(
        _line(inp, segment, program, rules, discounts)
        for program in _ORDER if program in inp.programs
    )
    return ContributionBreakdown(month=inp.month, segment=segment, lines=lines)


def _line(
    inp: ContributionInput, segment: Segment, program: Program,
    rules: Sequence[RateRule], discounts: Sequence[DiscountRule],
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
    if segment is Segment.PU:
        return ContributionLine(program, employer + worker + government, employer, worker,
                                government, rule.source, note=rule.note)
    gross = employer + worker + government
    if rule.amount_cap is not None:
        gross = min(gross, rule.amount_cap)
    source, discount = rule.source, 0
    cut = find_discount(discounts, inp, program)
    if cut is not None:
        discount = round_half_up(gross * cut.rate)
        source = f"{rule.source}; diskon {(cut.rate * 100).normalize():f}% {cut.source}"
    net = gross - discount
    parts = {"employer": 0, "worker": 0, "government": 0} | {_PAYER[inp.funding]: net}
    return ContributionLine(program, net, parts["employer"], parts["worker"],
                            parts["government"], source, discount, rule.note)


_PAYER: dict[FundingSource, Literal["employer", "worker", "government"]] = {
    FundingSource.MANDIRI: "worker",
    FundingSource.EMPLOYER: "employer",
    FundingSource.CSR: "employer",
    FundingSource.APBD: "government",
    FundingSource.APBN: "government",
}

# Jasa konstruksi JKK, cumulative tiers on the contract value [C] S38: (upper bound, rate).
CONSTRUCTION_JKK_TIERS: tuple[tuple[int | None, Decimal], ...] = (
    (100_000_000, pct("0.21")),
    (500_000_000, pct("0.17")),
    (1_000_000_000, pct("0.13")),
    (5_000_000_000, pct("0.11")),
    (None, pct("0.09")),
)
CONSTRUCTION_SOURCE = "Tarif JKK jasa konstruksi berdasarkan nilai kontrak (DOMAIN §2.3, S38)"


def construction_jkk(
    contract_value: int, *, tiers: Sequence[tuple[int | None, Decimal]] = CONSTRUCTION_JKK_TIERS
) -> int:
    """JKK contribution of a construction project: each tier's rate on the slice of the contract
    value inside it, summed, then rounded half up once."""
    if contract_value <= 0:
        raise ValidationError("Nilai kontrak harus lebih dari nol.", field="contract_value")
    total, lower = ZERO, 0
    for upper, rate in tiers:
        top = contract_value if upper is None else min(contract_value, upper)
        if top > lower:
            total += Decimal(top - lower) * rate
        if upper is None or contract_value <= upper:
            break
        lower = upper
    return round_half_up(total)


# Pekerja Migran Indonesia, Permenaker 4/2023 Pasal 18 [C] S37.
PMI_SOURCE = "Permenaker 4/2023 Pasal 18"
PMI_PRE_PLACEMENT = 37_500
PMI_PLACEMENT_PACKAGES: dict[int, int] = {6: 108_000, 12: 189_000, 24: 332_500}
PMI_EXTRA_MONTH = 13_500


def pmi_contribution(phase: Literal["pra_penempatan", "penempatan"], months: int = 0) -> int:
    """PMI JKK+JKM contribution: the pre-placement flat amount, or a 6/12/24-month placement
    package; beyond 24 months the 24-month package plus Rp13.500 per extra month [I]."""
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
