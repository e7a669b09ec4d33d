"""Small building blocks every screen shares: the message banner (U5), focus help (U4), the error edge, and a
two-step button for actions that cannot be taken back."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import Fixer, TabulaError
from app.ui.texts import Texts
from app.ui.theme import Urgency, banner_style

_log = logging.getLogger(__name__)

Render = Callable[[], str]


def set_role(widget: QWidget, role: str) -> None:
    """Switch a widget's style-sheet role and make Qt re-apply the style."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


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


def title_label() -> QLabel:
    """The heading of a screen (styled by the theme's `title` role)."""
    label = QLabel()
    label.setProperty("role", "title")
    return label


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
        self.setText(self._armed_label() if self.armed else self._label())


def vbox(*widgets: QWidget, margin: int = 0, spacing: int = 8) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return layout
