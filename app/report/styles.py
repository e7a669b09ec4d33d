"""Fonts and typography of the proces-verbaal.

Only the DejaVu fonts shipped in `fonts/` are used, embedded as subsets, so every accent of NL, FR and DE prints
and the PDF renders the same everywhere. One set of styles for the whole PV: every list table uses the very same
ones (requirement U6, political neutrality).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
MONO = "DejaVuSansMono"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", MONO: "DejaVuSansMono.ttf"}

BODY_SIZE = 9
TABLE_SIZE = 8
LIST_TITLE_SIZE = 10
SHADE = colors.Color(0.9, 0.9, 0.9)
LIGHT_SHADE = colors.Color(0.95, 0.95, 0.95)  # the rule rows of the checks table, between the heading and cases
GRID = colors.Color(0.55, 0.55, 0.55)


@cache
def register_fonts() -> None:
    """Register the shipped TTFs with reportlab once per process."""
    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of the PV, by role."""
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.3)
    return {
        "body": body,
        "title": ParagraphStyle("title", body, fontName=BOLD, fontSize=16, leading=20, spaceAfter=6),
        "section": ParagraphStyle(
            "section", body, fontName=BOLD, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4
        ),
        "cell": ParagraphStyle("cell", body, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.25),
        "cell_bold": ParagraphStyle("cell_bold", body, fontName=BOLD, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.25),
        "small": ParagraphStyle("small", body, fontSize=7, leading=9),
        "small_centered": ParagraphStyle("small_centered", body, fontSize=7, leading=9, alignment=TA_CENTER),
        "mono": ParagraphStyle("mono", body, fontName=MONO, fontSize=8.5, leading=11),
        "mono_small": ParagraphStyle("mono_small", body, fontName=MONO, fontSize=7, leading=9),
        "control": ParagraphStyle(
            "control", body, fontName=BOLD, fontSize=26, leading=32, alignment=TA_CENTER, spaceBefore=4, spaceAfter=4
        ),
    }
