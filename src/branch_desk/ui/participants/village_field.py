"""The village (desa/kelurahan) field of the participant forms: the officer types a name and
picks "Desa Marannu, Kec. Lau, Kabupaten Maros, …"; a code typed directly is kept for the
service to check."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from branch_desk.domain import regions
from branch_desk.domain.errors import DomainError


class VillageField(QLineEdit):
    """A line edit completing village names; `code()` is the chosen village's code.
    `within()` gives the regency code ("73.09") to search first, or None."""

    def __init__(self, within: Callable[[], str | None] = lambda: None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="village")
        self._within = within
        self._codes: dict[str, str] = {}
        self.setPlaceholderText(self.tr("Ketik nama desa/kelurahan…"))
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.textEdited.connect(self.suggest)

    def suggest(self, text: str) -> None:
        """Offer the villages whose names hold `text` (those of `within()` first)."""
        if len(text.strip()) < 3:
            return
        within = self._within()
        found = regions.search_villages(text, within=within, limit=30) if within else []
        found = found or regions.search_villages(text, limit=30)
        labels = []
        for village in found:
            label = regions.full_name(village.code)
            self._codes[label] = village.code
            labels.append(label)
        self._model.setStringList(labels)

    def set_code(self, code: str) -> None:
        """Show the village `code` by its full name ("" leaves the field empty)."""
        if not code:
            self.clear()
            return
        try:
            label = regions.full_name(code)
        except DomainError:  # a code no longer in the list: shown as stored
            label = code
        self._codes[label] = code
        self.setText(label)

    def code(self) -> str:
        text = self.text().strip()
        return self._codes.get(text, text)  # a code typed directly: the service checks it
