"""Realistic elections built from the official 2024 Chamber data in ../shared/reference-data."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from app.counting.model import Candidate, CandidateList, Election, ElectionCode, Kind, ListNumber, Position

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "be-2024-chamber"


@cache
def chamber_2024(constituency_nl: str = "Kieskring Antwerpen") -> Election:
    """The real 2024 Chamber lists of one constituency (Antwerp: 12 lists, 24 titulars + 13 successors)."""
    rows = [r for r in _rows("candidates.csv") if r["constituency_nl"] == constituency_nl]
    numbers = sorted({int(r["list_nr"]) for r in rows})
    lists = []
    for n in numbers:
        mine = [r for r in rows if int(r["list_nr"]) == n]
        lists.append(
            CandidateList(
                ListNumber(n),
                mine[0]["list_label"],
                _candidates(mine, n, Kind.TITULAR),
                _candidates(mine, n, Kind.SUCCESSOR),
            )
        )
    return Election(ElectionCode.CK, constituency_nl, tuple(lists), has_successors=True)


def synthetic(code: ElectionCode, lists: int, titulars: int, successors: int, name: str = "Antwerpen") -> Election:
    """An election of the given size with generated names (e.g. Flemish Parliament Antwerp: 33 + 16)."""
    cls = []
    for n in range(1, lists + 1):
        tit = tuple(
            Candidate(ListNumber(n), Kind.TITULAR, Position(p), f"Kandidaat {n}-T{p} Dupré")
            for p in range(1, titulars + 1)
        )
        suc = tuple(
            Candidate(ListNumber(n), Kind.SUCCESSOR, Position(p), f"Opvolger {n}-S{p} Ødegård")
            for p in range(1, successors + 1)
        )
        cls.append(CandidateList(ListNumber(n), f"Lijst {n}", tit, suc))
    return Election(code, name, tuple(cls), has_successors=successors > 0)


def _candidates(rows: list[dict[str, str]], n: int, kind: Kind) -> tuple[Candidate, ...]:
    mine = sorted((r for r in rows if r["kind"] == kind.value), key=lambda r: int(r["nr_on_list"]))
    return tuple(Candidate(ListNumber(n), kind, Position(int(r["nr_on_list"])), r["full_name"]) for r in mine)


@cache
def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
