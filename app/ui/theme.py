"""The look of the kiosk in one place: a calm neutral theme, urgency colours (U5) and the shipped font.

Colours are configurable here and only here (U6 allows colours, but they must be chosen centrally, never per list).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QScreen

# The app ships DejaVu (app/report/fonts) so the screens look the same on every appliance image; the system copy
# is only a fallback for development machines.
_FONT_DIRS = (Path(__file__).resolve().parents[1] / "report" / "fonts", Path("/usr/share/fonts/truetype/dejavu"))
_FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf")
FALLBACK_FAMILY = "DejaVu Sans"
MONO_FAMILY = "DejaVu Sans Mono"
BASE_POINT_SIZE = 12
TOUCH_MM = 9.0  # the smallest touch target (issue 8): a fingertip, on every screen size
_DEFAULT_DPI = 96.0


class Urgency(enum.Enum):
    """How urgent a message is; each has its own colour."""

    INFO = "info"
    OK = "ok"
    WARNING = "warning"
    BLOCKING = "blocking"


@dataclass(frozen=True)
class Palette:
    background: str = "#f4f3ef"
    surface: str = "#ffffff"
    text: str = "#22262a"
    muted: str = "#5c636a"
    border: str = "#c9ccd0"
    accent: str = "#2f5d7c"  # buttons and focus; a neutral blue-grey, not a party colour
    accent_text: str = "#ffffff"
    selected: str = "#dbe7f0"
    ok: str = "#1e7a3c"
    ok_bg: str = "#e3f3e8"
    warning: str = "#8a5a00"
    warning_bg: str = "#fdf0d2"
    blocking: str = "#a4262c"
    blocking_bg: str = "#fbe3e4"
    info: str = "#2f5d7c"
    info_bg: str = "#e6eef4"
    training: str = "#ffffff"  # the training band: a colour no message uses, so it never reads as an error
    training_bg: str = "#5b3a8c"

    def colours(self, urgency: Urgency) -> tuple[str, str]:
        """(text/border colour, background colour) for an urgency."""
        return {
            Urgency.INFO: (self.info, self.info_bg),
            Urgency.OK: (self.ok, self.ok_bg),
            Urgency.WARNING: (self.warning, self.warning_bg),
            Urgency.BLOCKING: (self.blocking, self.blocking_bg),
        }[urgency]


PALETTE = Palette()


def load_fonts() -> str:
    """Register the shipped DejaVu fonts with Qt and return the family to use."""
    family = FALLBACK_FAMILY
    for folder in _FONT_DIRS:
        if not (folder / _FONT_FILES[0]).exists():
            continue
        for name in _FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(folder / name))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if name == _FONT_FILES[0] and families:
                family = families[0]
        break
    return family


def base_font(family: str) -> QFont:
    font = QFont(family, BASE_POINT_SIZE)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def touch_px(screen: QScreen | None) -> int:
    """The smallest touch target (`TOUCH_MM`) in logical pixels on `screen`.

    The screen's physical size is what matters: 9 mm are 35 px on a 15.6" 1366x768 panel but 50 px on a 15.6"
    1920x1080 one. A screen that reports no or an absurd size (a broken EDID, offscreen) counts as 96 dpi.
    """
    dpi = _DEFAULT_DPI
    if screen is not None:
        physical = screen.physicalDotsPerInch() / max(screen.devicePixelRatio(), 1.0)
        if 50.0 <= physical <= 600.0:
            dpi = physical
    return math.ceil(TOUCH_MM / 25.4 * dpi)


def banner_style(urgency: Urgency, palette: Palette = PALETTE) -> str:
    fg, bg = palette.colours(urgency)
    return f"background:{bg}; color:{fg}; border:1px solid {fg}; border-left:6px solid {fg}; padding:8px;"


class BandKind(enum.Enum):
    """The permanent bands of a kiosk that is not counting for real on the approved appliance."""

    TRAINING = "training"
    DEVELOPMENT = "development"


def band_style(kind: BandKind, palette: Palette = PALETTE) -> str:
    """A full-width strip: training in its own colour, the development mode as the warning it is."""
    if kind is BandKind.TRAINING:
        fg, bg = palette.training, palette.training_bg
    else:
        fg, bg = palette.colours(Urgency.WARNING)
    return f"background:{bg}; color:{fg}; border:none; border-bottom:2px solid {fg}; font-weight:bold; padding:0 12px;"


def stylesheet(palette: Palette = PALETTE) -> str:
    """The application style sheet: large touch targets, quiet colours, a clear focus ring.

    Scroll bars, list rows and the drop-down of a choice are fingertip-sized (`touch_px` at 96 dpi): on a touch
    screen the bar is the only way to scroll, and Qt's 14 px bar with its arrows is a target no finger hits. Number
    boxes have no arrows: theirs were 10 px slivers under this sheet; a number is typed (or stepped with the arrow
    keys), and where tapping matters the screen puts − and + buttons beside the box (the copies to print)."""
    p = palette
    touch = touch_px(None)
    return f"""
