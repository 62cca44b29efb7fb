"""What a received sync file may hold, checked before anything is applied.

A signature says who sent a file, not that its content is sane: a trusted office's own
database can be edited directly and its key used to sign anything. So every part is
checked like typed input — office codes, clocks and sequence numbers within bounds, the
acknowledgement and knowledge parts in shape, and every value of every change against
its column (type, length, date, enumeration, no NUL or control characters). A failure
refuses the whole file (`malformed`), naming the part and the value.
"""

from __future__ import annotations

import base64
import math
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
)

from branch_desk.domain.agreements import STATUSES as AGREEMENT_STATUSES
from branch_desk.domain.claim_workflow import ClaimStatus
from branch_desk.domain.programs import Segment
from branch_desk.domain.text import text_problem
from branch_desk.sync.errors import SyncRejected, rejected
from branch_desk.sync.keys import OFFICE_CODE
from branch_desk.sync.merge import Change
from branch_desk.sync.policy import synced_tables

MAX_CLOCK = 2**53
"""Highest Lamport clock or sequence number a file may carry: far beyond any office's real
count of changes, and far below the 2**63 the columns hold, so adding to it never fails."""
INT32 = 2**31 - 1
INT64 = 2**63 - 1
ROW_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
OPS = ("insert", "update", "delete")
MAX_JSON_DEPTH = 20
ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("participants", "sex"): frozenset({"L", "P"}),
    ("participants", "segment"): frozenset(Segment),
    ("participants", "status"): frozenset({"aktif", "nonaktif"}),
    ("claims", "status"): frozenset(ClaimStatus),
    ("claim_events", "from_status"): frozenset({"", *ClaimStatus}),
    ("claim_events", "to_status"): frozenset({"", *ClaimStatus}),
    ("agreements", "status"): frozenset(AGREEMENT_STATUSES),
}
"""Columns whose value is one of a fixed set, as the services that write them accept."""


def malformed(message: str) -> SyncRejected:
    return rejected("malformed", f"Isi berkas tidak sah: {message}.")


def counter(value: Any, what: str, *, low: int = 0) -> int:
    """A clock, sequence number or count: an integer in [low, MAX_CLOCK]."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise malformed(f"{what} bukan bilangan bulat ({_shown(value)})")
    if not low <= value <= MAX_CLOCK:
        raise rejected("bounds", f"{what} di luar batas yang mungkin ({value}); berkas "
                       "ditolak karena kantor pengirim tidak mungkin memiliki nilai ini.")
    return value


def office_code(value: Any, what: str) -> str:
    if not isinstance(value, str) or not OFFICE_CODE.fullmatch(value):
        raise malformed(f"{what} bukan kode kantor yang sah ({_shown(value)})")
    return value


def timestamp(value: Any, what: str) -> datetime:
    """An ISO date and time with its zone."""
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None or not 1900 <= parsed.year <= 2200:
        raise malformed(f"{what} bukan tanggal dan jam yang sah ({_shown(value)})")
    return parsed


def vector(value: Any, what: str) -> dict[str, int]:
    """`{office: seq}` with valid codes and bounded numbers."""
    if not isinstance(value, dict):
        raise malformed(f"{what} bukan daftar kantor dan nomor urut")
    return {office_code(k, f"kode kantor dalam {what}"): counter(v, f"{what} untuk {k}")
            for k, v in value.items()}


def check_manifest(m: dict[str, Any]) -> None:
    """The manifest's codes, counters, date and ranges."""
    office_code(m["source"], "pengirim (manifest)")
    office_code(m["target"], "tujuan (manifest)")
    for key in ("serial", "source_head", "total", "frames"):
        counter(m[key], f"manifest '{key}'")
    timestamp(m.get("created_at"), "manifest 'created_at'")
    if not isinstance(m["file_id"], str) or not ROW_ID.fullmatch(m["file_id"]):
        raise malformed(f"nomor berkas tidak sah ({_shown(m['file_id'])})")
    ranges = m.get("ranges", {})
    if not isinstance(ranges, dict):
        raise malformed("manifest 'ranges' bukan daftar per kantor")
    for origin, span in ranges.items():
        office_code(origin, "kantor dalam manifest 'ranges'")
        if not isinstance(span, dict):
            raise malformed(f"rentang kantor {origin} dalam manifest tidak sah")
        low = counter(span.get("from"), f"awal rentang {origin}", low=1)
        high = counter(span.get("to"), f"akhir rentang {origin}", low=1)
        count = counter(span.get("count"), f"jumlah perubahan {origin}", low=1)
        if high < low or count > high - low + 1:
            raise malformed(f"rentang kantor {origin} dalam manifest tidak masuk akal")
    vector(m.get("acked_by_target", {}), "manifest 'acked_by_target'")
    digest = m.get("digest", {})
    if not isinstance(digest, dict) or not all(
            isinstance(t, str) and len(t) <= 60 and isinstance(d, dict)
            and set(d) == {"count", "hash"} and isinstance(d["hash"], str)
            and re.fullmatch(r"[0-9a-f]{64}", d["hash"]) and isinstance(d["count"], int)
            and not isinstance(d["count"], bool) and 0 <= d["count"] <= MAX_CLOCK
            for t, d in digest.items()):
        raise malformed("ringkasan data (manifest 'digest') tidak sah")


