"""The interface language: Bahasa Indonesia (the source language) or English.

Indonesian is written in the code, so our texts need no translator; Qt's own words (which
Qt does not ship in Indonesian) come from ``resources/i18n/qt_id.qm``, built from `qt_texts`.
English comes from the packaged ``resources/i18n/branch_desk_en.qm`` (built from
``branch_desk_en.ts`` by ``scripts/update-translations.sh``). The choice is a workstation
setting (``settings.json`` key ``language``) and takes effect when the windows are built, so a
change applies after the program is opened again.

Messages written below the interface (domain errors raised by the services, and the texts
they return for display: import row problems, claim findings, the audit check, the sync
summary) are Indonesian in the code. In English they are shown through
`ui.shell.messages.service_text`, which matches them against the catalogue
``resources/i18n/messages_en.json``; ``scripts/extract_messages.py`` keeps that catalogue in
step with the code (a developer who adds a message runs it and fills in the English it lists;
``tests/unit/test_message_catalogue.py`` fails until then).

The official papers (PKS, piagam, Pemda bills, receipts, certificates, cards) are legal
documents in Bahasa Indonesia and stay Indonesian in both languages.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from branch_desk.config import load_settings, save_settings
from branch_desk.domain.resources_path import resource_path

LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"
SETTING = "language"

_log = logging.getLogger(__name__)
_current = DEFAULT_LANGUAGE
_translator: QTranslator | None = None
_qt_indonesian: QTranslator | None = None


def qm_path(language: str) -> Path:
    """Where the compiled translation of `language` is packaged (not checked)."""
    return resource_path("i18n", f"branch_desk_{language}.qm")


def saved_language() -> str:
    """The language saved in the workstation settings, Indonesian when none or unknown."""
    value = load_settings().get(SETTING)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    """Remember `language` for the next start."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {sorted(LANGUAGES)}")
    save_settings({SETTING: language})


def current_language() -> str:
    """The language installed in this process: ``"id"`` or ``"en"``."""
    return _current


def install_language(app: QCoreApplication, language: str | None = None) -> None:
    """Install `language` (default: the saved setting) on `app`.

    Removes a translator installed earlier, so calling it again switches back and forth;
    widgets built afterwards show the new language. An unknown language or a missing
    ``.qm`` file falls back to Indonesian (logged), never stopping the program.
    """
    global _current, _translator, _qt_indonesian
    language = saved_language() if language is None else language
    for installed in (_translator, _qt_indonesian):
        if installed is not None:
            app.removeTranslator(installed)
    _translator = _qt_indonesian = None
    _current = DEFAULT_LANGUAGE
    if language not in LANGUAGES:
        _log.warning("unknown interface language %r; using Indonesian", language)
        language = DEFAULT_LANGUAGE
    if language != DEFAULT_LANGUAGE:
        translator = QTranslator(app)
        path = qm_path(language)
        if not translator.load(str(path)):
            _log.warning("translation %s could not be loaded; using Indonesian", path)
        else:
            app.installTranslator(translator)
            _translator = translator
            _current = language
    if _current == DEFAULT_LANGUAGE:
        qt_words = QTranslator(app)
        if qt_words.load(str(resource_path("i18n", "qt_id.qm"))):
            app.installTranslator(qt_words)
            _qt_indonesian = qt_words
        else:
            _log.warning("Qt's Indonesian words (qt_id.qm) could not be loaded")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
                       if _current == "en"
                       else QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
