"""Small widgets of the claim forms: amounts, combo boxes that shrink, a width-fitting scroll."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QLineEdit, QScrollArea

from branch_desk.domain.errors import ValidationError
from branch_desk.ui.widgets.formatting import fmt_money, parse_money


def fit_combo(combo: QComboBox, chars: int = 14) -> None:
    """Let a combo box with long entries shrink with the window instead of widening it."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)


class MoneyEdit(QLineEdit):
    """A rupiah amount; a readable entry is shown back as the interface shows amounts
    (Rp7.850.000 / Rp7,850,000)."""

    def __init__(self, name: str) -> None:
        super().__init__(objectName=name)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._tidy)

    def _tidy(self) -> None:
        try:
            value = parse_money(self.text()) if self.text().strip() else None
        except ValidationError:
            return  # left as typed; reading the form names the field
        if value is not None and value >= 0 and self.text() != fmt_money(value):
            self.setText(fmt_money(value))


class FitWidthScroll(QScrollArea):
    """Scrolls vertically only: asks its layout for the width its content needs."""

    def __init__(self) -> None:
        super().__init__(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        width = inner.minimumSizeHint().width() if inner is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width(), 120)
