"""Whether a claim meets the conditions of its programme (DOMAIN §3, §5): coverage on the
event date, cause, contribution record, age, PHK reason and programme mix."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from branch_desk.domain import benefit_rules as br
from branch_desk.domain.claim_rules import ClaimType
from branch_desk.domain.coverage import (
    LAPSE_AFTER_UNPAID,
    CoverageStatus,
    add_months,
    date_label,
    month_start,
    months_apart,
)
from branch_desk.domain.errors import EligibilityError, ValidationError
from branch_desk.domain.programs import Program, Segment, allowed_programs

Cause = Literal["kerja", "bukan-kerja"]


@dataclass(frozen=True)
class EligibilityInput:
    """Facts the eligibility rules need; contribution counts come from `coverage` helpers."""

    claim_type: ClaimType
    cause: Cause | None
    event_date: date
    coverage_on_event: CoverageStatus
    contribution_months_total: int
    contribution_months_last_24: int
    consecutive_months_before_event: int
    membership_years: Decimal
    age: int | None
    segment: Segment
    jht_kind: str = "full"  # full | partial_housing | partial_other
    jht_partial_taken: bool = False
    contribution_months_career: int | None = None  # JP: every paid month, gaps included
    jp_membership_months: int | None = None  # JP: whole months a member at the event
    jp_density: Decimal | None = None  # JP: share of the months due that were paid
    jp_kind: str = "old_age"  # old_age | disability | widow | child | parent
    jkk_outcome: str | None = None  # scholarship: the outcome of the work accident
    jht_reason: str = ""  # JHT full: mengundurkan_diri | phk | "" (another reason)
    filed_on: date | None = None
    jkp_join_age: int | None = None  # age when the worker joined JKP
    jkp_phk_reason: str = ""  # one of PHK_REASONS
    programs: frozenset[str] = frozenset()  # programmes the worker is enrolled in
    employer_size: str = ""  # besar_menengah | mikro_kecil


def career_contribution_months(paid_months: Collection[date], *, enrolled_from: date,
                               as_of: date) -> int:
    """Paid months from enrolment up to the month of `as_of`, over the whole career: a gap
    between jobs does not reset the JP record (PP 45/2015; issue 18: 150 months, a 3-month
    gap and 60 months are 210 months)."""
    first, last = month_start(enrolled_from), month_start(as_of)
    return len({month_start(m) for m in paid_months if first <= month_start(m) <= last})


def membership_months(enrolled_from: date, on: date) -> int:
    """Whole months a member from `enrolled_from` to `on` (a month counts once its day came)."""
    return max(months_apart(enrolled_from, on) - (on.day < enrolled_from.day), 0)


def contribution_density(paid_months: Collection[date], *, enrolled_from: date,
                         as_of: date) -> Decimal:
    """The JP contribution density ("tingkat kepadatan", Permenaker 29/2015 Ps 26(1)b): the
    share of the months due, from the month of enrolment to the month before `as_of`, that
    were paid (the event's own month is not yet due). No month due yet: 0."""
    first, last = month_start(enrolled_from), month_start(as_of)
    due = months_apart(first, last)
    if due <= 0:
        return Decimal(0)
    paid = career_contribution_months(paid_months, enrolled_from=first,
                                      as_of=last - timedelta(days=1))
    return Decimal(paid) / Decimal(due)


# PHK reasons an officer records for JKP (PP 37/2021 Ps 20; the excluded ones are in the rule).
PHK_REASONS: dict[str, str] = {
    "efisiensi": "efisiensi, penutupan atau pailit perusahaan",
    "pelanggaran": "pelanggaran perjanjian kerja atau peraturan perusahaan",
    "lainnya": "alasan PHK lain oleh pengusaha",
    "mengundurkan_diri": "mengundurkan diri",
    "cacat_total_tetap": "cacat total tetap",
    "pensiun": "pensiun",
    "meninggal_dunia": "meninggal dunia",
    "pkwt_berakhir": "berakhirnya PKWT sesuai jangka waktunya",
}
EMPLOYER_SIZES = {"besar_menengah": "usaha besar atau menengah",
                  "mikro_kecil": "usaha mikro atau kecil"}


@dataclass(frozen=True)
class JhtWaitRule:
    """Months a full JHT waits after resignation (from the employer's statement) or PHK."""

    valid_from: date
    valid_to: date | None
    source: str
    months: int


# Permenaker 4/2022 Ps 8-9 [C] (spkep-spsi.org summary of the Permenaker; detik 28-04-2022);
# in force from its promulgation, 26 April 2022 [I]. Earlier exits get no waiting check.
JHT_WAIT_RULES: tuple[JhtWaitRule, ...] = (
    JhtWaitRule(date(2022, 4, 26), None, "Permenaker 4/2022 Pasal 8-9", 1),
)
JHT_EXIT_REASONS = {"mengundurkan_diri": "mengundurkan diri", "phk": "pemutusan hubungan kerja"}


@dataclass(frozen=True)
class EligibilityResult:
    """Outcome with every rule checked (`reasons`) and the ones not met (`failed`)."""

    eligible: bool
    reasons: tuple[str, ...]
    failed: tuple[str, ...] = ()

    def raise_if_ineligible(self) -> None:
        if not self.eligible:
            raise EligibilityError(" ".join(self.failed), field="claim_type")


_PROGRAM_SOURCE = {
    Program.JKK: "PP 44/2015", Program.JKM: "PP 44/2015", Program.JHT: "PP 46/2015",
    Program.JP: "PP 45/2015", Program.JKP: "PP 37/2021 jo. PP 6/2025",
}
_COVERED_TYPES = (ClaimType.JKK, ClaimType.JKM, ClaimType.BEASISWA, ClaimType.JKP)

# JHT is savings and JP is paid from the contributions recorded (DOMAIN §3.4, §3.5): neither
# requires the participant to be covered on the event date.
_NO_COVER_NEEDED = {
    ClaimType.JHT: "Untuk JHT status kepesertaan pada tanggal kejadian bukan syarat klaim: "
                   "yang dibayar adalah saldo JHT (iuran dan hasil pengembangannya) yang "
                   "tercatat (PP 46/2015).",
    ClaimType.JP: "Untuk JP status kepesertaan pada tanggal kejadian bukan syarat klaim: "
                  "manfaat dihitung dari masa iur yang tercatat (PP 45/2015).",
}


def coverage_finding(claim_type: ClaimType, status: CoverageStatus, program: str,
                     explanation: str) -> tuple[bool, str]:
    """The coverage line of an assessment: (met, text). For JKK, JKM, beasiswa and JKP the
    participant must be covered (active or grace) on the event date; for JHT and JP coverage
    is no condition, so the line is met and says so after the status."""
    text = f"Kepesertaan {program}: {explanation}"
    note = _NO_COVER_NEEDED.get(claim_type)
    if note is None:
        return CoverageStatus(status).is_covered, text
    if CoverageStatus(status).is_covered:
        return True, text
    return True, f"{text} {note}"


def check_eligibility(inp: EligibilityInput) -> EligibilityResult:
    """Check a claim against the rules of DOMAIN §3-§5. MASA_TENGGANG counts as covered:
    protection only ends after 3 consecutive unpaid months (DOMAIN §5)."""
    claim_type, segment = ClaimType(inp.claim_type), Segment(inp.segment)
    reasons: list[str] = []
    failed: list[str] = []

    def check(ok: bool, text: str) -> None:
        reasons.append(text)
        if not ok:
            failed.append(text)

    program = _program_of(claim_type, inp.cause)
    source = _PROGRAM_SOURCE[program]
    ok = program in allowed_programs(segment)
    check(ok, f"Program {program.value} {'tersedia' if ok else 'tidak tersedia'} untuk segmen "
              f"{segment.label} ({source}).")
    if claim_type in _COVERED_TYPES:
        status = CoverageStatus(inp.coverage_on_event)
        check(status.is_covered,
              f"Status kepesertaan pada tanggal kejadian: {status.label}. Perlindungan berlaku "
              "selama aktif atau masa tenggang (ketentuan kepesertaan: nonaktif setelah "
              f"{LAPSE_AFTER_UNPAID} bulan berturut-turut tidak membayar iuran).")
    if claim_type is ClaimType.JKK:
        check(inp.cause == "kerja", {
            "kerja": "Kejadian ditetapkan sebagai kecelakaan kerja (PP 44/2015).",
            "bukan-kerja": "Kejadian bukan kecelakaan kerja, sehingga tidak dijamin JKK; bila "
                           "peserta meninggal, ajukan JKM (PP 44/2015).",
            None: "Status kecelakaan kerja belum ditetapkan; penetapan paling lambat 30 hari "
                  "sejak laporan tahap I, perawatan dugaan kecelakaan kerja tetap dijamin "
                  "(PP 49/2023).",
        }[inp.cause])
    elif claim_type is ClaimType.JKM:
        check(inp.cause == "bukan-kerja", {
            "bukan-kerja": "Peserta meninggal bukan karena kecelakaan kerja (PP 44/2015 jo. "
                           "PP 82/2019).",
            "kerja": "Kematian karena kecelakaan kerja dibayar melalui JKK, bukan JKM "
                     "(PP 44/2015).",
            None: "Penyebab kematian (kerja/bukan kerja) harus dicatat (PP 44/2015).",
        }[inp.cause])
    elif claim_type is ClaimType.BEASISWA:
        _scholarship(inp, check)
    elif claim_type is ClaimType.JKP:
        check(inp.contribution_months_last_24 >= 12,
              f"Iuran JKP {inp.contribution_months_last_24} bulan dalam 24 bulan terakhir; "
              "syarat paling sedikit 12 bulan (PP 37/2021 jo. PP 6/2025).")
        check(inp.consecutive_months_before_event >= 6,
              f"Iuran {inp.consecutive_months_before_event} bulan berturut-turut sebelum PHK; "
              "syarat paling sedikit 6 bulan (PP 37/2021 jo. PP 6/2025).")
        _jkp(inp, check)
    elif claim_type is ClaimType.JP:
        _pension(inp, check)
    elif claim_type is ClaimType.JHT:
        _jht(inp, check)
    return EligibilityResult(not failed, tuple(reasons), tuple(failed))


_Check = Callable[[bool, str], None]


def _program_of(claim_type: ClaimType, cause: Cause | None) -> Program:
    if claim_type is ClaimType.BEASISWA:
        return Program.JKK if cause == "kerja" else Program.JKM
    return Program(claim_type.value)


def _scholarship(inp: EligibilityInput, check: _Check) -> None:
    if inp.cause is None:
        check(False, "Penyebab kematian/cacat (kerja/bukan kerja) harus dicatat untuk beasiswa "
                     "(PP 82/2019).")
    elif inp.cause == "kerja":
        # PP 44/2015 jo. PP 82/2019: the scholarship follows a work-accident death or total
        # permanent disability only, not a partial disability or medical care (issue 18).
        ok = inp.jkk_outcome in ("death", "total_disability")
        found = _OUTCOME_WORDS.get(inp.jkk_outcome or "", "belum dicatat")
        check(ok, "Beasiswa karena kecelakaan kerja hanya bila peserta meninggal atau cacat "
                  "total tetap, tanpa syarat masa iur"
                  + ("" if ok else f"; akibat kecelakaan tercatat: {found}")
                  + " (PP 44/2015 jo. PP 82/2019).")
    else:
        rule = br.rule_on(br.JKM_RULES, inp.event_date, "JKM")
        need = rule.scholarship_min_months
        check(inp.contribution_months_total >= need,
              f"Beasiswa karena meninggal bukan kecelakaan kerja memerlukan masa iur paling "
              f"sedikit {need // 12} tahun ({need} bulan); tercatat "
              f"{inp.contribution_months_total} bulan ({rule.source}).")


_OUTCOME_WORDS = {"death": "meninggal dunia", "total_disability": "cacat total tetap",
                  "partial_disability": "cacat sebagian", "temporary": "tidak mampu bekerja "
                  "sementara", "medical_only": "perawatan saja"}
_JP_KINDS = {"old_age": "pensiun hari tua", "disability": "pensiun cacat (cacat total tetap)",
             "widow": "pensiun janda/duda", "child": "pensiun anak",
             "parent": "pensiun orang tua"}


def _pension(inp: EligibilityInput, check: _Check) -> None:
    rule = br.rule_on(br.JP_RULES, inp.event_date, "JP")
    if inp.jp_kind not in _JP_KINDS:
        raise ValidationError(f"Jenis manfaat JP tidak dikenal: {inp.jp_kind}.", field="jp_kind")
    months = inp.contribution_months_career
    if months is None:
        months = inp.contribution_months_total
    if months >= rule.min_months:
        check(True, f"Masa iur seluruhnya {months} bulan (jeda antarpekerjaan tidak "
                    f"menghapus masa iur): berhak pensiun bulanan (PP 45/2015: paling sedikit "
                    f"{rule.min_months} bulan).")
    elif inp.jp_kind != "old_age" and (refusal := _deemed_refusal(inp, rule)) is None:
        check(True, f"Masa iur {months} bulan: untuk {_JP_KINDS[inp.jp_kind]} dihitung "
                    f"{rule.deemed_months} bulan ({rule.source}).")
    elif inp.jp_kind != "old_age":
        check(True, f"Masa iur {months} bulan tidak dapat dihitung {rule.deemed_months} bulan "
                    f"untuk {_JP_KINDS[inp.jp_kind]} karena {refusal}: manfaat dibayar "
                    f"sekaligus berupa akumulasi iuran dan hasil pengembangan ({rule.source}).")
    else:
        check(True, f"Masa iur seluruhnya {months} bulan, kurang dari {rule.min_months} bulan: "
                    "manfaat dibayar sekaligus berupa akumulasi iuran dan hasil pengembangan "
                    "(PP 45/2015).")
    if inp.jp_kind != "old_age":
        check(True, f"{_JP_KINDS[inp.jp_kind].capitalize()} tidak menunggu usia pensiun "
                    "(PP 45/2015 Pasal 16).")
    elif inp.age is not None:
        needed = br.pension_age(inp.event_date)
        check(inp.age >= needed,
              f"Usia {inp.age} tahun; usia pensiun pada {inp.event_date.year} adalah {needed} "
              "tahun (PP 45/2015 Pasal 15).")


def _deemed_refusal(inp: EligibilityInput, rule: br.JpRule) -> str | None:
    if inp.jp_membership_months is None or inp.jp_density is None:
        return "masa kepesertaan dan kepadatan iuran tidak diketahui"
    return br.jp_deemed_record_refusal(rule, inp.jp_kind, inp.jp_membership_months,
                                       inp.jp_density)


def _jkp(inp: EligibilityInput, check: _Check) -> None:
    rule = br.rule_on(br.JKP_RULES, inp.event_date, "JKP")
    if inp.jkp_join_age is not None:
        check(inp.jkp_join_age < rule.max_join_age,
              f"Usia saat terdaftar {inp.jkp_join_age} tahun; peserta JKP didaftarkan sebelum "
              f"berusia {rule.max_join_age} tahun ({rule.source} Pasal 4).")
    base = {"JKK", "JHT", "JKM"}
    missing = sorted(base - inp.programs)
    if missing:
        check(False, f"Peserta JKP harus diikutsertakan dalam JKK, JHT dan JKM; belum terdaftar "
                     f"dalam {', '.join(missing)} ({rule.source} Pasal 4).")
    elif "JP" in inp.programs:
        check(True, f"Terdaftar dalam JKK, JHT, JP dan JKM, sesuai untuk semua skala usaha "
                    f"({rule.source} Pasal 4; kepesertaan JKN diperiksa petugas).")
    else:
        small = inp.employer_size == "mikro_kecil"
        text = ("Tanpa JP hanya boleh bagi pekerja usaha mikro atau kecil; " + (
            "pemberi kerja usaha mikro/kecil" if small else
            "pemberi kerja " + EMPLOYER_SIZES.get(inp.employer_size, "belum dicatat skalanya")))
        check(small, f"{text} ({rule.source} Pasal 4).")
    reason = inp.jkp_phk_reason
    if reason not in PHK_REASONS:
        check(False, f"Alasan PHK harus dicatat untuk klaim JKP ({rule.source} Pasal 20).")
    else:
        ok = reason not in rule.excluded_reasons
        check(ok, f"Alasan PHK: {PHK_REASONS[reason]}" + (
            "" if ok else "; JKP tidak diberikan untuk alasan ini") + f" ({rule.source} "
            "Pasal 20).")


def _jht_wait(exit_date: date) -> JhtWaitRule | None:
    return br.rule_in_force(JHT_WAIT_RULES, exit_date)


def jht_payable_from(reason: str, exit_date: date) -> date | None:
    """First day a full JHT may be paid after resignation (from the employer's statement)
    or dismissal (from the PHK date): one month later (Permenaker 4/2022 Ps 8-9); None for
    other reasons or an exit before the rule."""
    rule = _jht_wait(exit_date)
    if reason not in JHT_EXIT_REASONS or rule is None:
        return None
    return add_months(exit_date, rule.months)


def _jht(inp: EligibilityInput, check: _Check) -> None:
    rule = br.JHT_RULE
    if inp.jht_kind == "full":
        check(True, "JHT dibayar sekaligus karena usia 56 tahun, meninggal, cacat total tetap, "
                    "berhenti bekerja atau meninggalkan Indonesia (PP 46/2015 jo. PP 60/2015).")
        start = jht_payable_from(inp.jht_reason, inp.event_date)
        if start is not None:
            filed = inp.filed_on or inp.event_date
            ok = filed >= start
            wait = _jht_wait(inp.event_date)
            check(ok, f"JHT karena {JHT_EXIT_REASONS[inp.jht_reason]} pada "
                      f"{date_label(inp.event_date)} dapat dibayar mulai {date_label(start)}, "
                      f"setelah masa tunggu {wait.months if wait else 1} bulan" + (
                          "" if ok else f"; klaim dicatat {date_label(filed)}, ajukan kembali "
                          f"mulai {date_label(start)}") + " (Permenaker 4/2022 Pasal 8-9).")
        return
    if inp.jht_kind not in ("partial_housing", "partial_other"):
        raise ValidationError(f"Jenis klaim JHT tidak dikenal: {inp.jht_kind}.",
                              field="jht_kind")
    check(inp.membership_years >= rule.partial_min_years,
          f"Kepesertaan {str(inp.membership_years).replace('.', ',')} tahun; pengambilan "
          f"sebagian JHT memerlukan paling sedikit {rule.partial_min_years} tahun "
          f"({rule.source}).")
    taken = "; sudah pernah diambil" if inp.jht_partial_taken else ""
    check(not inp.jht_partial_taken,
          f"Pengambilan sebagian JHT hanya satu kali{taken} ({rule.source}).")
