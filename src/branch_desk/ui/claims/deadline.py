"""BPJS's payment deadline of a claim as the list and the detail show it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from branch_desk.domain.claim_payment import PaymentTiming
from branch_desk.ui.widgets.formatting import fmt_date, fmt_money

translate = QCoreApplication.translate


def timing_short(timing: PaymentTiming | None) -> str:
    """"sisa 3 hari", "lewat 2 hari", "tepat waktu" or "terlambat 2 hari" ("" without one)."""
    if timing is None:
        return ""
    if timing.paid and timing.late:
        return _count(timing.days_late, translate("ClaimDeadline", "terlambat {0} hari", "satu"),
                      translate("ClaimDeadline", "terlambat {0} hari"))
    if timing.paid:
        return translate("ClaimDeadline", "tepat waktu")
    if timing.late:
        return _count(timing.days_late, translate("ClaimDeadline", "lewat {0} hari", "satu"),
                      translate("ClaimDeadline", "lewat {0} hari"))
    return _count(timing.days_left, translate("ClaimDeadline", "sisa {0} hari", "satu"),
                  translate("ClaimDeadline", "sisa {0} hari"))


def _count(days: int, one: str, many: str) -> str:
    """`one` (the text told apart by the disambiguation "satu": English has a singular,
    "1 day late") or `many`, with the number of days."""
    return (one if days == 1 else many).format(days)


def timing_sentence(timing: PaymentTiming | None) -> str:
    """The deadline with its rule and, once late, the compensation owed to the participant."""
    if timing is None:
        return ""
    text = translate("ClaimDeadline", "Batas bayar BPJS: {0} ({1}) — {2}.").format(
        fmt_date(timing.due), timing.source, timing_short(timing))
    if timing.compensation:
        owed = translate("ClaimDeadline", "Kompensasi keterlambatan kepada peserta: {0}.")
        text += " " + owed.format(fmt_money(timing.compensation))
    return text
