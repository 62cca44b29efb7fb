"""Hostile participant lists: random cells, huge strings, formulas, empty rows, broken zips,
wrong sheets. Always an Indonesian message, never a crash, nothing written."""

from __future__ import annotations

import io
import random
import zipfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import func, select

from branch_desk.db.models.core import AuditEntry
from branch_desk.db.models.participants import Participant
from branch_desk.domain.errors import DomainError
from branch_desk.services.participants.importing import import_participants
from branch_desk.services.partners.registry import PartnerData, add_partner
from tests.support.messages import assert_indonesian
from tests.support.pemda_lists import HEADER, pemda_rows, write_pemda_list

CASES: Counter[str] = Counter()
TODAY = date(2025, 6, 16)
FUZZ = settings(max_examples=60, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow,
                                       HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=1500, deadline=None,
                suppress_health_check=[HealthCheck.too_slow,
                                       HealthCheck.function_scoped_fixture])
pytestmark = pytest.mark.sqlite_only

def _legal(text: str) -> str:
    """What an xlsx can hold (control characters cannot be stored in a worksheet)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


cell = st.one_of(
    st.none(), st.booleans(), st.integers(-10**18, 10**18),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40).map(_legal),
    st.text(min_size=1, max_size=3).map(lambda t: _legal(t) * 10_000),  # huge (≤ 32 767)
    st.sampled_from(["=1/0", "=A1", "=SUM(A:A)", "=HYPERLINK(\"http://x\")", "=NA()",
                     "'7309014505900001", "7309014505900001", "7.309014505900001E15",
                     "31/02/1990", "1990-13-45", "L", "P", "Perempuan", "73.09.01.2001"]),
    st.dates(date(1800, 1, 1), date(2100, 1, 1)),
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)),
)


@pytest.fixture
def maros(office):
    with office.uow("admin") as uow:
        add_partner(uow, data=PartnerData(code="PEMKAB-MAROS", name="Pemkab Maros",
                                          kind="pemkab", region_code="73.09"))
        uow.commit()
    return office


def _counts(office):
    with office.uow("admin", write=False) as uow:
        return (uow.session.scalar(select(func.count()).select_from(Participant)),
                uow.session.scalar(select(func.count()).select_from(AuditEntry)))


def _import(office, path: Path):
    """Import and commit; returns the report or the DomainError. Anything else fails."""
    CASES["xlsx"] += 1
    before = _counts(office)
    with office.uow("petugas") as uow:
        try:
            report = import_participants(uow, path, partner_code="PEMKAB-MAROS", dry_run=False,
                                         today=TODAY)
        except DomainError as exc:
            assert_indonesian(str(exc))
            assert _counts(office) == before
            return exc
        uow.commit()
    for row in report.rows:
        if row.status == "ditolak":
            assert_indonesian(row.message)
    participants, _ = _counts(office)
    assert participants == before[0] + report.imported
    if report.imported == 0:
        assert _counts(office)[0] == before[0]
    return report


def _sheet_file(path: Path, rows: list[list[object]], *, header: bool, blank_rows: int,
                title: str = "Daftar") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    if header:
        sheet.append(list(HEADER))
    for row in rows:
        sheet.append(row)
    if blank_rows:
        sheet.cell(row=sheet.max_row + blank_rows, column=1, value=" ")
    book.save(path)
    return path


@FUZZ
@given(rows=st.lists(st.lists(cell, max_size=14), max_size=12), header=st.booleans(),
       blank_rows=st.sampled_from([0, 0, 50, 3000]))
def test_random_cells(maros, tmp_path_factory, rows, header, blank_rows):
    path = tmp_path_factory.mktemp("x") / "acak.xlsx"
    result = _import(maros, _sheet_file(path, rows, header=header, blank_rows=blank_rows))
    if not header:
        assert isinstance(result, DomainError)


@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes(maros, tmp_path_factory, data):
    path = tmp_path_factory.mktemp("x") / "acak.xlsx"
    path.write_bytes(data)
    assert isinstance(_import(maros, path), DomainError)


def _valid_bytes(tmp_path: Path) -> bytes:
    return write_pemda_list(tmp_path / "baik.xlsx", pemda_rows(20)).read_bytes()


@FUZZ
@given(cut=st.floats(0, 0.999), flips=st.lists(st.integers(0, 10**9), min_size=1, max_size=8),
       mode=st.sampled_from(["truncate", "flip"]))
def test_broken_zip(maros, tmp_path_factory, cut, flips, mode):
    folder = tmp_path_factory.mktemp("x")
    data = bytearray(_valid_bytes(folder))
    if mode == "truncate":
        data = data[:int(len(data) * cut)]
    else:
        for f in flips:
            data[f % len(data)] ^= 1 << (f % 8)
    path = folder / "rusak.xlsx"
    path.write_bytes(bytes(data))
    result = _import(maros, path)
    if isinstance(result, DomainError):
        return
    # a flip that spared the data leaves a readable list: valid rows may be imported
    assert result.imported + result.already_present + result.rejected <= 20


def test_wrong_first_sheet(maros, tmp_path):
    book = Workbook()
    book.active.title = "Petunjuk"
    book.active.append(["Isi daftar pada lembar berikutnya"])
    data = book.create_sheet("Daftar")
    data.append(list(HEADER))
    for row in pemda_rows(5):
        data.append(list(row))
    book.save(tmp_path / "dua-lembar.xlsx")
    error = _import(maros, tmp_path / "dua-lembar.xlsx")
    assert isinstance(error, DomainError) and "judul kolom" in str(error)


@pytest.mark.parametrize("content", [b"", b"NIK;Nama\n7309014505900001;Siti\n",
                                     b"PK\x03\x04" + b"\0" * 100])
def test_not_an_xlsx(maros, tmp_path, content):
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(content)
    assert isinstance(_import(maros, path), DomainError)


def test_zip_without_workbook_and_zip_bomb_member(maros, tmp_path):
    plain = tmp_path / "bukan.xlsx"
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("hello.txt", "halo")
    assert isinstance(_import(maros, plain), DomainError)
    bomb = tmp_path / "bom.xlsx"
    buffer = io.BytesIO(_valid_bytes(tmp_path))
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            z.writestr(item, src.read(item.filename))
        z.writestr("xl/media/bom.bin", b"\0" * 50_000_000)
    _import(maros, bomb)


def test_valid_rows_among_garbage_are_imported_once(maros, tmp_path):
    rng = random.Random(3)
    rows = [list(r) for r in pemda_rows(10)]
    for row in rows[::3]:
        row[1] = rng.choice(["=1/0", "", "12345", None, "x" * 30_000])
    path = _sheet_file(tmp_path / "campur.xlsx", rows, header=True, blank_rows=2000)
    first = _import(maros, path)
    assert first.imported == 6 and first.rejected == 4
    second = _import(maros, path)
    assert second.imported == 0 and second.already_present == 6


@pytest.mark.slow
@SLOW
@given(rows=st.lists(st.lists(cell, max_size=14), max_size=40), header=st.booleans(),
       blank_rows=st.sampled_from([0, 10, 5000]))
def test_random_cells_many(maros, tmp_path_factory, rows, header, blank_rows):
    path = tmp_path_factory.mktemp("x") / "acak.xlsx"
    _import(maros, _sheet_file(path, rows, header=header, blank_rows=blank_rows))


def teardown_module() -> None:
    print(f"\nxlsx fuzz: {CASES['xlsx']} imports attempted")
