"""The session: what the PV and the 460 say about decided piles, found by aligning the decision with the passes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.counting import count as counting
from app.counting.double_entry import Decision, Pass
from app.counting.model import Ballot, Box, Language, ListNumber, Mark, Position, Station, StationId, Status
from app.eml.votes import read_votes
from app.journal import MemoryJournal
from app.seclog import SecurityLog
from app.session import BureauContext, Session
from app.station_login import LoadedStation
from tests.conftest import TestPki
from tests.reference import chamber_2024

NOW = dt.datetime(2029, 5, 26, 21, 0, tzinfo=dt.UTC)


def vote(number: int, titular: int | None = None, status: Status = Status.NONE) -> Ballot:
    box = (
        Mark(ListNumber(number), Box.LIST)
        if titular is None
        else Mark(ListNumber(number), Box.TITULAR, Position(titular))
    )
    return Ballot(frozenset({box}), status)


@pytest.fixture
def session(test_pki: TestPki, tmp_path: Path) -> Session:
    election = chamber_2024()
    signer = test_pki.signer("S-1")
    station = Station(StationId("S-1"), "Bureau", election.code, election.constituency, Language.NL)
    chain = (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    loaded = LoadedStation(station, election, signer, chain)
    return Session(loaded, MemoryJournal(election), SecurityLog(tmp_path / "log.jsonl", system="t"), clock=lambda: NOW)


def enter(session: Session, pile: int, pass_no: Pass, operator: str, ballots: list[Ballot]) -> None:
    session.apply(counting.StartPile(pile, pass_no, operator))
    for b in ballots:
        session.apply(counting.ConfirmBallot(pile, pass_no, b))
    session.apply(counting.FinishPile(pile, pass_no))


def test_a_ballot_entered_only_in_pass_1_and_rejected_by_the_bureau_shows_no_ballot_as_decided(
    session: Session,
) -> None:
    a, x, b, c = vote(1), vote(3), vote(8, 1), vote(10)
    enter(session, 1, Pass.FIRST, "An", [a, x, b, c])
    enter(session, 1, Pass.SECOND, "Bert", [a, b, c])
    session.apply(counting.Decide(Decision(1, (a, b, c), "voorzitter", NOW)))
    (row,) = session._decided_differences()
    assert row.ballot == "1/2" and row.pass1 == "3:H open vld" and row.pass2 == "—"  # the mark, and whose box it is
    assert row.final == "geen stembiljet (niet in de stapel)"  # not the 2nd ballot of the decision (8:T1)


def test_a_contested_ballot_is_flagged_at_its_place_in_the_decided_pile(session: Session, tmp_path: Path) -> None:
    a, x, b = vote(1), vote(3), vote(8, 1)
    flagged = vote(10, status=Status.CONTESTED)
    enter(session, 1, Pass.FIRST, "An", [a, x, b, flagged])
    enter(session, 1, Pass.SECOND, "Bert", [a, b, flagged])
    decided = vote(10)
    session.apply(counting.Decide(Decision(1, (a, b, decided), "voorzitter", NOW)))
    (item,) = counting.contested_ballots(session.count)
    assert item.ref.position == 4 and item.final_ref is not None and item.final_ref.position == 3
    session.apply(counting.CloseEntry())
    session.finalize(BureauContext(received_total=3))
    votes = read_votes(session.result_files().files["votes-460.xml"])
    assert [c.contested for c in votes.ballots] == [False, False, True]


def test_a_box_not_counted_on_receipt_is_printed_as_a_dash_never_guessed(session: Session, tmp_path: Path) -> None:
    import subprocess

    from app.counting.bureau import BureauRecord
    from app.counting.checks import PollingStationCount

    enter(session, 1, Pass.FIRST, "An", [vote(1), vote(3)])
    enter(session, 1, Pass.SECOND, "Bert", [vote(1), vote(3)])
    session.apply(counting.CloseEntry())
    record = BureauRecord((PollingStationCount("Stembureau 7", 4, None), PollingStationCount("Stembureau 8", 3, 3)))
    for finding in session.findings(record):
        session.apply(counting.Acknowledge(finding.code))
    session.finalize()
    pdf = tmp_path / "pv.pdf"
    pdf.write_bytes(session.result_files().files["pv.pdf"])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    row = next(line for line in text.splitlines() if line.strip().startswith("Stembureau 7 "))
    assert row.split()[-2:] == ["—", "—"]  # counted on receipt unknown: no difference invented
    total = next(line for line in text.splitlines() if line.strip().startswith("Totaal") and "7" in line)
    assert total.split()[-3:] == ["7", "—", "—"]  # the columns add up: received 7, counted on receipt unknown
    entered = next(line for line in text.splitlines() if line.strip().startswith("Ingevoerde stembiljetten"))
    difference = next(line for line in text.splitlines() if "ingevoerd − ontvangen" in line)
    assert entered.split()[-1] == "2" and difference.split()[-1] == "−5"  # the ballots, as check W.201 says


def test_no_result_without_the_ballots_received_the_kiosk_and_replay_share_the_check(session: Session) -> None:
    from app.errors import CountStateError

    enter(session, 1, Pass.FIRST, "An", [vote(1), vote(3)])
    enter(session, 1, Pass.SECOND, "Bert", [vote(1), vote(3)])
    session.apply(counting.CloseEntry())
    assert [f.code for f in session.findings()] == ["E.106"]
    with pytest.raises(CountStateError) as refused:
        session.finalize()
    assert refused.value.params == {"code": "E.106"}
    session.finalize(BureauContext(received_total=2))
    assert session.count.phase is counting.Phase.FINAL
