"""The engine-specific half of applying a sync file: key lookups and bulk inserts.

PostgreSQL: a list of keys travels as one array parameter (`column = ANY(:keys)`), so a
batch is one statement whatever its length, and new rows go in through COPY. SQLite: keys
in chunks of 500 bound values and rows by `executemany` straight to the driver.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Table, any_, bindparam, insert, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

SQLITE_CHUNK = 500  # bound values per statement (SQLite builds have limits from 999 up)
ARRAY_CHUNK = 20_000  # keys per array parameter on PostgreSQL
STALE_ROWS = 20_000  # rows written since a table's statistics before they are renewed


class Bulk:
    """Lookups and inserts of one import, in the form its engine does fastest."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect
        self.postgresql = self.dialect.name == "postgresql"
        self.chunk = ARRAY_CHUNK if self.postgresql else SQLITE_CHUNK
        self._rows: dict[str, list[float]] = {}  # table: [rows analysed, rows written since]

    def begin_import(self, tables: Iterable[Table]) -> None:
        """Prepare an import transaction that will look up and write `tables`.

        On PostgreSQL every plan is made for the actual parameters and table sizes: psycopg
        prepares a statement after a few executions and the server may then keep a generic
        plan made while the import's tables were still small. Those tables grow inside the
        one import transaction, so such a plan (a sequential scan, or an index read on its
        first column only) stayed in use for the whole file and the cost of each batch grew
        with everything imported before it.

        Custom plans are only as good as the statistics: a table that has grown by half
        since it was last analysed (autovacuum has not caught up with a run of imports, or
        this import wrote it) is analysed again, inside the transaction, which counts its
        own new rows. Without that, `row_id = ANY(5,000 keys)` looks unselective and
        PostgreSQL reads every change of the table instead of probing the index."""
        if not self.postgresql:
            return
        self.session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
        names = [t.name for t in tables]
        for name, analysed, since in self.session.execute(text(
                "SELECT s.relname, greatest(c.reltuples, 0), s.n_mod_since_analyze "
                "FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
                "WHERE s.schemaname = current_schema() AND s.relname = ANY(:names)"),
                {"names": names}):
            self._rows[name] = [float(analysed), float(since or 0)]
            self._analyse_if_stale(name)

    def _analyse_if_stale(self, name: str) -> None:
        analysed, since = self._rows.get(name, (0.0, 0.0))
        if since >= max(STALE_ROWS, analysed / 2):
            # SKIP_LOCKED: another import analysing the same table is not waited for.
            self.session.execute(text(f'ANALYZE (SKIP_LOCKED) "{name}"'))
            self._rows[name] = [analysed + since, 0.0]

    def _wrote(self, table: Table, count: int) -> None:
        if self.postgresql:
            self._rows.setdefault(table.name, [0.0, 0.0])[1] += count
            self._analyse_if_stale(table.name)

    def chunks(self, values: Iterable[Any]) -> Iterator[list[Any]]:
        items = values if isinstance(values, list) else list(values)
        for i in range(0, len(items), self.chunk):
            yield items[i:i + self.chunk]

    def among(self, column: Any, values: Sequence[Any]) -> ColumnElement[bool]:
        """`column IN values`: one array parameter on PostgreSQL (one statement text and
        an index scan for any length), bound values on SQLite."""
        if self.postgresql:
            return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
        return column.in_(values)

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert uniform rows (same keys in each) with the column types' own bind
        processing, so the stored form is what SQLAlchemy writes."""
        if not rows:
            return
        cols = list(rows[0])
        procs = [table.c[c].type._cached_bind_processor(self.dialect) for c in cols]
        pairs = list(zip(cols, procs, strict=True))
        if self.postgresql:
            self._copy(table, cols, pairs, rows)
            self._wrote(table, len(rows))
        elif self.dialect.name == "sqlite":
            names = ", ".join(f'"{c}"' for c in cols)
            sql = (f'INSERT INTO "{table.name}" ({names}) '
                   f'VALUES ({", ".join("?" * len(cols))})')
            params = [tuple(p(r[c]) if p is not None else r[c] for c, p in pairs)
                      for r in rows]
            self.session.connection().exec_driver_sql(sql, params)
        else:
            self.session.execute(insert(table), rows)

    def _copy(self, table: Table, cols: list[str], pairs: list[tuple[str, Any]],
              rows: list[dict[str, Any]]) -> None:
        names = ", ".join(f'"{c}"' for c in cols)
        # The raw cursor runs on the session's own connection, inside its transaction.
        cursor = self.session.connection().connection.cursor()
        try:
            with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                for r in rows:
                    copy.write_row([p(r[c]) if p is not None else r[c] for c, p in pairs])
        finally:
            cursor.close()
