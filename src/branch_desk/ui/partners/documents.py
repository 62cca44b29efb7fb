"""Open an issued document in the preview; count prints, asking a reason for reprints."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from branch_desk.services.partners.verification import print_count, record_print
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.operations import WriteOp
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
        with ctx.reading() as uow:
            prints = {number: print_count(uow, kind=kind, number=number) for number in numbers}
        # Asked before the write begins: no transaction waits for the officer.
        reasons = {number: (ask(parent, number, count) or "") if count >= 1 else ""
                   for number, count in prints.items()}

        def record(uow: UnitOfWork) -> None:
            for number in numbers:
                record_print(uow, kind=kind, number=number, reason=reasons[number])

        WriteOp(parent, ctx, record).run()

    show_pdf(parent, pdf, title, on_print=on_print)
