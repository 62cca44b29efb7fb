"""Reading the rows of a spreadsheet a regional government sends, whatever it is: xlsx
(python-calamine, behind `xlsx_guard`), Excel 97–2003 xls (xlrd, with its own ceilings), CSV
(`;` or `,`). The kind is told from the content, not the name: an xls renamed .xlsx is read
as xls; a password-protected workbook gets a message that says so.

Cells come back as Python values (str, float, int, date, datetime, bool, None). A number
whose stored text is long (a NIK typed as a number) comes back as `StoredNumber`, the text as
written in the file, because a float cannot hold 16 digits above 2^53.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from branch_desk.domain.errors import ValidationError
from branch_desk.spreadsheets.xlsx_guard import LIMITS, GuardedXlsx, LimitError

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2 compound file: xls, or an encrypted xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
XLS_BYTES = 20 * 2**20
CSV_BYTES = 50 * 2**20


class StoredNumber(str):
    """A number cell's text exactly as stored in the file (e.g. ``9171010506900031`` or
    ``9.17101050690003E+15``), never passed through a float."""


def _unreadable(name: str, kind: str, detail: str = "") -> ValidationError:
    why = f" ({detail})" if detail else ""
    return ValidationError(f"Berkas '{name}' tidak dapat dibaca sebagai {kind}{why}. Buka di "
                           "Excel lalu simpan ulang sebagai Excel Workbook (.xlsx).",
                           field="file")


class SourceBook:
    """An opened list: its sheet names (in order) and the rows of each sheet."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.name = self.path.name
        try:
            with self.path.open("rb") as handle:
                head = handle.read(8)
        except OSError as exc:
            raise ValidationError(f"Berkas '{self.name}' tidak dapat dibuka: "
                                  f"{exc.strerror or 'tidak terbaca'}.", field="file") from None
        self.kind = ("xlsx" if head.startswith(b"PK\x03\x04") else
                     "cfb" if head == _CFB else
                     "csv" if self.path.suffix.lower() in (".csv", ".txt") else "unknown")
        self._xlsx: GuardedXlsx | None = None
        self._xls: Any = None
        if self.kind == "xlsx":
            self._xlsx = _guarded(self.path)
            self.sheets = list(self._xlsx.sheets)
        elif self.kind == "cfb":
            self._open_cfb()
        elif self.kind == "csv":
            self.sheets = [self.path.stem]
        else:
            raise _unreadable(self.name, "xlsx, xls atau CSV", "isinya bukan lembar kerja")
        if not self.sheets:
            raise _unreadable(self.name, "lembar kerja", "tidak ada lembar")

    def close(self) -> None:
        if self._xlsx is not None:
            self._xlsx.close()
        if self._xls is not None:
            self._xls.release_resources()

    def __enter__(self) -> SourceBook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self, sheet: str) -> list[list[Any]]:
        """Every row of `sheet` from A1, as a rectangle of cells."""
        if sheet not in self.sheets:
            raise ValidationError(f"Lembar '{sheet}' tidak ada pada berkas '{self.name}'; "
                                  f"lembar yang ada: {', '.join(self.sheets)}.", field="sheet")
        reader: Callable[[str], list[list[Any]]] = {
            "xlsx": self._xlsx_rows, "cfb": self._xls_rows, "csv": self._csv_rows}[self.kind]
        return reader(sheet)

    # --- xlsx -------------------------------------------------------------------------------

    def _xlsx_rows(self, sheet: str) -> list[list[Any]]:
        from python_calamine import CalamineWorkbook

        assert self._xlsx is not None
        scan = self._xlsx.scan(sheet)  # refuses before the parser allocates anything
        if scan.cells == 0:
            return []
        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(self._xlsx.data))
            try:
                cells = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            finally:
                book.close()
        except BaseException as exc:  # calamine raises several types, and panics
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            raise _unreadable(self.name, "xlsx") from None
        for (row, column), text in scan.stored_numbers.items():
            if row < len(cells) and column < len(cells[row]) and \
                    isinstance(cells[row][column], float):
                cells[row][column] = StoredNumber(text)
        return cells

    # --- xls --------------------------------------------------------------------------------

    def _open_cfb(self) -> None:
        size = self.path.stat().st_size
        if size > XLS_BYTES:
            raise LimitError(f"Berkas '{self.name}' tidak diproses: ukurannya "
                             f"{size / 2**20:.0f} MB, batas berkas xls {XLS_BYTES // 2**20} MB. "
                             "Simpan ulang sebagai .xlsx.", field="file")
        data = self.path.read_bytes()
        if _ENCRYPTED in data:
            raise ValidationError(f"Berkas '{self.name}' dilindungi kata sandi (terenkripsi) "
                                  "sehingga tidak dapat dibaca. Minta Pemda mengirim berkas "
                                  "tanpa kata sandi, atau buka di Excel dengan kata sandinya "
                                  "lalu simpan tanpa kata sandi.",
                                  field="file")
        import xlrd

        try:
            self._xls = xlrd.open_workbook(file_contents=data, on_demand=True, ragged_rows=True,
                                           logfile=io.StringIO())  # not onto stdout (--json)
            self.sheets = list(self._xls.sheet_names())
        except xlrd.biffh.XLRDError as exc:
            if "encrypted" in str(exc).lower():
                raise ValidationError(f"Berkas '{self.name}' dilindungi kata sandi sehingga tidak "
                                      "dapat dibaca. Simpan ulang di Excel tanpa kata sandi.",
                                      field="file") from None
            raise _unreadable(self.name, "xls (Excel 97–2003)") from None
        except Exception:  # xlrd raises many types on a damaged file
            raise _unreadable(self.name, "xls (Excel 97–2003)") from None

    def _xls_rows(self, sheet: str) -> list[list[Any]]:
        import xlrd

        try:
            data = self._xls.sheet_by_name(sheet)
        except Exception:  # a damaged sheet
            raise _unreadable(self.name, "xls (Excel 97–2003)") from None
        width = max((data.row_len(r) for r in range(data.nrows)), default=0)
        _check_table(self.name, sheet, data.nrows, width)
        mode = self._xls.datemode
        rows = []
        for r in range(data.nrows):
            row: list[Any] = [None] * width
            for c, cell in enumerate(data.row(r)):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    try:
                        row[c] = xlrd.xldate_as_datetime(cell.value, mode)
                    except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                        row[c] = cell.value
                elif cell.ctype in (xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER):
                    row[c] = cell.value
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    row[c] = bool(cell.value)
            rows.append(row)
        return rows

    # --- csv --------------------------------------------------------------------------------

    def _csv_rows(self, sheet: str) -> list[list[Any]]:
        size = self.path.stat().st_size
        if size > CSV_BYTES:
            raise LimitError(f"Berkas '{self.name}' tidak diproses: ukurannya "
                             f"{size / 2**20:.0f} MB, batas berkas CSV {CSV_BYTES // 2**20} MB.",
                             field="file")
        data = self.path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
        first = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = max((";", ",", "\t"), key=first.count)
        rows: list[list[Any]] = []
        width = 0
        try:
            for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
                rows.append([value if value.strip() else None for value in record])
                width = max(width, len(record))
                _check_table(self.name, sheet, len(rows), width)
        except csv.Error:
            raise _unreadable(self.name, "CSV") from None
        return [row + [None] * (width - len(row)) for row in rows]


def _guarded(path: Path) -> GuardedXlsx:
    import zipfile

    try:
        return GuardedXlsx(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
            OSError, RuntimeError, ValueError):
        raise _unreadable(path.name, "xlsx", "arsip zip rusak") from None


def _check_table(name: str, sheet: str, rows: int, columns: int) -> None:
    if rows > LIMITS.rows or columns > LIMITS.columns or rows * columns > LIMITS.cells:
        raise LimitError(
            f"Berkas '{name}' tidak diproses: lembar '{sheet}' memakai {rows:,} baris dan "
            f"{columns:,} kolom; batasnya {LIMITS.rows:,} baris, {LIMITS.columns:,} kolom dan "
            f"{LIMITS.cells:,} sel.".replace(",", "."), field="file")

