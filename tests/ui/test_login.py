"""Login: a wrong password says what to do and makes the next try wait (X5); success opens the count."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.counting.model import ElectionCode, Language, Station, StationId
from app.errors import BadInput, UntrustedData
from app.journal import MemoryJournal
from app.seclog import SecurityLog
from app.session import Session
from app.station_login import BureauEntry, LoadedStation
from app.ui.main import MainWindow
from app.ui.texts import Texts
from app.ui.theme import Urgency
from tests.ui.conftest import FakeBackend, FakeSession, small_election


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


def bureau(station: str, name: str) -> BureauEntry:
    return BureauEntry(
        StationId(station), name, ElectionCode.CK, "Antwerpen", Language.NL, f"bundles/{station}.bin", "0"
    )


LISTED = (bureau("B0041", "Sint-Jozefschool"), bureau("B0042", "Gemeenteschool Zuid"))


def test_the_bureau_is_picked_from_the_list_on_the_stick(qtbot, session: FakeSession, tmp_path) -> None:  # type: ignore[no-untyped-def]
    backend = FakeBackend(session, stick=tmp_path, bureaus=LISTED)
    win = MainWindow(backend, Texts("nl"))
    qtbot.addWidget(win)
    login = win.login
    assert [login.picker.itemText(i) for i in range(login.picker.count())] == [
        "B0041 · Sint-Jozefschool",
        "B0042 · Gemeenteschool Zuid",
    ]
    assert login.form.isRowVisible(login.picker) and login.picker.currentIndex() == -1
    login.picker.activated.emit(1)
    assert login.station.text() == "B0042"
    qtbot.keyClicks(login.password, "secret")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.overview)
    assert backend.logins == [("B0042", "secret")]


def test_typing_stays_possible_and_follows_the_list(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(FakeBackend(stick=tmp_path, bureaus=LISTED), Texts("nl"))
    qtbot.addWidget(win)
    login = win.login
    qtbot.keyClicks(login.station, "b0041")
    assert login.picker.currentIndex() == 0 and login.station_id() == "B0041"
    login.station.setText("Z9999")
    login._on_station_typed("Z9999")
    assert login.picker.currentIndex() == -1 and login.station_id() == "Z9999"  # not listed: typed as is
    login.completer.activated.emit("B0042 · Gemeenteschool Zuid")  # a suggestion for "zuid"
    assert login.station.text() == "B0042" and login.picker.currentIndex() == 1


def test_without_a_stick_there_is_no_list_and_an_unknown_bureau_points_to_it(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    backend = FakeBackend(stick=None, bureaus=LISTED)
    win = MainWindow(backend, Texts("nl"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.login.picker.count() == 0 and not win.login.form.isRowVisible(win.login.picker)
    backend.stick = tmp_path  # the stick is put in
    win.poll_stick()
    assert win.login.picker.count() == 2
    backend.error = BadInput("auth.unknown_station", station="X0043", failures=1, delay=0)
    _login(qtbot, win, station="X0043")  # matches no suggestion, so no pop-up takes the focus
    qtbot.waitUntil(lambda: win.login.banner.urgency is not None)
    assert "Kies uw bureau in de lijst" in win.login.banner.text()
    qtbot.waitUntil(win.login.picker.hasFocus)
    assert win.login.help.current_key == "ui.help.picker" and win.login.help.text()


# --- the bureau's language by default (issue 8) ---------------------------------------------------------------------

MULTILINGUAL = (
    BureauEntry(StationId("B0042"), "Gemeenteschool Zuid", ElectionCode.CK, "Antwerpen", Language.NL, "b42", "0"),
    BureauEntry(StationId("B0043"), "École communale", ElectionCode.CK, "Bruxelles", Language.FR, "b43", "0"),
    BureauEntry(StationId("B0044"), "Gemeindeschule Eupen", ElectionCode.CK, "Verviers", Language.DE, "b44", "0"),
)


def test_choosing_a_bureau_switches_the_screens_to_its_language(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(FakeBackend(stick=tmp_path, bureaus=MULTILINGUAL), Texts("nl"))
    qtbot.addWidget(win)
    login = win.login
    login.picker.activated.emit(1)  # picked from the list
    assert win.t.language == "fr" and login.title.text() == "Connexion" and win.switch.buttons["fr"].isChecked()
    assert win.app_title.text() == "Tabula · dépouillement" and win.status.bureau.text() == "Non connecté"
    login.station.clear()
    qtbot.keyClicks(login.station, "b0044")  # typed
    assert win.t.language == "de" and login.title.text() == "Anmeldung"
    login.completer.activated.emit("B0042 · Gemeenteschool Zuid")  # a suggestion
    assert win.t.language == "nl" and login.title.text() == "Aanmelden"
    qtbot.keyClicks(login.station, "9")  # B00429: no bureau, the language stays
    assert win.t.language == "nl"


def test_a_language_chosen_by_hand_after_the_bureau_stays_at_login(qtbot, session: FakeSession, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(FakeBackend(session, stick=tmp_path, bureaus=MULTILINGUAL), Texts("fr"))
    qtbot.addWidget(win)
    win.login.picker.activated.emit(0)  # B0042, a Dutch-speaking bureau
    assert win.t.language == "nl"
    win.login.picker.activated.emit(0)  # chosen again: nothing changes
    win.switch.buttons["de"].click()  # the president prefers German
    win.login.picker.activated.emit(0)
    assert win.t.language == "de"
    _login(qtbot, win, station="", password="secret")
    qtbot.waitUntil(lambda: win.session is not None)
    assert win.t.language == "de" and win.overview.title.text() == "Übersicht der Stapel"


def _session_in(language: Language, test_pki, tmp_path) -> FakeSession:  # type: ignore[no-untyped-def]
    election = small_election()
    signer = test_pki.signer("B0043")
    station = Station(StationId("B0043"), "École communale", election.code, election.constituency, language)
    chain = (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    log = SecurityLog(tmp_path / "security-log.jsonl", system="test")
    return FakeSession(Session(LoadedStation(station, election, signer, chain), MemoryJournal(election), log))


def test_logging_in_switches_to_the_bureau_language_from_the_stick(qtbot, test_pki, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session = _session_in(Language.FR, test_pki, tmp_path)
    win = MainWindow(FakeBackend(session, stick=tmp_path), Texts("nl"))  # no list: the bureau is typed
    qtbot.addWidget(win)
    _login(qtbot, win, station="B0043")
    qtbot.waitUntil(lambda: win.session is not None)
    assert win.t.language == "fr" and win.switch.buttons["fr"].isChecked()
    assert win.overview.title.text() == "Aperçu des piles" and win.status.phase.text() == "Rien encore encodé"
    win.switch.buttons["nl"].click()  # still switchable at any time
    assert win.overview.title.text() == "Overzicht van de stapels"
