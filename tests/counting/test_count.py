"""The count as a state machine (C5, C6, C4's gate): every event in every phase is allowed or a typed error."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import replace

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
    Count,
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
    apply,
    new_count,
)
from app.counting.decisions import Entries
from app.counting.double_entry import MAX_PILE_SIZE, Decision, DifferenceKind, Pass
from app.counting.model import (
    Ballot,
    BallotRef,
    Box,
    Declaration,
    Election,
    ListNumber,
    Mark,
    PileKind,
    Position,
    Status,
)
from app.errors import BadInput, CountStateError, OpenDifferences, TabulaError
from tests.reference import chamber_2024

NOW = dt.datetime(2024, 6, 9, 21, 30, tzinfo=dt.UTC)
FIRST, SECOND = Pass.FIRST, Pass.SECOND


@pytest.fixture(scope="module")
def election() -> Election:
    return chamber_2024()


def vote(list_number: int, *titulars: int, status: Status = Status.NONE) -> Ballot:
    if not titulars:
        return Ballot(frozenset({Mark(ListNumber(list_number), Box.LIST)}), status)
    return Ballot(frozenset(Mark(ListNumber(list_number), Box.TITULAR, Position(t)) for t in titulars), status)


# Antwerp 2024 list numbers with at least 6 titulars (the numbers are not 1..12: some parties did not stand)
LISTS = (1, 3, 5, 8, 9, 10, 15, 16, 17, 19, 20)


def pile_of(n: int, seed: int = 0) -> tuple[Ballot, ...]:
    rnd = random.Random(seed)
    return tuple(vote(rnd.choice(LISTS), *rnd.sample(range(1, 7), rnd.randint(0, 2))) for _ in range(n))


def run(count: Count, events: Iterable[Event]) -> Count:
    for event in events:
        count = apply(count, event)
    return count


def entry(
    pile: int, pass_no: Pass, operator: str, ballots: Sequence[Ballot], counted: int | None = None
) -> list[Event]:
    """The events of one operator entering one pass of a pile."""
    events: list[Event] = [StartPile(pile, pass_no, operator, counted)]
    events += [ConfirmBallot(pile, pass_no, b) for b in ballots]
    events.append(FinishPile(pile, pass_no))
    return events


def both(pile: int, first: Sequence[Ballot], second: Sequence[Ballot] | None = None) -> list[Event]:
    second = first if second is None else second
    return [*entry(pile, FIRST, "An", first, len(first)), *entry(pile, SECOND, "Bert", second)]


def refused(count: Count, event: Event, key: str, error: type[TabulaError] = CountStateError) -> TabulaError:
    with pytest.raises(error) as raised:
        apply(count, event)
    assert raised.value.key == key
    return raised.value


# --- the happy path ---------------------------------------------------------------------------------------------------


def test_agreed_passes_go_from_setup_to_final(election: Election) -> None:
    count = new_count(election)
    assert count.phase is Phase.SETUP
    count = run(count, both(1, pile_of(50, 1)) + both(2, pile_of(20, 2)))
    assert count.phase is Phase.ENTERING
    count = apply(count, CloseEntry())
    assert count.phase is Phase.CHECKS
    warning = Finding("W.201", Severity.WARNING, params={"received": 71})
    count = run(count, [Acknowledge("W.201"), Finalize((warning,))])
    assert count.phase is Phase.FINAL
    assert count.findings == (warning,)
    final = c.final_ballots(count)
    assert len(final) == 70
    assert final[0] == (BallotRef(1, 1), pile_of(50, 1)[0])
    assert final[-1] == (BallotRef(2, 20), pile_of(20, 2)[-1])


def test_realistic_count_of_2400_ballots_in_48_piles(election: Election) -> None:
    events: list[Event] = []
    for pile in range(1, 49):
        events += both(pile, pile_of(50, pile))
    count = run(new_count(election), [*events, CloseEntry()])
    assert count.phase is Phase.CHECKS
    assert len(c.final_ballots(count)) == 2400
    assert all(p.settled == p.counted_by_hand == 50 for p in c.pile_counts(count))


# --- double entry rules -----------------------------------------------------------------------------------------------


def test_same_operator_for_both_passes_is_refused(election: Election) -> None:
    count = run(new_count(election), entry(1, FIRST, "An Peeters", pile_of(3)))
    error = refused(count, StartPile(1, SECOND, " an peeters "), "count.same_operator")
    assert error.params == {"pile": 1, "pass_no": 2, "other": 1, "operator": " an peeters "}
    # also the other way round: pass 2 first
    count = apply(count, StartPile(2, SECOND, "Bert"))
    refused(count, StartPile(2, FIRST, "Bert"), "count.same_operator")


def test_initial_and_full_first_name_are_the_same_operator(election: Election) -> None:
    count = run(new_count(election), entry(1, FIRST, "A. Peeters", pile_of(3)))
    refused(count, StartPile(1, SECOND, "anna peeters"), "count.same_operator")
    refused(count, StartPile(1, SECOND, "PEETERS Anna"), "count.same_operator")
    assert apply(count, StartPile(1, SECOND, "Jan Peeters")).piles[1].second is not None


def test_once_members_are_recorded_only_a_member_may_enter(election: Election) -> None:
    record = BureauRecord(
        president="Anna Peeters", secretary="Jan Janssens", assessors=("Eva Maes",), witnesses=("Wim",)
    )
    count = apply(apply(new_count(election), StartPile(9, FIRST, "Anna Peeters")), RecordBureau(record))
    error = refused(count, StartPile(1, FIRST, "Someone Else"), "count.operator_not_member")
    assert error.params == {"operator": "Someone Else"}
    refused(count, StartPile(1, FIRST, "Wim"), "count.operator_not_member")  # a witness watches, never enters
    assert apply(count, StartPile(1, FIRST, "e. maes")).piles[1].first is not None


def test_the_pile_declaration_is_kept_with_its_pass(election: Election) -> None:
    declared = Declaration(PileKind.LIST_VOTE, ListNumber(1))
    count = apply(new_count(election), StartPile(1, FIRST, "An", 3, declared))
    first = count.piles[1].first
    assert first is not None and first.declaration == declared
    count = apply(count, StartPile(1, SECOND, "Bert"))
    second = count.piles[1].second
    assert second is not None and second.declaration.kind is PileKind.MIXED


def test_pile_of_more_than_fifty_is_refused(election: Election) -> None:
    count = new_count(election)
    error = refused(count, StartPile(1, FIRST, "An", MAX_PILE_SIZE + 1), "count.pile_too_large")
    assert error.params == {"pile": 1, "counted": 51, "maximum": 50}
    refused(count, StartPile(1, FIRST, "An", 0), "count.pile_too_large")
    count = run(count, [StartPile(1, FIRST, "An"), *(ConfirmBallot(1, FIRST, b) for b in pile_of(50))])
    refused(count, ConfirmBallot(1, FIRST, vote(1)), "count.pile_full")


def test_ballot_with_a_mark_the_election_does_not_have_is_refused(election: Election) -> None:
    count = apply(new_count(election), StartPile(1, FIRST, "An"))
    error = refused(count, ConfirmBallot(1, FIRST, vote(13)), "ballot.unknown_mark", BadInput)
    assert error.params == {"mark": "13:H"}
    refused(count, ConfirmBallot(1, FIRST, vote(1, 25)), "ballot.unknown_mark", BadInput)  # Antwerp: 24 titulars
    count = apply(count, ConfirmBallot(1, FIRST, vote(1)))
    refused(count, CorrectBallot(1, FIRST, 1, vote(99)), "ballot.unknown_mark", BadInput)


def test_entering_into_a_finished_pass_is_refused(election: Election) -> None:
    count = run(new_count(election), entry(1, FIRST, "An", pile_of(3)))
    for event in (
        ConfirmBallot(1, FIRST, vote(1)),
        CorrectBallot(1, FIRST, 1, vote(1)),
        UndoLast(1, FIRST),
        FinishPile(1, FIRST),
    ):
        error = refused(count, event, "count.pass_finished")
        assert error.params == {"pile": 1, "pass_no": 1}
    refused(count, StartPile(1, FIRST, "Carla"), "count.pass_already_started")


def test_correct_and_undo_change_the_open_pass(election: Election) -> None:
    count = run(new_count(election), [StartPile(1, FIRST, "An"), ConfirmBallot(1, FIRST, vote(1))])
    count = run(count, [ConfirmBallot(1, FIRST, vote(3)), CorrectBallot(1, FIRST, 1, vote(5)), UndoLast(1, FIRST)])
    assert count.piles[1].first is not None and count.piles[1].first.ballots == (vote(5),)
    refused(count, CorrectBallot(1, FIRST, 2, vote(1)), "count.no_ballot_at")
    count = apply(count, UndoLast(1, FIRST))
    refused(count, UndoLast(1, FIRST), "count.nothing_to_undo")
    refused(count, FinishPile(1, FIRST), "count.pass_empty")


def test_hand_count_is_given_once_and_may_be_repeated(election: Election) -> None:
    count = apply(new_count(election), StartPile(1, FIRST, "An", 40))
    refused(count, StartPile(1, SECOND, "Bert", 41), "count.hand_count_conflict")
    assert apply(count, StartPile(1, SECOND, "Bert", 40)).piles[1].counted_by_hand == 40
    assert apply(count, StartPile(1, SECOND, "Bert")).piles[1].counted_by_hand == 40


def test_operator_and_pile_number_must_make_sense(election: Election) -> None:
    count = new_count(election)
    refused(count, StartPile(1, FIRST, "  "), "count.operator_missing")
    refused(count, StartPile(0, FIRST, "An"), "count.bad_pile")


def test_discarding_a_pass_lets_it_be_entered_again(election: Election) -> None:
    count = run(new_count(election), entry(1, FIRST, "An", pile_of(3), 3))
    count = apply(count, DiscardPass(1, FIRST))
    assert 1 not in count.piles
    count = run(count, [*entry(1, FIRST, "An", pile_of(3)), StartPile(1, SECOND, "Bert")])
    count = apply(count, DiscardPass(1, SECOND))
    assert count.piles[1].second is None
    refused(count, DiscardPass(1, SECOND), "count.pass_not_started")
    refused(count, DiscardPass(9, SECOND), "count.pile_not_started")


# --- differences, contested ballots, decisions ------------------------------------------------------------------------


def test_differences_block_the_result_until_decided(election: Election) -> None:
    first = pile_of(10, 5)
    second = (*first[:3], *first[4:])  # pass 2 skipped ballot 4
    count = run(new_count(election), both(1, first, second) + both(2, pile_of(5, 6)))
    # the hand count (10) disagrees with pass 2 (9), and the skipped ballot is pinpointed
    counted, skipped = c.open_differences(count)
    assert (counted.kind, counted.entered, counted.counted) == (DifferenceKind.COUNT_SECOND, 9, 10)
    assert (skipped.kind, skipped.ref) == (DifferenceKind.ONLY_IN_FIRST, BallotRef(1, 4))
    count = apply(count, CloseEntry())
    assert count.phase is Phase.DIFFERENCES
    refused(count, Finalize(), "count.open_count", OpenDifferences)
    with pytest.raises(OpenDifferences):
        c.final_ballots(count)
    count = apply(count, Decide(Decision(1, first, "voorzitter", NOW, "ballot 4 was skipped in pass 2")))
    assert count.phase is Phase.CHECKS
    assert c.open_differences(count) == ()
    assert [d.pile for d in c.decisions(count)] == [1]
    assert c.pile_counts(count)[0] == c.PileCount(1, 10, 10, 9, 10)
    assert apply(count, Finalize()).phase is Phase.FINAL


@pytest.mark.parametrize(
    ("second", "key"),
    [
        (lambda p: (*p[:2], vote(21), *p[3:]), "count.open_changed"),
        (lambda p: (*p[:2], *p[3:]), "count.open_only_in_first"),
        (lambda p: (*p[:2], vote(21), *p[2:]), "count.open_only_in_second"),
    ],
)
def test_finalize_too_early_names_the_open_difference(election: Election, second: object, key: str) -> None:
    first = pile_of(5, 9)
    passes = entry(1, FIRST, "An", first) + entry(1, SECOND, "Bert", second(first))  # type: ignore[operator]
    count = run(new_count(election), [*passes, CloseEntry()])
    error = refused(count, Finalize(), key, OpenDifferences)
    assert error.params == {"pile": 1, "position": 3}


def test_contested_ballot_must_be_decided(election: Election) -> None:
    contested = vote(8, 2, status=Status.CONTESTED)
    ballots = (vote(1), contested, vote(3))
    count = run(new_count(election), [*both(1, ballots), CloseEntry()])
    assert count.phase is Phase.DIFFERENCES
    refused(count, Finalize(), "count.open_contested", OpenDifferences)
    (item,) = c.contested_ballots(count)
    assert (item.ref, item.flagged, item.decision, item.decided) == (BallotRef(1, 2), contested, None, None)
    decision = Decision(1, (vote(1), vote(8, 2), vote(3)), "voorzitter", NOW, "valid: mark clear")
    count = apply(count, Decide(decision))
    (item,) = c.contested_ballots(count)
    assert (item.decision, item.decided) == (decision, vote(8, 2))


def test_contested_in_one_pass_only_is_listed_with_its_decision(election: Election) -> None:
    flagged = vote(8, 2, status=Status.CONTESTED)
    count = run(new_count(election), both(1, (vote(1), vote(8, 2)), (vote(1), flagged)))
    (item,) = c.contested_ballots(count)
    assert item.ref == BallotRef(1, 2) and item.flagged == flagged
    count = apply(count, Decide(Decision(1, (vote(1),), "voorzitter", NOW, "not a ballot of this bureau")))
    (item,) = c.contested_ballots(count)
    assert item.decided is None


def test_decision_is_checked_against_the_election_and_the_pile(election: Election) -> None:
    count = run(new_count(election), entry(1, FIRST, "An", pile_of(3)))
    count = apply(count, StartPile(1, SECOND, "Bert"))
    refused(count, Decide(Decision(1, pile_of(3), "voorzitter", NOW)), "count.decision_needs_two_passes")  # open
    refused(count, Decide(Decision(0, pile_of(3), "voorzitter", NOW)), "count.bad_pile")
    count = apply(count, DiscardPass(1, SECOND))
    count = run(count, entry(1, SECOND, "Bert", pile_of(3)))
    refused(count, Decide(Decision(1, (vote(40),), "voorzitter", NOW)), "ballot.unknown_mark", BadInput)
    count = apply(count, Decide(Decision(1, pile_of(2), "voorzitter", NOW)))
    refused(count, DiscardPass(1, FIRST), "count.pile_decided")


@pytest.mark.parametrize(
    ("events", "key"),
    [
        (entry(1, FIRST, "An", pile_of(3)), "count.decision_needs_two_passes"),  # pass 2 never entered
        (entry(1, SECOND, "Bert", pile_of(3)), "count.decision_needs_two_passes"),  # pass 1 never entered
        ([*entry(1, FIRST, "An", pile_of(3)), StartPile(1, SECOND, "Bert")], "count.decision_needs_two_passes"),
        (
            [*entry(1, FIRST, "An", pile_of(3)), StartPile(1, SECOND, "Bert"), ConfirmBallot(1, SECOND, vote(1))],
            "count.decision_needs_two_passes",
        ),
        (both(2, pile_of(3)), "count.decision_unknown_pile"),  # pile 1 appears in neither pass
    ],
    ids=["only pass 1", "only pass 2", "pass 2 started", "pass 2 being typed", "pile never entered"],
)
def test_a_decision_needs_both_passes_of_its_pile_finished(election: Election, events: list[Event], key: str) -> None:
    """Art. 2 B of the decree: every ballot is entered twice; a decision never stands in for a pass (contract)."""
    count = run(new_count(election), events)
    error = refused(count, Decide(Decision(1, pile_of(3), "voorzitter", NOW)), key)
    assert error.params == {"pile": 1}


def test_a_decision_may_settle_a_pile_whose_passes_agreed_and_replaces_both_passes(election: Election) -> None:
    """Contract: the decision is the settled content of the whole pile; a pile whose passes agreed may be decided
    too, and every ballot changed there against both passes is an overrule."""
    agreed = pile_of(4, 3)
    count = run(new_count(election), [*both(1, agreed), *both(2, pile_of(2, 4))])
    decided = (agreed[0], vote(21), agreed[2])  # the bureau finds ballot 2 is a list vote for 21, ballot 4 absent
    count = apply(count, Decide(Decision(1, decided, "voorzitter", NOW, "ballots looked at again")))
    assert [ref.pile for ref, _ in c.final_ballots(count)] == [1, 1, 1, 2, 2]
    overruled = c.overrules(count)
    assert [(r.position_1, r.position_2, r.position) for r in overruled] == [(2, 2, 2), (4, 4, None)]
    assert [(r.reading_1, r.reading_2, r.decided) for r in overruled] == [
        (agreed[1], agreed[1], vote(21)),
        (agreed[3], agreed[3], None),
    ]
    assert {(r.decided_by, r.decided_at, r.note) for r in overruled} == {("voorzitter", NOW, "ballots looked at again")}
    assert c.entries(count) == Entries(pass1=6, pass2=6, differences=0, overruled=2)


def test_entries_count_the_differences_a_decision_settled(election: Election) -> None:
    first = pile_of(6, 8)
    second = (*first[:2], vote(21), *first[3:5])  # ballot 3 changed, ballot 6 skipped in pass 2
    count = run(new_count(election), both(1, first, second))
    assert c.entries(count) == Entries(6, 5, 0, 0)  # open: not settled yet
    count = apply(count, Decide(Decision(1, first, "voorzitter", NOW)))
    assert c.entries(count) == Entries(6, 5, 2, 0)
    records = c.decided_ballots(count)
    assert [r.differed for r in records] == [False, False, True, False, False, True]
    assert [r.position for r in records] == [1, 2, 3, 4, 5, 6] and not any(r.overrule for r in records)


def test_close_entry_needs_every_pile_entered_twice(election: Election) -> None:
    count = run(new_count(election), [*entry(1, FIRST, "An", pile_of(3)), *entry(2, FIRST, "An", pile_of(3))])
    error = refused(count, CloseEntry(), "count.pass_unfinished")
    assert error.params == {"pile": 1, "pass_no": 2}
    count = run(count, [DiscardPass(1, FIRST), DiscardPass(2, FIRST)])
    refused(count, CloseEntry(), "count.nothing_entered")
    refused(count, Finalize(), "count.entry_not_closed", OpenDifferences)


def test_finalize_refuses_errors_and_unacknowledged_warnings(election: Election) -> None:
    count = run(new_count(election), [*both(1, pile_of(4)), CloseEntry()])
    error = Finding("E.101", Severity.ERROR, params={"list": 3})
    warning = Finding("W.301", Severity.WARNING)
    refused(count, Finalize((warning, error)), "count.check_error")
    refused(count, Finalize((warning,)), "count.warning_unacknowledged")
    count = apply(count, Acknowledge("W.301"))
    assert count.acknowledged == frozenset({"W.301"})
    refused(count, Acknowledge(" "), "count.warning_code_missing")
    # a new decision changes the tally: the warnings must be read again
    count = apply(count, Decide(Decision(1, pile_of(4), "voorzitter", NOW)))
    assert count.acknowledged == frozenset()
    count = run(count, [Acknowledge("W.301"), ReopenEntry()])
    assert (count.phase, count.acknowledged) == (Phase.ENTERING, frozenset())


def test_reopened_entry_takes_a_forgotten_pile(election: Election) -> None:
    count = run(new_count(election), [*both(1, pile_of(4)), CloseEntry(), ReopenEntry(), *both(2, pile_of(3))])
    count = apply(count, CloseEntry())
    assert [p.pile for p in c.pile_counts(count)] == [1, 2]


# --- exhaustive: every event in every phase ---------------------------------------------------------------------------


def counts_in_every_phase(election: Election) -> dict[str, Count]:
    """Representative counts: each phase, and inside ENTERING each state a pass can be in."""
    setup = new_count(election)
    open_pass = run(setup, [StartPile(1, FIRST, "An", 3), ConfirmBallot(1, FIRST, vote(1))])
    one_finished = run(setup, entry(1, FIRST, "An", pile_of(3), 3))
    agreed = run(setup, both(1, pile_of(3)))
    differing = run(setup, both(1, pile_of(3), pile_of(2)))
    differences = apply(differing, CloseEntry())
    checks = apply(agreed, CloseEntry())
    final = apply(checks, Finalize())
    return {
        "setup": setup,
        "entering/open pass": open_pass,
        "entering/one pass finished": one_finished,
        "entering/agreed": agreed,
        "entering/differing": differing,
        "differences": differences,
        "checks": checks,
        "final": final,
    }


SAMPLE_EVENTS: tuple[Event, ...] = (
    StartPile(1, FIRST, "An", 3),
    StartPile(1, SECOND, "Bert"),
    StartPile(2, FIRST, "An"),
    ConfirmBallot(1, FIRST, vote(1)),
    ConfirmBallot(1, SECOND, vote(3)),
    CorrectBallot(1, FIRST, 1, vote(3)),
    UndoLast(1, FIRST),
    FinishPile(1, FIRST),
    FinishPile(1, SECOND),
    DiscardPass(1, FIRST),
    DiscardPass(1, SECOND),
    ReopenPass(1, FIRST),
    Decide(Decision(1, (vote(1), vote(3), vote(3)), "voorzitter", NOW)),
    CloseEntry(),
    ReopenEntry(),
    Acknowledge("W.201"),
    RecordBureau(BureauRecord(received_total=12)),
    Finalize(),
    Finalize((Finding("W.201", Severity.WARNING),)),
)


def test_sample_events_cover_every_event_type() -> None:
    assert {type(e) for e in SAMPLE_EVENTS} == set(EVENT_TYPES)


@pytest.mark.parametrize("event", SAMPLE_EVENTS, ids=repr)
def test_every_event_in_every_phase_is_allowed_or_a_typed_error(election: Election, event: Event) -> None:
    for name, count in counts_in_every_phase(election).items():
        allowed = count.phase in c._ALLOWED[type(event)]
        try:
            after = apply(count, event)
        except TabulaError as error:
            assert error.key.startswith(("count.", "ballot.")), name
            assert isinstance(error, CountStateError | OpenDifferences | BadInput), name
            if not allowed:
                assert error.key in REFUSAL_KEYS, (name, error.key)
        else:
            assert allowed, f"{type(event).__name__} accepted in {name}"
            assert isinstance(after, Count)
            assert after.election is count.election


REFUSAL_KEYS = {
    "count.final",
    "count.not_started",
    "count.entry_closed",
    "count.entry_already_open",
    "count.entry_already_closed",
    "count.checks_not_reached",
    "count.entry_not_closed",
    "count.pass_unfinished",
    "count.open_changed",
    "count.open_only_in_first",
    "count.open_only_in_second",
    "count.open_contested",
    "count.open_count",
}


def test_nothing_is_accepted_once_final(election: Election) -> None:
    final = counts_in_every_phase(election)["final"]
    for event in SAMPLE_EVENTS:
        refused(final, event, "count.final")


# --- random walks: the invariants hold whatever the operators do -----------------------------------------------------

_PILES = st.integers(1, 3)
_PASSES = st.sampled_from(list(Pass))
_BALLOTS = st.sampled_from([vote(1), vote(3, 1), Ballot(), vote(5, status=Status.CONTESTED), vote(13)])
_EVENTS: st.SearchStrategy[Event] = st.one_of(
    st.builds(StartPile, _PILES, _PASSES, st.sampled_from(["An", "Bert", "Carla"]), st.sampled_from([None, 2, 3])),
    st.builds(ConfirmBallot, _PILES, _PASSES, _BALLOTS),
    st.builds(ConfirmBallot, _PILES, _PASSES, _BALLOTS),
    st.builds(CorrectBallot, _PILES, _PASSES, st.integers(0, 4), _BALLOTS),
    st.builds(UndoLast, _PILES, _PASSES),
    st.builds(FinishPile, _PILES, _PASSES),
    st.builds(DiscardPass, _PILES, _PASSES),
    st.builds(
        lambda p, n: Decide(Decision(p, tuple(vote(LISTS[k]) for k in range(n)), "voorzitter", NOW)),
        _PILES,
        st.integers(0, 3),
    ),
    st.just(CloseEntry()),
    st.just(ReopenEntry()),
    st.builds(Acknowledge, st.sampled_from(["W.201", "W.301"])),
    st.builds(Finalize, st.sampled_from([(), (Finding("W.201", Severity.WARNING),)])),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_EVENTS, max_size=60))
def test_random_walks_keep_the_invariants(events: list[Event]) -> None:
    election = chamber_2024()
    count = new_count(election)
    for event in events:
        try:
            count = apply(count, event)
        except TabulaError as error:
            assert isinstance(error, CountStateError | OpenDifferences | BadInput)
        check_invariants(count)


def check_invariants(count: Count) -> None:
    for pile in count.piles.values():
        for pass_no in Pass:
            e = pile.entry(pass_no)
            assert e is None or len(e.ballots) <= MAX_PILE_SIZE
        if pile.first is not None and pile.second is not None:
            assert pile.first.operator.casefold() != pile.second.operator.casefold()
        finished = [e is not None and e.finished for e in (pile.first, pile.second)]
        assert (pile.comparison is not None) == all(finished)
        assert pile.decision is None or pile.comparison is not None  # a decision needs two finished passes
    if count.phase in (Phase.CHECKS, Phase.FINAL):
        assert c.open_differences(count) == () and c.unfinished_passes(count) == ()
        assert all(b.status is not Status.CONTESTED for _, b in c.final_ballots(count))
    if count.phase is Phase.DIFFERENCES:
        assert c.open_differences(count) and not c.unfinished_passes(count)


# --- queries on a count in progress, and the messages -----------------------------------------------------------------


def test_queries_on_a_count_still_being_entered(election: Election) -> None:
    flagged = vote(8, 2, status=Status.CONTESTED)
    count = run(new_count(election), [*both(1, (vote(1), flagged)), StartPile(2, FIRST, "An", 2)])
    count = apply(count, ConfirmBallot(2, FIRST, flagged))
    assert c.pile_counts(count) == (c.PileCount(1, 2, 2, 2, None), c.PileCount(2, 2, 1, None, None))
    assert [item.ref for item in c.contested_ballots(count)] == [BallotRef(1, 2)]  # pile 2 is not compared yet
    assert c.unfinished_passes(count) == ((2, FIRST), (2, SECOND))
    with pytest.raises(OpenDifferences) as raised:
        c.final_ballots(count)
    assert raised.value.params == {"pile": 2, "pass_no": 1}


def _keys_used_in(*modules: str) -> set[str]:
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    text = "".join((root / m).read_text(encoding="utf-8") for m in modules)
    keys = set(re.findall(r'"((?:count|journal)\.[a-z_]+)"', text))
    keys |= {f"count.open_{kind.name.lower()}" for kind in DifferenceKind if kind.name.startswith(("CHANGED", "ONLY"))}
    return keys | {"count.open_contested", "count.open_count"}


def test_every_message_key_has_a_text_in_nl_fr_and_de_with_its_parameters() -> None:
    from app.i18n import translate
    from tests.i18n_domains import messages_of

    MESSAGES = messages_of("count")

    used = _keys_used_in("app/counting/count.py", "app/counting/double_entry.py", "app/journal.py")
    assert used <= set(MESSAGES), used - set(MESSAGES)
    params = {
        "pile": 3, "pass_no": 2, "other": 1, "operator": "An", "position": 17, "counted": 50, "earlier": 49,
        "maximum": 50, "entered": 49, "code": "W.201", "seq": 12, "station": "A-001", "expected": "B-002",
    }  # fmt: skip
    for key, texts in MESSAGES.items():
        assert set(texts) == {"nl", "fr", "de"}, key
        for language in texts:
            text = translate(key, language, **params)
            assert "{" not in text and text.endswith("."), (key, language)


def test_the_bureau_record_is_kept_and_a_new_one_withdraws_acknowledgements(election: Election) -> None:
    count = counts_in_every_phase(election)["checks"]
    count = apply(count, Acknowledge("W.201"))
    record = BureauRecord((PollingStationCount("12A", 300, 299),), president="Ann Dupré", remarks=("Urne 2 laat",))
    count = apply(count, RecordBureau(record))
    assert count.record == record and count.acknowledged == frozenset()


@pytest.mark.parametrize(
    "bad",
    [
        {"received_total": -1},
        {"polling_stations": (PollingStationCount("12A", -3),)},
        {"remarks": ("x" * 501,)},
    ],
)
def test_a_bureau_record_with_negative_numbers_or_endless_text_is_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        BureauRecord(**bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("pile", [0, -1, 10_000])
def test_a_pile_number_outside_1_to_9999_is_refused(election: Election, pile: int) -> None:
    refused(new_count(election), StartPile(pile, FIRST, "An"), "count.bad_pile")


def test_a_decided_pile_cannot_be_entered_again(election: Election) -> None:
    count = run(new_count(election), both(1, pile_of(3), pile_of(2)))
    count = apply(count, Decide(Decision(1, pile_of(3), "voorzitter", NOW)))
    refused(count, StartPile(1, SECOND, "Bert"), "count.pile_decided")
    refused(count, DiscardPass(1, SECOND), "count.pile_decided")


def test_a_contested_ballot_decided_is_listed_at_its_place_in_the_decision_and_is_no_overrule(
    election: Election,
) -> None:
    """C6: every contested ballot is in the PV with its decision; deciding it is what contesting asks for."""
    flagged = vote(8, 2, status=Status.CONTESTED)
    count = run(new_count(election), both(1, (vote(1), flagged, vote(3)), (vote(1), flagged, vote(3), vote(5))))
    count = apply(count, Decide(Decision(1, (vote(1), vote(8, 2), vote(3)), "voorzitter", NOW)))
    (item,) = c.contested_ballots(count)
    assert item.ref == BallotRef(1, 2) and item.final_ref == BallotRef(1, 2) and item.decided == vote(8, 2)
    assert c.overrules(count) == () and c.entries(count) == Entries(3, 4, 1, 0)


def test_writing_an_explanation_or_a_remark_keeps_what_was_acknowledged(election: Election) -> None:
    record = BureauRecord((PollingStationCount("12A", 300, 299),), president="Ann Dupré")
    count = run(counts_in_every_phase(election)["checks"], [RecordBureau(record), Acknowledge("W.201")])
    explained = replace(record, explanations=(("W.201", "Een kiezer nam zijn stembiljet mee."),), remarks=("Laat",))
    count = apply(count, RecordBureau(explained))
    assert count.record == explained and count.acknowledged == frozenset({"W.201"})
    # other figures or other members: the warnings were about another record and must be read again
    for changed in (replace(explained, received_total=301), replace(explained, president="Bart Peeters")):
        assert apply(count, RecordBureau(changed)).acknowledged == frozenset()
