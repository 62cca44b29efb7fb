"""The PKS (perjanjian kerja sama) PDF, built from editable article templates.

Texts live in `resources/templates/pks/` (one file per Pasal, `{placeholders}` filled from
the database); an office may keep edited copies of any file in its own folder, searched
first, so wording changes need no code. Every page carries "Halaman x dari y", both
document numbers and a paraf box for both parties.
"""

from __future__ import annotations

import io
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from branch_desk.documents.base import draw_qr
from branch_desk.documents.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, register_fonts
from branch_desk.domain.errors import ValidationError
from branch_desk.domain.resources_path import resource_path

_ARTICLE = re.compile(r"pasal_(\d+)_.*\.txt")


def packaged_dir() -> Path:
    return resource_path("templates", "pks")


@dataclass(frozen=True)
class Article:
    """One Pasal: its heading and its paragraphs (ayat/butir lines kept as written)."""

    heading: str
    paragraphs: tuple[str, ...]


class Templates:
    """Reads template files from the given folders, the first holding a file wins."""

    def __init__(self, dirs: Sequence[Path] = ()) -> None:
        self.dirs = [Path(d) for d in dirs if d] + [packaged_dir()]

    def path(self, name: str) -> Path:
        for folder in self.dirs:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        raise ValidationError(f"Naskah templat '{name}' tidak ditemukan.", field="template")

    def lines(self, name: str) -> list[str]:
        text = self.path(name).read_text(encoding="utf-8")
        return [ln.rstrip() for ln in text.splitlines() if not ln.lstrip().startswith("#")]

    def paragraphs(self, name: str) -> list[str]:
        """Blocks separated by blank lines, each joined into one line per source line."""
        blocks: list[list[str]] = [[]]
        for line in self.lines(name):
            if line.strip():
                blocks[-1].append(line.strip())
            elif blocks[-1]:
                blocks.append([])
        return ["\n".join(b) for b in blocks if b]

    def article_names(self) -> list[str]:
        """Article files (`pasal_NN_*.txt`) in number order; an override may add more."""
        names: dict[str, int] = {}
        for folder in self.dirs:
            if folder.is_dir():
                for p in folder.iterdir():
                    match = _ARTICLE.fullmatch(p.name)
                    if match and p.name not in names:
                        names[p.name] = int(match.group(1))
        return sorted(names, key=lambda n: (names[n], n))

    def articles(self, values: Mapping[str, str]) -> list[Article]:
        result = []
        for name in self.article_names():
            lines = [ln.strip() for ln in self.lines(name) if ln.strip()]
            if not lines:
                continue
            result.append(Article(fill(lines[0], values, name),
                                  tuple(fill(ln, values, name) for ln in lines[1:])))
        return result


class _Strict(dict[str, str]):
    def __init__(self, values: Mapping[str, str], name: str) -> None:
        super().__init__(values)
        self.name = name

    def __missing__(self, key: str) -> str:
        raise ValidationError(f"Isian '{{{key}}}' pada naskah '{self.name}' tidak dikenal; "
                              "periksa ejaannya (lihat README.md di folder templat).",
                              field="template")


def fill(text: str, values: Mapping[str, str], name: str = "") -> str:
    """`text` with `{placeholders}` replaced; an unknown placeholder is a clear error."""
    try:
        return string.Formatter().vformat(text, (), _Strict(values, name))
    except (ValueError, IndexError) as exc:
        raise ValidationError(f"Naskah '{name}' tidak dapat diisi: {exc}. Gunakan {{nama}} "
                              "untuk isian.", field="template") from exc


