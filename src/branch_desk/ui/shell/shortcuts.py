"""Page-level keyboard shortcuts of the main window: Ctrl+N, Ctrl+F, Ctrl+P.

A page takes part by defining any of these methods (all optional):

- `new_item()`       Ctrl+N: start a new record (participant, claim, payment, …);
- `focus_search()`   Ctrl+F: put the cursor in the page's search field;
- `print_current()`  Ctrl+P: preview (and print) the document of the selected row.

The actions live on the main window (window-wide context), so they work wherever the focus
is inside the window; a dialog or the PDF preview has its own window and keys. When the
current page lacks the method, the status bar says so instead of doing nothing silently.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

# (method, key, label shown in the menu, message when the page has no such action)
PAGE_SHORTCUTS: tuple[tuple[str, str, str, str], ...] = (
    ("new_item", "Ctrl+N", QT_TRANSLATE_NOOP("PageShortcuts", "&Baru"),
     QT_TRANSLATE_NOOP("PageShortcuts", "Halaman ini tidak punya data baru untuk dibuat.")),
    ("focus_search", "Ctrl+F", QT_TRANSLATE_NOOP("PageShortcuts", "&Cari"),
     QT_TRANSLATE_NOOP("PageShortcuts", "Halaman ini tidak punya kolom pencarian.")),
    ("print_current", "Ctrl+P", QT_TRANSLATE_NOOP("PageShortcuts", "Ce&tak"),
     QT_TRANSLATE_NOOP("PageShortcuts", "Halaman ini tidak punya dokumen untuk dicetak.")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PageShortcuts", text)


def shortcut_label(label: str) -> str:
    """A shortcut's label of `PAGE_SHORTCUTS` as the shortcuts list shows it ("Baru" / "New")."""
    return _tr(label).replace("&", "")


def current_page(window: QMainWindow) -> QWidget | None:
    """The page shown in the window's stack (`window.stack`), or the central widget."""
    stack = getattr(window, "stack", None)
    if isinstance(stack, QStackedWidget):
        return stack.currentWidget()
    return window.centralWidget()


def dispatch(window: QMainWindow, method: str) -> bool:
    """Call `method` on the current page; True when the page had it."""
    page = current_page(window)
    handler = getattr(page, method, None) if page is not None else None
    if not callable(handler):
        message = next(m for name, _, _, m in PAGE_SHORTCUTS if name == method)
        window.statusBar().showMessage(_tr(message), 4000)
        return False
    handler()
    return True


def install_page_shortcuts(window: QMainWindow) -> dict[str, QAction]:
    """Register the three actions on `window` (and in an "Ha&laman" menu); returns them by
    method name. Call once, at the end of the window's construction."""
    menu = window.menuBar().addMenu(_tr(QT_TRANSLATE_NOOP("PageShortcuts", "Ha&laman")))
    actions: dict[str, QAction] = {}
    for method, key, label, _ in PAGE_SHORTCUTS:
        action = QAction(_tr(label), window)
        action.setObjectName(f"shortcut_{method}")
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, m=method: dispatch(window, m))
        window.addAction(action)
        menu.addAction(action)
        actions[method] = action
    return actions
