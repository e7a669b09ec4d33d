"""The numeric-keypad grammar for one ballot (docs/keypad.md): reading a ballot from its keys, and writing them.

Every ballot, every status and every pile step can be typed on a bare USB numeric keypad. This module reads the keys
of one ballot inside a pile of a declared kind (`read_ballot`) and writes the shortest keys for a ballot
(`encode_ballot`). The pass machine that adds pile headers, undo and closing lives in `keypad.py`.

Numbers end by themselves: a digit that cannot continue the number being typed (no list or candidate number starts
with those digits) ends it and starts the next one, so `.` is needed only after a number that could go on
(`1` on a list of 24 candidates). The reader is pure and cheap: the kiosk reads the whole entry again at every key.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from app.counting.model import (
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


class Key(enum.Enum):
    """The keys of a numeric keypad, named as X11 keysyms (contract: `tabula keys`)."""

    D0 = "KP_0"
    D1 = "KP_1"
    D2 = "KP_2"
    D3 = "KP_3"
    D4 = "KP_4"
    D5 = "KP_5"
    D6 = "KP_6"
    D7 = "KP_7"
    D8 = "KP_8"
    D9 = "KP_9"
    DOT = "KP_Decimal"
    PLUS = "KP_Add"
    MINUS = "KP_Subtract"
    STAR = "KP_Multiply"
    SLASH = "KP_Divide"
    ENTER = "KP_Enter"
    BACK = "BackSpace"

    @property
    def digit(self) -> int | None:
        return DIGIT_OF.get(self)

    @property
    def symbol(self) -> str:
        """How the key is printed on the keypad: `7`, `.`, `+`, `Enter`."""
        return _SYMBOLS.get(self, "") or str(self.digit)


DIGITS = (Key.D0, Key.D1, Key.D2, Key.D3, Key.D4, Key.D5, Key.D6, Key.D7, Key.D8, Key.D9)
DIGIT_OF = {key: n for n, key in enumerate(DIGITS)}
_SYMBOLS = {
    Key.DOT: ".",
    Key.PLUS: "+",
    Key.MINUS: "-",
    Key.STAR: "*",
    Key.SLASH: "/",
    Key.ENTER: "Enter",
    Key.BACK: "Backspace",
}

# `/` and a digit: the bureau's status of a ballot. 0 contested (C6); 1-4 declared invalid for a reason (art. 156).
STATUS_DIGITS: dict[int, tuple[Status, InvalidReason | None]] = {
    0: (Status.CONTESTED, None),
    1: (Status.DECLARED_INVALID, InvalidReason.NOT_OFFICIAL),
    2: (Status.DECLARED_INVALID, InvalidReason.IDENTIFYING_MARK),
    3: (Status.DECLARED_INVALID, InvalidReason.ALTERED),
    4: (Status.DECLARED_INVALID, InvalidReason.OTHER),
}
_DIGIT_OF_STATUS = {value: digit for digit, value in STATUS_DIGITS.items()}


def keys_of_number(number: int) -> tuple[Key, ...]:
    return tuple(DIGITS[int(ch)] for ch in str(number))


class Slot(enum.Enum):
    """What the next number means."""

    LIST = "list"
    TITULAR = "titular"
    SUCCESSOR = "successor"
    STATUS = "status"  # after `/`: a status digit
    DONE = "done"  # the status is given: only Enter


@dataclass(frozen=True)
class Problem:
    """Why a key or an Enter is refused: a message key and its parameters (translated at the edge)."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Reading:
    """What the keys of one ballot mean so far.

    `ballot` is what Enter would store (None: Enter would be refused, `problem` or `incomplete` says why);
    `marks` are the marks read so far, `pending` the digits of a number that may still go on, in `slot`.
    """

    marks: tuple[Mark, ...]
    status: Status
    invalid_reason: InvalidReason | None
    pending: str
    slot: Slot
    group_list: ListNumber | None
    blank: bool  # `0`: a blank ballot
    close: bool  # `//`: close the pile now
    ballot: Ballot | None
    problem: Problem | None  # the last key cannot be read: it is refused
    incomplete: Problem | None  # readable so far, but Enter cannot store it yet
    cuts: tuple[int, ...] = ()  # after how many keys a number ended by itself (the echo shows a space there)


@cache
def _prefixes(numbers: tuple[int, ...]) -> frozenset[str]:
    return frozenset(str(n)[:k] for n in numbers for k in range(1, len(str(n)) + 1))


