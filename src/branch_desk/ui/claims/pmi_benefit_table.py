"""The migrant-worker JKK benefits on the claim form (Permenaker 4/2023): one row per benefit,
ticked to claim it, with the cost typed where the benefit reimburses a cost up to its amount.
The officer sees each benefit by its name and its amount, never by its key; a benefit of
another protection phase than the one chosen is greyed (and refused by the assessment if
ticked, with its phase named)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
)

from branch_desk.domain.errors import ValidationError
from branch_desk.domain.pmi_benefits import PMI_JKK_RULES, PMI_PHASES, PmiJkkRule
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.widgets.formatting import fmt_money, parse_money

BENEFIT, AMOUNT, COST = range(3)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _benefits() -> list[PmiJkkRule]:
    """One row per benefit key: the latest rule of each, in the table's order."""
    latest: dict[str, PmiJkkRule] = {}
    for rule in PMI_JKK_RULES:
        if rule.key not in latest or rule.valid_from > latest[rule.key].valid_from:
            latest[rule.key] = rule
    return list(latest.values())


class PmiBenefitTable(QTableWidget):
    """The migrant-worker JKK benefits to claim. Space ticks the benefit under the cursor;
    typing a cost ticks its benefit; Tab leaves the table."""

    changed = Signal()

    def __init__(self) -> None:
        rules = _benefits()
        super().__init__(len(rules), 3, objectName="claim_pmi_benefits")
        self._rules = rules
        self._unknown: tuple[tuple[str, int], ...] = ()  # saved keys no row shows
        self.setHorizontalHeaderLabels([self.tr("Manfaat"),
                                        self.tr("Besaran"), self.tr("Biaya")])
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for row, rule in enumerate(rules):
            benefit = QTableWidgetItem(service_text(rule.label))
            benefit.setFlags(_READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable)
            benefit.setCheckState(Qt.CheckState.Unchecked)
            phases = ", ".join(service_text(PMI_PHASES[p]) for p in rule.phases)
            benefit.setToolTip(self.tr("Untuk kejadian {0}. {1}").format(
                phases, service_text(rule.source)))
            amount = (self.tr("s.d. {0}").format(fmt_money(rule.amount)) if rule.capped
                      else fmt_money(rule.amount))
            cost = QTableWidgetItem("" if rule.capped else self.tr("tetap"))
            if rule.capped:
                cost.setToolTip(self.tr("Biaya yang dikeluarkan; dibayar paling banyak {0}")
                                .format(fmt_money(rule.amount)))
                cost.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                cost.setFlags(_READ_ONLY)
                cost.setToolTip(self.tr("Santunan berjumlah tetap, tanpa biaya"))
            for column, item in ((BENEFIT, benefit), (AMOUNT, QTableWidgetItem(amount)),
                                 (COST, cost)):
                if column == AMOUNT:
                    item.setFlags(_READ_ONLY)
                self.setItem(row, column, item)
        header = self.horizontalHeader()
        header.setSectionResizeMode(BENEFIT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AMOUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COST, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(COST, 110)
        self.itemChanged.connect(self._item_changed)

    def set_phase(self, phase: str) -> None:
        """Grey the benefits of another protection phase than `phase` ("" greys none). Ticks
        and costs stay as they are: a benefit ticked for the wrong phase is refused by the
        assessment with its phase named, never dropped here."""
        palette = self.palette()
        self.blockSignals(True)  # a colour is not a change of the claim
        try:
            for row, rule in enumerate(self._rules):
                other = bool(phase) and phase not in rule.phases
                group = QPalette.ColorGroup.Disabled if other else QPalette.ColorGroup.Active
                color = palette.color(group, QPalette.ColorRole.Text)
                for column in (BENEFIT, AMOUNT, COST):
                    self.item(row, column).setForeground(color)
        finally:
            self.blockSignals(False)
        self.viewport().update()

    def row_of(self, key: str) -> int:
        """The row of the benefit `key`."""
        return next(row for row, rule in enumerate(self._rules) if rule.key == key)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        text = item.text().strip()
        if item.column() == COST and text:
            try:  # shown back as the interface shows amounts; an unreadable one as typed
                shown = fmt_money(parse_money(text))
            except ValidationError:
                shown = item.text()
            if shown != item.text():
                item.setText(shown)  # comes back here once, with the amount shown
                return
            benefit = self.item(item.row(), BENEFIT)
            if benefit.checkState() != Qt.CheckState.Checked:
                benefit.setCheckState(Qt.CheckState.Checked)  # a cost typed is a claim
        self.changed.emit()

    def sizeHint(self) -> QSize:
        """Tall enough to show every row: the form scrolls, the table does not."""
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        height = self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def items(self) -> tuple[tuple[str, int], ...]:
        """The benefits ticked, as (key, cost): 0 for a fixed sum or a cost left empty (the
        assessment asks for it); ValidationError naming the benefit whose cost is unreadable."""
        pairs: list[tuple[str, int]] = []
        for row, rule in enumerate(self._rules):
            if self.item(row, BENEFIT).checkState() != Qt.CheckState.Checked:
                continue
            text = self.item(row, COST).text().strip() if rule.capped else ""
            try:
                pairs.append((rule.key, parse_money(text) if text else 0))
            except ValidationError:
                raise ValidationError(
                    self.tr("Biaya {0} tidak terbaca: tulis jumlah rupiah, misalnya 900000.")
                    .format(service_text(rule.label)), field="pmi_benefits") from None
        return (*pairs, *self._unknown)

    def set_items(self, pairs: tuple[tuple[str, int], ...]) -> None:
        """Show saved benefits ticked with their costs; a key no row shows is kept and given
        back by `items` (the assessment names it) rather than dropped."""
        wanted = dict(pairs)
        self.blockSignals(True)
        try:
            for row, rule in enumerate(self._rules):
                claimed = rule.key in wanted
                self.item(row, BENEFIT).setCheckState(
                    Qt.CheckState.Checked if claimed else Qt.CheckState.Unchecked)
                if rule.capped:
                    cost = wanted.get(rule.key, 0)
                    self.item(row, COST).setText(fmt_money(cost) if cost else "")
        finally:
            self.blockSignals(False)
        known = {rule.key for rule in self._rules}
        self._unknown = tuple((key, cost) for key, cost in pairs if key not in known)
        self.changed.emit()

    def snapshot(self) -> tuple[tuple[str, bool, str], ...]:
        """What the officer ticked and typed, row by row."""
        return tuple((rule.key, self.item(row, BENEFIT).checkState() == Qt.CheckState.Checked,
                      self.item(row, COST).text().strip() if rule.capped else "")
                     for row, rule in enumerate(self._rules))
