"""The touch grid of a ballot: every list as an identical tile in official list order (U6), and the candidate boxes
of the list picked.

Names are shown whole and as written: a name wraps onto a second line rather than being cut, and the grid takes
fewer, wider columns when a name would need more (issue 8: "1 · VLAAM…" and "CDV" are gone). All tiles share one
size and one font, all candidate boxes of the election another, so no list or candidate stands out (U6). Sizes
follow the grid's own width (1366x768 and 1920x1080 alike) and never go under a fingertip (`theme.touch_px`).

The grid never takes the keyboard focus, so Enter always reaches the marks field of the entry screen (U7).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.counting.model import Box, Candidate, CandidateList, Election, Kind, ListNumber, Mark
from app.i18n import LANGUAGES, translate
from app.ui.texts import Texts
from app.ui.theme import PALETTE, touch_px
from app.ui.widgets import LABEL_MARGIN_H, LABEL_MARGIN_W, WrapButton

GRID_WIDTH = 900  # the width laid out for until the grid is shown; from then on it follows its own width
SPACING = 6
MAX_LINES = 2  # a candidate's name may take two lines; one that needs more makes the grid take fewer columns
MAX_TILE_LINES = 3
MAX_CANDIDATE_COLUMNS = 6
TILE_MARGIN = 4
TILE_SPACING = 2
MARKED_BORDER = 3  # the border of a tile with marks; every tile keeps room for it
TILE_INSET = 2 * (MARKED_BORDER + TILE_MARGIN)  # a tile's buttons are this much narrower than the tile
# what a WrapButton keeps around its label, and some air above and below the lines
LABEL_PAD_W = 2 * LABEL_MARGIN_W
LABEL_PAD_H = 2 * LABEL_MARGIN_H + 6


def tile_columns(lists: int) -> int:
    """Six tiles a row for the usual 12 lists or fewer, eight for long ballots (Brussels): the most columns tried."""
    return max(1, min(lists, 6 if lists <= 12 else 8))


@dataclass(frozen=True)
class Cells:
    """How a set of labels is laid out: how many columns, and the one size every cell gets."""

    columns: int
    width: int
    height: int
    lines: int

    @property
    def size(self) -> QSize:
        return QSize(self.width, self.height)


def lines_needed(metrics: QFontMetrics, text: str, width: int) -> int:
    """Lines `text` takes wrapped at word boundaries in `width` pixels; a word wider than that never fits."""
    if width <= 0:
        return 10_000
    rect = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
    if rect.width() > width:
        return 10_000
    return max(1, math.ceil(rect.height() / metrics.lineSpacing() - 0.01))


def cells_for(labels: Sequence[str], font: QFont, width: int, columns: int, touch: int, inset: int = 0) -> Cells:
    """`columns` equal cells in `width`, tall enough for the label that wraps onto the most lines; the label's
    button is `inset` narrower than its cell (a tile's border and margins)."""
    metrics = QFontMetrics(font)
    cell = max(touch + inset, (width - (columns - 1) * SPACING) // columns)
    lines = max((lines_needed(metrics, label, cell - inset - LABEL_PAD_W) for label in labels), default=1)
    height = max(touch, min(lines, 50) * metrics.lineSpacing() + LABEL_PAD_H)
    return Cells(columns, cell, height, lines)


def fit_cells(labels: Sequence[str], font: QFont, width: int, most_columns: int, touch: int) -> Cells:
    """The most columns (at most `most_columns`) in `width` in which every label fits on `MAX_LINES` lines; with
    one column left the labels wrap onto as many lines as they need: a name is never cut."""
    for columns in range(max(1, most_columns), 1, -1):
        cells = cells_for(labels, font, width, columns, touch)
        if cells.lines <= MAX_LINES:
            return cells
    return cells_for(labels, font, width, 1, touch)


def fit_tiles(names: Sequence[str], font: QFont, width: int, most_columns: int, touch: int) -> Cells:
    """The list tiles take the least height: one more line for every tile (a long name like "21 · BELG.UNIE-BUB"
    on three) costs less than a third row of tiles. At most `MAX_TILE_LINES`, unless one column is all there is."""
    best: tuple[int, int, Cells] | None = None
    for columns in range(max(1, most_columns), 0, -1):
        cells = cells_for(names, font, width, columns, touch, TILE_INSET)
        if cells.lines > MAX_TILE_LINES and columns > 1:
            continue
        rows = math.ceil(len(names) / columns)
        height = rows * (tile_height(cells, touch) + SPACING)
        if best is None or height < best[0]:
            best = (height, -columns, cells)
    assert best is not None  # one column always qualifies
    return best[2]


def tile_height(cells: Cells, box_height: int) -> int:
    return TILE_INSET + TILE_SPACING + cells.height + box_height


def list_label(lst: CandidateList) -> str:
    return f"{lst.number} · {lst.name}"


def candidate_label(candidate: Candidate) -> str:
    return f"{candidate.kind.value}{candidate.position}  {candidate.name}"


def _no_focus(button: QPushButton) -> QPushButton:
    button.setCheckable(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class ListTile(QFrame):
    """One list: a button to show its candidates and the list box (lijststem); the same size for every list."""

    def __init__(self, lst: CandidateList, font: QFont) -> None:
        super().__init__()
        self.number = lst.number
        self.setProperty("role", "card")
        self.pick = WrapButton(list_label(lst))
        self.list_box = WrapButton()
        for button in (self.pick, self.list_box):
            _no_focus(button)
            _same_font(button, font)
            button.setStyleSheet("padding:0; min-height:0;")  # the tile sets the sizes, never the theme
        self.pick.setToolTip(f"{lst.number} {lst.name}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(TILE_MARGIN, TILE_MARGIN, TILE_MARGIN, TILE_MARGIN)
        layout.setSpacing(TILE_SPACING)
        layout.addWidget(self.pick)
        layout.addWidget(self.list_box)
        self.marked: bool | None = None
        self.show_marked(False)

    def arrange(self, pick: Cells, box_height: int) -> None:
        """Every tile gets the same size: the list name on `pick.lines` lines above a list box of `box_height`."""
        inner = pick.width - TILE_INSET
        self.pick.fix_size(QSize(inner, pick.height))
        self.list_box.fix_size(QSize(inner, box_height))
        self.setFixedSize(pick.width, tile_height(pick, box_height))

    def show_marked(self, marked: bool) -> None:
        """A list with marks on the ballot gets a thicker border: several marked lists show at a glance. The
        thinner border has a margin to match, so marking a list never moves or squeezes its buttons."""
        if marked == self.marked:
            return  # a style sheet set again re-polishes the tile: not on every key typed
        self.marked = marked
        if marked:
            self.setStyleSheet(f"ListTile {{ border:{MARKED_BORDER}px solid {PALETTE.accent}; margin:0; }}")
        else:
            self.setStyleSheet(f"ListTile {{ margin:{MARKED_BORDER - 1}px; }}")


class CandidatePanel(QWidget):
    """The titular and successor boxes of one list, in ballot order, column by column."""

    def __init__(self, lst: CandidateList, font: QFont, cells: Cells) -> None:
        super().__init__()
        self.buttons: dict[Mark, WrapButton] = {}
        self.headings: dict[Kind, QLabel] = {}
        # the first kind's heading is the grid's own, beside the list name: one line less above the boxes
        self.first_kind: Kind | None = None
        self._grids: list[tuple[QGridLayout, list[WrapButton]]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for kind, candidates in ((Kind.TITULAR, lst.titulars), (Kind.SUCCESSOR, lst.successors)):
            if not candidates:
                continue
            if self.first_kind is None:
                self.first_kind = kind
            else:
                heading = QLabel()
                heading.setProperty("role", "subtitle")
                self.headings[kind] = heading
                layout.addWidget(heading)
            grid = QGridLayout()
            grid.setSpacing(SPACING)
            grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            column: list[WrapButton] = []
            for candidate in candidates:
                button = WrapButton(candidate_label(candidate), Qt.AlignmentFlag.AlignLeft)
                _no_focus(button)
                _same_font(button, font)
                button.setStyleSheet("padding:0; min-height:0;")  # the grid sets the sizes, never the theme
                button.setToolTip(candidate_label(candidate))
                self.buttons[Mark(lst.number, Box(kind.value), candidate.position)] = button
                column.append(button)
            self._grids.append((grid, column))
            layout.addLayout(grid)
        layout.addStretch(1)
        self.arrange(cells)

    def arrange(self, cells: Cells) -> None:
        """Place the boxes in `cells.columns` columns, filled column by column like the paper ballot."""
        for grid, buttons in self._grids:
            rows = math.ceil(len(buttons) / cells.columns)
            for index, button in enumerate(buttons):
                grid.removeWidget(button)
                button.fix_size(cells.size)
                grid.addWidget(button, index % rows, index // rows)


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
        self._tile_grid = QGridLayout()
        self._tile_grid.setSpacing(SPACING)
        self._tile_grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for lst in election.lists:  # Election keeps the official list order
            tile = ListTile(lst, self.tile_font)
            tile.pick.clicked.connect(lambda _=False, n=lst.number: self.select_list(n))
            tile.list_box.toggled.connect(lambda on, n=lst.number: self._toggle(Mark(ListNumber(n), Box.LIST), on))
            self._picks.addButton(tile.pick)
            self.tiles[lst.number] = tile
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setProperty("role", "subtitle")
        self._stack = QStackedWidget()
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._stack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the grid lays itself out for the width it gets, so its fixed-size boxes never hold the window wide
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addLayout(self._tile_grid)
        layout.addWidget(self.heading)
        layout.addWidget(self._scroll, 1)
        self._list_cells: Cells | None = None
        self.candidate_cells = Cells(1, GRID_WIDTH, 0, 1)
        self._laid_out_for = -1
        self.arrange(GRID_WIDTH)
        self.selected: int | None = None
        if election.lists:
            self.select_list(election.lists[0].number)
        self.retranslate()

    # --- layout --------------------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange(event.size().width())

    def arrange(self, width: int) -> None:
        """Size every tile and box for `width`: names whole, tiles as low as possible, boxes in as many columns as
        fit the longest candidate name on two lines."""
        if width == self._laid_out_for or width <= 0:
            return
        self._laid_out_for = width
        touch = touch_px(self.screen())
        names = [list_label(lst) for lst in self.election.lists]
        cells = fit_tiles(names, self.tile_font, width, tile_columns(len(names)), touch)
        # the list box is as tall as its longest translation needs: a language switch never moves the grid
        box = cells_for(_all_languages("ui.grid.list_vote"), self.tile_font, cells.width, 1, touch, TILE_INSET)
        if self._list_cells is None or cells.columns != self._list_cells.columns:
            for index, tile in enumerate(self.tiles.values()):
                self._tile_grid.removeWidget(tile)
                self._tile_grid.addWidget(tile, index // cells.columns, index % cells.columns)
        self._list_cells = cells
        for tile in self.tiles.values():
            tile.arrange(cells, box.height)
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 2 * SPACING
        labels = [candidate_label(c) for lst in self.election.lists for c in (*lst.titulars, *lst.successors)]
        self.candidate_cells = fit_cells(labels, self.tile_font, width - scrollbar, MAX_CANDIDATE_COLUMNS, touch)
        for panel in self._panels.values():
            panel.arrange(self.candidate_cells)

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
            panel = CandidatePanel(lst, self.tile_font, self.candidate_cells)
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
            tile.list_box.set_label(self.t("ui.grid.list_vote"))
        for panel in self._panels.values():
            self._retranslate_panel(panel)
        self._retranslate_heading()

    def _retranslate_panel(self, panel: CandidatePanel) -> None:
        for kind, heading in panel.headings.items():
            heading.setText(self._kind_heading(kind))

    def _kind_heading(self, kind: Kind) -> str:
        return self.t("ui.grid.titulars" if kind is Kind.TITULAR else "ui.grid.successors")

    def _retranslate_heading(self) -> None:
        lst = None if self.selected is None else self.election.list_by_number(self.selected)
        if lst is None:
            self.heading.setText("")
            return
        text = self.t("ui.grid.list", number=lst.number, name=lst.name)
        panel = self._panels.get(lst.number)
        if panel is not None and panel.first_kind is not None:
            text = f"{text} · {self._kind_heading(panel.first_kind)}"
        self.heading.setText(text)


def _same_font(button: WrapButton, font: QFont) -> None:
    """The grid's one font on the button and its label: set on the label itself, the theme's bold `:checked`
    never reaches it (U6: the same typography for every list and candidate, ticked or not)."""
    button.setFont(font)
    button.label.setFont(font)


def _all_languages(key: str) -> tuple[str, ...]:
    return tuple(translate(key, language) for language in LANGUAGES)


def _set_checked(button: QPushButton, checked: bool) -> None:
    if button.isChecked() != checked:
        button.blockSignals(True)
        button.setChecked(checked)
        button.blockSignals(False)
