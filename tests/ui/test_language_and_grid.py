"""Language switching re-renders every text (U1); the grid shows every list alike, in list order (U6)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.counting.bureau import BureauRecord
from app.counting.count import RecordBureau
from app.counting.double_entry import Pass
from app.ui.ballot_grid import BallotGrid
from app.ui.main import MainWindow
from app.ui.texts import Texts
from tests.reference import chamber_2024
from tests.ui.conftest import FakeSession, make_session

if TYPE_CHECKING:
    from tests.conftest import TestPki


def test_switching_language_changes_the_texts_on_screen(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    assert window.login.title.text() == "Aanmelden"
    window.switch.buttons["fr"].click()
    assert window.login.title.text() == "Connexion"
    assert window.overview.title.text() == "Aperçu des piles"
    session.apply(RecordBureau(BureauRecord(president="Anne")))  # a pass is started by a member (C5)
    window.attach(session)
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
    from app.counting.count import ConfirmBallot, StartPile
    from app.counting.model import Ballot

    session = make_session(test_pki, tmp_path)
    session.apply(StartPile(2, Pass.FIRST, "An"))
    session.apply(ConfirmBallot(2, Pass.FIRST, Ballot()))
    from tests.ui.conftest import FakeBackend

    win = MainWindow(FakeBackend(session, stick=tmp_path), Texts("nl"))
    qtbot.addWidget(win)
    win.attach(session)
    assert win.overview.pile_no.value() == 2 and win.overview.selected_pass() is Pass.FIRST
    win.overview.start()  # continues: no new StartPile
    assert win.entry.position.text() == "Stapel 2 · stembiljet 2 van 50"