QWidget {{ color:{p.text}; }}
QMainWindow, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{ background:{p.background}; }}
QLabel[role="title"] {{ font-size:20pt; font-weight:bold; }}
QLabel[role="subtitle"] {{ font-size:14pt; color:{p.muted}; }}
QLabel[role="help"] {{ color:{p.muted}; background:{p.surface}; border:1px solid {p.border}; padding:6px; }}
QLabel[role="big"] {{ font-size:18pt; font-weight:bold; }}
QLabel[role="control"] {{ font-family:"{MONO_FAMILY}"; font-size:48pt; font-weight:bold; letter-spacing:4px;
    background:{p.surface}; border:2px solid {p.text}; padding:12px; }}
QFrame[role="card"] {{ background:{p.surface}; border:1px solid {p.border}; border-radius:4px; }}
QFrame[role="header"] {{ background:{p.surface}; border-bottom:1px solid {p.border}; }}
QFrame[role="statusbar"] {{ background:{p.surface}; border-top:1px solid {p.border}; }}
QLabel[role="status"] {{ color:{p.muted}; padding:0 8px; }}
QPushButton {{ background:{p.surface}; border:1px solid {p.border}; border-radius:4px; padding:8px 14px;
    min-height:34px; }}
QPushButton:focus {{ border:2px solid {p.accent}; }}
QPushButton:checked {{ background:{p.selected}; border:2px solid {p.accent}; font-weight:bold; }}
QPushButton:disabled {{ color:{p.border}; }}
QPushButton[role="primary"] {{ background:{p.accent}; color:{p.accent_text}; border:1px solid {p.accent};
    font-weight:bold; }}
QPushButton[role="primary"]:disabled {{ background:{p.border}; color:{p.surface}; }}
QPushButton[role="armed"] {{ background:{p.warning_bg}; color:{p.warning}; border:2px solid {p.warning};
    font-weight:bold; }}
QPushButton[role="lang"] {{ min-width:44px; padding:4px 8px; }}
QLineEdit, QSpinBox, QComboBox, QPlainTextEdit {{ background:{p.surface}; border:1px solid {p.border};
    border-radius:4px; padding:6px; min-height:30px; }}
QLineEdit:focus, QSpinBox:focus, QComboBox:focus, QPlainTextEdit:focus {{ border:2px solid {p.accent}; }}
QLineEdit[role="marks"] {{ font-family:"{MONO_FAMILY}"; font-size:20pt; }}
QProgressBar {{ border:1px solid {p.border}; border-radius:4px; background:{p.surface}; min-height:28px;
    text-align:center; }}
QProgressBar::chunk {{ background:{p.accent}; }}
QTableWidget {{ background:{p.surface}; gridline-color:{p.border}; }}
QScrollBar:vertical {{ width:{touch}px; background:{p.background}; border:none; margin:0; }}
QScrollBar:horizontal {{ height:{touch}px; background:{p.background}; border:none; margin:0; }}
QScrollBar::handle:vertical {{ background:{p.border}; border-radius:4px; margin:3px; min-height:{touch}px; }}
QScrollBar::handle:horizontal {{ background:{p.border}; border-radius:4px; margin:3px; min-width:{touch}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width:0px; height:0px; border:none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background:none; }}
QListWidget::item {{ min-height:{touch}px; padding:2px 8px; }}
QSpinBox::up-button, QSpinBox::down-button {{ width:0px; border:none; }}
QComboBox::drop-down {{ width:{touch}px; }}
QHeaderView::section {{ background:{p.background}; padding:6px; border:none;
    border-bottom:1px solid {p.border}; font-weight:bold; }}
"""
