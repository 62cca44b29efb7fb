"""Draw the Branch Desk icon: a green shield with a white "BD" mark.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icon.py

Writes installer/icons/branch-desk.png (256×256), installer/icons/branch-desk.ico (16–256 px,
for Windows) and a copy of the PNG in src/branch_desk/resources/icons/ for the window icon.
Qt's painter draws the picture; Pillow (installed with reportlab) writes the .ico. The
outputs are committed, so a build never needs to run this.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "src" / "branch_desk" / "resources" / "fonts" / "DejaVuSans-Bold.ttf"
OUT = ROOT / "installer" / "icons"
RESOURCE = ROOT / "src" / "branch_desk" / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

GREEN_LIGHT = QColor("#2fb457")
GREEN_DARK = QColor("#00712f")
WHITE = QColor("#ffffff")


def shield(size: float, inset: float) -> QPainterPath:
    """A heraldic shield filling a `size` square, `inset` px from its edges."""
    left, right, top = inset, size - inset, inset
    mid = size / 2
    bottom = size - inset * 0.6
    path = QPainterPath()
    path.moveTo(mid, top)
    path.cubicTo(mid + size * 0.16, top + size * 0.08, right - size * 0.08, top + size * 0.08,
                 right, top + size * 0.06)
    path.lineTo(right, size * 0.50)
    path.cubicTo(right, size * 0.74, mid + size * 0.18, size * 0.88, mid, bottom)
    path.cubicTo(mid - size * 0.18, size * 0.88, left, size * 0.74, left, size * 0.50)
    path.lineTo(left, top + size * 0.06)
    path.cubicTo(left + size * 0.08, top + size * 0.08, mid - size * 0.16, top + size * 0.08,
                 mid, top)
    path.closeSubpath()
    return path


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    outer = shield(size, size * 0.06)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(size, size))
    gradient.setColorAt(0.0, GREEN_LIGHT)
    gradient.setColorAt(1.0, GREEN_DARK)
    p.fillPath(outer, QBrush(gradient))
    if size >= 32:  # a thin white inner rim; at 16–24 px it would only blur the mark
        rim = QPen(WHITE, max(1.5, size * 0.022))
        p.setPen(rim)
        inner = shield(size, size * 0.13)
        p.drawPath(inner)
    font = QFont(family)
    font.setBold(True)
    font.setPixelSize(round(size * (0.38 if size >= 32 else 0.44)))
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 94)
    p.setFont(font)
    p.setPen(WHITE)
    text_box = QRectF(0, size * 0.16, size, size * 0.56)
    p.drawText(text_box, Qt.AlignmentFlag.AlignCenter, "BD")
    if size >= 48:  # a white bar under the letters: the "desk"
        bar = QRectF(size * 0.33, size * 0.70, size * 0.34, size * 0.045)
        p.fillRect(bar, WHITE)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        print(f"font not loaded: {FONT}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    RESOURCE.mkdir(parents=True, exist_ok=True)
    png = OUT / "branch-desk.png"
    draw(256, families[0]).save(str(png), "PNG")
    shutil.copyfile(png, RESOURCE / "branch-desk.png")

    import io

    from PIL import Image

    # Each size drawn on its own (small sizes get a simpler mark), then packed into one .ico.
    images = [Image.open(io.BytesIO(png_bytes(draw(s, families[0])))).convert("RGBA")
              for s in ICO_SIZES]
    largest = images[-1]
    largest.save(OUT / "branch-desk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=images[:-1])
    del app
    print(f"wrote {png}, {OUT / 'branch-desk.ico'}, {RESOURCE / 'branch-desk.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