@cache
def _open_numbers(numbers: tuple[int, ...]) -> frozenset[str]:
    """Numbers that are also the start of a longer number: they need `.` (or another key) to end."""
    prefixes = {str(n)[:k] for n in numbers for k in range(1, len(str(n)))}
    return frozenset(str(n) for n in numbers if str(n) in prefixes)


def domain(election: Election, slot: Slot, group_list: ListNumber | None) -> tuple[int, ...]:
    """The numbers that may be typed in `slot`."""
    if slot is Slot.LIST:
        return tuple(lst.number for lst in election.lists)
    lst = election.list_by_number(group_list) if group_list is not None else None
    if lst is None:
        return ()
    group = lst.titulars if slot is Slot.TITULAR else lst.successors
    return tuple(range(1, len(group) + 1))


class _Reader:
    """Reads the keys of one ballot, key by key; stops at the first key it cannot read."""

    def __init__(self, election: Election, declaration: Declaration) -> None:
        self.election = election
        self.declaration = declaration
        self.list_pile = declaration.kind in (PileKind.LIST_VOTE, PileKind.PREFERENCE)
        self.group_list: ListNumber | None = declaration.list_number if self.list_pile else None
        self.slot = Slot.TITULAR if self.list_pile else Slot.LIST
        self.bare = False  # a list number typed with no mark after it yet: its list vote
        self.pending = ""
        self.marks: list[Mark] = []
        self.status = Status.NONE
        self.reason: InvalidReason | None = None
        self.blank = False
        self.close = False
        self.typed = 0
        self.problem: Problem | None = None
        self.cuts: list[int] = []

    # --- keys --------------------------------------------------------------------------------------------------

    def feed(self, key: Key) -> bool:
        """Read one key; False (and `problem` set) when it cannot be read here."""
        if self.close:
            return self._refuse("keys.after_close")
        digit = key.digit
        if digit is not None:
            ok = self._digit(digit)
        elif key is Key.DOT:
            ok = self._end_number()
        elif key is Key.STAR:
            ok = self._list_box()
        elif key is Key.MINUS:
            ok = self._successors()
        elif key is Key.PLUS:
            ok = self._new_group()
        elif key is Key.SLASH:
            ok = self._slash()
        else:
            ok = self._refuse("keys.not_here", symbol=key.symbol)
        if ok:
            self.typed += 1
        return ok

    def _digit(self, digit: int) -> bool:
        if self.slot is Slot.DONE:
            return self._refuse("keys.after_status")
        if self.slot is Slot.STATUS:
            if digit not in STATUS_DIGITS:
                return self._refuse("keys.bad_status", digit=digit)
            self.status, self.reason = STATUS_DIGITS[digit]
            self.slot = Slot.DONE
            return True
        if self.blank:
            return self._refuse("keys.after_blank")
        if not self.pending and digit == 0:
            if self.typed == 0:
                self.blank = True  # `0` alone: a blank ballot
                return True
            return self._refuse("keys.no_zero")
        numbers = domain(self.election, self.slot, self.group_list)
        if (self.pending + str(digit)) in _prefixes(numbers):
            self.pending += str(digit)
            # a list number always waits for `.`, `*`, `-`, `+`, `/` or Enter: `1 5` is list 15, never list 1 and
            # candidate 5 by a forgotten `.`; candidate numbers end by themselves where no longer number exists
            ends = self.slot is not Slot.LIST and self.pending not in _open_numbers(numbers)
            if ends and int(self.pending) in numbers:
                self.cuts.append(self.typed + 1)
                return self._commit()  # no longer number starts so: it ends by itself
            return True
        if self.pending and self.slot is Slot.LIST:
            return self._refuse("keys.list_then_dot", list=self.pending, number=self.pending + str(digit))
        if self.pending:
            # `2 5` on a list of 24: no number 25. Refused rather than read as 2 and 5, which a slip of `15` would
            # silently become; a number that could go on is ended with `.` (the echo shows it waiting with `…`)
            return self._refuse(
                f"keys.no_{self.slot.value}", number=self.pending + str(digit), after=self.pending, **self._names()
            )
        return self._refuse(f"keys.no_{self.slot.value}", number=digit, after="", **self._names())

    def _end_number(self) -> bool:
        if self.slot in (Slot.STATUS, Slot.DONE) or self.blank:
            return self._refuse("keys.not_here", symbol=".")
        return self._commit() if self.pending else True

    def _list_box(self) -> bool:
        if not self._commit_if_pending() or not self._in_group("*"):
            return False
        return self._add(Mark(self._list(), Box.LIST))

    def _successors(self) -> bool:
        if not self._commit_if_pending() or not self._in_group("-"):
            return False
        if not self.election.has_successors:
            return self._refuse("keys.no_successors")
        self.slot = Slot.SUCCESSOR
        return True

    def _new_group(self) -> bool:
        if not self._commit_if_pending():
            return False  # the number before `+` does not exist: say that, not that `+` is misplaced
        if self.blank or self.slot in (Slot.STATUS, Slot.DONE):
            return self._refuse("keys.not_here", symbol="+")
        if self.slot is Slot.LIST:
            return self._refuse("keys.list_first", symbol="+")
        self._end_group()
        self.group_list, self.slot = None, Slot.LIST
        return True

    def _slash(self) -> bool:
        if self.blank and self.slot not in (Slot.STATUS, Slot.DONE):
            self.slot = Slot.STATUS  # `0 / 0`: a blank ballot, contested
            return True
        if self.slot is Slot.STATUS and self.typed == 1:
            self.close = True  # `//` on an empty entry: close the pile
            return True
        if not self._commit_if_pending():
            return False
        if self.slot in (Slot.STATUS, Slot.DONE):
            return self._refuse("keys.not_here", symbol="/")
        if self.slot is Slot.LIST and self.typed > 0:
            return self._refuse("keys.list_first", symbol="/")
        self._end_group()
        self.slot = Slot.STATUS
        return True

    # --- helpers -----------------------------------------------------------------------------------------------

    def _commit_if_pending(self) -> bool:
        return self._commit() if self.pending else True

    def _commit(self) -> bool:
        numbers = domain(self.election, self.slot, self.group_list)
        text, self.pending = self.pending, ""
        if int(text) not in numbers:
            return self._refuse(f"keys.no_{self.slot.value}", number=text, **self._names())
        if self.slot is Slot.LIST:
            number = ListNumber(int(text))
            if any(m.list_number == number for m in self.marks) or number == self._pile_list_used():
                return self._refuse("keys.list_twice", list=number)
            self.group_list, self.slot, self.bare = number, Slot.TITULAR, True
            return True
        box = Box.TITULAR if self.slot is Slot.TITULAR else Box.SUCCESSOR
        return self._add(Mark(self._list(), box, Position(int(text))))

    def _pile_list_used(self) -> ListNumber | None:
        """The pile's own list counts as typed once one of its marks is read (`+3` in a pile of list 3 is a slip)."""
        own = self.declaration.list_number
        return own if own is not None and any(m.list_number == own for m in self.marks) else None

    def _add(self, mark: Mark) -> bool:
        if mark in self.marks:
            self.problem = _twice(mark)
            return False
        self.marks.append(mark)
        self.bare = False
        return True

    def _in_group(self, key: str) -> bool:
        if self.blank or self.slot in (Slot.STATUS, Slot.DONE):
            return self._refuse("keys.not_here", symbol=key)
        if self.slot is Slot.LIST or self.group_list is None:
            return self._refuse("keys.list_first", symbol=key)
        return True

    def _end_group(self) -> None:
        """A list number with nothing after it is that list's list vote (`3 Enter` in a mixed pile)."""
        if self.bare and self.group_list is not None:
            self.marks.append(Mark(self.group_list, Box.LIST))
        self.bare = False

    def _list(self) -> ListNumber:
        assert self.group_list is not None  # _in_group checked it
        return self.group_list

    def _names(self) -> dict[str, object]:
        highest = max(domain(self.election, self.slot, self.group_list), default=0)  # list numbers have gaps
        return {"list": self.group_list or "", "maximum": highest}

    def _refuse(self, key: str, **params: object) -> bool:
        self.problem = Problem(key, params)
        return False

    # --- the outcome -------------------------------------------------------------------------------------------

    def reading(self) -> Reading:
        ballot, incomplete = (None, None) if self.problem is not None else self._ballot()
        marks = [*self.marks, *self._bare_box()]
        return Reading(
            tuple(sorted(marks, key=Mark.sort_key)),
            self.status,
            self.reason,
            self.pending,
            self.slot,
            self.group_list,
            self.blank,
            self.close,
            ballot,
            self.problem,
            incomplete,
            tuple(self.cuts),
        )

    def _bare_box(self) -> list[Mark]:
        """A list number with nothing after it (and nothing being typed) stands for its list vote."""
        return [Mark(self.group_list, Box.LIST)] if self.bare and not self.pending and self.group_list else []

    def _ballot(self) -> tuple[Ballot | None, Problem | None]:
        """What Enter would store now; reads without changing the reader (the operator may type on)."""
        if self.close:
            return None, None
        if self.typed == 0:
            return self._empty()
        if self.slot is Slot.STATUS:
            return None, Problem("keys.status_missing")
        if self.blank:
            return Ballot(frozenset(), self.status, self.reason), None
        if self.slot is Slot.DONE and not self.marks and self.declaration.kind is PileKind.LIST_VOTE:
            # `/ 0` in a list-vote pile: this pile's list vote, contested (a blank one is `0 / 0`)
            assert self.declaration.list_number is not None
            return Ballot(frozenset({Mark(self.declaration.list_number, Box.LIST)}), self.status, self.reason), None
        marks = [*self.marks, *self._bare_box()]
        if self.pending:
            mark, problem = self._pending_mark()
            if mark is None:
                return None, problem
            marks.append(mark)
        elif self.slot is Slot.LIST:
            return None, Problem("keys.list_missing")
        if mark_twice := next((m for i, m in enumerate(marks) if m in marks[:i]), None):
            return None, _twice(mark_twice)
        return Ballot(frozenset(marks), self.status, self.reason), None

    def _pending_mark(self) -> tuple[Mark | None, Problem | None]:
        number = int(self.pending)
        if number not in domain(self.election, self.slot, self.group_list):
            return None, Problem(f"keys.no_{self.slot.value}", {"number": self.pending, **self._names()})
        if self.slot is Slot.LIST:
            if any(m.list_number == number for m in self.marks) or number == self._pile_list_used():
                return None, Problem("keys.list_twice", {"list": number})
            return Mark(ListNumber(number), Box.LIST), None
        box = Box.TITULAR if self.slot is Slot.TITULAR else Box.SUCCESSOR
        return Mark(self._list(), box, Position(number)), None

    def _empty(self) -> tuple[Ballot | None, Problem | None]:
        """Enter on an empty entry stores the pile's declared ballot where there is one; never a blank by accident."""
        kind = self.declaration.kind
        if kind is PileKind.LIST_VOTE:
            assert self.declaration.list_number is not None
            return Ballot(frozenset({Mark(self.declaration.list_number, Box.LIST)})), None
        if kind is PileKind.BLANK:
            return Ballot(), None
        return None, Problem("keys.empty")


