"""Claim types, required documents, deadlines and eligibility (DOMAIN §3, §4, §5)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from branch_desk.domain import benefit_rules as br
from branch_desk.domain.coverage import LAPSE_AFTER_UNPAID, CoverageStatus, add_months, date_label
from branch_desk.domain.errors import EligibilityError, ValidationError
from branch_desk.domain.programs import Program, Segment, allowed_programs


class ClaimType(StrEnum):
    """Kind of claim an officer logs."""

    JKK = "JKK"
    JKM = "JKM"
    JHT = "JHT"
    JP = "JP"
    JKP = "JKP"
    BEASISWA = "BEASISWA"

    @property
    def label(self) -> str:
        return _TYPE_LABELS[self]


_TYPE_LABELS = {
    ClaimType.JKK: "Jaminan Kecelakaan Kerja",
    ClaimType.JKM: "Jaminan Kematian",
    ClaimType.JHT: "Jaminan Hari Tua",
    ClaimType.JP: "Jaminan Pensiun",
    ClaimType.JKP: "Jaminan Kehilangan Pekerjaan",
    ClaimType.BEASISWA: "Beasiswa Pendidikan Anak",
}


@dataclass(frozen=True)
class DocumentRequirement:
    """A document for a claim; a claim is complete when every `mandatory` one is received."""

    key: str
    label: str
    mandatory: bool = True
    note: str = ""  # when an optional document is needed


def _doc(key: str, label: str, note: str = "") -> DocumentRequirement:
    return DocumentRequirement(key, label, mandatory=not note, note=note)


_KPJ = _doc("kpj", "Kartu peserta (KPJ)")
_KTP = _doc("ktp", "KTP peserta")
_KK = _doc("kartu_keluarga", "Kartu Keluarga")
_BANK = _doc("buku_tabungan", "Buku tabungan (rekening bank)")
_DEATH = _doc("akta_kematian", "Akta/surat keterangan kematian")
_HEIRS = _doc("surat_keterangan_ahli_waris", "Surat keterangan ahli waris dari desa/kelurahan")

# DOMAIN §4.2. JKK [C] S78 (older procedure), JKM S25, beasiswa S26, JHT S21/S86, JKP S27.
_DOCUMENTS: dict[ClaimType, tuple[DocumentRequirement, ...]] = {
    ClaimType.JKK: (
        _KPJ, _KTP,
        _doc("daftar_hadir", "Daftar hadir (absensi) pada hari kejadian"),
        _doc("laporan_kecelakaan", "Laporan kecelakaan kerja dengan keterangan 2 orang saksi"),
        _doc("formulir_3b", "Formulir 3b (keterangan dokter)"),
        _doc("daftar_upah", "Daftar upah yang dilaporkan"),
        _doc("kuitansi_pengobatan", "Kuitansi asli biaya pengobatan",
             "bila ada biaya pengobatan yang dibayar sendiri"),
        _doc("kuitansi_transportasi", "Kuitansi asli biaya transportasi",
             "bila ada biaya transportasi"),
        _doc("surat_keterangan_sakit", "Surat keterangan istirahat/sakit dari dokter",
             "bila mengajukan santunan tidak mampu bekerja (STMB)"),
        _doc("surat_rujukan", "Surat rujukan", "bila dirujuk ke fasilitas kesehatan lain"),
    ),
    ClaimType.JKM: (
        _KPJ, _doc("ktp_almarhum", "KTP peserta yang meninggal"),
        _doc("ktp_ahli_waris", "KTP ahli waris"), _DEATH, _KK, _HEIRS,
        _doc("buku_nikah", "Buku nikah"), _BANK,
    ),
    ClaimType.BEASISWA: (
        _doc("formulir_beasiswa", "Formulir pengajuan klaim beasiswa"),
        _doc("surat_keterangan_sekolah", "Surat keterangan dari sekolah/perguruan tinggi"),
        _doc("identitas_anak", "KTP atau kartu pelajar anak"),
        _doc("akta_kelahiran_anak", "Akta kelahiran anak"),
        _KPJ, _doc("ktp", "KTP ahli waris/wali"), _DEATH, _KK, _HEIRS,
    ),
    ClaimType.JKP: (
        _doc("bukti_phk", "Bukti pemutusan hubungan kerja (PHK)"),
        _doc("komitmen_mencari_kerja", "Surat pernyataan komitmen mencari kerja"),
        _BANK,
    ),
    # JP documents are not in DOMAIN §4.2 [U]: the common identity set until confirmed.
    ClaimType.JP: (_KPJ, _KTP, _KK, _BANK),
}

_JHT_DOCUMENTS: dict[str, tuple[DocumentRequirement, ...]] = {
    "full": (_KPJ, _KTP, _KK, _doc("paklaring_atau_phk", "Paklaring atau surat PHK"), _BANK),
    "partial_housing": (
        _KPJ, _KTP,
        _doc("bukti_perumahan", "PPJB/AJB (pembelian tunai) atau dokumen kredit dari bank"),
        _BANK,
    ),
    "partial_other": (_KPJ, _KTP, _BANK),  # [U]: not listed in DOMAIN §4.2
}
_OFF_SITE = (
    _doc("surat_tugas", "Surat tugas (kecelakaan di luar lokasi kerja)"),
    _doc("laporan_polisi", "Laporan/keterangan kepolisian"),
)
_NPWP = _doc("npwp", "NPWP (saldo JHT lebih dari Rp50.000.000)")


def required_documents(
    claim_type: ClaimType, *, off_site: bool = False, jht_kind: str = "full",
    balance: int | None = None,
) -> tuple[DocumentRequirement, ...]:
    """Documents for a claim (DOMAIN §4.2). `off_site`: JKK accident outside the workplace;
    `jht_kind`/`balance`: JHT purpose and balance (NPWP needed above Rp50 jt)."""
    claim_type = ClaimType(claim_type)
    if claim_type is ClaimType.JHT:
        if jht_kind not in _JHT_DOCUMENTS:
            raise ValidationError(f"Jenis klaim JHT tidak dikenal: {jht_kind}.", field="jht_kind")
        docs = _JHT_DOCUMENTS[jht_kind]
        if balance is not None and balance > br.JHT_RULE.npwp_above:
            docs = (*docs, _NPWP)
        return docs
    docs = _DOCUMENTS[claim_type]
    if claim_type is ClaimType.JKK and off_site:
        docs = (*docs, *_OFF_SITE)
    return docs


@dataclass(frozen=True)
class DeadlineCheck:
    """One deadline: its rule, due date, whether it was met and an Indonesian message.
    `advisory`: missing it does not end the right (late JKK report, yearly re-claim)."""

    rule: str
    due: date
    met: bool
    message: str
    advisory: bool = False


JKK_REPORT_DAYS = 2  # 2×24 h, counted in calendar days (Permenaker 1/2025) [C] S22
JKK_DECISION_DAYS = 30  # KK status decision after the stage-I report (PP 49/2023) [C] S12
# JKK claim expiry by accident date: 5 years from PP 82/2019, 2 years before (transition [I]).
JKK_EXPIRY: tuple[tuple[date, int, str], ...] = (
    (date(2015, 7, 1), 24, "PP 44/2015"),
    (br.PP82_START, 60, "PP 82/2019"),
)


def jkk_decision_due(reported_at: date) -> date:
    """Last day for BPJS to decide whether a reported accident is a work accident."""
    return reported_at + timedelta(days=JKK_DECISION_DAYS)


def claim_deadlines(
    claim_type: ClaimType, event_date: date, reported_at: date,
) -> list[DeadlineCheck]:
    """Deadlines for a claim whose event happened on `event_date` and which was reported or
    filed on `reported_at` (DOMAIN §4.1). JKM, JHT and JP have no loaded deadline (JKM [U])."""
    claim_type = ClaimType(claim_type)
    if reported_at < event_date:
        raise ValidationError("Tanggal laporan tidak boleh sebelum tanggal kejadian.",
                              field="reported_at")
    checks: list[DeadlineCheck] = []
    if claim_type is ClaimType.JKK:
        due = event_date + timedelta(days=JKK_REPORT_DAYS)
        rule = "Laporan kecelakaan kerja tahap I paling lambat 2×24 jam (Permenaker 1/2025)"
        if reported_at <= due:
            message = f"Laporan tahap I diterima {date_label(reported_at)}, tepat waktu."
        else:
            message = (f"Laporan tahap I terlambat (batas {date_label(due)}): manfaat JKK "
                       "menjadi tanggung jawab pemberi kerja, yang kemudian dapat mengajukan "
                       "penggantian ke BPJS Ketenagakerjaan.")
        checks.append(DeadlineCheck(rule, due, reported_at <= due, message, advisory=True))
        months, source = _jkk_expiry(event_date)
        checks.append(_expiry(f"Hak klaim JKK kedaluwarsa {months // 12} tahun sejak kecelakaan "
                              f"atau diagnosis PAK ({source})",
                              add_months(event_date, months), reported_at, "JKK"))
    elif claim_type is ClaimType.JKP:
        rule_row = br.rule_on(br.JKP_RULES, event_date, "JKP")
        months = rule_row.claim_within_months
        checks.append(_expiry(f"Klaim JKP paling lambat {months} bulan sejak PHK "
                              f"({rule_row.source})", add_months(event_date, months),
                              reported_at, "JKP"))
    elif claim_type is ClaimType.BEASISWA:
        due = add_months(reported_at, 12)
        checks.append(DeadlineCheck(
            "Beasiswa diajukan kembali setiap tahun (Permenaker 5/2021)", due, True,
            f"Klaim beasiswa tahun berikutnya diajukan kembali sekitar {date_label(due)}.",
            advisory=True,
        ))
    return checks


def _jkk_expiry(event_date: date) -> tuple[int, str]:
    months, source = JKK_EXPIRY[0][1], JKK_EXPIRY[0][2]
    for start, row_months, row_source in JKK_EXPIRY:
        if event_date >= start:
            months, source = row_months, row_source
    return months, source


def _expiry(rule: str, due: date, filed: date, program: str) -> DeadlineCheck:
    if filed <= due:
        return DeadlineCheck(rule, due, True, f"Diajukan sebelum batas {date_label(due)}.")
    return DeadlineCheck(rule, due, False,
                         f"Hak klaim {program} hilang: batas pengajuan {date_label(due)} "
                         "sudah lewat.")


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
        check(True, "Beasiswa karena kecelakaan kerja (meninggal atau cacat total tetap) tanpa "
                    "syarat masa iur (PP 82/2019).")
    else:
        rule = br.rule_on(br.JKM_RULES, inp.event_date, "JKM")
        need = rule.scholarship_min_months
        check(inp.contribution_months_total >= need,
              f"Beasiswa karena meninggal bukan kecelakaan kerja memerlukan masa iur paling "
              f"sedikit {need // 12} tahun ({need} bulan); tercatat "
              f"{inp.contribution_months_total} bulan ({rule.source}).")


def _pension(inp: EligibilityInput, check: _Check) -> None:
    rule = br.JP_RULES[-1]
    if inp.contribution_months_total >= rule.min_months:
        check(True, f"Masa iur {inp.contribution_months_total} bulan: berhak pensiun bulanan "
                    f"(PP 45/2015: paling sedikit {rule.min_months} bulan).")
    else:
        check(True, f"Masa iur {inp.contribution_months_total} bulan, kurang dari "
                    f"{rule.min_months} bulan: manfaat dibayar sekaligus berupa akumulasi iuran "
                    "dan hasil pengembangan (PP 45/2015).")
    if inp.age is not None:
        needed = br.pension_age(inp.event_date)
        check(inp.age >= needed,
              f"Usia {inp.age} tahun; usia pensiun pada {inp.event_date.year} adalah {needed} "
              "tahun (PP 45/2015 Pasal 15).")


def _jht(inp: EligibilityInput, check: _Check) -> None:
    rule = br.JHT_RULE
    if inp.jht_kind == "full":
        check(True, "JHT dibayar sekaligus karena usia 56 tahun, meninggal, cacat total tetap, "
                    "berhenti bekerja atau meninggalkan Indonesia (PP 46/2015 jo. PP 60/2015).")
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
