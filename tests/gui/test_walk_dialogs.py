"""Every dialog of the program opened on a 1366×768 screen with the demo office, in Indonesian
and in English: each fails on a text cut off, a table cell cut off, a button outside the
dialog, a dialog larger than the screen, or (in Indonesian) one of Qt's English words. A new
dialog class fails the completeness test until it is added here."""

from __future__ import annotations

import importlib
import io
import pkgutil
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QWidget

import branch_desk.ui
from tests.support.gui import context_for
from tests.support.screenshots import save_shot
from tests.support.walk import SCREEN, window_problems

Opener = Callable[["object", QWidget], QDialog]


def _participant_id(ctx: object) -> str:
    from branch_desk.services.participants.queries import search_participants
    from branch_desk.services.participants.rows import ParticipantQuery

    with ctx.reading() as uow:  # type: ignore[attr-defined]
        return search_participants(uow, ParticipantQuery(limit=1)).rows[0].id


def _partner(ctx: object) -> object:
    from branch_desk.services.partners.registry import list_partners

    with ctx.reading() as uow:  # type: ignore[attr-defined]
        return list_partners(uow)[0]


def _agreement(ctx: object) -> object:
    from branch_desk.services.partners.agreements import list_agreements

    with ctx.reading() as uow:  # type: ignore[attr-defined]
        return list_agreements(uow)[0]


def _tr(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def _pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Kwitansi")
    canvas.save()
    return buffer.getvalue()


def _openers() -> dict[str, Opener]:
    """How each dialog class is opened the way an officer meets it."""
    from branch_desk.ui.claims.confirm import ClaimQuestion
    from branch_desk.ui.participants.column_mapping import ColumnMappingDialog
    from branch_desk.ui.participants.detail import ParticipantDetailDialog
    from branch_desk.ui.participants.edit_form import ParticipantEditForm
    from branch_desk.ui.participants.form import ParticipantForm
    from branch_desk.ui.participants.import_dialog import ImportDialog
    from branch_desk.ui.participants.incomplete import IncompleteDialog
    from branch_desk.ui.participants.status_dialog import StatusDialog
    from branch_desk.ui.partners.forms import AgreementDialog, PartnerDialog
    from branch_desk.ui.shell.first_start import FirstStartDialog
    from branch_desk.ui.shell.help import AboutDialog, GuideDialog, ShortcutsDialog
    from branch_desk.ui.shell.login import LoginDialog
    from branch_desk.ui.shell.recovery_key import RecoveryKeyDialog
    from branch_desk.ui.widgets.pdf_preview import PdfPreviewDialog
    from branch_desk.ui.widgets.unsaved import UnsavedQuestion

    return {
        "ParticipantForm": lambda ctx, parent: ParticipantForm(ctx, parent),
        "ParticipantEditForm": lambda ctx, parent: ParticipantEditForm(
            ctx, _participant_id(ctx), parent),
        "ParticipantDetailDialog": lambda ctx, parent: ParticipantDetailDialog(
            ctx, _participant_id(ctx), parent),
        "StatusDialog": lambda ctx, parent: StatusDialog(  # as the detail window asks
            parent, _tr("ParticipantDetailDialog", "Catat peserta meninggal dunia"),
            date_label=_tr("ParticipantDetailDialog", "Tanggal &meninggal"),
            today=date(2026, 12, 6)),
        "IncompleteDialog": lambda ctx, parent: IncompleteDialog(ctx, parent),
        "ImportDialog": lambda ctx, parent: ImportDialog(ctx, parent),
        "ColumnMappingDialog": lambda ctx, parent: ColumnMappingDialog(
            ("No", "Nama Lengkap", "Nomor Induk Kependudukan", "Tgl Lahir", "Kel/Desa"), {},
            parent),
        "PartnerDialog": lambda ctx, parent: PartnerDialog(ctx, parent, _partner(ctx)),
        "AgreementDialog": lambda ctx, parent: AgreementDialog(
            ctx, parent, renews=_agreement(ctx), today=date(2026, 12, 6)),
        "LoginDialog": lambda ctx, parent: LoginDialog(ctx.db, ctx.office.name, parent),
        "FirstStartDialog": lambda ctx, parent: FirstStartDialog(ctx.db, parent=parent),
        "GuideDialog": lambda ctx, parent: GuideDialog(parent),
        "ShortcutsDialog": lambda ctx, parent: ShortcutsDialog(
            parent, [("Ctrl+1", _tr("MainWindow", "Beranda")),
                     ("Ctrl+P", _tr("PageShortcuts", "Ce&tak").replace("&", ""))]),
        "AboutDialog": lambda ctx, parent: AboutDialog(parent, ctx),
        "RecoveryKeyDialog": lambda ctx, parent: RecoveryKeyDialog(ctx.db, parent),
        "PdfPreviewDialog": lambda ctx, parent: PdfPreviewDialog(parent, _pdf(), "Kwitansi"),
        "ClaimQuestion": lambda ctx, parent: ClaimQuestion(
            parent, "claim_unsaved_changes").unsaved_edit("JKM/MRS/2026/000012"),
        "UnsavedQuestion": lambda ctx, parent: UnsavedQuestion(
            parent, "unsaved_leave").leave_program(
                [_tr("ParticipantForm", "Peserta baru {0}").format("Siti Aminah"),
                 _tr("ClaimsPage", "Perubahan pada klaim {0}").format("JKM/MRS/2026/000012")],
                logout=False),
    }


ABSTRACT = {"GuardedDialog", "_Form"}  # bases, never opened themselves
# Windows that size themselves to the screen they open on (the offscreen test screen is not
# 1366×768): their fit is tested with the main window's walk and in test_pdf_preview.
SIZED_BY_SCREEN = {"GuideDialog", "PdfPreviewDialog"}


def _dialog_classes() -> set[str]:
    for module in pkgutil.walk_packages(branch_desk.ui.__path__, "branch_desk.ui."):
        importlib.import_module(module.name)
    found: set[str] = set()
    pending = list(QDialog.__subclasses__())
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.__module__.startswith("branch_desk.ui."):
            found.add(cls.__name__)
    return found - ABSTRACT


def test_every_dialog_of_the_program_is_walked():
    assert _dialog_classes() == set(_openers())


@pytest.mark.parametrize("language", ["id", "en"], indirect=True)
def test_every_dialog_fits_1366x768(qtbot, demo_db, language, tmp_path):
    from branch_desk.db.base import utcnow
    from branch_desk.db.engine import Database
    from branch_desk.services.admin.users import authenticate

    path, key = demo_db
    db = Database(path, key=key)
    ctx = context_for(db, authenticate(db, "admin", "admin-demo", now=utcnow()))
    parent = QWidget()
    parent.setGeometry(SCREEN)
    qtbot.addWidget(parent)
    found: list[str] = []
    for name, opener in _openers().items():
        dialog = opener(ctx, parent)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(20)
        screen = dialog.screen().availableGeometry() if name in SIZED_BY_SCREEN else SCREEN
        found += window_problems(dialog, name, screen, language=language)
        save_shot(dialog, f"{language}-{name}.png", tmp_path)  # BRANCH_DESK_SCREENSHOTS keeps them
        dialog.done(0)
        dialog.deleteLater()
    db.dispose()
    assert not found, "\n".join(found)
