"""Pemda bills: build for a partner and a period, pay, print, reconcile with the partner's list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.coverage import month_label
from branch_desk.services.contributions.bill_documents import print_invoice, reconcile_bill
from branch_desk.services.contributions.billing import BillRow, build_bill, list_bills, pay_bill
from branch_desk.services.partners.registry import list_partners
from branch_desk.ui.contributions.common import as_date, day_edit, month_edit
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.operations import BackgroundWriteOp, WriteOp, preview_printed
from branch_desk.ui.widgets.formatting import fmt_date, fmt_money
from branch_desk.ui.widgets.i18n_domain import column
from branch_desk.ui.widgets.tables import fill_table, text_table

COLUMNS = (QT_TRANSLATE_NOOP("columns", "Nomor"), QT_TRANSLATE_NOOP("columns", "Mitra"),
           QT_TRANSLATE_NOOP("columns", "Masa iuran"), QT_TRANSLATE_NOOP("columns", "Pekerja"),
           QT_TRANSLATE_NOOP("columns", "Jumlah"), QT_TRANSLATE_NOOP("columns", "Status"),
           QT_TRANSLATE_NOOP("columns", "Terbit"), QT_TRANSLATE_NOOP("columns", "Dibayar"))
STATUS = {"terbit": QT_TRANSLATE_NOOP("BillsPanel", "Belum dibayar"),
          "lunas": QT_TRANSLATE_NOOP("BillsPanel", "Lunas"),
          "batal": QT_TRANSLATE_NOOP("BillsPanel", "Batal")}


class BillsPanel(QWidget):
    def __init__(self, ctx: AppContext, today_fn) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ctx, self.today = ctx, today_fn
        self.rows: list[BillRow] = []
        self.ask_save = self._ask_save  # replaceable in tests
        self.ask_open = self._ask_open
        today = today_fn()
        self.partner = QComboBox(objectName="bill_partner")
        self.first = month_edit("bill_first_month", today.replace(month=1))
        self.months = QSpinBox(objectName="bill_months", minimum=1, maximum=36, value=12)
        self.back = QCheckBox(self.tr("Tagih mundur sampai TMT"), objectName="bill_back_to_tmt")
        build = QPushButton(self.tr("Buat tagihan"), objectName="bill_build")
        build.clicked.connect(self.build)
        top = QHBoxLayout()
        for label, widget in ((self.tr("Mitra"), self.partner), (self.tr("Mulai"), self.first),
                              (self.tr("Bulan"), self.months)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.back)
        top.addWidget(build)
        top.addStretch(1)
        self.table = text_table("bill_table", [column(t) for t in COLUMNS])
        self.paid_on = day_edit("bill_paid_on", today)
        self.reference = QLineEdit(objectName="bill_reference")
        self.reference.setPlaceholderText(self.tr("nomor SP2D / bukti transfer"))
        pay = QPushButton(self.tr("Catat pembayaran"), objectName="bill_pay")
        pay.clicked.connect(self.pay)
        invoice = QPushButton(self.tr("Cetak tagihan + lampiran…"), objectName="bill_print")
        invoice.clicked.connect(self.print_invoice)
        preview = QPushButton(self.tr("Pratinjau && cetak tagihan"), objectName="bill_preview")
        preview.setToolTip("Ctrl+P")
        preview.clicked.connect(self.preview_invoice)
        reconcile = QPushButton(self.tr("Cocokkan daftar mitra…"), objectName="bill_reconcile")
        reconcile.clicked.connect(self.reconcile)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Tanggal bayar")))
        bottom.addWidget(self.paid_on)
        bottom.addWidget(self.reference, 1)
        for b in (pay, preview, invoice, reconcile):
            bottom.addWidget(b)
        self.message = QLabel(objectName="bill_message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        with self.ctx.reading() as uow:
            partners = list_partners(uow)
            self.rows = list_bills(uow)
        current = self.partner.currentData()
        self.partner.clear()
        for p in partners:
            self.partner.addItem(f"{p.code} — {p.name}", p.code)
        if current:
            self.partner.setCurrentIndex(max(self.partner.findData(current), 0))
        fill_table(self.table, [(b.number, b.partner_name, f"{month_label(b.first_month)} – "
                           f"{month_label(b.last_month)}", b.workers, fmt_money(b.total),
                           self.tr(STATUS.get(b.status, b.status)), fmt_date(b.issued_on),
                           fmt_date(b.paid_on) if b.paid_on else "") for b in self.rows],
             right=(3, 4))

    def selected(self) -> BillRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def build(self) -> None:
        code = self.partner.currentData()
        if not code:
            self.message.setText(self.tr("Pilih mitra terlebih dahulu."))
            return
        first, months, back, today = (as_date(self.first), self.months.value(),
                                      self.back.isChecked(), self.today())
        BackgroundWriteOp(self, self.ctx, lambda uow, progress: build_bill(
            uow, partner_code=code, first_month=first, months=months, today=today,
            back_to_tmt=back, progress=progress)).success(self._built).run(
            self.tr("Membuat tagihan"))

    def _built(self, row: BillRow) -> None:
        self.reload()
        self.table.selectRow(next(i for i, b in enumerate(self.rows) if b.id == row.id))
        self.message.setText(self.tr("Tagihan {0}: {1} pekerja, {2}.").format(
            row.number, row.workers, fmt_money(row.total)))

    def pay(self) -> None:
        bill = self.selected()
        if bill is None:
            self.message.setText(self.tr("Pilih tagihan yang dibayar."))
            return
        paid_on, reference = as_date(self.paid_on), self.reference.text()
        BackgroundWriteOp(self, self.ctx, lambda uow, progress: pay_bill(
            uow, bill_number=bill.number, paid_on=paid_on, reference=reference,
            progress=progress)).success(self._paid).run(self.tr("Mencatat pembayaran tagihan"))

    def _paid(self, row: BillRow) -> None:
        self.reload()
        self.message.setText(self.tr("Tagihan {0} lunas: {1} pekerja tercakup.").format(
            row.number, row.workers))

    def _ask_save(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan tagihan"), suggested,
                                              "PDF (*.pdf)")
        return Path(name) if name else None

    def _ask_open(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Daftar pekerja dari mitra"), "",
                                              "Excel (*.xlsx)")
        return Path(name) if name else None

    def preview_invoice(self) -> None:
        """The selected bill's invoice in the preview (the service counts each written
        invoice as a print, as for a saved file)."""
        bill = self.selected()
        if bill is None:
            self.message.setText(self.tr("Pilih tagihan yang akan dicetak."))
            return
        preview_printed(self, self.ctx,
                        lambda uow, path: print_invoice(uow, bill_number=bill.number, path=path),
                        "tagihan.pdf", self.tr("Tagihan {0}").format(bill.number))

    def print_invoice(self) -> None:
        bill = self.selected()
        if bill is None:
            return
        path = self.ask_save(bill.number.replace("/", "-") + ".pdf")
        if path is None:
            return
        attachment = path.with_suffix(".xlsx")

        def saved(_written: object) -> None:
            self.message.setText(self.tr("Tagihan dan lampiran disimpan: {0}, {1}").format(
                path.name, attachment.name))

        WriteOp(self, self.ctx, lambda uow: print_invoice(
            uow, bill_number=bill.number, path=path, attachment=attachment)).success(saved).run()

    def reconcile(self) -> None:
        bill = self.selected()
        path = self.ask_open() if bill is not None else None
        if bill is None or path is None:
            return
        try:
            with self.ctx.reading() as uow:
                result = reconcile_bill(uow, bill_number=bill.number, path=path)
        except Exception as exc:
            show_error(self, exc)
            return
        lines = [self.tr("Cocok: {0} pekerja.").format(result.matched)]
        if result.only_in_list:
            lines.append(self.tr("Ada di daftar mitra, tidak ada di tagihan: ") + "; ".join(
                f"baris {e.row} {e.name}" for e in result.only_in_list[:20]))
        if result.only_in_bill:
            lines.append(self.tr("Ada di tagihan, tidak ada di daftar mitra: ") + "; ".join(
                f"{ln.name} (KPJ {ln.kpj})" for ln in result.only_in_bill[:20]))
        if result.unreadable:
            lines.append(self.tr("Baris dengan NIK tidak terbaca: ") + ", ".join(
                str(e.row) for e in result.unreadable[:20]))
        self.message.setText("\n".join(lines))
