"""Jasa konstruksi: a construction project's JKK+JKM for a month, from the contract value
(tier by tier) or from the month's wages when they are known; computes, writes nothing."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.benefit_rules import percent
from branch_desk.domain.errors import ValidationError
from branch_desk.services.contributions.construction import ConstructionQuote, quote_construction
from branch_desk.ui.contributions.common import as_date, month_edit
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.widgets.formatting import fmt_money, parse_money

BASES = (("contract_value", QT_TRANSLATE_NOOP("ConstructionPanel", "Nilai kontrak")),
         ("wages", QT_TRANSLATE_NOOP("ConstructionPanel", "Upah pekerja sebulan (diketahui)")))


class ConstructionPanel(QWidget):
    """Month, basis and amount in; JKK, JKM, any discount and the regulation out."""

    def __init__(self, ctx: AppContext, today_fn: Callable[[], date]) -> None:
        super().__init__()
        self.ctx = ctx
        self.month = month_edit("construction_month", today_fn())
        self.basis = QComboBox(objectName="construction_basis")
        for key, label in BASES:
            self.basis.addItem(self.tr(label), key)
        self.amount = QLineEdit(objectName="construction_amount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount.setPlaceholderText(self.tr("mis. Rp1.000.000.000"))
        self.compute_button = QPushButton(self.tr("&Hitung iuran"),
                                          objectName="construction_compute")
        self.result = QLabel(objectName="construction_result", wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("&Bulan iuran"), self.month)
        form.addRow(self.tr("&Dasar perhitungan"), self.basis)
        form.addRow(self.tr("&Jumlah (Rp)"), self.amount)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.compute_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.compute_button.clicked.connect(self.compute)
        self.amount.returnPressed.connect(self.compute)

    def compute(self) -> ConstructionQuote | None:
        """Show the contribution for what is entered; a bad entry gets its message."""
        try:
            text = self.amount.text().strip()
            if not text:
                raise ValidationError(self.tr("Isi jumlah nilai kontrak atau upah."),
                                      field="amount")
            value = parse_money(text)
            basis = self.basis.currentData()
            with self.ctx.reading() as uow:
                quote = quote_construction(uow, month=as_date(self.month), **{basis: value})
        except ValidationError as exc:
            self.result.clear()
            show_error(self, exc)
            return None
        self.result.setText(self._text(quote))
        return quote

    def _text(self, q: ConstructionQuote) -> str:
        r = q.result
        rows = [f"{t.program.value} {fmt_money(t.lower)} – {fmt_money(t.upper)} × "
                f"{percent(t.rate)}" for t in q.slices]
        rows += [f"<b>JKK {fmt_money(r.jkk)}</b>", f"<b>JKM {fmt_money(r.jkm)}</b>"]
        if r.discount:
            rows.append(self.tr("Diskon {0}").format(fmt_money(r.discount)))
        rows.append(self.tr("<b>Jumlah {0}</b>").format(fmt_money(r.total)))
        rows += [f"<small>{html.escape(source)}</small>" for source in r.sources]
        return "<br>".join(rows)
