"""The legal order of heirs (PP 44/2015 Ps 37(5); text of Permenaker 4/2023 Ps 57(4))."""

from __future__ import annotations

import pytest

from branch_desk.domain.claim_recipients import (
    Payee,
    heir_order_problem,
    heir_tier,
    jp_survivor_problem,
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


@pytest.mark.parametrize(("kind", "payees", "known", "problem"), [
    pytest.param("widow", [("Hasnah", "istri")], ["istri", "anak"], "", id="widow-to-the-wife"),
    pytest.param("widow", [("Baco", "anak")], ["istri", "anak"],
                 "bukan penerimanya: Baco (anak)", id="widow-pension-not-to-a-child"),
    pytest.param("child", [("Baco", "anak"), ("Sitti", "anak")], ["anak", "anak"], "",
                 id="child-pension-two-children"),
    pytest.param("child", [("Baco", "anak")], ["istri", "anak"],
                 "tidak meninggalkan istri atau suami", id="child-pension-while-a-widow-lives"),
    pytest.param("child", [("A", "anak"), ("B", "anak"), ("C", "anak")], ["anak"] * 3,
                 "paling banyak untuk 2 anak; tercatat 3 anak", id="child-pension-three"),
    pytest.param("parent", [("Becce", "ibu")], ["ibu", "ayah"], "", id="parent-of-a-single"),
    pytest.param("parent", [("Becce", "ibu")], ["ibu", "anak"],
                 "tidak meninggalkan istri, suami atau anak", id="parent-while-a-child-lives"),
    pytest.param("parent", [("Tahir", "saudara kandung")], ["saudara kandung"],
                 "bukan penerimanya: Tahir (saudara kandung)", id="parent-pension-not-a-sibling"),
    pytest.param("old_age", [("Daeng", "peserta")], [], "", id="old-age-is-no-survivor"),
])
def test_jp_survivor_pension_recipients(kind, payees, known, problem):
    # PP 45/2015 Ps 16 c-e as BPJS states them: the widow's pension to the spouse; the
    # child's to at most 2 children when no spouse is left; the parents' to the parents of a
    # participant who left neither spouse nor child.
    found = jp_survivor_problem(kind, [_payee(n, r) for n, r in payees], known)
    assert (problem in found) if problem else found == ""
    if problem:
        assert found.endswith("(PP 45/2015 Pasal 16)")


@pytest.mark.parametrize(("ages", "problem"), [
    pytest.param({"baco": 22}, "", id="22-still-paid"),
    pytest.param({"baco": 23}, "sudah mencapainya: Baco", id="23-no-longer"),
    pytest.param({}, "", id="age-unknown-not-refused"),
])
def test_jp_child_pension_ends_at_23(ages, problem):
    # BPJS: the child's pension runs "sampai dengan usia anak mencapai usia 23 tahun".
    found = jp_survivor_problem("child", [_payee("Baco", "anak")], ["anak"], child_ages=ages)
    assert (problem in found) if problem else found == ""
