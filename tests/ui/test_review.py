"""The review before the result is fixed (issue 8): the per-list table, every candidate's votes, the checks with their
figures and a complete bureau record, ticked by the president and confirmed twice; the control number after."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from app.counting.bureau import BureauRecord
from app.counting.checks import PollingStationCount
from app.counting.count import Acknowledge, CloseEntry, ConfirmBallot, FinishPile, Phase, RecordBureau, StartPile
from app.counting.double_entry import Pass
from app.counting.model import (
    Ballot,
    Box,
    ElectionCode,
    Language,
    ListNumber,
    Mark,
    Position,
    Station,
    StationId,
)
from app.journal import open_journal
from app.seclog import SecurityLog
from app.session import Session
from app.station_login import LoadedStation
from app.ui.checks import ChecksScreen
from app.ui.main import MainWindow
from app.ui.result import group_control_number
from app.ui.texts import Texts
from tests.conftest import TestPki
from tests.reference import synthetic
from tests.ui.conftest import STATION_ID, FakeBackend, FakeSession, make_session

LIST_VOTE = Ballot(frozenset({Mark(ListNumber(1), Box.LIST)}))
TITULAR_2 = Ballot(frozenset({Mark(ListNumber(2), Box.TITULAR, Position(2))}))
MIXED_2 = Ballot(
    frozenset({Mark(ListNumber(2), Box.TITULAR, Position(1)), Mark(ListNumber(2), Box.SUCCESSOR, Position(3))})
)
SUCCESSOR_3 = Ballot(frozenset({Mark(ListNumber(3), Box.SUCCESSOR, Position(1))}))
BALLOTS = [LIST_VOTE, TITULAR_2, MIXED_2, SUCCESSOR_3, TITULAR_2]
COMPLETE = BureauRecord(
    (PollingStationCount("12A", 5, 5),),
    president="Ann Dupré",
    secretary="Dirk Maes",
    assessors=("Bart Peeters",),
    witnesses=("Geert Wouters (lijst 3)",),
)


def count_twice(session: FakeSession, ballots: list[Ballot], record: BureauRecord = COMPLETE) -> None:
    for pass_no, who in ((Pass.FIRST, "An"), (Pass.SECOND, "Bram")):
        session.apply(StartPile(1, pass_no, who))
        for ballot in ballots:
            session.apply(ConfirmBallot(1, pass_no, ballot))
        session.apply(FinishPile(1, pass_no))
    session.apply(CloseEntry())
    session.apply(RecordBureau(record))


def open_review(window: MainWindow, session: FakeSession) -> ChecksScreen:
    window.attach(session)
    checks = window.checks
    assert window.stack.currentWidget() is checks
    for finding in checks.findings:
        if finding.code not in session.count.acknowledged:
            checks.acknowledge(finding.code)
    checks.review_button.click()
    assert checks.reviewing()
    return checks


def fix_result(checks: ChecksScreen) -> None:
    """The president's closing, as the tests of whole counts take it: from the checks (nothing blocking) to the
    review, the tick, and two taps."""
    checks.review_button.click()
    assert checks.reviewing(), checks.banner.text()
    checks.review.reviewed.setChecked(True)
    assert checks.finalize_button.isEnabled(), checks.review.record_state.text()
    checks.finalize_button.click()
    checks.finalize_button.click()


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_the_review_shows_per_list_sub_categories_list_total_and_titular_and_successor_totals(
    window: MainWindow, session: FakeSession
) -> None:
    count_twice(session, BALLOTS)
    checks = open_review(window, session)
    table = checks.review.table
    assert table.columnCount() == 9 and table.rowCount() == 4
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[2:6] == ["SC1", "SC2", "SC3", "SC4"] and headers[7:] == ["ΣT", "ΣS"]
    # list, name, SC1..SC4, CE, titular votes, successor votes
    assert table.row_values(0) == ("1", "Lijst 1", "1", "0", "0", "0", "1", "0", "0")
    assert table.row_values(1) == ("2", "Lijst 2", "0", "2", "1", "0", "3", "3", "1")
    assert table.row_values(2) == ("3", "Lijst 3", "0", "0", "0", "1", "1", "0", "1")
    assert "Getelde stembiljetten: 5" in checks.review.totals.text()


def test_an_election_without_successors_has_no_successor_columns_or_candidates(
    qtbot, test_pki: TestPki, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    session = make_session(test_pki, tmp_path, synthetic(ElectionCode.BR, lists=3, titulars=4, successors=0))
    count_twice(session, [LIST_VOTE, TITULAR_2, TITULAR_2, Ballot(), LIST_VOTE])
    window = MainWindow(FakeBackend(session, stick=tmp_path), Texts("nl"))
    qtbot.addWidget(window)
    checks = open_review(window, session)
    table = checks.review.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Lijst", "Naam", "SC1", "SC2", "Stem-\ncijfer", "ΣT"]
    assert table.row_values(1) == ("2", "Lijst 2", "0", "2", "2", "2")
    blocks = [plain(b.text()) for b in checks.review.candidates.blocks]
    assert len(blocks) == 3 and not any("opvolger" in b.lower() for b in blocks)
    assert "ΣS" not in checks.review.legend.text() and "geen opvolgers" in checks.review.legend.text()


def test_every_candidates_votes_are_shown_with_the_name_whole_and_as_written(
    qtbot, test_pki: TestPki, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    election = synthetic(ElectionCode.CK, lists=3, titulars=4, successors=3)
    long_name = "Van Den Bossche-Vandermeersch Marie-Christine Josephine Ghislaine"
    second = election.lists[1]
    titulars = (replace(second.titulars[0], name=long_name), *second.titulars[1:])
    renamed = replace(second, name="CD&V <b>Groen</b>", titulars=titulars)
    election = replace(election, lists=(election.lists[0], renamed, election.lists[2]))
    session = make_session(test_pki, tmp_path, election)
    count_twice(session, BALLOTS)
    window = MainWindow(FakeBackend(session, stick=tmp_path), Texts("nl"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    checks = open_review(window, session)
    block = plain(checks.review.candidates.blocks[1].text())
    assert "Lijst 2: CD&V <b>Groen</b> — stemcijfer 3" in block  # escaped, never read as markup or cut
    assert long_name in block
    lines = block.splitlines()
    # the votes stand beside each name: T1 one vote (the mixed ballot), T2 two, successor 3 one
    assert lines[lines.index(long_name) + 1] == "1"
    assert lines[lines.index("Kandidaat 2-T2 Dupré") + 1] == "2"
    assert lines[lines.index("Opvolger 2-S3 Ødegård") + 1] == "1"
    assert checks.review.table.item(1, 1).text() == "CD&V <b>Groen</b>"


def test_the_checks_are_shown_with_their_figures_and_what_the_bureau_saw(window: MainWindow, session) -> None:  # type: ignore[no-untyped-def]
    count_twice(session, BALLOTS, replace(COMPLETE, polling_stations=(PollingStationCount("12A", 6, 6),)))
    checks = open_review(window, session)
    text = plain(checks.review.checks.text())
    assert "E.104" in text and "geldig 5 + blanco 0 + ongeldig 0 = geteld 5" in text
    assert "W.201" in text and "✗ ingevoerd 5 = ontvangen 6" in text
    assert "door het bureau gezien" in text
    assert "E.101" in text and "alle 4 lijsten" in text


def test_the_result_is_not_fixed_without_president_secretary_and_one_assessor(
    qtbot, window: MainWindow, session: FakeSession
) -> None:  # type: ignore[no-untyped-def]
    count_twice(session, BALLOTS, BureauRecord((PollingStationCount("12A", 5, 5),), president="Ann Dupré"))
    checks = open_review(window, session)
    review = checks.review
    assert review.missing() == ("secretary", "assessor")
    assert not review.reviewed.isEnabled() and not checks.finalize_button.isEnabled()
    assert "de secretaris, minstens één bijzitter" in review.record_state.text()
    review.reviewed.setChecked(True)  # even when forced, the button stays off and finalize refuses
    checks.finalize()
    assert session.count.phase is Phase.CHECKS

    qtbot.mouseClick(review.record_button, Qt.MouseButton.LeftButton)
    form = window.bureau
    assert window.stack.currentWidget() is form
    form.secretary.setText("Dirk Maes")
    form.assessors.setPlainText("Bart Peeters")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is checks and checks.reviewing()  # nothing to see again: back to the review
    assert review.missing() == () and review.reviewed.isEnabled() and not review.reviewed.isChecked()
    assert "3 lege regel(s)" in review.record_state.text()  # assessors to be written in by hand


def test_the_checks_page_says_which_members_are_missing(window: MainWindow, session: FakeSession) -> None:
    count_twice(session, BALLOTS, BureauRecord((PollingStationCount("12A", 5, 5),), president="Ann Dupré"))
    window.attach(session)
    assert "de secretaris, minstens één bijzitter" in window.checks.record.text()
    assert window.checks.review_button.isEnabled()  # the review is where it must be completed


def test_fixing_needs_the_presidents_tick_and_a_second_tap(qtbot, window: MainWindow, session: FakeSession) -> None:  # type: ignore[no-untyped-def]
    count_twice(session, BALLOTS)
    checks = open_review(window, session)
    button = checks.finalize_button
    assert not button.isEnabled()
    assert "Ann Dupré" in checks.review.reviewed.text()
    checks.review.reviewed.setChecked(True)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.armed and session.count.phase is Phase.CHECKS  # one tap arms, nothing is fixed yet
    assert button.text() == "Nogmaals tikken: uitslag definitief vaststellen"
    checks.review.reviewed.setChecked(False)  # taking the tick away disarms
    assert not button.isEnabled() and not button.armed
    checks.review.reviewed.setChecked(True)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert session.count.phase is Phase.FINAL
    assert window.stack.currentWidget() is window.result
    assert not checks.reviewing()  # a later visit starts at the checks


def test_a_warning_acknowledged_again_is_needed_after_the_record_changed(window: MainWindow, session) -> None:  # type: ignore[no-untyped-def]
    count_twice(session, BALLOTS, replace(COMPLETE, polling_stations=(PollingStationCount("12A", 6, None),)))
    checks = open_review(window, session)
    checks.review.reviewed.setChecked(True)
    session.apply(RecordBureau(replace(session.count.record, canton="Antwerpen")))  # acknowledgements go
    window.show_screen(checks)
    assert not checks.reviewing() and not checks.review_button.isEnabled()  # W.201 must be seen again
    session.apply(Acknowledge("W.201"))
    checks.run_checks()
    checks.review_button.click()
    assert checks.reviewing() and not checks.review.reviewed.isChecked()  # a new review, a new tick


def test_the_review_follows_the_language_switch(window: MainWindow, session: FakeSession) -> None:
    count_twice(session, BALLOTS)
    checks = open_review(window, session)
    window.t.set_language("fr")
    review = checks.review
    assert checks.title.text() == "Vérification avant d'arrêter le résultat"
    assert review.reviewed.text() == "Le bureau a vérifié tout ceci (président : Ann Dupré)"
    assert "Liste 2 : Lijst 2 — chiffre électoral 3" in plain(review.candidates.blocks[1].text())
    assert "valables 5 + blancs 0 + nuls 0 = comptés 5" in plain(review.checks.text())
    assert review.table.horizontalHeaderItem(6).text() == "Chiffre\nélectoral"
    assert checks.finalize_button.text() == "Arrêter le résultat"
    window.t.set_language("de")
    assert "Zählbürovorstand" in review.reviewed.text()


def test_the_control_number_is_shown_once_fixed_and_again_after_a_restart(
    qtbot, test_pki: TestPki, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    election = synthetic(ElectionCode.CK, lists=4, titulars=6, successors=3)
    signer = test_pki.signer(STATION_ID)
    station = Station(StationId(STATION_ID), "Gemeenteschool Zuid", election.code, election.constituency, Language.NL)
    loaded = LoadedStation(
        station, election, signer, (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    )

    def open_kiosk() -> tuple[FakeSession, MainWindow]:
        journal = open_journal(tmp_path / "journal.sqlite", election, station.id)
        session = FakeSession(Session(loaded, journal, SecurityLog(tmp_path / "log.jsonl", system="test")))
        window = MainWindow(FakeBackend(session, stick=None), Texts("nl"))
        qtbot.addWidget(window)
        window.attach(session)
        return session, window

    session, window = open_kiosk()
    count_twice(session, BALLOTS)
    window.show_phase()
    fix_result(window.checks)
    expected = group_control_number(session.real.control_number())
    result = window.result
    assert result.control.isVisibleTo(result) and result.control.text() == expected  # before any write
    result.write_button.click()  # no stick: the write fails, the number stays
    assert result.banner.urgency is not None and result.control.text() == expected
    session.real.journal.close()

    session, window = open_kiosk()  # the appliance restarted
    assert window.stack.currentWidget() is window.result
    assert window.result.control.isVisibleTo(window.result) and window.result.control.text() == expected
