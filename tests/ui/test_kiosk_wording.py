"""What the kiosk says when it locks and when it shuts down, in NL, FR and DE: the idle time as it really was
("1 minuut", never "1 minuten" nor a half minute rounded up), and in training that the shut-down erases the exercise
(its count lives in a scratch folder removed on exit) instead of promising to go on where it stood."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.counting.count import RecordBureau
from app.ui.kiosk import idle_duration
from app.ui.main import MainWindow
from app.ui.texts import Texts
from tests.ui.conftest import FakeBackend, FakeSession
from tests.ui.test_kiosk import RECORD


def window(qtbot, session: FakeSession | None, tmp_path: Path, language: str, **options: object) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(FakeBackend(session, stick=tmp_path), Texts(language), development=False, **options)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.mark.parametrize(
    ("idle_ms", "language", "said"),
    [
        (60_000, "nl", "1 minuut"),
        (60_000, "fr", "1 minute"),
        (60_000, "de", "1 Minute"),
        (600_000, "nl", "10 minuten"),
        (600_000, "fr", "10 minutes"),
        (600_000, "de", "10 Minuten"),
        (30_000, "nl", "30 seconden"),  # TABULA_IDLE_LOCK_MIN=0.5: not "1 minuut"
        (30_000, "fr", "30 secondes"),
        (30_000, "de", "30 Sekunden"),
        (90_000, "nl", "90 seconden"),  # 1.5 minutes: not rounded to 2
        (1_000, "nl", "1 seconde"),
        (1_000, "de", "1 Sekunde"),
        (240, "nl", "1 seconde"),  # a test's quick lock: never "0 seconden"
    ],
)
def test_the_idle_time_is_said_as_it_was_with_the_singular_for_one(idle_ms: int, language: str, said: str) -> None:
    assert idle_duration(Texts(language), idle_ms) == said


@pytest.mark.parametrize(
    ("language", "why"),
    [
        ("nl", "Het toestel werd 1 minuut niet gebruikt. Er is niets verloren."),
        ("fr", "L'appareil n'a pas été utilisé pendant 1 minute. Rien n'est perdu."),
        ("de", "Das Gerät wurde 1 Minute nicht benutzt. Nichts geht verloren."),
    ],
)
def test_the_lock_says_one_minute_in_the_singular(
    qtbot, session: FakeSession, tmp_path: Path, language: str, why: str
) -> None:  # type: ignore[no-untyped-def]
    session.apply(RecordBureau(RECORD))
    win = window(qtbot, session, tmp_path, "nl", idle_lock_min=1.0)
    win.attach(session)
    win.lock_now()
    win.t.set_language(language)  # a login switches to the bureau's language: switch after it, as a tap does
    assert win.lock.why.text() == why


def test_half_a_minute_is_said_in_seconds_and_follows_the_language(qtbot, session: FakeSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session.apply(RecordBureau(RECORD))
    win = window(qtbot, session, tmp_path, "nl", idle_lock_min=0.5)
    win.attach(session)
    win.lock_now()
    assert win.lock.why.text() == "Het toestel werd 30 seconden niet gebruikt. Er is niets verloren."
    win.t.set_language("fr")
    assert win.lock.why.text() == "L'appareil n'a pas été utilisé pendant 30 secondes. Rien n'est perdu."


@pytest.mark.parametrize(
    ("language", "erased", "promise"),
    [
        ("nl", "wordt alles van deze oefening gewist", "gaat het verder waar het stond"),
        ("fr", "tout ce qui a été fait dans cet exercice est effacé", "reprend là où il en était"),
        ("de", "wird alles aus dieser Übung gelöscht", "macht dort weiter, wo es stand"),
    ],
)
def test_in_training_the_shutdown_says_the_exercise_is_erased(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, language: str, erased: str, promise: str
) -> None:
    win = window(qtbot, None, tmp_path, language, training=True)
    win.shutdown_button.click()
    assert win.outer.currentWidget() is win.shutdown_screen
    text = win.shutdown_screen.text.text()
    assert erased in text and promise not in text


@pytest.mark.parametrize(
    ("language", "promise"),
    [("nl", "gaat het verder waar het stond"), ("fr", "reprend là où il en était"), ("de", "wo es stand")],
)
def test_a_real_count_still_promises_to_go_on_where_it_stood(
    qtbot, tmp_path: Path, language: str, promise: str
) -> None:  # type: ignore[no-untyped-def]
    win = window(qtbot, None, tmp_path, language)
    win.shutdown_button.click()
    assert promise in win.shutdown_screen.text.text()


@pytest.mark.parametrize(
    ("language", "erased", "promise"),
    [
        ("nl", "wordt alles van deze demonstratie gewist", "gaat het verder waar het stond"),
        ("fr", "tout ce qui a été fait dans cette démonstration est effacé", "reprend là où il en était"),
        ("de", "wird alles aus dieser Vorführung gelöscht", "wo es stand"),
    ],
)
def test_the_demo_shutdown_says_the_demonstration_is_erased(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, language: str, erased: str, promise: str
) -> None:
    win = window(qtbot, None, tmp_path, language, scratch=True)  # `tabula demo`: its count lives in a scratch folder
    win.shutdown_button.click()
    text = win.shutdown_screen.text.text()
    assert erased in text and promise not in text
