"""The witness screen (issue 8): a read-only window for the witnesses of the lists and the public, on a second
display (or, with `--witness`, as a second window on one screen, for testing).

It shows the bureau, the phase, how far every pile is (each pass not started, under way or finished, and whether
the two passes agree, differ or were decided), the differences still open, and, once the result is fixed, the
per-list totals and the control number. It never shows anything of a pass under way: not a mark, not a name, not
even how many ballots it holds, because those are what the two operators must not see of each other (C5). What it
may show is decided once, in `witness_view`, from the count alone; the window only lays that out. A finished
pass's size shows only once the other pass is finished too: the second operator enters blind.

The window takes no input and cannot be closed; it follows the kiosk's language and reads the session the kiosk
has (polled, so the kiosk needs no hook in its flow). `WitnessDisplay` puts it on the second display and takes it
away when that display goes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QScreen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.counting import count as counting
from app.counting.count import Count, Phase
from app.counting.double_entry import Pass
from app.counting.tally import Tally
from app.platform.displays import Displays, QtDisplays
from app.ui.ports import SessionPort
from app.ui.result import count_tally, group_control_number, session_control_number
from app.ui.tally_view import ListTotalsTable
from app.ui.texts import Texts
from app.ui.theme import PALETTE, Urgency, banner_style
from app.ui.widgets import Banner, title_label, wrapped_label

POLL_MS = 500
TILE_COLUMNS = 6


@dataclass(frozen=True)
class PassView:
    """What a witness may know of one pass: not started, under way (nothing more), or finished; its size only once
    the other pass of the pile is finished too (the second operator enters blind: C5)."""

    started: bool
    finished: bool
    ballots: int | None  # only when both passes of the pile are finished


@dataclass(frozen=True)
class PileView:
    number: int
    passes: tuple[PassView, PassView]
    open_differences: int | None  # None until both passes are finished
    decided: bool


@dataclass(frozen=True)
class WitnessView:
    phase: Phase
    piles: tuple[PileView, ...]
    done: tuple[int, int]  # piles finished in pass 1 and in pass 2
    open_differences: int
    final: bool


def _pass_view(entry: counting.PassEntry | None, both_finished: bool) -> PassView:
    if entry is None:
        return PassView(False, False, None)
    if not entry.finished:
        return PassView(True, False, None)  # under way: nothing of it, not even its size
    return PassView(True, True, len(entry.ballots) if both_finished else None)


def witness_view(count: Count) -> WitnessView:
    """Everything the witness screen shows before the result is fixed, taken from the count."""
    rows = []
    for pile in counting.piles(count):
        both = all(entry is not None and entry.finished for entry in (pile.first, pile.second))
        passes = (_pass_view(pile.first, both), _pass_view(pile.second, both))
        compared = pile.comparison is not None
        rows.append(
            PileView(pile.number, passes, len(pile.open_differences) if compared else None, pile.decision is not None)
        )
    done = tuple(sum(1 for r in rows if r.passes[i].finished) for i in range(2))
    final = count.phase is Phase.FINAL
    return WitnessView(count.phase, tuple(rows), (done[0], done[1]), len(counting.open_differences(count)), final)


class WitnessWindow(QWidget):
    """The read-only window. `session_of` gives the kiosk's session (None before a login)."""

    def __init__(self, texts: Texts, session_of: Callable[[], SessionPort | None]) -> None:
        super().__init__()
        self.t = texts
        self._session_of = session_of
        self.session: SessionPort | None = None
        self.count: Count | None = None
        self.view: WitnessView | None = None
        self.tally: Tally | None = None
        self.number: str | None = None
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._build()
        texts.changed.connect(lambda _lang: self.refresh(force=True))
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(POLL_MS)
        self.refresh(force=True)

    def _build(self) -> None:
        self.setStyleSheet(f"WitnessWindow {{ background:{PALETTE.background}; }}")
        self.title = title_label()
        self.bureau = QLabel()
        self.bureau.setProperty("role", "big")
        self.bureau.setWordWrap(True)
        self.phase = QLabel()
        self.phase.setProperty("role", "subtitle")
        self.summary = wrapped_label()
        self.summary.setProperty("role", "big")
        self.differences = wrapped_label()
        self.tiles_frame = QFrame()
        self.tiles = QGridLayout(self.tiles_frame)
        self.tiles.setContentsMargins(0, 0, 0, 0)
        self.tiles.setSpacing(6)
        self.tile_labels: list[QLabel] = []
        self.table = ListTotalsTable(self.t, fit_rows=True)  # no one scrolls this screen: every list at once
        self.totals = wrapped_label()
        self.totals.setProperty("role", "big")
        self.control_title = wrapped_label()
        self.control_title.setProperty("role", "subtitle")
        self.control = QLabel()
        self.control.setProperty("role", "control")
        self.control.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = wrapped_label()
        self.note.setProperty("role", "status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        for widget in (self.title, self.bureau, self.phase, self.summary, self.differences, self.tiles_frame):
            layout.addWidget(widget)
        layout.addWidget(self.table)
        layout.addWidget(self.totals)
        control_row = QHBoxLayout()  # the title beside the number, as on the result screen: a line less
        control_row.addWidget(self.control_title, 1)
        control_row.addWidget(self.control)
        layout.addLayout(control_row)
        layout.addStretch(1)
        layout.addWidget(self.note)

    def labels(self) -> list[QLabel]:
        """Every label of the window (what a witness can read)."""
        return self.findChildren(QLabel)

    # --- state ---------------------------------------------------------------------------------------------------

    def refresh(self, force: bool = False) -> None:
        """Show the kiosk's count when it changed (counts are immutable: a new one is a change)."""
        session = self._session_of()
        count = None if session is None else session.count
        if not force and session is self.session and count is self.count:
            return
        self.session, self.count = session, count
        self.view = None if count is None else witness_view(count)
        self.tally, self.number = None, None
        if session is not None and self.view is not None and self.view.final:
            self.tally = count_tally(session)
            self.number = session_control_number(session, self.tally)
        self._show()

    def _show(self) -> None:
        t, session, view = self.t, self.session, self.view
        self.title.setText(t("ui.witness.title"))
        self.note.setText(t("ui.witness.note"))
        if session is None or view is None:
            self.bureau.setText(t("ui.witness.waiting"))
            for widget in (self.phase, self.summary, self.differences, self.tiles_frame, self.table, self.totals):
                widget.setVisible(False)
            self._show_final(None)
            self._set_tiles(())
            return
        record = session.count.record
        bureau = t("ui.status.bureau", name=session.station.name, id=session.station.id)
        president = t("ui.witness.president", name=record.president) if record.president else ""
        self.bureau.setText(f"{bureau} {president}".strip())
        self.phase.setText(t("ui.witness.phase", phase=t(f"ui.phase.{view.phase.value}")))
        self.summary.setText(t("ui.witness.done", first=view.done[0], second=view.done[1], total=len(view.piles)))
        if view.open_differences:
            self.differences.setText(t("ui.witness.open", count=view.open_differences))
            self.differences.setStyleSheet(banner_style(Urgency.WARNING))
        else:
            self.differences.setText(t("ui.witness.none_open"))
            self.differences.setStyleSheet(banner_style(Urgency.INFO))
        self.phase.setVisible(True)
        # once the result is fixed every pile is done and no difference is open: the lines give way to the totals
        # (with them, 12 lists and the control number did not fit a 1366x768 display)
        for widget in (self.summary, self.differences, self.tiles_frame):
            widget.setVisible(not view.final)
        self._set_tiles(() if view.final else view.piles)
        self._show_final(session)

    def _show_final(self, session: SessionPort | None) -> None:
        final = session is not None and self.tally is not None
        for widget in (self.table, self.totals, self.control_title, self.control):
            widget.setVisible(final)
        if session is None or self.tally is None:
            return
        t = self.tally
        self.table.show_tally(session.election, t)
        self.table.retranslate()
        self.totals.setText(
            self.t(
                "ui.review.totals",
                counted=t.counted,
                valid=t.valid,
                blank_or_invalid=t.blank_or_invalid,
                blank=t.blank,
                invalid=t.invalid,
            )
        )
        self.control_title.setText(self.t("ui.witness.control_number"))
        self.control.setText(group_control_number(self.number or ""))

    def _set_tiles(self, piles: tuple[PileView, ...]) -> None:
        while len(self.tile_labels) > len(piles):
            label = self.tile_labels.pop()
            self.tiles.removeWidget(label)
            label.hide()
            label.deleteLater()
        while len(self.tile_labels) < len(piles):
            label = QLabel()
            label.setWordWrap(True)
            index = len(self.tile_labels)
            self.tiles.addWidget(label, index // TILE_COLUMNS, index % TILE_COLUMNS)
            self.tile_labels.append(label)
        for label, pile in zip(self.tile_labels, piles, strict=True):
            text, urgency = self._tile(pile)
            label.setText(text)
            label.setStyleSheet(banner_style(urgency))

    def _tile(self, pile: PileView) -> tuple[str, Urgency]:
        t = self.t
        parts = [t("ui.witness.pile", pile=pile.number)]
        for pass_no, view in zip(Pass, pile.passes, strict=True):
            name = t(f"ui.pass.{int(pass_no)}")
            if view.finished and view.ballots is not None:
                parts.append(t("ui.witness.pass_done", pass_name=name, ballots=view.ballots))
            elif view.finished:
                parts.append(t("ui.witness.pass_finished", pass_name=name))
            elif view.started:
                parts.append(t("ui.witness.pass_busy", pass_name=name))
            else:
                parts.append(t("ui.witness.pass_waiting", pass_name=name))
        if pile.decided:
            parts.append(t("ui.witness.decided"))
            urgency = Urgency.OK
        elif pile.open_differences:
            parts.append(t("ui.witness.pile_open", count=pile.open_differences))
            urgency = Urgency.WARNING
        elif pile.open_differences == 0:
            parts.append(t("ui.witness.agreed"))
            urgency = Urgency.OK
        else:
            urgency = Urgency.INFO
        return "\n".join(parts), urgency

    def closeEvent(self, event: QCloseEvent) -> None:
        """No one closes the witness screen from the outside; it goes with the kiosk."""
        if getattr(self, "closing", False):
            event.accept()
        else:
            event.ignore()

    def shut(self) -> None:
        self.closing = True
        self._timer.stop()
        self.close()


# --- the second display ------------------------------------------------------------------------------------------


def witness_screen(screens: list[QScreen], primary: QScreen | None) -> QScreen | None:
    """The display for the witness window: the first one that is not the kiosk's own (None: there is none)."""
    return next((s for s in screens if s is not primary), None)


class President(Protocol):
    """Where the kiosk tells the president something: the main window's notice under its header."""

    notice: Banner
    notice_row: QWidget


class WitnessDisplay(QObject):
    """Keeps the witness window on a second display: shown full screen there when one is attached, taken away when
    it goes (it never covers the kiosk); with `forced` (`--witness`) shown as a window when there is no second
    display, for testing on one screen.

    A display pulled out is handled at once, before Qt moves the window onto the kiosk's display, and the president
    is told (the witnesses no longer see the count); when a display comes back the window goes there again, and the
    president is told that too."""

    def __init__(
        self,
        window: WitnessWindow,
        *,
        forced: bool = False,
        displays: Displays | None = None,
        president: President | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.forced = forced
        self.displays: Displays = displays or QtDisplays()
        self.president = president
        self.screen: QScreen | None = None
        self.displays.watch(self._on_added, self._on_removed)
        self.place()

    def place(self) -> None:
        try:
            screen = witness_screen(self.displays.screens(), self.displays.primary())
        except RuntimeError:  # a display that went away while it was asked about
            screen = None
        self.screen = screen
        if screen is not None:
            self.window.setScreen(screen)
            self.window.setGeometry(screen.geometry())
            self.window.showFullScreen()
        elif self.forced:
            kiosk = self.displays.primary()
            if kiosk is not None:
                self.window.setScreen(kiosk)  # off the display that went, so Qt leaves it where it is
            self.window.showNormal()
            self.window.resize(1280, 720)
        else:
            self.window.hide()

    def _on_added(self, _screen: QScreen) -> None:
        QTimer.singleShot(0, self._after_added)  # Qt announces a display before its geometry is settled

    def _after_added(self) -> None:
        had = self.screen is not None
        self.place()
        if not had and self.screen is not None:
            self._tell("ui.witness.display_back", Urgency.OK)

    def _on_removed(self, _screen: QScreen) -> None:
        # now, not later: Qt moves the windows of a pulled display onto the kiosk's once this returns
        had = self.screen is not None
        self.place()
        if had and self.screen is None:
            key = "ui.witness.display_lost_window" if self.forced else "ui.witness.display_lost"
            self._tell(key, Urgency.WARNING)

    def _tell(self, key: str, urgency: Urgency) -> None:
        if self.president is not None:
            self.president.notice.show_key(key, urgency)
            self.president.notice_row.setVisible(True)


def open_witness(
    texts: Texts,
    session_of: Callable[[], SessionPort | None],
    *,
    forced: bool,
    president: President | None = None,
) -> WitnessDisplay:
    """The witness window for the kiosk (run_station): on a second display, or as a window with `forced`; the
    president (the kiosk's main window) hears when its display goes or comes back."""
    return WitnessDisplay(WitnessWindow(texts, session_of), forced=forced, president=president)
