"""Language switching re-renders every text (U1); the grid shows every list alike, in list order (U6), and every
name whole and as written, at 1366x768 and 1920x1080, with touch targets of at least 9 mm."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from app.counting.bureau import BureauRecord
from app.counting.count import ConfirmBallot, FinishPile, RecordBureau, StartPile
from app.counting.double_entry import Pass
from app.counting.model import Ballot, Box, ListNumber, Mark, Position, Status
from app.errors import BadInput
from app.i18n import LANGUAGES, catalogue
from app.ui.ballot_grid import BallotGrid
from app.ui.main import MainWindow
from app.ui.texts import Texts
from app.ui.theme import touch_px
from app.ui.widgets import ConfirmButton, WrapButton, button_text
from tests.reference import chamber_2024
from tests.ui.conftest import FakeBackend, FakeSession, make_session

if TYPE_CHECKING:
    from tests.conftest import TestPki


def test_switching_language_changes_the_texts_on_screen(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    assert window.login.title.text() == "Aanmelden"
    window.switch.buttons["fr"].click()
    assert window.login.title.text() == "Connexion"
    assert window.overview.title.text() == "Aperçu des piles"
    session.apply(RecordBureau(BureauRecord(president="Anne")))  # a pass is started by a member (C5)
    window.attach(session)
    assert window.login.title.text() == "Aanmelden"  # logged in: the bureau's language (Dutch here) by default
    window.switch.buttons["fr"].click()  # and the switch stays free
    window.show_screen(window.overview)
    window.overview.member.setCurrentIndex(0)
    window.overview.start()
    assert window.entry.position.text().startswith("Pile 1 · bulletin 1")
    window.switch.buttons["de"].click()
    assert window.entry.position.text().startswith("Stapel 1 · Stimmzettel 1")
    assert window.entry.confirm_button.text() == "Bestätigen (Eingabe)"
    assert "Unterkategorie" not in window.status.bureau.text()
    assert window.status.phase.text() == "Eingabe"
    assert window.switch.buttons["de"].isChecked()


def test_every_list_tile_and_candidate_box_has_the_same_size_and_font(qtbot, test_pki: TestPki, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    election = chamber_2024()
    grid = BallotGrid(Texts("nl"), election)
    qtbot.addWidget(grid)
    grid.show()
    assert list(grid.tiles) == [lst.number for lst in election.lists]  # official list order
    sizes = {tile.size().toTuple() for tile in grid.tiles.values()}
    fonts = {
        (b.font().family(), b.font().pointSize(), b.font().bold())
        for t in grid.tiles.values()
        for b in (t.pick, t.list_box)
    }
    assert len(sizes) == 1 and len(fonts) == 1
    boxes = set()
    for lst in election.lists:
        grid.select_list(lst.number)
        panel = grid._panels[lst.number]
        boxes |= {(b.size().toTuple(), b.font().family(), b.font().pointSize()) for b in panel.buttons.values()}
    assert len(boxes) == 1


def test_a_restart_resumes_the_pass_where_it_stood(qtbot, test_pki: TestPki, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = make_session(test_pki, tmp_path)
    session.apply(StartPile(2, Pass.FIRST, "An"))
    session.apply(ConfirmBallot(2, Pass.FIRST, Ballot()))

    win = MainWindow(FakeBackend(session, stick=tmp_path), Texts("nl"))
    qtbot.addWidget(win)
    win.attach(session)
    assert win.overview.pile_no.value() == 2 and win.overview.selected_pass() is Pass.FIRST
    win.overview.start()  # continues: no new StartPile
    assert win.entry.position.text() == "Stapel 2 · stembiljet 2 van 50"


def test_an_ampersand_in_a_name_is_shown_not_read_as_a_shortcut() -> None:
    assert button_text("CD&V") == "CD&&V"
    assert button_text("A && B") == "A &&&& B"
    assert QKeySequence.mnemonic(button_text("16 · CD&V")).isEmpty()  # Qt would underline the V of "CD&V"
    assert not QKeySequence.mnemonic("16 · CD&V").isEmpty()


def test_a_two_step_button_shows_a_name_in_its_label_as_written(qtbot) -> None:  # type: ignore[no-untyped-def]
    button = ConfirmButton(lambda: "Pass of Jan & Piet", lambda: "Sure? Jan & Piet")
    qtbot.addWidget(button)
    assert button.text() == "Pass of Jan && Piet" and QKeySequence.mnemonic(button.text()).isEmpty()
    button.click()
    assert button.armed and button.text() == "Sure? Jan && Piet"


def _grid_buttons(grid: BallotGrid) -> list[WrapButton]:
    buttons: list[WrapButton] = []
    for lst in grid.election.lists:
        grid.select_list(lst.number)
        tile = grid.tiles[lst.number]
        buttons += [tile.pick, tile.list_box, *grid._panels[lst.number].buttons.values()]
    return buttons


def _entry_at(qtbot, test_pki: TestPki, tmp_path: Path, size: tuple[int, int]) -> MainWindow:  # type: ignore[no-untyped-def]
    """The entry screen on the real Antwerp 2024 Chamber lists, in a window of `size`."""
    session = make_session(test_pki, tmp_path, chamber_2024())
    session.apply(RecordBureau(BureauRecord(president="An Peeters")))
    win = MainWindow(FakeBackend(session, stick=tmp_path), Texts("nl"))
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.attach(session)
    win.show_screen(win.overview)
    win.overview.member.setCurrentIndex(0)
    win.overview.start()
    assert win.stack.currentWidget() is win.entry
    QApplication.processEvents()
    return win


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_list_and_candidate_name_is_shown_whole_and_as_written(qtbot, test_pki, tmp_path, size) -> None:  # type: ignore[no-untyped-def]
    win = _entry_at(qtbot, test_pki, tmp_path, size)
    grid = win.entry.grid
    assert grid is not None
    assert win.width() == size[0]
    cd_v = grid.tiles[16].pick
    assert cd_v.label_text() == "16 · CD&V" and cd_v.text() == "16 · CD&&V"
    cd_v.click()
    assert grid.heading.text() == "Lijst 16: CD&V · Kandidaat-titularissen"
    election = grid.election
    expected = {f"{lst.number} · {lst.name}" for lst in election.lists} | {
        f"{c.kind.value}{c.position}  {c.name}" for lst in election.lists for c in (*lst.titulars, *lst.successors)
    }
    shown = set()
    for button in _grid_buttons(grid):
        QApplication.processEvents()
        label = button.label
        text = button.label_text()
        shown.add(text)
        assert "…" not in text and "..." not in text
        assert QKeySequence.mnemonic(button.text()).isEmpty(), text  # no underlined letter, no letter dropped
        # the wrapped name fits its label: nothing cut at the side or at the bottom
        assert label.heightForWidth(label.width()) <= label.height(), (text, label.size())
        assert label.fontMetrics().boundingRect(label.contentsRect(), label.alignment() | 0x1000, text).width() <= (
            label.width()
        ), text
    assert expected <= shown


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_grid_buttons_are_touch_targets_and_every_list_looks_alike(qtbot, test_pki, tmp_path, size) -> None:  # type: ignore[no-untyped-def]
    win = _entry_at(qtbot, test_pki, tmp_path, size)
    grid = win.entry.grid
    assert grid is not None
    touch = touch_px(grid.screen())
    assert touch >= 34  # 9 mm at 96 dpi or more
    buttons = _grid_buttons(grid)
    QApplication.processEvents()
    assert all(min(b.width(), b.height()) >= touch for b in buttons)
    tiles = {tile.size().toTuple() for tile in grid.tiles.values()}
    picks = {t.pick.size().toTuple() for t in grid.tiles.values()}
    fonts = {(b.label.font().family(), b.label.font().pointSize(), b.label.font().bold()) for b in buttons}
    assert len(tiles) == 1 and len(picks) == 1 and len(fonts) == 1
    # ticking a box changes neither its size nor its typography (U6)
    box = grid.candidate_button(Mark(ListNumber(16), Box.TITULAR, Position(1)))
    assert isinstance(box, WrapButton)
    before = (box.size().toTuple(), box.label.font().bold())
    box.click()
    QApplication.processEvents()
    assert box.isChecked() and (box.size().toTuple(), box.label.font().bold()) == before
    assert grid.tiles[16].size().toTuple() in tiles
    # the grid fits the screen: no tile reaches past the window's right edge
    right = max(t.mapTo(win, t.rect().topRight()).x() for t in grid.tiles.values())
    assert right < win.width()


def test_the_grid_follows_the_window_from_wide_to_narrow(qtbot, test_pki: TestPki, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = _entry_at(qtbot, test_pki, tmp_path, (1920, 1080))
    grid = win.entry.grid
    assert grid is not None
    wide = grid.candidate_cells
    win.resize(1366, 768)
    qtbot.waitUntil(lambda: win.width() == 1366)
    QApplication.processEvents()
    narrow = grid.candidate_cells
    assert narrow.width < wide.width and narrow.columns <= wide.columns
    assert max(t.mapTo(win, t.rect().topRight()).x() for t in grid.tiles.values()) < 1366


# --- no text left in the previous language ---------------------------------------------------------------------------


def _foreign(language: str) -> tuple[set[str], set[str]]:
    """What only another language says: whole messages, and long fixed parts of messages with parameters."""
    own = {texts[language] for texts in catalogue().values()}
    own_text = "\n".join(own)
    whole: set[str] = set()
    parts: set[str] = set()
    for texts in catalogue().values():
        for other in LANGUAGES:
            value = texts[other]
            if other == language or value == texts[language]:
                continue
            if "{" not in value and len(value) >= 4 and value not in own:
                whole.add(value)
            for part in re.split(r"\{[^}]*\}", value):
                part = part.strip(" :;,.·()")
                if len(part) >= 14 and part not in own_text:
                    parts.add(part)
    return whole, parts


def _shown_texts(win: MainWindow) -> list[str]:
    """Every text a person sees in the window now: labels, buttons, placeholders, lists, table headers and cells."""
    texts: list[str] = []
    for widget in win.findChildren(QWidget):
        if not widget.isVisibleTo(win):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.placeholderText(), *(widget.itemText(i) for i in range(widget.count()))]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTableWidget):
            headers = (widget.horizontalHeaderItem(c) for c in range(widget.columnCount()))
            texts += [h.text() for h in headers if h is not None]
            cells = (widget.item(r, c) for r in range(widget.rowCount()) for c in range(widget.columnCount()))
            texts += [item.text() for item in cells if item is not None]
    return [text for text in texts if text]


def _left_over(win: MainWindow, language: str) -> list[str]:
    whole, parts = _foreign(language)
    return [t for t in _shown_texts(win) if t in whole or any(part in t for part in parts)]


def _bureau_with_everything(test_pki: TestPki, tmp_path: Path) -> FakeSession:
    """Members, a pile with a difference and a contested ballot, a pass under way: every screen has its texts."""
    a = Ballot(frozenset({Mark(ListNumber(1), Box.LIST)}))
    b = Ballot(frozenset({Mark(ListNumber(2), Box.TITULAR, Position(1))}))
    c = Ballot(frozenset({Mark(ListNumber(2), Box.TITULAR, Position(2))}))
    session = make_session(test_pki, tmp_path)
    session.apply(RecordBureau(BureauRecord(president="Ann Dupré", secretary="Bram Claes", assessors=("Chloé",))))
    for pass_no, who, ballots in ((Pass.FIRST, "Ann Dupré", [a, b, c]), (Pass.SECOND, "Bram Claes", [a, c, c])):
        session.apply(StartPile(1, pass_no, who, 3))
        for ballot in ballots:
            session.apply(ConfirmBallot(1, pass_no, ballot))
        session.apply(FinishPile(1, pass_no))
    session.apply(StartPile(2, Pass.FIRST, "Chloé"))
    session.apply(ConfirmBallot(2, Pass.FIRST, Ballot(b.marks, Status.CONTESTED)))
    return session


def test_switching_nl_fr_de_leaves_no_text_of_another_language_on_any_screen(qtbot, test_pki, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session = _bureau_with_everything(test_pki, tmp_path)
    win = MainWindow(FakeBackend(session, stick=tmp_path), Texts("nl"))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)

    def login() -> None:
        win.login.show_failure(BadInput("auth.wrong_password", station="B0042", failures=3, delay=4), 0)

    def loading() -> None:
        win.stack.setCurrentWidget(win.loading)
        win.loading.show_progress(0.4, "auth.step.deriving")

    def attached() -> None:
        if win.session is None:
            win.attach(session)

    def show(screen: QWidget) -> Callable[[], None]:
        return lambda: (attached(), win.show_screen(screen))

    def entry() -> None:
        attached()
        win.open_entry(2, Pass.FIRST)
        win.entry.field.setText("2 T1")
        win.entry._on_typed("")

    def locked() -> None:
        attached()
        win.lock_now()
        win.lock.choose(9)  # a refusal on screen too

    def shutting_down() -> None:
        win.unlock("Ann Dupré")
        win.request_shutdown()

    steps: list[tuple[str, Callable[[], None]]] = [
        ("login", login),
        ("loading", loading),
        ("table", show(win.table)),
        ("overview", show(win.overview)),
        ("entry", entry),
        ("differences", show(win.differences)),
        ("checks", show(win.checks)),
        ("bureau", show(win.bureau)),
        ("result", show(win.result)),
        ("lock", locked),
        ("shutdown", shutting_down),
    ]
    problems = []
    for name, step in steps:
        win.switch.buttons["nl"].click()
        step()
        for language in ("fr", "de", "nl"):
            win.t.set_language(language)
            QApplication.processEvents()
            problems += [(name, language, text) for text in _left_over(win, language)]
    assert problems == []
    assert win.outer.currentWidget() is win.shutdown_screen