def check_ack(ack: Any, *, own_code: str, own_head: int) -> dict[str, int]:
    """The sender's vector; it cannot have received more of our changes than we made."""
    clean = vector(ack, "bagian pengakuan (ack.json)")
    if clean.get(own_code, 0) > own_head:
        raise rejected("bounds", f"Berkas mengaku sudah menerima perubahan kantor ini sampai "
                       f"#{clean[own_code]}, padahal kantor ini baru membuat {own_head}.")
    return clean


def check_knowledge(rows: Any) -> list[tuple[str, int, dict[str, int]]]:
    """Causal checkpoints `[[office, from_seq, vector], …]`."""
    if not isinstance(rows, list):
        raise malformed("bagian pengetahuan (knowledge.json) bukan daftar")
    result = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, list) or len(row) != 3:
            raise malformed(f"baris {i} bagian pengetahuan tidak lengkap")
        result.append((office_code(row[0], f"kantor baris {i} bagian pengetahuan"),
                       counter(row[1], f"nomor urut baris {i} bagian pengetahuan", low=1),
                       vector(row[2], f"vektor baris {i} bagian pengetahuan")))
    return result


def parse_change(item: Any, *, own_code: str, own_head: int) -> Change:
    """One change entry, its shape and identifying values checked (not yet its fields).

    A change of this office itself comes back only as an echo of one it made (at most
    `own_head`); the applier checks that it is identical."""
    if not isinstance(item, list) or len(item) != 9:
        raise malformed(f"entri perubahan tidak lengkap ({_shown(item)})")
    origin, seq, lamport, table, row_id, op, fields, at, username = item
    origin = office_code(origin, "kantor asal perubahan")
    where = f"perubahan {origin}#{_shown(seq)}"
    seq = counter(seq, f"nomor urut {where}", low=1)
    if origin == own_code and seq > own_head:
        raise rejected("own_origin", f"Berkas berisi perubahan {origin}#{seq} yang mengaku "
                       f"dibuat kantor ini sendiri, padahal kantor ini baru membuat {own_head} "
                       "perubahan: kantor lain tidak dapat membuatnya (atau kantor ini "
                       "dipulihkan dari cadangan lama).")
    lamport = counter(lamport, f"jam Lamport {where}")
    if not isinstance(table, str) or table not in synced_tables():
        raise rejected("local_table", f"{where} mengubah tabel '{_shown(table)}' yang tidak "
                       "pernah dikirim antar kantor (pengguna, kunci, pengaturan, kepercayaan "
                       "dan nomor urut tetap di kantor masing-masing).")
    if not isinstance(row_id, str) or not ROW_ID.fullmatch(row_id):
        raise malformed(f"id baris {where} tidak sah ({_shown(row_id)})")
    if op not in OPS:
        raise malformed(f"jenis {where} tidak dikenal ({_shown(op)})")
    if not (fields is None or isinstance(fields, dict)):
        raise malformed(f"isi {where} bukan daftar kolom")
    timestamp(at, f"waktu {where}")
    text(username, f"nama pengguna {where}", 64)
    return Change(origin, seq, lamport, table, row_id, op, fields, at, username)


