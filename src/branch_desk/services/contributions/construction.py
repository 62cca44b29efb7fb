"""A construction project's JKK and JKM contributions (jasa konstruksi), computed for the
officer from the contract value or the workers' wages (`domain.construction_rates`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from branch_desk.domain.construction_rates import (
    ConstructionContribution,
    TierSlice,
    construction_contribution,
    tier_slices,
)
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.programs import Program
from branch_desk.services.uow import UnitOfWork

MAX_AMOUNT = 10**15  # rupiah: beyond any contract, and within a BIGINT column


@dataclass(frozen=True)
class ConstructionQuote:
    """The contribution of one construction project for `month`, with how it was reached."""

    month: date
    contract_value: int | None
    wages: int | None
    result: ConstructionContribution
    slices: tuple[TierSlice, ...]  # contract value basis: the tiers, JKK then JKM


def _amount(value: int | None, field: str, label: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label} harus bilangan rupiah bulat.", field=field)
    if not 0 < value <= MAX_AMOUNT:
        raise ValidationError(f"{label} harus lebih dari nol dan paling banyak "
                              f"Rp{MAX_AMOUNT:,}.".replace(",", "."), field=field)
    return value


def quote_construction(uow: UnitOfWork, *, month: date, contract_value: int | None = None,
                       wages: int | None = None) -> ConstructionQuote:
    """JKK+JKM of a construction project for `month`: from the month's `wages` when the
    workers' wages are known, else from the `contract_value` by the tiers (one of the two,
    not both); the discount in force for the month (PP 49/2020) is taken off. Writes
    nothing."""
    del uow  # read-only computation; the unit of work keeps the service signature uniform
    value = _amount(contract_value, "contract_value", "Nilai kontrak")
    paid = _amount(wages, "wages", "Upah pekerja sebulan")
    if value is not None and paid is not None:
        raise ValidationError("Isi nilai kontrak atau upah pekerja, bukan keduanya: upah "
                              "dipakai bila diketahui, nilai kontrak bila tidak.",
                              field="contract_value")
    first = month.replace(day=1)
    result = construction_contribution(month=first, wages=paid, contract_value=value)
    slices: tuple[TierSlice, ...] = ()
    if value is not None:
        slices = (*tier_slices(value, Program.JKK, on=first),
                  *tier_slices(value, Program.JKM, on=first))
    return ConstructionQuote(first, value, paid, result, slices)
