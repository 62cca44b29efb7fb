"""The legal order of heirs (PP 44/2015 Ps 37(5); text of Permenaker 4/2023 Ps 57(4))."""

from __future__ import annotations

import pytest

from branch_desk.domain.claim_recipients import (
    Payee,
    heir_order_problem,
    heir_tier,
    paid_to_heirs,
    payee_problem,
    spouse_relationship,
)


@pytest.mark.parametrize(("relationship", "tier"), [
    ("istri", 1), ("Suami", 1), ("anak", 1), ("ayah", 2), ("nenek", 2), ("cucu", 2),
    ("saudara kandung", 3), ("mertua", 4), ("penerima wasiat", 5), ("tetangga", None),
])
def test_heir_tiers(relationship, tier):
    assert heir_tier(relationship) == tier


def _payee(name, relationship):
    return Payee(name, relationship, "0123456789")


@pytest.mark.parametrize(("payees", "known", "skipped"), [
    pytest.param([("Hasnah", "istri")], ["istri", "ibu"], "", id="widow-first"),
    pytest.param([("Sitti", "ibu")], ["ibu", "saudara kandung"], "", id="mother-no-widow"),
    pytest.param([("Baso", "saudara kandung")], ["istri", "saudara kandung"], "Baso",
                 id="sibling-while-widow"),
    pytest.param([("Hasnah", "istri"), ("Baso", "saudara kandung")],
                 ["istri", "saudara kandung"], "Baso", id="widow-and-sibling"),
    pytest.param([("Pak RT", "tetangga")], ["anak"], "Pak RT", id="not-an-heir"),
    pytest.param([("Sitti", "mertua")], [], "", id="nobody-else-known"),
])
def test_heir_order_problem(payees, known, skipped):
    problem = heir_order_problem([_payee(*p) for p in payees], known)
    if not skipped:
        assert problem == ""
    else:
        assert skipped in problem and "golongan" in problem and "catat alasannya" in problem
        assert "PP 44/2015 Pasal 37" in problem


@pytest.mark.parametrize(("sex", "spouse"), [("P", "suami"), ("L", "istri"), (" p ", "suami")])
def test_first_heir_row_proposes_the_spouse(sex, spouse):
    assert spouse_relationship(sex) == spouse


@pytest.mark.parametrize(("kind", "heirs"), [
    ("old_age", False), ("disability", False), ("widow", True), ("child", True),
    ("parent", True),
])
def test_jp_survivor_pensions_are_paid_to_heirs(kind, heirs):
    assert paid_to_heirs("JP", None, kind) is heirs
    problem = payee_problem("JP", None, [Payee("Daeng Sija", "peserta", "0123")], kind)
    assert bool(problem) is heirs  # never to the deceased participant
