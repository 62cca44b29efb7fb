"""One claim: facts, eligibility, benefit lines, documents, history and the workflow buttons.

Buttons are enabled with `claim_workflow.permitted_targets` for the logged-in user, the same
rules the service enforces; the service still refuses whatever the screen shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.claim_workflow import ClaimStatus, event_text, permitted_targets
from branch_desk.domain.dates import parse_date
from branch_desk.domain.errors import DomainError
from branch_desk.domain.permissions import Permission
from branch_desk.services.claims.printing import print_claim_receipt, print_claim_statement
from branch_desk.services.claims.queries import OPEN_STATES, ClaimRow, get_claim
from branch_desk.services.claims.workflow import EDITABLE, advance_claim, mark_documents
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.claims.deadline import timing_sentence
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.shell.operations import WriteOp, preview_printed
from branch_desk.ui.widgets.formatting import fmt_date, fmt_datetime, fmt_money
from branch_desk.ui.widgets.i18n_domain import domain_label, relationship_text

# (target, button label, what to ask: None | "reason" | "reference")
STEPS = ((ClaimStatus.DIAJUKAN, QT_TRANSLATE_NOOP("ClaimDetail", "Ajukan"), None),
         (ClaimStatus.DIVERIFIKASI, QT_TRANSLATE_NOOP("ClaimDetail", "Verifikasi"), None),
         (ClaimStatus.DISETUJUI, QT_TRANSLATE_NOOP("ClaimDetail", "Setujui"), None),
         (ClaimStatus.DIBAYAR, QT_TRANSLATE_NOOP("ClaimDetail", "Catat dibayar"), "reference"),
         (ClaimStatus.DITOLAK, QT_TRANSLATE_NOOP("ClaimDetail", "Tolak"), "reason"))


class ClaimDetail(QWidget):
    """Shows one claim and moves it through the workflow."""

    def __init__(self, ctx: AppContext, today: Callable[[], date]) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today
        self.row: ClaimRow | None = None
        # Replaceable in tests: ask(title, label) -> text or None; ask_path(name) -> Path|None
        self.ask: Callable[[str, str], str | None] = self._ask
        self.ask_path: Callable[[str], Path | None] = self._ask_path
        # confirm(title, text) -> bool: approving and paying name the amount and the payee
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.on_changed: Callable[[], None] = lambda: None
        self.on_edit: Callable[[str], None] = lambda _number: None
        self.title = QLabel(objectName="claim_title")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.body = QTextBrowser(objectName="claim_body")
        self.buttons: dict[str, QPushButton] = {}
        bar = QGridLayout()  # three a row: the list beside keeps its columns at 1366×768
        for target, label, _ in STEPS:
            button = QPushButton(self.tr(label), objectName=f"claim_to_{target.value}")
            button.clicked.connect(lambda _=False, t=target: self.step(t))
            self.buttons[target.value] = button
        reopen = QPushButton(self.tr("Buka kembali"), objectName="claim_reopen")
        reopen.clicked.connect(lambda: self.step(ClaimStatus.DIAJUKAN, reopening=True))
        self.buttons["reopen"] = reopen
        for index, button in enumerate(self.buttons.values()):
            bar.addWidget(button, index // 3, index % 3)
        self.all_docs = QPushButton(self.tr("Semua dokumen diterima"),
                                    objectName="claim_all_documents")
        self.all_docs.clicked.connect(self.all_documents)
        self.receipt = QPushButton(self.tr("Cetak &tanda terima…"), objectName="claim_receipt")
        self.receipt.clicked.connect(lambda: self.preview_pdf("receipt"))
        self.statement = QPushButton(self.tr("Cetak &bukti bayar…"), objectName="claim_statement")
        self.statement.clicked.connect(lambda: self.preview_pdf("statement"))
        self.save_pdf = QPushButton(self.tr("Simpan PDF…"), objectName="claim_save_pdf")
        self.save_pdf.setToolTip(self.tr("Bukti bayar bila klaim sudah disetujui, "
                                         "selain itu tanda terima berkas"))
        self.save_pdf.clicked.connect(lambda: self.print_pdf(
            "statement" if self.statement.isEnabled() else "receipt"))
        self.edit = QPushButton(self.tr("&Ubah klaim…"), objectName="claim_edit")
        self.edit.setToolTip(self.tr("Ubah data klaim yang masih draf atau diajukan"))
        self.edit.clicked.connect(lambda: self.row and self.on_edit(self.row.number))
        self.edit.setVisible(ctx.actor.can(Permission.CREATE_CLAIMS))
        bar2 = QGridLayout()
        for index, b in enumerate((self.edit, self.all_docs, self.receipt, self.statement,
                                   self.save_pdf)):
            bar2.addWidget(b, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        layout.addLayout(bar)
        layout.addLayout(bar2)
        self.show_claim(None)

    def load(self, number: str) -> None:
        with self.ctx.reading() as uow:
            self.show_claim(get_claim(uow, number))

    def show_claim(self, row: ClaimRow | None) -> None:
        self.row = row
        for b in (*self.buttons.values(), self.edit, self.all_docs, self.receipt,
                  self.statement, self.save_pdf):
            b.setEnabled(False)
        if row is None:
            self.title.setText(self.tr("Pilih klaim dari daftar."))
            self.body.clear()
            return
        self.title.setText(f"<h3>{escape(row.number)} — {domain_label(row.type_label)}</h3>"
                           f"{self.tr('Status')}: <b>{domain_label(row.status_label)}</b>")
        self.body.setHtml(_html(row, self.today()))
        actor = self.ctx.actor
        allowed = set() if actor.role == "admin" else set(permitted_targets(
            row.workflow_facts(), actor=actor.username, actor_role=actor.role))  # type: ignore[arg-type]
        reopening = row.status in (ClaimStatus.DITOLAK.value, ClaimStatus.DIBAYAR.value)
        why = "; ".join(service_text(stop) for stop in blockers(row))
        for target, _, _ in STEPS:
            ok = target in allowed and not (reopening and target is ClaimStatus.DIAJUKAN)
            if target in (ClaimStatus.DIVERIFIKASI, ClaimStatus.DISETUJUI,
                          ClaimStatus.DIBAYAR) and not row.eligible:
                ok = False
            button = self.buttons[target.value]
            button.setEnabled(ok)
            button.setToolTip(why if why and not ok and target is not ClaimStatus.DITOLAK
                              else "")
        self.buttons["reopen"].setEnabled(reopening and ClaimStatus.DIAJUKAN in allowed)
        editable = ClaimStatus(row.status) in EDITABLE
        self.edit.setEnabled(editable and actor.can(Permission.CREATE_CLAIMS))
        self.all_docs.setEnabled(editable and not row.documents_complete
                                 and actor.role != "admin")
        self.receipt.setEnabled(True)
        self.save_pdf.setEnabled(True)
        self.statement.setEnabled(row.status in (ClaimStatus.DISETUJUI.value,
                                                 ClaimStatus.DIBAYAR.value))

    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _money_question(self, target: ClaimStatus) -> str:
        row = self.row
        assert row is not None
        payees = "; ".join(f"{r.name} — {r.bank_name} {r.bank_account}".strip()
                           for r in row.recipients) or self.tr("(belum ada penerima)")
        verb = (self.tr("Setujui pembayaran klaim {0}") if target is ClaimStatus.DISETUJUI
                else self.tr("Catat klaim {0} sudah dibayar"))
        return (verb.format(row.number) + "\n" + self.tr("Jumlah: {0}").format(
            fmt_money(row.total_amount)) + "\n" + self.tr("Penerima: {0}").format(payees)
            + "\n\n" + self.tr("Lanjutkan?"))

    def _ask_path(self, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan PDF"), name, "PDF (*.pdf)")
        return Path(path) if path else None

    def step(self, target: ClaimStatus, *, reopening: bool = False) -> None:
        if self.row is None:
            return
        need = "reason" if reopening else next(n for t, _, n in STEPS if t is target)
        reason = reference = None
        returned_on: date | None = None
        if need == "reason":
            reason = self.ask(self.tr("Alasan"), self.tr("Alasan (wajib):"))
            if reason is None:
                return
        elif need == "reference":
            reference = self.ask(self.tr("Pembayaran"), self.tr("Nomor referensi transfer:"))
            if reference is None:
                return
        if reopening and self.row.status == ClaimStatus.DIBAYAR.value:
            reference = self.ask(self.tr("Transfer kembali"), self.tr(
                "Referensi pengembalian transfer {0} dari bank:").format(
                self.row.transfer_reference))
            when = None if reference is None else self.ask(
                self.tr("Transfer kembali"), self.tr("Tanggal transfer kembali (HH/BB/TTTT):"))
            if when is None:
                return
            try:
                returned_on = parse_date(when)
            except DomainError as exc:
                QMessageBox.warning(self, self.tr("Transfer kembali"), service_text(str(exc)))
                return
        if target in (ClaimStatus.DISETUJUI, ClaimStatus.DIBAYAR) and not self.confirm(
                self.tr("Konfirmasi"), self._money_question(target)):
            return
        self._write(lambda uow: advance_claim(uow, number=self.row.number,  # type: ignore[union-attr]
                                              to=target.value, reason=reason,
                                              reference=reference, returned_on=returned_on,
                                              today=self.today()))

    def all_documents(self) -> None:
        if self.row is not None:
            self._write(lambda uow: mark_documents(uow, number=self.row.number,  # type: ignore[union-attr]
                                                   all_received=True, today=self.today()))

    def _write(self, fn: Callable[[UnitOfWork], ClaimRow]) -> None:
        WriteOp(self, self.ctx, fn).success(self._written).run()

    def _written(self, row: ClaimRow) -> None:
        self.show_claim(row)
        self.on_changed()

    def preview_pdf(self, kind: str) -> None:
        """Open the receipt ("receipt") or payment statement ("statement") in the preview."""
        if self.row is None:
            return
        number = self.row.number
        fn, today = (print_claim_receipt if kind == "receipt" else print_claim_statement,
                     self.today())
        title = self.tr("Tanda terima berkas {0}") if kind == "receipt" else \
            self.tr("Bukti pembayaran {0}")
        preview_printed(self, self.ctx,
                        lambda uow, path: fn(uow, number=number, out=path, today=today),
                        "klaim.pdf", title.format(number))

    def print_pdf(self, kind: str) -> Path | None:
        if self.row is None:
            return None
        name = self.row.number.replace("/", "-")
        path = self.ask_path(f"{'tanda-terima' if kind == 'receipt' else 'bukti-bayar'}-"
                             f"{name}.pdf")
        if path is None:
            return None
        fn, number, today = (print_claim_receipt if kind == "receipt" else print_claim_statement,
                             self.row.number, self.today())
        written: list[Path] = []
        WriteOp(self, self.ctx, lambda uow: fn(uow, number=number, out=path, today=today)
                ).success(written.append).run()
        return written[0] if written else None


def blockers(row: ClaimRow) -> tuple[str, ...]:
    """What keeps an open claim from its next step (documents, someone to pay), in
    Indonesian; the service refuses the step for the same reasons."""
    if row.status == ClaimStatus.DRAFT.value:
        return row.submission_problems()
    if row.status in OPEN_STATES and row.payee_problem:
        return (row.payee_problem,)
    return ()


def _html(row: ClaimRow, today: date) -> str:
    """The claim as rich text; every value from the database (names, reasons, references,
    anything a sync file or another office wrote) is escaped, never read as markup."""
    h = escape
    t = {
        "ok": QCoreApplication.translate("ClaimDetail", "Memenuhi syarat"),
        "not_ok": QCoreApplication.translate("ClaimDetail", "Tidak memenuhi syarat"),
        "late": QCoreApplication.translate("ClaimDetail", "terlambat"),
        "basis": QCoreApplication.translate("ClaimDetail", "Dasar:"),
        "benefits": QCoreApplication.translate("ClaimDetail", "Manfaat"),
        "total": QCoreApplication.translate("ClaimDetail", "Jumlah"),
        "documents": QCoreApplication.translate("ClaimDetail", "Dokumen"),
        "recipients": QCoreApplication.translate("ClaimDetail", "Penerima"),
        "history": QCoreApplication.translate("ClaimDetail", "Riwayat"),
    }
    ok = (f"<b style='color:#1b5e20'>{t['ok']}</b>" if row.eligible
          else f"<b style='color:#b71c1c'>{t['not_ok']}</b>")
    if row.late:
        ok += f" — <b style='color:#e65100'>{t['late']}</b>"
    facts = (QCoreApplication.translate("ClaimDetail", "Peserta: <b>{0}</b> (KPJ {1}, NIK {2})")
             .format(h(row.participant_name), h(row.kpj), h(row.nik_masked)) + "<br>"
             + QCoreApplication.translate("ClaimDetail", "Kejadian: {0}")
             .format(fmt_date(row.event_date))
             + (f", {h(row.place)}" if row.place else "")
             + QCoreApplication.translate("ClaimDetail", "; diajukan {0}")
             .format(fmt_date(row.filed_on)))
    findings = "".join(f"<li>{'✔' if f.ok else '✘'} {h(service_text(f.text))}</li>"
                       for f in row.findings)
    lines = "".join(f"<tr><td>{h(service_text(ln.label))}<br><small>{h(service_text(ln.detail))} "
                    f"{t['basis']} {h(service_text(ln.rule))}</small>"
                    f"</td><td align='right'>{fmt_money(ln.amount)}</td></tr>"
                    for ln in row.lines)
    docs = "".join(f"<li>{'☑' if d.received else '☐'} {h(service_text(d.label))}</li>"
                   for d in row.documents)
    heirs = "".join(f"<li>{h(r.name)} ({h(relationship_text(r.relationship))}) {h(r.bank_name)} "
                    f"{h(r.bank_account)}</li>"
                    for r in row.recipients)
    history = "".join(
        f"<tr><td>{fmt_datetime(e.at)}</td><td>{h(e.username)}</td>"
        f"<td>{h(service_text(event_text(e.action, e.from_status, e.to_status)))}</td>"
        f"<td>{h(service_text(e.reason))} {h(e.reference)}</td></tr>"
        for e in row.events)
    extra = ""
    if deadline := timing_sentence(row.payment_timing(today)):
        extra += f"<p>{h(deadline)}</p>"
    if stops := blockers(row):
        title = QCoreApplication.translate("ClaimDetail", "Belum dapat dilanjutkan:")
        why = "; ".join(service_text(stop) for stop in stops)
        extra += f"<p style='color:#e65100'>⚠ <b>{title}</b> {h(why)}.</p>"
    if row.status_reason:
        extra += "<p>" + QCoreApplication.translate("ClaimDetail", "Alasan: {0}").format(
            h(row.status_reason)) + "</p>"
    if row.transfer_reference:
        extra += "<p>" + QCoreApplication.translate(
            "ClaimDetail", "Dibayar {0}, referensi {1}").format(
            fmt_date(row.paid_on) if row.paid_on else "", h(row.transfer_reference)) + "</p>"
    return (f"<p>{facts}</p><p>{ok}</p><ul>{findings}</ul>{extra}"
            f"<h4>{t['benefits']}</h4><table width='100%'>{lines}"
            f"<tr><td><b>{t['total']}</b></td>"
            f"<td align='right'><b>{fmt_money(row.total_amount)}</b></td></tr></table>"
            f"<h4>{t['documents']}</h4><ul>{docs}</ul>"
            f"<h4>{t['recipients']}</h4><ul>{heirs}</ul>"
            f"<h4>{t['history']}</h4><table cellpadding='2'>{history}</table>")
