"""Claim state machine and four-eyes rules (DESIGN: supervisors approve, never their own)."""

from __future__ import annotations

import pytest

from branch_desk.domain.claim_workflow import (
    TRANSITIONS,
    ClaimFacts,
    ClaimStatus,
    check_transition,
    permitted_targets,
)
from branch_desk.domain.errors import InvalidTransition

S = ClaimStatus
CREATOR, VERIFIER, OTHER, BOSS = "ani", "budi", "citra", "kepala"


def claim(status: str, *, created_by: str = CREATOR, verified_by: str | None = None,
          documents_complete: bool = True) -> ClaimFacts:
    if verified_by is None and status in ("diverifikasi", "disetujui", "dibayar"):
        verified_by = VERIFIER
    return ClaimFacts(status, created_by, verified_by, documents_complete)


def test_labels_are_indonesian():
    assert [s.label for s in ClaimStatus] == [
        "Draf", "Diajukan", "Diverifikasi", "Disetujui", "Dibayar", "Ditolak"]


def test_happy_path_with_four_eyes():
    check_transition(claim("draft"), "diajukan", actor=CREATOR, actor_role="petugas")
    check_transition(claim("diajukan"), "diverifikasi", actor=VERIFIER, actor_role="petugas")
    check_transition(claim("diverifikasi"), "disetujui", actor=BOSS, actor_role="supervisor")
    check_transition(claim("disetujui"), "dibayar", actor=CREATOR, actor_role="petugas",
                     reference="TRF-2025-0001")


@pytest.mark.parametrize(("facts", "to", "actor", "role", "kwargs"), [
    pytest.param(claim("diajukan"), S.DIVERIFIKASI, BOSS, "supervisor", {},
                 id="supervisor-may-verify-others-claim"),
    pytest.param(claim("disetujui"), S.DIBAYAR, BOSS, "supervisor", {"reference": "T-1"},
                 id="supervisor-may-pay"),
    pytest.param(claim("draft"), S.DITOLAK, BOSS, "supervisor", {"reason": "ganda"},
                 id="supervisor-rejects-draft"),
    pytest.param(claim("diajukan"), S.DITOLAK, BOSS, "supervisor", {"reason": "x"},
                 id="supervisor-rejects-submitted"),
    pytest.param(claim("diverifikasi"), S.DITOLAK, BOSS, "supervisor", {"reason": "x"},
                 id="supervisor-rejects-verified"),
    pytest.param(claim("disetujui"), S.DITOLAK, BOSS, "supervisor", {"reason": "x"},
                 id="supervisor-rejects-approved"),
    pytest.param(claim("diajukan"), S.DITOLAK, VERIFIER, "petugas", {"reason": "x"},
                 id="verifier-rejects-at-verification"),
    pytest.param(claim("diverifikasi"), S.DITOLAK, VERIFIER, "petugas", {"reason": "x"},
                 id="verifier-rejects-what-they-verified"),
    pytest.param(claim("ditolak"), S.DIAJUKAN, BOSS, "supervisor", {"reason": "banding"},
                 id="supervisor-reopens-rejected"),
    pytest.param(claim("dibayar"), S.DIAJUKAN, BOSS, "supervisor", {"reason": "koreksi"},
                 id="supervisor-reopens-paid"),
])
def test_allowed_transitions(facts, to, actor, role, kwargs):
    check_transition(facts, to, actor=actor, actor_role=role, **kwargs)


