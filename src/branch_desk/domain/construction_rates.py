"""Construction (jasa konstruksi) contributions: JKK and JKM by the contract value's
cumulative tiers, or by the wage when the workers' wages are known (PP 44/2015 jo. PP 82/2019,
PP 49/2020); the temporary discounts of `rates` apply to them as to any segment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.programs import Program, Segment
from branch_desk.domain.rates import (
    DEFAULT_DISCOUNTS,
    ZERO,
    ContributionInput,
    DiscountRule,
    RateRule,
    find_discount,
    pct,
    round_half_up,
)

_JKK_JKM = frozenset({Program.JKK, Program.JKM})


@dataclass(frozen=True)
class ConstructionTier:
    """One slice of a construction contract's value (up to `upper`, None = no limit) and the
    rate on it; a programme's contribution is the sum over the slices (cumulative tiers)."""

    program: Program
    upper: int | None
    rate: Decimal
    valid_from: date
    valid_to: date | None
    source: str


_JAKON = Segment.JAKON
_TIER_JKK = "PP 44/2015 jo. PP 82/2019, tarif JKK jasa konstruksi (nilai kontrak) [C] S38"
_TIER_JKM_AB = ("PP 44/2015 jo. PP 82/2019, tarif JKM jasa konstruksi (nilai kontrak); huruf a-b "
                "dikutip dalam PP 49/2020 Pasal 12 ayat (2)")
_TIER_JKM_CE = ("PP 44/2015 jo. PP 82/2019, tarif JKM jasa konstruksi (nilai kontrak); huruf c-e "
                "menurut star.grid.id 2023 [I]")
_2015 = date(2015, 7, 1)

# Used when the wages of the project's workers are not known (Permenaker 44/2015 Pasal 3
# ayat (2)): cumulative tiers on the contract value.
CONSTRUCTION_TIERS: tuple[ConstructionTier, ...] = (
    ConstructionTier(Program.JKK, 100_000_000, pct("0.21"), _2015, None, _TIER_JKK),
    ConstructionTier(Program.JKK, 500_000_000, pct("0.17"), _2015, None, _TIER_JKK),
    ConstructionTier(Program.JKK, 1_000_000_000, pct("0.13"), _2015, None, _TIER_JKK),
    ConstructionTier(Program.JKK, 5_000_000_000, pct("0.11"), _2015, None, _TIER_JKK),
    ConstructionTier(Program.JKK, None, pct("0.09"), _2015, None, _TIER_JKK),
    ConstructionTier(Program.JKM, 100_000_000, pct("0.03"), _2015, None, _TIER_JKM_AB),
    ConstructionTier(Program.JKM, 500_000_000, pct("0.02"), _2015, None, _TIER_JKM_AB),
    ConstructionTier(Program.JKM, 1_000_000_000, pct("0.02"), _2015, None, _TIER_JKM_CE),
    ConstructionTier(Program.JKM, 5_000_000_000, pct("0.01"), _2015, None, _TIER_JKM_CE),
    ConstructionTier(Program.JKM, None, pct("0.01"), _2015, None, _TIER_JKM_CE),
)

# Used when the wages are known: a share of the month's wages. JKM 0,30 % is the rate PP 49/2020
# Pasal 12 ayat (1) cuts to 1 %; JKK 1,74 % (the highest risk group) is from BPJS guidance
# quoted by star.grid.id 2023 [I].
CONSTRUCTION_WAGE_RULES: tuple[RateRule, ...] = (
    RateRule(Program.JKK, _JAKON, _2015, None, "PP 44/2015 Lampiran I, tingkat risiko sangat "
             "tinggi, untuk upah pekerja konstruksi yang diketahui [I]",
             employer_rate=pct("1.74")),
    RateRule(Program.JKM, _JAKON, _2015, None, "PP 44/2015 Pasal 18 ayat (1) jo. PP 49/2020 "
             "Pasal 12 ayat (1): 0,30% dari upah sebulan", employer_rate=pct("0.30")),
)


def _tiered(contract_value: int, tiers: Sequence[ConstructionTier]) -> int:
    total, lower = ZERO, 0
    for tier in tiers:
        top = contract_value if tier.upper is None else min(contract_value, tier.upper)
        if top > lower:
            total += Decimal(top - lower) * tier.rate
        if tier.upper is None or contract_value <= tier.upper:
            break
        lower = tier.upper
    return round_half_up(total)


