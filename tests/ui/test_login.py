"""Login: a wrong password says what to do and makes the next try wait (X5); success opens the count."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.errors import BadInput, UntrustedData
from app.ui.main import MainWindow
from app.ui.texts import Texts
from app.ui.theme import Urgency
from tests.ui.conftest import FakeBackend, FakeSession


def _login(qtbot, win: MainWindow, station: str = "B0042", password: str = "secret") -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(win.login.station, station)
    qtbot.keyClicks(win.login.password, password)
    qtbot.keyClick(win.login.password, Qt.Key.Key_Return)


def test_wrong_password_shows_next_step_and_throttle_wait(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    backend = FakeBackend(stick=tmp_path)
    backend.error = BadInput("auth.wrong_password", station="B0042", failures=3, delay=4)
    backend.wait_s = 4.0
    win = MainWindow(backend, Texts("nl"))
    qtbot.addWidget(win)
    _login(qtbot, win)
    qtbot.waitUntil(lambda: win.login.banner.isVisibleTo(win.login) and win.stack.currentWidget() is win.login)
    assert "Verkeerd wachtwoord" in win.login.banner.text()
    assert "zelf oplossen" in win.login.banner.text()  # U5: the bureau can fix this itself
    assert win.login.banner.urgency is Urgency.WARNING
    assert win.login.wait_left == 4 and "4 s" in win.login.wait.text()
    assert not win.login.button.isEnabled()
    assert win.login.password.text() == ""
    assert backend.logins == [("B0042", "secret")]


def test_tampered_stick_says_call_the_helpdesk_in_red(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    backend = FakeBackend(stick=tmp_path)
    backend.error = UntrustedData("master.tampered", file="bundles/b1.bin")
    win = MainWindow(backend, Texts("fr"))
    qtbot.addWidget(win)
    _login(qtbot, win)
    qtbot.waitUntil(lambda: win.login.banner.urgency is not None)
    assert win.login.banner.urgency is Urgency.BLOCKING
    assert "helpdesk" in win.login.banner.text()


def test_login_without_stick_is_not_possible(qtbot) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(FakeBackend(stick=None), Texts("de"))
    qtbot.addWidget(win)
    assert not win.login.button.isEnabled()
    assert "Master-Datenträger" in win.login.stick.text()


def test_successful_login_opens_the_overview(qtbot, session: FakeSession, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(FakeBackend(session, stick=tmp_path), Texts("nl"))
    qtbot.addWidget(win)
    _login(qtbot, win)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.overview)
    assert "Gemeenteschool Zuid" in win.status.bureau.text()


def test_every_login_field_shows_help_on_focus(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(FakeBackend(stick=tmp_path), Texts("nl"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    for field, key in ((win.login.station, "ui.help.station"), (win.login.password, "ui.help.password")):
        field.setFocus()
        qtbot.waitUntil(lambda key=key: win.login.help.current_key == key)
        assert win.login.help.text()
