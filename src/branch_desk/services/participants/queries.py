"""Finding participants: paged search over a million rows, details and history.

Every search walks an index: NIK prefix (`ix_participants_nik`), KPJ (unique), name
prefix (`ix_participants_name_search`), words inside names (FTS5 `participants_fts` on
SQLite; the portable `name_search LIKE '% word %'` path on other engines, which scans —
PostgreSQL gets a trigram index later). Pages carry `has_more` instead of a count.

COVERAGE_NOTE: the coverage-status filter uses the participant's registry status
(aktif/nonaktif) until `services.contributions.coverage` provides paid-up status.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, not_, or_, select, text
from sqlalchemy.sql.elements import ColumnElement

from branch_desk.db.models.participants import Participant
from branch_desk.db.models.partners import Partner
from branch_desk.domain import regions, registration
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.nik import mask_nik
from branch_desk.domain.permissions import Permission
from branch_desk.domain.text import clean_number, fold, prefix_bounds
from branch_desk.services.participants import search_sqlite as fast
from branch_desk.services.participants.rows import (
    IncompleteRow,
    Page,
    ParticipantQuery,
    ParticipantRow,
)
from branch_desk.services.partners.registry import partner_by_code
from branch_desk.services.uow import UnitOfWork

COVERAGE_NOTE = "status kepesertaan (aktif/nonaktif) dari data peserta"
MAX_LIMIT = 5000
P = Participant.__table__
_COLUMNS = (P.c.id, P.c.kpj, P.c.nik, P.c.name, P.c.birth_date, P.c.sex, P.c.village_code,
            P.c.address, P.c.phone, P.c.occupation, P.c.segment, P.c.funding_source,
            Partner.__table__.c.code, P.c.programs, P.c.income, P.c.tmt, P.c.registered_on,
            P.c.status, P.c.status_reason, P.c.version)
# Sortable columns, each backed by an index so a sorted first page reads few rows.
SORT_KEYS: dict[str, Any] = {
    "name": P.c.name_search, "kpj": P.c.kpj, "nik": P.c.nik, "birth_date": P.c.birth_date,
    "village": P.c.village_code, "registered_on": P.c.registered_on, "segment": P.c.segment,
}
ROWID = literal_column("participants.rowid")


@lru_cache(maxsize=4096)
def village_name(code: str) -> str:
    found = regions.region(code) if code else None
    return found.name if found else ""


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _row(r: Any) -> ParticipantRow:
    return ParticipantRow(r[0], r[1], mask_nik(r[2]), r[3], _date(r[4]), r[5], r[6],
                          village_name(r[6]), r[7], r[8], r[9], r[10], r[11], r[12],
                          tuple(r[13].split()), r[14],
                          _date(r[15]), _date(r[16]), r[17], r[18], r[19])


def _base() -> Select[Any]:
    return select(*_COLUMNS).select_from(
        P.outerjoin(Partner.__table__, Partner.__table__.c.id == P.c.partner_id))


def _filters(uow: UnitOfWork, query: ParticipantQuery) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [P.c.deleted.is_(False)]
    if query.segment:
        conds.append(P.c.segment == query.segment.upper())
    if query.program:
        # `programs` is "JKK JKM JHT": pad with spaces so JP never matches JKP.
        conds.append((" " + P.c.programs + " ").like(f"% {query.program.upper()} %"))
    if query.partner_code:
        conds.append(P.c.partner_id == partner_by_code(uow, query.partner_code).id)
    if query.status:
        status = query.status.lower()
        if status not in ("aktif", "nonaktif"):
            raise ValidationError("Status harus 'aktif' atau 'nonaktif'.", field="status")
        conds.append(P.c.status == status)
    if query.village_code:
        code = regions.normalise_code(query.village_code)
        if len(code) == 13:
            conds.append(P.c.village_code == code)
        else:
            low, high = prefix_bounds(code + ".")
            conds.append(and_(P.c.village_code >= low, P.c.village_code < high))
    return conds


def _order(query: ParticipantQuery, default: Any) -> list[Any]:
    if query.sort and query.sort not in SORT_KEYS:
        raise ValidationError(f"Kolom urutan '{query.sort}' tidak dikenal.", field="sort")
    column = SORT_KEYS[query.sort] if query.sort else default
    order = column.desc() if query.descending else column.asc()
    tie = P.c.id.desc() if query.descending else P.c.id.asc()
    return [order, tie]


def _fetch(uow: UnitOfWork, stmt: Select[Any], offset: int, limit: int) -> list[Any]:
    return list(uow.session.execute(stmt.offset(offset).limit(limit)).all())


def word_condition(uow: UnitOfWork, words: list[str], portable: bool) -> ColumnElement[bool]:
    """Names holding every one of the folded `words` (FTS5 on SQLite unless `portable`)."""
    if not portable and uow.session.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{w}"' for w in words)  # folded words: [a-z0-9] only
        return ROWID.in_(text("SELECT rowid FROM participants_fts WHERE participants_fts "
                              "MATCH :fts_match").bindparams(fts_match=match))
    # Portable fallback (PostgreSQL until its own index): whole words by padded LIKE.
    padded = " " + P.c.name_search + " "
    return and_(*(padded.like(f"% {w} %") for w in words))


def search_statement(uow: UnitOfWork, query: ParticipantQuery, *,
                     portable: bool = False) -> list[Select[Any]]:
    """The portable statements of a search, in order (engines other than SQLite)."""
    conds = _filters(uow, query)
    raw = query.text.strip()
    digits = clean_number(raw)
    if not raw:
        return [_base().where(*conds).order_by(*_order(query, P.c.name_search))]
    if digits.isdigit() and not any(ch.isalpha() for ch in raw):
        if len(digits) > 16:
            raise ValidationError("NIK paling banyak 16 digit.", field="text")
        low, high = prefix_bounds(digits)
        match: ColumnElement[bool] = and_(P.c.nik >= low, P.c.nik < high)
        if len(digits) == 11:
            match = or_(match, P.c.kpj == digits)
        return [_base().where(*conds, match).order_by(*_order(query, P.c.nik))]
    folded = fold(raw)
    if not folded:
        return [_base().where(*conds).order_by(*_order(query, P.c.name_search))]
    low, high = prefix_bounds(folded)
    prefix = and_(P.c.name_search >= low, P.c.name_search < high)
    words = word_condition(uow, folded.split(), portable)
    if query.sort:
        return [_base().where(*conds, or_(prefix, words)).order_by(*_order(query, None))]
    # Natural order: names starting with the text (alphabetical), then names holding
    # its words elsewhere (in order of registration).
    return [_base().where(*conds, prefix).order_by(P.c.name_search, P.c.id),
            _base().where(*conds, words, not_(prefix)).order_by(P.c.id)]


def sqlite_statements(uow: UnitOfWork, query: ParticipantQuery) -> list[fast.Statement]:
    """The SQLite statements of `query` (same rows and order as `search_statement`)."""
    partner_id = None
    if query.partner_code:
        partner_id = partner_by_code(uow, query.partner_code).id
    village = None
    if query.village_code:
        code = regions.normalise_code(query.village_code)
        village = (code, "") if len(code) == 13 else prefix_bounds(code + ".")
    status = _status(query.status)
    if query.sort and query.sort not in SORT_KEYS:
        raise ValidationError(f"Kolom urutan '{query.sort}' tidak dikenal.", field="sort")
    where, params = fast.filters(
        segment=query.segment.upper() if query.segment else None,
        program=query.program.upper() if query.program else None, partner_id=partner_id,
        status=status, village=village)
    kind, term = _kind(query.text)
    return fast.statements(where, params, kind=kind, term=term, sort=query.sort,
                           descending=query.descending)


def _kind(text_value: str) -> tuple[str, str]:
    raw = text_value.strip()
    digits = clean_number(raw)
    if not raw:
        return "all", ""
    if digits.isdigit() and not any(ch.isalpha() for ch in raw):
        if len(digits) > 16:
            raise ValidationError("NIK paling banyak 16 digit.", field="text")
        return "digits", digits
    folded = fold(raw)
    return ("name", folded) if folded else ("all", "")


def _status(value: str | None) -> str | None:
    if not value:
        return None
    status = value.lower()
    if status not in ("aktif", "nonaktif"):
        raise ValidationError("Status harus 'aktif' atau 'nonaktif'.", field="status")
    return status


def _raw_page_sqlite(uow: UnitOfWork, query: ParticipantQuery, offset: int,
                     limit: int) -> tuple[list[Any], int, bool]:
    # The driver connection of this unit of work's transaction: same snapshot, no
    # SQLAlchemy per-call overhead (which is most of a first page's time).
    driver = uow.session.connection().connection.dbapi_connection
    assert driver is not None
    statements = sqlite_statements(uow, query)

    def run(statement: fast.Statement, skip: int, count: int) -> list[Any]:
        sql, params = statement
        # LIMIT and OFFSET written in, not bound: SQLCipher's SQLite (3.51, built with STAT4)
        # prepares a statement again for every bound LIMIT, which made a KPJ lookup 3× slower
        # (docs/benchmarks.md, encryption). Both are ints this function computed.
        return driver.execute(f"{sql} LIMIT {int(count)} OFFSET {int(skip)}",
                              tuple(params)).fetchall()

    rows = run(statements[0], offset, limit + 1)
    if len(statements) == 1 or len(rows) > limit:
        return rows[:limit], limit, len(rows) > limit
    if rows or offset == 0:
        prefix_total = offset + len(rows)
    else:
        sql, params = fast.count_sql(statements[0])
        prefix_total = driver.execute(sql, tuple(params)).fetchone()[0]
    need = limit - len(rows)
    rows += run(statements[1], max(0, offset - prefix_total), need + 1)
    return rows[:limit], limit, len(rows) > limit


def _raw_page(uow: UnitOfWork, query: ParticipantQuery, *,
              portable: bool = False) -> tuple[list[Any], int, bool]:
    limit = max(1, min(query.limit, MAX_LIMIT))
    offset = max(0, query.offset)
    if not portable and uow.session.get_bind().dialect.name == "sqlite":
        return _raw_page_sqlite(uow, query, offset, limit)
    statements = search_statement(uow, query, portable=portable)
    if len(statements) == 1:
        rows = _fetch(uow, statements[0], offset, limit + 1)
        return rows[:limit], limit, len(rows) > limit
    prefix_stmt, word_stmt = statements
    rows = _fetch(uow, prefix_stmt, offset, limit + 1)
    if len(rows) > limit:
        return rows[:limit], limit, True
    if rows or offset == 0:
        prefix_total = offset + len(rows)
    else:  # the page starts past the prefix matches: count them once
        prefix_total = uow.session.scalar(select(func.count()).select_from(
            prefix_stmt.with_only_columns(P.c.id).order_by(None).subquery())) or 0
    need = limit - len(rows)
    rows += _fetch(uow, word_stmt, max(0, offset - prefix_total), need + 1)
    return rows[:limit], limit, len(rows) > limit


def search_participants(uow: UnitOfWork, query: ParticipantQuery, *,
                        portable: bool = False) -> Page[ParticipantRow]:
    """One page of participants matching `query` (NIK always masked). `portable` forces
    the engine-neutral SQLAlchemy path (what PostgreSQL runs) on SQLite, for tests."""
    uow.reader()
    rows, limit, has_more = _raw_page(uow, query, portable=portable)
    return Page(tuple(_row(r) for r in rows), max(0, query.offset), limit, has_more)


def iter_with_nik(uow: UnitOfWork, query: ParticipantQuery,
                  batch: int = 2000) -> Iterator[tuple[ParticipantRow, str]]:
    """(row, full NIK) of every match, for exports the caller has authorised and audited.
    The login and VIEW_FULL_NIK are checked at the call, before the first row is read."""
    uow.reader(Permission.VIEW_FULL_NIK)
    return _with_nik(uow, query, batch)


def _with_nik(uow: UnitOfWork, query: ParticipantQuery,
              batch: int) -> Iterator[tuple[ParticipantRow, str]]:
    offset = 0
    while True:
        rows, _, has_more = _raw_page(uow, ParticipantQuery(**{
            **query.__dict__, "offset": offset, "limit": batch}))
        for r in rows:
            yield _row(r), r[2]
        if not has_more:
            return
        offset += batch


def iter_participants(uow: UnitOfWork, query: ParticipantQuery,
                      batch: int = 2000) -> Iterator[ParticipantRow]:
    """Every participant matching `query`, in pages (export, batch cards); the login is
    checked at the call, before the first row is read."""
    uow.reader()
    return _every(uow, query, batch)


def _every(uow: UnitOfWork, query: ParticipantQuery, batch: int) -> Iterator[ParticipantRow]:
    offset = 0
    while True:
        page = search_participants(uow, ParticipantQuery(**{
            **query.__dict__, "offset": offset, "limit": batch}))
        yield from page.rows
        if not page.has_more:
            return
        offset += batch


def incomplete_participants(uow: UnitOfWork, *, partner_code: str | None = None,
                            village_code: str | None = None, offset: int = 0,
                            limit: int = 50) -> Page[IncompleteRow]:
    """Active participants whose record misses one of `registration.INCOMPLETE_FIELDS`
    (village, address, occupation), of one funding partner and/or under a village, district
    or regency code, by name. An unknown partner code is NotFound."""
    uow.reader()
    conds = _filters(uow, ParticipantQuery(partner_code=partner_code, status="aktif",
                                           village_code=village_code))
    gaps = or_(*(P.c[name] == "" for name in registration.INCOMPLETE_FIELDS))
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    stmt = _base().where(*conds, gaps).order_by(P.c.name_search, P.c.id)
    rows = _fetch(uow, stmt, offset, limit + 1)
    found = tuple(IncompleteRow(row, registration.missing_fields(
        village_code=row.village_code, address=row.address, occupation=row.occupation))
        for row in map(_row, rows[:limit]))
    return Page(found, offset, limit, len(rows) > limit)
