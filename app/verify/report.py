"""What `tabula verify` found: a report per bureau and per stick, problems as keys with their parameters."""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography import x509

from app.counting.tally import Tally
from app.eml.pass_readings import Entries
from app.errors import TabulaError
from app.platform.measurement import Measurement
from app.seclog import LogProblem

Problem = tuple[str, dict[str, object]]

TRAINING_PROBLEM = "verify.training"  # the problem of a training result (the kiosk's self-check expects it there)


@dataclass
class StationReport:
    station: str
    control_number: str = ""
    tally: Tally | None = None
    problems: list[Problem] = field(default_factory=list)
    election: str | None = None  # the election code, e.g. CK (510, else 460)
    constituency: str | None = None  # the constituency as the 510 names it
    name: str | None = None  # the bureau's name, as written with every ballot of the 460
    received: int | None = None  # ballots received, as the sealed security log states them with the results
    entries: Entries = field(default_factory=Entries)  # recomputed from the pass readings
    signer: x509.Certificate | None = None  # the certificate of the results (460, else 510), once verified
    carried: frozenset[x509.Certificate] = frozenset()  # the certificates that file's Seal carries (bureau, issuing)
    platform: Measurement | None = None  # what the EML files say produced them (460, else 510), once verified
    training: bool | None = None  # a training result; None: no EML file could be verified
    notes: list[Problem] = field(default_factory=list)  # worth knowing, not a problem (development mode)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, key: str, **params: object) -> None:
        if (key, params) not in self.problems:  # a file that cannot be read is met by several checks: said once
            self.problems.append((key, params))

    def add_error(self, error: TabulaError) -> None:
        self.add(error.key, **error.params)


@dataclass
class StickReport:
    """Every bureau of a stick, what is wrong with the stick itself (no results folder, an unreadable one), and
    what is worth knowing without failing it (a leftover of an interrupted write beside the sets it did not touch:
    contract, "a run that is interrupted leaves the old complete set")."""

    stations: list[StationReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    folder: str = ""  # the stick as named on the command line
    missing: bool = False  # that folder does not exist: bad input (exit 2), not a failed check

    @property
    def ok(self) -> bool:
        return bool(self.stations) and not self.problems and all(r.ok for r in self.stations)


@dataclass(frozen=True)
class Message:
    """A message inside a problem (a key and its parameters), said in the reader's language when printed.
    Kept structured: text from a stick (a quoted value, a schema message) is only ever a parameter."""

    key: str
    params: dict[str, object]

    @classmethod
    def of(cls, error: TabulaError | LogProblem) -> Message:
        return cls(error.key, dict(error.params))
