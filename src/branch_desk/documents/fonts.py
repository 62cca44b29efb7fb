"""The TTF fonts shipped in the package, registered once with reportlab."""

from __future__ import annotations

from functools import cache

from branch_desk.domain.resources_path import resource_path

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"
SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"
SERIF_ITALIC = "DejaVuSerif-Italic"
MONO_BOLD = "DejaVuSansMono-Bold"  # the recovery key sheet: 0 and O, 1 and l told apart
FONT_FILES = (SANS, SANS_BOLD, SANS_ITALIC, SERIF, SERIF_BOLD, SERIF_ITALIC, MONO_BOLD)


@cache
def register_fonts() -> None:
    """Register the packaged fonts (embedded in every PDF) and their bold/italic families."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in FONT_FILES:
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
    for family, regular, bold, italic in ((SANS, SANS, SANS_BOLD, SANS_ITALIC),
                                          (SERIF, SERIF, SERIF_BOLD, SERIF_ITALIC)):
        addMapping(family, 0, 0, regular)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold)
