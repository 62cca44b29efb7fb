"""docs/rules.md is generated from the rule tables of the domain and kept up to date."""

from __future__ import annotations

import subprocess
import sys
import types
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from branch_desk.domain.rule_tables import PAGE, discover, render_markdown, rules_page

ROOT = Path(__file__).resolve().parents[2]


def test_committed_rules_page_is_up_to_date():
    committed = (ROOT / PAGE).read_text(encoding="utf-8")
    assert committed == rules_page(), (
        f"{PAGE} is out of date: run `python scripts/rules_doc.py` and commit it")


def test_the_script_checks_the_page():
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "rules_doc.py"), "--check"],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr


def test_every_rule_names_its_source_and_dates():
    tables = discover()
    names = {f"{t.module}.{t.name}" for t in tables}
    assert {"rates.PU_RULES", "rates.BPU_RULES", "rates.DEFAULT_DISCOUNTS",
            "rates.DEFAULT_DEFERRALS", "construction_rates.CONSTRUCTION_TIERS",
            "benefit_rules.JKM_RULES"} <= names
    assert "rates.DEFAULT_RULES" not in names  # PU_RULES + BPU_RULES, listed once
    assert "savings.DEFAULT_RULES" not in names  # imported, not defined there
    for table in tables:
        for row in table.rows:
            assert row.source.strip(), (table.name, row)
            assert row.valid_to is None or row.valid_from <= row.valid_to


@dataclass(frozen=True)
class _NewRule:
    """A rule another engineer adds to some domain module."""

    amount: int
    valid_from: date
    valid_to: date | None
    source: str


@dataclass
class _Mutable:
    valid_from: date
    valid_to: date | None
    source: str


def test_a_table_added_to_any_domain_module_is_found():
    module = types.ModuleType("branch_desk.domain.new_rules")
    module.NEW_RULES = (_NewRule(383_400, date(2023, 3, 1), date(2024, 2, 29), "PP X Pasal 1"),
                        _NewRule(393_500, date(2024, 3, 1), None, "PP X Pasal 2"))
    module.NOT_A_TABLE = (_Mutable(date(2024, 1, 1), None, "x"),)
    module.MIXED = (_NewRule(1, date(2024, 1, 1), None, "y"), "text")
    module._PRIVATE = (_NewRule(2, date(2024, 1, 1), None, "z"),)
    (table,) = discover([module])
    assert (table.module, table.name, table.kind) == ("new_rules", "NEW_RULES", "_NewRule")
    assert [r.rule for r in table.rows] == ["amount 383.400", "amount 393.500"]
    page = render_markdown([table], preface="# Rules")
    assert "| amount 393.500 | PP X Pasal 2 | 2024-03-01 | berlaku |" in page
    assert "## `new_rules.NEW_RULES`" in page
