"""The bureau's record on screen (C4, O3, C7): polling stations, members, canton and remarks are journaled when the
bureau confirms the form, the checks use them, a restart shows them again, and a slip is named, never a crash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.counting.bureau import BureauRecord
from app.counting.checks import PollingStationCount
from app.counting.count import Acknowledge, CloseEntry, RecordBureau
from app.journal import open_journal
from app.seclog import SecurityLog
from app.session import Session
from app.ui.bureau import BureauScreen
from app.ui.main import MainWindow
from app.ui.texts import Texts
from app.ui.theme import Urgency
from tests.conftest import TestPki
from tests.ui.conftest import FakeBackend, FakeSession, make_session
from tests.ui.test_settle_and_result import A, B, enter


def fill_row(qtbot, screen: BureauScreen, row: int, name: str, per_pv: str, counted: str) -> None:  # type: ignore[no-untyped-def]
    while len(screen.rows) <= row:
        screen.add_button.click()
    fields = screen.rows[row]
    for field, text in ((fields.name, name), (fields.per_pv, per_pv), (fields.counted, counted)):
        field.clear()
        if text.isascii():
            qtbot.keyClicks(field, text)
        else:
            field.setText(text)  # QTest cannot type characters beyond ASCII


def at_checks(window: MainWindow, session: FakeSession) -> BureauScreen:
    enter(session, 1, [A, B], [A, B])  # 2 ballots counted
    session.apply(CloseEntry())
    window.attach(session)
    assert window.stack.currentWidget() is window.checks
    assert "nog niet ingevuld" in window.checks.record.text()  # W.201 cannot run without the receipts
    window.checks.record_button.click()
    assert window.stack.currentWidget() is window.bureau
    return window.bureau


def test_the_record_is_journaled_on_save_and_the_checks_use_it_per_total_and_per_station(
    qtbot, window, session
) -> None:  # type: ignore[no-untyped-def]
    screen = at_checks(window, session)
    fill_row(qtbot, screen, 0, "12A", "2", "2")
    fill_row(qtbot, screen, 1, "12B", "1 ", "0")  # both passes agree on 2 ballots: 3 were handed over
    assert screen.totals.text() == "Samen: 3 volgens de processen-verbaal · 2 geteld bij ontvangst"
    qtbot.keyClicks(screen.canton, "Kieskanton Gent")
    screen.president.setText("Ann Dupré")  # keyClicks cannot type an é
    screen.assessors.setPlainText("Bart Peeters\n\n  Chloé Dubois  \n")
    screen.remarks.setPlainText("Urne van 12B kwam om 15.10 u aan zonder stembiljetten.")
    screen.save_button.click()
    assert session.count.record == BureauRecord(
        (PollingStationCount("12A", 2, 2), PollingStationCount("12B", 1, 0)),
        president="Ann Dupré",
        assessors=("Bart Peeters", "Chloé Dubois"),
        canton="Kieskanton Gent",
        remarks=("Urne van 12B kwam om 15.10 u aan zonder stembiljetten.",),
    )
    checks = window.checks
    assert window.stack.currentWidget() is checks
    assert checks.banner.text() == "De gegevens van het bureau zijn bewaard."
    assert [f.code for f in checks.findings] == ["W.201", "W.202", "W.205"]  # W.205: the stations together
    assert "12B" in checks.cards[1].message.text()
    assert "3 stembiljetten van 2 stembureau(s)" in checks.record.text() and "Ann Dupré" in checks.record.text()


def test_saving_an_unchanged_record_stores_nothing_and_keeps_acknowledgements(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    screen = at_checks(window, session)
    fill_row(qtbot, screen, 0, "12A", "3", "")
    screen.save_button.click()
    session.apply(Acknowledge("W.201"))
    record = session.count.record
    window.checks.record_button.click()
    assert screen.rows[0].per_pv.text() == "3" and screen.rows[0].counted.text() == ""
    screen.save_button.click()
    assert session.count.record is record and session.count.acknowledged == frozenset({"W.201"})
    assert window.checks.review_button.isEnabled()


def test_a_number_that_cannot_be_read_names_row_and_field_and_nothing_is_stored(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    screen = at_checks(window, session)
    fill_row(qtbot, screen, 0, "12A", "2", "2")
    fill_row(qtbot, screen, 1, "12B", "l2", "")  # a letter l for a one
    screen.save_button.click()
    assert window.stack.currentWidget() is screen
    assert screen.banner.urgency is Urgency.WARNING
    text = screen.banner.text()
    assert "rij 2" in text and "'l2'" in text and "proces-verbaal" in text and "0 tot 100000" in text
    qtbot.waitUntil(lambda: screen.rows[1].per_pv.hasFocus())  # the next step: the field to correct
    assert session.count.record == BureauRecord()
    fill_row(qtbot, screen, 1, "12B", "1", "-1")
    screen.save_button.click()
    assert "geteld bij ontvangst" in screen.banner.text() and "'-1'" in screen.banner.text()
    fill_row(qtbot, screen, 1, "", "1", "1")
    screen.save_button.click()
    assert "naam of het nummer" in screen.banner.text()
    fill_row(qtbot, screen, 1, "12a", "1", "1")
    screen.save_button.click()
    assert "twee keer" in screen.banner.text()
    window.switch.buttons["fr"].click()
    assert "deux fois" in screen.banner.text()
    assert session.count.record == BureauRecord()


def test_a_row_is_removed_and_an_empty_row_is_left_out(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    window.attach(session)
    window.overview.record_button.click()
    screen = window.bureau
    fill_row(qtbot, screen, 0, "12A", "5", "")
    fill_row(qtbot, screen, 1, "12B", "7", "7")
    screen.add_button.click()  # a third row left empty
    screen.rows[0].remove_button.click()
    assert len(screen.rows) == 2
    screen.save_button.click()
    assert session.count.record.polling_stations == (PollingStationCount("12B", 7, 7),)
    assert window.stack.currentWidget() is window.overview
    assert window.overview.banner.text() == "De gegevens van het bureau zijn bewaard."


def test_leaving_with_unsaved_changes_takes_a_second_tap(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    window.attach(session)
    window.overview.record_button.click()
    screen = window.bureau
    screen.back_button.click()  # nothing changed: straight back
    assert window.stack.currentWidget() is window.overview
    window.overview.record_button.click()
    qtbot.keyClicks(screen.president, "Ann")
    screen.back_button.click()
    assert window.stack.currentWidget() is screen and screen.leave_armed
    assert "nog niet bewaard" in screen.banner.text()
    screen.back_button.click()
    assert window.stack.currentWidget() is window.overview
    assert session.count.record == BureauRecord()
    window.overview.record_button.click()
    assert screen.president.text() == ""  # what was not confirmed is not kept


def test_every_field_of_the_record_shows_help_on_focus(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    window.attach(session)
    window.overview.record_button.click()
    screen = window.bureau
    row = screen.rows[0]
    for field, key in (
        (row.name, "ui.help.station_name"),
        (row.per_pv, "ui.help.station_per_pv"),
        (row.counted, "ui.help.station_counted"),
        (screen.canton, "ui.help.canton"),
        (screen.president, "ui.help.president"),
        (screen.secretary, "ui.help.secretary"),
        (screen.assessors, "ui.help.assessors"),
        (screen.witnesses, "ui.help.witnesses"),
        (screen.remarks, "ui.help.remarks"),
    ):
        field.setFocus()
        qtbot.waitUntil(lambda key=key: screen.help.current_key == key)
        assert screen.help.text()


def test_the_confirmed_record_is_on_the_form_again_after_a_restart(qtbot, test_pki: TestPki, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = make_session(test_pki, tmp_path).real
    path = tmp_path / "B0042.journal.sqlite"

    def start() -> tuple[FakeSession, MainWindow]:
        journal = open_journal(path, template.election, template.station.id)
        session = FakeSession(Session(template.loaded, journal, SecurityLog(tmp_path / "log.jsonl", system="test")))
        win = MainWindow(FakeBackend(session, stick=tmp_path), Texts("nl"))
        qtbot.addWidget(win)
        win.attach(session)
        return session, win

    session, win = start()
    win.overview.record_button.click()
    screen = win.bureau
    fill_row(qtbot, screen, 0, "Stembureau 12A — Sint-Jozefschool", "840", "839")
    fill_row(qtbot, screen, 1, "12B", "0", "")
    screen.secretary.setText("Dirk Maes")
    screen.witnesses.setPlainText("Eva Wouters (lijst 2)")
    qtbot.keyClick(screen.save_button, Qt.Key.Key_Space)
    journal = session.real.journal
    assert hasattr(journal, "close")
    journal.close()  # the power goes off

    session, win = start()
    record = session.count.record
    assert record.polling_stations == (
        PollingStationCount("Stembureau 12A — Sint-Jozefschool", 840, 839),
        PollingStationCount("12B", 0, None),
    )
    win.overview.record_button.click()
    screen = win.bureau
    assert [(r.name.text(), r.per_pv.text(), r.counted.text()) for r in screen.rows] == [
        ("Stembureau 12A — Sint-Jozefschool", "840", "839"),
        ("12B", "0", ""),
    ]
    assert screen.secretary.text() == "Dirk Maes"
    assert screen.witnesses.toPlainText() == "Eva Wouters (lijst 2)"
    assert not screen.changed()


def test_a_record_from_replay_keeps_its_total_when_the_form_is_saved(qtbot, window, session) -> None:  # type: ignore[no-untyped-def]
    session.apply(RecordBureau(BureauRecord(received_total=12)))
    window.attach(session)
    window.overview.record_button.click()
    qtbot.keyClicks(window.bureau.president, "Ann")
    window.bureau.save_button.click()
    assert session.count.record == BureauRecord(received_total=12, president="Ann")
