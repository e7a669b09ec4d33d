"""The durable journal (C7): events round-trip exactly, replay restores the count, foreign journals are refused."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.counting import count as c
from app.counting.bureau import BureauRecord
from app.counting.checks import Finding, PollingStationCount, Severity
from app.counting.count import (
    EVENT_TYPES,
    Acknowledge,
    CloseEntry,
    ConfirmBallot,
    CorrectBallot,
    Decide,
    DiscardPass,
    Event,
    Finalize,
    FinishPile,
    Phase,
    RecordBureau,
    ReopenEntry,
    ReopenPass,
    StartPile,
    UndoLast,
    new_count,
)
from app.counting.double_entry import Decision, Pass
from app.counting.model import (
    Ballot,
    Box,
    ElectionCode,
    InvalidReason,
    ListNumber,
    Mark,
    Position,
    StationId,
    Status,
)
from app.errors import BadInput, CountStateError, StorageError, UntrustedData
from app.journal import (
    MemoryJournal,
    SqliteJournal,
    _chain,
    decode_event,
    election_fingerprint,
    encode_event,
    open_journal,
)
from tests.counting.strategies import ballots_of
from tests.reference import synthetic

STATION = StationId("A-001")
NOW = dt.datetime(2024, 6, 9, 21, 30, 15, 123456, tzinfo=dt.UTC)
ELECTION = synthetic(ElectionCode.CK, 12, 24, 13)  # Antwerp size: 12 lists, 24 titulars, 13 successors


def vote(list_number: int, *titulars: int, status: Status = Status.NONE) -> Ballot:
    if not titulars:
        return Ballot(frozenset({Mark(ListNumber(list_number), Box.LIST)}), status)
    return Ballot(frozenset(Mark(ListNumber(list_number), Box.TITULAR, Position(t)) for t in titulars), status)


EVERY_EVENT: tuple[Event, ...] = (
    StartPile(1, Pass.FIRST, "Ann Dupré-Ødegård", 50),
    StartPile(2, Pass.SECOND, "Bert", None),
    ConfirmBallot(1, Pass.FIRST, vote(3, 1, 24)),
    ConfirmBallot(1, Pass.FIRST, Ballot()),
    ConfirmBallot(1, Pass.FIRST, Ballot(frozenset({Mark(ListNumber(2), Box.SUCCESSOR, Position(13))}))),
    ConfirmBallot(1, Pass.FIRST, Ballot(status=Status.DECLARED_INVALID, invalid_reason=InvalidReason.NOT_OFFICIAL)),
    ConfirmBallot(1, Pass.FIRST, vote(4, status=Status.CONTESTED)),
    CorrectBallot(1, Pass.SECOND, 7, vote(12, 3)),
    UndoLast(1, Pass.FIRST),
    FinishPile(1, Pass.SECOND),
    DiscardPass(3, Pass.FIRST),
    ReopenPass(3, Pass.SECOND),
    Decide(Decision(1, (vote(1), Ballot()), "voorzitter", NOW, "« ballot 4 » — bekeken")),
    Decide(Decision(2, (), "voorzitter", NOW.astimezone(dt.timezone(dt.timedelta(hours=2))))),
    CloseEntry(),
    ReopenEntry(),
    Acknowledge("W.201"),
    RecordBureau(BureauRecord()),
    RecordBureau(
        BureauRecord(
            (PollingStationCount("Stembureau 12A — Sint-Jozefschool", 840, 839), PollingStationCount("12B", 0, None)),
            2400,
            "Ann Dupré",
            "Jan D'Hondt",
            ("Ørsted", ""),
            ("getuige « lijst 3 »",),
            "Antwerpen",
            ("Urne 2 kwam 20 min te laat.",),
            (("W.201", "Stembureau 12A telde « één » te veel."),),
        )
    ),
    Finalize(),
    Finalize(
        (
            Finding("W.201", Severity.WARNING, ("counted", "received"), {"counted": 2400, "received": 2401}),
            Finding("E.101", Severity.ERROR, (), {"list": 3, "ratio": 0.5, "flag": True, "none": None, "name": "N-VA"}),
        )
    ),
)


def test_every_event_type_is_in_the_round_trip_table() -> None:
    assert {type(e) for e in EVERY_EVENT} == set(EVENT_TYPES)


@pytest.mark.parametrize("event", EVERY_EVENT, ids=lambda e: type(e).__name__)
def test_events_round_trip_exactly(event: Event) -> None:
    text = encode_event(event)
    assert decode_event(text) == event
    assert encode_event(decode_event(text)) == text  # stable: the same event is always the same text


@settings(max_examples=200, deadline=None)
@given(ballot=ballots_of(ELECTION), pile=st.integers(1, 99), contested=st.booleans())
def test_any_ballot_round_trips(ballot: Ballot, pile: int, contested: bool) -> None:
    if contested and ballot.status is Status.NONE:
        ballot = Ballot(ballot.marks, Status.CONTESTED)
    event = ConfirmBallot(pile, Pass.SECOND, ballot)
    assert decode_event(encode_event(event)) == event


def test_a_record_journaled_before_explanations_existed_still_reads() -> None:
    text = encode_event(RecordBureau(BureauRecord(received_total=12)))
    older = text.replace(',"explanations":[]', "")
    assert older != text and decode_event(older) == RecordBureau(BureauRecord(received_total=12))


def test_finding_parameters_must_be_json_scalars() -> None:
    with pytest.raises(TypeError, match="scalar"):
        encode_event(Finalize((Finding("W.1", Severity.WARNING, params={"piles": (1, 2)}),)))


@pytest.mark.parametrize(
    "text",
    [
        '{"type":"Explode"}',
        '{"type":"UndoLast","pile":"1","pass_no":1}',
        '{"type":"UndoLast","pile":1,"pass_no":3}',
        '{"type":"UndoLast","pile":true,"pass_no":1}',
        '{"type":"StartPile","pile":1,"pass_no":1,"operator":5,"counted_by_hand":null}',
    ],
)
def test_text_the_journal_did_not_write_is_refused(text: str) -> None:
    with pytest.raises((KeyError, TypeError, ValueError)):
        decode_event(text)


# --- the SQLite journal -----------------------------------------------------------------------------------------------


def enter_pile(journal: SqliteJournal | MemoryJournal, pile: int, ballots: list[Ballot]) -> None:
    for pass_no, operator in ((Pass.FIRST, "An"), (Pass.SECOND, "Bert")):
        journal.append(StartPile(pile, pass_no, operator, len(ballots)))
        for ballot in ballots:
            journal.append(ConfirmBallot(pile, pass_no, ballot))
        journal.append(FinishPile(pile, pass_no))


def test_reopening_restores_the_exact_count(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    with open_journal(path, ELECTION, STATION) as journal:
        enter_pile(journal, 1, [vote(1), vote(2, 3), Ballot()])
        journal.append(StartPile(2, Pass.FIRST, "An"))
        journal.append(ConfirmBallot(2, Pass.FIRST, vote(5)))
        before = journal.count
        assert journal.length == 12
    with open_journal(path, ELECTION, STATION) as journal:
        assert journal.count == before
        assert journal.count.phase is Phase.ENTERING
        assert list(journal.events())[-1] == ConfirmBallot(2, Pass.FIRST, vote(5))
        # and the count goes on where it stood
        journal.append(ConfirmBallot(2, Pass.FIRST, vote(6)))
        assert journal.count.piles[2].first is not None
        assert journal.count.piles[2].first.ballots == (vote(5), vote(6))


def test_a_refused_event_stores_nothing(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    with open_journal(path, ELECTION, STATION) as journal:
        journal.append(StartPile(1, Pass.FIRST, "An"))
        with pytest.raises(CountStateError):
            journal.append(StartPile(1, Pass.FIRST, "An"))
        with pytest.raises(BadInput):
            journal.append(ConfirmBallot(1, Pass.FIRST, vote(13)))
        assert journal.length == 1
    with open_journal(path, ELECTION, STATION) as journal:
        assert journal.length == 1


def test_a_full_count_replays_to_final(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    with open_journal(path, ELECTION, STATION) as journal:
        enter_pile(journal, 1, [vote(1), vote(2, 3, status=Status.CONTESTED)])
        journal.append(CloseEntry())
        journal.append(Decide(Decision(1, (vote(1), vote(2, 3)), "voorzitter", NOW)))
        journal.append(Acknowledge("W.201"))
        journal.append(Finalize((Finding("W.201", Severity.WARNING),)))
        final = journal.count
    with open_journal(path, ELECTION, STATION) as journal:
        assert journal.count == final
        assert journal.count.phase is Phase.FINAL
        assert c.final_ballots(journal.count)[1][1] == vote(2, 3)


def test_a_journal_of_another_station_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    open_journal(path, ELECTION, STATION).close()
    with pytest.raises(UntrustedData) as raised:
        open_journal(path, ELECTION, StationId("B-002"))
    assert raised.value.key == "journal.other_station"
    assert raised.value.params == {"station": "A-001", "expected": "B-002"}


def test_a_journal_of_another_election_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    open_journal(path, ELECTION, STATION).close()
    other = synthetic(ElectionCode.VL, 12, 33, 16)
    assert election_fingerprint(other) != election_fingerprint(ELECTION)
    with pytest.raises(UntrustedData) as raised:
        open_journal(path, other, STATION)
    assert raised.value.key == "journal.other_election"


def tamper(path: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    """Change the journal behind its back, as someone with access to the disk could."""
    db = sqlite3.connect(path)
    try:
        with db:
            db.execute(sql, params)
    finally:
        db.close()


def test_an_edited_row_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    with open_journal(path, ELECTION, STATION) as journal:
        enter_pile(journal, 1, [vote(1), vote(2)])
    tamper(path, "UPDATE events SET event = replace(event, '[1,\"H\",0]', '[3,\"H\",0]') WHERE seq = 2")
    with pytest.raises(UntrustedData) as raised:
        open_journal(path, ELECTION, STATION)
    assert (raised.value.key, raised.value.params) == ("journal.corrupt", {"seq": 2})


def test_a_removed_row_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    with open_journal(path, ELECTION, STATION) as journal:
        enter_pile(journal, 1, [vote(1), vote(2)])
    tamper(path, "DELETE FROM events WHERE seq = 3")
    with pytest.raises(UntrustedData) as raised:
        open_journal(path, ELECTION, STATION)
    assert raised.value.params == {"seq": 4}


def test_a_row_that_no_longer_replays_is_noticed(tmp_path: Path) -> None:
    """A row with a valid digest whose event the count refuses (e.g. written by another version) stops the replay."""
    path = tmp_path / "count.db"
    with open_journal(path, ELECTION, STATION) as journal:
        journal.append(StartPile(1, Pass.FIRST, "An"))
        text = encode_event(StartPile(1, Pass.FIRST, "An"))
        digest = journal._digest  # forge the next row as the journal itself would chain it
    tamper(path, "INSERT INTO events VALUES (2, ?, ?)", (text, _chain(digest, text)))
    with pytest.raises(UntrustedData) as raised:
        open_journal(path, ELECTION, STATION)
    assert raised.value.params == {"seq": 2}


def test_a_file_that_is_not_a_journal_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    path.write_bytes(b"this is not a database, it is a shopping list" * 100)
    with pytest.raises(UntrustedData) as raised:
        open_journal(path, ELECTION, STATION)
    assert raised.value.key == "journal.unreadable"


def test_a_journal_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    open_journal(path, ELECTION, STATION).close()
    tamper(path, "UPDATE meta SET value = 'tabula-journal/0' WHERE key = 'format'")
    with pytest.raises(UntrustedData):
        open_journal(path, ELECTION, STATION)


def test_a_second_kiosk_on_the_same_journal_is_kept_out(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    with open_journal(path, ELECTION, STATION):
        with pytest.raises(StorageError) as raised:
            open_journal(path, ELECTION, STATION)
        assert raised.value.key == "journal.busy"


def test_a_journal_in_a_missing_folder_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as raised:
        open_journal(tmp_path / "gone" / "count.db", ELECTION, STATION)
    assert raised.value.key == "journal.unreadable"


def test_a_failed_write_leaves_the_count_as_it_was(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "count.db", ELECTION, STATION)
    journal.append(StartPile(1, Pass.FIRST, "An"))
    before = journal.count
    journal.close()  # the storage is gone from under the journal
    with pytest.raises(StorageError) as raised:
        journal.append(ConfirmBallot(1, Pass.FIRST, vote(1)))
    assert raised.value.key == "journal.write_failed"
    assert journal.count == before and journal.length == 1


def test_memory_journal_keeps_the_events_in_order() -> None:
    journal = MemoryJournal(ELECTION)
    enter_pile(journal, 1, [vote(1)])
    assert journal.count.piles[1].comparison is not None
    assert [type(e) for e in journal.events] == [StartPile, ConfirmBallot, FinishPile] * 2
    assert new_count(ELECTION).election == journal.count.election


def test_the_journal_is_opened_with_wal_and_full_synchronous_commits(tmp_path: Path) -> None:
    """C7: every confirmed ballot is on disk before the next one is taken."""
    election = synthetic(ElectionCode.CK, 2, 3, 2)
    with open_journal(tmp_path / "j.sqlite", election, StationId("A-1")) as journal:
        connection = journal._connection
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
