"""Small building blocks every screen shares: the message banner (U5), focus help (U4), the error edge, a
two-step button for actions that cannot be taken back, and buttons that show names as written (never cut, never
mangled)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from app.errors import Fixer, TabulaError
from app.ui.texts import Texts
from app.ui.theme import BandKind, Urgency, band_style, banner_style

_log = logging.getLogger(__name__)

Render = Callable[[], str]


def set_role(widget: QWidget, role: str) -> None:
    """Switch a widget's style-sheet role and make Qt re-apply the style."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def button_text(text: str) -> str:
    """`text` for a button's label exactly as written: Qt reads `&` as a mnemonic ("CD&V" would show as "CDV" with
    an underlined V), so every `&` is doubled. Use it for every name (list, candidate, member) put on a button."""
    return text.replace("&", "&&")


def urgency_of(error: TabulaError) -> Urgency:
    # U5: what the bureau can fix is a warning to act on; what needs the helpdesk blocks the bureau
    return Urgency.BLOCKING if error.fixer is Fixer.HELPDESK else Urgency.WARNING


class Banner(QLabel):
    """One message with its urgency colour; it keeps how to render itself so a language switch re-renders it."""

    def __init__(self, texts: Texts) -> None:
        super().__init__()
        self._texts = texts
        self._render: Render | None = None
        self.urgency: Urgency | None = None
        self.setWordWrap(True)
        self.setVisible(False)

    def show_message(self, render: Render, urgency: Urgency) -> None:
        self._render, self.urgency = render, urgency
        self.setStyleSheet(banner_style(urgency))
        self.refresh()
        self.setVisible(True)

    def show_key(self, key: str, urgency: Urgency, **params: object) -> None:
        self.show_message(lambda: self._texts(key, **params), urgency)

    def show_error(self, error: TabulaError) -> None:
        self.show_message(lambda: self._texts.error(error), urgency_of(error))

    def clear_message(self) -> None:
        self._render, self.urgency = None, None
        self.setText("")
        self.setVisible(False)

    def refresh(self) -> None:
        if self._render is not None:
            self.setText(self._render())


class HelpPanel(QLabel):
    """Shows the help text of the field that has the focus (U4): touching a field focuses it, so taps count too."""

    def __init__(self, texts: Texts) -> None:
        super().__init__()
        self._texts = texts
        self._keys: dict[QObject, str] = {}
        self.current_key: str | None = None
        self.setProperty("role", "help")
        self.setWordWrap(True)
        self.setMinimumHeight(48)
        self.setVisible(False)

    def register(self, widget: QWidget, key: str) -> None:
        self._keys[widget] = key
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in self._keys:
            self.current_key = self._keys[watched]
            self.refresh()
        return False

    def refresh(self) -> None:
        self.setText("" if self.current_key is None else self._texts(self.current_key))
        self.setVisible(self.current_key is not None)  # no empty box before a field was touched


class ErrorSink:
    """Where unexpected exceptions go: the session's security log when there is one, and the Python log."""

    def __init__(self) -> None:
        self.session: object | None = None

    def unexpected(self, error: BaseException, where: str) -> None:
        _log.error("unexpected error in %s", where, exc_info=error)
        log = getattr(self.session, "log", None)  # app.session.Session keeps its SecurityLog there
        station = getattr(getattr(self.session, "station", None), "id", "-")
        record = getattr(log, "record_exception", None)
        if callable(record):
            try:
                record(error, str(station), where=where)
            except Exception:  # the log itself failed: nothing more to do than the Python log above
                _log.exception("could not record the exception in the security log")


BAND_KEYS = {BandKind.TRAINING: "training.band", BandKind.DEVELOPMENT: "platform.band.development"}
BAND_PADDING = 6