# --- the PDF ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class AgreementContent:
    """What the agreement PDF prints besides the template texts."""

    number: str
    partner_number: str
    values: Mapping[str, str]  # placeholder values for the templates
    partner_position: str
    partner_signatory: str
    office_position: str
    office_signatory: str
    qr_text: str


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=SERIF, fontSize=10.5, leading=15,
                          alignment=TA_JUSTIFY, spaceAfter=5)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=SERIF_BOLD, fontSize=12,
                                leading=16, alignment=TA_CENTER, spaceAfter=0),
        "number": ParagraphStyle("number", parent=base, fontName=SERIF, fontSize=10.5,
                                 alignment=TA_CENTER, spaceAfter=0),
        "pasal": ParagraphStyle("pasal", parent=base, fontName=SERIF_BOLD, alignment=TA_CENTER,
                                spaceBefore=8, spaceAfter=0, keepWithNext=1),
        "heading": ParagraphStyle("heading", parent=base, fontName=SERIF_BOLD,
                                  alignment=TA_CENTER, spaceAfter=6, keepWithNext=1),
        "item": ParagraphStyle("item", parent=base, leftIndent=9 * mm, firstLineIndent=-9 * mm),
        "label": ParagraphStyle("label", parent=base, fontName=SERIF_BOLD, spaceAfter=2,
                                keepWithNext=1),
        "sign": ParagraphStyle("sign", parent=base, alignment=TA_CENTER, spaceAfter=0,
                               leading=14),
        "small": ParagraphStyle("small", fontName=SANS, fontSize=7.5, leading=9.5),
    }


_ITEM = re.compile(r"^(\(\d+\)|[a-z]\.|\d+\.)\s+(.*)$")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _paragraph(text: str, styles: dict[str, ParagraphStyle]) -> Paragraph:
    match = _ITEM.match(text)
    if match:
        return Paragraph(f"{_escape(match.group(1))}&nbsp;&nbsp;{_escape(match.group(2))}",
                         styles["item"])
    return Paragraph(_escape(text), styles["body"])


class _QrFlowable(Flowable):
    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text, self.size = text, size
        self.width = self.height = size

    def draw(self) -> None:
        draw_qr(self.canv, self.text, 0, 0, self.size)


class _MeteraiBox(Flowable):
    """A dashed box where the meterai Rp10.000 is pasted before signing."""

    def __init__(self) -> None:
        super().__init__()
        self.width, self.height = 30 * mm, 18 * mm
        self.hAlign = "CENTER"

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setDash(2, 2)
        c.setStrokeColor(colors.grey)
        c.rect(0, 0, self.width, self.height)
        c.setFont(SANS, 7)
        c.setFillColor(colors.grey)
        c.drawCentredString(self.width / 2, self.height / 2 + 1, "METERAI")
        c.drawCentredString(self.width / 2, self.height / 2 - 8, "Rp10.000")
        c.restoreState()


