"""Pengaturan: office identity and letterhead, database location, backups, users, own
password, and the audit log (browser and chain check) for supervisors and admins."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from branch_desk.config import default_database, save_settings
from branch_desk.domain.permissions import Permission
from branch_desk.services import clock
from branch_desk.services.admin.offices import OfficeRow, office_row, update_office
from branch_desk.services.admin.users import change_password
from branch_desk.services.database import database_location
from branch_desk.ui.admin.audit_browser import AuditBrowser
from branch_desk.ui.admin.backup_panel import BackupPanel
from branch_desk.ui.admin.users_panel import UsersPanel
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.i18n import LANGUAGES, save_language, saved_language
from branch_desk.ui.shell.operations import WriteOp


class SettingsPage(QScrollArea):
    """Symmetric load()/save() for the office identity; users for admins."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._office_box())
        layout.addWidget(self._database_box())
        layout.addWidget(self._language_box())
        self.backups: BackupPanel | None = None
        if ctx.actor.can(Permission.BACKUP):
            self.backups = BackupPanel(ctx)
            self.backups.setObjectName("backup_panel")
            self.backups.restored.connect(self._after_restore)
            layout.addWidget(self.backups)
        layout.addWidget(self._users_box())
        layout.addWidget(self._password_box())
        self.audit: AuditBrowser | None = None
        if ctx.actor.can(Permission.VIEW_AUDIT):
            box = QGroupBox(self.tr("Log audit"), objectName="audit_box")
            self.audit = AuditBrowser(ctx)
            self.audit.setMinimumHeight(460)
            QVBoxLayout(box).addWidget(self.audit)
            layout.addWidget(box)
        layout.addStretch(1)
        self.setWidget(body)
        self.load()

    def _office_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Identitas kantor (tampil pada dokumen)"))
        self.office_name = QLineEdit(objectName="office_name")
        self.office_address = QLineEdit(objectName="office_address")
        self.head_name = QLineEdit(objectName="head_name")
        self.head_title = QLineEdit(objectName="head_title")
        self.letterhead = QLineEdit(objectName="letterhead")
        self.save_office = QPushButton(self.tr("Simpan identitas kantor"),
                                       objectName="save_office")
        self.save_office.clicked.connect(self.save)
        form = QFormLayout(box)
        form.addRow(self.tr("Kode kantor"), QLabel(self.ctx.office.code))
        form.addRow(self.tr("Nama kantor"), self.office_name)
        form.addRow(self.tr("Alamat"), self.office_address)
        form.addRow(self.tr("Nama kepala kantor"), self.head_name)
        form.addRow(self.tr("Jabatan kepala kantor"), self.head_title)
        form.addRow(self.tr("Kop surat"), self.letterhead)
        form.addRow("", self.save_office)
        editable = self.ctx.actor.can(Permission.MANAGE_OFFICE)
        for widget in (self.office_name, self.office_address, self.head_name, self.head_title,
                       self.letterhead, self.save_office):
            widget.setEnabled(editable)
        return box

    def _database_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Basis data"))
        current = QLabel(database_location(self.ctx.db),
                         objectName="database_location")
        current.setWordWrap(True)
        choose = QPushButton(self.tr("Gunakan berkas basis data lain…"),
                             objectName="choose_database")
        choose.clicked.connect(self._choose_database)
        form = QFormLayout(box)
        form.addRow(self.tr("Lokasi saat ini"), current)
        form.addRow(self.tr("Bawaan saat mulai"), QLabel(default_database()))
        form.addRow("", choose)
        return box

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Bahasa / Language"), objectName="language_box")
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(saved_language()), 0))
        self.language.currentIndexChanged.connect(self._language_chosen)
        note = QLabel(self.tr("Bahasa tampilan berlaku setelah program dibuka lagi. Dokumen "
                              "resmi dan laporan (PKS, piagam, tagihan, kuitansi, kartu, "
                              "laporan Monev dan rekap klaim) tetap dalam bahasa "
                              "Indonesia."))
        note.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("Bahasa tampilan"), self.language)
        form.addRow("", note)
        return box

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        if not code or code == saved_language():
            return
        save_language(code)
        QMessageBox.information(self, self.tr("Bahasa / Language"), self.tr(
            "Bahasa tampilan disimpan. Tutup lalu buka lagi program untuk memakainya.\n"
            "The display language is saved. Close and reopen the program to use it."))

    def _users_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Pengguna kantor"))
        self.users = UsersPanel(self.ctx)
        box.setVisible(self.ctx.actor.can(Permission.MANAGE_USERS))
        layout = QVBoxLayout(box)
        layout.addWidget(self.users)
        return box

    def _password_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kata sandi saya"))
        self.old_password = QLineEdit(objectName="old_password")
        self.new_password = QLineEdit(objectName="new_password")
        self.new_password2 = QLineEdit(objectName="new_password2")
        for field in (self.old_password, self.new_password, self.new_password2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        change = QPushButton(self.tr("Ganti kata sandi"), objectName="change_password")
        change.clicked.connect(self._change_password)
        form = QFormLayout(box)
        form.addRow(self.tr("Kata sandi lama"), self.old_password)
        form.addRow(self.tr("Kata sandi baru"), self.new_password)
        form.addRow(self.tr("Ulangi kata sandi baru"), self.new_password2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(change)
        form.addRow(row)
        return box

    def load(self) -> None:
        with self.ctx.reading() as uow:
            office = office_row(uow)
        self.office_name.setText(office.name)
        self.office_address.setText(office.address)
        self.head_name.setText(office.head_name)
        self.head_title.setText(office.head_title)
        self.letterhead.setText(office.letterhead)
        if self.ctx.actor.can(Permission.MANAGE_USERS):
            self.users.load()

    def save(self) -> None:
        WriteOp(self, self.ctx, lambda uow: update_office(
            uow, name=self.office_name.text(), address=self.office_address.text(),
            head_name=self.head_name.text(), head_title=self.head_title.text(),
            letterhead=self.letterhead.text())).success(self._office_saved).run()

    def _office_saved(self, office: OfficeRow) -> None:
        self.ctx.office = office
        QMessageBox.information(self, self.tr("Tersimpan"), self.tr("Identitas kantor disimpan."))

    def _choose_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Pilih berkas basis data"), default_database(),
            self.tr("Basis data SQLite (*.db)"), options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            save_settings({"database": path})
            QMessageBox.information(self, self.tr("Basis data"), self.tr(
                "Program akan memakai berkas ini saat dibuka lagi."))

    def _change_password(self) -> None:
        if self.new_password.text() != self.new_password2.text():
            QMessageBox.warning(self, self.tr("Kata sandi"),
                                self.tr("Kedua kata sandi baru tidak sama."))
            return
        WriteOp(self, self.ctx, lambda uow: change_password(
            uow, old_password=self.old_password.text(), new_password=self.new_password.text(),
            now=clock.now())).success(self._password_changed).run()

    def _password_changed(self, _result: object) -> None:
        for field in (self.old_password, self.new_password, self.new_password2):
            field.clear()
        QMessageBox.information(self, self.tr("Kata sandi"), self.tr("Kata sandi diganti."))


    def refresh(self, areas: frozenset[str]) -> None:
        if self.audit is not None and areas:
            self.audit.refresh()

    def _after_restore(self, source: str) -> None:
        QMessageBox.information(self, self.tr("Pemulihan selesai"), self.tr(
            "Basis data dipulihkan dari {0}. Silakan masuk kembali.").format(source))
        window = self.window()
        logout = getattr(window, "logout", None)
        if callable(logout):  # the main window: asks first when something typed is unsaved
            logout()
            return
        on_logout = getattr(window, "on_logout", None)
        if callable(on_logout):
            on_logout()
        window.close()


def create_page(ctx: AppContext) -> QWidget:
    return SettingsPage(ctx)
