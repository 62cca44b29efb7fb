"""What the idle lock shows: the cover with the password field over the window the officer
can type in, and a plain cover over every other window of the program, so no form or
personal data stays readable while the officer is away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

_STYLE = "#lock_overlay, #lock_cover { background: #1f3b57; } QLabel { color: white; }"


class LockOverlay(QFrame):
    """An opaque cover with the password field over the window that takes input."""

    def __init__(self, parent: QWidget, username: str) -> None:
        super().__init__(parent)
        self.setObjectName("lock_overlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet(_STYLE)
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


class LockCover(QFrame):
    """An opaque cover over one more window while the program is locked; it follows the
    window's size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setStyleSheet(_STYLE)
        title = QLabel(self.tr("Layar terkunci"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(title)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False


class Enlarged:
    """A window made large enough for the password cover, restored afterwards (a message
    box that was open when the program locked is much smaller than the cover's box)."""

    NEEDED = QSize(500, 340)

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.saved = (window.minimumSize(), window.maximumSize(), window.size())
        if window.width() < self.NEEDED.width() or window.height() < self.NEEDED.height():
            window.setMaximumSize(window.maximumSize().expandedTo(self.NEEDED))
            window.setMinimumSize(window.minimumSize().expandedTo(self.NEEDED))
            window.resize(window.size().expandedTo(self.NEEDED))

    def restore(self) -> None:
        low, high, size = self.saved
        self.window.setMinimumSize(low)
        self.window.setMaximumSize(high)
        self.window.resize(size)
