"""Open an issued document in the preview; count prints, asking a reason for reprints."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from branch_desk.services.partners.verification import print_count, record_print
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.widgets.pdf_preview import show_pdf

# Tests replace this to answer the reprint question without a modal dialog.
ReasonAsker = Callable[[QWidget, str, int], str | None]


def ask_reason(parent: QWidget, number: str, prints: int) -> str | None:
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("documents", "Cetak ulang"),
        QCoreApplication.translate(
            "documents", "Dokumen {0} sudah dicetak {1} kali.\nAlasan cetak ulang:").format(
            number, prints))
    return text.strip() if ok and text.strip() else None


def preview_document(ctx: AppContext, parent: QWidget, *, kind: str, numbers: list[str],
                     pdf: bytes, title: str, ask: ReasonAsker = ask_reason) -> None:
    """Show `pdf`; when it is printed, count a print of each document in `numbers`
    (a reprint asks for its reason first; no reason, no record and a warning)."""

    def on_print() -> None:
        try:
            with ctx.writing() as uow:
                for number in numbers:
                    prints = print_count(uow, kind=kind, number=number)
                    reason = ""
                    if prints >= 1:
                        reason = ask(parent, number, prints) or ""
                    record_print(uow, kind=kind, number=number, reason=reason)
                uow.commit()
        except Exception as exc:
            show_error(parent, exc)
            return
        ctx.bus.announce("documents")

    show_pdf(parent, pdf, title, on_print=on_print)
