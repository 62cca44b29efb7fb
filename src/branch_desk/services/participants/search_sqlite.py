"""The SQLite fast path of participant search: hand-written SQL run on the driver.

Same rows, same order as the portable SQLAlchemy statements of `participants.queries`
(a test compares both), minus SQLAlchemy's per-call overhead, which at 1,000,000 rows
is most of the time a first page takes. Uses `rowid` (every index ends in it, so an
index walk needs no extra sort) and the FTS5 table `participants_fts` (migration 0002).
"""

from __future__ import annotations

from typing import Any

from branch_desk.domain.text import prefix_bounds

COLUMNS = ("p.id, p.kpj, p.nik, p.name, p.birth_date, p.sex, p.village_code, p.address, "
           "p.phone, p.occupation, p.segment, p.funding_source, pt.code, p.programs, p.income, "
           "p.tmt, p.registered_on, p.status, p.status_reason, p.version")
FROM = "FROM participants p LEFT JOIN partners pt ON pt.id = p.partner_id"
SORT_SQL = {"name": "p.name_search", "kpj": "p.kpj", "nik": "p.nik",
            "birth_date": "p.birth_date", "village": "p.village_code",
            "registered_on": "p.registered_on", "segment": "p.segment"}

Statement = tuple[str, list[Any]]


def filters(*, segment: str | None, program: str | None, partner_id: str | None,
            status: str | None, village: tuple[str, str] | None) -> tuple[list[str], list[Any]]:
    """WHERE fragments and their parameters; `village` is (low, high) or (code, "")."""
    where, params = ["p.deleted = 0"], []
    if segment:
        where.append("p.segment = ?")
        params.append(segment)
    if program:
        where.append("(' ' || p.programs || ' ') LIKE ?")
        params.append(f"% {program} %")
    if partner_id:
        where.append("p.partner_id = ?")
        params.append(partner_id)
    if status:
        where.append("p.status = ?")
        params.append(status)
    if village:
        low, high = village
        if high:
            where.append("p.village_code >= ? AND p.village_code < ?")
            params += [low, high]
        else:
            where.append("p.village_code = ?")
            params.append(low)
    return where, params


def _select(where: list[str], order: str) -> str:
    return f"SELECT {COLUMNS} {FROM} WHERE {' AND '.join(where)} ORDER BY {order}"


def _order(sort: str, descending: bool, default: str) -> str:
    column = SORT_SQL[sort] if sort else default
    direction = " DESC" if descending else ""
    return f"{column}{direction}, p.rowid{direction}"


def statements(where: list[str], params: list[Any], *, kind: str, term: str, sort: str,
               descending: bool) -> list[Statement]:
    """`kind`: "all", "digits" (NIK prefix, KPJ if 11 digits) or "name" (folded text)."""
    if kind == "all":
        return [(_select(where, _order(sort, descending, "p.name_search")), params)]
    if kind == "digits":
        low, high = prefix_bounds(term)
        match, extra = "(p.nik >= ? AND p.nik < ?)", [low, high]
        if len(term) == 11:
            match, extra = f"({match} OR p.kpj = ?)", [low, high, term]
        return [(_select([*where, match], _order(sort, descending, "p.nik")), params + extra)]
    low, high = prefix_bounds(term)
    prefix = "(p.name_search >= ? AND p.name_search < ?)"
    fts = " ".join(f'"{w}"' for w in term.split())
    words = "p.rowid IN (SELECT rowid FROM participants_fts WHERE participants_fts MATCH ?)"
    if sort:
        return [(_select([*where, f"({prefix} OR {words})"], _order(sort, descending, "")),
                 [*params, low, high, fts])]
    return [(_select([*where, prefix], "p.name_search, p.rowid"), [*params, low, high]),
            (_select([*where, words, f"NOT {prefix}"], "p.rowid"), [*params, fts, low, high])]


def count_sql(statement: Statement) -> Statement:
    sql, params = statement
    body = sql[sql.index(" FROM "):sql.rindex(" ORDER BY ")]
    return f"SELECT count(*){body}", params
