"""Password letters (requirement P2): one A4 page per bureau, in the bureau's language, for a sealed envelope."""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from app.counting.model import Station
from app.errors import BadInput
from app.i18n import translate
from provisioning.passwords import write_secret

# A copy shipped with the package wins over the system's fonts-dejavu-core.
FONT_DIRS = (Path(__file__).parent / "fonts", Path("/usr/share/fonts/truetype/dejavu"))
FONTS = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSansMono": "DejaVuSansMono.ttf",
}
INSTRUCTIONS = ("letter.keep_sealed", "letter.how_to_login", "letter.typing", "letter.wrong_password", "letter.lost")


@cache
def register_fonts() -> None:
    """Embed DejaVu (every NL/FR/DE letter, and a monospace with distinct 0/O and 1/I for the password)."""
    for name, file in FONTS.items():
        path = next((d / file for d in FONT_DIRS if (d / file).is_file()), None)
        if path is None:
            raise BadInput("letters.font_missing", font=file)
        pdfmetrics.registerFont(TTFont(name, str(path)))


def _wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and pdfmetrics.stringWidth(candidate, font, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _letter(pdf: canvas.Canvas, station: Station, password: str) -> None:
    lang = station.language.value
    left, width = 25 * mm, A4[0] - 50 * mm
    y = A4[1] - 30 * mm
    pdf.setFont("DejaVuSans-Bold", 16)
    pdf.drawString(left, y, translate("letter.title", lang))
    y -= 12 * mm
    pdf.setFont("DejaVuSans", 11)
    for key, value in (
        ("letter.station", station.id),
        ("letter.name", station.name),
        ("letter.election", translate(f"letter.election.{station.election.value}", lang)),
        ("letter.constituency", station.constituency),
    ):
        pdf.drawString(left, y, f"{translate(key, lang)}: {value}")
        y -= 6 * mm
    y -= 8 * mm
    pdf.drawString(left, y, translate("letter.password", lang))
    y -= 14 * mm
    pdf.setFont("DejaVuSansMono", 26)
    pdf.drawString(left, y, password.replace("-", " "))
    y -= 16 * mm
    pdf.setFont("DejaVuSans", 11)
    for key in INSTRUCTIONS:
        for line in _wrapped(translate(key, lang), "DejaVuSans", 11, width):
            pdf.drawString(left, y, line)
            y -= 5.5 * mm
        y -= 3 * mm
    pdf.showPage()


def write_letters(path: Path, letters: Iterable[tuple[Station, str]]) -> None:
    """A PDF with one page per (bureau, password), in the order given; every password is in it in clear, so the
    file is written 0600 from its first byte (`write_secret`)."""
    register_fonts()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, pageCompression=1)
    pdf.setTitle("Tabula")
    for station, password in letters:
        _letter(pdf, station, password)
    pdf.save()
    write_secret(path, out.getvalue())