def _tiers(program: Program, on: date,
           tiers: Sequence[ConstructionTier]) -> list[ConstructionTier]:
    chosen = [t for t in tiers if t.program is program and t.valid_from <= on
              and (t.valid_to is None or on <= t.valid_to)]
    if not chosen:
        raise ValidationError(f"Belum ada tarif {program.value} jasa konstruksi untuk "
                              f"{on:%m/%Y}.", field="month")
    return sorted(chosen, key=lambda t: (t.upper is None, t.upper or 0))


@dataclass(frozen=True)
class TierSlice:
    """The part of a contract value inside one tier and its contribution (unrounded: the
    programme's sum is rounded once)."""

    program: Program
    lower: int
    upper: int
    rate: Decimal
    amount: Decimal
    source: str


def tier_slices(contract_value: int, program: Program, *, on: date,
                tiers: Sequence[ConstructionTier] = CONSTRUCTION_TIERS) -> list[TierSlice]:
    """How `construction_jkk`/`construction_jkm` reach their figure: the slices of the
    contract value, tier by tier."""
    if contract_value <= 0:
        raise ValidationError("Nilai kontrak harus lebih dari nol.", field="contract_value")
    slices, lower = [], 0
    for tier in _tiers(program, on, tiers):
        top = contract_value if tier.upper is None else min(contract_value, tier.upper)
        if top > lower:
            slices.append(TierSlice(program, lower, top, tier.rate,
                                    Decimal(top - lower) * tier.rate, tier.source))
        if tier.upper is None or contract_value <= tier.upper:
            break
        lower = tier.upper
    return slices


def construction_jkk(
    contract_value: int, *, on: date = date(2025, 1, 1),
    tiers: Sequence[ConstructionTier] = CONSTRUCTION_TIERS,
) -> int:
    """JKK contribution of a construction project from its contract value: each tier's rate on
    the slice of the value inside it, summed, then rounded half up once."""
    if contract_value <= 0:
        raise ValidationError("Nilai kontrak harus lebih dari nol.", field="contract_value")
    return _tiered(contract_value, _tiers(Program.JKK, on, tiers))


def construction_jkm(
    contract_value: int, *, on: date = date(2025, 1, 1),
    tiers: Sequence[ConstructionTier] = CONSTRUCTION_TIERS,
) -> int:
    """JKM contribution of a construction project from its contract value (cumulative tiers,
    rounded half up once), paid beside `construction_jkk`."""
    if contract_value <= 0:
        raise ValidationError("Nilai kontrak harus lebih dari nol.", field="contract_value")
    return _tiered(contract_value, _tiers(Program.JKM, on, tiers))


@dataclass(frozen=True)
class ConstructionContribution:
    """JKK and JKM of a construction project, after any discount in force for `month`."""

    basis: Literal["upah", "nilai_kontrak"]
    jkk: int
    jkm: int
    discount: int
    sources: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.jkk + self.jkm


def construction_contribution(
    *, month: date, wages: int | None = None, contract_value: int | None = None,
    discounts: Sequence[DiscountRule] = DEFAULT_DISCOUNTS,
) -> ConstructionContribution:
    """JKK+JKM of a construction project: from the month's `wages` of its workers when they
    are known (monthly), else from the `contract_value` (once, by the tiers). A discount for
    segment JAKON in force in `month` (PP 49/2020) is taken off each programme."""
    if wages is not None:
        if wages <= 0:
            raise ValidationError("Upah pekerja konstruksi harus lebih dari nol.",
                                  field="wages")
        gross = {r.program: round_half_up(Decimal(wages) * r.employer_rate)
                 for r in CONSTRUCTION_WAGE_RULES if r.in_force(month.replace(day=1))}
        sources = tuple(r.source for r in CONSTRUCTION_WAGE_RULES)
        basis: Literal["upah", "nilai_kontrak"] = "upah"
    elif contract_value is not None:
        gross = {Program.JKK: construction_jkk(contract_value, on=month),
                 Program.JKM: construction_jkm(contract_value, on=month)}
        sources = (_TIER_JKK, _TIER_JKM_AB)
        basis = "nilai_kontrak"
    else:
        raise ValidationError("Isi upah pekerja atau nilai kontrak konstruksi.",
                              field="contract_value")
    probe = ContributionInput(_JAKON, _JKK_JKM, wages or contract_value or 0, month)
    cut = {p: find_discount(discounts, probe, p) for p in gross}
    off = {p: round_half_up(gross[p] * c.rate) if c else 0 for p, c in cut.items()}
    sources += tuple(sorted({c.source for c in cut.values() if c}))
    return ConstructionContribution(basis, gross[Program.JKK] - off[Program.JKK],
                                    gross[Program.JKM] - off[Program.JKM],
                                    sum(off.values()), sources)
