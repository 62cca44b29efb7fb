"""Partner and agreement (PKS) forms: keyboard-first dialogs over the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain import regions
from branch_desk.domain.errors import DomainError, ValidationError
from branch_desk.domain.programs import Industry, Program
from branch_desk.services import clock
from branch_desk.services.partners.agreements import (
    GROUPS,
    AgreementData,
    AgreementRow,
    add_years,
    new_agreement,
    renew_agreement,
)
from branch_desk.services.partners.registry import (
    PARTNER_KINDS,
    PartnerData,
    PartnerRow,
    add_partner,
    list_partners,
    update_partner,
)
from branch_desk.services.uow import UnitOfWork
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.messages import service_text
from branch_desk.ui.shell.operations import WriteOp
from branch_desk.ui.widgets.formatting import fmt_money, parse_money
from branch_desk.ui.widgets.i18n_domain import domain_label
from branch_desk.ui.widgets.unsaved import GuardedDialog

KIND_LABELS = {"pemprov": QT_TRANSLATE_NOOP("partner_kind", "Pemerintah Provinsi"),
               "pemkab": QT_TRANSLATE_NOOP("partner_kind", "Pemerintah Kabupaten"),
               "pemkot": QT_TRANSLATE_NOOP("partner_kind", "Pemerintah Kota"),
               "pemdes": QT_TRANSLATE_NOOP("partner_kind", "Pemerintah Desa"),
               "employer": QT_TRANSLATE_NOOP("partner_kind", "Pemberi kerja"),
               "organisation": QT_TRANSLATE_NOOP("partner_kind", "Organisasi")}


def kind_label(kind: str) -> str:
    """The partner kind in the interface language."""
    return QCoreApplication.translate("partner_kind", KIND_LABELS.get(kind, kind))


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def date_edit(name: str, value: date) -> QDateEdit:
    """A dd/MM/yyyy date field with a calendar, named `name`, showing `value`."""
    edit = QDateEdit(to_qdate(value))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class _Form(GuardedDialog):
    """Shared: OK/Batal buttons, error shown and the offending field focused; Esc or Batal
    with something typed asks first."""

    ctx: AppContext

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields: dict[str, QWidget] = {}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.setObjectName("form_buttons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setObjectName("form_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

    def line(self, name: str, value: str = "") -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(name)
        self.fields[name] = edit
        return edit

    def write(self, op: Callable[[UnitOfWork], Any]) -> None:
        """Run the form's service call: on success keep its row in `saved` and close; a
        refusal is shown in the form with the offending field focused."""
        (WriteOp(self, self.ctx, op).success(self._saved)
         .failure(DomainError, self._refused).run())

    def _saved(self, row: Any) -> None:
        self.saved = row
        self.accept()

    def _refused(self, exc: DomainError) -> None:
        self.error.setText(str(exc))
        widget = self.fields.get(exc.field or "")
        if widget is not None:
            widget.setFocus()

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class PartnerDialog(_Form):
    """Add or edit a partner."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 row: PartnerRow | None = None) -> None:
        super().__init__(parent, self.tr("Ubah mitra") if row else self.tr("Mitra baru"))
        self.setObjectName("partner_dialog")
        self.ctx, self.row = ctx, row
        self.saved: PartnerRow | None = None
        form = QFormLayout()
        form.addRow(self.tr("&Kode"), self.line("code", row.code if row else ""))
        form.addRow(self.tr("&Nama"), self.line("name", row.name if row else ""))
        kind = QComboBox()
        kind.setObjectName("kind")
        for key in PARTNER_KINDS:
            kind.addItem(kind_label(key), key)
        if row:
            kind.setCurrentIndex(PARTNER_KINDS.index(row.kind))
        self.fields["kind"] = kind
        form.addRow(self.tr("&Jenis"), kind)
        region = self.line("region_code", row.region_code if row else "")
        region.setPlaceholderText(self.tr("mis. 73.09"))
        self.region_name = QLabel(row.region_name if row else "")
        self.region_name.setObjectName("region_name")
        region.textChanged.connect(self._show_region)
        form.addRow(self.tr("Kode &wilayah"), region)
        form.addRow("", self.region_name)
        for key, label in (("head_name", QT_TRANSLATE_NOOP("PartnerDialog", "Nama &pimpinan")),
                           ("head_title", QT_TRANSLATE_NOOP("PartnerDialog", "&Jabatan pimpinan")),
                           ("address", QT_TRANSLATE_NOOP("PartnerDialog", "&Alamat")),
                           ("phone", QT_TRANSLATE_NOOP("PartnerDialog", "&Telepon")),
                           ("email", QT_TRANSLATE_NOOP("PartnerDialog", "&Surel")),
                           ("contact_person", QT_TRANSLATE_NOOP("PartnerDialog", "Narahu&bung")),
                           ("npwp", QT_TRANSLATE_NOOP("PartnerDialog", "NP&WP"))):
            form.addRow(self.tr(label), self.line(key, getattr(row, key) if row else ""))
        # An employer's industry and size decide the PP 7/2025 JKK relief of its workers.
        industry = QComboBox(objectName="industry")
        industry.addItem(self.tr("Belum diisi"), "")
        for item in Industry:
            industry.addItem(domain_label(item.label), item.value)
        industry.setCurrentIndex(max(0, industry.findData(row.industry if row else "")))
        self.fields["industry"] = industry
        form.addRow(self.tr("&Industri (pemberi kerja)"), industry)
        workers = QSpinBox(objectName="workers", minimum=-1, maximum=10_000_000)
        workers.setSpecialValueText(self.tr("Belum diisi"))  # -1: not recorded
        workers.setValue(row.workers if row and row.workers is not None else -1)
        self.fields["workers"] = workers
        form.addRow(self.tr("Ju&mlah pekerja (pemberi kerja)"), workers)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _show_region(self, text: str) -> None:
        found = regions.region(regions.normalise_code(text)) if text.strip() else None
        self.region_name.setText(found.name if found else "")

    def text(self, name: str) -> str:
        widget = self.fields[name]
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def data(self) -> PartnerData:
        kind, industry, workers = (self.fields[k] for k in ("kind", "industry", "workers"))
        assert isinstance(kind, QComboBox) and isinstance(industry, QComboBox)
        assert isinstance(workers, QSpinBox)
        return PartnerData(code=self.text("code"), name=self.text("name"),
                           kind=str(kind.currentData()), region_code=self.text("region_code"),
                           head_name=self.text("head_name"), head_title=self.text("head_title"),
                           address=self.text("address"), phone=self.text("phone"),
                           email=self.text("email"), contact_person=self.text("contact_person"),
                           npwp=self.text("npwp"), industry=str(industry.currentData()),
                           workers=workers.value() if workers.value() >= 0 else None)

    def save(self) -> None:
        row = self.row

        def write(uow: UnitOfWork) -> PartnerRow:
            if row is None:
                return add_partner(uow, data=self.data())
            return update_partner(uow, partner_id=row.id, data=self.data(),
                                  expected_version=row.version)

        self.write(write)


