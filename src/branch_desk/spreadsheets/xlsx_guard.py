"""Checks an xlsx before the spreadsheet library parses it, so that no file can take the
process down (a 1.7 KB file whose only cell sits at XFD1048576 makes python-calamine try to
allocate 549 GB and abort).

Before parsing: the number of zip entries and the size each entry declares; the real
(decompressed) size of every part the parser reads, counted while streaming with a ceiling;
the declared dimension; the shared-strings count; and, in one streaming pass over the sheet,
the number of cells and the row and column extent the parser will allocate (it allocates
rows × columns from A1). The pass stops as soon as a ceiling is passed, and holds one
chunk at a time, so the check itself needs little memory. The parser is only started when
its table fits the cell ceiling, which is what bounds its memory.

The same pass keeps the stored text of long numbers (a NIK typed as a number): the parser
returns them as floats, which cannot hold 16 digits above 2^53.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from xml.etree import ElementTree

from branch_desk.domain.errors import ValidationError


@dataclass(frozen=True)
class Limits:
    """The ceilings a list must stay under (documented in docs/spreadsheets.md)."""

    file_bytes: int = 100 * 2**20  # the xlsx on disk
    entries: int = 2_000  # zip entries
    part_bytes: int = 256 * 2**20  # any one part, decompressed (sheet XML)
    shared_strings_bytes: int = 128 * 2**20
    other_part_bytes: int = 16 * 2**20  # workbook, relationships, styles
    rows: int = 250_000
    columns: int = 200
    cells: int = 3_000_000  # rows × columns of the table the parser builds
    shared_strings: int = 3_000_000


LIMITS = Limits()
_CHUNK = 1 << 20
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Every cell start tag as the writers of this world write it (`<c r="B7"`), and any other
# spelling of a cell tag (an empty match: attributes in another order, no reference, …);
# a prefixed tag (`<x:c`) anywhere; a long stored value (`<v>9171010506900031</v>`).
_CELL = re.compile(rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})"|(?=[\s>/]))')
_PREFIXED = re.compile(rb':c[\s>/]')
_LONG_VALUE = re.compile(rb'<v>([^<]{15,40})</v>')
_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_DIMENSION = re.compile(rb'<(?:[\w.-]+:)?dimension\s[^>]*ref\s*=\s*["\']([^"\']*)["\']')
_UNIQUE = re.compile(rb'<(?:[\w.-]+:)?sst\b[^>]*?(?:uniqueCount|count)\s*=\s*["\'](\d+)["\']')
_SI_TAGS = tuple(p + b"si" + s for p in (b"<", b":") for s in (b">", b" ", b"/", b"\t", b"\n",
                                                                  b"\r"))


class LimitError(ValidationError):
    """The file is over one of the documented limits."""


@dataclass
class SheetScan:
    """What the streaming pass found in one worksheet."""

    rows: int = 0  # the last row the parser will allocate
    columns: int = 0  # the last column
    cells: int = 0  # cell elements
    # (0-based row, 0-based column) → stored text of a long number (15–40 characters)
    stored_numbers: dict[tuple[int, int], str] = field(default_factory=dict)


def column_index(letters: bytes | str) -> int:
    """1-based column number of ``"A"`` … ``"XFD"``."""
    number = 0
    for ch in letters.encode() if isinstance(letters, str) else letters:
        number = number * 26 + ch - 64
    return number


def _refuse(name: str, what: str) -> LimitError:
    return LimitError(f"Berkas '{name}' tidak diproses: {what}. Pecah daftar menjadi beberapa "
                      "berkas atau simpan ulang hanya baris dan kolom yang berisi data.",
                      field="file")


class GuardedXlsx:
    """An opened xlsx whose structure has been checked; `scan(sheet)` checks one sheet."""

    def __init__(self, path: Path, limits: Limits = LIMITS) -> None:
        self.limits, self.name = limits, path.name
        size = path.stat().st_size
        if size > limits.file_bytes:
            raise _refuse(self.name, f"ukurannya {size / 2**20:.0f} MB, batasnya "
                                     f"{limits.file_bytes // 2**20} MB")
        # The bytes checked are the bytes parsed: the file is read once, so replacing it
        # between the check and the parse changes nothing.
        self.data = path.read_bytes()[:limits.file_bytes + 1]
        if len(self.data) > limits.file_bytes:
            raise _refuse(self.name, f"ukurannya lebih dari {limits.file_bytes // 2**20} MB")
        self.zip = zipfile.ZipFile(io.BytesIO(self.data))
        infos = self.zip.infolist()
        if len(infos) > limits.entries:
            raise _refuse(self.name, f"berisi {len(infos):,} bagian, batasnya "
                                     f"{limits.entries:,}".replace(",", "."))
        self.infos = {info.filename: info for info in infos}
        for info in infos:
            if info.file_size > limits.part_bytes:
                raise _refuse(self.name, f"bagian '{info.filename}' berukuran "
                                         f"{info.file_size / 2**20:.0f} MB setelah dibuka, "
                                         f"batasnya {limits.part_bytes // 2**20} MB")
        self.sheets = self._sheet_parts()
        strings = self._find_part("xl/sharedstrings.xml")
        if strings:
            self._check_shared_strings(strings)
        for part in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                     "[content_types].xml"):
            found = self._find_part(part)
            if found:
                self._read_all(found, limits.other_part_bytes)

    def close(self) -> None:
        self.zip.close()

    def _find_part(self, lower: str) -> str | None:
        return next((name for name in self.infos if name.lower() == lower), None)

    def _stream(self, part: str, ceiling: int) -> Iterator[bytes]:
        """The decompressed bytes of `part` in chunks; refuses past `ceiling` bytes, whatever
        size the zip directory declares."""
        total = 0
        try:
            with self.zip.open(part) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    if total > ceiling:
                        raise _refuse(self.name, f"bagian '{part}' lebih dari "
                                                 f"{ceiling // 2**20} MB setelah dibuka")
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
                RuntimeError, ValueError):
            raise ValidationError(f"Berkas '{self.name}' rusak: bagian '{part}' tidak dapat "
                                  "dibuka. Minta Pemda mengirim ulang berkasnya.",
                                  field="file") from None

    def _read_all(self, part: str, ceiling: int) -> bytes:
        return b"".join(self._stream(part, ceiling))

    def _sheet_parts(self) -> dict[str, str]:
        """Sheet name → part, in workbook order."""
        book = self._find_part("xl/workbook.xml")
        rels = self._find_part("xl/_rels/workbook.xml.rels")
        if not book or not rels:
            raise ValidationError(f"Berkas '{self.name}' bukan buku kerja Excel (xlsx): bagian "
                                  "workbook tidak ada.", field="file")
        try:
            targets = {
                rel.get("Id"): rel.get("Target", "")
                for rel in ElementTree.fromstring(self._read_all(
                    rels, self.limits.other_part_bytes)).iter(f"{_PKG_REL}Relationship")}
            root = ElementTree.fromstring(self._read_all(book, self.limits.other_part_bytes))
        except ElementTree.ParseError:
            raise ValidationError(f"Berkas '{self.name}' rusak: daftar lembarnya tidak dapat "
                                  "dibaca.", field="file") from None
        sheets: dict[str, str] = {}
        for sheet in root.iter(f"{_MAIN}sheet"):
            target = targets.get(sheet.get(f"{_REL}id"), "")
            part = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
            sheets[sheet.get("name", "")] = self._find_part(part.lower()) or part
        return sheets

    def _check_shared_strings(self, part: str) -> None:
        limit, count, first = self.limits.shared_strings, 0, True
        for chunk in self._stream(part, self.limits.shared_strings_bytes):
            if first and (declared := _UNIQUE.search(chunk)) and int(declared[1]) > limit:
                raise _refuse(self.name, f"menyatakan {int(declared[1]):,} teks bersama, "
                                         f"batasnya {limit:,}".replace(",", "."))
            first = False
            count += sum(chunk.count(tag) for tag in _SI_TAGS)
            if count > limit:
                raise _refuse(self.name, f"berisi lebih dari {limit:,} teks bersama"
                              .replace(",", "."))

    def scan(self, sheet: str) -> SheetScan:
        """Stream the sheet's XML once: its declared dimension, cell count, extent and the
        stored text of long numbers; refuses as soon as a limit is passed."""
        part = self.sheets.get(sheet)
        if part is None or part not in self.infos:
            raise ValidationError(f"Lembar '{sheet}' tidak ada pada berkas '{self.name}'.",
                                  field="sheet")
        scan, tail, first, fast = SheetScan(), b"", True, True
        for data in self._stream(part, self.limits.part_bytes):
            data = tail + data
            cut = data.rfind(b"<")
            if cut <= 0:
                tail = data
                continue
            chunk, tail = data[:cut], data[cut:]
            if first:
                self._check_dimension(chunk, sheet)
                first = False
            if not self._cells(chunk, scan, sheet):
                fast = False
                break
        if fast and tail and not self._cells(tail, scan, sheet):
            fast = False
        if not fast:
            # A cell the fast pass cannot place (no reference, attributes in another order,
            # a namespace prefix): the parser puts a cell without a reference after the
            # previous one, so the exact pass places every cell as it does.
            scan = self._exact_scan(part, sheet)
        return scan

    def _check_dimension(self, chunk: bytes, sheet: str) -> None:
        match = _DIMENSION.search(chunk)
        if not match:
            return
        last = match[1].split(b":")[-1]
        ref = re.fullmatch(rb"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})", last)
        if ref:
            self._check_extent(column_index(ref[1].upper()), int(ref[2]), sheet, "menyatakan")

    def _check_extent(self, columns: int, rows: int, sheet: str, verb: str = "memakai") -> None:
        limits = self.limits
        where = f"lembar '{sheet}' {verb} sampai baris {rows:,} dan kolom {columns:,}"
        if rows > limits.rows:
            raise _refuse(self.name, f"{where}; batasnya {limits.rows:,} baris"
                          .replace(",", "."))
        if columns > limits.columns:
            raise _refuse(self.name, f"{where}; batasnya {limits.columns:,} kolom"
                          .replace(",", "."))
        if rows * columns > limits.cells:
            raise _refuse(self.name, f"{where} ({rows * columns:,} sel); batasnya "
                                     f"{limits.cells:,} sel".replace(",", "."))

    def _cells(self, chunk: bytes, scan: SheetScan, sheet: str) -> bool:
        """Count and place the cells of one chunk; False when one is written in a way this
        pass cannot place."""
        found = _CELL.findall(chunk)
        if _PREFIXED.search(chunk):
            return False
        if not found:
            return True
        letters = set(map(_FIRST, found))
        if b"" in letters:
            return False
        scan.cells += len(found)
        scan.columns = max(scan.columns, max(map(column_index, letters)))
        scan.rows = max(scan.rows, max(map(int, set(map(_SECOND, found)))))
        self._check_extent(scan.columns, scan.rows, sheet)
        if scan.cells > self.limits.cells:
            raise _refuse(self.name, f"lembar '{sheet}' berisi lebih dari "
                                     f"{self.limits.cells:,} sel".replace(",", "."))
        for value in _LONG_VALUE.finditer(chunk):  # rare: NIKs typed as numbers
            ref = _REF.match(chunk, chunk.rfind(b"<c ", 0, value.start()))
            if ref:
                scan.stored_numbers[(int(ref[2]) - 1, column_index(ref[1]) - 1)] = \
                    value[1].decode()
        return True

    def _exact_scan(self, part: str, sheet: str) -> SheetScan:
        """Place every cell as the parser does (a cell without `r` follows the previous one,
        a row without `r` follows the previous row), with the same ceilings."""
        import xml.parsers.expat

        scan, state = SheetScan(), {"row": 0, "col": 0, "value": None, "pos": None}

        def start(name: str, attrs: dict[str, str]) -> None:
            local = name.rsplit(":", 1)[-1]
            if local == "row":
                state["row"] = int(attrs["r"]) if attrs.get("r", "").isdigit() else \
                    state["row"] + 1
                state["col"] = 0
            elif local == "c":
                ref = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})", attrs.get("r", ""))
                if ref:
                    state["col"], state["row"] = column_index(ref[1].upper()), int(ref[2])
                else:
                    state["col"] += 1
                scan.cells += 1
                if state["row"] > scan.rows or state["col"] > scan.columns:
                    scan.rows, scan.columns = max(scan.rows, state["row"]), max(scan.columns,
                                                                                state["col"])
                    self._check_extent(scan.columns, scan.rows, sheet)
                if scan.cells > self.limits.cells:
                    raise _refuse(self.name, f"lembar '{sheet}' berisi lebih dari "
                                             f"{self.limits.cells:,} sel".replace(",", "."))
                state["pos"] = (state["row"] - 1, state["col"] - 1)
            elif local == "v":
                state["value"] = []

        def text(data: str) -> None:
            if state["value"] is not None:
                state["value"].append(data)

        def end(name: str) -> None:
            if name.rsplit(":", 1)[-1] == "v" and state["value"] is not None:
                value = "".join(state["value"]).strip()
                if 15 <= len(value) <= 40 and state["pos"] is not None:
                    scan.stored_numbers[state["pos"]] = value
                state["value"] = None

        parser = xml.parsers.expat.ParserCreate()
        parser.StartElementHandler, parser.EndElementHandler = start, end
        parser.CharacterDataHandler = text
        try:
            for chunk in self._stream(part, self.limits.part_bytes):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except xml.parsers.expat.ExpatError:
            raise ValidationError(f"Berkas '{self.name}' rusak: lembar '{sheet}' bukan XML "
                                  "yang sah.", field="file") from None
        return scan
