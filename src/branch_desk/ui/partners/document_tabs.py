"""Agreements (PKS), certificates (piagam) and document verification tabs."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.permissions import Permission
from branch_desk.domain.record_labels import certified_lines
from branch_desk.services import clock
from branch_desk.services.partners.agreement_document import agreement_pdf
from branch_desk.services.partners.agreements import get_agreement, list_agreements
from branch_desk.services.partners.certificates import (
    certificates_pdf,
    get_certificate,
    issue_certificates,
    list_certificates,
)
from branch_desk.services.partners.registry import list_partners
from branch_desk.services.partners.verification import verify
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.partners.documents import preview_document
from branch_desk.ui.partners.forms import AgreementDialog, date_edit, from_qdate
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.shell.operations import BackgroundWriteOp
from branch_desk.ui.shell.worker import Progress
from branch_desk.ui.widgets.formatting import fmt_date, fmt_money, fmt_number
from branch_desk.ui.widgets.i18n_domain import status_text
from branch_desk.ui.widgets.table_model import RowsModel, make_table, selected_key


def _button(text: str, name: str, slot: object, enabled: bool = True) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    button.setEnabled(enabled)
    return button


class AgreementsTab(QWidget):
    """All agreements with new, renew and preview/print."""

    COLUMNS = (QT_TRANSLATE_NOOP("columns", "Nomor"), QT_TRANSLATE_NOOP("columns", "Nomor mitra"),
               QT_TRANSLATE_NOOP("columns", "Mitra"),
               QT_TRANSLATE_NOOP("columns", "Ditandatangani"),
               QT_TRANSLATE_NOOP("columns", "Berlaku"), QT_TRANSLATE_NOOP("columns", "Pekerja"),
               QT_TRANSLATE_NOOP("columns", "Anggaran"), QT_TRANSLATE_NOOP("columns", "Status"),
               QT_TRANSLATE_NOOP("columns", "Perpanjangan dari"))

    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today
        self.model = RowsModel(self.COLUMNS)
        self.view = make_table(self.model, "agreements_table")
        self.view.doubleClicked.connect(lambda *_: self.preview())
        manage = ctx.actor.can(Permission.MANAGE_AGREEMENTS)
        buttons = QHBoxLayout()
        buttons.addWidget(_button(self.tr("PKS &baru"), "agreement_new", self.new, manage))
        buttons.addWidget(_button(self.tr("&Perpanjang"), "agreement_renew", self.renew, manage))
        buttons.addWidget(_button(self.tr("Pratinjau && &cetak"), "agreement_preview",
                                  self.preview))
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.reload()

    def reload(self) -> None:
        as_of = self.today or clock.today()
        with self.ctx.reading() as uow:
            rows = list_agreements(uow)
        self.model.set_rows([
            (r.number, r.partner_number, r.partner_name, fmt_date(r.signed_on, "medium"),
             f"{fmt_date(r.start_date, 'medium')} – {fmt_date(r.end_date, 'medium')}",
             fmt_number(r.workers), fmt_money(r.budget),
             status_text(r.status_on(as_of)), r.renews_number) for r in rows],
            [r.number for r in rows])

    def new(self) -> None:
        dialog = AgreementDialog(self.ctx, self, today=self.today)
        if dialog.exec():
            self.reload()

    def renew(self) -> None:
        number = selected_key(self.view)
        if not number:
            return
        with self.ctx.reading() as uow:
            row = get_agreement(uow, number)
        dialog = AgreementDialog(self.ctx, self, renews=row, today=self.today)
        if dialog.exec():
            self.reload()

    def preview(self) -> None:
        number = selected_key(self.view)
        if not number:
            return
        try:
            with self.ctx.reading() as uow:
                pdf = agreement_pdf(uow, number)
        except Exception as exc:
            show_error(self, exc)
            return
        preview_document(self.ctx, self, kind="pks", numbers=[number], pdf=pdf,
                         title=self.tr("PKS {0}").format(number))

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & {"agreements", "partners"}:
            self.reload()


class CertificatesTab(QWidget):
    """Issue piagam for one or several partners into one PDF; reprint issued ones."""

    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        day = today or clock.today()
        self.partners = QListWidget()
        self.partners.setObjectName("certificate_partners")
        self.as_of = date_edit("certificate_as_of", day)
        self.issued_on = date_edit("certificate_date", day)
        self.place = QLineEdit()
        self.place.setObjectName("certificate_place")
        self.signer = QLineEdit(ctx.office.head_name)
        self.signer.setObjectName("certificate_signer")
        self.signer_title = QLineEdit()
        self.signer_title.setObjectName("certificate_signer_title")
        self.signer_title.setPlaceholderText(self.tr("kosong: jabatan kepala kantor"))
        form = QFormLayout()
        form.addRow(self.tr("&Mitra (centang satu atau lebih)"), self.partners)
        form.addRow(self.tr("Angka &per tanggal"), self.as_of)
        form.addRow(self.tr("&Tanggal piagam"), self.issued_on)
        form.addRow(self.tr("T&empat"), self.place)
        form.addRow(self.tr("Penanda ta&ngan"), self.signer)
        form.addRow(self.tr("&Jabatan penanda tangan"), self.signer_title)
        issue = _button(self.tr("&Terbitkan && pratinjau"), "certificate_issue", self.issue,
                        ctx.actor.can(Permission.ISSUE_CERTIFICATES))
        self.model = RowsModel((QT_TRANSLATE_NOOP("columns", "Nomor"),
                               QT_TRANSLATE_NOOP("columns", "Mitra"),
                               QT_TRANSLATE_NOOP("columns", "Tanggal"),
                               QT_TRANSLATE_NOOP("columns", "Per tanggal"),
                               QT_TRANSLATE_NOOP("columns", "Pekerja"),
                               QT_TRANSLATE_NOOP("columns", "Manfaat dibayar")))
        self.view = make_table(self.model, "certificates_table")
        self.view.doubleClicked.connect(lambda *_: self.reprint())
        reprint = _button(self.tr("Pratinjau && cetak &ulang"), "certificate_reprint",
                          self.reprint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(issue, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("Piagam yang sudah terbit")))
        layout.addWidget(self.view, 1)
        layout.addWidget(reprint, 0, Qt.AlignmentFlag.AlignLeft)
        self.reload()

    def reload(self) -> None:
        with self.ctx.reading() as uow:
            partners = list_partners(uow)
            certs = list_certificates(uow)
        checked = set(self.checked_codes())
        self.partners.clear()
        for p in partners:
            item = QListWidgetItem(f"{p.name} ({p.code})")
            item.setData(Qt.ItemDataRole.UserRole, p.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.code in checked
                               else Qt.CheckState.Unchecked)
            self.partners.addItem(item)
        self.model.set_rows([(c.number, c.partner_name, fmt_date(c.issued_on, "medium"),
                              fmt_date(c.as_of, "medium"),
                              fmt_number(c.workers),
                              fmt_money(c.benefits_paid)) for c in certs],
                            [c.number for c in certs])

    def checked_codes(self) -> list[str]:
        return [str(self.partners.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.partners.count())
                if self.partners.item(i).checkState() == Qt.CheckState.Checked]

    def issue(self) -> None:
        codes = self.checked_codes()
        as_of, issued_on = from_qdate(self.as_of.date()), from_qdate(self.issued_on.date())
        place, signer, title = self.place.text(), self.signer.text(), self.signer_title.text()

        def work(uow: UnitOfWork, progress: Progress) -> tuple[list[str], bytes]:
            rows = issue_certificates(uow, partner_codes=codes, as_of=as_of, place=place,
                                      signer=signer, signer_title=title, issued_on=issued_on,
                                      progress=progress)
            return [r.number for r in rows], certificates_pdf(uow, rows, progress=progress)

        def done(result: tuple[list[str], bytes]) -> None:
            numbers, pdf = result
            self.reload()
            preview_document(self.ctx, self, kind="piagam", numbers=numbers, pdf=pdf,
                             title=self.tr("Piagam penghargaan ({0})").format(len(numbers)))

        BackgroundWriteOp(self, self.ctx, work).success(done).run(self.tr("Menerbitkan piagam"))

    def reprint(self) -> None:
        number = selected_key(self.view)
        if not number:
            return
        with self.ctx.reading() as uow:
            pdf = certificates_pdf(uow, [get_certificate(uow, number)])
        preview_document(self.ctx, self, kind="piagam", numbers=[number], pdf=pdf,
                         title=self.tr("Piagam {0}").format(number))

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & {"partners", "certificates"}:
            self.reload()


class VerifyTab(QWidget):
    """Paste a scanned QR string or type a document number; says genuine or not."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.input = QLineEdit()
        self.input.setObjectName("verify_input")
        self.input.setPlaceholderText(self.tr("Pindai kode QR ke sini atau ketik nomor dokumen"))
        self.input.returnPressed.connect(self.check)
        self.result = QLabel()
        self.result.setObjectName("verify_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(_button(self.tr("&Periksa"), "verify_button", self.check))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Verifikasi keaslian dokumen (PKS, piagam, kwitansi, "
                                        "kartu peserta)")))
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def check(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        with self.ctx.reading() as uow:
            found = verify(uow, text)
        colour = "#1d7a46" if found.genuine else "#b00020"
        details = "".join(f"<br>{escape(service_text(label))}: {escape(service_text(text))}"
                          for label, text in certified_lines(found.summary))
        self.result.setText(f"<span style='color:{colour}; font-size:13pt'><b>"
                            f"{escape(service_text(found.message))}</b></span>{details}")
        self.genuine = found.genuine
