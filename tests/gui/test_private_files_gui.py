"""What the officer sees when a file cannot be written for lack of disk space (the message
box, in Indonesian; no file, no temporary file), and the private files of the program: an
export from the page and the PDFs made in a temporary folder for the preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from branch_desk.documents.base import new_canvas, write_atomically
from branch_desk.services.participants.registry import register_participant
from branch_desk.services.participants.rows import ParticipantData
from branch_desk.ui.admin.backup_panel import BackupPanel
from branch_desk.ui.participants.page import create_page
from branch_desk.ui.widgets import pdf_preview
from tests.support.files import fill_disk, mode, temp_leftovers
from tests.support.gui import answer_next_box, app_context
from tests.support.partners import add_maros

pytestmark = pytest.mark.sqlite_only


def _full_message(path: Path) -> str:
    return (f"Disk penuh: berkas {path} tidak dapat ditulis; tidak ada berkas yang tersimpan. "
            "Kosongkan ruang disk lalu ulangi.")


@pytest.fixture
def page(office, qtbot):
    add_maros(office)
    with office.uow("petugas") as uow:
        register_participant(uow, data=ParticipantData(
            nik="7309014505900001", name="Siti Aminah", village_code="73.09.01.2003",
            partner_code="PEMKAB-MAROS", occupation="nelayan", phone="081234567890",
            address="Jl. Poros Maros"), allow_likely_duplicate=True)
        uow.commit()
    made = create_page(app_context(office, "kepala"))
    qtbot.addWidget(made)
    return made


def test_the_export_of_the_page_is_private(page, tmp_path, loose_umask):
    target = tmp_path / "peserta.xlsx"
    page.export_to(str(target))
    assert mode(target) == 0o600 and temp_leftovers(tmp_path) == []
    assert page.count.text() == "1 peserta diekspor"


def test_a_full_disk_during_the_export_shows_the_message(page, tmp_path, monkeypatch):
    target = tmp_path / "peserta.xlsx"
    fill_disk(monkeypatch)
    seen = answer_next_box(Qt.Key.Key_Return)
    page.export_to(str(target))
    assert seen.title == "Tidak dapat diproses" and seen.text == _full_message(target)
    assert not target.exists() and temp_leftovers(tmp_path) == []


def test_a_full_disk_during_a_backup_shows_the_message(office, qtbot, tmp_path, monkeypatch):
    panel = BackupPanel(app_context(office, "admin"), directory=tmp_path / "cadangan")
    qtbot.addWidget(panel)
    fill_disk(monkeypatch)
    seen = answer_next_box(Qt.Key.Key_Return)
    assert panel.make_backup() is None
    assert seen.text.startswith("Disk penuh: berkas ") and seen.text.endswith(
        "tidak ada berkas yang tersimpan. Kosongkan ruang disk lalu ulangi.")
    assert list((tmp_path / "cadangan").iterdir()) == []
    assert panel.last.text() == "belum pernah"


def _write_pdf(path: Path) -> None:
    """A one-page PDF written the way every document is (documents.base.write_atomically)."""

    def build(buffer):
        canvas = new_canvas(buffer)
        canvas.drawString(72, 720, "Siti Aminah 7309014505900001")
        canvas.save()

    write_atomically(path, build)


def test_the_preview_pdf_is_private_and_its_folder_goes(tmp_path, loose_umask):
    """A document shown before printing is written to a temporary folder (0700) as a
    private file; the folder is removed afterwards, also when the work fails after writing."""
    written: list[Path] = []

    def write(path: Path, *, fail: bool = False) -> None:
        _write_pdf(path)
        assert (mode(path.parent), mode(path)) == (0o700, 0o600)
        written.append(path)
        if fail:
            raise RuntimeError("printer menolak")

    assert pdf_preview.written_pdf(write, "klaim.pdf").startswith(b"%PDF")
    with pytest.raises(RuntimeError):
        pdf_preview.written_pdf(lambda path: write(path, fail=True), "klaim.pdf")
    assert len(written) == 2 and not any(p.parent.exists() for p in written)
