"""The demo shows its public credentials on the login screen, in the chosen language."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.ui.login import LoginScreen
from app.ui.texts import Texts
from app.ui.widgets import ErrorSink


def test_demo_credentials_are_shown_and_follow_the_language(qtbot: QtBot) -> None:
    texts = Texts("nl")
    screen = LoginScreen(texts, ErrorSink())
    qtbot.addWidget(screen)
    assert screen.demo_hint.isHidden()
    screen.show_demo("DEMO-1", "DEMO1-DEMO1-DEMO1-DEMO1")
    assert not screen.demo_hint.isHidden()
    assert "DEMO1-DEMO1-DEMO1-DEMO1" in screen.demo_hint.text() and "wachtwoord" in screen.demo_hint.text()
    texts.set_language("fr")
    assert "mot de passe" in screen.demo_hint.text()
