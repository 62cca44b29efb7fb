"""The effective-dated rule tables of the domain, found by their shape, and the Markdown page
that lists them (`docs/rules.md`, written by `scripts/rules_doc.py`).

A rule table is a module-level tuple (or list) of frozen dataclass rows that all have the
fields `source`, `valid_from` and `valid_to`, in any module of `branch_desk.domain`. A table
added to any domain module appears in the page without being registered anywhere; a tuple
built from other tables (``DEFAULT_RULES = PU_RULES + BPU_RULES``) is not listed twice.
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import inspect
import pkgutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import ModuleType

import branch_desk.domain as domain_package

_DATED = frozenset({"source", "valid_from", "valid_to"})
_NOT_SHOWN = _DATED | {"note"}


@dataclass(frozen=True)
class RuleRow:
    """One row of a rule table as the page shows it."""

    rule: str  # the row's own values, e.g. "JP, PU, employer_rate 2%, wage_cap 7.000.000"
    source: str
    valid_from: date
    valid_to: date | None


@dataclass(frozen=True)
class RuleTable:
    """A rule table: where it lives, what its rows are, and the rows."""

    module: str
    name: str
    kind: str  # the row class, e.g. "RateRule"
    title: str  # the first paragraph of the row class's docstring
    rows: tuple[RuleRow, ...]


def _is_row(value: object) -> bool:
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return False
    params = getattr(type(value), "__dataclass_params__", None)
    names = {f.name for f in dataclasses.fields(value)}
    return bool(params and params.frozen) and names >= _DATED


def _text(name: str, value: object) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, Decimal):
        if name.endswith(("rate", "share")):
            return f"{(value * 100).normalize():f}%".replace(".", ",")
        return f"{value.normalize():f}".replace(".", ",")
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "; ".join(f"{_text(name, k)}: {_text(name, v)}" for k, v in value.items())
    if isinstance(value, frozenset | set):
        return "+".join(sorted(_text(name, v) for v in value))
    if isinstance(value, tuple | list):
        if any(isinstance(v, tuple | list) for v in value):
            return "; ".join(f"({_text(name, v)})" if isinstance(v, tuple | list)
                             else _text(name, v) for v in value)
        return ", ".join(_text(name, v) for v in value)
    return str(value)


def _summary(row: object) -> str:
    parts: list[str] = []
    for field in dataclasses.fields(row):  # type: ignore[arg-type]
        if field.name in _NOT_SHOWN:
            continue
        value = getattr(row, field.name)
        default = field.default
        if field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        if default is not dataclasses.MISSING and value == default:
            continue
        if value is None:
            continue
        parts.append(f"{field.name} {_text(field.name, value)}")
    return ", ".join(parts)


def _domain_modules() -> Iterable[ModuleType]:
    for info in sorted(pkgutil.iter_modules(domain_package.__path__), key=lambda m: m.name):
        yield importlib.import_module(f"{domain_package.__name__}.{info.name}")


def discover(modules: Iterable[ModuleType] | None = None) -> list[RuleTable]:
    """Every rule table of the domain modules (module by module, in definition order); a table
    whose rows all belong to a table already listed is left out. A table is listed under the
    module that defines its row class when it is there too."""
    found: list[tuple[ModuleType, str, tuple[object, ...]]] = []
    for module in modules if modules is not None else _domain_modules():
        for name, value in vars(module).items():
            if (name.startswith("_") or not isinstance(value, tuple | list) or not value
                    or not all(_is_row(row) for row in value)):
                continue
            found.append((module, name, tuple(value)))
    home = sorted(found, key=lambda t: type(t[2][0]).__module__ != t[0].__name__)
    seen: set[int] = set()
    chosen: set[tuple[str, str]] = set()
    for module, name, rows in home:
        if all(id(row) in seen for row in rows):
            continue
        seen.update(id(row) for row in rows)
        chosen.add((module.__name__, name))
    tables: list[RuleTable] = []
    for module, name, rows in found:
        if (module.__name__, name) not in chosen:
            continue
        chosen.discard((module.__name__, name))
        kind = type(rows[0])
        doc = (inspect.getdoc(kind) or kind.__name__).split("\n\n")[0]
        tables.append(RuleTable(
            module.__name__.rsplit(".", 1)[-1], name, kind.__name__, " ".join(doc.split()),
            tuple(RuleRow(_summary(r), r.source, r.valid_from, r.valid_to)  # type: ignore
                  for r in rows)))
    return tables


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(tables: Iterable[RuleTable], *, preface: str) -> str:
    """The rules page: `preface`, then one section per table with rule, source and dates."""
    lines = [preface.rstrip(), ""]
    for table in tables:
        lines += [f"## `{table.module}.{table.name}`", "",
                  f"{table.kind}: {table.title}", "",
                  "| rule | regulation and article | from | to |",
                  "| --- | --- | --- | --- |"]
        lines += [f"| {_cell(r.rule) or '–'} | {_cell(r.source)} | {r.valid_from.isoformat()} "
                  f"| {r.valid_to.isoformat() if r.valid_to else 'berlaku'} |"
                  for r in table.rows]
        lines.append("")
    return "\n".join(lines)


PAGE = "docs/rules.md"

PREFACE = """\
# Rules and their regulations

