"""Printing through a real CUPS queue: the PDF preview sends the document itself to CUPS
(vector, as drawn), and what the cups-pdf queue printed is read back and compared with the
document, page by page: a certificate, a receipt and a batch of 100 member cards.

scripts/test starts the private CUPS scheduler (scripts/cups-throwaway.sh) and sets
CUPS_SERVER, BRANCH_DESK_TEST_PRINTER and BRANCH_DESK_TEST_PRINT_OUT. Without them the tests
are skipped on a developer's machine and fail in CI.
"""

from __future__ import annotations

import os
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from branch_desk.db.models.participants import Participant
from branch_desk.db.recording_bulk import record_bulk_insert
from branch_desk.services.contributions.payments import print_receipt, record_payment
from branch_desk.services.participants.cards import print_cards
from branch_desk.services.participants.rows import ParticipantQuery
from branch_desk.services.partners.certificates import certificates_pdf, issue_certificate
from branch_desk.services.partners.registry import add_partner
from branch_desk.ui.widgets.pdf_preview import PdfPreviewDialog
from branch_desk.ui.widgets.printing import cups_queue, lp_command
from tests.support.contributions import person
from tests.support.partners import MAROS

PRINTER = os.environ.get("BRANCH_DESK_TEST_PRINTER", "")
OUT = os.environ.get("BRANCH_DESK_TEST_PRINT_OUT", "")
WAIT = 180  # seconds for CUPS and cups-pdf to finish a job on a loaded machine


@pytest.fixture
def queue() -> tuple[str, Path]:
    if not (PRINTER and OUT):
        if os.environ.get("CI"):
            pytest.fail("CI needs the CUPS queue that scripts/test starts")
        pytest.skip("no CUPS queue (scripts/test starts one)")
    return PRINTER, Path(OUT)


def _pages(pdf: Path) -> list[list[str]]:
    """The words and numbers of each page of `pdf`, sorted. (Ghostscript, which writes the
    printed PDF, may store a page's lines in another order, and a dash it prints is not read
    back as text: tokens of punctuation alone are left out.)"""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [sorted(word for word in page.split() if any(c.isalnum() for c in word))
            for page in text.split("\f")[:-1]]


def _printed(out: Path, before: set[Path]) -> Path:
    """The PDF cups-pdf writes for the job just sent, once it is complete."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        new = [p for p in out.glob("*.pdf") if p not in before]
        if new:
            path = new[0]
            size = path.stat().st_size
            time.sleep(1)
            if size and path.stat().st_size == size and b"%%EOF" in path.read_bytes()[-2048:]:
                return path
        time.sleep(0.5)
    raise AssertionError(f"CUPS printed nothing into {out} within {WAIT} s")


def _print_and_read_back(qtbot, queue: tuple[str, Path], pdf: bytes, title: str,
                         tmp_path: Path) -> tuple[list[list[str]], list[list[str]]]:
    name, out = queue
    preview = PdfPreviewDialog(None, pdf, title)
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    assert cups_queue(printer) == name  # Qt sees the queue: the PDF goes to CUPS as it is
    before = set(out.glob("*.pdf"))
    assert preview.print_to(printer) == preview.page_count()
    printed = _printed(out, before)
    original = tmp_path / "original.pdf"
    original.write_bytes(pdf)
    return _pages(original), _pages(printed)


def test_certificate_and_receipt_print_as_drawn(office, qtbot, queue, tmp_path):
    with office.uow("admin") as uow:
        add_partner(uow, data=MAROS)
        uow.commit()
    participant = person(office, 1, partner_code="PEMKAB-MAROS")
    with office.uow("kepala") as uow:
        award = issue_certificate(uow, partner_code="PEMKAB-MAROS", as_of=date(2025, 6, 30),
                                  place="Maros", signer="Mintje Wattu",
                                  issued_on=date(2025, 7, 1))
        payment = record_payment(uow, participant_id=participant, first_month=date(2025, 1, 1),
                                 months=3, payer="Daeng Nai", paid_on=date(2025, 1, 10))
        uow.commit()
        certificate = certificates_pdf(uow, [award])
        print_receipt(uow, number=payment.number, path=tmp_path / "kwitansi.pdf", size="A5")
        uow.commit()
    for pdf, title in ((certificate, "Piagam"),
                       ((tmp_path / "kwitansi.pdf").read_bytes(), "Kwitansi")):
        original, printed = _print_and_read_back(qtbot, queue, pdf, title, tmp_path)
        assert len(printed) == len(original) == 1
        assert printed == original  # the same words: printed as text, not as a picture
        assert {"PENGHARGAAN", "KWITANSI"} & set(original[0])


def test_a_batch_of_100_cards_is_one_job_of_every_page(office, qtbot, queue, tmp_path):
    with office.uow("admin") as uow:
        partner = add_partner(uow, data=MAROS)
        record_bulk_insert(uow.session, uow.actor_required, Participant, [
            {"nik": f"7309{i:012d}", "kpj": f"{i:011d}", "name": f"Peserta Kartu {i}",
             "name_search": f"peserta kartu {i}", "birth_date": date(1980, 1, 1), "sex": "L",
             "village_code": "73.09.01.2001", "segment": "BPU", "funding_source": "APBD",
             "partner_id": partner.id, "tmt": date(2025, 1, 1),
             "registered_on": date(2025, 1, 1), "status": "aktif"} for i in range(1, 101)])
        uow.commit()
    with office.uow("petugas") as uow:
        assert print_cards(uow, query=ParticipantQuery(partner_code="PEMKAB-MAROS"),
                           out=tmp_path / "kartu.pdf") == 100
        uow.commit()
    original, printed = _print_and_read_back(
        qtbot, queue, (tmp_path / "kartu.pdf").read_bytes(), "Kartu peserta", tmp_path)
    assert len(original) == 10  # ten cards a sheet
    assert printed == original
    kpj = [word for page in printed for word in page if len(word) == 11 and word.isdigit()]
    assert sorted(kpj) == [f"{i:011d}" for i in range(1, 101)]  # every card, once


def test_the_dialogs_choices_reach_cups(qtbot):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    command = lp_command(printer, "Kantor", "Kartu", range(1, 3))
    assert command[:5] == ["lp", "-d", "Kantor", "-t", "Kartu"]
    assert command[5:7] == ["-n", "2"]
    assert {"page-ranges=2-3", "collate=true"} <= set(command)
