"""The PKS placeholder values: an agreement's facts written as the document's Indonesian
text (dates and amounts in words, programmes by name, the renewal sentence)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from branch_desk.domain.dates import date_in_words, format_date, period_length
from branch_desk.domain.money import format_count, format_rupiah, terbilang, terbilang_number
from branch_desk.domain.programs import Program


@dataclass(frozen=True)
class AgreementFacts:
    """What the PKS templates say about one agreement, its partner and the office."""

    number: str
    partner_number: str
    subject: str
    signed_on: date
    place: str
    partner_name: str
    partner_address: str
    partner_region: str
    partner_signatory: str
    partner_position: str
    partner_decree: str
    office_signatory: str
    office_position: str
    office_decree: str
    office_name: str
    office_address: str
    programs: tuple[str, ...]
    group_labels: tuple[str, ...]
    workers: int
    budget: int
    budget_source: str
    start_date: date
    end_date: date
    renews_number: str


def duration_words(start: date, end: date) -> str:
    """The length of a period whose first and last days are both included, in words:
    15 January 2025 – 14 January 2026 is "12 (dua belas) bulan"; whole years from two years on
    ("2 (dua) tahun"); a part month in days ("3 (tiga) bulan 10 (sepuluh) hari")."""
    months, days = period_length(start, end)
    if months >= 24 and months % 12 == 0 and not days:
        return f"{months // 12} ({terbilang_number(months // 12)}) tahun"
    parts = [f"{months} ({terbilang_number(months)}) bulan"] if months else []
    if days:
        parts.append(f"{days} ({terbilang_number(days)}) hari")
    return " ".join(parts)


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


def agreement_values(facts: AgreementFacts) -> dict[str, str]:
    """The placeholder values of the PKS templates (`{nomor}`, `{anggaran_terbilang}`, …)."""
    kantor = facts.office_name
    programs = [Program(p) for p in facts.programs]
    return {
        "nomor": facts.number, "nomor_mitra": facts.partner_number or "-",
        "perihal": facts.subject, "perihal_kapital": facts.subject.upper(),
        "hari_tanggal_terbilang": date_in_words(facts.signed_on),
        "tanggal": format_date(facts.signed_on), "tempat": facts.place,
        "mitra": facts.partner_name, "mitra_kapital": facts.partner_name.upper(),
        "mitra_alamat": facts.partner_address or facts.partner_region,
        "wilayah": facts.partner_region,
        "pihak1_nama": facts.partner_signatory, "pihak1_jabatan": facts.partner_position,
        "pihak1_sk": facts.partner_decree, "pihak2_nama": facts.office_signatory,
        "pihak2_jabatan": facts.office_position, "pihak2_sk": facts.office_decree,
        "pihak1_sk_kalimat": (f", berdasarkan {facts.partner_decree}"
                              if facts.partner_decree else ""),
        "pihak2_sk_kalimat": (f", berdasarkan {facts.office_decree}"
                              if facts.office_decree else ""),
        "kantor": kantor, "kantor_kapital": kantor.upper(),
        "kantor_alamat": facts.office_address or kantor,
        "program": " dan ".join(p.value for p in programs),
        "program_lengkap": " dan ".join(f"{p.label} ({p.value})" for p in programs),
        "kelompok": _join(facts.group_labels),
        "jumlah_pekerja": format_count(facts.workers),
        "anggaran": format_rupiah(facts.budget),
        "anggaran_terbilang": terbilang(facts.budget),
        "sumber_anggaran": "Anggaran Pendapatan dan Belanja Daerah (APBD)"
        if facts.budget_source == "APBD" else facts.budget_source,
        "mulai": format_date(facts.start_date), "berakhir": format_date(facts.end_date),
        "jangka_waktu": duration_words(facts.start_date, facts.end_date),
        "perjanjian_lama": facts.renews_number,
        "perpanjangan_kalimat": (
            f"\n(3) Perjanjian Kerja Sama ini merupakan perpanjangan dari Perjanjian Kerja Sama "
            f"Nomor {facts.renews_number}." if facts.renews_number else ""),
    }