@pytest.mark.parametrize(("facts", "to", "actor", "role", "kwargs", "text", "field"), [
    pytest.param(claim("diverifikasi"), "disetujui", BOSS, "admin", {}, "Admin", "actor",
                 id="admin-is-not-an-approver"),
    pytest.param(claim("draft"), "diajukan", CREATOR, "admin", {}, "Admin", "actor",
                 id="admin-takes-no-claim-step"),
    pytest.param(claim("draft"), "diajukan", CREATOR, "tamu", {}, "Peran", "actor",
                 id="unknown-role"),
    pytest.param(claim("hilang"), "diajukan", CREATOR, "petugas", {}, "tidak dikenal",
                 "status", id="unknown-current-status"),
    pytest.param(claim("draft"), "selesai", CREATOR, "petugas", {}, "tidak dikenal", "to",
                 id="unknown-target-status"),
    pytest.param(claim("draft"), "disetujui", BOSS, "supervisor", {}, "Draf ke Disetujui",
                 "status", id="no-skipping-to-approval"),
    pytest.param(claim("draft"), "dibayar", BOSS, "supervisor", {"reference": "T"},
                 "tidak dapat diubah", "status", id="no-paying-a-draft"),
    pytest.param(claim("diajukan"), "disetujui", BOSS, "supervisor", {}, "tidak dapat diubah",
                 "status", id="no-approval-before-verification"),
    pytest.param(claim("diverifikasi"), "dibayar", OTHER, "petugas", {"reference": "T"},
                 "tidak dapat diubah", "status", id="no-payment-before-approval"),
    pytest.param(claim("dibayar"), "ditolak", BOSS, "supervisor", {"reason": "x"},
                 "tidak dapat diubah", "status", id="paid-cannot-be-rejected"),
    pytest.param(claim("ditolak"), "disetujui", BOSS, "supervisor", {}, "tidak dapat diubah",
                 "status", id="rejected-cannot-be-approved"),
    pytest.param(claim("draft"), "draft", CREATOR, "petugas", {}, "tidak dapat diubah",
                 "status", id="same-status"),
    pytest.param(claim("draft", documents_complete=False), "diajukan", CREATOR, "petugas", {},
                 "dokumen wajib", "documents", id="submit-needs-all-documents"),
    pytest.param(claim("diajukan"), "diverifikasi", CREATOR, "petugas", {}, "pembuat klaim",
                 "actor", id="creator-cannot-verify"),
    pytest.param(claim("diajukan", created_by=BOSS), "diverifikasi", BOSS, "supervisor", {},
                 "pembuat klaim", "actor", id="supervisor-creator-cannot-verify"),
    pytest.param(claim("diverifikasi"), "disetujui", OTHER, "petugas", {}, "hanya oleh "
                 "supervisor", "actor", id="petugas-cannot-approve"),
    pytest.param(claim("diverifikasi", created_by=BOSS), "disetujui", BOSS, "supervisor", {},
                 "dibuatnya sendiri", "actor", id="no-approving-own-claim"),
    pytest.param(claim("diverifikasi", verified_by=BOSS), "disetujui", BOSS, "supervisor", {},
                 "diverifikasinya sendiri", "actor", id="no-approving-what-you-verified"),
    pytest.param(claim("disetujui"), "dibayar", OTHER, "petugas", {}, "referensi transfer",
                 "reference", id="payment-needs-reference"),
    pytest.param(claim("disetujui"), "dibayar", OTHER, "petugas", {"reference": "  "},
                 "referensi transfer", "reference", id="payment-needs-non-blank-reference"),
    pytest.param(claim("diajukan"), "ditolak", BOSS, "supervisor", {}, "alasan penolakan",
                 "reason", id="reject-needs-reason"),
    pytest.param(claim("diajukan"), "ditolak", BOSS, "supervisor", {"reason": " "},
                 "alasan penolakan", "reason", id="reject-needs-non-blank-reason"),
    pytest.param(claim("draft"), "ditolak", OTHER, "petugas", {"reason": "x"}, "Penolakan",
                 "actor", id="petugas-cannot-reject-draft"),
    pytest.param(claim("diajukan"), "ditolak", CREATOR, "petugas", {"reason": "x"},
                 "Penolakan", "actor", id="creator-cannot-reject-as-verifier"),
    pytest.param(claim("diverifikasi"), "ditolak", OTHER, "petugas", {"reason": "x"},
                 "Penolakan", "actor", id="only-the-verifier-rejects-verified"),
    pytest.param(claim("disetujui"), "ditolak", VERIFIER, "petugas", {"reason": "x"},
                 "Penolakan", "actor", id="petugas-cannot-reject-approved"),
    pytest.param(claim("ditolak"), "diajukan", OTHER, "petugas", {"reason": "x"},
                 "supervisor", "actor", id="petugas-cannot-reopen"),
    pytest.param(claim("dibayar"), "diajukan", BOSS, "supervisor", {}, "alasan membuka",
                 "reason", id="reopen-needs-reason"),
])
def test_refused_transitions(facts, to, actor, role, kwargs, text, field):
    with pytest.raises(InvalidTransition) as err:
        check_transition(facts, to, actor=actor, actor_role=role, **kwargs)
    assert text in err.value.message
    assert err.value.field == field


def test_every_status_has_a_way_on():
    assert set(TRANSITIONS) == set(ClaimStatus)
    assert all(TRANSITIONS.values())


@pytest.mark.parametrize(("facts", "actor", "role", "expected"), [
    pytest.param(claim("draft"), CREATOR, "petugas", (S.DIAJUKAN,), id="creator-submits"),
    pytest.param(claim("draft", documents_complete=False), CREATOR, "petugas", (),
                 id="incomplete-draft"),
    pytest.param(claim("diajukan"), VERIFIER, "petugas", (S.DIVERIFIKASI, S.DITOLAK),
                 id="verifier"),
    pytest.param(claim("diajukan"), CREATOR, "petugas", (), id="creator-waits"),
    pytest.param(claim("diverifikasi"), BOSS, "supervisor", (S.DISETUJUI, S.DITOLAK),
                 id="supervisor-decides"),
    pytest.param(claim("diverifikasi"), BOSS, "admin", (), id="admin-nothing"),
    pytest.param(claim("dibayar"), BOSS, "supervisor", (S.DIAJUKAN,), id="reopen-only"),
])
def test_permitted_targets(facts, actor, role, expected):
    assert permitted_targets(facts, actor=actor, actor_role=role) == expected


def test_history_steps_read_in_words_not_codes():
    from branch_desk.domain.claim_workflow import event_text

    assert event_text("intake", "", "draft") == "Klaim dicatat (Draf)"
    assert event_text("transition", "draft", "diajukan") == "Diajukan (dari Draf)"
    assert event_text("transition", "diverifikasi", "disetujui") == "Disetujui (dari Diverifikasi)"
    assert event_text("back_to_draft", "diajukan", "draft") == \
        "Kembali ke draf karena isian berubah (Draf)"
    assert event_text("documents", "draft", "draft") == "Dokumen diperbarui"
    for text in (event_text(a, f, t) for a, f, t in (
            ("intake", "", "draft"), ("transition", "draft", "diajukan"),
            ("reopen", "dibayar", "diajukan"), ("recalculate", "draft", "draft"))):
        assert "intake" not in text and "transition" not in text and "→" not in text
