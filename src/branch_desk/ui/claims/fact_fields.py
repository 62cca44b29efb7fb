"""Which benefit facts a claim shows (`visible_facts`), where each sits in the facts form
(`PLACES`), and the choices its lists offer (translated in the form's context, "FactsForm")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from branch_desk.domain.claim_rules import ClaimType

OUTCOMES = (("medical_only", QT_TRANSLATE_NOOP("FactsForm", "Perawatan saja")),
            ("temporary", QT_TRANSLATE_NOOP("FactsForm", "Tidak mampu bekerja (STMB)")),
            ("partial_disability", QT_TRANSLATE_NOOP("FactsForm", "Cacat sebagian")),
            ("total_disability", QT_TRANSLATE_NOOP("FactsForm", "Cacat total tetap")),
            ("death", QT_TRANSLATE_NOOP("FactsForm", "Meninggal dunia")))
JHT_KINDS = (("full", QT_TRANSLATE_NOOP("FactsForm", "Seluruh saldo")),
             ("partial_housing", QT_TRANSLATE_NOOP("FactsForm", "Sebagian 30% (perumahan)")),
             ("partial_other", QT_TRANSLATE_NOOP("FactsForm", "Sebagian 10% (lainnya)")))
JP_KINDS = (("old_age", QT_TRANSLATE_NOOP("FactsForm", "Pensiun hari tua")),
            ("disability", QT_TRANSLATE_NOOP("FactsForm", "Pensiun cacat total tetap")),
            ("widow", QT_TRANSLATE_NOOP("FactsForm", "Pensiun janda/duda")),
            ("child", QT_TRANSLATE_NOOP("FactsForm", "Pensiun anak")),
            ("parent", QT_TRANSLATE_NOOP("FactsForm", "Pensiun orang tua")))
JHT_REASONS = (("", QT_TRANSLATE_NOOP("FactsForm", "Usia pensiun, meninggal, cacat, lainnya")),
               ("mengundurkan_diri", QT_TRANSLATE_NOOP("FactsForm", "Mengundurkan diri")),
               ("phk", QT_TRANSLATE_NOOP("FactsForm", "Pemutusan hubungan kerja")))
PHK_REASONS = (("", QT_TRANSLATE_NOOP("FactsForm", "— pilih alasan PHK —")),
               ("efisiensi", QT_TRANSLATE_NOOP("FactsForm", "Efisiensi, tutup atau pailit")),
               ("pelanggaran", QT_TRANSLATE_NOOP("FactsForm", "Pelanggaran")),
               ("lainnya", QT_TRANSLATE_NOOP("FactsForm", "Alasan lain oleh pengusaha")),
               ("mengundurkan_diri", QT_TRANSLATE_NOOP("FactsForm", "Mengundurkan diri")),
               ("cacat_total_tetap", QT_TRANSLATE_NOOP("FactsForm", "Cacat total tetap")),
               ("pensiun", QT_TRANSLATE_NOOP("FactsForm", "Pensiun")),
               ("meninggal_dunia", QT_TRANSLATE_NOOP("FactsForm", "Meninggal dunia")),
               ("pkwt_berakhir", QT_TRANSLATE_NOOP("FactsForm", "PKWT berakhir")))
EMPLOYER_SIZES = (("", QT_TRANSLATE_NOOP("FactsForm", "— skala usaha —")),
                  ("besar_menengah", QT_TRANSLATE_NOOP("FactsForm", "Usaha besar/menengah")),
                  ("mikro_kecil", QT_TRANSLATE_NOOP("FactsForm", "Usaha mikro/kecil")))
PMI_PHASES = (("", QT_TRANSLATE_NOOP("FactsForm", "— bukan PMI —")),
              ("sebelum", QT_TRANSLATE_NOOP("FactsForm", "Sebelum bekerja")),
              ("selama", QT_TRANSLATE_NOOP("FactsForm", "Selama bekerja")),
              ("setelah", QT_TRANSLATE_NOOP("FactsForm", "Setelah bekerja")))
TRANSPORTS = (("", QT_TRANSLATE_NOOP("FactsForm", "Tidak ada")),
              ("darat", QT_TRANSLATE_NOOP("FactsForm", "Darat / sungai / danau")),
              ("laut", QT_TRANSLATE_NOOP("FactsForm", "Laut")),
              ("udara", QT_TRANSLATE_NOOP("FactsForm", "Udara")))
_JKK = {"wage", "outcome", "reported_on", "off_site", "medical", "transport", "transport_cost",
        "outcome_on", "stage2_on"}
_BY_OUTCOME = {"medical_only": {"rehab"}, "temporary": {"stmb", "rehab"},
               "partial_disability": {"stmb", "rehab", "anatomic", "disability", "function"},
               "total_disability": {"stmb", "rehab"}, "death": {"stmb"}}
# key: (grid row, column pair 0|1, spans both pairs)
PLACES = {"wage": (0, 0, False), "outcome": (0, 1, False), "reported_on": (1, 0, False),
           "off_site": (1, 1, False), "outcome_on": (2, 0, False), "stage2_on": (2, 1, False),
           "medical": (3, 0, False), "rehab": (3, 1, False),
           "transport": (4, 0, False), "transport_cost": (4, 1, False), "stmb": (5, 0, False),
           "pmi_phase": (5, 1, False),
           "anatomic": (6, 0, True), "disability": (7, 0, False), "function": (7, 1, False),
           "jht_kind": (8, 0, False), "balance": (8, 1, False), "requested": (9, 0, False),
           "partial_taken": (9, 1, False), "jht_reason": (10, 0, True),
           "jp_kind": (11, 0, True), "jp_annual": (12, 0, False),
           "jp_accumulated": (12, 1, False), "phk_reason": (13, 0, False),
           "employer_size": (13, 1, False), "children": (14, 0, True), "hint": (15, 0, True),
           "pmi_benefits": (16, 0, True)}
LABEL_ABOVE = {"pmi_benefits"}  # its label on the row above it (the grid's row + 1 is its own)
_JHT_PARTIAL = {"requested", "partial_taken"}  # DOMAIN §3.4: 10 %/30 %, once only


def visible_facts(ctype: ClaimType, outcome: str, jht_kind: str = "full",
                  migrant: bool = False) -> set[str]:
    """Keys of the fact fields a claim of `ctype` (and JKK `outcome`, JHT `jht_kind`) needs;
    a migrant worker's (PMI) JKK and JKM also need the protection phase (Permenaker 4/2023)."""
    if migrant and ctype in (ClaimType.JKK, ClaimType.JKM):
        extra = {"pmi_phase", "pmi_benefits"} if ctype is ClaimType.JKK else {"pmi_phase"}
        return visible_facts(ctype, outcome, jht_kind) | extra
    if ctype is ClaimType.JKK:
        return _JKK | _BY_OUTCOME.get(outcome, set())
    if ctype is ClaimType.JHT and jht_kind != "full":
        return {"jht_kind", "balance", "hint"} | _JHT_PARTIAL
    return {ClaimType.JKM: set(), ClaimType.JKP: {"wage", "phk_reason", "employer_size"},
            ClaimType.JP: {"jp_kind", "jp_annual", "jp_accumulated", "hint"},
            ClaimType.JHT: {"jht_kind", "jht_reason", "balance", "hint"},
            ClaimType.BEASISWA: {"outcome", "children"}}[ctype]
