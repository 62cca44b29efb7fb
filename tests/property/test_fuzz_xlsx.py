"""Hostile participant lists: random cells, huge strings, formulas, empty rows, broken zips,
wrong sheets. Always an Indonesian message, never a crash, nothing written."""

from __future__ import annotations

import io
import random
import zipfile
from collections import Counter
from contextlib import suppress
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
from tests.support.hostile_xlsx import cell as xml_cell
from tests.support.hostile_xlsx import sheet_xml, write_xlsx
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


def test_list_on_the_second_sheet_is_found(maros, tmp_path):
    """Issue 17: a list behind an instructions sheet is read (it used to be refused with
    "Baris judul kolom tidak ditemukan")."""
    book = Workbook()
    book.active.title = "Petunjuk"
    book.active.append(["Isi daftar pada lembar berikutnya"])
    data = book.create_sheet("Daftar")
    data.append(list(HEADER))
    for row in pemda_rows(5):
        data.append(list(row))
    book.save(tmp_path / "dua-lembar.xlsx")
    report = _import(maros, tmp_path / "dua-lembar.xlsx")
    assert report.sheet == "Daftar" and report.imported == 5


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


# --- generated workbooks, written as a crafted file would be (hand-built XML) ----------------

HEADERS = [["NIK", "Nama"], ["N I K", "N A M A"], ["N.I.K.*", "Nama *"], ["No. KTP", "NAMA"],
           ["nik", "nama lengkap"], ["Nomor KTP Lama", "Nm Pekerja"]]
CONTROL = st.sampled_from(["\x00", "\x07", "\x1b", "\u202e", "\u2066", "\u200b", "\ufeff",
                           "\x85", "\u0085"])
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
NUMBER_TEXT = st.one_of(
    st.integers(2**53 - 50, 2**53 + 50).map(str),  # at and beyond 2^53
    st.integers(10**15, 10**16 - 1).map(str),  # 16 digits, provinces 10–99
    st.integers(9_100_000_000_000_000, 9_699_999_999_999_999).map(str),  # provinces 91–96
    st.integers(10**14, 10**16).map(lambda n: f"{n / 10**15:.14f}E+15"),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["7309014507850001", "9.17101050690003E+15", "NaN", "1e308", "-0",
                     "1E+99999", "9" * 40]))


def _xml_text(text: str) -> str:
    """Text as a cell holds it: XML-escaped, control characters as Excel's _xHHHH_."""
    from xml.sax.saxutils import escape

    return "".join(f"_x{ord(ch):04X}_" if ord(ch) < 32 or ord(ch) >= 0xFFFE else ch
                   for ch in escape(text))


@st.composite
def crafted_cells(draw) -> str:
    """One row's cells: inline strings with control characters, stored numbers, booleans,
    errors, formulas, dates as serials; references near A1 or anywhere up to XFD1048576."""
    cells = []
    for column in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["text", "control", "number", "bool", "error", "formula",
                                     "serial", "empty"]))
        ref = f"{'ABCDEFG'[column]}{{row}}"
        if kind == "text":
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{_xml_text(draw(TEXT))}</t></is>'
                         "</c>")
        elif kind == "control":
            text = draw(TEXT) + draw(CONTROL) + draw(TEXT)
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{_xml_text(text)}</t></is></c>')
        elif kind == "number":
            cells.append(f'<c r="{ref}"><v>{draw(NUMBER_TEXT)}</v></c>')
        elif kind == "bool":
            cells.append(f'<c r="{ref}" t="b"><v>{draw(st.sampled_from(["0", "1"]))}</v></c>')
        elif kind == "error":
            cells.append(f'<c r="{ref}" t="e"><v>#DIV/0!</v></c>')
        elif kind == "formula":
            cells.append(f'<c r="{ref}"><f>HYPERLINK("http://x","k")</f><v>0</v></c>')
        elif kind == "serial":
            cells.append(f'<c r="{ref}" s="0"><v>{draw(st.integers(-5, 3_000_000))}</v></c>')
        else:
            cells.append(f'<c r="{ref}"/>')
    return "".join(cells)


@st.composite
def crafted_sheets(draw) -> str:
    header = draw(st.sampled_from(HEADERS))
    rows = {1: "".join(xml_cell(f"{'AB'[i]}1", h) for i, h in enumerate(header))}
    for number in range(2, draw(st.integers(2, 8))):
        rows[number] = draw(crafted_cells()).replace("{row}", str(number))
    if draw(st.booleans()):  # one far cell: huge and sparse
        row = draw(st.sampled_from([9, 1000, 250_000, 250_001, 1_048_576]))
        column = draw(st.sampled_from(["A", "Z", "GR", "GS", "XFD"]))
        rows[row] = rows.get(row, "") + xml_cell(f"{column}{row}", "x")
    dimension = draw(st.sampled_from([None, None, "A1:B3", "A1:XFD1048576", "A1:GR15000",
                                      "B2", "A1:A250001"]))
    return sheet_xml(rows, dimension)


def _digits_in(xml: str) -> set[str]:
    """Every whole number the sheet's XML holds, written out (16 digits in a row, or the
    value of a stored number such as 7.309014507850001E+15)."""
    import re
    from decimal import Decimal, InvalidOperation

    found = set(re.findall(r"\d{16}", xml))
    for text in re.findall(r"<v>([^<]*)</v>", xml):
        with suppress(InvalidOperation, ValueError, OverflowError):
            value = Decimal(text)
            if value.is_finite() and value == value.to_integral_value():
                found.add(str(int(value)))
    return found


def _check_crafted(office, folder: Path, sheet: str) -> None:
    with office.uow("admin", write=False) as uow:
        before = set(uow.session.scalars(select(Participant.nik)))
    result = _import(office, write_xlsx(folder / "rakitan.xlsx", {"Daftar": sheet}))
    if isinstance(result, DomainError):
        return
    with office.uow("admin", write=False) as uow:
        added = set(uow.session.scalars(select(Participant.nik))) - before
    # every NIK imported is, digit for digit, one the file holds: never a rounded one
    assert added <= _digits_in(sheet)
    for row in result.rows:
        if row.status == "baru":
            assert not any(ch in row.name for ch in "\x00\x07\x1b\u202e\u2066\u200b")


@FUZZ
@given(sheet=crafted_sheets())
def test_crafted_workbooks(maros, tmp_path_factory, sheet):
    _check_crafted(maros, tmp_path_factory.mktemp("x"), sheet)


@pytest.mark.slow
@SLOW
@given(sheet=crafted_sheets())
def test_crafted_workbooks_many(maros, tmp_path_factory, sheet):
    _check_crafted(maros, tmp_path_factory.mktemp("x"), sheet)


def teardown_module() -> None:
    print(f"\nxlsx fuzz: {CASES['xlsx']} imports attempted")
