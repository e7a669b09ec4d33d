"""Everything the proces-verbaal shows (requirement O3), as plain values.

The renderer depends only on these values, not on how they were computed: the count, the double entry and the
stick assemble a `PvData` and hand it over. Times are passed in (no clock reads in the report).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.counting.checks import RuleOutcome
from app.counting.model import Election, Language
from app.counting.tally import Tally
from app.platform.measurement import Provenance

BLANK_MEMBERS = ("", "", "", "")  # four assessors / witnesses to fill in by hand when no names are known


@dataclass(frozen=True)
class Bureau:
    """The counting bureau (stemopnemingsbureau): its id (also in its certificate) and its name."""

    id: str
    name: str


@dataclass(frozen=True)
class PollingStation:
    """A polling station (stembureau) whose ballot box this bureau counted.

    `received` is the number of ballots from the polling station's own PV; `counted` is what this bureau counted
    on receipt. The ballots entered (both passes, after decisions) are the tally's `counted`, for all stations.
    """

    name: str
    received: int
    counted: int | None  # None: the bureau did not count this box on receipt (printed as a dash, never guessed)

    @property
    def difference(self) -> int | None:
        return None if self.counted is None else self.counted - self.received


@dataclass(frozen=True)
class Composition:
    """The members of the bureau; an empty name prints a blank line to fill in by hand."""

    president: str = ""
    secretary: str = ""
    assessors: tuple[str, ...] = BLANK_MEMBERS
    witnesses: tuple[str, ...] = BLANK_MEMBERS


@dataclass(frozen=True)
class DecidedDifference:
    """A difference between entry pass 1 and pass 2 and the bureau's decision (C5), as display strings."""

    ballot: str  # pile/position, e.g. "3/17"
    pass1: str
    pass2: str
    final: str
    decided_by: str
    decided_at: str


@dataclass(frozen=True)
class ContestedBallot:
    """A contested ballot (C6) and the bureau's decision, as display strings."""

    ballot: str  # pile/position
    content: str
    decision: str
    decided_by: str = ""
    decided_at: str = ""


@dataclass(frozen=True)
class Overrule:
    """A ballot the bureau decided against what both entry passes agreed on (C5: shown as such), readings and decided
    content as display strings. Both passes read the same there (or, for a ballot the bureau added, no ballot), so
    `pass1` and `pass2` are equal; they are both given so the row reads like a difference."""

    pile: int
    position_1: int | None  # the ballot's place in pass 1; None: neither pass has it (the bureau added it)
    position_2: int | None  # its place in pass 2 (differs from pass 1's after a slip earlier in the pile)
    position: int | None  # its place in the decided pile; None: the bureau removed it
    pass1: str  # what pass 1 read ("—" for none)
    pass2: str
    final: str  # what the bureau decided
    decided_by: str
    decided_at: str
    explanation: str = ""  # the bureau's note with the decision

    @property
    def ballot(self) -> str:
        """Where to find it, as the other sections say it: pile/position in pass 1, else in the decided pile."""
        position = self.position_1 if self.position_1 is not None else self.position
        return f"{self.pile}/{'—' if position is None else position}"


@dataclass(frozen=True)
class PvData:
    """The whole content of one bureau's PV."""

    bureau: Bureau
    language: Language
    election: Election
    tally: Tally
    control_number: str  # digit groups, last digit a check digit (O4)
    files_sha256: str  # hex SHA-256 over every result file but the PV (O4): over the `sha256sum` lines of `files`
    provenance: Provenance  # the platform that made it (software, system hash, mode) and whether it is training
    generated_at: dt.datetime
    canton: str | None = None
    polling_stations: tuple[PollingStation, ...] = ()
    composition: Composition = field(default_factory=Composition)
    checks: tuple[RuleOutcome, ...] = ()  # every check applied, with every case it looked at (C4)
    acknowledged: frozenset[str] = frozenset()  # warnings the bureau acknowledged
    explanations: tuple[tuple[str, str], ...] = ()  # (warning code, the bureau's explanation)
    differences: tuple[DecidedDifference, ...] = ()
    contested: tuple[ContestedBallot, ...] = ()
    overrules: tuple[Overrule, ...] = ()  # ballots decided against both passes, in pile order (their own section)
    remarks: tuple[str, ...] = ()
    files: tuple[tuple[str, str], ...] = ()  # (name, SHA-256) of every file `files_sha256` covers, by name

    @property
    def software_version(self) -> str:
        return self.provenance.measurement.software_version

    def explanation(self, code: str) -> str | None:
        return next((text for c, text in self.explanations if c == code), None)
