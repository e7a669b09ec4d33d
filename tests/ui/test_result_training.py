"""The result screen of a training count (finding 10 of the first-time president test): the control number is
marked as training on screen, and the screen never asks to copy it onto the paper form; a real count still does."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.counting.bureau import BureauRecord
from app.counting.count import CloseEntry, RecordBureau
from app.ui.main import MainWindow
from app.ui.texts import Texts
from app.ui.theme import PALETTE
from tests.ui.conftest import FakeBackend, FakeSession
from tests.ui.test_review import fix_result
from tests.ui.test_settle_and_result import MEMBERS, A, B, C, enter

COPY = {"nl": "schrijf het over op het papieren formulier", "fr": "recopiez-le", "de": "auf das Papierformular"}
TRAINING = {
    "nl": "OEFENMODUS · controlegetal van een oefening: geen echte uitslag, schrijf het niet over",
    "fr": "MODE FORMATION · nombre de contrôle d'un exercice : pas un vrai résultat, ne le recopiez pas",
    "de": "SCHULUNGSMODUS · Kontrollzahl einer Übung: kein echtes Ergebnis, nicht übertragen",
}


def fixed(qtbot, session: FakeSession, tmp_path: Path, *, training: bool) -> MainWindow:  # type: ignore[no-untyped-def]
    enter(session, 1, [A, B, C], [A, B, C])
    session.apply(CloseEntry())
    session.apply(RecordBureau(BureauRecord(received_total=3, **MEMBERS)))
    win = MainWindow(FakeBackend(session, stick=tmp_path), Texts("nl"), training=training, development=False)
    qtbot.addWidget(win)
    win.attach(session)
    fix_result(win.checks)
    assert win.stack.currentWidget() is win.result
    return win


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_a_training_control_number_is_marked_and_not_to_be_copied(  # type: ignore[no-untyped-def]
    qtbot, session: FakeSession, tmp_path: Path, language: str
) -> None:
    win = fixed(qtbot, session, tmp_path, training=True)
    win.t.set_language(language)
    screen = win.result
    assert screen.control.text()  # the number is still shown: trainees see where it will stand
    assert screen.control_title.text() == TRAINING[language]
    assert COPY[language] not in screen.control_title.text()
    assert PALETTE.training_bg in screen.control_title.styleSheet()  # the training band's colour
    assert PALETTE.training_bg in screen.control.styleSheet()


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_a_real_control_number_is_to_be_copied_onto_the_paper_form(  # type: ignore[no-untyped-def]
    qtbot, session: FakeSession, tmp_path: Path, language: str
) -> None:
    win = fixed(qtbot, session, tmp_path, training=False)
    win.t.set_language(language)
    assert COPY[language] in win.result.control_title.text()
    assert win.result.control.styleSheet() == ""
