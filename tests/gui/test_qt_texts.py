"""Qt's own words (standard buttons, file and print dialogs, context menus) in Indonesian.

A recording translator, installed below ours, notes every text Qt asks for: any it asks for in
the dialogs an officer meets that `qt_texts` does not answer fails the test, so a Qt upgrade that
adds a word is caught here rather than on an office screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
)

from branch_desk.domain.resources_path import resource_path
from branch_desk.ui.shell import i18n
from branch_desk.ui.shell.qt_texts import TEXTS, ts_document
from branch_desk.ui.shell.startup import application

# Contexts whose words are names or settings, not language: paper sizes, keyboard keys, the
# progress format, file types (from the system's MIME database), the layout direction.
NAMES_ONLY = {"QPageSize", "QShortcut", "QProgressBar", "QMimeType", "QGuiApplication"}
ENGLISH = {"Cancel", "Yes", "&Yes", "No", "&No", "Open", "Save", "Close", "Apply", "&Open",
           "&Save", "&Copy", "&Paste", "Select All", "Print", "&Print", "File &name:"}


class Recorder(QTranslator):
    """Notes what Qt asks to translate (after every other translator) and answers with the
    text itself: the same as no translation, without handing PySide6 a None, which it
    mis-counts."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        if source and context.startswith("Q"):
            self.asked.add((context, source))
        return source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def indonesian():
    app = application()
    recorder = Recorder()
    app.installTranslator(recorder)  # installed first: asked last, after qt_texts
    i18n.install_language(app, "id")
    yield recorder
    app.removeTranslator(recorder)


def _texts(widget) -> set[str]:
    return {b.text() for b in widget.findChildren(QPushButton)}


def _open_everything(qtbot) -> list:
    box = QMessageBox(QMessageBox.Icon.Question, "Judul", "Pesan")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                           | QMessageBox.StandardButton.Cancel)
    box.setDetailedText("rincian")
    buttons = QDialogButtonBox()
    for button in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel,
                   QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Open,
                   QDialogButtonBox.StandardButton.Close, QDialogButtonBox.StandardButton.Apply,
                   QDialogButtonBox.StandardButton.Discard, QDialogButtonBox.StandardButton.Help,
                   QDialogButtonBox.StandardButton.Reset,
                   QDialogButtonBox.StandardButton.RestoreDefaults,
                   QDialogButtonBox.StandardButton.Retry, QDialogButtonBox.StandardButton.Ignore,
                   QDialogButtonBox.StandardButton.Abort,
                   QDialogButtonBox.StandardButton.YesToAll,
                   QDialogButtonBox.StandardButton.NoToAll,
                   QDialogButtonBox.StandardButton.SaveAll):
        buttons.addButton(button)
    files = QFileDialog(None, "Simpan daftar")
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    progress = QProgressDialog()
    printer = QPrinter()
    printing = QPrintDialog(printer)
    widgets = [box, buttons, files, progress, printing]
    for widget in widgets:
        qtbot.addWidget(widget)
        widget.show()
    line, text = QLineEdit("x"), QPlainTextEdit("x")
    for edit in (line, text):
        qtbot.addWidget(edit)
    # The fields are returned too: their menus live only as long as they do.
    return [*widgets, line.createStandardContextMenu(), text.createStandardContextMenu(),
            line, text]


def test_standard_buttons_and_dialogs_speak_indonesian(qtbot, indonesian):
    box, buttons, files, _progress, printing, line_menu, text_menu, *_fields = (
        _open_everything(qtbot))
    assert {"&Ya", "&Tidak", "Batal", "Tampilkan Rincian…"} <= _texts(box)
    assert {"OK", "Batal", "Simpan", "Buka", "Tutup", "Terapkan"} <= _texts(buttons)
    assert "&Simpan" in _texts(files) and "Batal" in _texts(files)
    assert "&Cetak" in _texts(printing) or "Cetak" in _texts(printing)
    for menu in (line_menu, text_menu):
        words = {a.text().split("\t")[0] for a in menu.actions() if a.text()}
        assert {"&Salin", "&Tempel", "Pilih Semua"} <= words, words
        assert not words & ENGLISH
    for widget in (box, buttons, files, printing):
        assert not _texts(widget) & ENGLISH, _texts(widget) & ENGLISH


def test_every_qt_word_of_these_dialogs_has_an_indonesian_text(qtbot, indonesian):
    opened = _open_everything(qtbot)
    assert opened
    missing = sorted((context, source) for context, source in indonesian.asked
                     if context not in NAMES_ONLY and source not in TEXTS.get(context, {}))
    assert not missing, missing


def test_english_mode_keeps_qt_english(qtbot):
    app = application()
    i18n.install_language(app, "en")
    try:
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        qtbot.addWidget(box)
        assert {"&Yes", "&No"} <= _texts(box)
    finally:
        i18n.install_language(app, "id")


def test_the_packaged_catalogue_holds_these_words():
    committed = resource_path("i18n", "qt_id.ts").read_text(encoding="utf-8")
    assert committed == ts_document(), "run scripts/update-translations.sh"
    assert resource_path("i18n", "qt_id.qm").stat().st_size > 1000
