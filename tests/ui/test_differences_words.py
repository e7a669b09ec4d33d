"""Differences said in words (finding 7 of the first-time president test): each pass's ballot as the entry table
says it, with list, position and candidate name, in NL, FR and DE; never the keyboard notation `2 T3`."""

from __future__ import annotations

import pytest

from app.counting.double_entry import Take
from app.counting.model import Ballot, Box, ListNumber, Mark, Position, Status
from app.ui.main import MainWindow
from tests.ui.conftest import FakeSession
from tests.ui.test_settle_and_result import A, B, C, enter

SUCCESSOR = Ballot(frozenset({Mark(ListNumber(2), Box.SUCCESSOR, Position(1))}))
CONTESTED = Ballot(B.marks, Status.CONTESTED)

WORDS = {
    "nl": ("Lijst 2 · kandidaat 1 · {t1}", "Lijst 2 · kandidaat 2 · {t2}", "(geen stembiljet)", "blanco"),
    "fr": ("Liste 2 · candidat 1 · {t1}", "Liste 2 · candidat 2 · {t2}", "(pas de bulletin)", "blanc"),
    "de": ("Liste 2 · Kandidat 1 · {t1}", "Liste 2 · Kandidat 2 · {t2}", "(kein Stimmzettel)", "weiß"),
}


def names(session: FakeSession) -> dict[str, str]:
    lst = session.election.list_by_number(ListNumber(2))
    assert lst is not None
    return {"t1": lst.titulars[0].name, "t2": lst.titulars[1].name, "s1": lst.successors[0].name}


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_each_pass_s_ballot_is_said_with_list_position_and_candidate_name(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession, language: str
) -> None:
    enter(session, 1, [A, B, A], [A, C, A])
    window.attach(session)
    window.show_screen(window.differences)
    window.t.set_language(language)
    row = window.differences.rows[0]
    first, second, _, _ = WORDS[language]
    assert row.side_1.text() == first.format(**names(session))
    assert row.side_2.text() == second.format(**names(session))


def test_a_successor_a_list_vote_and_a_contested_ballot_are_said_as_the_entry_table_says_them(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession
) -> None:
    enter(session, 1, [SUCCESSOR, CONTESTED], [A, CONTESTED])
    window.attach(session)
    window.show_screen(window.differences)
    changed, contested = window.differences.rows
    assert changed.side_1.text() == f"Lijst 2 · opvolger 1 · {names(session)['s1']}"
    assert changed.side_2.text().startswith("Lijst 1 · ") and changed.side_2.text().endswith(" — lijststem")
    assert contested.side_1.text() == f"Lijst 2 · kandidaat 1 · {names(session)['t1']}; betwist"


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_a_ballot_one_pass_does_not_have_and_a_blank_ballot_are_said_in_words(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession, language: str
) -> None:
    enter(session, 1, [A, Ballot(), A], [A, A])
    window.attach(session)
    window.show_screen(window.differences)
    window.t.set_language(language)
    _, _, none, blank = WORDS[language]
    texts = {(r.side_1.text(), r.side_2.text()) for r in window.differences.rows}
    assert (blank, none) in texts


def test_what_the_bureau_types_as_something_else_is_echoed_in_words(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession
) -> None:
    enter(session, 1, [A, B, A], [A, C, A])
    window.attach(session)
    window.show_screen(window.differences)
    row = window.differences.rows[0]
    row.choose(Take.OTHER)
    qtbot.keyClicks(row.others[0].marks, "2 T2")
    assert row.other_summary.text() == f"Hier: 1 stembiljet(ten): Lijst 2 · kandidaat 2 · {names(session)['t2']}"
