"""The bureau's explanation of a warning (finding 6 of the first-time president test): a warning whose next step
says "write the explanation into the PV" has a field for it and is acknowledged only with one; the explanation goes
into the bureau's journaled record, which the review and the PV print beside the warning."""

from __future__ import annotations

import pytest

from app.counting.bureau import MAX_EXPLANATION, BureauRecord
from app.counting.count import CloseEntry, RecordBureau
from app.counting.model import Ballot
from app.ui.checks import ChecksScreen, FindingCard
from app.ui.main import MainWindow
from tests.ui.conftest import FakeSession
from tests.ui.test_review import plain
from tests.ui.test_settle_and_result import MEMBERS, A, enter

WHY = "Een kiezer nam zijn stembiljet mee naar huis."


def checks(window: MainWindow, session: FakeSession, record: BureauRecord | None = None) -> ChecksScreen:
    """Two ballots entered (one blank) of three received: W.201 asks for an explanation, W.204 does not."""
    enter(session, 1, [A, Ballot()], [A, Ballot()])
    session.apply(CloseEntry())
    session.apply(RecordBureau(record or BureauRecord(received_total=3, **MEMBERS)))
    window.attach(session)
    screen = window.checks
    assert window.stack.currentWidget() is screen
    assert [f.code for f in screen.findings] == ["W.201", "W.204"]
    return screen


def card(screen: ChecksScreen, code: str) -> FindingCard:
    return next(c for c in screen.cards if c.finding.code == code)


@pytest.mark.parametrize(
    ("language", "needed"),
    [
        ("nl", "Schrijf eerst de verklaring van het bureau"),
        ("fr", "Écrivez d'abord l'explication du bureau"),
        ("de", "Schreiben Sie zuerst die Erklärung des Zählbüros"),
    ],
)
def test_a_warning_that_asks_for_an_explanation_is_not_accepted_with_one_click(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession, language: str, needed: str
) -> None:
    screen = checks(window, session)
    window.t.set_language(language)
    w201 = card(screen, "W.201")
    assert w201.explained and w201.explanation.isVisibleTo(w201) and w201.explanation_label.text()
    assert not w201.ack_button.isEnabled() and w201.state.text().startswith(needed)
    w201.ack_button.click()
    w201.ack_button.clicked.emit()  # even a click that reaches the disabled button accepts nothing
    assert "W.201" not in session.count.acknowledged
    qtbot.keyClicks(w201.explanation, "   ")  # spaces are no explanation
    assert not w201.ack_button.isEnabled()
    w201.explanation.clear()
    qtbot.keyClicks(w201.explanation, f"  {WHY} ")
    assert w201.ack_button.isEnabled() and not w201.state.text().startswith(needed)
    w201.ack_button.click()
    assert "W.201" in session.count.acknowledged
    assert session.count.record.explanation("W.201") == WHY  # journaled, without the spaces around it
    shown = card(screen, "W.201")  # the cards are made again
    assert shown.acknowledged and shown.explanation.isReadOnly() and shown.explanation.text() == WHY


def test_a_warning_that_asks_for_none_is_accepted_with_one_click_and_has_no_field(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession
) -> None:
    screen = checks(window, session)
    w204 = card(screen, "W.204")
    assert not w204.explained and not w204.explanation.isVisibleTo(w204)
    w204.ack_button.click()
    assert "W.204" in session.count.acknowledged and session.count.record.explanations == ()


def test_an_explanation_keeps_the_warnings_already_seen_and_a_draft_survives_them(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession
) -> None:
    screen = checks(window, session)
    qtbot.keyClicks(card(screen, "W.201").explanation, WHY)  # typed, not yet acknowledged
    card(screen, "W.204").ack_button.click()
    assert card(screen, "W.201").explanation.text() == WHY  # not lost when the cards were made again
    card(screen, "W.201").ack_button.click()
    # recording the explanation replaces the record, which alone would drop every acknowledgement
    assert session.count.acknowledged == {"W.201", "W.204"}
    assert screen.review_button.isEnabled()


def test_the_explanation_is_in_the_review_as_the_pv_prints_it(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    screen = checks(window, session)
    w201 = card(screen, "W.201")
    qtbot.keyClicks(w201.explanation, WHY)
    w201.ack_button.click()
    card(screen, "W.204").ack_button.click()
    screen.review_button.click()
    assert screen.reviewing()
    assert WHY in plain(screen.review.checks.text())  # checks_html, the text the PV prints for each warning


def test_an_explanation_on_file_is_shown_and_can_be_acknowledged_at_once(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, session: FakeSession
) -> None:
    record = BureauRecord(received_total=3, explanations=(("W.201", WHY),), **MEMBERS)
    screen = checks(window, session, record)
    w201 = card(screen, "W.201")
    assert w201.explanation.text() == WHY and w201.ack_button.isEnabled()
    w201.ack_button.click()
    assert "W.201" in session.count.acknowledged and session.count.record.explanations == (("W.201", WHY),)


def test_an_explanation_is_never_longer_than_the_record_takes(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    screen = checks(window, session)
    w201 = card(screen, "W.201")
    w201.explanation.setText("x" * (MAX_EXPLANATION + 50))
    assert len(w201.explanation.text()) == MAX_EXPLANATION
    w201.ack_button.click()
    assert "W.201" in session.count.acknowledged and screen.banner.text() == ""
