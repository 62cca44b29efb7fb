"""The idle lock: after some minutes without mouse or keyboard the window and the dialogs
open over it are covered, and unlock only with the same user's password. The window and its
open forms stay as they are underneath, so nothing typed is lost; closing the program while
locked is refused when something typed is unsaved (see `MainWindow.may_leave`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QWidget

from branch_desk.domain.errors import DomainError
from branch_desk.services import clock
from branch_desk.services.admin.users import authenticate
from branch_desk.ui.shell.lock_overlay import Enlarged, LockCover, LockOverlay
from branch_desk.ui.shell.messages import service_text

_ACTIVITY = {QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}
_INPUT = _ACTIVITY | {QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride,
                      QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
                      QEvent.Type.Shortcut}
_POPUPS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


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
        self._host: QWidget = window  # where the password cover is
        self._covered: set[QWidget] = set()
        self._covers: list[LockCover] = []
        self._enlarged: Enlarged | None = None
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
        if obj is self._host and kind == QEvent.Type.Resize and self.is_locked:
            self.overlay.setGeometry(self._host.rect())
        if kind not in _INPUT:
            return False
        if self.is_locked:
            # Swallow input meant for the windows behind the covers (shortcuts included).
            return isinstance(obj, QWidget) and obj.window() in self._covered \
                and not self._inside_overlay(obj)
        if kind in _ACTIVITY:
            self.timer.start()
        return False

    def _owned_windows(self) -> list[QWidget]:
        """The visible windows opened over the program window (dialogs, previews)."""
        found = []
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible():
                continue
            parent = widget.parentWidget()
            while parent is not None and parent is not self.window:
                parent = parent.parentWidget()
            if parent is self.window:
                found.append(widget)
        return found

    def lock(self) -> None:
        if self.is_locked:
            return
        self._focus = QApplication.focusWidget()
        self._cursor = (self._focus.cursorPosition(), self._focus.hasSelectedText()) \
            if isinstance(self._focus, QLineEdit) else None
        self.overlay.message.clear()
        self.overlay.password.clear()
        self._locked = True
        windows = self._owned_windows()
        for popup in [w for w in windows if w.windowType() in _POPUPS]:
            popup.hide()  # a completer or combo list would float above the covers
            windows.remove(popup)
        # Only the top modal dialog takes input: the password goes there when one is open.
        modal = QApplication.activeModalWidget()
        self._host = modal if modal in windows else self.window
        if self._host is not self.window:
            self._enlarged = Enlarged(self._host)
            self.overlay.setParent(self._host)
            self._host.installEventFilter(self)
        self._covered = {self.window, *windows}
        self._covers = [LockCover(w) for w in self._covered if w is not self._host]
        self.overlay.setGeometry(self._host.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password.setFocus()
        self.timer.stop()
        self.locked.emit()

    def refuse_close(self) -> None:
        """Say on the cover why the program did not close."""
        self.overlay.message.setText(self.tr(
            "Program tidak ditutup karena ada isian yang belum disimpan. Buka kunci untuk "
            "menyimpan atau membuangnya."))

    def _uncover(self) -> None:
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers = []
        self._covered = set()
        self.overlay.hide()
        if self._host is not self.window:
            self._host.removeEventFilter(self)
            self.overlay.setParent(self.window)
            self.overlay.hide()
            if self._enlarged is not None:
                self._enlarged.restore()
            self._enlarged = None
            self._host = self.window

    def try_unlock(self) -> bool:
        username = self.ctx.actor.username  # type: ignore[attr-defined]
        try:
            authenticate(self.ctx.db, username, self.overlay.password.text(),  # type: ignore[attr-defined]
                         now=clock.now())
        except DomainError as exc:
            self.overlay.message.setText(service_text(str(exc)))
            self.overlay.password.selectAll()
            self.overlay.password.setFocus()
            return False
        self.overlay.password.clear()
        self._locked = False
        self._uncover()
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