<!-- Generated by scripts/rules_doc.py from the rule tables of src/branch_desk/domain;
     do not edit by hand: change the table (its `source`, `valid_from`, `valid_to`) and run
     `python scripts/rules_doc.py`. tests/unit/test_rules_doc.py fails while this page is
     out of date. -->

Every effective-dated rule the program applies, table by table: the rule's own values, the
regulation and article it comes from, and the months (contribution rules) or event dates
(benefit rules) it covers. "berlaku" means still in force. Rates are percentages of the wage,
the declared income or the contract value; amounts are rupiah. [I] marks a figure or article
taken from a secondary source or derived, not read in the regulation's own text.

## Notes from the check against the regulations (issue 18)

- **PP 50/2025** (Pasal 3: APBN/APBD-funded BPU excluded; Pasal 4 ayat (1): 50% of JKK and
  JKM). The periods — transport workers (ojek online and pangkalan, couriers, drivers) from
  the January 2026 to the March 2027 contribution, every other BPU April–December 2026 — are
  as Kemnaker and BPJS Ketenagakerjaan announced them in January–February 2026; the article
  that names them was not found in a public copy of the PP. Transport workers are recognised
  by the occupation's group ("Transportasi", `domain/occupations.py`), not by one word.
  Months paid in full before the discount covered them are a credit for later months: the
  payment form and `quote_payment` take it off, the ledger entry's note records it, and the
  payment that gave the credit cannot be reversed while a later payment rests on it. Partner
  (Pemda) bills take no credit: no public copy of the PP was found to say whether the credit
  applies to them, and a Pemda's APBD-funded workers are outside PP 50/2025 (Pasal 3) anyway;
  a bill for CSR- or employer-funded BPU paid ahead is left to the officer.
- **PP 7/2025 jo. PP 36/2025**: confirmed. 50% off JKK (0,24/0,54/0,89/1,27/1,74% →
  0,12/0,27/0,445/0,635/0,87%, Pasal 4 ayat (1)) for employers with at least 50 active workers
  (Pasal 3 ayat (3)) in six industries (Pasal 3 ayat (4)): food, beverages *and tobacco*;
  textiles and apparel; leather and leather goods; footwear; children's toys; furniture. The
  issue's "leather/footwear" are two industries in the PP, and tobacco belongs with food and
  beverages. Contributions of February–July 2025 (Pasal 10), extended to January 2026 by
  PP 36/2025 (Pasal 10A). It applies to PU workers of an employer partner whose industry and
  number of workers are recorded (partner dialog, `partners add --industry --workers`). The
  condition of Pasal 6 ayat (2), JKK paid up to January 2025 (as radiodms.com quotes the PP),
  is checked per worker (the PP says per employer [I]): a worker with an unpaid month up to
  January 2025 pays JKK in full and the quote says why.
- **PP 49/2020**: confirmed. 99% off JKK (Pasal 8) and JKM (Pasal 9; BPU JKM Rp6.800 →
  Rp68) for the August 2020–January 2021 contributions, construction included (Pasal 12);
  99% of JP deferred, settled from 15 May 2021 and by 15 April 2022 (Pasal 17 ayat (2)), so a
  JP month of that period is owed in full. Pasal 13 (Kemnaker's e-Kliping of 10 September 2020
  quoting it): JKK and JKM paid up to July 2020; a participant enrolled after July 2020 pays
  its first two months in full and gets the discount from the third. Checked when a payment
  or a bill is priced: months paid before, or billed or paid together, count as paid.
- **JP wage cap** (PP 45/2015 Pasal 29): Rp7.000.000 from July 2015, then multiplied every
  March by 1 + the previous year's GDP growth. The 2021 figure (Rp8.754.600) was not found in a
  BPJS letter and is the formula's result; the March start of 2016–2018 and 2022 is [I].
- **Construction** (`contributions construction --month --contract-value|--wages`, with the
  tiers shown slice by slice): JKK tiers on the contract value as before; JKM tiers 0,03% (to
  Rp100 jt) and +0,02% (Rp100–500 jt) are quoted in PP 49/2020 Pasal 12 ayat (2), the upper tiers
  (+0,02%, +0,01%, +0,01%) only by a secondary source [I]. When the wages are known: JKM 0,30%
  of the month's wages (PP 49/2020 Pasal 12 ayat (1)), JKK 1,74% [I].
- **JKP**: the central government's 0,22% is computed on the wage capped at Rp5.000.000
  (PP 37/2021; the article number, Pasal 12, is [I]).
- **Coverage percentage**: Monev reports Palopo's 36.553 of 59.392 as 61,54%; the quotient is
  61,5453…, which rounds half up to 61,55%, so Monev cuts the figure off after two decimals and
  the program does the same.
"""


def rules_page() -> str:
    """The text of `docs/rules.md` for the tables as they are now."""
    return render_markdown(discover(), preface=PREFACE)
