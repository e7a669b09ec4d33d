"""Everything the proces-verbaal shows (requirement O3), as plain values.

The renderer depends only on these values, not on how they were computed: the count, the double entry and the
stick assemble a `PvData` and hand it over. Times are passed in (no clock reads in the report).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.counting.checks import Finding
from app.counting.model import Election, Language
from app.counting.tally import Tally

BLANK_MEMBERS = ("", "", "", "")  # four assessors / witnesses to fill in by hand when no names are known


@dataclass(frozen=True)
class Bureau:
    """The counting bureau (stemopnemingsbureau): its id (also in its certificate) and its name."""

    id: str
    name: str


@dataclass(frozen=True)
class PollingStation:
    """A polling station (stembureau) whose ballot box this bureau counted.

    `received` is the number of ballots from the polling station's own PV; `counted` is what this bureau counted.
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
class CheckOutcome:
    """A finding of a check (C4) and whether the bureau acknowledged it (warnings must be acknowledged)."""

    finding: Finding
    acknowledged: bool = False


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
class PvData:
    """The whole content of one bureau's PV."""

    bureau: Bureau
    language: Language
    election: Election
    tally: Tally
    control_number: str  # digit groups, last digit a check digit (O4)
    files_sha256: str  # hex SHA-256 over all result files (O4)
    software_version: str
    generated_at: dt.datetime
    canton: str | None = None
    polling_stations: tuple[PollingStation, ...] = ()
    composition: Composition = field(default_factory=Composition)
    checks_run: tuple[str, ...] = ()  # codes of every check applied, also those without findings
    findings: tuple[CheckOutcome, ...] = ()
    differences: tuple[DecidedDifference, ...] = ()
    contested: tuple[ContestedBallot, ...] = ()
    remarks: tuple[str, ...] = ()
