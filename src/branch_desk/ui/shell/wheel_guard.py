"""The scroll wheel scrolls the page, not the value of a field the officer did not pick.

Without this, rolling the wheel over a list or form changes whatever combo box, number or
date field passes under the pointer (it silently changed the audit filter). A field reacts to
the wheel only while it has the keyboard focus (clicked or tabbed into).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """An application-wide filter: wheel events on an unfocused value field go to its parent."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, _GUARDED):
            assert isinstance(watched, QWidget)
            if not watched.hasFocus():
                event.ignore()  # propagates to the scroll area around the field
                return True
        if event.type() == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            assert isinstance(watched, QWidget)
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
        return False


def install_wheel_guard(app: QApplication) -> None:
    """Install the guard once on `app`."""
    if app.findChild(WheelGuard) is None:
        app.installEventFilter(WheelGuard(app))
