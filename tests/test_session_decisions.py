"""The session's record of decisions (C5, X1): every overrule logged with its places and both readings, and listed
for the PV; the PV's differences per ballot with both readings."""

from __future__ import annotations

import json

from app.counting import count as counting
from app.counting.decisions import Entries
from app.counting.double_entry import Decision, Pass
from app.session import Session
from tests.test_session import NOW, enter, session, vote

__all__ = ["session"]  # the fixture


def logged(session: Session, event: str) -> list[dict[str, object]]:
    lines = [json.loads(line) for line in session.log.export().decode("ascii").splitlines()]
    return [line for line in lines if line["event"] == event]


def test_a_decision_against_what_both_passes_agreed_on_is_logged_and_listed_ballot_by_ballot(session: Session) -> None:
    a, b, c, d = vote(1), vote(3), vote(8, 1), vote(10)
    enter(session, 1, Pass.FIRST, "An", [a, b, c])
    enter(session, 1, Pass.SECOND, "Bert", [a, b, c])
    session.apply(counting.Decide(Decision(1, (d, b), "voorzitter", NOW, "herteld: 1 is een lijststem voor 10")))

    (decided,) = logged(session, "difference.decided")
    assert decided["detail"] == {"pile": 1, "ballots": 2, "differences": 0, "overruled": 2}
    assert decided["user"] == "S-1/voorzitter"
    details = [e["detail"] for e in logged(session, "ballot.overruled")]
    assert details == [
        {"pile": 1, "position_1": 1, "position_2": 1, "position": 1, "agreed": "1:H", "agreed_status": "",
         "decided": "10:H", "decided_status": "", "note": "herteld: 1 is een lijststem voor 10"},
        {"pile": 1, "position_1": 3, "position_2": 3, "position": None, "agreed": "8:T1", "agreed_status": "",
         "decided": None, "decided_status": None, "note": "herteld: 1 is een lijststem voor 10"},
    ]  # fmt: skip

    rows = session._overrules()
    assert [(r.ballot, r.pass1, r.pass2, r.final) for r in rows] == [
        ("1/1", session.describe(a), session.describe(a), session.describe(d)),
        ("1/3", session.describe(c), session.describe(c), "geen stembiljet (niet in de stapel)"),
    ]
    assert {(r.decided_by, r.explanation) for r in rows} == {("voorzitter", "herteld: 1 is een lijststem voor 10")}
    assert session._decided_differences() == ()  # the passes did not differ: nothing but the overrules to show


def test_a_pile_decided_again_logs_its_new_figures_and_only_the_last_decision_counts(session: Session) -> None:
    a, b = vote(1), vote(3)
    enter(session, 1, Pass.FIRST, "An", [a, b])
    enter(session, 1, Pass.SECOND, "Bert", [a, a])
    session.apply(counting.Decide(Decision(1, (b, b), "voorzitter", NOW)))  # 1 overrule (ballot 1), 1 difference
    session.apply(counting.Decide(Decision(1, (a, b), "voorzitter", NOW)))  # looked again: no overrule
    figures = [e["detail"] for e in logged(session, "difference.decided")]
    assert [(f["differences"], f["overruled"]) for f in figures] == [(1, 1), (1, 0)]
    assert len(logged(session, "ballot.overruled")) == 1 and session._overrules() == ()
    assert counting.entries(session.count) == Entries(2, 2, 1, 0)


def test_a_hand_count_difference_is_listed_with_the_numbers_entered_and_counted(session: Session) -> None:
    a, b, c = vote(1), vote(3), vote(8, 1)
    session.apply(counting.StartPile(1, Pass.FIRST, "An", 3))
    for ballot in (a, b, c):
        session.apply(counting.ConfirmBallot(1, Pass.FIRST, ballot))
    session.apply(counting.FinishPile(1, Pass.FIRST))
    enter(session, 1, Pass.SECOND, "Bert", [a, c])  # pass 2 skipped ballot 2
    session.apply(counting.Decide(Decision(1, (a, b, c), "voorzitter", NOW)))
    count_row, skipped = session._decided_differences()
    assert (count_row.ballot, count_row.pass1, count_row.pass2) == (
        "1/-",
        "3 stembiljetten ingevoerd",
        "2 stembiljetten ingevoerd",
    )
    assert count_row.final == "stapel vastgesteld door het bureau: 3 stembiljetten (met de hand geteld: 3)"
    assert (skipped.ballot, skipped.pass1, skipped.pass2, skipped.final) == (
        "1/2",
        session.describe(b),
        "—",
        session.describe(b),
    )
