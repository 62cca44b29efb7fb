"""A bar chart of covered workers per month, drawn with QPainter (no chart library)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from branch_desk.ui.widgets.formatting import fmt_month_short, fmt_number


class TrendChart(QWidget):
    """Bars of (month, count); the target, when given, is a dashed line."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("coverage_chart")
        self.points: list[tuple[date, int]] = []
        self.target: int | None = None
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, points: list[tuple[date, int]], target: int | None = None) -> None:
        self.points, self.target = list(points), target
        self.update()

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.points:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Belum ada data"))
            return
        left, top, bottom = 50.0, 20.0, 30.0
        width = self.width() - left - 10
        height = self.height() - top - bottom
        peak = max([c for _, c in self.points] + [self.target or 0, 1])
        painter.setPen(QPen(QColor("#888")))
        base = top + height
        painter.drawLine(int(left), int(base), int(left + width), int(base))
        painter.drawText(QRectF(0, top - 8, left - 6, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         fmt_number(peak))
        slot = width / len(self.points)
        font = painter.font()
        font.setPointSizeF(max(6.0, min(9.0, slot / 7)))
        painter.setFont(font)
        for i, (month, count) in enumerate(self.points):
            h = height * count / peak
            bar = QRectF(left + i * slot + slot * 0.15, base - h, slot * 0.7, h)
            painter.fillRect(bar, QColor("#2a6fa8"))
            painter.setPen(QColor("#222"))
            painter.drawText(QRectF(left + i * slot, base - h - 16, slot, 14),
                             Qt.AlignmentFlag.AlignCenter, fmt_number(count))
            painter.drawText(QRectF(left + i * slot, base + 4, slot, 16),
                             Qt.AlignmentFlag.AlignCenter,
                             fmt_month_short(month.year, month.month))
        if self.target:
            y = base - height * self.target / peak
            pen = QPen(QColor("#c0392b"))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(left), int(y), int(left + width), int(y))
            painter.drawText(QRectF(left + 4, y - 16, 200, 14), Qt.AlignmentFlag.AlignLeft,
                             self.tr("Target {0}").format(fmt_number(self.target)))
