"""Migrant workers' (Pekerja Migran Indonesia) benefits, Permenaker 4/2023: the JKM by the
protection phase at the death, the fixed JKK death amount during work, the most a disability
pays, no STMB before or after work, and the JKK benefits particular to migrant workers; each
with its rule table."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from branch_desk.domain import benefit_rules as br
from branch_desk.domain.benefit_rules import BenefitLine, BenefitResult, rupiah
from branch_desk.domain.benefits import JkkInput, jkk_benefit, result_of
from branch_desk.domain.errors import ValidationError

PmiPhase = Literal["sebelum", "selama", "setelah"]
PMI_PHASES: dict[str, str] = {"sebelum": "sebelum bekerja", "selama": "selama bekerja",
                              "setelah": "setelah bekerja"}


@dataclass(frozen=True)
class PmiJkmRule:
    """JKM of a migrant worker (Pekerja Migran Indonesia) who dies, not from a work accident,
    in the protection `phases` of the row (Permenaker 4/2023).

    BPJS Ketenagakerjaan's own page on the PMI JKM ("Manfaat Program JKM untuk Ahli Waris
    Pekerja Migran Indonesia", bpjsketenagakerjaan.go.id artikel 18896): before or after work,
    santunan kematian Rp20.000.000, santunan berkala Rp12.000.000 and funeral costs
    Rp10.000.000; during work, the three together Rp85.000.000 at once, plus the children's
    scholarship. The Permenaker's amounts table itself was not found in a public copy [I].
    """

    valid_from: date
    valid_to: date | None
    source: str
    phases: tuple[str, ...]
    lump_sum: int  # santunan kematian, or the whole amount when the parts are not separate
    periodic: int
    funeral: int


PMI_JKM_RULES: tuple[PmiJkmRule, ...] = (
    PmiJkmRule(date(2023, 2, 22), None,
               "Permenaker 4/2023 (JKM PMI selama bekerja; BPJS Ketenagakerjaan) [I]",
               ("selama",), 85_000_000, 0, 0),
    PmiJkmRule(date(2023, 2, 22), None,
               "Permenaker 4/2023 (JKM PMI sebelum/setelah bekerja; BPJS Ketenagakerjaan) [I]",
               ("sebelum", "setelah"), 20_000_000, 12_000_000, 10_000_000),
)


# The protection phases whose JKK benefits for a migrant worker do not include the STMB
# (santunan sementara tidak mampu bekerja): Permenaker 4/2023 Pasal 27 ayat (1) lists the
# santunan of the phases before and after work, a to j, without it [C] (pasal.id). During work
# (Pasal 34 ayat (1)) items a to m were read, also without it, but not the list's last item
# [U]: there the standard STMB stays.
PMI_PHASES_WITHOUT_STMB: tuple[str, ...] = ("sebelum", "setelah")


@dataclass(frozen=True)
class PmiJkkDeathRule:
    """What the heirs of a migrant worker who dies of a work accident in the protection
    `phases` of the row receive from JKK instead of the standard death lines: `amount` at once,
    santunan kematian, santunan berkala and funeral costs together (Permenaker 4/2023 Pasal 34
    ayat (1) huruf g lists the santunan kematian; the amount as BPJS Ketenagakerjaan pays and
    states it: its Director of Services for a PMI who died at Incheon airport, jpnn.com
    5-7-2025, "santunan Jaminan Kecelakaan Kerja (JKK) Pekerja Migran Indonesia (PMI) ...
    senilai Rp 85 juta"; BPJS Madiun for a PMI fisherman killed at work in Korea, Antara Jatim;
    BPJS NTB's head, suarantb.com 21-01-2026, "santunan kematian sebesar Rp85.000.000 yang
    dibayarkan sekaligus"). Every account is of a death during work; before and after work
    the amount was not found [U] and the standard lines stay."""

    valid_from: date
    valid_to: date | None
    source: str
    phases: tuple[str, ...]
    amount: int


PMI_JKK_DEATH_RULES: tuple[PmiJkkDeathRule, ...] = (
    PmiJkkDeathRule(date(2023, 2, 22), None,
                    "Permenaker 4/2023 Pasal 34 ayat (1) huruf g; besaran dibayarkan BPJS "
                    "Ketenagakerjaan [I]", ("selama",), 85_000_000),
)


@dataclass(frozen=True)
class PmiDisabilityCapRule:
    """The most a migrant worker's santunan cacat pays for one work accident, total or partial
    (Permenaker 4/2023 Pasal 27 ayat (1) huruf b and Pasal 34 ayat (1) huruf f list it in every
    phase): BPJS Ketenagakerjaan DKI Jakarta's deputy head Muhyiddin DJ to PMI bound for Korea
    (ipol.id, April 2024), "santunan tunai PMI yang mengalami cacat tetap akibat kecelakaan
    kerja maksimal Rp100 juta". The Permenaker's formula beneath that maximum was not found
    [U]: the standard PP 44/2015 formula on the registered wage applies up to `amount` (before,
    without a limit: Rp224 jt for a total disability on a Rp4 jt wage)."""

    valid_from: date
    valid_to: date | None
    source: str
    amount: int


PMI_DISABILITY_CAPS: tuple[PmiDisabilityCapRule, ...] = (
    PmiDisabilityCapRule(date(2023, 2, 22), None,
                         "Permenaker 4/2023 Pasal 27 ayat (1) huruf b, Pasal 34 ayat (1) "
                         "huruf f; paling banyak menurut BPJS Ketenagakerjaan [I]",
                         100_000_000),
)

# The benefit lines of a disability (`benefits.jkk_benefit`) that `PMI_DISABILITY_CAPS` limits.
_DISABILITY_LINES = ("JKK_CACAT_TOTAL", "JKK_CACAT_SEBAGIAN")


@dataclass(frozen=True)
class PmiJkkRule:
    """A JKK benefit particular to migrant workers, for an event in the protection `phases` of
    the row: Permenaker 4/2023 Pasal 27 ayat (1) (before and after work) and Pasal 34 ayat (1)
    (during work) list them; the amounts are those Kemnaker and BPJS Ketenagakerjaan
    announced, the Permenaker's amounts table was not found in a public copy [I]. `capped`: the
    cost is reimbursed up to `amount`; otherwise `amount` is paid as a fixed sum.

    Sources: the Minister at the Indramayu socialisation (inews.id 10-10-2023) and Kemnaker's
    account (okezone 23-12-2023): treatment abroad up to Rp50 jt, home care up to Rp20 jt,
    hearing aid up to Rp2,5 jt, glasses up to Rp1 jt, unilateral PHK Rp1,5 jt, placement not
    as agreed Rp25 jt and its return transport up to Rp15 jt, rape Rp50 jt; BPJS Jakarta Pluit
    (jpnn.com 2025): failed departure Rp10 jt, losses on the way home up to Rp10 jt.
    """

    valid_from: date
    valid_to: date | None
    source: str
    key: str
    label: str
    amount: int
    capped: bool
    phases: tuple[str, ...]


_ALL: tuple[str, ...] = ("sebelum", "selama", "setelah")
_DURING: tuple[str, ...] = ("selama",)
_PMI_PASAL = {_ALL: "Pasal 27 ayat (1), Pasal 34 ayat (1)", _DURING: "Pasal 34 ayat (1)",
              ("sebelum",): "Pasal 27 ayat (1) huruf g", ("setelah",): "Pasal 27 ayat (1) huruf h"}
# The migrant-worker JKK benefits by key, as the officer and the benefit line name them.
PMI_JKK_LABELS: dict[str, str] = {
    "perawatan_luar_negeri": "Perawatan dan pengobatan di negara penempatan",
    "homecare": "Perawatan di rumah, paling lama 1 tahun",
    "alat_bantu_dengar": "Penggantian alat bantu dengar",
    "kacamata": "Penggantian kacamata",
    "phk_sepihak": "Bantuan uang PHK sepihak",
    "tidak_sesuai_perjanjian": "Bantuan uang: penempatan tidak sesuai perjanjian",
    "pemulangan_tidak_sesuai_perjanjian": "Ongkos pulang: penempatan tidak sesuai perjanjian",
    "pemerkosaan": "Bantuan uang korban pemerkosaan",
    "gagal_berangkat": "Bantuan uang gagal berangkat, bukan kesalahan CPMI",
    "kerugian_perjalanan_pulang": "Bantuan uang kerugian dalam perjalanan pulang",
}
PMI_JKK_RULES: tuple[PmiJkkRule, ...] = tuple(
    PmiJkkRule(date(2023, 2, 22), None,
               f"Permenaker 4/2023 {_PMI_PASAL[phases]}; besaran diumumkan Kemnaker/BPJS [I]",
               key, PMI_JKK_LABELS[key], amount, capped, phases)
    for key, amount, capped, phases in (
        ("perawatan_luar_negeri", 50_000_000, True, _DURING),
        ("homecare", 20_000_000, True, _ALL),
        ("alat_bantu_dengar", 2_500_000, True, _ALL),
        ("kacamata", 1_000_000, True, _ALL),
        ("phk_sepihak", 1_500_000, False, _DURING),
        ("tidak_sesuai_perjanjian", 25_000_000, False, _DURING),
        ("pemulangan_tidak_sesuai_perjanjian", 15_000_000, True, _DURING),
        ("pemerkosaan", 50_000_000, False, _ALL),
        ("gagal_berangkat", 10_000_000, False, ("sebelum",)),
        ("kerugian_perjalanan_pulang", 10_000_000, True, ("setelah",)),
    ))


def _pmi_phase(phase: str) -> str:
    if phase not in PMI_PHASES:
        raise ValidationError(
            "Pilih masa pelindungan Pekerja Migran Indonesia saat kejadian: sebelum, selama, "
            "atau setelah bekerja (Permenaker 4/2023).", field="pmi_phase")
    return phase


def pmi_jkm_benefit(event_date: date, phase: str,
                    rules: Sequence[PmiJkmRule] = PMI_JKM_RULES) -> BenefitResult:
    """JKM of a migrant worker (Permenaker 4/2023), instead of the standard JKM: Rp85 jt at
    once for a death during work, the Rp20 jt + Rp12 jt + Rp10 jt parts before or after work
    (BPJS Ketenagakerjaan's account of the Permenaker, `PmiJkmRule`)."""
    _pmi_phase(phase)
    dated = [rule for rule in rules if phase in rule.phases]
    rule = br.rule_on(dated, event_date, "JKM Pekerja Migran Indonesia")
    when = PMI_PHASES[phase]
    if not rule.periodic and not rule.funeral:
        return result_of([BenefitLine(
            "JKM_PMI", "Santunan kematian Pekerja Migran Indonesia", rule.lump_sum,
            f"{rule.source}; JKM PMI {when}",
            "Santunan kematian, santunan berkala dan biaya pemakaman dibayar sekaligus "
            f"(meninggal {when}).")], rule.source, event_date=event_date, pmi_phase=phase)
    return result_of([
        BenefitLine("JKM_SANTUNAN_SEKALIGUS", "Santunan kematian", rule.lump_sum,
                    f"{rule.source}; JKM PMI {when}", f"Jumlah tetap (meninggal {when})."),
        BenefitLine("JKM_SANTUNAN_BERKALA", "Santunan berkala (dibayar sekaligus)",
                    rule.periodic, f"{rule.source}; JKM PMI {when}", "Jumlah tetap."),
        BenefitLine("JKM_BIAYA_PEMAKAMAN", "Biaya pemakaman", rule.funeral,
                    f"{rule.source}; JKM PMI {when}", "Jumlah tetap."),
    ], rule.source, event_date=event_date, pmi_phase=phase)


def pmi_jkk_lines(event_date: date, phase: str, items: Sequence[tuple[str, int]],
                  rules: Sequence[PmiJkkRule] = PMI_JKK_RULES) -> list[BenefitLine]:
    """The migrant-worker JKK benefits claimed in `items` (key, cost), each once: a capped one
    reimburses the cost up to its amount, a fixed one pays its amount (the cost is ignored);
    a benefit of another protection phase is refused (Permenaker 4/2023 Ps 27, 34)."""
    _pmi_phase(phase)
    lines: list[BenefitLine] = []
    seen: set[str] = set()
    for key, cost in items:
        known = [r for r in rules if r.key == key]
        if not known:
            raise ValidationError(f"Manfaat JKK Pekerja Migran tidak dikenal: {key}.",
                                  field="pmi_benefits")
        if key in seen:
            raise ValidationError(f"Manfaat JKK Pekerja Migran {key} diisi dua kali.",
                                  field="pmi_benefits")
        seen.add(key)
        rule = br.rule_on(known, event_date, f"manfaat JKK Pekerja Migran {key}")
        if phase not in rule.phases:
            allowed = ", ".join(PMI_PHASES[p] for p in rule.phases)
            raise ValidationError(
                f"{rule.label} hanya untuk kejadian {allowed}, bukan {PMI_PHASES[phase]}.",
                field="pmi_benefits")
        if cost < 0:
            raise ValidationError(f"Biaya {rule.label} tidak boleh negatif.",
                                  field="pmi_benefits")
        if rule.capped:
            if cost == 0:
                raise ValidationError(f"Isi biaya {rule.label}.", field="pmi_benefits")
            paid = min(cost, rule.amount)
            detail = (f"Biaya {rupiah(cost)}, paling banyak {rupiah(rule.amount)}; dibayar "
                      f"{rupiah(paid)}.")
        else:
            paid, detail = rule.amount, "Jumlah tetap."
        lines.append(BenefitLine(f"JKK_PMI_{key.upper()}", rule.label, paid,
                                 f"{rule.source}; JKK Pekerja Migran Indonesia", detail))
    return lines


def _capped_disability(line: BenefitLine, event_date: date,
                       caps: Sequence[PmiDisabilityCapRule]) -> BenefitLine:
    """`line` limited to the migrant worker's maximum when it is a disability line above it."""
    cap = br.rule_in_force(caps, event_date)
    if line.code not in _DISABILITY_LINES or cap is None or line.amount <= cap.amount:
        return line
    return BenefitLine(line.code, line.label, cap.amount, f"{cap.source}; {line.rule}",
                       f"{line.detail.rstrip('.')} = {rupiah(line.amount)}; dibayar paling "
                       f"banyak {rupiah(cap.amount)} untuk Pekerja Migran Indonesia.")


def pmi_jkk_benefit(inp: JkkInput, phase: str, items: Sequence[tuple[str, int]],
                    rules: Sequence[br.JkkRule] = br.JKK_RULES,
                    deaths: Sequence[PmiJkkDeathRule] = PMI_JKK_DEATH_RULES,
                    caps: Sequence[PmiDisabilityCapRule] = PMI_DISABILITY_CAPS
                    ) -> BenefitResult:
    """JKK of a migrant worker: the standard lines of `jkk_benefit`, except that a death in a
    phase of `deaths` pays its fixed amount instead of the standard death lines (no wage is
    needed); a disability pays at most its maximum in `caps`; no STMB before or after work
    (`PMI_PHASES_WITHOUT_STMB`); and the migrant-worker benefits of Permenaker 4/2023 claimed
    in `items`. The protection phase is needed only for a death, an STMB or such benefits.
    The PMI formula for disability and the amount for a death before or after work were not
    found [U] (docs/rules-claims.md item 17)."""
    if items or inp.outcome == "death" or inp.stmb_months:
        _pmi_phase(phase)
    extra = pmi_jkk_lines(inp.event_date, phase, items) if items else []
    if inp.stmb_months and phase in PMI_PHASES_WITHOUT_STMB:
        raise ValidationError(
            "Santunan sementara tidak mampu bekerja (STMB) bukan manfaat JKK Pekerja Migran "
            f"Indonesia {PMI_PHASES[phase]} (Permenaker 4/2023 Pasal 27 ayat (1)); isi 0 "
            "bulan.", field="stmb_months")
    death = br.rule_in_force((d for d in deaths if phase in d.phases), inp.event_date)
    if inp.outcome == "death" and death is not None:
        result = jkk_benefit(dataclasses.replace(inp, outcome="medical_only"), rules)
        when = PMI_PHASES[phase]
        extra.insert(0, BenefitLine(
            "JKK_PMI_KEMATIAN", "Santunan kematian akibat kecelakaan kerja Pekerja Migran "
            "Indonesia", death.amount, death.source,
            f"Santunan kematian, santunan berkala dan biaya pemakaman dibayar sekaligus "
            f"(meninggal {when})."))
    else:
        result = jkk_benefit(inp, rules)
    lines = [_capped_disability(line, inp.event_date, caps) for line in result.lines]
    inputs = {**result.inputs, "outcome": inp.outcome, "pmi_phase": phase,
              "pmi_benefits": list(items)}
    return result_of([*lines, *extra], result.rule_version, **inputs)
