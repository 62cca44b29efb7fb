"""Who is due and who is in arrears (mandiri BPU, by payment schedule)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_desk.domain.coverage import month_label
from branch_desk.domain.regions import village_label
from branch_desk.services.contributions.schedules import DueRow, due_list
from branch_desk.ui.shell.context import AppContext
from branch_desk.ui.shell.errors import show_error
from branch_desk.ui.widgets.formatting import fmt_date
from branch_desk.ui.widgets.i18n_domain import column
from branch_desk.ui.widgets.tables import fill_table, text_table

COLUMNS = (QT_TRANSLATE_NOOP("columns", "KPJ"), QT_TRANSLATE_NOOP("columns", "Nama"),
           QT_TRANSLATE_NOOP("columns", "Desa/Kel."), QT_TRANSLATE_NOOP("columns", "Jadwal"),
           QT_TRANSLATE_NOOP("columns", "Lunas s.d."), QT_TRANSLATE_NOOP("columns", "Jatuh tempo"),
           QT_TRANSLATE_NOOP("columns", "Tunggakan"), QT_TRANSLATE_NOOP("columns", "Status"))


class DuePanel(QWidget):
    def __init__(self, ctx: AppContext, today_fn) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ctx, self.today = ctx, today_fn
        self.rows: list[DueRow] = []
        self.region = QLineEdit(objectName="due_region")
        self.region.setPlaceholderText(self.tr("kode wilayah (kosong: semua)"))
        self.region.returnPressed.connect(self.reload)
        self.only_arrears = QCheckBox(self.tr("Hanya yang menunggak"), objectName="due_arrears")
        self.only_arrears.toggled.connect(self.reload)
        show = QPushButton(self.tr("Tampilkan"), objectName="due_show")
        show.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Wilayah")))
        top.addWidget(self.region)
        top.addWidget(self.only_arrears)
        top.addWidget(show)
        top.addStretch(1)
        self.count = QLabel(objectName="due_count")
        self.table = text_table("due_table", [column(t) for t in COLUMNS])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        try:
            with self.ctx.reading() as uow:
                self.rows = due_list(uow, today=self.today(), region=self.region.text() or None,
                                     only_arrears=self.only_arrears.isChecked())
        except Exception as exc:
            show_error(self, exc)
            return
        fill_table(self.table, [(r.kpj, r.name, village_label(r.village_code), r.schedule,
                           month_label(r.paid_through) if r.paid_through else "–",
                           fmt_date(r.due_on), self.tr("{0} bulan").format(r.arrears),
                           self.tr("Menunggak") if r.in_arrears else self.tr("Jatuh tempo"))
                          for r in self.rows], right=(6,))
        late = sum(1 for r in self.rows if r.in_arrears)
        self.count.setText(self.tr("{0} peserta perlu membayar; {1} menunggak.").format(
            len(self.rows), late))
