"""The numeric-keypad grammar (requirements C5, U3, U7; docs/keypad.md): whole passes, key by key.

The pass machine: member, pile header, ballots, undo and closing. Ballots themselves are read and written by
`keypad_ballot`, re-exported here so that callers need one module.

One `Pane` is what one operator's side of the screen stands at. `press(pane, key)` is pure: it returns the next pane,
the actions to apply to the count (start a pile, store a ballot, take one back, close the pile), or a `Problem` that
says why the key is refused (the pane then stays as it was). The kiosk applies the actions through the session and
keeps the new pane only when the count accepted them; `tabula keys decode` runs the same machine on a key file, and
`encode_pass` writes the shortest keys for a whole pass.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from app.counting.classify import Verdict, classify
from app.counting.double_entry import MAX_PILE_SIZE
from app.counting.keypad_ballot import (
    Key,
    Problem,
    Reading,
    _prefixes,
    encode_ballot,
    keys_of_number,
    matches,
    read_ballot,
)
from app.counting.model import MIXED, Ballot, Declaration, Election, ListNumber, PileKind, Status
from app.errors import BadInput

MAX_PILE_DIGITS = 4  # pile numbers go to 9999 (count.MAX_PILE_NUMBER)
MAX_PILE_NUMBER = 10**MAX_PILE_DIGITS - 1
MAX_MEMBER_DIGITS = 2


class Step(enum.Enum):
    MEMBER = "member"  # who is typing: a member of the bureau, by number
    PILE = "pile"  # which pile: Enter takes the proposal
    DECLARATION = "declaration"  # what is in it
    HAND_COUNT = "hand-count"  # how many ballots, counted by hand
    BALLOT = "ballot"


@dataclass(frozen=True)
class ChooseMember:
    number: int


@dataclass(frozen=True)
class ChangeMember:
    pass


@dataclass(frozen=True)
class OpenPile:
    pile: int
    declaration: Declaration
    hand_count: int | None  # None: not counted again, the pile's count stands


@dataclass(frozen=True)
class Store:
    ballot: Ballot


@dataclass(frozen=True)
class TakeBack:
    """Undo the last ballot of the pile."""


@dataclass(frozen=True)
class ClosePile:
    short: bool  # closed before its hand count was reached (the operator confirmed)


@dataclass(frozen=True)
class ReopenLast:
    """Open the pile just closed again and take back its last ballot (Backspace twice right after it closed)."""

    pile: int


Action = ChooseMember | ChangeMember | OpenPile | Store | TakeBack | ClosePile | ReopenLast


@dataclass(frozen=True)
class Closed:
    """The pile this pane closed last, so that its closing ballot can still be taken back."""

    pile: int
    declaration: Declaration
    hand_count: int | None
    entered: int


@dataclass(frozen=True)
class Pane:
    step: Step = Step.PILE
    typed: tuple[Key, ...] = ()
    proposal: int | None = 1
    pile: int | None = None
    declaration: Declaration = MIXED
    hand_count: int | None = None
    entered: int = 0
    undo_armed: bool = False
    confirm_armed: bool = False  # a ballot that does not match its pile waits for a second Enter
    closed: Closed | None = None  # at the pile question: the pile just closed


@dataclass(frozen=True)
class Outcome:
    pane: Pane
    actions: tuple[Action, ...] = ()
    problem: Problem | None = None


def press(pane: Pane, key: Key, election: Election) -> Outcome:
    """The pane after one key, with the actions it asks of the count; a refused key leaves the pane as it was."""
    if key is not Key.BACK and pane.undo_armed:
        pane = replace(pane, undo_armed=False)  # any other key disarms the undo
    if key is not Key.ENTER and pane.confirm_armed:
        pane = replace(pane, confirm_armed=False)  # the operator types on: the entry is being changed
    match pane.step:
        case Step.MEMBER:
            return _member(pane, key)
        case Step.PILE:
            return _pile(pane, key)
        case Step.DECLARATION:
            return _declaration(pane, key, election)
        case Step.HAND_COUNT:
            return _hand_count(pane, key)
        case Step.BALLOT:
            return _ballot(pane, key, election)


def opened(pane: Pane, pile: int, declaration: Declaration, hand_count: int | None, entered: int) -> Pane:
    """The pane of a pass already started (after a restart, or a member choosing their own unfinished pass)."""
    return Pane(Step.BALLOT, (), pane.proposal, pile, declaration, hand_count, entered)


def ballot_reading(pane: Pane, election: Election) -> Reading:
    return read_ballot(election, pane.declaration, pane.typed)


# --- steps ----------------------------------------------------------------------------------------------------------


def _member(pane: Pane, key: Key) -> Outcome:
    if key is Key.ENTER:
        if not pane.typed:
            return Outcome(pane, problem=Problem("keys.member_missing"))
        return Outcome(replace(pane, step=Step.PILE, typed=()), (ChooseMember(_number(pane.typed)),))
    return _type_number(pane, key, MAX_MEMBER_DIGITS, "keys.member_digits")


def _pile(pane: Pane, key: Key) -> Outcome:
    if key is Key.BACK and not pane.typed and pane.closed is not None:
        return _reopen(pane, pane.closed)
    if key is Key.SLASH and not pane.typed:
        return Outcome(replace(pane, step=Step.MEMBER, closed=None), (ChangeMember(),))
    if key is Key.ENTER:
        if not pane.typed and pane.proposal is None:
            return Outcome(pane, problem=Problem("keys.pile_missing"))
        number = _number(pane.typed) if pane.typed else pane.proposal
        return Outcome(replace(pane, step=Step.DECLARATION, typed=(), pile=number))
    return _type_number(pane, key, MAX_PILE_DIGITS, "keys.pile_digits")


def _declaration(pane: Pane, key: Key, election: Election) -> Outcome:
    if key is Key.BACK and not pane.typed:
        return Outcome(replace(pane, step=Step.PILE, pile=None))  # nothing stored yet: back to the pile number
    if key is Key.BACK:
        return Outcome(replace(pane, typed=pane.typed[:-1]))
    if key is Key.ENTER:
        declaration, problem = read_declaration(election, pane.typed)
        if declaration is None:
            return Outcome(pane, problem=problem)
        return Outcome(replace(pane, step=Step.HAND_COUNT, typed=(), declaration=declaration))
    typed = (*pane.typed, key)
    _, problem = read_declaration(election, typed, partial=True)
    if problem is not None:
        return Outcome(pane, problem=problem)
    return Outcome(replace(pane, typed=typed))


def _hand_count(pane: Pane, key: Key) -> Outcome:
    if key is Key.BACK and not pane.typed:
        return Outcome(replace(pane, step=Step.DECLARATION, typed=_declaration_keys(pane.declaration)))
    if key is Key.ENTER:
        if not pane.typed:
            # not counted again: the pile keeps the count given with its other pass (the count refuses a first
            # pass without one)
            assert pane.pile is not None
            keeping = OpenPile(pane.pile, pane.declaration, None)
            return Outcome(replace(pane, step=Step.BALLOT, typed=(), hand_count=None, entered=0), (keeping,))
        counted = _number(pane.typed)
        if not 1 <= counted <= MAX_PILE_SIZE:
            # the field keeps what was typed (77 stays 77, never 7): the operator sees the slip
            too_large = Problem("keys.count_too_large", {"counted": counted, "maximum": MAX_PILE_SIZE})
            return Outcome(pane, problem=too_large)
        assert pane.pile is not None  # set by the pile step
        opening = OpenPile(pane.pile, pane.declaration, counted)
        return Outcome(replace(pane, step=Step.BALLOT, typed=(), hand_count=counted, entered=0), (opening,))
    return _type_number(pane, key, 2, "keys.count_digits", allow_zero_first=False)


def _ballot(pane: Pane, key: Key, election: Election) -> Outcome:
    if key is Key.BACK:
        return _back(pane)
    if key is Key.ENTER:
        return _enter(pane, election)
    typed = (*pane.typed, key)
    reading = read_ballot(election, pane.declaration, typed)
    if reading.problem is not None:
        return Outcome(pane, problem=reading.problem)
    return Outcome(replace(pane, typed=typed))


def _back(pane: Pane) -> Outcome:
    if pane.typed:
        return Outcome(replace(pane, typed=pane.typed[:-1]))
    if pane.entered == 0:
        return Outcome(pane, problem=Problem("keys.nothing_to_undo"))
    if not pane.undo_armed:
        return Outcome(replace(pane, undo_armed=True))  # the echo asks: Backspace again takes the ballot back
    return Outcome(replace(pane, undo_armed=False, entered=pane.entered - 1), (TakeBack(),))


def _enter(pane: Pane, election: Election) -> Outcome:
    reading = read_ballot(election, pane.declaration, pane.typed)
    if reading.close:
        if pane.entered == 0:
            return Outcome(pane, problem=Problem("keys.close_empty"))
        return _closed(pane, ClosePile(short=pane.hand_count is None or pane.entered < pane.hand_count))
    if reading.ballot is None:
        return Outcome(pane, problem=reading.incomplete or reading.problem)
    if pane.hand_count is not None and pane.entered >= pane.hand_count:
        return Outcome(pane, problem=Problem("keys.pile_full", {"counted": pane.hand_count}))
    if not pane.confirm_armed and not matches(pane.declaration, reading.ballot):
        # a ballot its pile does not declare (a stray, or a slip such as a forgotten `+`): Enter once more stores it
        return Outcome(replace(pane, confirm_armed=True))
    stored = replace(pane, typed=(), entered=pane.entered + 1, confirm_armed=False)
    if pane.hand_count is not None and stored.entered >= pane.hand_count:
        outcome = _closed(stored, ClosePile(short=False))  # the pile closes itself at its hand count
        return Outcome(outcome.pane, (Store(reading.ballot), *outcome.actions))
    return Outcome(stored, (Store(reading.ballot),))


def _closed(pane: Pane, close: ClosePile) -> Outcome:
    assert pane.pile is not None  # a pile is open
    closed = Closed(pane.pile, pane.declaration, pane.hand_count, pane.entered)
    after = Pane(Step.PILE, (), pane.pile + 1, closed=closed)
    return Outcome(after, (close,))


def _reopen(pane: Pane, closed: Closed) -> Outcome:
    """Backspace right after a pile closed: asks first, then opens it again without its last ballot."""
    if not pane.undo_armed:
        return Outcome(replace(pane, undo_armed=True))
    back = Pane(Step.BALLOT, (), pane.proposal, closed.pile, closed.declaration, closed.hand_count, closed.entered - 1)
    return Outcome(back, (ReopenLast(closed.pile),))


def _type_number(pane: Pane, key: Key, digits: int, too_long: str, *, allow_zero_first: bool = False) -> Outcome:
    if key is Key.BACK:
        if not pane.typed:
            return Outcome(pane, problem=Problem("keys.nothing_to_delete"))
        return Outcome(replace(pane, typed=pane.typed[:-1]))
    if key.digit is None:
        return Outcome(pane, problem=Problem("keys.digits_only", {"symbol": key.symbol}))
    if key.digit == 0 and not pane.typed and not allow_zero_first:
        return Outcome(pane, problem=Problem("keys.no_zero"))
    if len(pane.typed) >= digits:
        return Outcome(pane, problem=Problem(too_long, {"digits": digits}))
    return Outcome(replace(pane, typed=(*pane.typed, key)))


def _number(keys: Sequence[Key]) -> int:
    return int("".join(str(k.digit) for k in keys))


# --- declarations -----------------------------------------------------------------------------------------------------


def read_declaration(
    election: Election, keys: Sequence[Key], *, partial: bool = False
) -> tuple[Declaration | None, Problem | None]:
    """`3 *` list 3 list vote only, `3` candidates of list 3, `0` blank, `/` invalid, nothing: mixed.

    With `partial`, keys that may still become a declaration are no problem.
    """
    if not keys:
        return MIXED, None
    if len(keys) == 1 and keys[0] is Key.D0:
        return Declaration(PileKind.BLANK), None
    if len(keys) == 1 and keys[0] is Key.SLASH:
        return Declaration(PileKind.INVALID), None
    star = keys[-1] is Key.STAR
    digits = keys[:-1] if star else keys
    if not digits or any(k.digit is None for k in digits) or digits[0] is Key.D0:
        return None, Problem("keys.bad_declaration")
    text = "".join(str(k.digit) for k in digits)
    numbers = tuple(lst.number for lst in election.lists)
    if partial and not star and text in _prefixes(numbers):
        return None, None
    if int(text) not in numbers:
        return None, Problem("keys.no_list", {"number": text, "list": "", "maximum": max(numbers, default=0)})
    kind = PileKind.LIST_VOTE if star else PileKind.PREFERENCE
    return Declaration(kind, ListNumber(int(text))), None


def _declaration_keys(declaration: Declaration) -> tuple[Key, ...]:
    match declaration.kind:
        case PileKind.BLANK:
            return (Key.D0,)
        case PileKind.INVALID:
            return (Key.SLASH,)
        case PileKind.MIXED:
            return ()
    assert declaration.list_number is not None
    number = keys_of_number(declaration.list_number)
    return (*number, Key.STAR) if declaration.kind is PileKind.LIST_VOTE else number


def declaration_for(election: Election, ballots: Sequence[Ballot]) -> Declaration:
    """What a bureau that sorted its ballots (art. 159) declares for this pile; with strays, the cheapest to type."""
    verdicts = [classify(b) for b in ballots]
    if ballots and all(not b.marks and b.status is Status.NONE for b in ballots):
        return Declaration(PileKind.BLANK)
    if ballots and all(v.verdict is Verdict.INVALID for v in verdicts):
        return Declaration(PileKind.INVALID)
    lists = sorted({m.list_number for b in ballots for m in b.marks})
    candidates = [MIXED, Declaration(PileKind.BLANK)]
    for number in lists:
        candidates += [Declaration(PileKind.LIST_VOTE, number), Declaration(PileKind.PREFERENCE, number)]
    return min(candidates, key=lambda d: _cost(election, d, ballots))


def _cost(election: Election, declaration: Declaration, ballots: Iterable[Ballot]) -> int:
    header = len(_declaration_keys(declaration))
    return header + sum(len(encode_ballot(election, declaration, b)) for b in ballots)


# --- whole passes ---------------------------------------------------------------------------------------------------


class KeyRefused(BadInput):
    """A key of a key file that the kiosk would refuse: its number, and why (the `detail`, translated at the edge)."""

    def __init__(self, key_number: int, key: Key, reason: Problem) -> None:
        super().__init__("keys.refused", key_number=key_number, keysym=key.value)
        self.detail = reason


PassPiles = tuple[tuple[int, tuple[Ballot, ...]], ...]


def encode_pile(election: Election, pile: int, proposal: int | None, ballots: Sequence[Ballot]) -> tuple[Key, ...]:
    """The keys of one pile: its number (only if not the proposal), its declaration and hand count, its ballots."""
    declaration = declaration_for(election, ballots)
    keys: list[Key] = [] if pile == proposal else list(keys_of_number(pile))
    keys += (Key.ENTER, *_declaration_keys(declaration), Key.ENTER, *keys_of_number(len(ballots)), Key.ENTER)
    for ballot in ballots:
        keys += encode_ballot(election, declaration, ballot)
    return tuple(keys)


def encode_pass(election: Election, piles: Sequence[tuple[int, Sequence[Ballot]]]) -> tuple[Key, ...]:
    """The shortest keys that enter a whole pass, pile after pile in the order given (contract: `tabula keys`)."""
    keys: list[Key] = []
    proposal: int | None = 1
    for number, ballots in piles:
        if not 1 <= len(ballots) <= MAX_PILE_SIZE:
            raise BadInput("keys.pile_size", pile=number, maximum=MAX_PILE_SIZE)
        if not 1 <= number <= MAX_PILE_NUMBER:  # the keypad takes 4 digits: more would not decode to this pile
            raise BadInput("keys.pile_number", pile=number, maximum=MAX_PILE_NUMBER)
        keys += encode_pile(election, number, proposal, ballots)
        proposal = number + 1
    return tuple(keys)


def decode_pass(election: Election, keys: Sequence[Key]) -> PassPiles:
    """The piles a key sequence enters, in order (contract: `tabula keys decode`).

    Raises BadInput naming the 1-based key number and why it is refused, or that the last pile is not finished.
    """
    pane = Pane(Step.PILE)
    piles: list[tuple[int, list[Ballot]]] = []
    for index, key in enumerate(keys, start=1):
        outcome = press(pane, key, election)
        problem = outcome.problem or _pass_problem(pane, outcome, piles)
        if problem is not None:
            raise KeyRefused(index, key, problem)
        for action in outcome.actions:
            _decoded(piles, action)
        pane = outcome.pane
    if pane.step is not Step.PILE or pane.typed:
        raise BadInput("keys.unfinished", pile=pane.pile if pane.pile is not None else _number(pane.typed))
    return tuple((number, tuple(ballots)) for number, ballots in piles)


def _pass_problem(pane: Pane, outcome: Outcome, piles: list[tuple[int, list[Ballot]]]) -> Problem | None:
    """What a pass read from a file refuses beyond the pane: a change of member (a file has none), a pile twice."""
    if any(isinstance(action, ChangeMember | ChooseMember) for action in outcome.actions):
        return Problem("keys.member_change")  # a key file has no members: `/` at the pile question is a slip
    number = outcome.pane.pile
    if pane.step is Step.PILE and outcome.pane.step is Step.DECLARATION and any(p == number for p, _ in piles):
        return Problem("keys.pile_twice", {"pile": number})  # refused at the key that gives the number
    return None


def _decoded(piles: list[tuple[int, list[Ballot]]], action: Action) -> None:
    match action:
        case OpenPile(pile=number):
            piles.append((number, []))
        case Store(ballot=ballot):
            piles[-1][1].append(ballot)
        case TakeBack():
            piles[-1][1].pop()
        case ReopenLast():
            piles[-1][1].pop()
        case ClosePile() | ChooseMember() | ChangeMember():
            pass


def parse_keys(lines: Iterable[str]) -> tuple[Key, ...]:
    """Keys from a key file: one keysym a line; blank lines are ignored. Raises BadInput naming the line."""
    by_name = {key.value: key for key in Key}
    keys: list[Key] = []
    for line_no, line in enumerate(lines, start=1):
        name = line.strip()
        if not name:
            continue
        key = by_name.get(name)
        if key is None:
            raise BadInput("keys.unknown_key", line=line_no, keysym=name[:40])
        keys.append(key)
    return tuple(keys)


__all__ = [
    "Action",
    "ChangeMember",
    "ChooseMember",
    "ClosePile",
    "Key",
    "OpenPile",
    "Pane",
    "Problem",
    "Reading",
    "ReopenLast",
    "Step",
    "Store",
    "TakeBack",
    "decode_pass",
    "encode_ballot",
    "encode_pass",
    "matches",
    "press",
    "read_ballot",
]
