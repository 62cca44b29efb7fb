"""Assessing a claim: coverage at the event date, deadlines, eligibility and benefit lines.

Only glue: the rules are `domain.claim_rules`, `domain.claim_eligibility` and
`domain.benefits`; coverage comes from the contributions area
(`services.contributions.coverage`). The result is what the claim stores as its eligibility
findings and its calculation worksheet.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from branch_desk.domain import benefits, claim_eligibility, claim_rules, pmi_benefits
from branch_desk.domain.benefit_rules import JKP_RULES, BenefitResult
from branch_desk.domain.claim_rules import ClaimType, DeadlineCheck
from branch_desk.domain.coverage import (
    CoverageStatus,
    consecutive_paid_months,
    coverage_report,
    months_covered,
    paid_months_within,
)
from branch_desk.domain.dates import whole_years
from branch_desk.domain.errors import EligibilityError, ValidationError
from branch_desk.services.claims.data import ClaimFactsData
from branch_desk.services.contributions.coverage import coverage_for, paid_months
from branch_desk.services.uow import UnitOfWork


@dataclass(frozen=True)
class PersonFacts:
    """What the assessment needs to know about the participant."""

    id: str
    birth_date: date
    segment: str
    income: int
    tmt: date
    programs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CoverageFacts:
    """Coverage of the claim's programme at the event date."""

    program: str
    status: CoverageStatus
    explanation: str
    paid_months: frozenset[date]


@dataclass(frozen=True)
class Finding:
    """One line of the eligibility explanation (Indonesian) and whether it is met."""

    ok: bool
    text: str


@dataclass(frozen=True)
class Assessment:
    """Everything computed for a claim at intake or after a change."""

    eligible: bool
    late: bool
    findings: tuple[Finding, ...]
    deadlines: tuple[DeadlineCheck, ...]
    coverage: CoverageFacts
    result: BenefitResult | None

    @property
    def total(self) -> int:
        return self.result.total if self.result else 0

    def eligibility_json(self) -> dict[str, Any]:
        return {
            "eligible": self.eligible, "late": self.late,
            "coverage": {"program": self.coverage.program, "status": str(self.coverage.status),
                         "label": self.coverage.status.label,
                         "explanation": self.coverage.explanation},
            "findings": [{"ok": f.ok, "text": f.text} for f in self.findings],
            "deadlines": [{"rule": d.rule, "due": d.due.isoformat(), "met": d.met,
                           "message": d.message} for d in self.deadlines],
        }


def coverage_program(claim_type: ClaimType, cause: str | None) -> str:
    """The programme whose coverage decides the claim (beasiswa: JKK or JKM by cause)."""
    if claim_type is ClaimType.BEASISWA:
        return "JKK" if cause == "kerja" else "JKM"
    return claim_type.value


def load_coverage(uow: UnitOfWork, *, person: PersonFacts, program: str,
                  on: date) -> CoverageFacts:
    """Coverage on `on` from the contributions area (`coverage_for`, `paid_months`), with the
    domain's Indonesian explanation of the paid months."""
    uow.reader()
    # JKP is never billed: it is funded with the JKK contribution (PP 6/2025), so the JKP
    # record is the JKK record of a participant enrolled in JKP.
    paid_program = "JKK" if program == "JKP" else program
    paid = frozenset(paid_months(uow, participant_id=person.id, program=paid_program))
    statuses = coverage_for(uow, participant_ids=[person.id], on=on).get(person.id, {})
    status = statuses.get(program)
    if program != paid_program and status is not CoverageStatus.BELUM_TERDAFTAR:
        status = statuses.get(paid_program)
    report = coverage_report(enrolled_from=person.tmt, paid_months=paid, on=on)
    if status is None:
        status = report.status
    if status is report.status:
        text = report.explanation
    elif status is CoverageStatus.BELUM_TERDAFTAR:
        text = f"Peserta tidak terdaftar dalam program {program} pada tanggal kejadian."
    else:
        text = f"Status {program} pada tanggal kejadian: {status.label}."
    return CoverageFacts(program, status, text, paid)


def _membership_years(tmt: date, on: date) -> Decimal:
    months = claim_eligibility.membership_months(tmt, on)
    return (Decimal(months) / 12).quantize(Decimal("0.1"))