def read_ballot(election: Election, declaration: Declaration, keys: Sequence[Key]) -> Reading:
    """What the keys typed for one ballot mean, in a pile declared `declaration` (without the final Enter).

    Reading stops at the first key that cannot be read (`problem`); the kiosk refuses that key, so the keys it keeps
    always read without a problem.
    """
    reader = _Reader(election, declaration)
    for key in keys:
        if not reader.feed(key):
            break
    return reader.reading()


def matches(declaration: Declaration, ballot: Ballot) -> bool:
    """Whether a ballot is what its pile declares (a ballot that is not is entered in full, and said so)."""
    kind, own = declaration.kind, declaration.list_number
    if kind is PileKind.LIST_VOTE:
        return ballot.status is Status.NONE and ballot.marks == {Mark(own or ListNumber(0), Box.LIST)}
    if kind is PileKind.PREFERENCE:
        lists = {m.list_number for m in ballot.marks}
        return lists == {own} and any(m.box is not Box.LIST for m in ballot.marks)
    if kind is PileKind.BLANK:
        return not ballot.marks and ballot.status is Status.NONE
    if kind is PileKind.INVALID:
        return ballot.status is Status.DECLARED_INVALID or len({m.list_number for m in ballot.marks}) > 1
    return True  # a mixed pile declares nothing


