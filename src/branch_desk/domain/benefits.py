"""Benefit formulas (DOMAIN §3): each result line names its rule and shows how it was computed.

Tables and the result types are in `benefit_rules`. Rupiah amounts are rounded half up to
whole rupiah once per line (`rates.round_half_up`); JKP rounds the monthly amount, which is
what is paid each month.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Literal

from branch_desk.domain import benefit_rules as br
from branch_desk.domain.benefit_rules import BenefitLine, BenefitResult, percent, rupiah
from branch_desk.domain.errors import EligibilityError, ValidationError
from branch_desk.domain.rates import round_half_up


def result_of(lines: list[BenefitLine], version: str, **inputs: object) -> BenefitResult:
    """The lines of one benefit with the rule version and the inputs they were computed from."""
    return BenefitResult(tuple(lines), version, MappingProxyType(inputs))


def _non_negative(**values: int) -> None:
    for name, value in values.items():
        if value < 0:
            raise ValidationError("Nilai tidak boleh negatif.", field=name)


def jkm_benefit(event_date: date, rules: Sequence[br.JkmRule] = br.JKM_RULES) -> BenefitResult:
    """JKM cash benefits for a non-work death on `event_date` (DOMAIN §3.1)."""
    rule = br.rule_on(rules, event_date, "JKM")
    return result_of([
        BenefitLine("JKM_SANTUNAN_SEKALIGUS", "Santunan kematian sekaligus", rule.lump_sum,
                    f"{rule.source}; JKM santunan sekaligus", "Jumlah tetap."),
        BenefitLine("JKM_SANTUNAN_BERKALA", "Santunan berkala (dibayar sekaligus)", rule.periodic,
                    f"{rule.source}; JKM santunan berkala",
                    f"{rule.periodic_months} × {rupiah(rule.periodic_monthly)}, dibayar "
                    "sekaligus."),
        BenefitLine("JKM_BIAYA_PEMAKAMAN", "Biaya pemakaman", rule.funeral,
                    f"{rule.source}; JKM biaya pemakaman", "Jumlah tetap."),
    ], rule.source, event_date=event_date)


JkkOutcome = Literal["death", "total_disability", "partial_disability", "temporary",
                     "medical_only"]


# How a partial disability is measured, as a word in its benefit line.
_DISABILITY_KINDS = {"function": "fungsi", "anatomic": "anatomis"}

@dataclass(frozen=True)
class JkkInput:
    """Facts of a work accident or occupational disease (PAK); percents are 0-100."""

    event_date: date
    wage: int
    outcome: JkkOutcome
    disability_percent: Decimal | None = None
    function_loss_percent: Decimal | None = None
    stmb_months: int = 0
    medical_cost: int = 0
    transport: br.TransportMode | None = None
    transport_cost: int = 0
    anatomic_case: str | None = None
    rehabilitation_aid_cost: int = 0


def _disability_share(inp: JkkInput) -> tuple[Decimal, str]:
    percent_value = inp.disability_percent
    text = ""
    if inp.anatomic_case is not None:
        case = br.anatomic_case(inp.anatomic_case)
        if percent_value is not None and percent_value != case.percent:
            raise ValidationError(
                f"Persentase cacat {percent_value}% tidak sesuai tabel untuk {case.label} "
                f"({case.percent}%).", field="disability_percent",
            )
        percent_value, text = case.percent, f"{case.label}: "
    if percent_value is None or not 0 < percent_value <= 100:
        raise ValidationError("Persentase cacat sebagian harus antara 0 dan 100.",
                              field="disability_percent")
    return percent_value / 100, text


def jkk_benefit(inp: JkkInput, rules: Sequence[br.JkkRule] = br.JKK_RULES) -> BenefitResult:
    """JKK cash benefits for one accident (DOMAIN §3.3). Death pays at least the JKM santunan
    sekaligus in force on the same date (the 'santunan kematian' of JKM, not its Rp42 jt total)."""
    _non_negative(wage=inp.wage, stmb_months=inp.stmb_months, medical_cost=inp.medical_cost,
                  transport_cost=inp.transport_cost,
                  rehabilitation_aid_cost=inp.rehabilitation_aid_cost)
    rule = br.rule_on(rules, inp.event_date, "JKK")
    src, wage, lines = rule.source, Decimal(inp.wage), []
    if inp.wage == 0 and inp.outcome != "medical_only":
        raise ValidationError("Upah sebulan harus diisi.", field="wage")
    if inp.outcome == "temporary" and inp.stmb_months == 0:
        raise ValidationError("Isi lama tidak mampu bekerja (bulan).", field="stmb_months")
    if inp.medical_cost:
        lines.append(BenefitLine("JKK_PENGOBATAN", "Perawatan dan pengobatan", inp.medical_cost,
                                 f"{src}; perawatan sesuai kebutuhan medis",
                                 "Sesuai biaya yang ditagihkan, tanpa batas biaya."))
    if inp.transport_cost:
        if inp.transport is None:
            raise ValidationError("Pilih jenis angkutan.", field="transport")
        cap = rule.transport_cap(inp.transport)
        paid = min(inp.transport_cost, cap)
        mode = br.TRANSPORT_WORDS[inp.transport]
        lines.append(BenefitLine("JKK_TRANSPORTASI", f"Biaya transportasi ({mode})",
                                 paid, f"{src}; biaya transportasi {mode}",
                                 f"Biaya {rupiah(inp.transport_cost)}, paling banyak "
                                 f"{rupiah(cap)}; dibayar {rupiah(paid)}."))
    if inp.stmb_months:
        full = min(inp.stmb_months, rule.stmb_full_months)
        later = inp.stmb_months - full
        amount = round_half_up(wage * full + wage * rule.stmb_later_rate * later)
        detail = f"{full} bulan × 100% × {rupiah(inp.wage)}"
        if later:
            detail += f" + {later} bulan × {percent(rule.stmb_later_rate)} × {rupiah(inp.wage)}"
        lines.append(BenefitLine("JKK_STMB", "Santunan sementara tidak mampu bekerja (STMB)",
                                 amount, f"{src}; STMB 100% 12 bulan pertama, lalu 50%",
                                 detail + "."))
    if inp.rehabilitation_aid_cost:
        amount = round_half_up(inp.rehabilitation_aid_cost * (1 + rule.rehabilitation_markup))
        lines.append(BenefitLine("JKK_ALAT_BANTU", "Alat bantu / rehabilitasi", amount,
                                 f"{src}; harga rumah sakit + 40%",
                                 f"{rupiah(inp.rehabilitation_aid_cost)} + "
                                 f"{percent(rule.rehabilitation_markup)}."))
    lines.extend(_jkk_outcome_lines(inp, rule))
    inputs = {f.name: getattr(inp, f.name) for f in dataclasses.fields(inp)}
    return result_of(lines, src, **inputs)


def _jkk_outcome_lines(inp: JkkInput, rule: br.JkkRule) -> list[BenefitLine]:
    src, wage, m = rule.source, Decimal(inp.wage), rule.multiplier
    periodic = BenefitLine("JKK_SANTUNAN_BERKALA", "Santunan berkala (dibayar sekaligus)",
                           rule.periodic, f"{src}; santunan berkala", "Jumlah tetap.")
    if inp.outcome == "death":
        formula = round_half_up(rule.death_rate * m * wage)
        floor = br.rule_on(br.JKM_RULES, inp.event_date, "JKM").lump_sum
        amount = max(formula, floor)
        detail = f"{percent(rule.death_rate)} × {m} × {rupiah(inp.wage)} = {rupiah(formula)}"
        if floor > formula:
            detail += f"; kurang dari santunan kematian JKM, dibayar {rupiah(floor)}"
        return [
            BenefitLine("JKK_SANTUNAN_KEMATIAN", "Santunan kematian", amount,
                        f"{src}; 60% × 80 × upah, paling sedikit santunan kematian JKM",
                        detail + "."),
            BenefitLine("JKK_BIAYA_PEMAKAMAN", "Biaya pemakaman", rule.funeral,
                        f"{src}; biaya pemakaman", "Jumlah tetap."),
            periodic,
        ]
    if inp.outcome == "total_disability":
        amount = round_half_up(rule.total_disability_rate * m * wage)
        return [BenefitLine("JKK_CACAT_TOTAL", "Santunan cacat total tetap", amount,
                            f"{src}; 70% × 80 × upah",
                            f"{percent(rule.total_disability_rate)} × {m} × "
                            f"{rupiah(inp.wage)}."), periodic]
    if inp.outcome == "partial_disability":
        share, text = _disability_share(inp)
        detail = f"{text}{percent(share)} × {m} × {rupiah(inp.wage)}"
        value = share * m * wage
        if inp.function_loss_percent is not None:
            if not 0 < inp.function_loss_percent <= 100:
                raise ValidationError("Persentase hilang fungsi harus antara 0 dan 100.",
                                      field="function_loss_percent")
            value *= inp.function_loss_percent / 100
            detail = f"{percent(inp.function_loss_percent / 100)} hilang fungsi × {detail}"
        function = inp.function_loss_percent is not None
        kind = _DISABILITY_KINDS["function" if function else "anatomic"]
        formula = "% hilang fungsi × " if function else ""
        return [BenefitLine("JKK_CACAT_SEBAGIAN", f"Santunan cacat sebagian {kind}",
                            round_half_up(value), f"{src}; {formula}tabel % × 80 × upah",
                            detail + ".")]
    return []


@dataclass(frozen=True)
class ChildInput:
    """A child named for the scholarship; `level` None means not yet at school."""

    name: str
    level: br.SchoolLevel | None
    age: int | None = None
    years_received: int = 0  # years already paid at this level
    paid_so_far: int = 0  # scholarship paid for this child over all years
    married_or_working: bool = False


def scholarship_benefit(
    children: Sequence[ChildInput], event_date: date,
    rules: Sequence[br.ScholarshipRule] = br.SCHOLARSHIP_RULES,
) -> BenefitResult:
    """One year of scholarship per child by level (DOMAIN §3.2). Only the first two children in
    the given order are entitled; the others get a zero line saying why."""
    rule = br.rule_on(rules, event_date, "beasiswa")
    lines = []
    for index, child in enumerate(children):
        code, rule_text = f"BEASISWA_{index + 1}", f"{rule.source}; beasiswa per jenjang"
        label = f"Beasiswa {child.name}" + (f" ({child.level})" if child.level else "")
        if index >= rule.max_children:
            reason = f"tidak berhak: beasiswa paling banyak untuk {rule.max_children} anak"
        elif child.married_or_working:
            reason = "tidak berhak: anak sudah menikah atau bekerja"
        elif child.age is not None and child.age >= rule.stop_age:
            reason = f"tidak berhak: usia anak sudah {rule.stop_age} tahun"
        elif child.level is None:
            reason = "belum sekolah: beasiswa dibayar saat anak masuk sekolah"
        else:
            amount, years = rule.level(child.level)
            left = rule.per_child_ceiling - child.paid_so_far
            if child.years_received >= years:
                reason = f"tidak berhak: jenjang {child.level} paling lama {years} tahun"
            elif left <= 0:
                reason = f"tidak berhak: batas {rupiah(rule.per_child_ceiling)} per anak tercapai"
            else:
                paid = min(amount, left)
                detail = f"Jenjang {child.level}: {rupiah(amount)} per tahun"
                if paid < amount:
                    detail += f"; dibatasi sisa plafon {rupiah(left)}"
                lines.append(BenefitLine(code, label, paid, rule_text, detail + "."))
                continue
        lines.append(BenefitLine(code, label, 0, rule_text, reason[0].upper() + reason[1:] + "."))
    return result_of(lines, rule.source, children=list(children), event_date=event_date)


JhtKind = Literal["full", "partial_housing", "partial_other"]


def jht_benefit(
    balance: int, kind: JhtKind, membership_years: Decimal | int, *,
    partial_taken_before: bool = False, requested: int | None = None,
) -> BenefitResult:
    """JHT payout: the whole balance, or once after ≥10 years at most 30 % (housing) or 10 %
    (other); `requested` lowers a partial payout. Raises EligibilityError (DOMAIN §3.4)."""
    _non_negative(balance=balance)
    rule = br.JHT_RULE
    inputs = {"balance": balance, "kind": kind, "membership_years": membership_years,
              "partial_taken_before": partial_taken_before, "requested": requested}
    if kind == "full":
        line = BenefitLine("JHT_PENUH", "Jaminan Hari Tua (seluruh saldo)", balance,
                           f"{rule.source}; JHT dibayar sekaligus", "Saldo iuran dan hasil "
                           "pengembangan.")
        return result_of([line], rule.source, **inputs)
    if kind not in ("partial_housing", "partial_other"):
        raise ValidationError(f"Jenis klaim JHT tidak dikenal: {kind}.", field="kind")
    if Decimal(membership_years) < rule.partial_min_years:
        raise EligibilityError(
            f"Pengambilan sebagian JHT memerlukan kepesertaan paling singkat "
            f"{rule.partial_min_years} tahun ({rule.source}); baru "
            f"{str(membership_years).replace('.', ',')} tahun.",
            field="membership_years",
        )
    if partial_taken_before:
        raise EligibilityError(f"Pengambilan sebagian JHT hanya satu kali ({rule.source}).",
                               field="kind")
    housing = kind == "partial_housing"
    share = rule.housing_share if housing else rule.other_share
    purpose = "perumahan" if housing else "keperluan lain persiapan pensiun"
    code = "JHT_SEBAGIAN_PERUMAHAN" if housing else "JHT_SEBAGIAN_LAINNYA"
    cap = round_half_up(balance * share)
    amount = cap if requested is None else min(requested, cap)
    detail = f"Paling banyak {percent(share)} × {rupiah(balance)} = {rupiah(cap)}"
    if requested is None:
        detail += "; dibayar batas terbesar (jumlah diminta tidak diisi)"
    elif requested <= cap:
        detail += f"; diminta {rupiah(requested)}, dibayar sesuai permintaan"
    else:
        detail += (f"; diminta {rupiah(requested)}, melebihi batas {percent(share)}, dibayar "
                   f"{rupiah(cap)}")
    line = BenefitLine(code, f"JHT sebagian untuk {purpose}", amount,
                       f"{rule.source}; {percent(share)} setelah 10 tahun", detail + ".")
    return result_of([line], rule.source, **inputs)


JpKind = Literal["old_age", "disability", "widow", "child", "parent"]
JP_KIND_LABELS: dict[str, str] = {
    "old_age": "pensiun hari tua", "disability": "pensiun cacat",
    "widow": "pensiun janda/duda", "child": "pensiun anak", "parent": "pensiun orang tua",
}


@dataclass(frozen=True)
class JpInput:
    """Facts for a JP benefit. `contribution_months` counts the whole career (PP 45/2015: a
    gap between jobs does not reset it); `kind` is the pension of PP 45/2015 Ps 16."""

    contribution_months: int
    average_indexed_annual_wage: int
    age: int
    event_date: date
    accumulated_contributions: int = 0  # contributions + returns, for the lump sum
    kind: JpKind = "old_age"
    # A disability or survivor pension on a record shorter than 15 years: whole months a
    # member at the event, and the share of the months due that were paid (Permenaker 29/2015
    # Ps 26(1)); `claim_eligibility.contribution_density` counts both.
    membership_months: int | None = None
    density: Decimal | None = None


def _jp_share(kind: str, rule: br.JpRule) -> Decimal:
    shares = {"old_age": Decimal(1), "disability": Decimal(1), "widow": rule.widow_share,
              "child": rule.child_share, "parent": rule.parent_share}
    if kind not in shares:
        raise ValidationError(f"Jenis manfaat JP tidak dikenal: {kind}.", field="jp_kind")
    return shares[kind]


def jp_benefit(inp: JpInput, rules: Sequence[br.JpRule] = br.JP_RULES,
               limits: Sequence[br.JpLimitRule] = br.JP_LIMITS) -> BenefitResult:
    """JP (PP 45/2015): 1 % × months/12 × wage/12 (Ps 17(2)) × the survivor's share, between
    the year's minimum and maximum (Ps 18); fewer than 180 months pays the accumulated
    contributions at once. Only the old-age pension waits for pension age (Ps 15); a
    disability or survivor pension counts a shorter record as 180 months when the membership
    and the contribution density of Permenaker 29/2015 Ps 26(1) are met, else it is the lump
    sum (Ps 26(2))."""
    _non_negative(contribution_months=inp.contribution_months,
                  average_indexed_annual_wage=inp.average_indexed_annual_wage,
                  accumulated_contributions=inp.accumulated_contributions)
    rule = br.rule_on(rules, inp.event_date, "JP")
    share = _jp_share(inp.kind, rule)
    if inp.kind == "old_age":
        age_needed = br.pension_age(inp.event_date)
        if inp.age < age_needed:
            raise EligibilityError(
                f"Usia pensiun JP pada {inp.event_date.year} adalah {age_needed} tahun "
                f"(PP 45/2015 Pasal 15); peserta baru {inp.age} tahun.", field="age",
            )
    inputs = {f.name: getattr(inp, f.name) for f in dataclasses.fields(inp)}
    months, wage = inp.contribution_months, inp.average_indexed_annual_wage
    counted, deemed, refusal = months, "", None
    if inp.kind != "old_age" and months < rule.min_months:
        if inp.membership_months is None or inp.density is None:
            raise ValidationError(
                "Masa kepesertaan dan kepadatan iuran JP diperlukan untuk menghitung "
                f"{JP_KIND_LABELS[inp.kind]} dengan masa iur kurang dari {rule.min_months} "
                "bulan (Permenaker 29/2015 Pasal 26).", field="contribution_months")
        refusal = br.jp_deemed_record_refusal(rule, inp.kind, inp.membership_months,
                                              inp.density)
        if refusal is None:
            counted = rule.deemed_months
            deemed = f"masa iur {months} bulan dihitung {counted} bulan; "
    if counted < rule.min_months:
        detail = f"Masa iur {months} bulan (< {rule.min_months}): akumulasi iuran dan hasil " \
                 "pengembangan."
        if refusal:
            detail = (f"Masa iur {months} bulan (< {rule.min_months}) tidak dihitung "
                      f"{rule.deemed_months} bulan karena {refusal} ({rule.source}): akumulasi "
                      "iuran dan hasil pengembangan.")
        line = BenefitLine("JP_SEKALIGUS", "Manfaat pensiun sekaligus",
                           inp.accumulated_contributions,
                           "PP 45/2015; masa iur kurang dari 15 tahun dibayar sekaligus", detail)
        return result_of([line], rule.source, **inputs)
    limit = br.rule_on(limits, inp.event_date, "manfaat minimum dan maksimum JP")
    formula = round_half_up(rule.accrual * Decimal(counted) / 12 * Decimal(wage) / 12)
    base = round_half_up(formula * share)
    amount = min(max(base, limit.minimum), limit.maximum)
    label = JP_KIND_LABELS[inp.kind]
    detail = (f"{deemed}{percent(rule.accrual)} × {counted}/12 × {rupiah(wage)}/12 = "
              f"{rupiah(formula)}")
    if share != 1:
        detail += f"; {label} {percent(share)} = {rupiah(base)}"
    detail += " per bulan"
    if amount > base:
        detail += f"; dinaikkan ke manfaat minimum {rupiah(limit.minimum)}"
    elif amount < base:
        detail += f"; dibatasi manfaat maksimum {rupiah(amount)}"
    source = f"{rule.source}; {limit.source}"
    adjusted = _march_on_or_before(inp.event_date)
    if limit.valid_to is None and adjusted > limit.valid_from:
        source += (f"; penyesuaian Maret {adjusted.year} belum dimuat, dipakai angka Maret "
                   f"{limit.valid_from.year} sampai pengumuman BPJS Ketenagakerjaan dimuat")
    code = "JP_PENSIUN_BULANAN" if inp.kind == "old_age" else f"JP_{inp.kind.upper()}"
    line = BenefitLine(code, f"Manfaat {label} (per bulan)", amount, source, detail + ".")
    return result_of([line], rule.source, **inputs)


def _march_on_or_before(on: date) -> date:
    """The 1 March of the last yearly JP adjustment due by `on` (PP 45/2015 Ps 18(3))."""
    return date(on.year if on.month >= 3 else on.year - 1, 3, 1)


def jkp_benefit(
    dismissal_date: date, wage: int, rules: Sequence[br.JkpRule] = br.JKP_RULES,
) -> BenefitResult:
    """JKP cash benefit by the rule in force on the dismissal date (DOMAIN §3.6)."""
    _non_negative(wage=wage)
    rule = br.rule_on(rules, dismissal_date, "JKP")
    base = min(wage, rule.wage_cap)
    lines, first = [], 1
    for months, share in rule.phases:
        monthly = round_half_up(Decimal(base) * share)
        last = first + months - 1
        capped = f" (upah dibatasi {rupiah(rule.wage_cap)})" if wage > rule.wage_cap else ""
        lines.append(BenefitLine(
            f"JKP_BULAN_{first}_{last}", f"Uang tunai JKP bulan ke-{first} s.d. {last}",
            monthly * months, f"{rule.source}; {percent(share)} upah, {months} bulan",
            f"{percent(share)} × {rupiah(base)}{capped} = {rupiah(monthly)} per bulan × "
            f"{months} bulan.",
        ))
        first = last + 1
    return result_of(lines, rule.source, dismissal_date=dismissal_date, wage=wage)