def text(value: Any, what: str, length: int | None) -> str:
    if not isinstance(value, str):
        raise malformed(f"{what} bukan teks ({_shown(value)})")
    problem = text_problem(value, length=length)
    if problem is not None:
        raise malformed(f"{what} {problem}")
    return value


def field_problem(change: Change) -> str | None:
    """Why a value of `change` fails its column's check (as local input is checked), or
    None. A column unknown to this program refuses the file (`schema`)."""
    if not change.fields:
        return None
    checks = _checks(change.table)
    where = f"perubahan {change.origin}#{change.seq} ({change.table})"
    for key, value in change.fields.items():
        check = checks.get(key)
        if check is None:
            raise rejected("schema", f"Berkas berisi kolom {key} pada tabel '{change.table}' "
                           "yang tidak dikenal; perbarui Branch Desk.")
        try:
            check(value, f"kolom {key} {where}")
        except SyncRejected as exc:
            return exc.detail.removeprefix("Isi berkas tidak sah: ").rstrip(".")
    return None


@cache
def _checks(table_name: str) -> dict[str, Any]:
    table: Table = synced_tables()[table_name]
    return {c.key: _column_check(table_name, c) for c in table.columns}


def _column_check(table_name: str, column: Any) -> Any:
    kind = column.type
    impl = getattr(kind, "impl", None)
    choices = ENUMS.get((table_name, column.key))
    nullable = bool(column.nullable) or column.default is not None

    def check(value: Any, what: str) -> None:
        if value is None:
            if not nullable:
                raise malformed(f"{what} wajib diisi")
            return
        if isinstance(kind, DateTime) or isinstance(impl, DateTime):
            timestamp(value, what)
        elif isinstance(kind, Date):
            _date(value, what)
        elif isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise malformed(f"{what} bukan ya/tidak ({_shown(value)})")
        elif isinstance(kind, Integer | BigInteger):
            _integer(value, what, INT64 if isinstance(kind, BigInteger) else INT32)
        elif isinstance(kind, Numeric):
            _decimal(value, what, kind)
        elif isinstance(kind, LargeBinary):
            _binary(value, what)
        elif isinstance(kind, JSON):
            _json(value, what, 0)
        elif isinstance(kind, String | Text):
            text(value, what, getattr(kind, "length", None))
            if choices is not None and value not in choices:
                raise malformed(f"{what} bernilai '{value[:40]}', bukan salah satu dari "
                                f"{', '.join(sorted(choices))}")

    return check


def _date(value: Any, what: str) -> None:
    try:
        parsed = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or not 1900 <= parsed.year <= 2200:
        raise malformed(f"{what} bukan tanggal yang sah ({_shown(value)})")


def _integer(value: Any, what: str, bound: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not -bound <= value <= bound:
        raise malformed(f"{what} bukan bilangan bulat yang muat ({_shown(value)})")


def _decimal(value: Any, what: str, kind: Numeric) -> None:
    try:
        number = Decimal(value) if isinstance(value, str | int) and not isinstance(
            value, bool) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise malformed(f"{what} bukan angka ({_shown(value)})")
    precision, scale = kind.precision, kind.scale or 0
    if precision is not None:
        _sign, digits, exponent = number.as_tuple()
        if len(digits) + int(exponent) > precision - scale:
            raise malformed(f"{what} terlalu besar ({_shown(value)})")


def _binary(value: Any, what: str) -> None:
    try:
        if not isinstance(value, str):
            raise ValueError
        base64.b64decode(value, validate=True)
    except ValueError:
        raise malformed(f"{what} bukan data biner yang sah") from None


def _json(value: Any, what: str, depth: int) -> None:
    if depth > MAX_JSON_DEPTH:
        raise malformed(f"{what} bersarang terlalu dalam")
    if isinstance(value, str):
        if "\0" in value:
            raise malformed(f"{what} berisi karakter NUL")
    elif isinstance(value, dict):
        for k, v in value.items():
            _json(k, what, depth + 1)
            _json(v, what, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _json(v, what, depth + 1)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > INT64:
        raise malformed(f"{what} berisi bilangan terlalu besar")
    elif isinstance(value, float) and not math.isfinite(value):
        raise malformed(f"{what} berisi angka yang tidak terhingga")


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "…"
