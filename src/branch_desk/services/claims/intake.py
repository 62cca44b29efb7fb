"""What the intake form can fill in by itself: recipients from the registered heirs, the
registered wage, and JHT/JP figures estimated from the contributions recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from branch_desk.db.models.contributions import ContributionEntry
from branch_desk.db.models.participants import Heir, Participant
from branch_desk.domain.claim_recipients import (
    SELF_RELATIONSHIP,
    heir_rank,
    paid_to_heirs,
    split_bank_account,
    spouse_relationship,
)
from branch_desk.domain.errors import DomainError, NotFound
from branch_desk.domain.programs import FundingSource, Program, Segment
from branch_desk.domain.savings import Earner, PaidPeriod, estimate_savings
from branch_desk.services.claims.queries import ClaimRecipientRow
from branch_desk.services.contributions.coverage import live_payments
from branch_desk.services.uow import UnitOfWork


@dataclass(frozen=True)
class SavingsRow:
    """A JHT or JP figure estimated from recorded contributions; `reason` says why not when
    `available` is False."""

    program: str
    available: bool
    months: int = 0
    contributions: int = 0
    average_annual_wage: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class IntakeDefaults:
    """Proposals for the intake form; the officer may change every one of them."""

    participant_id: str
    registered_wage: int
    recipients: tuple[ClaimRecipientRow, ...]  # empty: heirs wanted but none registered
    paid_to_heirs: bool
    jht: SavingsRow
    jp: SavingsRow
    spouse: str = "istri"  # the first heir row's relationship when no heir is registered


def _participant(uow: UnitOfWork, participant_id: str) -> Participant:
    person = uow.session.get(Participant, participant_id)
    if person is None or person.deleted:
        raise NotFound("Peserta tidak ditemukan.", field="participant")
    return person


def _recipients(uow: UnitOfWork, person: Participant, heirs_wanted: bool
                ) -> tuple[ClaimRecipientRow, ...]:
    if not heirs_wanted:
        return (ClaimRecipientRow(person.name, SELF_RELATIONSHIP, "", "", ""),)
    heirs = uow.session.scalars(select(Heir).where(
        Heir.participant_id == person.id, Heir.deleted.is_(False))).all()
    rows = []
    for h in sorted(heirs, key=lambda h: (heir_rank(h.relationship), h.name.lower())):
        bank, account = split_bank_account(h.bank_account)
        rows.append(ClaimRecipientRow(h.name, h.relationship, "", bank, account))
    return tuple(rows)


def _savings(uow: UnitOfWork, person: Participant, program: Program, as_of: date) -> SavingsRow:
    rows = uow.session.execute(select(
        ContributionEntry.first_month, ContributionEntry.months, ContributionEntry.programs,
        ContributionEntry.amount,
    ).where(ContributionEntry.participant_id == person.id, live_payments())
        .order_by(ContributionEntry.first_month)).all()
    periods = [PaidPeriod(first, months, frozenset(Program(p) for p in programs.split(",") if p),
                          amount) for first, months, programs, amount in rows]
    if not any(program in p.programs for p in periods):
        return SavingsRow(program.value, False, reason=(
            f"Belum ada iuran {program.value} yang tercatat untuk peserta ini di kantor ini."))
    try:
        funding = FundingSource(person.funding_source or "MANDIRI")
    except ValueError:
        funding = FundingSource.MANDIRI
    try:
        found = estimate_savings(periods, program=program, as_of=as_of, earner=Earner(
            Segment(person.segment), int(person.income or 0), funding,
            (person.occupation or "").strip().lower() or None))
    except (DomainError, ValueError) as exc:
        return SavingsRow(program.value, False, reason=f"Iuran {program.value} tidak dapat "
                          f"dihitung ulang dari catatan: {exc}")
    if not found.months:
        return SavingsRow(program.value, False, reason=(
            f"Belum ada iuran {program.value} tercatat sampai tanggal kejadian."))
    return SavingsRow(program.value, True, found.months, found.contributions,
                      found.average_annual_wage)


def intake_defaults(uow: UnitOfWork, *, participant_id: str, claim_type: str,
                    outcome: str | None, as_of: date,
                    jp_kind: str = "old_age") -> IntakeDefaults:
    """Recipients (the registered heirs, spouse and children first, for JKM, scholarship,
    JKK death and a JP survivor pension; else the participant), the registered wage, the
    JHT/JP estimates up to `as_of` (the event date) and the spouse's relationship for a first
    heir row ("suami" for a female participant, "istri" for a male one)."""
    uow.reader()
    person = _participant(uow, participant_id)
    heirs = paid_to_heirs(claim_type, outcome, jp_kind)
    return IntakeDefaults(person.id, int(person.income or 0), _recipients(uow, person, heirs),
                          heirs,
                          _savings(uow, person, Program.JHT, as_of),
                          _savings(uow, person, Program.JP, as_of),
                          spouse_relationship(person.sex or ""))
