"""The idle lock: after some minutes without mouse or keyboard the window is covered and
unlocks only with the same user's password. The window and its open forms stay as they are
underneath, so nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_desk.db.base import utcnow
from branch_desk.domain.errors import DomainError
from branch_desk.services.users import authenticate

_ACTIVITY = {QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}
_INPUT = _ACTIVITY | {QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride,
                      QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
                      QEvent.Type.Shortcut}


class LockOverlay(QFrame):
    """An opaque cover over the whole window with a password field."""

    def __init__(self, parent: QWidget, username: str) -> None:
        super().__init__(parent)
        self.setObjectName("lock_overlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lock_overlay { background: #1f3b57; } QLabel { color: white; }")
        title = QLabel(self.tr("Layar terkunci"))
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        who = QLabel(self.tr("Masukkan kata sandi {0} untuk melanjutkan. Formulir yang "
                             "terbuka tetap seperti semula.").format(username))
        who.setWordWrap(True)
        self.password = QLineEdit(objectName="unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Kata sandi"))
        self.button = QPushButton(self.tr("Buka kunci"), objectName="unlock_button")
        self.button.setDefault(True)
        self.message = QLabel(objectName="unlock_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #ffd2d2;")
        # Wrapped labels inside a centred box get no height-for-width: reserve the lines.
        who.setMinimumHeight(who.fontMetrics().lineSpacing() * 3)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 3)
        box = QWidget()
        box.setFixedWidth(440)
        inner = QVBoxLayout(box)
        for widget in (title, who, self.password, self.button, self.message):
            inner.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.hide()


class IdleLock(QObject):
    """Watches input application-wide; `lock()` after the idle time, `try_unlock()`."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QMainWindow, ctx: object, minutes: int = 10) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.overlay = LockOverlay(window, ctx.actor.username)  # type: ignore[attr-defined]
        self.overlay.button.clicked.connect(self.try_unlock)
        self.overlay.password.returnPressed.connect(self.try_unlock)
        self._focus: QWidget | None = None
        self._locked = False
        self._cursor: tuple[int, bool] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.set_timeout_ms(max(1, minutes) * 60_000)
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.installEventFilter(self)
        self.timer.start()

    def set_timeout_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)

    @property
    def is_locked(self) -> bool:
        return self._locked

    def _inside_overlay(self, obj: QObject) -> bool:
        while obj is not None:
            if obj is self.overlay:
                return True
            obj = obj.parent()
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.Resize and self.is_locked:
            self.overlay.setGeometry(self.window.rect())
        if kind not in _INPUT:
            return False
        if self.is_locked:
            # Swallow input meant for the window behind the cover (shortcuts included).
            return isinstance(obj, QWidget) and obj.window() is self.window \
                and not self._inside_overlay(obj)
        if kind in _ACTIVITY:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self._focus = QApplication.focusWidget()
        self._cursor = (self._focus.cursorPosition(), self._focus.hasSelectedText()) \
            if isinstance(self._focus, QLineEdit) else None
        self.overlay.message.clear()
        self.overlay.password.clear()
        self._locked = True
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password.setFocus()
        self.timer.stop()
        self.locked.emit()

    def try_unlock(self) -> bool:
        username = self.ctx.actor.username  # type: ignore[attr-defined]
        try:
            authenticate(self.ctx.db, username, self.overlay.password.text(),  # type: ignore[attr-defined]
                         now=utcnow())
        except DomainError as exc:
            self.overlay.message.setText(str(exc))
            self.overlay.password.selectAll()
            self.overlay.password.setFocus()
            return False
        self.overlay.password.clear()
        self._locked = False
        self.overlay.hide()
        if self._focus is not None:
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(self._focus, QLineEdit) and self._cursor and not self._cursor[1]:
                # Qt selects a line edit's text when focus returns: the next key would
                # replace what the officer typed.
                self._focus.deselect()
                self._focus.setCursorPosition(self._cursor[0])
        self.timer.start()
        self.unlocked.emit()
        return True


def install_idle_lock(window: QMainWindow, ctx: object, *, minutes: int = 10) -> IdleLock:
    """Lock `window` after `minutes` without input; unlock with `ctx.actor`'s password."""
    lock = IdleLock(window, ctx, minutes)
    window.idle_lock = lock  # type: ignore[attr-defined]  # keep it alive with the window
    return lock
