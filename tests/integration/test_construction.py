"""Issue 18 item 6: a construction project's JKK and JKM from the service and the CLI
(`contributions construction`), by contract value tiers or by the wages."""

from __future__ import annotations

import json
from datetime import date

import pytest

from branch_desk.domain.errors import ValidationError
from branch_desk.services.contributions.construction import quote_construction


def _quote(office, **kwargs):
    with office.uow(write=False) as uow:
        return quote_construction(uow, **kwargs)


def test_contract_value_tiers_of_a_one_milliard_project(office):
    # Rp1 M: JKK 0,21% of 100 jt + 0,17% of 400 jt + 0,13% of 500 jt = Rp1.540.000
    # (PP 44/2015 jo. PP 82/2019 tiers); JKM 0,03% + 0,02% + 0,02% = Rp210.000.
    q = _quote(office, month=date(2025, 6, 1), contract_value=1_000_000_000)
    assert (q.result.jkk, q.result.jkm, q.result.total) == (1_540_000, 210_000, 1_750_000)
    assert [(t.program.value, t.lower, t.upper) for t in q.slices] == [
        ("JKK", 0, 100_000_000), ("JKK", 100_000_000, 500_000_000),
        ("JKK", 500_000_000, 1_000_000_000), ("JKM", 0, 100_000_000),
        ("JKM", 100_000_000, 500_000_000), ("JKM", 500_000_000, 1_000_000_000)]
    assert sum(t.amount for t in q.slices) == q.result.total


def test_pp49_2020_discount_on_a_project_of_october_2020(office):
    # PP 49/2020 Pasal 12: 99% off a construction project's JKK and JKM in Aug 2020-Jan 2021.
    q = _quote(office, month=date(2020, 10, 1), contract_value=100_000_000)
    assert q.result.total == 2_400 and q.result.discount == 237_600
    assert any("PP 49/2020" in s for s in q.result.sources)


@pytest.mark.parametrize(("kwargs", "field"), [
    pytest.param({"contract_value": 0}, "contract_value", id="zero"),
    pytest.param({"contract_value": -5}, "contract_value", id="negative"),
    pytest.param({"contract_value": 10**19}, "contract_value", id="beyond-bigint"),
    pytest.param({"contract_value": True}, "contract_value", id="a-boolean"),
    pytest.param({"wages": 1.5}, "wages", id="a-float"),
    pytest.param({"contract_value": 10**9, "wages": 10**7}, "contract_value", id="both"),
    pytest.param({}, "contract_value", id="neither"),
])
def test_bad_input_is_refused_with_the_field_named(office, kwargs, field):
    with pytest.raises(ValidationError) as err:
        _quote(office, month=date(2025, 6, 1), **kwargs)
    assert err.value.field == field


def test_cli_construction_by_contract_value_and_by_wages(cli):
    out = cli("contributions", "construction", "--month", "2025-06", "--contract-value",
              "Rp1.000.000.000", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert (data["basis"], data["jkk"], data["jkm"], data["total"]) == (
        "nilai_kontrak", 1_540_000, 210_000, 1_750_000)
    assert len(data["tiers"]) == 6
    text = cli("contributions", "construction", "--month", "2025-06", "--wages",
               "50000000").stdout
    # Wages known: JKK 1,74% and JKM 0,30% of Rp50 jt.
    assert "JKK Rp870.000" in text and "JKM Rp150.000" in text and "Jumlah Rp1.020.000" in text


@pytest.mark.parametrize("args", [
    ("--contract-value", "satu miliar"), ("--contract-value", "1000", "--wages", "1000"), (),
])
def test_cli_refuses_unreadable_arguments_in_indonesian(cli, capsys, args):
    with pytest.raises(SystemExit) as done:
        cli("contributions", "construction", "--month", "2025-06", *args)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "error:" in err


def test_cli_refuses_a_value_out_of_range_without_a_traceback(cli):
    out = cli("contributions", "construction", "--month", "2025-06", "--contract-value",
              "Rp0")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "Nilai kontrak harus lebih dari nol" in out.stderr