class ModeBand(QFrame):
    """The permanent bands of a kiosk that is not counting for real on the approved appliance: the training mode
    (`--training`) and the development mode (no TPM), one line each, on every screen.

    What the kiosk runs as is known when it starts and never changes, so the band is built once with a fixed height:
    it never appears, grows or wraps later, and so never moves a field under the operator's finger.
    """

    def __init__(self, texts: Texts, *, training: bool, development: bool) -> None:
        super().__init__()
        self._texts = texts
        self.kinds = tuple(
            kind for kind, on in ((BandKind.TRAINING, training), (BandKind.DEVELOPMENT, development)) if on
        )
        self.rows: dict[BandKind, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for kind in self.kinds:
            row = QLabel()
            row.setStyleSheet(band_style(kind))
            row.setAlignment(Qt.AlignmentFlag.AlignCenter)
            row.setWordWrap(False)
            row.setTextFormat(Qt.TextFormat.PlainText)
            row.setFixedHeight(row.fontMetrics().height() + 2 * BAND_PADDING)
            row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # never widens the window
            self.rows[kind] = row
            layout.addWidget(row)
        self.setFixedHeight(sum(row.height() for row in self.rows.values()))
        if not self.kinds:
            self.hide()  # explicitly, so no layout shows it (and never `show()` it without a parent: a window)
        texts.changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        for kind, row in self.rows.items():
            row.setText(self._texts(BAND_KEYS[kind]))

    def text(self) -> str:
        """Every line of the band, as shown."""
        return "\n".join(row.text() for row in self.rows.values())


def add_band(widget: QWidget, band: ModeBand) -> None:
    """Put `band` at the top of a window laid out in a column (the witness window): the same band as the kiosk's."""
    layout = widget.layout()
    if not isinstance(layout, QVBoxLayout):
        raise TypeError("the band goes on top of a window laid out in a column")
    layout.insertWidget(0, band)


def title_label() -> QLabel:
    """The heading of a screen (styled by the theme's `title` role)."""
    label = QLabel()
    label.setProperty("role", "title")
    return label


# what the theme puts around the text of a text box: padding 6 and border 1 a side, the document's margin 4 a side
TEXT_BOX_CHROME = 2 * (6 + 1) + 2 * 4 + 4


def text_box_height(edit: QWidget, lines: int) -> int:
    """The height of a text box that shows `lines` lines of its font whole, without scrolling."""
    return edit.fontMetrics().lineSpacing() * lines + TEXT_BOX_CHROME


def wrapped_label() -> QLabel:
    """A label for sentences: wraps instead of widening the screen."""
    label = QLabel()
    label.setWordWrap(True)
    return label


class Screen(QWidget):
    """A screen of the stack: texts in the chosen language, a banner, focus help, and a guarded edge for actions."""

    def __init__(self, texts: Texts, errors: ErrorSink) -> None:
        super().__init__()
        self.t = texts
        self.errors = errors
        self.banner = Banner(texts)
        self.help = HelpPanel(texts)
        texts.changed.connect(self._on_language)

    def _on_language(self, _language: str) -> None:
        self.retranslate()
        self.banner.refresh()
        self.help.refresh()

    def retranslate(self) -> None:
        """Set every text of the screen from the catalogue."""

    def guard(self, action: Callable[[], object], where: str) -> bool:
        """Run a user action; a refusal or a fault is shown on the banner instead of crashing the kiosk."""
        try:
            action()
        except TabulaError as error:
            self.banner.show_error(error)
            return False
        except Exception as error:  # the screen edge: a fault must never take the kiosk down
            self.errors.unexpected(error, where)
            self.banner.show_key("ui.unexpected", Urgency.BLOCKING)
            return False
        return True


class ConfirmButton(QPushButton):
    """A button that asks for a second tap before it acts (no modal dialogs on a kiosk); it disarms by itself."""

    confirmed = Signal()
    ARM_MS = 6000

    def __init__(self, label: Render, armed_label: Render) -> None:
        super().__init__()
        self._label, self._armed_label = label, armed_label
        self.armed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.disarm)
        self.clicked.connect(self._on_click)
        self.refresh()

    def _on_click(self) -> None:
        if self.armed:
            self.disarm()
            self.confirmed.emit()
            return
        self.armed = True
        set_role(self, "armed")
        self.refresh()
        self._timer.start(self.ARM_MS)

    def disarm(self) -> None:
        self._timer.stop()
        self.armed = False
        set_role(self, "")
        self.refresh()

    def refresh(self) -> None:
        # a label may carry a name (a member, a list): shown as written, never read as a mnemonic
        self.setText(button_text(self._armed_label() if self.armed else self._label()))


def vbox(*widgets: QWidget, margin: int = 0, spacing: int = 8) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return layout


LABEL_MARGIN_W = 8  # room for the theme's border (2 px when checked or focused) and some air
LABEL_MARGIN_H = 3


class WrapButton(QPushButton):
    """A button whose label wraps onto more lines instead of being cut: list and candidate names are shown whole.

    The label is a plain-text child label (names are never read as markup or mnemonics); `text()` holds the same
    label with `&` escaped, for accessibility and tests. A checked button is shown by its background and border
    (the theme's `:checked`), never by a bolder font: ticking a box never re-wraps its name, and every name keeps
    the same typography (U6).
    """

    def __init__(self, text: str = "", align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> None:
        super().__init__()
        self._cell: QSize | None = None
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet("background:transparent; border:none; padding:0;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(LABEL_MARGIN_W, LABEL_MARGIN_H, LABEL_MARGIN_W, LABEL_MARGIN_H)
        layout.addWidget(self.label)
        self.set_label(text)

    def fix_size(self, size: QSize) -> None:
        """Give the button exactly `size`, also after the theme's `min-height` is applied again (whenever the style
        is polished or changes): a box the grid sized for its name never shrinks."""
        self._cell = QSize(size)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(size)
        self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if self._cell is not None and event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            self.setFixedSize(self._cell)  # the style sheet's min-height was just applied: the box keeps its size
        return handled

    def sizeHint(self) -> QSize:
        return QSize(self._cell) if self._cell is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._cell) if self._cell is not None else super().minimumSizeHint()

    def set_label(self, text: str) -> None:
        self.label.setText(text)
        self.setText(button_text(text))
        self.setAccessibleName(text)

    def label_text(self) -> str:
        """The name as shown (not escaped)."""
        return self.label.text()

    def paintEvent(self, event: QPaintEvent) -> None:
        # the frame and background from the style (and the theme's style sheet), the text from the label
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
