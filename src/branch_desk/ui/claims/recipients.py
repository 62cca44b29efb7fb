"""Heirs or recipient of a claim with their bank accounts, proposed from the registered
heirs and editable by the officer."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.claim_recipients import RECIPIENT_RELATIONSHIPS
from branch_desk.services.claims.data import RecipientData
from branch_desk.services.claims.queries import ClaimRecipientRow
from branch_desk.ui.widgets.i18n_domain import relationship_text, relationship_value

Cells = tuple[str, str, str, str]  # name, relationship (the stored word), bank, account
RELATIONSHIP_COLUMN = 1


def set_heir(table: QTableWidget, row: int, values: Cells) -> None:
    """Fill one heir row (used by the form and by tests); the relationship is shown in the
    interface language."""
    if table.rowCount() <= row:
        table.setRowCount(row + 1)
    for col, value in enumerate(values):
        shown = relationship_text(value) if col == RELATIONSHIP_COLUMN else value
        table.setItem(row, col, QTableWidgetItem(shown))


class RelationshipChoice(QStyledItemDelegate):
    """The relationship cell is chosen from the list, never typed: "isteri" or "wife" would
    fall outside the heirs' order. A relationship already in the cell that the list lacks
    (a claim saved before) stays offered."""

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem,
                     _index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent, objectName="claim_heir_relationship")
        combo.addItem("", "")
        for word in RECIPIENT_RELATIONSHIPS:
            combo.addItem(relationship_text(word), word)
        return combo

    def setEditorData(self, editor: QWidget,
                      index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = relationship_value(str(index.data() or ""))
        at = editor.findData(value)
        if at < 0:
            editor.addItem(value, value)
            at = editor.count() - 1
        editor.setCurrentIndex(at)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class RecipientsBox(QGroupBox):
    """The recipients table; `offer` replaces it only while the officer has not edited it."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__(self.tr("Ahli &waris / penerima dan rekening bank"))
        self.table = QTableWidget(1, 4, objectName="claim_heirs")
        self.table.setHorizontalHeaderLabels([self.tr("Nama"), self.tr("Hubungan"),
                                              self.tr("Bank"), self.tr("No. rekening")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 170)
        self.table.setMaximumHeight(110)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self._relationship = RelationshipChoice(self.table)
        self.table.setItemDelegateForColumn(RELATIONSHIP_COLUMN, self._relationship)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add = QPushButton(self.tr("Tambah ahli waris"), objectName="claim_add_heir")
        self.add.clicked.connect(lambda: self.table.insertRow(self.table.rowCount()))
        self.source = QLabel(objectName="claim_heirs_source", wordWrap=True)
        self.source.setStyleSheet("color: #455a64")
        self.reason = QLineEdit(objectName="claim_heir_order_reason")
        self.reason.setPlaceholderText(self.tr("Alasan membayar ahli waris di luar urutan "
                                               "(PP 44/2015 Pasal 37)"))
        self.reason.textChanged.connect(lambda _text: self.changed.emit())
        self.reason.hide()
        self._offered: list[Cells] = []
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        below = QHBoxLayout()
        below.addWidget(self.add, 0, Qt.AlignmentFlag.AlignTop)
        below.addWidget(self.source, 1)
        box.addLayout(below)
        box.addWidget(self.reason)

    def show_order_problem(self, problem: str) -> None:
        """Ask for the reason while the payees skip the heirs' legal order (or one is
        written)."""
        self.reason.setVisible(bool(problem) or bool(self.reason.text().strip()))
        self.reason.setToolTip(problem)

    def order_reason(self) -> str:
        return self.reason.text().strip()

    def cells(self) -> list[Cells]:
        """The filled rows as typed, the relationship as its stored word."""
        out = []
        for r in range(self.table.rowCount()):
            item = [self.table.item(r, c) for c in range(4)]
            cells = [(i.text().strip() if i else "") for i in item]
            cells[RELATIONSHIP_COLUMN] = relationship_value(cells[RELATIONSHIP_COLUMN])
            if any(cells):
                out.append(tuple(cells))
        return out  # type: ignore[return-value]

    def edited(self) -> list[Cells]:
        """The rows the officer changed or typed; [] while the table shows what was proposed
        or loaded."""
        cells = self.cells()
        return [] if cells in ([], self._offered) else cells

    def recipients(self) -> tuple[RecipientData, ...]:
        """The rows with a person in them; a row holding only the proposed relationship
        (the spouse's, before anyone is named) is no recipient yet."""
        return tuple(RecipientData(name, relation, account, bank)
                     for name, relation, bank, account in self.cells()
                     if name or bank or account)

    def load(self, rows: Iterable[ClaimRecipientRow], note: str = "") -> None:
        """Show `rows` as they are (a saved claim's recipients)."""
        cells = [(r.name, r.relationship, r.bank_name, r.bank_account) for r in rows]
        self._fill(cells)
        self._offered = cells
        self.source.setText(note)

    def offer(self, rows: Iterable[ClaimRecipientRow], note: str) -> bool:
        """Propose `rows` unless the officer changed the table since the last proposal."""
        if self.edited():
            return False
        self.load(rows, note)
        return True

    def clear(self) -> None:
        self._fill([])
        self._offered = []
        self.source.clear()
        self.reason.clear()
        self.reason.hide()

    def _fill(self, cells: list[Cells]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.setRowCount(max(1, len(cells)))
        for row, values in enumerate(cells):
            set_heir(self.table, row, values)
        self.table.blockSignals(False)
        self.table.viewport().update()
        self.changed.emit()
