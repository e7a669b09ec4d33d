"""The touch grid of a ballot: every list as an identical tile in official list order (U6), and the candidate boxes
of the list picked.

The grid never takes the keyboard focus, so Enter always reaches the marks field of the entry screen (U7).
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.counting.model import Box, CandidateList, Election, Kind, ListNumber, Mark
from app.ui.texts import Texts
from app.ui.theme import PALETTE

GRID_WIDTH = 900  # the width the tiles share; every tile gets the same fixed size from it
TILE_HEIGHT = 96
SPACING = 6
CANDIDATE_COLUMNS = 4
CANDIDATE_HEIGHT = 36


def tile_columns(lists: int) -> int:
    """Six tiles a row for the usual 12 lists or fewer, eight for long ballots (Brussels)."""
    return max(1, min(lists, 6 if lists <= 12 else 8))


def tile_size(lists: int) -> tuple[int, int]:
    columns = tile_columns(lists)
    return (GRID_WIDTH - (columns - 1) * SPACING) // columns, TILE_HEIGHT


def _button(checkable: bool = True) -> QPushButton:
    button = QPushButton()
    button.setCheckable(checkable)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class ListTile(QFrame):
    """One list: a button to show its candidates and the list box (lijststem); the same size for every list."""

    def __init__(self, lst: CandidateList, size: tuple[int, int], font: QFont) -> None:
        super().__init__()
        self.number = lst.number
        self.setProperty("role", "card")
        self.setFixedSize(*size)
        self.pick = _button()
        self.pick.setFont(font)
        self.list_box = _button()
        self.list_box.setFont(font)
        for button in (self.pick, self.list_box):
            button.setStyleSheet("padding:2px 4px; min-height:30px;")  # two touch targets fit in one tile
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.pick)
        layout.addWidget(self.list_box)
        width = size[0] - 24
        bold = QFont(font)
        bold.setBold(True)
        name = QFontMetrics(bold).elidedText(lst.name, Qt.TextElideMode.ElideRight, width - 40)
        self.pick.setText(f"{lst.number} · {name}")
        self.pick.setToolTip(f"{lst.number} {lst.name}")

    def show_marked(self, marked: bool) -> None:
        """A list with marks on the ballot gets a thicker border: several marked lists show at a glance."""
        self.setStyleSheet(f"ListTile {{ border:3px solid {PALETTE.accent}; }}" if marked else "")


class CandidatePanel(QWidget):
    """The titular and successor boxes of one list, in ballot order, column by column."""

    def __init__(self, lst: CandidateList, font: QFont, width: int) -> None:
        super().__init__()
        self.buttons: dict[Mark, QPushButton] = {}
        self.headings: dict[Kind, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        button_width = (width - (CANDIDATE_COLUMNS - 1) * SPACING) // CANDIDATE_COLUMNS
        bold = QFont(font)
        bold.setBold(True)  # a ticked box is drawn bold: elide for that width, so ticking never cuts a name
        for kind, candidates in ((Kind.TITULAR, lst.titulars), (Kind.SUCCESSOR, lst.successors)):
            if not candidates:
                continue
            heading = QLabel()
            heading.setProperty("role", "subtitle")
            self.headings[kind] = heading
            layout.addWidget(heading)
            grid = QGridLayout()
            grid.setSpacing(SPACING)
            rows = math.ceil(len(candidates) / CANDIDATE_COLUMNS)
            for index, candidate in enumerate(candidates):
                mark = Mark(lst.number, Box(kind.value), candidate.position)
                button = _button()
                button.setFont(font)
                button.setFixedSize(button_width, CANDIDATE_HEIGHT)
                label = f"{kind.value}{candidate.position}  {candidate.name}"
                elided = QFontMetrics(bold).elidedText(label, Qt.TextElideMode.ElideRight, button_width - 28)
                button.setText(elided)
                button.setToolTip(label)
                button.setStyleSheet("text-align:left;")
                self.buttons[mark] = button
                grid.addWidget(button, index % rows, index // rows)  # column by column, like the paper
            layout.addLayout(grid)
        layout.addStretch(1)


class BallotGrid(QWidget):
    """Marks by touch. `marks_changed` fires on a tap; `set_marks` (from the keyboard) does not fire it."""

    marks_changed = Signal()

    def __init__(self, texts: Texts, election: Election) -> None:
        super().__init__()
        self.t = texts
        self.election = election
        self._marks: set[Mark] = set()
        self._panels: dict[int, CandidatePanel] = {}
        self.tile_font = QFont(self.font())  # one font object for every list: identical typography (U6)
        self.tiles: dict[int, ListTile] = {}
        self._picks = QButtonGroup(self)
        self._picks.setExclusive(True)
        tiles = QGridLayout()
        tiles.setSpacing(SPACING)
        size = tile_size(len(election.lists))
        columns = tile_columns(len(election.lists))
        for index, lst in enumerate(election.lists):  # Election keeps the official list order
            tile = ListTile(lst, size, self.tile_font)
            tile.pick.clicked.connect(lambda _=False, n=lst.number: self.select_list(n))
            tile.list_box.toggled.connect(lambda on, n=lst.number: self._toggle(Mark(ListNumber(n), Box.LIST), on))
            self._picks.addButton(tile.pick)
            self.tiles[lst.number] = tile
            tiles.addWidget(tile, index // columns, index % columns)
        self.heading = QLabel()
        self.heading.setProperty("role", "subtitle")
        self._stack = QStackedWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._stack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tiles)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        self.selected: int | None = None
        if election.lists:
            self.select_list(election.lists[0].number)
        self.retranslate()

    # --- state ---------------------------------------------------------------------------------------------------

    def marks(self) -> frozenset[Mark]:
        return frozenset(self._marks)

    def set_marks(self, marks: frozenset[Mark]) -> None:
        """Show `marks` (typed on the keyboard) and pick the list of the last one typed."""
        self._marks = set(marks)
        self._sync()
        if marks:
            last = max(marks, key=Mark.sort_key)
            if last.list_number in self.tiles:
                self.select_list(last.list_number)

    def select_list(self, number: int) -> None:
        lst = self.election.list_by_number(number)
        if lst is None:
            return
        panel = self._panels.get(number)
        if panel is None:  # built on first use: a Flemish ballot has hundreds of boxes
            panel = CandidatePanel(lst, self.tile_font, GRID_WIDTH - 20)
            for mark, button in panel.buttons.items():
                button.toggled.connect(lambda on, m=mark: self._toggle(m, on))
            self._panels[number] = panel
            self._stack.addWidget(panel)
            self._retranslate_panel(panel)
        self.selected = number
        self.tiles[number].pick.setChecked(True)
        self._stack.setCurrentWidget(panel)
        self._sync()
        self._retranslate_heading()

    def candidate_button(self, mark: Mark) -> QPushButton:
        """The box for `mark` (its list is picked first), e.g. for tests and keyboard-less use."""
        self.select_list(mark.list_number)
        if mark.box is Box.LIST:
            return self.tiles[mark.list_number].list_box
        return self._panels[mark.list_number].buttons[mark]

    def _toggle(self, mark: Mark, on: bool) -> None:
        if on == (mark in self._marks):
            return
        if on:
            self._marks.add(mark)
        else:
            self._marks.discard(mark)
        self._sync()
        self.marks_changed.emit()

    def _sync(self) -> None:
        """Make every box and tile badge show the current marks, without echoing toggles back."""
        for number, tile in self.tiles.items():
            _set_checked(tile.list_box, Mark(ListNumber(number), Box.LIST) in self._marks)
            tile.show_marked(any(m.list_number == number for m in self._marks))
        for panel in self._panels.values():
            for mark, button in panel.buttons.items():
                _set_checked(button, mark in self._marks)

    # --- texts ---------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        for tile in self.tiles.values():
            tile.list_box.setText(self.t("ui.grid.list_vote"))
        for panel in self._panels.values():
            self._retranslate_panel(panel)
        self._retranslate_heading()

    def _retranslate_panel(self, panel: CandidatePanel) -> None:
        for kind, heading in panel.headings.items():
            heading.setText(self.t("ui.grid.titulars" if kind is Kind.TITULAR else "ui.grid.successors"))

    def _retranslate_heading(self) -> None:
        lst = None if self.selected is None else self.election.list_by_number(self.selected)
        self.heading.setText("" if lst is None else self.t("ui.grid.list", number=lst.number, name=lst.name))


def _set_checked(button: QPushButton, checked: bool) -> None:
    if button.isChecked() != checked:
        button.blockSignals(True)
        button.setChecked(checked)
        button.blockSignals(False)
