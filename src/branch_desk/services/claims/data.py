"""Inputs of the claim services and the facts a claim keeps for recalculation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any

from branch_desk.domain.errors import ValidationError


@dataclass(frozen=True)
class RecipientData:
    """An heir or the participant who receives the payment."""

    name: str
    relationship: str
    bank_account: str = ""
    bank_name: str = ""
    nik: str = ""


@dataclass(frozen=True)
class ChildData:
    """A child named for a scholarship; `level` None = not yet at school."""

    name: str
    level: str | None
    age: int | None = None
    years_received: int = 0
    paid_so_far: int = 0
    married_or_working: bool = False


@dataclass(frozen=True)
class ClaimFactsData:
    """Type-specific facts the benefit formulas read; unused ones keep their defaults.

    `wage` None means the participant's registered monthly wage/income. `reported_on` is the
    JKK stage-I report date (default: the intake date).
    """

    wage: int | None = None
    outcome: str = "medical_only"  # JKK: death | total_disability | partial_disability | …
    medical_cost: int = 0
    transport: str | None = None  # darat | laut | udara
    transport_cost: int = 0
    stmb_months: int = 0
    disability_percent: Decimal | None = None
    function_loss_percent: Decimal | None = None
    anatomic_case: str | None = None
    rehabilitation_aid_cost: int = 0
    off_site: bool = False
    reported_on: date | None = None
    children: tuple[ChildData, ...] = ()
    jht_kind: str = "full"  # full | partial_housing | partial_other
    balance: int = 0
    requested: int | None = None
    jht_partial_taken: bool = False
    average_indexed_annual_wage: int | None = None
    accumulated_contributions: int = 0
    jp_kind: str = "old_age"  # old_age | disability | widow | child | parent
    jht_reason: str = ""  # JHT full: mengundurkan_diri | phk | "" (another reason)
    phk_reason: str = ""  # JKP: a key of claim_eligibility.PHK_REASONS
    employer_size: str = ""  # JKP: besar_menengah | mikro_kecil
    outcome_on: date | None = None  # JKK: declared recovered, disabled or dead
    stage2_reported_on: date | None = None  # JKK stage-II report
    heir_order_reason: str = ""  # why a lower tier of heirs is paid
    pmi_phase: str = ""  # PMI: sebelum | selama | setelah bekerja at the event
    pmi_benefits: tuple[tuple[str, int], ...] = ()  # PMI JKK: (benefit key, cost)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for key in ("disability_percent", "function_loss_percent"):
            if out[key] is not None:
                out[key] = str(out[key])
        for key in _DATES:
            if out[key] is not None:
                out[key] = out[key].isoformat()
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClaimFactsData:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for key in ("disability_percent", "function_loss_percent"):
            if values.get(key) is not None:
                values[key] = Decimal(values[key])
        for key in _DATES:
            if values.get(key):
                try:
                    values[key] = date.fromisoformat(str(values[key]))
                except ValueError:
                    raise ValidationError(f"Tanggal tersimpan pada klaim tidak terbaca: "
                                          f"{values[key]!r}.", field=key) from None
        values["children"] = tuple(ChildData(**c) for c in values.get("children", ()))
        values["pmi_benefits"] = _pmi_benefits(values.get("pmi_benefits", ()))
        return cls(**values)


def _pmi_benefits(raw: object) -> tuple[tuple[str, int], ...]:
    """Stored (key, cost) pairs back as tuples; anything else is refused, not half-read."""
    pairs: list[tuple[str, int]] = []
    for item in raw if isinstance(raw, list | tuple) else [raw]:
        if (not isinstance(item, list | tuple) or len(item) != 2 or not isinstance(item[0], str)
                or not isinstance(item[1], int) or isinstance(item[1], bool)):
            raise ValidationError(f"Manfaat JKK Pekerja Migran tersimpan tidak terbaca: "
                                  f"{item!r}.", field="pmi_benefits")
        pairs.append((item[0], item[1]))
    return tuple(pairs)


_DATES = ("reported_on", "outcome_on", "stage2_reported_on")


@dataclass(frozen=True)
class ClaimData:
    """A claim as the officer enters it at intake.

    `participant` is a NIK, KPJ or participant id; `received` lists checklist keys already
    received; `claim_type` is JKK, JKM, JHT, JP, JKP or BEASISWA; `cause` kerja | bukan-kerja.
    """

    participant: str
    claim_type: str
    event_date: date
    cause: str | None = None
    place: str = ""
    description: str = ""
    recipients: tuple[RecipientData, ...] = ()
    received: tuple[str, ...] = ()
    facts: ClaimFactsData = field(default_factory=ClaimFactsData)
