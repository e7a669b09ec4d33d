"""The numeric-keypad grammar (docs/keypad.md): ballots, piles and whole passes, read and written key by key."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.counting import keypad
from app.counting.keypad import (
    Closed,
    ClosePile,
    Key,
    KeyRefused,
    OpenPile,
    Outcome,
    Pane,
    ReopenLast,
    Step,
    Store,
    TakeBack,
    decode_pass,
    encode_ballot,
    encode_pass,
    matches,
    opened,
    parse_keys,
    press,
    read_ballot,
    read_declaration,
)
from app.counting.keypad_ballot import DIGITS
from app.counting.model import (
    MIXED,
    Ballot,
    Box,
    Declaration,
    Election,
    InvalidReason,
    ListNumber,
    Mark,
    PileKind,
    Position,
    Status,
)
from app.errors import BadInput
from app.i18n import LANGUAGES, catalogue, translate
from tests.counting.strategies import election_of, keypad_ballots, keypad_elections, passes
from tests.reference import chamber_2024

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Antwerp 2024: lists 1, 3, 5, 8, 9, 10, 15-21; list 3 has 24 titulars and 13 successors, list 5 has 7 titulars.
CHAMBER = chamber_2024()
_NAMES = {".": Key.DOT, "+": Key.PLUS, "-": Key.MINUS, "*": Key.STAR, "/": Key.SLASH}


def keys(text: str) -> tuple[Key, ...]:
    """Keys as printed on the keypad, as docs/keypad.md writes them: `3 . 4 / 0 Enter`, `12` is two keys."""
    out: list[Key] = []
    for token in text.split():
        if token == "Enter":
            out.append(Key.ENTER)
        elif token == "Backspace":
            out.append(Key.BACK)
        else:
            out += [_NAMES[ch] if ch in _NAMES else DIGITS[int(ch)] for ch in token]
    return tuple(out)


def ballot(*marks: str, status: Status = Status.NONE, reason: InvalidReason | None = None) -> Ballot:
    """`ballot("3:T4", "3:H")`."""
    parsed = []
    for text in marks:
        number, box = text.split(":")
        if box == "H":
            parsed.append(Mark(ListNumber(int(number)), Box.LIST))
        else:
            parsed.append(Mark(ListNumber(int(number)), Box(box[0]), Position(int(box[1:]))))
    return Ballot(frozenset(parsed), status, reason)


LIST_VOTE_3 = Declaration(PileKind.LIST_VOTE, ListNumber(3))
CANDIDATES_3 = Declaration(PileKind.PREFERENCE, ListNumber(3))


def run(pane: Pane, typed: Sequence[Key], election: Election = CHAMBER) -> tuple[Pane, list[object], list[Outcome]]:
    """Press every key; the pane after them, every action, and every refusal (a refused key is dropped, as on the
    kiosk)."""
    actions: list[object] = []
    refused: list[Outcome] = []
    for key in typed:
        outcome = press(pane, key, election)
        if outcome.problem is not None:
            refused.append(outcome)
            continue
        actions += outcome.actions
        pane = outcome.pane
    return pane, actions, refused


def pile_pane(declaration: Declaration = MIXED, hand_count: int = 50, entered: int = 0) -> Pane:
    return opened(Pane(), 7, declaration, hand_count, entered)


# --- docs/keypad.md section 3: every example, in every kind of pile -----------------------------------------------

SECTION_3 = [
    # on the ballot, pile "list 3 · list vote only", pile "list 3 · candidates", mixed pile; a ballot its pile does
    # not declare is stored on a second Enter
    (ballot("3:H"), "Enter", "* Enter Enter", "3 Enter"),
    (ballot("3:T4", "3:T12"), "4 . 12 Enter Enter", "4 . 12 Enter", "3 . 4 . 12 Enter"),
    (ballot("3:H", "3:T4"), "* 4 Enter Enter", "* 4 Enter", "3 * 4 Enter"),
    (ballot("3:S2"), "- 2 Enter Enter", "- 2 Enter", "3 - 2 Enter"),
    (ballot("5:T1"), "+ 5 . 1 Enter Enter", "+ 5 . 1 Enter Enter", "5 . 1 Enter"),
    (ballot(), "0 Enter Enter", "0 Enter Enter", "0 Enter"),
    (ballot("3:H", status=Status.CONTESTED), "/ 0 Enter Enter", "* / 0 Enter Enter", "3 / 0 Enter"),
]
SECTION_3_CELLS = [
    (expected, declaration, typed)
    for expected, *cells in SECTION_3
    for declaration, typed in zip((LIST_VOTE_3, CANDIDATES_3, MIXED), cells, strict=True)
]


@pytest.mark.parametrize(("expected", "declaration", "typed"), SECTION_3_CELLS)
def test_every_example_of_the_keypad_page_stores_its_ballot(
    expected: Ballot, declaration: Declaration, typed: str
) -> None:
    pane, actions, refused = run(pile_pane(declaration), keys(typed))
    assert refused == []
    assert actions == [Store(expected)]
    assert pane.entered == 1 and pane.typed == ()


def _without_optional_dots(typed: tuple[Key, ...], *, list_first: bool) -> tuple[Key, ...]:
    """The keys without every `.` that only ends a candidate number; a `.` right after a list number stays."""
    kept: list[Key] = []
    in_list_number = list_first
    for key in typed:
        if key is Key.DOT and not in_list_number:
            continue
        if key is Key.PLUS:
            in_list_number = True
        elif key.digit is None:
            in_list_number = False
        kept.append(key)
    return tuple(kept)


@pytest.mark.parametrize(("expected", "declaration", "typed"), SECTION_3_CELLS)
def test_the_encoder_needs_no_more_keys_than_the_examples_without_their_optional_dots(
    expected: Ballot, declaration: Declaration, typed: str
) -> None:
    # on this election every `.` of the page is optional but the one after a list number (a list number waits)
    undotted = _without_optional_dots(keys(typed), list_first=declaration.kind is PileKind.MIXED)
    assert read_ballot(CHAMBER, declaration, tuple(k for k in undotted if k is not Key.ENTER)).ballot == expected
    encoded = encode_ballot(CHAMBER, declaration, expected)
    assert len(encoded) <= len(undotted) and sorted(encoded, key=str) == sorted(undotted, key=str)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3 . 4 / 0", ballot("3:T4", status=Status.CONTESTED)),
        ("3 . 4 / 1", ballot("3:T4", status=Status.DECLARED_INVALID, reason=InvalidReason.NOT_OFFICIAL)),
        ("3 / 2", ballot("3:H", status=Status.DECLARED_INVALID, reason=InvalidReason.IDENTIFYING_MARK)),
        ("0 / 3", ballot(status=Status.DECLARED_INVALID, reason=InvalidReason.ALTERED)),
        ("/ 4", ballot(status=Status.DECLARED_INVALID, reason=InvalidReason.OTHER)),
        ("3 . 4 + 5", ballot("3:T4", "5:H")),  # `+`: marks on two lists (an invalid ballot, entered as it is)
        ("1 . 5", ballot("1:T5")),  # list 1 could become 15: the `.` is needed
        ("15", ballot("15:H")),
        ("10 * 2 - 1 . 3", ballot("10:H", "10:T2", "10:S1", "10:S3")),  # after `-`, numbers are successors
        ("3 . 2 1", ballot("3:T21")),  # 2 could go on, 21 cannot: candidate numbers end by themselves
        ("3 . 2 . 1", ballot("3:T2", "3:T1")),
        ("3 * 4", ballot("3:H", "3:T4")),  # `*` ends the list number too
        ("10", ballot("10:H")),  # a list number waits for its end: Enter ends it
    ],
)
def test_marks_and_the_bureaus_decision_in_a_mixed_pile(typed: str, expected: Ballot) -> None:
    reading = read_ballot(CHAMBER, MIXED, keys(typed))
    assert reading.problem is None and reading.ballot == expected


@pytest.mark.parametrize(
    ("typed", "declaration"),
    [
        ("3 *", LIST_VOTE_3),
        ("3", CANDIDATES_3),
        ("0", Declaration(PileKind.BLANK)),
        ("/", Declaration(PileKind.INVALID)),
        ("", MIXED),
        ("1 *", Declaration(PileKind.LIST_VOTE, ListNumber(1))),
        ("1 0", Declaration(PileKind.PREFERENCE, ListNumber(10))),
    ],
)
def test_pile_declarations_of_section_2(typed: str, declaration: Declaration) -> None:
    assert read_declaration(CHAMBER, keys(typed)) == (declaration, None)


def test_enter_alone_is_the_list_vote_in_a_list_vote_pile_and_blank_in_a_blank_pile() -> None:
    _, in_list_pile, _ = run(pile_pane(LIST_VOTE_3), keys("Enter"))
    _, in_blank_pile, _ = run(pile_pane(Declaration(PileKind.BLANK)), keys("Enter"))
    assert in_list_pile == [Store(ballot("3:H"))]
    assert in_blank_pile == [Store(ballot())]


def test_a_whole_pile_from_its_header_section_2() -> None:
    # the list-vote pile's second and third ballots are not list votes only: each takes a second Enter
    typed = "Enter 3 * Enter 3 Enter Enter * 4 Enter Enter + 5 Enter Enter"
    pane, actions, refused = run(Pane(Step.PILE), keys(typed))
    assert refused == []
    assert actions == [
        OpenPile(1, LIST_VOTE_3, 3),
        Store(ballot("3:H")),
        Store(ballot("3:H", "3:T4")),
        Store(ballot("5:H")),
        ClosePile(short=False),
    ]
    assert pane == Pane(Step.PILE, proposal=2, closed=Closed(1, LIST_VOTE_3, 3, 3))


# --- refusals: nothing is stored, the pane stays as it was, the echo says why ---------------------------------------

REFUSALS = [
    # (pane, keys accepted before, the refused key, message key, parameters that must be in the message)
    (pile_pane(LIST_VOTE_3), "+", "+", "keys.list_first", {"symbol": "+"}),  # `+ +`: a group needs its list number
    (pile_pane(), "", "+", "keys.list_first", {"symbol": "+"}),
    (pile_pane(), "", "*", "keys.list_first", {"symbol": "*"}),  # `*` first in a mixed pile
    (pile_pane(), "", "-", "keys.list_first", {"symbol": "-"}),
    (pile_pane(), "5 .", "8", "keys.no_titular", {"number": 8, "list": 5, "maximum": 7}),  # list 5 has 7 titulars
    (pile_pane(), "5", "8", "keys.list_then_dot", {"list": "5", "number": "58"}),  # a list number waits for `.`
    # list 1 has 24 titulars: `2 5` is no candidate 25, and never silently 2 and 5 (that needs `2 . 5`)
    (pile_pane(), "1 . 2", "5", "keys.no_titular", {"number": "25", "after": "2", "maximum": 24}),
    (pile_pane(), "1", "4", "keys.list_then_dot", {"number": "14", "list": "1"}),  # lists 1, 10, 15..21: no 14
    (pile_pane(), "21 .", "2", "keys.no_titular", {"number": 2, "list": 21, "maximum": 1}),
    (pile_pane(), "", "2 .", "keys.no_list", {"number": "2", "maximum": 21}),  # 2 could be 20 or 21, not 2
    (pile_pane(), "", "2 /", "keys.no_list", {"number": "2"}),  # the missing list, not a misplaced `/`
    (pile_pane(), "", "7", "keys.no_list", {"number": 7}),
    (pile_pane(), "3 .", "0", "keys.no_zero", {}),  # `0` cannot start a number
    (pile_pane(), "3", "0", "keys.list_then_dot", {"list": "3", "number": "30"}),
    (pile_pane(CANDIDATES_3), "4", "0", "keys.no_zero", {}),
    (pile_pane(), "3 /", "7", "keys.bad_status", {"digit": 7}),  # status digit 7
    (pile_pane(), "3 / 0", "1", "keys.after_status", {}),
    (pile_pane(), "0", "3", "keys.after_blank", {}),
    (pile_pane(), "0", ".", "keys.not_here", {"symbol": "."}),
    (pile_pane(), "3 / 0", "+", "keys.not_here", {"symbol": "+"}),
    (pile_pane(), "3 * 4", "4", "keys.titular_twice", {"list": 3, "position": 4}),
    (pile_pane(), "3 *", "*", "keys.list_box_twice", {"list": 3}),
    (pile_pane(), "3 . 4 + 3", "Enter", "keys.list_twice", {"list": 3}),
    (pile_pane(), "3 . 4 + 3", "+", "keys.list_twice", {"list": 3}),
    (pile_pane(CANDIDATES_3), "4 + 3", "Enter", "keys.list_twice", {"list": 3}),
    (pile_pane(), "3 +", "/", "keys.list_first", {"symbol": "/"}),
    (pile_pane(), "/ /", "3", "keys.after_close", {}),
    (pile_pane(), "", "Enter", "keys.empty", {}),  # Enter on an empty entry in a mixed pile never stores a blank
    (pile_pane(CANDIDATES_3), "", "Enter", "keys.empty", {}),
    (pile_pane(Declaration(PileKind.INVALID)), "", "Enter", "keys.empty", {}),
    (pile_pane(), "3 /", "Enter", "keys.status_missing", {}),
    (pile_pane(), "3 +", "Enter", "keys.list_missing", {}),
    (pile_pane(), "2", "Enter", "keys.no_list", {"number": "2"}),
    (pile_pane(), "/ /", "Enter", "keys.close_empty", {}),
    (pile_pane(), "", "Backspace", "keys.nothing_to_undo", {}),
    (Pane(Step.PILE), "", "0", "keys.no_zero", {}),
    (Pane(Step.PILE), "", "*", "keys.digits_only", {"symbol": "*"}),
    (Pane(Step.PILE), "", "Backspace", "keys.nothing_to_delete", {}),
    (Pane(Step.PILE), "1 2 3 4", "5", "keys.pile_digits", {"digits": 4}),
    (Pane(Step.PILE, proposal=None), "", "Enter", "keys.pile_missing", {}),
    (Pane(Step.MEMBER), "", "Enter", "keys.member_missing", {}),
    (Pane(Step.MEMBER), "1 2", "3", "keys.member_digits", {"digits": 2}),
    (Pane(Step.PILE), "Enter", "*", "keys.bad_declaration", {}),
    (Pane(Step.PILE), "Enter 0", "3", "keys.bad_declaration", {}),
    (Pane(Step.PILE), "Enter", "7", "keys.no_list", {"number": "7", "maximum": 21}),
    (Pane(Step.PILE), "Enter 2", "*", "keys.no_list", {"number": "2"}),
    (Pane(Step.PILE), "Enter Enter", "0", "keys.no_zero", {}),
    (Pane(Step.PILE), "Enter Enter 7 7", "Enter", "keys.count_too_large", {"counted": 77, "maximum": 50}),
    (Pane(Step.PILE), "Enter Enter 1 2", "3", "keys.count_digits", {"digits": 2}),  # a third digit
]


@pytest.mark.parametrize(("start", "before", "refused", "message", "params"), REFUSALS)
def test_a_refused_key_stores_nothing_and_leaves_the_pane_as_it_was(
    start: Pane, before: str, refused: str, message: str, params: dict[str, object]
) -> None:
    pane, _, earlier = run(start, keys(before))
    assert earlier == []
    *setup, last = keys(refused)
    pane, _, earlier = run(pane, setup)
    assert earlier == []
    outcome = press(pane, last, CHAMBER)
    assert outcome.problem is not None and outcome.problem.key == message
    assert params.items() <= outcome.problem.params.items()
    assert outcome.actions == () and outcome.pane == pane


def test_enter_with_no_hand_count_keeps_the_piles_count() -> None:
    pane, actions, refused = run(Pane(Step.PILE), keys("4 Enter Enter Enter"))
    assert refused == [] and actions == [OpenPile(4, MIXED, None)] and pane.step is Step.BALLOT


def test_a_hand_count_of_77_is_refused_and_the_field_still_shows_both_sevens() -> None:
    pane, actions, _ = run(Pane(Step.PILE), keys("Enter Enter 7 7"))
    outcome = press(pane, Key.ENTER, CHAMBER)
    assert outcome.problem is not None and outcome.problem.key == "keys.count_too_large"
    assert outcome.pane.step is Step.HAND_COUNT and outcome.pane.typed == (Key.D7, Key.D7)
    assert "77" in translate(outcome.problem.key, "nl", **outcome.problem.params)
    fixed, actions, refused = run(outcome.pane, keys("Backspace Enter"))
    assert refused == [] and actions == [OpenPile(1, MIXED, 7)] and fixed.hand_count == 7


def test_a_successor_in_an_election_without_successors_is_refused() -> None:
    election = election_of({1: (12, 0), 2: (5, 0)})
    after_list = run(pile_pane(), keys("1 3"), election)[0]
    refused = press(after_list, Key.MINUS, election)
    assert refused.problem is not None and refused.problem.key == "keys.no_successors"


# --- taking back, closing ----------------------------------------------------------------------------------------


def test_backspace_twice_on_an_empty_entry_takes_back_the_last_ballot_and_once_does_not() -> None:
    pane, _, _ = run(pile_pane(), keys("3 Enter 5 Enter"))
    assert pane.entered == 2
    armed, actions, _ = run(pane, keys("Backspace"))
    assert actions == [] and armed.entered == 2 and armed.undo_armed
    taken, actions, _ = run(armed, keys("Backspace"))
    assert actions == [TakeBack()] and taken.entered == 1 and not taken.undo_armed
    again, actions, _ = run(taken, keys("Backspace"))
    assert actions == [] and again.entered == 1  # a third Backspace takes nothing back by itself
    last, actions, _ = run(again, keys("Backspace"))
    assert actions == [TakeBack()] and last.entered == 0
    assert press(last, Key.BACK, CHAMBER).problem is not None  # nothing left to take back


def test_a_key_between_the_two_backspaces_disarms_the_take_back() -> None:
    pane, _, _ = run(pile_pane(), keys("3 Enter"))
    pane, actions, refused = run(pane, keys("Backspace 5 Backspace Backspace"))
    assert refused == [] and actions == [] and pane.entered == 1 and pane.undo_armed  # 5 typed and wiped: armed anew
    pane, actions, _ = run(pane, keys("Backspace"))
    assert actions == [TakeBack()] and pane.entered == 0


def test_a_pile_closes_itself_at_its_hand_count() -> None:
    pane, actions, _ = run(Pane(Step.PILE), keys("4 Enter Enter 2 Enter 3 Enter"))
    assert pane.step is Step.BALLOT and actions == [OpenPile(4, MIXED, 2), Store(ballot("3:H"))]
    pane, actions, _ = run(pane, keys("5 Enter"))
    assert actions == [Store(ballot("5:H")), ClosePile(short=False)]
    assert pane == Pane(Step.PILE, proposal=5, closed=Closed(4, MIXED, 2, 2))


def test_backspace_twice_right_after_a_pile_closed_opens_it_again_without_its_last_ballot() -> None:
    pane, _, _ = run(Pane(Step.PILE), keys("4 Enter Enter 2 Enter 3 Enter 5 Enter"))
    pane, actions, refused = run(pane, keys("Backspace"))
    assert actions == [] and refused == [] and pane.undo_armed and pane.step is Step.PILE
    pane, actions, _ = run(pane, keys("Backspace"))
    assert actions == [ReopenLast(4)] and pane.step is Step.BALLOT and pane.pile == 4 and pane.entered == 1
    assert decode_pass(CHAMBER, keys("4 Enter Enter 2 Enter 3 Enter 5 Enter Backspace Backspace 8 Enter")) == (
        (4, (ballot("3:H"), ballot("8:H"))),
    )


def test_slash_slash_enter_closes_a_pile_short() -> None:
    pane, _, _ = run(Pane(Step.PILE), keys("Enter Enter 5 0 Enter 3 Enter 5 Enter"))
    pane, actions, refused = run(pane, keys("/ /"))
    assert actions == [] and refused == [] and pane.entered == 2
    pane, actions, _ = run(pane, keys("Enter"))
    assert actions == [ClosePile(short=True)]
    assert pane == Pane(Step.PILE, proposal=2, closed=Closed(1, MIXED, 50, 2))
    assert decode_pass(CHAMBER, keys("Enter Enter 5 0 Enter 3 Enter 5 Enter / / Enter")) == (
        (1, (ballot("3:H"), ballot("5:H"))),
    )


def test_backspace_after_slash_slash_goes_on_with_the_pile() -> None:
    pane, _, _ = run(pile_pane(), keys("3 Enter / / Backspace Backspace 5 Enter"))
    assert pane.entered == 2 and pane.step is Step.BALLOT


def test_slash_at_the_pile_question_changes_member_on_the_kiosk() -> None:
    outcome = press(Pane(Step.PILE), Key.SLASH, CHAMBER)
    assert outcome.pane.step is Step.MEMBER and outcome.actions == (keypad.ChangeMember(),)
    pane, actions, _ = run(outcome.pane, keys("2 Enter"))
    assert actions == [keypad.ChooseMember(2)] and pane.step is Step.PILE


# --- whole passes and key files -----------------------------------------------------------------------------------


def test_a_pile_number_given_twice_in_a_key_file_is_refused_at_the_key_that_gives_it() -> None:
    typed = keys("Enter Enter 1 Enter 3 Enter 1 Enter")
    with pytest.raises(KeyRefused) as caught:
        decode_pass(CHAMBER, typed)
    assert caught.value.params["key_number"] == len(typed)
    assert caught.value.detail.key == "keys.pile_twice" and caught.value.detail.params["pile"] == 1


def test_a_member_change_in_a_key_file_is_refused_naming_its_slash() -> None:
    with pytest.raises(KeyRefused) as caught:
        decode_pass(CHAMBER, keys("Enter Enter 1 Enter 3 Enter /"))
    assert caught.value.params == {"key_number": 7, "keysym": "KP_Divide"}
    assert caught.value.detail.key == "keys.member_change"


def test_a_refused_key_of_a_key_file_names_its_number_and_why() -> None:
    with pytest.raises(KeyRefused) as caught:
        decode_pass(CHAMBER, keys("Enter Enter 1 Enter 3 / 7"))
    assert caught.value.params == {"key_number": 7, "keysym": "KP_7"}
    assert caught.value.detail.key == "keys.bad_status"


@pytest.mark.parametrize(
    ("typed", "pile"),
    [
        ("Enter Enter 2 Enter 3 Enter", 1),
        ("Enter", 1),
        ("Enter 3", 1),
        ("1 2", 12),
        ("Enter Enter 1 Enter 3 Enter 4", 4),
    ],
)
def test_keys_that_stop_inside_a_pile_are_unfinished_naming_the_pile(typed: str, pile: int) -> None:
    with pytest.raises(BadInput) as caught:
        decode_pass(CHAMBER, keys(typed))
    assert caught.value.key == "keys.unfinished" and caught.value.params == {"pile": pile}


def test_no_keys_are_no_piles() -> None:
    assert decode_pass(CHAMBER, ()) == ()


def test_the_encoder_refuses_a_pile_number_the_keypad_cannot_type() -> None:
    with pytest.raises(BadInput) as caught:
        encode_pass(CHAMBER, [(10000, [ballot("3:H")])])
    assert caught.value.key == "keys.pile_number"
    assert decode_pass(CHAMBER, encode_pass(CHAMBER, [(9999, [ballot("3:H")])])) == ((9999, (ballot("3:H"),)),)


@pytest.mark.parametrize("size", [0, 51])
def test_the_encoder_refuses_an_empty_or_oversized_pile(size: int) -> None:
    with pytest.raises(BadInput) as caught:
        encode_pass(CHAMBER, [(1, [ballot("3:H")] * size)])
    assert caught.value.key == "keys.pile_size"


def test_key_files_one_keysym_a_line_blank_lines_ignored_unknown_names_refused_by_line() -> None:
    assert parse_keys(["KP_3", "", "  KP_Enter  ", "BackSpace"]) == (Key.D3, Key.ENTER, Key.BACK)
    with pytest.raises(BadInput) as caught:
        parse_keys(["KP_3", "", "KP_Comma"])
    assert caught.value.key == "keys.unknown_key" and caught.value.params == {"line": 3, "keysym": "KP_Comma"}


@pytest.mark.parametrize(
    ("piles", "header"),
    [
        ([[ballot("3:H")] * 3], "3 * Enter 3 Enter"),  # every ballot the list vote of list 3: list vote only
        ([[ballot("3:T1", "3:T2"), ballot("3:T4")]], "3 Enter 2 Enter"),  # candidates of list 3
        ([[ballot()] * 2], "0 Enter 2 Enter"),  # blank
        (
            [[ballot("3:H", "5:H"), ballot(status=Status.DECLARED_INVALID, reason=InvalidReason.OTHER)]],
            "/ Enter 2 Enter",
        ),
        ([[ballot("3:H"), ballot("5:H")]], "Enter 2 Enter"),  # mixed
    ],
)
def test_the_encoder_declares_each_pile_as_a_sorting_bureau_would(piles: list[list[Ballot]], header: str) -> None:
    typed = encode_pass(CHAMBER, list(enumerate(piles, start=1)))
    assert typed[: len(keys(header)) + 1] == (Key.ENTER, *keys(header))  # Enter: the proposed pile number


# --- properties -------------------------------------------------------------------------------------------------------


def _as_decoded(piles: list[tuple[int, list[Ballot]]]) -> tuple[tuple[int, tuple[Ballot, ...]], ...]:
    return tuple((number, tuple(ballots)) for number, ballots in piles)


@FAST
@given(st.data())
def test_decoding_the_encoded_keys_of_a_pass_gives_the_pass(data: st.DataObject) -> None:
    election = data.draw(keypad_elections(), label="election")
    piles = data.draw(passes(election), label="piles")
    assert decode_pass(election, encode_pass(election, piles)) == _as_decoded(piles)


@FAST
@given(st.data())
def test_the_2024_chamber_ballot_round_trips_with_its_gapped_list_numbers(data: st.DataObject) -> None:
    piles = data.draw(passes(CHAMBER, max_piles=3), label="piles")
    assert decode_pass(CHAMBER, encode_pass(CHAMBER, piles)) == _as_decoded(piles)


@pytest.mark.parametrize("candidates", [9, 10, 12, 24, 33, 37, 49])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_passes_round_trip_on_lists_of_every_realistic_size(candidates: int, data: st.DataObject) -> None:
    successors = data.draw(st.sampled_from([0, 1, 6, 13]), label="successors")
    election = election_of({1: (candidates, successors), 3: (candidates, successors), 10: (4, successors)})
    piles = data.draw(passes(election), label="piles")
    assert decode_pass(election, encode_pass(election, piles)) == _as_decoded(piles)


def _declarations(election: Election) -> st.SearchStrategy[Declaration]:
    lists = st.sampled_from([lst.number for lst in election.lists])
    return st.one_of(
        st.just(MIXED),
        st.just(Declaration(PileKind.BLANK)),
        st.just(Declaration(PileKind.INVALID)),
        lists.map(lambda n: Declaration(PileKind.LIST_VOTE, n)),
        lists.map(lambda n: Declaration(PileKind.PREFERENCE, n)),
    )


@pytest.mark.parametrize("kind", list(PileKind))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_ballot_reads_back_from_its_keys_and_no_dot_can_be_left_out(kind: PileKind, data: st.DataObject) -> None:
    election = data.draw(keypad_elections(), label="election")
    own = data.draw(st.sampled_from(election.lists), label="list").number
    declaration = Declaration(kind, own if kind in (PileKind.LIST_VOTE, PileKind.PREFERENCE) else None)
    entered = data.draw(keypad_ballots(election), label="ballot")
    typed = encode_ballot(election, declaration, entered)
    enters = 1 if matches(declaration, entered) else 2  # a ballot its pile does not declare: a second Enter
    assert typed[-enters:] == (Key.ENTER,) * enters and Key.ENTER not in typed[:-enters]
    body = typed[:-enters]
    assert read_ballot(election, declaration, body).ballot == entered
    for index in (i for i, key in enumerate(body) if key is Key.DOT):
        shorter = body[:index] + body[index + 1 :]
        assert read_ballot(election, declaration, shorter).ballot != entered, f"the . at {index} is not needed"


_ANY_KEY = st.sampled_from([*DIGITS, Key.D1, Key.D2, Key.D3, Key.DOT, Key.PLUS, Key.MINUS, Key.STAR, Key.SLASH])


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_any_key_is_either_taken_or_refused_without_changing_the_pane(data: st.DataObject) -> None:
    election = data.draw(keypad_elections(), label="election")
    pane = pile_pane(data.draw(_declarations(election), label="declaration"))
    typed = data.draw(st.lists(st.one_of(_ANY_KEY, st.just(Key.ENTER), st.just(Key.BACK)), max_size=40))
    for key in typed:
        outcome = press(pane, key, election)
        if outcome.problem is not None:
            assert outcome.actions == ()
            # a refused key may only disarm a pending take-back or second Enter
            disarmed = replace(pane, undo_armed=pane.undo_armed and key is Key.BACK)
            assert outcome.pane == replace(disarmed, confirm_armed=pane.confirm_armed and key is Key.ENTER)
            assert outcome.problem.key in catalogue()
        else:
            if outcome.pane.step is Step.BALLOT:  # the keys kept always read
                assert read_ballot(election, pane.declaration, outcome.pane.typed).problem is None
            for action in outcome.actions:
                if isinstance(action, Store):  # what Enter stores is what the screen showed before it
                    assert read_ballot(election, pane.declaration, pane.typed).ballot == action.ballot
        pane = outcome.pane


# --- every message the keypad can show has a text in NL, FR and DE ---------------------------------------------------

_SOURCES = [Path(keypad.__file__), Path(keypad.__file__).with_name("keypad_ballot.py")]


def test_every_keypad_message_has_a_text_in_every_language() -> None:
    used = {key for path in _SOURCES for key in re.findall(r"\"(keys\.[a-z_]+)\"", path.read_text(encoding="utf-8"))}
    used |= {"keys.no_list", "keys.no_titular", "keys.no_successor"}  # f"keys.no_{slot}"
    assert len(used) > 30
    for key in sorted(used):
        texts = catalogue().get(key)
        assert texts is not None, key
        assert all(texts.get(language) for language in LANGUAGES), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refusal_reads_as_one_sentence_with_its_numbers(language: str) -> None:
    text = translate("keys.no_titular", language, number=8, list=5, maximum=7)
    assert "8" in text and "5" in text and "7" in text and "{" not in text