# --- writing keys -------------------------------------------------------------------------------------------------


def encode_ballot(election: Election, declaration: Declaration, ballot: Ballot) -> tuple[Key, ...]:
    """The shortest keys that enter `ballot` in a pile declared `declaration`, Enter included."""
    empty = _reader_empty(election, declaration)
    if empty is not None and empty == ballot:
        return (Key.ENTER,)
    keys: list[Key] = []
    own_vote = declaration.kind is PileKind.LIST_VOTE and ballot.marks == {
        Mark(declaration.list_number or ListNumber(0), Box.LIST)
    }
    if not ballot.marks and (ballot.status is Status.NONE or declaration.kind is PileKind.LIST_VOTE):
        keys.append(Key.D0)  # blank; in a list-vote pile a decision alone would keep the pile's list vote
    elif not own_vote or ballot.status is Status.NONE:
        keys += _marks_keys(election, declaration, ballot)
    if ballot.status is not Status.NONE:
        keys += (Key.SLASH, DIGITS[_DIGIT_OF_STATUS[(ballot.status, ballot.invalid_reason)]])
    keys.append(Key.ENTER)
    if not matches(declaration, ballot):
        keys.append(Key.ENTER)  # a ballot its pile does not declare is stored on a second Enter
    return tuple(keys)