def assess(*, claim_type: str, cause: str | None, event_date: date, filed_on: date,
           person: PersonFacts, facts: ClaimFactsData, coverage: CoverageFacts) -> Assessment:
    """Deadlines, eligibility and benefits of one claim (pure given the coverage facts)."""
    ctype = ClaimType(claim_type)
    paid: Collection[date] = coverage.paid_months
    reported = facts.reported_on or filed_on
    deadlines = tuple(claim_rules.claim_deadlines(ctype, event_date, max(reported, event_date)))
    if ctype is ClaimType.JKK and facts.reported_on is not None:
        # The stage-I report and the claim expiry count from different dates.
        expiry = claim_rules.claim_deadlines(ctype, event_date, max(filed_on, event_date))
        deadlines = (deadlines[0], *expiry[1:])
    if ctype is ClaimType.JKK and facts.outcome_on is not None:
        stage2 = claim_rules.jkk_stage2_check(facts.outcome_on, facts.stage2_reported_on)
        deadlines = (*deadlines, stage2) if stage2 else deadlines
    # A worker enrolled before JKP existed joined it when PP 37/2021 took effect.
    jkp_joined = max(person.tmt, JKP_RULES[0].valid_from)
    inp = claim_eligibility.EligibilityInput(
        claim_type=ctype, cause=cause,  # type: ignore[arg-type]
        event_date=event_date, coverage_on_event=coverage.status,
        contribution_months_total=months_covered(enrolled_from=person.tmt, paid_months=paid,
                                                 as_of=event_date),
        contribution_months_last_24=paid_months_within(paid, end=event_date),
        consecutive_months_before_event=consecutive_paid_months(paid, before=event_date),
        membership_years=_membership_years(person.tmt, event_date),
        age=whole_years(person.birth_date, event_date), segment=person.segment,  # type: ignore[arg-type]
        jht_kind=facts.jht_kind, jht_partial_taken=facts.jht_partial_taken,
        contribution_months_career=claim_eligibility.career_contribution_months(
            paid, enrolled_from=person.tmt, as_of=event_date),
        jp_membership_months=claim_eligibility.membership_months(person.tmt, event_date),
        jp_density=claim_eligibility.contribution_density(paid, enrolled_from=person.tmt,
                                                          as_of=event_date),
        jp_kind=facts.jp_kind, jkk_outcome=facts.outcome, jht_reason=facts.jht_reason,
        filed_on=filed_on, jkp_join_age=whole_years(person.birth_date, jkp_joined),
        jkp_phk_reason=facts.phk_reason, programs=person.programs,
        employer_size=facts.employer_size)
    verdict = claim_eligibility.check_eligibility(inp)
    findings = [Finding(ok=text not in verdict.failed, text=text) for text in verdict.reasons]
    findings.insert(0, Finding(*claim_eligibility.coverage_finding(
        ctype, coverage.status, coverage.program, coverage.explanation)))
    for check in deadlines:
        findings.append(Finding(check.met, f"{check.rule}: {check.message}"))
    # A late JKK stage-I report moves the liability to the employer; an expired right ends it.
    expired = any(not d.met and not _advisory(d) for d in deadlines)
    result: BenefitResult | None = None
    try:
        result = compute_benefit(ctype, event_date, person, facts, inp)
    except EligibilityError as exc:
        # The formulas refuse for rules `check_eligibility` already checked (JP pension age,
        # JHT partial years and once-only) in their own words: a failed verdict has said it.
        if verdict.eligible:
            findings.append(Finding(False, str(exc)))
        expired = True
    eligible = verdict.eligible and not expired
    late = any(not d.met for d in deadlines)
    return Assessment(eligible, late, tuple(findings), deadlines, coverage, result)


def _advisory(check: DeadlineCheck) -> bool:
    """Deadlines whose breach does not end the right (the JKK stage-I report, re-claims)."""
    return check.rule.startswith(("Laporan", "Beasiswa diajukan kembali"))


def compute_benefit(ctype: ClaimType, event_date: date, person: PersonFacts,
                    facts: ClaimFactsData, inp: claim_eligibility.EligibilityInput
                    ) -> BenefitResult:
    """The benefit lines of a claim by its type (DOMAIN §3)."""
    wage = facts.wage if facts.wage is not None else person.income
    if ctype is ClaimType.JKM:
        if person.segment == "PMI":  # Permenaker 4/2023 instead of the standard JKM
            return pmi_benefits.pmi_jkm_benefit(event_date, facts.pmi_phase)
        return benefits.jkm_benefit(event_date)
    if ctype is ClaimType.JKK:
        if facts.pmi_benefits and person.segment != "PMI":
            raise ValidationError("Manfaat JKK Pekerja Migran hanya untuk peserta segmen PMI.",
                                  field="pmi_benefits")
        jkk = benefits.JkkInput(
            event_date=event_date, wage=wage, outcome=facts.outcome,  # type: ignore[arg-type]
            disability_percent=facts.disability_percent,
            function_loss_percent=facts.function_loss_percent, stmb_months=facts.stmb_months,
            medical_cost=facts.medical_cost, transport=facts.transport,  # type: ignore[arg-type]
            transport_cost=facts.transport_cost, anatomic_case=facts.anatomic_case,
            rehabilitation_aid_cost=facts.rehabilitation_aid_cost)
        if person.segment == "PMI":
            # Permenaker 4/2023: the migrant-worker benefits, the fixed death amount, the most
            # a disability pays, no STMB before or after work
            return pmi_benefits.pmi_jkk_benefit(jkk, facts.pmi_phase, facts.pmi_benefits)
        return benefits.jkk_benefit(jkk)
    if ctype is ClaimType.BEASISWA:
        children = [benefits.ChildInput(c.name, c.level, c.age,  # type: ignore[arg-type]
                                        c.years_received, c.paid_so_far, c.married_or_working)
                    for c in facts.children]
        return benefits.scholarship_benefit(children, event_date)
    if ctype is ClaimType.JHT:
        return benefits.jht_benefit(facts.balance, facts.jht_kind,  # type: ignore[arg-type]
                                    inp.membership_years,
                                    partial_taken_before=facts.jht_partial_taken,
                                    requested=facts.requested)
    if ctype is ClaimType.JP:
        annual = facts.average_indexed_annual_wage
        return benefits.jp_benefit(benefits.JpInput(
            contribution_months=inp.contribution_months_career or 0,
            average_indexed_annual_wage=annual if annual is not None else wage * 12,
            age=inp.age or 0, event_date=event_date,
            accumulated_contributions=facts.accumulated_contributions,
            kind=facts.jp_kind,  # type: ignore[arg-type]
            membership_months=inp.jp_membership_months, density=inp.jp_density))
    return benefits.jkp_benefit(event_date, wage)
