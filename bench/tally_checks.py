"""Time to classify, tally and check 2,400 ballots on an Antwerp-size election (goal < 50 ms).

Run: .venv/bin/python bench/tally_checks.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.counting.checks import CheckInput, run_checks
from app.counting.classify import classify
from app.counting.model import Election, ElectionCode
from app.counting.tally import tally
from tests.counting.generate import random_ballots
from tests.reference import chamber_2024, synthetic


def measure(label: str, election: Election, rounds: int = 20) -> None:
    ballots = random_ballots(election, 2400)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        t = tally(election, [classify(b) for b in ballots])
        run_checks(CheckInput(election, t, received_total=2400))
        times.append(time.perf_counter() - start)
    print(
        f"{label}: classify + tally + checks of 2,400 ballots: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms over {rounds} rounds"
    )


if __name__ == "__main__":
    measure("Chamber Antwerp (12 lists, 24+13)", chamber_2024())
    measure("Flemish Parliament Antwerp (15 lists, 33+16)", synthetic(ElectionCode.VL, 15, 33, 16))
