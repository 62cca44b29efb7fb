"""The live assessment beside the intake form (rich text): verdict, what still stops the
submission, the benefit lines with the rule each applies, and the eligibility findings."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from branch_desk.services.claims.workflow import ClaimPreview
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.widgets.formatting import fmt_money

# Translated in the intake form's context, where these words have always been.
translate = QCoreApplication.translate


def _shown(text: str) -> str:
    """A service's text in the interface language, as text (names typed in it are never
    read as markup)."""
    return escape(service_text(text))


def assessment_html(preview: ClaimPreview) -> str:
    """The amounts first: they change as the facts are typed."""
    # translate() outside the f-strings: lupdate cannot see inside them
    ok, not_ok = translate("IntakeForm", "Memenuhi syarat"), translate("IntakeForm",
                                                                       "Tidak memenuhi syarat")
    late = translate("IntakeForm", "terlambat")
    verdict = (f"<b style='color:#1b5e20'>{ok}</b>" if preview.eligible
               else f"<b style='color:#b71c1c'>{not_ok}</b>")
    if preview.late:
        verdict += f" — <b style='color:#e65100'>{late}</b>"
    if preview.payee_problem:
        cannot = translate("IntakeForm", "Belum dapat diajukan")
        verdict += (f"<br><span style='color:#e65100'>⚠ <b>{cannot}:</b> "
                    f"{_shown(preview.payee_problem)}.</span>")
    if preview.heir_order_problem:
        order = translate("IntakeForm", "Urutan ahli waris")
        verdict += (f"<br><span style='color:#e65100'>⚠ <b>{order}:</b> "
                    f"{_shown(preview.heir_order_problem)}.</span>")
    items = "".join(f"<li>{'✔' if f.ok else '✘'} {_shown(f.text)}</li>"
                    for f in preview.findings)
    lines = "".join(f"<tr><td>{_shown(ln.label)}<br><small>{_shown(ln.detail)} "
                    f"{_shown(ln.rule)}</small></td>"
                    f"<td align='right'>{fmt_money(ln.amount)}</td></tr>"
                    for ln in preview.lines)
    total = translate("IntakeForm", "Jumlah")
    return (f"{verdict}<table width='100%'>{lines}<tr><td><b>{total}</b></td>"
            f"<td align='right'><b>{fmt_money(preview.total)}</b></td></tr></table>"
            f"<ul style='margin-left:-20px'>{items}</ul>")
