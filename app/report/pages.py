"""What every page of the PV carries besides its content: the footer ("page x of y") and, in training, the mark.

A training PV (contract `--training`) says so on every page, so that no page of it can pass for a real one when it
is printed, copied or separated from the others: a band across the top with the training text (extracted by
`pdftotext` like any other line) and a red frame around the page. No diagonal watermark: its letters would come
out of text extraction scattered between the lines of the content, which the golden files and readers rely on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.report import styles

MARGIN = 18 * mm
BAND_COLOUR = colors.Color(0.85, 0.1, 0.1)
FRAME_INSET = 5 * mm


@dataclass(frozen=True)
class PageMarks:
    """The footer of every page and, for a training PV, the training band and watermark."""

    footer: str
    page_label: Callable[[int, int], str]  # (page, pages) -> "page x of y"
    training_band: str | None = None  # the band's text; None: a real PV, no mark


def numbered_canvas(marks: PageMarks) -> type[Canvas]:
    """A canvas that holds the pages back until the end, to print "page x of y" (and the training mark) on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name: hold the page instead of emitting it
            self._held.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            for number, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                _draw_footer(self, marks, number, len(self._held))
                if marks.training_band is not None:
                    _draw_training(self, marks.training_band)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_footer(canvas: Canvas, marks: PageMarks, number: int, total: int) -> None:
    canvas.setFont(styles.REGULAR, 7)
    canvas.drawString(MARGIN, MARGIN - 2 * mm, marks.footer)
    canvas.drawRightString(A4[0] - MARGIN, MARGIN - 2 * mm, marks.page_label(number, total))


def _draw_training(canvas: Canvas, band: str) -> None:
    """A red band above the content with the training text, and a red frame around the page."""
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(BAND_COLOUR)
    canvas.rect(FRAME_INSET, height - MARGIN + 2 * mm, width - 2 * FRAME_INSET, 9 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(styles.BOLD, 10)
    canvas.drawCentredString(width / 2, height - MARGIN + 5 * mm, band)
    canvas.setStrokeColor(BAND_COLOUR)
    canvas.setLineWidth(3)
    canvas.rect(FRAME_INSET, FRAME_INSET, width - 2 * FRAME_INSET, height - 2 * FRAME_INSET, stroke=1, fill=0)
    canvas.restoreState()