class AgreementDialog(_Form):
    """A new agreement, or the renewal (perpanjangan) of `renews`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 partner_code: str = "", renews: AgreementRow | None = None,
                 today: date | None = None) -> None:
        title = (self.tr("Perpanjangan PKS {0}").format(renews.number) if renews
                 else self.tr("Perjanjian kerja sama baru"))
        super().__init__(parent, title)
        self.setObjectName("agreement_dialog")
        self.ctx, self.renews = ctx, renews
        self.saved: AgreementRow | None = None
        day = today or clock.today()
        with ctx.reading() as uow:
            partners = list_partners(uow)
        partner = QComboBox()
        partner.setObjectName("partner")
        for p in partners:
            partner.addItem(f"{p.name} ({p.code})", p.code)
        wanted = renews.partner_code if renews else partner_code
        if wanted:
            partner.setCurrentIndex(max(0, partner.findData(wanted)))
        partner.setEnabled(renews is None)
        self.fields["partner"] = partner
        self.fields["partner_code"] = partner
        parties = QFormLayout()
        parties.addRow(self.tr("&Mitra"), partner)
        parties.addRow(self.tr("Nomor PKS &mitra"), self.line("partner_number"))
        parties.addRow(self.tr("&Perihal"), self.line("subject", renews.subject if renews
                                                       else ""))
        self.signed_on = date_edit("signed_on", day)
        self.fields["signed_on"] = self.signed_on
        parties.addRow(self.tr("&Tanggal tanda tangan"), self.signed_on)
        parties.addRow(self.tr("Tem&pat"), self.line("place", renews.place if renews else ""))
        for prefix, label in (("partner", QT_TRANSLATE_NOOP("AgreementDialog", "PIHAK KESATU")),
                              ("office", QT_TRANSLATE_NOOP("AgreementDialog", "PIHAK KEDUA"))):
            parties.addRow(QLabel(f"<b>{self.tr(label)}</b>"))
            for suffix, text in (
                    ("signatory", QT_TRANSLATE_NOOP("AgreementDialog", "Nama penanda tangan")),
                    ("position", QT_TRANSLATE_NOOP("AgreementDialog", "Jabatan")),
                    ("decree", QT_TRANSLATE_NOOP("AgreementDialog", "Dasar pengangkatan (SK)"))):
                value = getattr(renews, f"{prefix}_{suffix}") if renews else ""
                edit = self.line(f"{prefix}_{suffix}", value)
                if not renews:
                    edit.setPlaceholderText(self.tr("kosong: dari data mitra/kantor"))
                parties.addRow(self.tr(text), edit)
        scope = QGroupBox(self.tr("Ruang lingkup"))
        grid = QGridLayout(scope)
        self.programs: dict[str, QCheckBox] = {}
        for i, program in enumerate(Program):
            box = QCheckBox(program.value)
            box.setObjectName(f"program_{program.value}")
            box.setToolTip(program.label)
            box.setChecked(program.value in (renews.programs if renews else ("JKK", "JKM")))
            self.programs[program.value] = box
            grid.addWidget(box, 0, i)
        self.groups: dict[str, QCheckBox] = {}
        for i, (key, label) in enumerate(GROUPS.items()):
            box = QCheckBox(service_text(label))
            box.setObjectName(f"group_{key}")
            box.setChecked(key in (renews.groups if renews else ("pekerja_rentan",)))
            self.groups[key] = box
            grid.addWidget(box, 1 + i // 3, i % 3)
        self.fields["programs"] = next(iter(self.programs.values()))
        self.fields["groups"] = next(iter(self.groups.values()))
        terms = QFormLayout()
        self.workers = QSpinBox()
        self.workers.setObjectName("workers")
        self.workers.setRange(0, 10_000_000)
        self.workers.setGroupSeparatorShown(True)
        self.workers.setValue(renews.workers if renews else 0)
        self.fields["workers"] = self.workers
        terms.addRow(self.tr("Jumlah &pekerja"), self.workers)
        budget = self.line("budget", fmt_money(renews.budget) if renews else "")
        budget.setPlaceholderText("Rp0")
        terms.addRow(self.tr("&Anggaran APBD"), budget)
        start = renews.end_date + timedelta(days=1) if renews else day
        self.start = date_edit("start_date", start)
        self.end = date_edit("end_date", add_years(start, 1) - timedelta(days=1))
        self.fields["start_date"], self.fields["end_date"] = self.start, self.end
        terms.addRow(self.tr("&Mulai berlaku"), self.start)
        terms.addRow(self.tr("&Berakhir"), self.end)
        layout = QVBoxLayout(self)
        layout.addLayout(parties)
        layout.addWidget(scope)
        layout.addLayout(terms)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def text(self, name: str) -> str:
        widget = self.fields[name]
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def data(self) -> AgreementData:
        partner = self.fields["partner"]
        assert isinstance(partner, QComboBox)
        budget_text = self.text("budget").strip()
        try:
            budget = parse_money(budget_text) if budget_text else 0
        except DomainError as exc:
            raise ValidationError(str(exc), field="budget") from exc
        return AgreementData(
            partner_code=str(partner.currentData() or ""),
            signed_on=from_qdate(self.signed_on.date()), place=self.text("place"),
            partner_number=self.text("partner_number"), subject=self.text("subject"),
            partner_signatory=self.text("partner_signatory"),
            partner_position=self.text("partner_position"),
            partner_decree=self.text("partner_decree"),
            office_signatory=self.text("office_signatory"),
            office_position=self.text("office_position"),
            office_decree=self.text("office_decree"),
            programs=tuple(k for k, box in self.programs.items() if box.isChecked()),
            groups=tuple(k for k, box in self.groups.items() if box.isChecked()),
            workers=self.workers.value(), budget=budget,
            start_date=from_qdate(self.start.date()), end_date=from_qdate(self.end.date()))

    def save(self) -> None:
        renews = self.renews

        def write(uow: UnitOfWork) -> AgreementRow:
            if renews is None:
                return new_agreement(uow, data=self.data())
            return renew_agreement(uow, number=renews.number, data=self.data())

        self.write(write)
