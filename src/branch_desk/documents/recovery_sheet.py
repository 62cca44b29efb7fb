"""Lembar kunci pemulihan: the office's recovery key on paper, printed once at set-up.

It names the office, the database and the date; shows the key in large monospaced groups
with its check group, the exact SQLCipher `PRAGMA key` line and cipher settings (for an
auditor's stock SQLCipher), how to use it on another computer, and where to keep it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from branch_desk.documents.base import Letterhead, draw_letterhead, new_canvas
from branch_desk.documents.fonts import MONO_BOLD, SANS, SANS_BOLD
from branch_desk.domain.dates import format_date
from branch_desk.domain.recovery_key import CIPHER_SETTINGS, key_groups, key_pragma

LEFT = 20 * mm
WIDTH = 170 * mm


@dataclass(frozen=True)
class RecoverySheet:
    office_code: str
    office_name: str
    database: str  # the file's path as shown to people
    made_on: date
    key: bytes


def _paragraph(canvas: Canvas, text: str, y: float, *, font: str = SANS, size: float = 9,
               leading: float = 11.5) -> float:
    """`text` wrapped to the page width from `y`; the y below it."""
    canvas.setFont(font, size)
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if canvas.stringWidth(trial, font, size) > WIDTH and line:
            canvas.drawString(LEFT, y, line)
            y -= leading
            line = word
        else:
            line = trial
    if line:
        canvas.drawString(LEFT, y, line)
        y -= leading
    return y


def _key_box(canvas: Canvas, key: bytes, y: float) -> float:
    """The 16 key groups in four rows of four, and the check group, in a framed box."""
    groups = key_groups(key)
    rows = [groups[i:i + 4] for i in range(0, 16, 4)]
    height = 4 * 11 * mm + 16 * mm
    canvas.setLineWidth(1.5)
    canvas.rect(LEFT, y - height, WIDTH, height, stroke=1, fill=0)
    line_y = y - 12 * mm
    for number, row in enumerate(rows, start=1):
        canvas.setFont(SANS, 9)
        canvas.drawString(LEFT + 5 * mm, line_y + 1 * mm, f"Baris {number}")
        canvas.setFont(MONO_BOLD, 22)
        canvas.drawString(LEFT + 25 * mm, line_y, "   ".join(row))
        line_y -= 11 * mm
    canvas.setFont(SANS, 9)
    canvas.drawString(LEFT + 5 * mm, line_y + 1 * mm, "Pemeriksa")
    canvas.setFont(MONO_BOLD, 22)
    canvas.drawString(LEFT + 25 * mm, line_y, groups[16])
    canvas.setFont(SANS, 8)
    canvas.drawString(LEFT + 45 * mm, line_y + 1 * mm,
                      "(kelompok pemeriksa: menandai salah ketik, bukan bagian dari kunci)")
    return y - height - 6 * mm


def render_recovery_sheet(sheet: RecoverySheet) -> bytes:
    """The one-page PDF of `sheet`."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, title=f"Kunci pemulihan basis data {sheet.office_code}")
    y = draw_letterhead(canvas, Letterhead.of_agency(sheet.office_name,
                                                     office_code=sheet.office_code))
    canvas.setFont(SANS_BOLD, 14)
    canvas.drawString(LEFT, y, "LEMBAR KUNCI PEMULIHAN BASIS DATA")
    canvas.setFillColor(Color(0.7, 0, 0))
    canvas.setFont(SANS_BOLD, 9)
    canvas.drawString(LEFT, y - 6 * mm, "RAHASIA — siapa pun yang memegang lembar ini dapat "
                                        "membuka semua data peserta kantor ini.")
    canvas.setFillColor(Color(0, 0, 0))
    y -= 14 * mm
    for label, value in (("Kantor", f"{sheet.office_name} ({sheet.office_code})"),
                         ("Basis data", sheet.database),
                         ("Tanggal dibuat", format_date(sheet.made_on))):
        canvas.setFont(SANS, 9.5)
        canvas.drawString(LEFT, y, label)
        canvas.setFont(SANS_BOLD, 9.5)
        canvas.drawString(LEFT + 32 * mm, y, value)
        y -= 5.5 * mm
    y = _key_box(canvas, sheet.key, y - 2 * mm)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(LEFT, y, "Membuka basis data atau cadangan di komputer lain")
    y = _paragraph(canvas, "Ketik kunci ini ke berkas teks (misalnya kunci.txt, boleh dengan "
                   "tanda hubung dan kelompok pemeriksa), lalu jalankan: branch-desk key import "
                   "--db BERKAS.db --recovery-key-file kunci.txt. Program menyimpannya di "
                   "penyimpanan kredensial komputer itu; hapus kunci.txt sesudahnya. Untuk "
                   "memulihkan cadangan bila basis data saat ini rusak: branch-desk restore "
                   "CADANGAN.db --recovery-key-file kunci.txt.", y - 5 * mm)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(LEFT, y - 3 * mm, "Untuk auditor: SQLCipher 4 (sqlcipher, DB Browser "
                                        "for SQLite, sqlcipher3)")
    y = _paragraph(canvas, "Pernyataan pertama setelah membuka berkas (kunci mentah, tanpa "
                   "turunan kata sandi):", y - 8 * mm)
    canvas.setFont(MONO_BOLD, 7.6)
    canvas.drawString(LEFT, y, key_pragma(sheet.key))
    y -= 5 * mm
    settings = ", ".join(f"{name} = {value}" for name, value in CIPHER_SETTINGS)
    y = _paragraph(canvas, f"Pengaturan sandi (bawaan SQLCipher 4, tidak diubah program): "
                   f"{settings}.", y, size=8.5, leading=10.5)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(LEFT, y - 3 * mm, "Di mana menyimpan lembar ini")
    y = _paragraph(canvas, "Simpan di lemari besi atau laci terkunci kantor, terpisah dari "
                   "komputer dan dari cadangan. Jangan difoto, dipindai, dikirim lewat surel "
                   "atau pesan, atau ditempel di dekat komputer. Kepala kantor mencatat siapa "
                   "yang memegangnya. Bila komputer rusak atau dicuri, lembar ini satu-satunya "
                   "jalan membuka cadangan: tanpa lembar ini data tidak dapat dipulihkan. Bila "
                   "lembar ini hilang atau mungkin terbaca orang lain, buat basis data baru "
                   "terenkripsi dengan kunci baru.", y - 8 * mm)
    canvas.setFont(SANS, 7.5)
    canvas.drawString(LEFT, 12 * mm, "Dicetak oleh Branch Desk. Lembar ini tidak memuat data "
                                     "peserta; kunci hanya ditampilkan sekali saat penyiapan.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
