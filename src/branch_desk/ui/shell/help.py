"""The Bantuan menu: the user guide inside the program (searchable, with its pictures), the
keyboard shortcuts, and "Tentang" (version, database location, office).

The guide is the packaged `resources/guide/user-guide.md` (Markdown, pictures beside it in
`screenshots/guide-*.png`), the same text the documentation links to. In English mode
(`i18n.current_language() == "en"`) it is its translation `user-guide.en.md`, whose pictures
`screenshots/guide-en-*.png` show the English interface (`guide_path`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branch_desk import __version__
from branch_desk.domain.resources_path import resource_path
from branch_desk.services.database import database_location
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.i18n import current_language
from branch_desk.ui.widgets.pdf_preview import fitted_size

GUIDE = ("guide", "user-guide.md")
GUIDE_EN = ("guide", "user-guide.en.md")
_WANTED = QSize(900, 1000)  # the guide's size where the screen allows
_SMALL = QSize(520, 380)
IMAGE_WIDTH = 820  # screenshots (1366 wide) shown at this width, so that nothing scrolls sideways


def guide_path() -> Path:
    """The guide in the interface language: English in English mode, else Indonesian."""
    return resource_path(*(GUIDE_EN if current_language() == "en" else GUIDE))


class GuideDialog(QDialog):
    """The user guide with a search field: Enter finds the next place, Shift+Enter the one
    before; the count of places found is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide")
        self.setWindowTitle(self.tr("Panduan pengguna"))
        path = guide_path()
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide_text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        self._fit_pictures(IMAGE_WIDTH)
        self.search = QLineEdit(self)
        self.search.setObjectName("guide_search")
        self.search.setPlaceholderText(self.tr("Cari di panduan… (Enter: berikutnya)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(self._count)
        self.found = QLabel(self)
        self.found.setObjectName("guide_found")
        previous = QPushButton(self.tr("Sebelumnya"), self)
        previous.clicked.connect(self.find_previous)
        following = QPushButton(self.tr("Berikutnya"), self)
        following.clicked.connect(self.find_next)
        for button in (previous, following):  # Enter belongs to the search field
            button.setAutoDefault(False)
        QShortcut(QKeySequence("Shift+Return"), self.search, activated=self.find_previous)
        QShortcut(QKeySequence.StandardKey.Find, self,
                  activated=lambda: self.search.setFocus(Qt.FocusReason.ShortcutFocusReason))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(previous)
        bar.addWidget(following)
        bar.addWidget(self.found)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(close)
        self.resize(fitted_size(self, _WANTED))

    def _fit_pictures(self, width: int) -> None:
        """Show every picture at most `width` pixels wide (its proportions kept)."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image_format = fmt.toImageFormat()
                    image = document.resource(QTextDocument.ResourceType.ImageResource,
                                              QUrl(image_format.name()))
                    if isinstance(image, QImage | QPixmap) and image.width() > width:
                        image_format.setWidth(width)
                        image_format.setHeight(image.height() * width / image.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(),
                                           QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image_format)
                fragments += 1
            block = block.next()

    def matches(self, text: str) -> int:
        """How many places of the guide hold `text` (case ignored)."""
        if not text:
            return 0
        document = self.browser.document()
        count, cursor = 0, QTextCursor(document)
        while True:
            cursor = document.find(text, cursor)
            if cursor.isNull():
                return count
            count += 1

    def _count(self, text: str) -> None:
        count = self.matches(text.strip())
        self.found.setText(self.tr("{0} ditemukan").format(count) if text.strip() else "")

    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        """Select the next place from the cursor, starting over at the other end."""
        text = self.search.text().strip()
        if not text:
            return False
        if self.browser.find(text, flags):
            return True
        cursor = self.browser.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End
                            if flags & QTextDocument.FindFlag.FindBackward
                            else QTextCursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        return self.browser.find(text, flags)


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts of the main window, in a table."""

    def __init__(self, parent: QWidget | None, shortcuts: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts")
        self.setWindowTitle(self.tr("Pintasan keyboard"))
        table = QTableWidget(len(shortcuts), 2, self)
        table.setObjectName("shortcuts_table")
        table.setHorizontalHeaderLabels([self.tr("Tombol"), self.tr("Fungsi")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, meaning) in enumerate(shortcuts):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(meaning))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(close)
        self.resize(fitted_size(self, table.sizeHint().expandedTo(_SMALL)))


class AboutDialog(QDialog):
    """Tentang Branch Desk: version, office, user, where the database is."""

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("Tentang Branch Desk"))
        text = QLabel(self)
        text.setObjectName("about_text")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setWordWrap(True)
        rows = (
            (self.tr("Versi"), __version__),
            (self.tr("Kantor"), f"{ctx.office.name} ({ctx.office.code})"),
            (self.tr("Pengguna"), ctx.actor.full_name or ctx.actor.username),
            (self.tr("Basis data"), database_location(ctx.db)),
        )
        text.setText("<h3>Branch Desk</h3><p>" + self.tr(
            "Program kantor cabang BPJS Ketenagakerjaan: kepesertaan, iuran, klaim, mitra "
            "dan sinkronisasi antarkantor tanpa jaringan.") + "</p><table>" + "".join(
            f"<tr><td><b>{label}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>"
            for label, value in rows) + "</table>")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(close)


