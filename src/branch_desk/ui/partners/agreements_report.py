"""Laporan › PKS & perpanjangan: agreements ending soon, to renew in time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from branch_desk.domain.agreements import STATUS_LABELS
from branch_desk.services import clock
from branch_desk.services.partners.agreements import agreements_due, list_agreements
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.widgets.formatting import fmt_date, fmt_money, fmt_number
from branch_desk.ui.widgets.table_model import RowsModel, make_table


class AgreementsReport(QWidget):
    """Every agreement with its end date and days left; the due ones listed first."""

    COLUMNS = (QT_TRANSLATE_NOOP("columns", "Nomor"), QT_TRANSLATE_NOOP("columns", "Mitra"),
               QT_TRANSLATE_NOOP("columns", "Berakhir"), QT_TRANSLATE_NOOP("columns", "Sisa hari"),
               QT_TRANSLATE_NOOP("columns", "Pekerja"), QT_TRANSLATE_NOOP("columns", "Anggaran"),
               QT_TRANSLATE_NOOP("columns", "Status"),
               QT_TRANSLATE_NOOP("columns", "Diperpanjang dengan"))

    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today
        self.within = QSpinBox()
        self.within.setObjectName("report_agreements_within")
        self.within.setRange(0, 730)
        self.within.setValue(90)
        self.within.setSuffix(self.tr(" hari"))
        self.within.valueChanged.connect(lambda *_: self.reload())
        self.summary = QLabel()
        self.summary.setObjectName("report_agreements_summary")
        self.model = RowsModel(self.COLUMNS)
        self.view = make_table(self.model, "report_agreements_table")
        form = QFormLayout()
        form.addRow(self.tr("Perlu diperpanjang dalam"), self.within)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.reload()

    def reload(self) -> None:
        as_of = self.today or clock.today()
        with self.ctx.reading() as uow:
            due = agreements_due(uow, as_of=as_of, within_days=self.within.value())
            rest = [r for r in list_agreements(uow) if r.number not in {d.number for d in due}]
        rows = due + sorted(rest, key=lambda r: r.end_date, reverse=True)
        self.model.set_rows([
            (r.number, r.partner_name, fmt_date(r.end_date, "medium"),
             str(r.days_left(as_of)) if r.status == "aktif" else "",
             fmt_number(r.workers), fmt_money(r.budget),
             STATUS_LABELS[r.status_on(as_of)], r.renewed_by_number) for r in rows],
            [r.number for r in rows])
        self.summary.setText(self.tr("{0} PKS perlu diperpanjang (per {1}); {2} PKS seluruhnya.")
                             .format(len(due), fmt_date(as_of), len(rows)))

    def refresh(self, areas: frozenset[str]) -> None:
        if areas & {"agreements", "partners"}:
            self.reload()


def create_tab(ctx: AppContext) -> tuple[str, QWidget]:
    widget = AgreementsReport(ctx)
    return QCoreApplication.translate("AgreementsReport", "PKS && perpanjangan"), widget