def _reader_empty(election: Election, declaration: Declaration) -> Ballot | None:
    return _Reader(election, declaration)._empty()[0]


def _marks_keys(election: Election, declaration: Declaration, ballot: Ballot) -> list[Key]:
    own = declaration.list_number if declaration.kind in (PileKind.LIST_VOTE, PileKind.PREFERENCE) else None
    by_list: dict[ListNumber, list[Mark]] = {}
    for mark in ballot.sorted_marks():
        by_list.setdefault(mark.list_number, []).append(mark)
    order = sorted(by_list, key=lambda n: (n != own, n))  # the pile's own list first: it needs no list number
    keys: list[Key] = []
    for index, number in enumerate(order):
        if number == own:
            keys += _items_keys(election, number, by_list[number], after_open=False)
            continue
        if index > 0 or own is not None:
            keys.append(Key.PLUS)
        marks = by_list[number]
        keys += keys_of_number(number)
        if marks != [Mark(number, Box.LIST)]:  # a bare list number is its list vote; `+`, `/` and Enter end it
            keys += _items_keys(election, number, marks, after_open=True)  # a list number waits for its end
    return keys


def _is_open(election: Election, slot: Slot, group_list: ListNumber | None, number: int) -> bool:
    """Whether a longer number starts with this one: then a digit after it needs a `.` first."""
    return str(number) in _open_numbers(domain(election, slot, group_list))


def _items_keys(election: Election, number: ListNumber, marks: list[Mark], *, after_open: bool) -> list[Key]:
    """The marks of one list: titulars, `*`, then `-` and the successors, with as few `.` as the reader allows.

    In each column the numbers that end by themselves come first and those that could go on last, so that only
    open numbers followed by another open number need a `.`; `*` (the list box) goes where it saves a `.`.
    `after_open`: the group's list number was typed just before and could go on.
    """
    titulars = _column(election, Slot.TITULAR, number, [m.position for m in marks if m.box is Box.TITULAR])
    if any(m.box is Box.LIST for m in marks):
        titulars = _with_star(titulars, after_open)
    elif after_open and titulars and titulars[0].digit is not None:
        titulars = [Key.DOT, *titulars]
    successors = [m.position for m in marks if m.box is Box.SUCCESSOR]
    if not successors:
        return titulars
    return [*titulars, Key.MINUS, *_column(election, Slot.SUCCESSOR, number, successors)]


def _column(election: Election, slot: Slot, number: ListNumber, positions: Sequence[int]) -> list[Key]:
    """One column's numbers, those that end by themselves first, with a `.` after every open number but the last."""
    ordered = sorted(positions, key=lambda p: (_is_open(election, slot, number, p), p))
    keys: list[Key] = []
    for index, position in enumerate(ordered):
        keys += keys_of_number(position)
        if index + 1 < len(ordered) and _is_open(election, slot, number, position):
            keys.append(Key.DOT)
    return keys


def _with_star(column: list[Key], after_open: bool) -> list[Key]:
    """Put `*` where it saves a `.`: first after an open list number (it ends it), else in place of the column's
    first `.`, else first."""
    if not after_open and Key.DOT in column:
        first_dot = column.index(Key.DOT)
        return [*column[:first_dot], Key.STAR, *column[first_dot + 1 :]]
    return [Key.STAR, *column]


def _twice(mark: Mark) -> Problem:
    """A mark typed twice, named as the operator sees it (list, and candidate or list box), not as `3:T4`."""
    key = {Box.LIST: "keys.list_box_twice", Box.TITULAR: "keys.titular_twice", Box.SUCCESSOR: "keys.successor_twice"}
    return Problem(key[mark.box], {"list": mark.list_number, "position": mark.position})
