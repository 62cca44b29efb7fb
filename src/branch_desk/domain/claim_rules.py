"""Claim types, required documents and deadlines (DOMAIN §4); eligibility is
`claim_eligibility`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from branch_desk.domain import benefit_rules as br
from branch_desk.domain.coverage import (
    add_months,
    date_label,
)
from branch_desk.domain.errors import ValidationError


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
    # JP: Formulir 7, the card, KTP and family card (Bisnis.com 25-07-2023 and infobpjs.id
    # relaying BPJS Ketenagakerjaan's list) [C, secondary]; each pension adds its own papers
    # (`_JP_BY_KIND`).
    ClaimType.JP: (_doc("formulir_7", "Formulir 7 (formulir klaim JP) yang diisi lengkap"),
                   _KPJ, _KTP, _KK, _BANK),
}
# A migrant worker's JKM (Permenaker 4/2023 Pasal 57 ayat (1)-(2), pasal.id) [C]: the card,
# the KTP or passport, the heir's KTP, the family card, the death certificate from a doctor or
# official, the Indonesian mission (Perwakilan RI) or KDEI, or the mission's statement that
# the worker is lost at sea, the heirs' statement, the heir's bank account; for a death while
# on leave in Indonesia, the leave statement. No marriage book.
_PMI_DEATH = _doc("akta_kematian", "Surat keterangan kematian dari dokter atau pejabat "
                                  "berwenang, Perwakilan RI atau KDEI, atau surat keterangan "
                                  "hilang dari Perwakilan RI atau KDEI")
PMI_JKM_DOCUMENTS: tuple[DocumentRequirement, ...] = (
    _KPJ, _doc("ktp_almarhum", "KTP atau paspor peserta yang meninggal"),
    _doc("ktp_ahli_waris", "KTP ahli waris"), _KK, _PMI_DEATH, _HEIRS, _BANK,
    _doc("surat_keterangan_cuti", "Surat keterangan cuti dari pemberi kerja, Pelaksana "
                                  "Penempatan, Perwakilan RI atau KDEI",
         "bila meninggal saat cuti di Indonesia"),
)
# A migrant worker's work accident during work (Permenaker 4/2023 Pasal 50 ayat (1), pasal.id)
# [C]: the card, the passport, a statement from the employer, the Indonesian mission, KDEI or
# the labour office, the diagnosis or medical resume of the hospital abroad, the proof of the
# transport costs paid abroad, the bank account, the proof of payments for the accident; for a
# death (ayat (3)) the same without the last, and the heir's KTP [C]; the family card, death
# certificate, heirs' statement and heir's account as in Pasal 57 (the rest of ayat (3) was
# not read) [I]. Not the attendance or wage lists of an accident at home.
PMI_JKK_DURING_WORK_DOCUMENTS: tuple[DocumentRequirement, ...] = (
    _KPJ, _doc("paspor", "Paspor"),
    _doc("surat_keterangan_kecelakaan", "Surat keterangan dari pemberi kerja, Perwakilan RI, "
                                        "KDEI atau dinas ketenagakerjaan"),
    _doc("resume_medis", "Surat keterangan diagnosa atau resume medis dari rumah sakit atau "
                         "fasilitas kesehatan di negara penempatan"),
    _doc("kuitansi_transportasi", "Bukti pembayaran biaya transportasi di negara penempatan",
         "bila ada biaya transportasi"),
    _doc("buku_tabungan", "Rekening tabungan peserta atau pihak yang membayar terlebih dahulu"),
    _doc("kuitansi_pengobatan", "Bukti pembayaran atau dokumen lain terkait kecelakaan kerja",
         "bila ada biaya yang dibayar sendiri"),
)
_PMI_JKK_DEATH: tuple[DocumentRequirement, ...] = (
    _doc("ktp_ahli_waris", "KTP atau identitas lain ahli waris"), _KK,
    _PMI_DEATH, _HEIRS,
    _doc("buku_tabungan", "Rekening tabungan ahli waris"),
)
_GUARDIAN = "bila anak di bawah 18 tahun"
# BPJS Ketenagakerjaan's list by pension (Bisnis.com 25-07-2023, infobpjs.id, star.grid.id
# 2024) [C, secondary]: the heirs' KTP replaces the participant's for a survivor pension.
_JP_BY_KIND: dict[str, tuple[DocumentRequirement, ...]] = {
    "disability": (
        _doc("surat_keterangan_cacat",
             "Surat keterangan dokter pemeriksa/penasihat tentang cacat total tetap"),
        _doc("surat_tidak_mampu_bekerja",
             "Surat keterangan tidak mampu bekerja karena cacat dari pemberi kerja"),
    ),
    "widow": (_doc("ktp", "KTP janda/duda"), _doc("buku_nikah", "Buku nikah"), _DEATH, _HEIRS),
    "child": (_doc("ktp", "KTP atau akta kelahiran anak"), _DEATH, _HEIRS,
              _doc("surat_keterangan_wali", "Surat keterangan wali anak", _GUARDIAN),
              _doc("ktp_wali", "KTP wali anak", _GUARDIAN)),
    "parent": (_doc("ktp", "KTP orang tua"), _DEATH, _HEIRS),
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
# Permenaker 5/2021 Ps 19 (the stage-II report with its papers), as read in issue 18: a death
# needs the death and heir papers, a disability the doctor's statement of it, care paid by the
# worker the original receipts, temporary incapacity (STMB) the doctor's sick-leave note. The
# Permenaker's own list was not found in the sources searched.
_JKK_BY_OUTCOME: dict[str, tuple[DocumentRequirement, ...]] = {
    "death": (_DEATH, _KK, _HEIRS, _doc("ktp_ahli_waris", "KTP ahli waris"),
              _doc("buku_tabungan_ahli_waris", "Buku tabungan ahli waris")),
    "total_disability": (_doc("surat_keterangan_cacat",
                              "Surat keterangan dokter tentang cacat (jenis dan persentase)"),),
    "partial_disability": (_doc("surat_keterangan_cacat",
                                "Surat keterangan dokter tentang cacat (jenis dan persentase)"),),
    "temporary": (_doc("surat_keterangan_sakit",
                       "Surat keterangan istirahat/sakit dari dokter"),),
    "medical_only": (_doc("kuitansi_pengobatan", "Kuitansi asli biaya pengobatan"),),
}


def required_documents(
    claim_type: ClaimType, *, off_site: bool = False, jht_kind: str = "full",
    balance: int | None = None, outcome: str | None = None, jp_kind: str = "old_age",
    pmi: bool = False, pmi_phase: str = "",
) -> tuple[DocumentRequirement, ...]:
    """Documents for a claim (DOMAIN §4.2). `off_site`: JKK accident outside the workplace;
    `jht_kind`/`balance`: JHT purpose and balance (NPWP needed above Rp50 jt); `outcome`: the
    JKK outcome, whose papers replace an optional row of the same key (Permenaker 5/2021
    Ps 19); `jp_kind`: the JP pension, whose papers replace a row of the same key; `pmi`: a
    migrant worker, whose JKM papers are `PMI_JKM_DOCUMENTS` and whose JKK papers during work
    (`pmi_phase` "selama") are `PMI_JKK_DURING_WORK_DOCUMENTS`."""
    claim_type = ClaimType(claim_type)
    if claim_type is ClaimType.JHT:
        if jht_kind not in _JHT_DOCUMENTS:
            raise ValidationError(f"Jenis klaim JHT tidak dikenal: {jht_kind}.", field="jht_kind")
        docs = _JHT_DOCUMENTS[jht_kind]
        if balance is not None and balance > br.JHT_RULE.npwp_above:
            docs = (*docs, _NPWP)
        return docs
    if pmi and claim_type is ClaimType.JKM:
        return PMI_JKM_DOCUMENTS
    if pmi and claim_type is ClaimType.JKK and pmi_phase == "selama":
        docs = PMI_JKK_DURING_WORK_DOCUMENTS
        if outcome == "death":  # Pasal 50 ayat (3): all but the payments, and the heirs'
            docs = _with(tuple(d for d in docs if d.key != "kuitansi_pengobatan"),
                         _PMI_JKK_DEATH)
        return docs
    docs = _DOCUMENTS[claim_type]
    if claim_type is ClaimType.JKK:
        docs = _with(docs, _JKK_BY_OUTCOME.get(outcome or "", ()))
        if off_site:
            docs = (*docs, *_OFF_SITE)
    if claim_type is ClaimType.JP:
        docs = _with(docs, _JP_BY_KIND.get(jp_kind, ()))
    return docs


def _with(docs: tuple[DocumentRequirement, ...], extra: tuple[DocumentRequirement, ...]
          ) -> tuple[DocumentRequirement, ...]:
    """`docs` with `extra` added, each replacing the row of its key where it stands."""
    replacing = {d.key: d for d in extra}
    kept = tuple(replacing.pop(d.key, d) for d in docs)
    return (*kept, *replacing.values())


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


@dataclass(frozen=True)
class ReportRule:
    """Days allowed for a JKK report after the day that starts it."""

    valid_from: date
    valid_to: date | None
    source: str
    days: int


# Stage II: Permenaker 5/2021 Ps 19(2) as amended by Permenaker 1/2025 (pasal.id) [C]: the
# report "disampaikan dalam jangka waktu paling lama 2 x 24 jam sejak Pekerja atau pegawai non
# ASN dinyatakan sembuh, Cacat, atau meninggal dunia berdasarkan surat keterangan dokter"; by
# Ps 19(3) it is also the claim for the JKK benefit. The 2021 wording before the amendment
# was not found; the amendment added the non-ASN staff, so the 2×24 h is taken to hold from
# 1 April 2021, when Permenaker 5/2021 took over (DOMAIN §3.2) [I].
JKK_STAGE2_RULES: tuple[ReportRule, ...] = (
    ReportRule(date(2021, 4, 1), None,
               "Permenaker 5/2021 jo. Permenaker 1/2025 Pasal 19 ayat (2)", 2),
)
JKK_DECISION_DAYS = 30  # KK status decision after the stage-I report (PP 49/2023) [C] S12
# JKK claim expiry by accident date: 5 years from PP 82/2019, 2 years before (transition [I]).
JKK_EXPIRY: tuple[tuple[date, int, str], ...] = (
    (date(2015, 7, 1), 24, "PP 44/2015"),
    (br.PP82_START, 60, "PP 82/2019"),
)


def jkk_decision_due(reported_at: date) -> date:
    """Last day for BPJS to decide whether a reported accident is a work accident."""
    return reported_at + timedelta(days=JKK_DECISION_DAYS)


def jkk_stage2_check(outcome_on: date, reported_on: date | None) -> DeadlineCheck | None:
    """The JKK stage-II report: due 2×24 h after the doctor declares the worker recovered,
    disabled or dead (Permenaker 5/2021 Ps 19(2)); advisory like the stage-I report. Not yet
    reported is not late: the message names the deadline. None before the rule."""
    found = br.rule_in_force(JKK_STAGE2_RULES, outcome_on)
    if found is None:
        return None
    due = outcome_on + timedelta(days=found.days)
    rule = (f"Laporan kecelakaan kerja tahap II paling lambat {found.days}×24 jam sejak "
            f"dinyatakan sembuh, cacat atau meninggal ({found.source})")
    if reported_on is None:
        return DeadlineCheck(rule, due, True, f"Laporan tahap II belum dicatat; batas "
                             f"{date_label(due)}.", advisory=True)
    if reported_on < outcome_on:
        raise ValidationError("Tanggal laporan tahap II tidak boleh sebelum tanggal dinyatakan "
                              "sembuh, cacat atau meninggal.", field="stage2_reported_on")
    if reported_on <= due:
        return DeadlineCheck(rule, due, True, f"Laporan tahap II diterima "
                             f"{date_label(reported_on)}, tepat waktu.", advisory=True)
    return DeadlineCheck(rule, due, False, f"Laporan tahap II terlambat: diterima "
                         f"{date_label(reported_on)}, batas {date_label(due)}.", advisory=True)


def claim_deadlines(
    claim_type: ClaimType, event_date: date, reported_at: date,
) -> list[DeadlineCheck]:
    """Deadlines for a claim whose event happened on `event_date` and which was reported or
    filed on `reported_at` (DOMAIN §4.1). JKM, JHT and JP have no loaded deadline (JKM [U]).
    The JKK stage-II report is `jkk_stage2_check`."""
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
