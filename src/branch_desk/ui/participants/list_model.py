"""A thin, paging table model over `search_participants`: it holds the pages fetched so
far and asks for the next one when the view scrolls near the end; never all rows."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from branch_desk.domain import regions
from branch_desk.services.participants.rows import Page, ParticipantQuery, ParticipantRow
from branch_desk.ui.widgets.formatting import fmt_date
from branch_desk.ui.widgets.i18n_domain import domain_label
from branch_desk.ui.widgets.table_model import Index, TableModel

Fetch = Callable[[ParticipantQuery], Page[ParticipantRow]]

COL_KPJ, COL_NIK, COL_NAME, COL_BIRTH, COL_SEX, COL_VILLAGE, COL_SEGMENT, COL_PARTNER, \
    COL_PROGRAMS, COL_STATUS = range(10)
# Column → sort key of ParticipantQuery (columns without an index are not sortable).
SORT_KEYS = {COL_KPJ: "kpj", COL_NIK: "nik", COL_NAME: "name", COL_BIRTH: "birth_date",
             COL_VILLAGE: "village", COL_SEGMENT: "segment"}
PAGE_SIZE = 100
INACTIVE = QColor("#8A8F98")  # rows of participants no longer active
_ROOT = QModelIndex()


# The sex as the column shows it: "L"/"P" in Indonesian, "M"/"F" in English.
_SEX = {"L": QT_TRANSLATE_NOOP("ParticipantListModel", "L"),
        "P": QT_TRANSLATE_NOOP("ParticipantListModel", "P")}

class ParticipantListModel(TableModel[ParticipantRow]):
    """Rows of the current query, fetched `PAGE_SIZE` at a time through `fetch`."""

    HEADERS = (QT_TRANSLATE_NOOP("columns", "KPJ"), QT_TRANSLATE_NOOP("columns", "NIK"),
               QT_TRANSLATE_NOOP("columns", "Nama"), QT_TRANSLATE_NOOP("columns", "Tgl. lahir"),
               QT_TRANSLATE_NOOP("columns", "L/P"), QT_TRANSLATE_NOOP("columns", "Desa/Kel."),
               QT_TRANSLATE_NOOP("columns", "Segmen"), QT_TRANSLATE_NOOP("columns", "Mitra"),
               QT_TRANSLATE_NOOP("columns", "Program"), QT_TRANSLATE_NOOP("columns", "Status"))

    def __init__(self, fetch: Fetch, parent: QObject | None = None, *,
                 partner_names: Mapping[str, str] | None = None) -> None:
        super().__init__(parent=parent)
        self.partner_names = dict(partner_names or {})  # code → name, for the tooltip
        self._fetch = fetch
        self._query = ParticipantQuery(limit=PAGE_SIZE)
        self._has_more = False
        self._resetting = False

    # --- querying ----------------------------------------------------------------------------

    @property
    def query(self) -> ParticipantQuery:
        return self._query

    def set_query(self, query: ParticipantQuery) -> None:
        """Start over with `query` (its sort is kept unless it names one)."""
        if not query.sort and self._query.sort:
            query = replace(query, sort=self._query.sort, descending=self._query.descending)
        self._query = replace(query, offset=0, limit=PAGE_SIZE)
        self.reload()

    def reload(self) -> None:
        page = self._fetch(replace(self._query, offset=0))
        self._resetting = True
        self._has_more = page.has_more
        self.set_rows(page.rows)
        self._resetting = False

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._has_more and not self._resetting

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or not self._has_more or self._resetting:
            return
        page = self._fetch(replace(self._query, offset=len(self.rows)))
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self._has_more = page.has_more
            self.endInsertRows()
        else:
            self._has_more = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self._query = replace(self._query, sort=key,
                              descending=order == Qt.SortOrder.DescendingOrder)
        self.reload()

    @property
    def has_more(self) -> bool:
        return self._has_more

    # --- how a row looks ---------------------------------------------------------------------

    def display(self, row: ParticipantRow, column: int) -> str:
        values = {
            COL_KPJ: row.kpj, COL_NIK: row.nik_masked, COL_NAME: row.name,
            COL_BIRTH: fmt_date(row.birth_date, "medium"),
            COL_SEX: QCoreApplication.translate("ParticipantListModel", _SEX.get(row.sex, row.sex)),
            COL_VILLAGE: row.village_name or "—", COL_SEGMENT: row.segment,
            COL_PARTNER: row.partner_code
            or QCoreApplication.translate("ParticipantListModel", "Mandiri"),
            COL_PROGRAMS: " ".join(row.programs),
            COL_STATUS: domain_label("Aktif" if row.status == "aktif" else "Nonaktif"),
        }
        return values[column]

    def tooltip(self, row: ParticipantRow, column: int) -> str | None:
        if column == COL_STATUS and row.status_reason:
            return row.status_reason
        if column == COL_VILLAGE and row.village_code:
            return regions.village_label(row.village_code, full=True)
        if column == COL_PARTNER and row.partner_code:
            name = self.partner_names.get(row.partner_code)
            return f"{name} ({row.partner_code})" if name else row.partner_code
        return None

    def foreground(self, row: ParticipantRow) -> QColor | None:
        return INACTIVE if row.status != "aktif" else None

    def key(self, index: int) -> str:
        return self.rows[index].id
