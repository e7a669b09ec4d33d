"""Crash test of the journal (C7): a kiosk process killed at random moments never loses a confirmed ballot.

A child process enters a whole Antwerp-size count (48 piles of 50 ballots, both passes, decisions, finalisation)
into the journal and reports each event on stdout only after `append` returned. The test kills it with SIGKILL at
random moments, many times; after every kill the journal must reopen to exactly the count after some prefix of the
script that holds every reported event and at most one more (committed, not yet reported), and the next child goes
on from there. The module does not import pytest, so each child starts quickly.

SIGKILL tests the process dying; a power cut additionally relies on `synchronous=FULL` and on the storage honouring
fsync, which a test cannot show.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

from app.counting.checks import Finding, Severity
from app.counting.count import (
    Acknowledge,
    CloseEntry,
    ConfirmBallot,
    Count,
    Decide,
    Event,
    Finalize,
    FinishPile,
    Phase,
    StartPile,
    UndoLast,
    apply,
    new_count,
)
from app.counting.double_entry import MAX_PILE_SIZE, Decision, Pass
from app.counting.model import Ballot, Box, Election, ElectionCode, ListNumber, Mark, Position, StationId
from app.journal import open_journal
from tests.reference import synthetic

STATION = StationId("ANT-042")
ROUNDS = 30
ROOT = Path(__file__).resolve().parents[1]


@cache
def election() -> Election:
    return synthetic(ElectionCode.CK, 12, 24, 13)  # Antwerp size: 12 lists, 24 titulars, 13 successors


@cache
def script() -> tuple[Event, ...]:
    """The whole count as the operators would enter it; every tenth pile has a ballot skipped in pass 2."""
    rnd = random.Random(42)
    events: list[Event] = []
    decisions: list[Event] = []
    for pile in range(1, 49):
        ballots = [_ballot(rnd) for _ in range(MAX_PILE_SIZE)]
        second = ballots[:17] + ballots[18:] if pile % 10 == 0 else ballots
        for pass_no, operator, content in ((Pass.FIRST, "An", ballots), (Pass.SECOND, "Bert", second)):
            events.append(StartPile(pile, pass_no, operator, MAX_PILE_SIZE if pass_no is Pass.FIRST else None))
            for k, ballot in enumerate(content):
                events.append(ConfirmBallot(pile, pass_no, ballot))
                if k == 5:  # an operator corrects a slip now and then
                    events += [UndoLast(pile, pass_no), ConfirmBallot(pile, pass_no, ballot)]
            events.append(FinishPile(pile, pass_no))
        if second is not ballots:
            when = dt.datetime(2024, 6, 9, 22, pile, tzinfo=dt.UTC)
            decisions.append(Decide(Decision(pile, tuple(ballots), "voorzitter", when, "ballot 18 skipped")))
    warning = Finding("W.201", Severity.WARNING, params={"counted": 2400, "received": 2401})
    return (*events, CloseEntry(), *decisions, Acknowledge("W.201"), Finalize((warning,)))


def _ballot(rnd: random.Random) -> Ballot:
    number = ListNumber(rnd.randint(1, 12))
    if rnd.random() < 0.4:
        return Ballot(frozenset({Mark(number, Box.LIST)}))
    return Ballot(frozenset(Mark(number, Box.TITULAR, Position(p)) for p in rnd.sample(range(1, 25), 2)))


@cache
def expected_counts() -> tuple[Count, ...]:
    """The count after every prefix of the script: expected[k] is the count after k events."""
    counts = [new_count(election())]
    for event in script():
        counts.append(apply(counts[-1], event))
    return tuple(counts)


def child(path: Path) -> None:
    """The kiosk: go on with the script from where the journal stands, reporting each event once it is durable."""
    events = script()
    with open_journal(path, election(), STATION) as journal:
        print(f"ready {journal.length}", flush=True)
        for k in range(journal.length, len(events)):
            journal.append(events[k])
            print(k + 1, flush=True)  # only now is the event confirmed on screen
    print("done", flush=True)


def run_child(path: Path, kill_after: float | None) -> tuple[int, int | None, bool]:
    """Start a child and kill it `kill_after` seconds after it is ready (None: let it finish).

    Returns the journal length it started from, the last event it reported, and whether it finished the script.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.test_journal_crash", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert process.stdout is not None
    ready = process.stdout.readline().split()
    assert ready[0] == "ready", ready
    if kill_after is not None:
        time.sleep(kill_after)
        process.send_signal(signal.SIGKILL)
    rest = process.stdout.read().split()
    process.wait()
    process.stdout.close()
    numbers = [int(x) for x in rest if x != "done"]
    return int(ready[1]), (numbers[-1] if numbers else None), "done" in rest


def test_killed_kiosk_never_loses_a_confirmed_ballot(tmp_path: Path) -> None:
    path = tmp_path / "count.db"
    expected = expected_counts()
    rnd = random.Random(7)
    stored = 0
    finished = False
    for _ in range(ROUNDS):
        # spread the kills over the whole script: entry, closing, decisions and finalisation
        start, reported, finished = run_child(path, rnd.uniform(0.0, 0.2))
        assert start == stored  # the child resumed exactly where the journal stood
        confirmed = stored if reported is None else reported
        with open_journal(path, election(), STATION) as journal:
            # every reported event is there, at most one more (committed but killed before reporting it)
            assert confirmed <= journal.length <= confirmed + 1
            # and nothing half-written: the count is exactly that of the script's prefix
            assert journal.count == expected[journal.length]
            stored = journal.length
        if finished:
            break
    if not finished:  # let the last kiosk finish the count: the journal ends in the final result
        start, _, finished = run_child(path, None)
        assert finished and start == stored
    with open_journal(path, election(), STATION) as journal:
        assert journal.count.phase is Phase.FINAL
        assert journal.count == expected[-1]


if __name__ == "__main__":
    child(Path(sys.argv[1]))
