"""Someone to pay before a claim moves on (DOMAIN §3.1 heirs, §4.2 bank book on every payable
checklist): a recipient with name, relationship and bank account; an heir, never the
deceased, for JKM, the scholarship and a JKK death."""

from __future__ import annotations

import pytest

from branch_desk.domain.claim_recipients import Payee, payee_problem
from branch_desk.domain.claim_workflow import ClaimFacts, ClaimStatus, check_transition
from branch_desk.domain.errors import InvalidTransition

WIDOW = Payee("Hasnah", "istri", "0123456789")
SELF = Payee("Daeng Sija", "peserta", "0987654321")


@pytest.mark.parametrize(("claim_type", "outcome", "recipients", "expected"), [
    ("JKM", None, [WIDOW], ""),
    ("JKM", None, [], "belum ada ahli waris penerima manfaat"),
    ("BEASISWA", None, [], "belum ada ahli waris penerima manfaat"),
    ("JKK", "death", [], "belum ada ahli waris penerima manfaat"),
    ("JKM", None, [SELF], "bukan kepada peserta yang meninggal"),
    ("JKK", "death", [SELF], "bukan kepada peserta yang meninggal"),
    ("JKM", None, [Payee("Hasnah", "istri", "")],
     "belum ada ahli waris dengan nama, hubungan dan nomor rekening bank yang lengkap "
     "(Hasnah: nomor rekening belum diisi)"),
    ("JKM", None, [Payee("Hasnah", "", ""), Payee("Nur", "anak", "12")], ""),  # one is enough
    ("JKM", None, [Payee("  ", "istri", "0123")], "belum ada ahli waris penerima manfaat"),
    ("JKK", "medical_only", [SELF], ""),
    ("JHT", None, [Payee("Daeng Sija", "peserta", "")],
     "belum ada penerima dengan nama, hubungan dan nomor rekening bank yang lengkap "
     "(Daeng Sija: nomor rekening belum diisi)"),
    ("JKP", None, [], "belum ada penerima manfaat"),
])
def test_payee_problem(claim_type, outcome, recipients, expected):
    problem = payee_problem(claim_type, outcome, recipients)
    assert (problem == "") if not expected else expected in problem


def _facts(status: str, problem: str) -> ClaimFacts:
    verified = "budi" if status in ("diverifikasi", "disetujui") else None
    return ClaimFacts(status, "ani", verified, True, problem)


@pytest.mark.parametrize(("status", "to", "actor", "role", "kwargs", "word"), [
    ("draft", "diajukan", "ani", "petugas", {}, "diajukan"),
    ("diajukan", "diverifikasi", "budi", "petugas", {}, "diverifikasi"),
    ("diverifikasi", "disetujui", "kepala", "supervisor", {}, "disetujui"),
    ("disetujui", "dibayar", "ani", "petugas", {"reference": "TRF-1"}, "dicatat dibayar"),
])
def test_no_step_towards_payment_without_a_payee(status, to, actor, role, kwargs, word):
    problem = "belum ada ahli waris penerima manfaat"
    with pytest.raises(InvalidTransition) as caught:
        check_transition(_facts(status, problem), to, actor=actor, actor_role=role, **kwargs)
    assert str(caught.value) == f"Klaim belum dapat {word}: {problem}."
    assert caught.value.field == "recipients"
    check_transition(_facts(status, ""), to, actor=actor, actor_role=role, **kwargs)


@pytest.mark.parametrize(("status", "to", "kwargs"), [
    ("diajukan", ClaimStatus.DITOLAK, {"reason": "ahli waris tidak jelas"}),
    ("dibayar", ClaimStatus.DIAJUKAN, {"reason": "rekening salah"}),  # reopen to fix it
])
def test_rejecting_and_reopening_need_no_payee(status, to, kwargs):
    check_transition(_facts(status, "belum ada penerima manfaat"), to, actor="kepala",
                     actor_role="supervisor", **kwargs)
