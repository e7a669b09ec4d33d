"""Domain types of an election as a counting bureau sees it (requirement C1) and of a ballot (C2)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import NewType

StationId = NewType("StationId", str)
ListNumber = NewType("ListNumber", int)
Position = NewType("Position", int)


class ElectionCode(enum.Enum):
    """The elections a Belgian counting bureau may count (contract: stations.csv `election`)."""

    CK = "CK"  # Chamber of Representatives
    EU = "EU"  # European Parliament (per electoral college)
    VL = "VL"  # Flemish Parliament
    WL = "WL"  # Walloon Parliament
    BR = "BR"  # Brussels-Capital Parliament
    DE = "DE"  # Parliament of the German-speaking Community


class Kind(enum.Enum):
    """Titular (kandidaat-titularis) or successor (kandidaat-opvolger)."""

    TITULAR = "T"
    SUCCESSOR = "S"


class Box(enum.Enum):
    """The boxes of one list column on the ballot."""

    LIST = "H"  # the list box at the top (kopvak)
    TITULAR = "T"
    SUCCESSOR = "S"


class Language(enum.Enum):
    """The three official languages (requirement U1)."""

    NL = "nl"
    FR = "fr"
    DE = "de"


@dataclass(frozen=True)
class Candidate:
    list_number: ListNumber
    kind: Kind
    position: Position
    name: str


@dataclass(frozen=True)
class CandidateList:
    number: ListNumber
    name: str
    titulars: tuple[Candidate, ...]
    successors: tuple[Candidate, ...] = ()

    def candidate(self, kind: Kind, position: int) -> Candidate | None:
        """The candidate of that kind at that 1-based position, or None."""
        group = self.titulars if kind is Kind.TITULAR else self.successors
        return group[position - 1] if 1 <= position <= len(group) else None


@dataclass(frozen=True)
class Election:
    """One election in one constituency (or electoral college): what a counting bureau counts."""

    code: ElectionCode
    constituency: str  # the key (contract: candidates.csv `constituency`), also in the EML and the control number
    lists: tuple[CandidateList, ...]
    has_successors: bool
    # The constituency's official name per language, where the authority gave one (candidates.csv
    # `constituency_nl/fr/de`); a tuple of pairs, not a dict, so an Election stays hashable.
    names: tuple[tuple[Language, str], ...] = ()
    date: dt.date | None = None  # the day of the election (build-master --election-date)

    def __post_init__(self) -> None:
        numbers = [lst.number for lst in self.lists]
        if numbers != sorted(set(numbers)):
            raise ValueError("lists must be unique and in list-number order")
        languages = [language for language, _ in self.names]
        if len(languages) != len(set(languages)):
            raise ValueError("one constituency name per language")

    def constituency_name(self, language: Language) -> str:
        """The constituency as the bureau's language names it; the key when no name in that language was given."""
        return next((name for lang, name in self.names if lang is language), self.constituency)

    def list_by_number(self, number: int) -> CandidateList | None:
        for lst in self.lists:
            if lst.number == number:
                return lst
        return None


@dataclass(frozen=True)
class Station:
    """A counting bureau as provisioned by the authority."""

    id: StationId
    name: str
    election: ElectionCode
    constituency: str
    language: Language


_BOX_ORDER = {"H": 0, "T": 1, "S": 2}


@dataclass(frozen=True)
class Mark:
    """One marked box: `Mark(3, Box.TITULAR, 4)` is titular 4 of list 3; position is 0 for the list box."""

    list_number: ListNumber
    box: Box
    position: Position = Position(0)

    def __str__(self) -> str:
        return (
            f"{self.list_number}:H" if self.box is Box.LIST else f"{self.list_number}:{self.box.value}{self.position}"
        )

    def sort_key(self) -> tuple[int, int, int]:
        """Ballot order: by list, then the list box, titulars, successors, each by position."""
        return (self.list_number, _BOX_ORDER[self.box.value], self.position)


class InvalidReason(enum.Enum):
    """Why the bureau declared a ballot invalid although its marks do not show it (art. 156 §2)."""

    NOT_OFFICIAL = "not-official"
    IDENTIFYING_MARK = "identifying-mark"
    ALTERED = "altered"
    OTHER = "other"


class Status(enum.Enum):
    """The bureau's status of a ballot besides its marks."""

    NONE = ""
    DECLARED_INVALID = "invalid"
    CONTESTED = "contested"  # C6: flagged during entry, to be decided by the bureau


@dataclass(frozen=True, order=True)
class BallotRef:
    """Where a ballot lies: its pile and its 1-based position in the pile (C5: ballots need no number)."""

    pile: int
    position: int

    def __str__(self) -> str:
        return f"{self.pile}/{self.position}"


@dataclass(frozen=True)
class Ballot:
    """The content of one ballot as entered: the set of marked boxes and the bureau's status."""

    marks: frozenset[Mark] = field(default_factory=frozenset)
    status: Status = Status.NONE
    invalid_reason: InvalidReason | None = None

    def __post_init__(self) -> None:
        if (self.status is Status.DECLARED_INVALID) != (self.invalid_reason is not None):
            raise ValueError("a declared-invalid ballot needs a reason, and only it")

    def sorted_marks(self) -> tuple[Mark, ...]:
        return tuple(sorted(self.marks, key=Mark.sort_key))


class PileKind(enum.Enum):
    """What the bureau sorted into a pile (art. 159): the entry uses it to shorten every ballot of the pile."""

    LIST_VOTE = "list-vote"  # one list, list vote only (SC1): one key a ballot
    PREFERENCE = "preference"  # one list, votes for its candidates: only the candidate numbers are typed
    BLANK = "blank"
    INVALID = "invalid"
    MIXED = "mixed"  # not sorted: every ballot entered in full


@dataclass(frozen=True)
class Declaration:
    """A pile's declared content. Only a help for entry: a ballot that does not match is entered in full, and the
    ballots, not the declaration, are compared and counted."""

    kind: PileKind = PileKind.MIXED
    list_number: ListNumber | None = None

    def __post_init__(self) -> None:
        if (self.kind in (PileKind.LIST_VOTE, PileKind.PREFERENCE)) != (self.list_number is not None):
            raise ValueError("a list pile names its list, and only a list pile")


MIXED = Declaration()
