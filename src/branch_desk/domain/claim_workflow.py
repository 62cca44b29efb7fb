"""Claim state machine with four-eyes rules; refusals raise InvalidTransition in Indonesian.

Decisions (separation of duties):
- submit (draft → diajukan): petugas or supervisor, all mandatory documents received;
- submit, verify, approve and pay: only with someone to pay (`payee_problem` empty: a
  recipient with name, relationship and bank account; an heir for a death benefit);
- verify (→ diverifikasi): petugas or supervisor who did not create the claim;
- approve (→ disetujui): a supervisor who neither created nor verified the claim;
- pay (→ dibayar): petugas or supervisor, with the transfer reference;
- reject (→ ditolak, with a reason): a supervisor at any open stage, or a petugas acting as
  verifier: on a submitted claim they did not create, or on the claim they verified;
- reopen (ditolak/dibayar → diajukan, with a reason): supervisor only; the caller clears the
  verification so the claim is verified again;
- an edit that leaves a submitted claim without what submission needs sends it back to draft
  (recorded with the reason) only when the officer agrees (`BackToDraftError` otherwise);
- admin takes no claim step at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from branch_desk.domain.errors import InvalidTransition


class ClaimStatus(StrEnum):
    """Where a claim stands."""

    DRAFT = "draft"
    DIAJUKAN = "diajukan"
    DIVERIFIKASI = "diverifikasi"
    DISETUJUI = "disetujui"
    DIBAYAR = "dibayar"
    DITOLAK = "ditolak"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ClaimStatus.DRAFT: "Draf",
    ClaimStatus.DIAJUKAN: "Diajukan",
    ClaimStatus.DIVERIFIKASI: "Diverifikasi",
    ClaimStatus.DISETUJUI: "Disetujui",
    ClaimStatus.DIBAYAR: "Dibayar",
    ClaimStatus.DITOLAK: "Ditolak",
}

_S = ClaimStatus
TRANSITIONS: dict[ClaimStatus, frozenset[ClaimStatus]] = {
    _S.DRAFT: frozenset({_S.DIAJUKAN, _S.DITOLAK}),
    _S.DIAJUKAN: frozenset({_S.DIVERIFIKASI, _S.DITOLAK}),
    _S.DIVERIFIKASI: frozenset({_S.DISETUJUI, _S.DITOLAK}),
    _S.DISETUJUI: frozenset({_S.DIBAYAR, _S.DITOLAK}),
    _S.DIBAYAR: frozenset({_S.DIAJUKAN}),
    _S.DITOLAK: frozenset({_S.DIAJUKAN}),
}

ActorRole = Literal["petugas", "supervisor", "admin"]


class BackToDraftError(InvalidTransition):
    """An edit would leave a submitted claim short of what submission needs (`problems`);
    saved only when the caller agrees that the claim goes back to draft."""

    def __init__(self, message: str, *, problems: tuple[str, ...]) -> None:
        super().__init__(message, field="status")
        self.problems = problems


@dataclass(frozen=True)
class ClaimFacts:
    """What the workflow rules need to know about a claim."""

    status: str
    created_by: str
    verified_by: str | None = None
    documents_complete: bool = False
    payee_problem: str = ""  # claim_recipients.payee_problem: why nobody can be paid yet


def _status(value: str, field: str) -> ClaimStatus:
    try:
        return ClaimStatus(value)
    except ValueError:
        raise InvalidTransition(f"Status klaim tidak dikenal: {value}.", field=field) from None


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def check_transition(
    claim: ClaimFacts, to: str, *, actor: str, actor_role: ActorRole,
    reason: str | None = None, reference: str | None = None,
) -> None:
    """Raise InvalidTransition unless `actor` (with `actor_role`) may move `claim` to `to`."""
    current, target = _status(claim.status, "status"), _status(to, "to")
    if actor_role == "admin":
        raise InvalidTransition("Admin tidak memproses klaim (pemisahan tugas): gunakan akun "
                                "petugas atau supervisor.", field="actor")
    if actor_role not in ("petugas", "supervisor"):
        raise InvalidTransition(f"Peran tidak dikenal: {actor_role}.", field="actor")
    if target not in TRANSITIONS[current]:
        raise InvalidTransition(
            f"Status klaim tidak dapat diubah dari {current.label} ke {target.label}.",
            field="status",
        )
    supervisor = actor_role == "supervisor"
    if target is _S.DIAJUKAN and current is _S.DRAFT:
        if not claim.documents_complete:
            raise InvalidTransition("Klaim belum dapat diajukan: dokumen wajib belum lengkap.",
                                    field="documents")
    elif target is _S.DIAJUKAN:
        if not supervisor:
            raise InvalidTransition("Membuka kembali klaim hanya dapat dilakukan supervisor.",
                                    field="actor")
        if _blank(reason):
            raise InvalidTransition("Isi alasan membuka kembali klaim.", field="reason")
    elif target is _S.DIVERIFIKASI:
        if actor == claim.created_by:
            raise InvalidTransition("Verifikasi harus oleh petugas lain, bukan pembuat klaim.",
                                    field="actor")
    elif target is _S.DISETUJUI:
        if not supervisor:
            raise InvalidTransition("Persetujuan klaim hanya oleh supervisor.", field="actor")
        if actor == claim.created_by:
            raise InvalidTransition("Supervisor tidak boleh menyetujui klaim yang dibuatnya "
                                    "sendiri.", field="actor")
        if actor == claim.verified_by:
            raise InvalidTransition("Supervisor tidak boleh menyetujui klaim yang "
                                    "diverifikasinya sendiri.", field="actor")
    elif target is _S.DIBAYAR:
        if _blank(reference):
            raise InvalidTransition("Isi nomor referensi transfer pembayaran klaim.",
                                    field="reference")
    elif target is _S.DITOLAK:
        _check_reject(claim, current, actor, supervisor)
        if _blank(reason):
            raise InvalidTransition("Isi alasan penolakan klaim.", field="reason")
    reopening = target is _S.DIAJUKAN and current is not _S.DRAFT
    if target in _STEP_WORDS and not reopening and claim.payee_problem:
        raise InvalidTransition(f"Klaim belum dapat {_STEP_WORDS[target]}: "
                                f"{claim.payee_problem}.", field="recipients")


# Forward steps that lead to a payment, as the refusal names them ("belum dapat …").
_STEP_WORDS = {_S.DIAJUKAN: "diajukan", _S.DIVERIFIKASI: "diverifikasi",
               _S.DISETUJUI: "disetujui", _S.DIBAYAR: "dicatat dibayar"}


def _check_reject(claim: ClaimFacts, current: ClaimStatus, actor: str, supervisor: bool) -> None:
    if supervisor:
        return
    as_verifier = (
        (current is _S.DIAJUKAN and actor != claim.created_by)
        or (current is _S.DIVERIFIKASI and actor == claim.verified_by)
    )
    if not as_verifier:
        raise InvalidTransition("Penolakan klaim hanya oleh supervisor, atau oleh verifikator "
                                "pada tahap verifikasi.", field="actor")


def permitted_targets(
    claim: ClaimFacts, *, actor: str, actor_role: ActorRole,
) -> tuple[ClaimStatus, ...]:
    """Statuses `actor` may move the claim to, assuming a reason/reference will be given."""
    current = _status(claim.status, "status")
    allowed = []
    for target in sorted(TRANSITIONS[current], key=list(ClaimStatus).index):
        try:
            check_transition(claim, target, actor=actor, actor_role=actor_role,
                             reason="-", reference="-")
        except InvalidTransition:
            continue
        allowed.append(target)
    return tuple(allowed)


_EVENT_WORDS = {
    "intake": "Klaim dicatat", "documents": "Dokumen diperbarui",
    "back_to_draft": "Kembali ke draf karena isian berubah",
    "recalculate": "Manfaat dihitung ulang", "reopen": "Dibuka kembali",
}


def status_label(status: str) -> str:
    """A status in words ("Diverifikasi"); an unknown one as it is."""
    return ClaimStatus(status).label if status in ClaimStatus._value2member_map_ else status


def event_text(action: str, from_status: str, to_status: str) -> str:
    """One step of a claim's history as an officer reads it: "Diverifikasi (dari Diajukan)",
    "Klaim dicatat (Draf)" — never the stored action or status codes."""
    if action == "transition" and to_status:
        return (f"{status_label(to_status)} (dari {status_label(from_status)})"
                if from_status else status_label(to_status))
    words = _EVENT_WORDS.get(action, action.replace("_", " ").capitalize())
    if to_status and to_status != from_status:
        return f"{words} ({status_label(to_status)})"
    return words
