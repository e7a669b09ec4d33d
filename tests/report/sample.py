"""PV input data for the tests: deterministic tallies of realistic elections, with every section filled."""

from __future__ import annotations

import dataclasses
import datetime as dt

from app.counting.checks import CheckInput, PileCount, PollingStationCount, examine
from app.counting.classify import InvalidCause
from app.counting.model import Election, ElectionCode, Language
from app.counting.tally import ListTally, Tally
from app.platform.measurement import Provenance, development_measurement
from app.report.pv_data import (
    Bureau,
    Composition,
    ContestedBallot,
    DecidedDifference,
    Overrule,
    PollingStation,
    PvData,
)
from tests.reference import chamber_2024, synthetic

GENERATED_AT = dt.datetime(2024, 6, 9, 21, 47, 5, tzinfo=dt.UTC)  # 23:47:05 CEST
ELECTION_DAY = dt.date(2024, 6, 9)
FILES = (
    ("count-510.xml", "3f1a0c9e5b7d2a4c6e8f0a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d"),
    ("security-log.jsonl", "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1"),
    ("votes-460-pass1.xml", "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"),
    ("votes-460-pass2.xml", "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b"),
    ("votes-460.xml", "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35"),
)


def fake_tally(election: Election) -> Tally:
    """A tally that satisfies the identities of C4 (CE = SC1+..+SC4), with varied numbers per list."""
    lists = []
    for lst in election.lists:
        n = lst.number
        sc = (40 + 7 * n, 30 + 5 * n, 3 * n if election.has_successors else 0, n if election.has_successors else 0)
        tit = _at_least(tuple((n * 31 + p * 17) % 47 for p in range(1, len(lst.titulars) + 1)), sc[1] + sc[2])
        suc = _at_least(tuple((n * 13 + p * 7) % 23 for p in range(1, len(lst.successors) + 1)), sc[2] + sc[3])
        lists.append(ListTally(lst.number, sc, tit, suc, sum(sc)))
    causes = tuple((c, i + 1) for i, c in enumerate(InvalidCause))
    blank = 12
    counted = sum(lt.ce for lt in lists) + blank + sum(n for _, n in causes)
    return Tally(tuple(lists), blank, causes, counted)


def _at_least(votes: tuple[int, ...], total: int) -> tuple[int, ...]:
    """The votes, the first candidate's raised so that they add up to at least `total` (checks E.102, E.103)."""
    if not votes:
        return votes
    return (votes[0] + max(0, total - sum(votes)), *votes[1:])


def pv_data(election: Election, language: Language = Language.NL, **overrides: object) -> PvData:
    """A PV with every section filled: two polling stations (one a ballot short on receipt: three warnings, two
    explained), every check with its cases, a difference, an overrule, a contested ballot, remarks."""
    tally = fake_tally(election)
    half = tally.counted // 2
    stations = (
        PollingStation("118", half + 1, half),
        PollingStation("119", tally.counted - half, tally.counted - half),
    )
    piles = tuple(PileCount(n, 50, 50) for n in range(1, 4))
    checks = examine(
        CheckInput(election, tally, tuple(PollingStationCount(s.name, s.received, s.counted) for s in stations),
                   piles=piles)
    )  # fmt: skip
    values: dict[str, object] = {
        "bureau": Bureau("A-042", "Stemopnemingsbureau 42 — Sint-Andries"),
        "language": language,
        "election": election,
        "tally": tally,
        "control_number": "4821-0937-5516-2",
        "files_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "provenance": Provenance(development_measurement("0.1.0")),
        "generated_at": GENERATED_AT,
        "canton": "Antwerpen",
        "polling_stations": stations,
        "composition": Composition(
            president="Françoise Dupré-Ødegård",
            secretary="Jan Van den Broeck",
            assessors=("Zoë Mertens", "", "Jürgen Weiß", "Noël D'Hondt"),
            witnesses=("Cœur O'Brien (lijst 3)", ""),
        ),
        "checks": checks,
        "acknowledged": frozenset({"W.201", "W.202", "W.205"}),
        "explanations": (
            ("W.201", "Stembureau 118 vermeldt één stembiljet te veel; de urne bevatte er één minder."),
            ("W.202", "Bij ontvangst opnieuw geteld in aanwezigheid van de getuigen: één stembiljet minder."),
        ),
        "differences": (
            DecidedDifference(
                "3/17",
                "2:T4 Anna Peeters",
                "2:T4 Anna Peeters, 2:T5 Bart Claes",
                "2:T4 Anna Peeters, 2:T5 Bart Claes",
                "Voorzitter",
                "2024-06-09 21:02:11 CEST",
            ),
            DecidedDifference(
                "7/1", "(blanco)", "5:H Open Vld", "5:H Open Vld", "Voorzitter", "2024-06-09 22:15:40 CEST"
            ),
        ),
        "overrules": (
            Overrule(
                4,
                12,
                12,
                12,
                "1:H VLAAMS BELANG",
                "1:H VLAAMS BELANG",
                "1:H VLAAMS BELANG, 2:T1 Els Maes (ongeldig)",
                "bureau",
                "2024-06-09 22:31:02 CEST",
                "Bij nazicht bleek ook een naamstem op lijst 2 aangekruist: beide invoeren zagen die niet.",
            ),
        ),
        "contested": (
            ContestedBallot(
                "5/23", "1:H VLAAMS BELANG (betwist)", "1:H VLAAMS BELANG", "bureau", "2024-06-09 22:40:00 CEST"
            ),
        ),
        "remarks": ("Stembureau 118: één stembiljet te weinig ontvangen, vermeld in het pv van het stembureau.",),
        "files": FILES,
    }
    values.update(overrides)
    return PvData(**values)  # type: ignore[arg-type]


def antwerp(language: Language = Language.NL, **overrides: object) -> PvData:
    """Antwerp 2024 Chamber: 12 lists of 24 titulars + 13 successors; the constituency named in every language."""
    names = ((Language.NL, "Antwerpen"), (Language.FR, "Anvers"), (Language.DE, "Antwerpen"))
    election = dataclasses.replace(chamber_2024(), names=names, date=ELECTION_DAY)
    return pv_data(election, language, **overrides)


def brussels(language: Language = Language.FR, **overrides: object) -> PvData:
    """A Brussels-Capital election: 17 lists, 72 titulars each, no successors."""
    election = synthetic(ElectionCode.BR, 17, 72, 0, name="Bruxelles-Capitale / Brussel-Hoofdstad")
    return pv_data(election, language, **overrides)
