"""One operator's side of the entry table: the keypad pass machine joined to the count (C5, U3, U7).

No Qt here: `PaneControl.press(key)` runs the pure machine (`app.counting.keypad`), applies what it asks to the
session (start a pile, store a ballot, take one back, close the pile) and keeps the new pane only when the count
accepted it, so a refused key or event leaves the pane where it was. The screen draws `PaneControl`'s state.

Two panes share one session: pass 1 of pile k on one side, pass 2 of pile k-1 on the other. A pile whose other pass
is still being typed is never opened on the second side (blind entry stays blind), and a member types on one side
at a time.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

from app.counting.count import ConfirmBallot, Event, FinishPile, Pile, ReopenPass, StartPile, UndoLast, piles
from app.counting.double_entry import Pass
from app.counting.keypad import (
    ChangeMember,
    ChooseMember,
    ClosePile,
    Key,
    OpenPile,
    Pane,
    Problem,
    ReopenLast,
    Step,
    Store,
    TakeBack,
    opened,
    press,
)
from app.counting.model import Ballot, Election
from app.counting.people import same_person
from app.errors import TabulaError
from app.ui.ports import SessionPort


class Side(enum.Enum):
    """Which pass a side proposes: the first pass of a new pile, or the second pass of a pile waiting for it."""

    FIRST = "first"
    SECOND = "second"


@dataclass(frozen=True)
class Note:
    """Something that went well and is worth saying (a pile closed, a pass resumed)."""

    key: str
    params: dict[str, object] = field(default_factory=dict)
    ballot: Ballot | None = None  # shown with its names by the screen (`{ballot}` in the text)


class PaneControl:
    def __init__(self, session: SessionPort, side: Side) -> None:
        self.session = session
        self.side = side
        self.pane = Pane(Step.MEMBER, proposal=None)
        self.member: str | None = None
        self.pass_no: Pass | None = None
        self.last_stored: Ballot | None = None
        self.problem: Problem | TabulaError | None = None
        self.note: Note | None = None
        self.partner: PaneControl | None = None  # the other side, if there is one
        self.closed_pass: Pass | None = None  # the pass of the pile this side closed last
        self._applying = False

    @property
    def election(self) -> Election:
        return self.session.election

    def members(self) -> tuple[str, ...]:
        return self.session.count.record.operators

    # --- keys ----------------------------------------------------------------------------------------------------

    def press(self, key: Key) -> bool:
        """One key; True when it was taken. A refused key sets `problem` and changes nothing."""
        self.problem, self.note = None, None
        outcome = press(self.pane, key, self.election)
        if outcome.problem is not None:
            self.problem = outcome.problem
            return False
        pane = outcome.pane
        if self.pane.step is Step.PILE and pane.step is Step.DECLARATION:
            return self._pile_chosen(pane)
        for action in outcome.actions:
            after = self._act(action, pane)
            if after is None:
                self._resync()
                return False
            pane = after
        self.pane = pane
        self.refresh()
        return True

    def _act(self, action: object, pane: Pane) -> Pane | None:
        """Apply one action of the machine to the count; the pane to go on with, or None when it was refused."""
        try:
            match action:
                case ChooseMember(number=number):
                    return self._choose(number, pane)
                case ChangeMember():
                    self.member, self.pass_no = None, None
                case OpenPile():
                    assert self.pass_no is not None and self.member is not None  # set when the pile was chosen
                    known = self.session.count.piles.get(action.pile)
                    counted = action.hand_count or (None if known is None else known.counted_by_hand)
                    if counted is None:
                        self.problem = Problem("keys.count_missing")  # a pile's first pass gives its count
                        return None
                    self._apply(
                        StartPile(action.pile, self.pass_no, self.member, action.hand_count, action.declaration)
                    )
                    self.last_stored = None
                    return replace(pane, hand_count=counted)
                case Store(ballot=ballot):
                    self._apply(ConfirmBallot(self._pile(), self._pass(), ballot))
                    self.last_stored = ballot
                case TakeBack():
                    taken = self._last_ballot(self._pile(), self._pass())
                    self._apply(UndoLast(self._pile(), self._pass()))
                    self.last_stored = None
                    self.note = Note("ui.keypad.taken_back", {"position": pane.entered + 1}, taken)
                case ClosePile():
                    pile, pass_no = self._pile(), self._pass()
                    self._apply(FinishPile(pile, pass_no))
                    self.note = Note("ui.keypad.pile_closed", {"pile": pile, "pass_no": int(pass_no)})
                    self.pass_no, self.closed_pass = None, pass_no
                case ReopenLast(pile=pile):
                    return self._reopen(pile, pane)
        except TabulaError as error:
            self.problem = error
            return None
        return pane

    def _reopen(self, pile: int, pane: Pane) -> Pane | None:
        """Open the pile this side just closed, without its last ballot (it was the slip that closed it)."""
        pass_no = self.closed_pass
        entry = None if pass_no is None else self.session.count.piles[pile].entry(pass_no)
        if pass_no is None or entry is None or not same_person(entry.operator, self.member or ""):
            self.problem = Problem("keys.nothing_to_delete")
            return None
        taken = self._last_ballot(pile, pass_no)
        self._apply(ReopenPass(pile, pass_no))
        self._apply(UndoLast(pile, pass_no))
        self.pass_no, self.closed_pass, self.last_stored = pass_no, None, None
        self.note = Note("ui.keypad.taken_back", {"position": pane.entered + 1}, taken)
        return pane

    def _last_ballot(self, pile: int, pass_no: Pass) -> Ballot | None:
        """The ballot about to be taken back, for the note."""
        entry = self.session.count.piles[pile].entry(pass_no)
        return None if entry is None or not entry.ballots else entry.ballots[-1]

    def _apply(self, event: Event) -> None:
        # the session tells every screen about the change, this pane included: it must not resync half-way
        self._applying = True
        try:
            self.session.apply(event)
        finally:
            self._applying = False

    def _pile(self) -> int:
        assert self.pane.pile is not None
        return self.pane.pile

    def _pass(self) -> Pass:
        assert self.pass_no is not None
        return self.pass_no

    # --- members -------------------------------------------------------------------------------------------------

    def _choose(self, number: int, pane: Pane) -> Pane | None:
        members = self.members()
        if not members:
            self.problem = Problem("ui.keypad.no_members")
            return None
        if not 1 <= number <= len(members):
            self.problem = Problem("ui.keypad.no_such_member", {"number": number, "maximum": len(members)})
            return None
        member = members[number - 1]
        partner = self.partner
        if partner is not None and partner.member is not None and same_person(partner.member, member):
            self.problem = Problem("ui.keypad.member_on_other_side", {"member": member})
            return None
        self.member = member
        return self._resume_own_pass(pane)

    def _resume_own_pass(self, pane: Pane) -> Pane:
        """A member who left a pass unfinished (a restart, a change of member) comes back to it."""
        for pile in piles(self.session.count):
            for pass_no in Pass:
                if _typing(pile, pass_no, self.member):
                    return self._open_existing(pile, pass_no, pane)
        return pane

    def _open_existing(self, pile: Pile, pass_no: Pass, pane: Pane) -> Pane:
        """Go on with a started pass where it stands; one that already holds its hand count is closed."""
        entry = pile.entry(pass_no)
        assert entry is not None
        entered = len(entry.ballots)
        counted = pile.counted_by_hand
        if counted is not None and entered >= counted:
            # the ballot that completed the pile was stored, its closing was not (a crash in between)
            self.session.apply(FinishPile(pile.number, pass_no))
            self.note = Note("ui.keypad.pile_closed", {"pile": pile.number, "pass_no": int(pass_no)})
            return Pane(Step.PILE, proposal=self.proposal())
        self.pass_no = pass_no
        self.last_stored = entry.ballots[-1] if entry.ballots else None
        self.note = Note("ui.keypad.resumed", {"pile": pile.number, "pass_no": int(pass_no), "position": entered + 1})
        return opened(pane, pile.number, entry.declaration, counted, entered)

    # --- piles ---------------------------------------------------------------------------------------------------

    def _pile_chosen(self, pane: Pane) -> bool:
        """The operator named a pile: which pass it gets, or why it cannot be entered here now."""
        number = pane.pile
        assert number is not None and self.member is not None
        pile = self.session.count.piles.get(number)
        pass_no, problem = self._pass_for(pile)
        if problem is None and self._claimed_by_partner() == number:
            # the other side named this pile a moment ago and is declaring it: it is theirs
            operator = "" if self.partner is None else self.partner.member or ""
            problem = Problem("ui.keypad.pile_busy", {"pile": number, "operator": operator})
        if problem is not None:
            self.problem = problem
            # a refused number does not stay to become part of the next, and Enter now proposes a pile that is free
            self.pane = replace(self.pane, typed=(), proposal=self.proposal())
            return False
        if pass_no is None:  # the member's own unfinished pass: go on with it
            assert pile is not None
            own = Pass.FIRST if _typing(pile, Pass.FIRST, self.member) else Pass.SECOND
            try:
                self.pane = self._open_existing(pile, own, self.pane)
            except TabulaError as error:
                self.problem = error
                return False
            return True
        self.pass_no = pass_no
        self.pane = pane
        return True

    def _pass_for(self, pile: Pile | None) -> tuple[Pass | None, Problem | TabulaError | None]:
        member = self.member or ""
        if pile is None:
            return Pass.FIRST, None
        if pile.decision is not None:
            return None, Problem("ui.keypad.pile_decided", {"pile": pile.number})
        for pass_no in Pass:
            entry = pile.entry(pass_no)
            if entry is not None and not entry.finished:
                if same_person(entry.operator, member):
                    return None, None
                return None, Problem("ui.keypad.pile_busy", {"pile": pile.number, "operator": entry.operator})
        free = [p for p in Pass if pile.entry(p) is None]
        if not free:
            return None, Problem("ui.keypad.pile_done", {"pile": pile.number})
        other = pile.entry(free[0].other)
        if other is not None and same_person(other.operator, member):
            return None, Problem("ui.keypad.same_member", {"pile": pile.number, "pass_no": int(free[0].other)})
        return free[0], None

    def _claimed_by_partner(self) -> int | None:
        """The pile the other side named and is declaring: not in the count yet, but theirs."""
        partner = self.partner
        if partner is not None and partner.pane.step in (Step.DECLARATION, Step.HAND_COUNT):
            return partner.pane.pile
        return None

    def proposal(self) -> int:
        """The pile this side proposes: the oldest pile waiting for a second pass by someone else (second side, or
        a side alone), else the next new pile that the other side is not declaring."""
        rows = piles(self.session.count)
        next_new = max((p.number for p in rows), default=0) + 1
        if next_new == self._claimed_by_partner():
            next_new += 1
        if self.side is Side.SECOND or self.partner is None:
            for pile in rows:
                if self._pass_for(pile) == (Pass.SECOND, None):
                    return pile.number
        return next_new

    # --- keeping in step -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """After any change to the count (this side or the other): the proposal, and the ballots entered."""
        if self._applying:
            return
        if self.pane.step is Step.PILE:
            self.pane = replace(self.pane, proposal=self.proposal())
        elif self.pane.step is Step.BALLOT:
            self._resync()

    def _resync(self) -> None:
        """The ballots entered as the count has them (after a partly applied step)."""
        if self.pane.step is not Step.BALLOT or self.pane.pile is None or self.pass_no is None:
            return
        pile = self.session.count.piles.get(self.pane.pile)
        entry = None if pile is None else pile.entry(self.pass_no)
        if entry is None or entry.finished:
            self.pane, self.pass_no = Pane(Step.PILE, proposal=self.proposal()), None
            return
        self.pane = replace(self.pane, entered=len(entry.ballots))

    def where(self) -> tuple[int | None, Pass | None, int]:
        """Pile, pass and the position of the next ballot, for the screen and the status line."""
        return self.pane.pile, self.pass_no, self.pane.entered + 1


def _typing(pile: Pile, pass_no: Pass, member: str | None) -> bool:
    entry = pile.entry(pass_no)
    return entry is not None and not entry.finished and same_person(entry.operator, member or "")
