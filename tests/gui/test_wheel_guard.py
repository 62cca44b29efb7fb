"""Rolling the wheel over a form scrolls it; it never changes a field the officer did not pick."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QSpinBox, QVBoxLayout, QWidget

from branch_desk.ui.shell.startup import application


def _roll(widget: QWidget) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_changes_only_the_focused_field(qtbot):
    application()
    form = QWidget()
    layout = QVBoxLayout(form)
    combo, number, day = QComboBox(), QSpinBox(), QDateEdit()
    combo.addItems(["Semua", "Peserta", "Klaim"])
    for field in (combo, number, day):
        layout.addWidget(field)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    before = (combo.currentIndex(), number.value(), day.date())
    for field in (combo, number, day):
        _roll(field)
    assert (combo.currentIndex(), number.value(), day.date()) == before
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _roll(combo)
    assert combo.currentIndex() == 1  # the field the officer picked does react
