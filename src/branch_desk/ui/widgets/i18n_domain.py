"""English for the labels of the domain enums (segment, claim status, role, …).

The domain keeps its Indonesian labels (they also go on documents); the interface shows
them through `domain_label`, which looks them up in the ``domain`` translation context.
`tests/gui/test_translations.py` checks that every enum label is listed here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from branch_desk.domain.agreements import STATUS_LABELS as AGREEMENT_STATUSES
from branch_desk.domain.claim_recipients import RECIPIENT_RELATIONSHIPS
from branch_desk.domain.claim_workflow import ClaimStatus
from branch_desk.domain.coverage import CoverageStatus

CONTEXT = "domain"

LABELS = (
    # ClaimType / Program
    QT_TRANSLATE_NOOP("domain", "Jaminan Kecelakaan Kerja"),
    QT_TRANSLATE_NOOP("domain", "Jaminan Kematian"),
    QT_TRANSLATE_NOOP("domain", "Jaminan Hari Tua"),
    QT_TRANSLATE_NOOP("domain", "Jaminan Pensiun"),
    QT_TRANSLATE_NOOP("domain", "Jaminan Kehilangan Pekerjaan"),
    QT_TRANSLATE_NOOP("domain", "Beasiswa Pendidikan Anak"),
    # ClaimStatus
    QT_TRANSLATE_NOOP("domain", "Draf"),
    QT_TRANSLATE_NOOP("domain", "Diajukan"),
    QT_TRANSLATE_NOOP("domain", "Diverifikasi"),
    QT_TRANSLATE_NOOP("domain", "Disetujui"),
    QT_TRANSLATE_NOOP("domain", "Dibayar"),
    QT_TRANSLATE_NOOP("domain", "Ditolak"),
    # CoverageStatus (and Participant.status, Agreement.status "aktif")
    QT_TRANSLATE_NOOP("domain", "Aktif"),
    QT_TRANSLATE_NOOP("domain", "Masa tenggang"),
    QT_TRANSLATE_NOOP("domain", "Nonaktif"),
    QT_TRANSLATE_NOOP("domain", "Belum terdaftar"),
    # PemdaBill.status (db.models.contributions.BILL_STATES)
    QT_TRANSLATE_NOOP("domain", "Terbit"),
    QT_TRANSLATE_NOOP("domain", "Lunas"),
    QT_TRANSLATE_NOOP("domain", "Batal"),
    # Agreement.status (domain.agreements.STATUS_LABELS)
    QT_TRANSLATE_NOOP("domain", "Diperpanjang"),
    QT_TRANSLATE_NOOP("domain", "Berakhir"),
    QT_TRANSLATE_NOOP("domain", "Dibatalkan"),
    # Role
    QT_TRANSLATE_NOOP("domain", "Petugas"),
    QT_TRANSLATE_NOOP("domain", "Kepala Cabang"),
    QT_TRANSLATE_NOOP("domain", "Admin"),
    # Segment
    QT_TRANSLATE_NOOP("domain", "Penerima Upah"),
    QT_TRANSLATE_NOOP("domain", "Bukan Penerima Upah"),
    QT_TRANSLATE_NOOP("domain", "Jasa Konstruksi"),
    QT_TRANSLATE_NOOP("domain", "Pekerja Migran Indonesia"),
    # RiskClass
    QT_TRANSLATE_NOOP("domain", "Tingkat risiko sangat rendah"),
    QT_TRANSLATE_NOOP("domain", "Tingkat risiko rendah"),
    QT_TRANSLATE_NOOP("domain", "Tingkat risiko sedang"),
    QT_TRANSLATE_NOOP("domain", "Tingkat risiko tinggi"),
    QT_TRANSLATE_NOOP("domain", "Tingkat risiko sangat tinggi"),
    # FundingSource
    QT_TRANSLATE_NOOP("domain", "Mandiri (dibayar peserta sendiri)"),
    QT_TRANSLATE_NOOP("domain", "APBD (Pemerintah Daerah)"),
    QT_TRANSLATE_NOOP("domain", "APBN (Pemerintah Pusat)"),
    QT_TRANSLATE_NOOP("domain", "Pemberi kerja"),
    QT_TRANSLATE_NOOP("domain", "CSR perusahaan"),
    # Industry
    QT_TRANSLATE_NOOP("domain", "Industri makanan, minuman dan tembakau"),
    QT_TRANSLATE_NOOP("domain", "Industri tekstil dan pakaian jadi"),
    QT_TRANSLATE_NOOP("domain", "Industri kulit dan barang dari kulit"),
    QT_TRANSLATE_NOOP("domain", "Industri alas kaki"),
    QT_TRANSLATE_NOOP("domain", "Industri mainan anak"),
    QT_TRANSLATE_NOOP("domain", "Industri furnitur"),
    QT_TRANSLATE_NOOP("domain", "Industri/usaha lainnya"),
    # Heirs' and recipients' relationships (domain.claim_recipients.RECIPIENT_RELATIONSHIPS)
    QT_TRANSLATE_NOOP("domain", "peserta"),
    QT_TRANSLATE_NOOP("domain", "istri"),
    QT_TRANSLATE_NOOP("domain", "suami"),
    QT_TRANSLATE_NOOP("domain", "anak"),
    QT_TRANSLATE_NOOP("domain", "ayah"),
    QT_TRANSLATE_NOOP("domain", "ibu"),
    QT_TRANSLATE_NOOP("domain", "kakek"),
    QT_TRANSLATE_NOOP("domain", "nenek"),
    QT_TRANSLATE_NOOP("domain", "cucu"),
    QT_TRANSLATE_NOOP("domain", "saudara kandung"),
    QT_TRANSLATE_NOOP("domain", "mertua"),
    QT_TRANSLATE_NOOP("domain", "penerima wasiat"),
    QT_TRANSLATE_NOOP("domain", "lainnya"),
)


def domain_label(text: str) -> str:
    """`text` (an Indonesian domain label) in the interface language; unknown text as is."""
    return QCoreApplication.translate(CONTEXT, text)


def column(text: str) -> str:
    """A table column title marked ``QT_TRANSLATE_NOOP("columns", …)``, translated."""
    return QCoreApplication.translate("columns", text)


# The statuses stored as codes ("dibayar", "lunas", "masa_tenggang"), by their label.
_STATUS_WORDS: dict[str, str] = {
    **{status.value: status.label for status in (*ClaimStatus, *CoverageStatus)},
    **AGREEMENT_STATUSES,
    "terbit": "Terbit", "lunas": "Lunas", "batal": "Batal",  # PemdaBill.status
}


def status_text(code: str) -> str:
    """A stored status code (a claim's, a participant's, a bill's, a PKS's) as a word in the
    interface language: "dibayar" → "Dibayar" / "Paid"; an unknown code as it is."""
    return domain_label(_STATUS_WORDS.get(code, code))


def relationship_text(word: str) -> str:
    """A stored relationship ("istri") in the interface language ("wife"); one the program
    does not know (typed before the list existed) as it was stored."""
    key = word.strip().lower()
    return domain_label(key) if key in RECIPIENT_RELATIONSHIPS else word


def relationship_value(text: str) -> str:
    """The stored word for a relationship shown or typed in either language ("Wife" →
    "istri"); anything else as typed, for the rules to judge."""
    key = text.strip()
    for word in RECIPIENT_RELATIONSHIPS:
        if key.casefold() in (word, domain_label(word).casefold()):
            return word
    return key
