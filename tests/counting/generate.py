"""Realistic random ballots for an election, for size tests and benchmarks (seeded, reproducible)."""

from __future__ import annotations

import random

from app.counting.model import Ballot, Box, Election, Mark, Position


def random_ballots(election: Election, n: int, seed: int = 7) -> list[Ballot]:
    """About 40 % list votes, 55 % preference votes (some with successors), 2 % blank, 3 % invalid."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        lst = rng.choice(election.lists)
        roll = rng.random()
        if roll < 0.4:
            marks = {Mark(lst.number, Box.LIST)}
        elif roll < 0.95:
            marks = {
                Mark(lst.number, Box.TITULAR, Position(rng.randint(1, len(lst.titulars))))
                for _ in range(rng.randint(1, 4))
            }
            if lst.successors and rng.random() < 0.2:
                marks.add(Mark(lst.number, Box.SUCCESSOR, Position(rng.randint(1, len(lst.successors)))))
        elif roll < 0.97:
            marks = set()
        else:
            other = rng.choice(election.lists)
            marks = {Mark(lst.number, Box.LIST), Mark(other.number, Box.TITULAR, Position(1))}
        out.append(Ballot(frozenset(marks)))
    return out