def _canvas_class(number: str, partner_number: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds pages back until the end so each can say 'Halaman x dari y'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = SANS  # platypus passes Helvetica otherwise
            kwargs["initialFontSize"] = 10
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                _footer(self, self._pageNumber, total, number, partner_number)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _footer(c: Canvas, page: int, total: int, number: str, partner_number: str) -> None:
    width, _ = A4
    c.saveState()
    c.setStrokeColor(colors.grey)
    c.setLineWidth(0.4)
    c.line(25 * mm, 24 * mm, width - 25 * mm, 24 * mm)
    c.setFont(SANS, 7.5)
    c.setFillColor(colors.black)
    c.drawString(25 * mm, 19 * mm, f"Nomor PIHAK KESATU: {partner_number or '.' * 30}")
    c.drawString(25 * mm, 15.5 * mm, f"Nomor PIHAK KEDUA: {number}")
    c.setFont(SANS_BOLD, 8.5)
    c.drawCentredString(width / 2, 15.5 * mm, f"Halaman {page} dari {total}")
    box_w, box_h = 24 * mm, 11 * mm
    x0 = width - 25 * mm - 2 * box_w
    c.setFont(SANS, 6.5)
    for i, label in enumerate(("Paraf PIHAK KESATU", "Paraf PIHAK KEDUA")):
        x = x0 + i * box_w
        c.rect(x, 8 * mm, box_w, box_h)
        c.drawCentredString(x + box_w / 2, 8 * mm + box_h + 1.2 * mm,
                            label.replace("Paraf ", ""))
    c.drawRightString(x0 - 2 * mm, 12.5 * mm, "Paraf:")
    c.restoreState()


def render_agreement(content: AgreementContent, templates: Templates) -> bytes:
    """The agreement as PDF bytes."""
    register_fonts()
    st = _styles()
    v = content.values
    story: list[Flowable] = []
    for line in templates.lines("judul.txt"):
        if line.strip():
            story.append(Paragraph(_escape(fill(line.strip(), v, "judul.txt")), st["title"]))
    story.append(Spacer(1, 3 * mm))
    dots = "." * 40
    story.append(Paragraph(f"NOMOR: {_escape(content.partner_number or dots)}", st["number"]))
    story.append(Paragraph(f"NOMOR: {_escape(content.number)}", st["number"]))
    story.append(Spacer(1, 6 * mm))
    for p in templates.paragraphs("pembukaan.txt"):
        story.append(_paragraph(fill(p, v, "pembukaan.txt"), st))
    parties = templates.paragraphs("pihak.txt")
    for index, p in enumerate(parties):
        text = fill(p, v, "pihak.txt")
        story.append(_paragraph(f"{index + 1}. {text}" if index < 2 else text, st))
    for label, name in (("Menimbang:", "menimbang.txt"), ("Mengingat:", "mengingat.txt")):
        story.append(Paragraph(label, st["label"]))
        for p in templates.paragraphs(name):
            for line in p.split("\n"):
                story.append(_paragraph(fill(line, v, name), st))
    story.append(Paragraph("PARA PIHAK sepakat untuk mengadakan Perjanjian Kerja Sama dengan "
                           "ketentuan sebagai berikut:", st["body"]))
    for number, article in enumerate(templates.articles(v), start=1):
        story.append(CondPageBreak(35 * mm))
        story.append(Paragraph(f"Pasal {number}", st["pasal"]))
        story.append(Paragraph(_escape(article.heading), st["heading"]))
        for line in article.paragraphs:
            story.append(_paragraph(line, st))
    for p in templates.paragraphs("penutup.txt"):
        story.append(_paragraph(fill(p, v, "penutup.txt"), st))
    story.append(KeepTogether(_signatures(content, st)))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=20 * mm, bottomMargin=32 * mm,
                            title=f"Perjanjian Kerja Sama {content.number}",
                            author="Branch Desk", creator="Branch Desk")
    doc.build(story, canvasmaker=_canvas_class(content.number, content.partner_number))
    return buffer.getvalue()


def _signatures(content: AgreementContent, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    rows = [
        [Paragraph("<b>PIHAK KESATU</b>", st["sign"]), Paragraph("<b>PIHAK KEDUA</b>", st["sign"])],
        [Paragraph(_escape(content.partner_position), st["sign"]),
         Paragraph(_escape(content.office_position), st["sign"])],
        [_MeteraiBox(), _MeteraiBox()],
        [Paragraph(f"<b><u>{_escape(content.partner_signatory)}</u></b>", st["sign"]),
         Paragraph(f"<b><u>{_escape(content.office_signatory)}</u></b>", st["sign"])],
    ]
    table = Table(rows, colWidths=[80 * mm, 80 * mm])
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("FONTNAME", (0, 0), (-1, -1), SANS),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 2), (-1, 2), 4 * mm),
                               ("BOTTOMPADDING", (0, 2), (-1, 2), 5 * mm)]))
    qr = Table([[_QrFlowable(content.qr_text, 22 * mm),
                 Paragraph("Kode verifikasi: pindai kode QR ini atau masukkan nomor "
                           f"{_escape(content.number)} pada menu Verifikasi Dokumen untuk "
                           "memeriksa keaslian naskah.", st["small"])]],
               colWidths=[26 * mm, 100 * mm])
    qr.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                            ("FONTNAME", (0, 0), (-1, -1), SANS)]))
    return [Spacer(1, 8 * mm), table, Spacer(1, 6 * mm), qr]
