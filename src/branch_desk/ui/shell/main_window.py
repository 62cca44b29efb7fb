"""The main window: navigation on the left, one page per area, office and user below."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from branch_desk.domain.permissions import Role
from branch_desk.ui.admin import page as admin
from branch_desk.ui.claims import page as claims
from branch_desk.ui.contributions import page as contributions
from branch_desk.ui.dashboard import page as dashboard
from branch_desk.ui.participants import page as participants
from branch_desk.ui.partners import page as partners
from branch_desk.ui.shell import reports
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.help import AboutDialog, GuideDialog, ShortcutsDialog
from branch_desk.ui.shell.idle_lock import install_idle_lock
from branch_desk.ui.shell.shortcuts import (
    PAGE_SHORTCUTS,
    install_page_shortcuts,
    shortcut_label,
)
from branch_desk.ui.sync import page as sync
from branch_desk.ui.widgets.i18n_domain import domain_label
from branch_desk.ui.widgets.unsaved import confirm_leave, unsaved_work_of

PageFactory = Callable[[AppContext], QWidget]

# (key, label, factory). A page may define `refresh(areas: frozenset[str])`, called after
# any mutation announced on the bus, and `unsaved_work() -> list[str]`, asked before the
# window closes or the user logs out.
PAGES: tuple[tuple[str, str, PageFactory], ...] = (
    ("beranda", QT_TRANSLATE_NOOP("MainWindow", "Beranda"), dashboard.create_page),
    ("peserta", QT_TRANSLATE_NOOP("MainWindow", "Peserta"), participants.create_page),
    ("iuran", QT_TRANSLATE_NOOP("MainWindow", "Iuran"), contributions.create_page),
    ("klaim", QT_TRANSLATE_NOOP("MainWindow", "Klaim"), claims.create_page),
    ("mitra", QT_TRANSLATE_NOOP("MainWindow", "Mitra & Dokumen"), partners.create_page),
    ("sinkronisasi", QT_TRANSLATE_NOOP("MainWindow", "Sinkronisasi"), sync.create_page),
    ("laporan", QT_TRANSLATE_NOOP("MainWindow", "Laporan"), reports.create_page),
    ("pengaturan", QT_TRANSLATE_NOOP("MainWindow", "Pengaturan"), admin.create_page),
)


class MainWindow(QMainWindow):
    """Navigation list and lazily built pages."""

    def __init__(self, ctx: AppContext, on_logout: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.on_logout = on_logout
        self._leaving = False  # set once the officer agreed to close: ask once only
        self.setWindowTitle(f"Branch Desk — {ctx.office.name}")
        self.resize(1280, 760)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setWordWrap(True)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #0b5e3a; color: white; border: none;"
            " font-size: 11pt; padding-top: 8px; }"
            "QListWidget#navigation::item { padding: 9px 14px; }"
            "QListWidget#navigation::item:selected { background: #ffffff; color: #0b5e3a;"
            " font-weight: bold; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for index, (key, label, _factory) in enumerate(PAGES):
            item = QListWidgetItem(self.tr(label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"Ctrl+{index + 1}")
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())
        self.nav.setFixedWidth(self._nav_width())
        self.nav.currentRowChanged.connect(self.show_page)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menu()
        office_label = QLabel(self.tr("Kantor: {0} ({1})").format(ctx.office.name, ctx.office.code))
        user_label = QLabel(self.tr("Pengguna: {0} — {1}").format(
            ctx.actor.full_name or ctx.actor.username, domain_label(Role(ctx.actor.role).label)))
        office_label.setObjectName("status_office")
        user_label.setObjectName("status_user")
        self.statusBar().addWidget(office_label)
        self.statusBar().addPermanentWidget(user_label)
        ctx.bus.changed.connect(self._refresh_pages)
        install_idle_lock(self, ctx, minutes=10)
        install_page_shortcuts(self)  # Ctrl+N / Ctrl+F / Ctrl+P on the current page
        self._build_help_menu()
        self.nav.setCurrentRow(0)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Berkas"))
        for index in range(len(PAGES)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
            self.addAction(action)
        logout = QAction(self.tr("&Keluar akun"), self)
        logout.triggered.connect(self.logout)
        menu.addAction(logout)
        quit_action = QAction(self.tr("&Tutup program"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def _build_help_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("Ban&tuan"))
        for name, label, key, slot in (
                ("help_guide", self.tr("&Panduan pengguna"), QKeySequence.StandardKey.HelpContents,
                 self.show_guide),
                ("help_shortcuts", self.tr("Pintasan &keyboard"), None, self.show_shortcuts),
                ("help_about", self.tr("&Tentang Branch Desk"), None, self.show_about)):
            action = QAction(label, self)
            action.setObjectName(name)
            if key is not None:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            menu.addAction(action)

    def show_guide(self) -> GuideDialog:
        dialog = self.findChild(GuideDialog) or GuideDialog(self)
        dialog.show()
        dialog.raise_()
        return dialog

    def shortcuts(self) -> list[tuple[str, str]]:
        """The keys of the main window and what they do, as the shortcuts window lists them."""
        keys = [(f"Ctrl+{i + 1}", self.tr("Buka halaman {0}").format(self.tr(label)))
                for i, (_, label, _) in enumerate(PAGES)]
        keys += [(key, shortcut_label(label)) for _, key, label, _ in PAGE_SHORTCUTS]
        keys += [("F1", self.tr("Panduan pengguna")),
                 (QKeySequence(QKeySequence.StandardKey.Quit).toString(
                     QKeySequence.SequenceFormat.NativeText) or "Ctrl+Q",
                  self.tr("Tutup program")),
                 ("Enter", self.tr("Buka data yang dipilih di daftar")),
                 ("Esc", self.tr("Tutup jendela atau batalkan isian"))]
        return keys

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self, self.shortcuts())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self, self.ctx)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def page(self, key: str) -> QWidget:
        """The page widget of `key`, built on first use."""
        index = next(i for i, (k, _, _) in enumerate(PAGES) if k == key)
        if key not in self.pages:
            widget = PAGES[index][2](self.ctx)
            widget.setObjectName(f"page_{key}")
            old = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[key] = widget
        return self.pages[key]

    NAV_MIN_WIDTH = 200

    def _nav_width(self) -> int:
        """Wide enough for the longest page name in bold (how the chosen page shows) with the
        item's padding; 200 pixels at least."""
        font = QFont(self.nav.font())
        font.setPointSizeF(11)
        font.setBold(True)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(self.nav.item(row).text())
                     for row in range(self.nav.count()))
        return max(self.NAV_MIN_WIDTH, widest + 2 * 14 + 16)

    def show_page(self, index: int) -> None:
        if index < 0:
            return
        key = PAGES[index][0]
        self.page(key)
        self.stack.setCurrentIndex(index)

    def go_to(self, key: str) -> QWidget:
        index = next(i for i, (k, _, _) in enumerate(PAGES) if k == key)
        self.nav.setCurrentRow(index)
        return self.pages[key]

    def _refresh_pages(self, areas: frozenset[str]) -> None:
        for widget in self.pages.values():
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                refresh(areas)

    # --- leaving: closing the program or logging out --------------------------------------

    def unsaved_work(self) -> list[str]:
        """What the pages built so far hold unsaved, one line per form."""
        return unsaved_work_of(self.pages.values())

    def may_leave(self, *, logout: bool) -> bool:
        """True when nothing typed is unsaved or the officer agreed to discard it. While the
        screen is locked nothing is asked (nor shown): the unsaved work keeps the window."""
        items = self.unsaved_work()
        if not items:
            return True
        lock = getattr(self, "idle_lock", None)
        if lock is not None and lock.is_locked:
            lock.refuse_close()
            return False
        return confirm_leave(self, items, logout=logout)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._leaving or self.may_leave(logout=False):
            self._leaving = True
            event.accept()
        else:
            event.ignore()

    def logout(self) -> bool:
        """"Keluar akun": asks first when something is unsaved; True when logged out."""
        if not self._leaving and not self.may_leave(logout=True):
            return False
        self._leaving = True
        if self.on_logout:
            self.on_logout()
        self.close()
        return True
