"""Hand-built xlsx files with exactly the XML a test needs (what a crafted file holds)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
          'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
          'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
          '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{sheets}</Types>')
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.'
               'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
         'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="xl/workbook.xml"/></Relationships>')
_BOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
         'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>')
_BOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
              'openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
_BOOK_REL = ('<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/'
             '2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>')
_SHEET = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
          'openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>{rows}</sheetData>'
          '</worksheet>')


def cell(ref: str, value: object) -> str:
    """One cell: numbers as stored numbers (the text given), text as an inline string."""
    if isinstance(value, str) and value.startswith("#n:"):
        return f'<c r="{ref}"><v>{value[3:]}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def sheet_xml(rows: dict[int, str], dimension: str | None = None) -> str:
    """`rows`: row number → the cells' XML."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    body = "".join(f'<row r="{n}">{cells}</row>' for n, cells in sorted(rows.items()))
    return _SHEET.format(dimension=dim, rows=body)


def write_xlsx(path: Path, sheets: dict[str, str], *, extra: dict[str, bytes] | None = None,
               compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """An xlsx with the given sheets (name → worksheet XML) and nothing else."""
    names = list(sheets)
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("[Content_Types].xml", _TYPES.format(sheets="".join(
            _SHEET_TYPE.format(n=i + 1) for i in range(len(names)))))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _BOOK.format(sheets="".join(
            f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
            for i, name in enumerate(names))))
        z.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS.format(rels="".join(
            _BOOK_REL.format(n=i + 1) for i in range(len(names)))))
        for i, name in enumerate(names):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", sheets[name])
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def far_cell_bomb(path: Path) -> Path:
    """The 1.7 KB list whose only cell sits at XFD1048576."""
    return write_xlsx(path, {"Sheet1": sheet_xml({1048576: cell("XFD1048576", "x")})})
