"""English mode entirely English (issue 19), down to the cells: the admin walks every page and
tab of the demo office in English and reads every label, button, list choice and the first
rows of every table. Names of people, places, partners and offices are data and stay as
written; the words below are Indonesian words a cell would show if a status, a label, a
percentage or a count were left untranslated."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QTableView,
    QTabWidget,
    QWidget,
)

from branch_desk.ui.shell.main_window import PAGES
from branch_desk.ui.shell.startup import open_main_window
from branch_desk.ui.shell.worker import Runner
from tests.support.screenshots import save_shot
from tests.support.walk import SCREEN

INDONESIAN = frozenset((
    "draf", "diajukan", "diverifikasi", "disetujui", "dibayar", "ditolak", "aktif", "nonaktif",
    "lunas", "terbit", "batal", "diperpanjang", "berakhir", "dibatalkan", "penerima", "upah",
    "bukan", "mandiri", "tanpa", "semua", "wilayah", "tahun", "tidak", "ya", "hari", "sisa",
    "lewat", "terlambat", "dan", "dari", "yang", "belum", "sudah", "untuk", "dengan", "bulan",
    "baris", "peserta", "klaim", "iuran", "tagihan", "laki-laki", "perempuan", "tambah",
    "ubah", "hapus"))
COMMA_PERCENT = re.compile(r"\d,\d\d%")


def _shown(page: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [page, *page.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.index(r, c).data() or "")
                      for r in range(min(model.rowCount(), 20))
                      for c in range(model.columnCount())]
    return texts


def _indonesian(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z-]+", re.sub(r"<[^>]+>", " ", text))
    found = [w for w in words if w.lower() in INDONESIAN]
    return found + COMMA_PERCENT.findall(text)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_english_mode_leaves_no_indonesian_word_in_any_cell(qtbot, demo_db, language,
                                                            tmp_path):
    from branch_desk.db.base import utcnow
    from branch_desk.db.engine import Database
    from branch_desk.services.admin.users import authenticate

    path, key = demo_db
    db = Database(path, key=key)
    actor = authenticate(db, "admin", "admin-demo", now=utcnow())
    window = open_main_window(db, actor, runner=Runner(synchronous=True))
    qtbot.addWidget(window)
    window.setGeometry(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    problems: set[str] = set()
    for index, (page_key, _label, _factory) in enumerate(PAGES):
        window.nav.setCurrentRow(index)
        qtbot.wait(50)
        page = window.pages[page_key]
        save_shot(window, f"en-{index + 1:02d}-{page_key}.png", tmp_path)
        tabs = [(tab, i) for tab in page.findChildren(QTabWidget) for i in range(tab.count())]
        for tab, i in [(None, 0), *tabs]:
            if tab is not None:
                tab.setCurrentIndex(i)
                qtbot.wait(20)
            for text in _shown(page):
                if found := _indonesian(text):
                    problems.add(f"{page_key}: {text!r} ({', '.join(found)})")
    window.close()
    db.dispose()
    assert not problems, "\n".join(sorted(problems))
