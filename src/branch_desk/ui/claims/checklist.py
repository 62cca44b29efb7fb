"""The documents checklist of the claim form: what the claim type and facts ask for, with
the documents ticked as received."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from branch_desk.domain import claim_rules
from branch_desk.domain.claim_rules import ClaimType
from branch_desk.ui.shell.messages import service_text

# The words of this list keep the intake form's translation context.
translate = QCoreApplication.translate


class DocumentFacts(TypedDict):
    """The facts the papers depend on, as `claim_rules.required_documents` takes them."""

    off_site: bool
    jht_kind: str
    balance: int
    outcome: str | None
    jp_kind: str
    pmi: bool
    pmi_phase: str


class DocumentsChecklist(QListWidget):
    """Ticks survive a change of list: a document another claim type or fact asked for comes
    back ticked when it is asked for again. Documents an edited claim already received stay
    ticked and cannot be unticked."""

    def __init__(self) -> None:
        super().__init__(objectName="claim_documents")
        self.setWordWrap(True)  # long document names wrap instead of scrolling
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.received: frozenset[str] = frozenset()  # by the edited claim, before this edit
        self.ticks: set[str] = set()  # ticked by the officer now
        self.itemChanged.connect(self._ticked)

    def start(self, received: Iterable[str] = ()) -> None:
        """Nothing ticked; `received` are the documents a saved claim already has. (Not named
        `reset`: QListWidget.clear() calls the view's virtual reset().)"""
        self.received, self.ticks = frozenset(received), set()
        self.clear()

    def _ticked(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key in self.received:
            return
        if item.checkState() == Qt.CheckState.Checked:
            self.ticks.add(key)
        else:
            self.ticks.discard(key)

    def fill(self, ctype: ClaimType, facts: DocumentFacts) -> None:
        """The checklist for the claim type and facts (DOMAIN §4.2, Permenaker 5/2021 Ps 19,
        the papers of each JP pension, a migrant worker's JKM papers)."""
        if_needed = translate("IntakeForm", "bila perlu")  # outside f-strings, for lupdate
        already = translate("IntakeForm", "Sudah diterima")
        self.blockSignals(True)
        self.clear()
        for doc in claim_rules.required_documents(ctype, **facts):
            label = service_text(doc.label)
            text = label if doc.mandatory else f"{label} — {service_text(doc.note)}"
            item = QListWidgetItem(text if doc.mandatory else f"({if_needed}) {text}")
            item.setData(Qt.ItemDataRole.UserRole, doc.key)
            if doc.key in self.received:
                item.setCheckState(Qt.CheckState.Checked)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setToolTip(already)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if doc.key in self.ticks
                                   else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)

    def checked(self) -> tuple[str, ...]:
        """Keys of the documents ticked in the list shown (received ones included)."""
        return tuple(self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)
