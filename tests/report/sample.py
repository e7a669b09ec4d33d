"""PV input data for the tests: deterministic tallies of realistic elections, with every section filled."""

from __future__ import annotations

import datetime as dt

from app.counting.checks import Finding, Severity
from app.counting.classify import InvalidCause
from app.counting.model import Election, ElectionCode, Language
from app.counting.tally import ListTally, Tally
from app.report.pv_data import (
    Bureau,
    CheckOutcome,
    Composition,
    ContestedBallot,
    DecidedDifference,
    PollingStation,
    PvData,
)
from tests.reference import chamber_2024, synthetic

GENERATED_AT = dt.datetime(2024, 6, 9, 21, 47, 5, tzinfo=dt.UTC)


def fake_tally(election: Election) -> Tally:
    """A tally that satisfies the identities of C4 (CE = SC1+..+SC4), with varied numbers per list."""
    lists = []
    for lst in election.lists:
        n = lst.number
        sc = (40 + 7 * n, 30 + 5 * n, 3 * n if election.has_successors else 0, n if election.has_successors else 0)
        tit = tuple((n * 31 + p * 17) % 47 for p in range(1, len(lst.titulars) + 1))
        suc = tuple((n * 13 + p * 7) % 23 for p in range(1, len(lst.successors) + 1))
        lists.append(ListTally(lst.number, sc, tit, suc, sum(sc)))
    causes = tuple((c, i + 1) for i, c in enumerate(InvalidCause))
    blank = 12
    counted = sum(lt.ce for lt in lists) + blank + sum(n for _, n in causes)
    return Tally(tuple(lists), blank, causes, counted)


def pv_data(election: Election, language: Language = Language.NL, **overrides: object) -> PvData:
    """A PV with every section filled: polling stations, findings, differences, contested ballots, remarks."""
    tally = fake_tally(election)
    half = tally.counted // 2
    values: dict[str, object] = {
        "bureau": Bureau("A-042", "Stemopnemingsbureau 42 — Sint-Andries"),
        "language": language,
        "election": election,
        "tally": tally,
        "control_number": "4821-0937-5516-2",
        "files_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "software_version": "0.1.0",
        "generated_at": GENERATED_AT,
        "canton": "Antwerpen",
        "polling_stations": (
            PollingStation("Stembureau 118", half + 1, half),
            PollingStation("Stembureau 119", tally.counted - half, tally.counted - half),
        ),
        "composition": Composition(
            president="Françoise Dupré-Ødegård",
            secretary="Jan Van den Broeck",
            assessors=("Zoë Mertens", "", "Jürgen Weiß", "Noël D'Hondt"),
            witnesses=("Cœur O'Brien (lijst 3)", ""),
        ),
        "checks_run": ("C.101", "C.102", "C.103", "C.104", "C.105", "C.106"),
        "findings": (
            CheckOutcome(Finding("C.105", Severity.WARNING, ("counted",), {"station": "118"}), acknowledged=True),
        ),
        "differences": (
            DecidedDifference("3/17", "2:T4", "2:T4 2:T5", "2:T4 2:T5", "Voorzitter", "2024-06-09 19:02"),
            DecidedDifference("7/1", "(blanco)", "5:H", "5:H", "Voorzitter", "2024-06-09 20:15"),
        ),
        "contested": (
            ContestedBallot("5/23", "1:H + potloodstreep", "geldig, lijst 1 SC1", "Bureau", "2024-06-09 20:40"),
        ),
        "remarks": ("Stembureau 118: één stembiljet te weinig ontvangen, vermeld in het pv van het stembureau.",),
    }
    values.update(overrides)
    return PvData(**values)  # type: ignore[arg-type]


def antwerp(language: Language = Language.NL, **overrides: object) -> PvData:
    """Antwerp 2024 Chamber: 12 lists of 24 titulars + 13 successors."""
    return pv_data(chamber_2024(), language, **overrides)


def brussels(language: Language = Language.FR, **overrides: object) -> PvData:
    """A Brussels-Capital election: 17 lists, 72 titulars each, no successors."""
    election = synthetic(ElectionCode.BR, 17, 72, 0, name="Bruxelles-Capitale / Brussel-Hoofdstad")
    return pv_data(election, language, **overrides)
