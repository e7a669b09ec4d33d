"""Will a 2,400-ballot bureau finish tonight? Keystrokes and operator time to enter every ballot twice on the numeric
keypad (docs/keypad.md), on a realistic Antwerp mix sorted as a bureau sorts it (art. 159) and unsorted.

Goals: ≤ 3.3 keys per ballot sorted, ≤ 6 unsorted; under 2 hours of wall time for both passes with two keypads.
Run: .venv/bin/python bench/entry_throughput.py
"""

from __future__ import annotations

import csv
import math
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.counting.keypad import Key, declaration_for, decode_pass, encode_ballot, encode_pass
from app.counting.keypad_ballot import keys_of_number, read_ballot
from app.counting.model import MIXED, Ballot, Box, Declaration, Election, ElectionCode, Mark, PileKind, Status
from bench.ballot_mix import (
    BALLOTS,
    CONTESTED_RATE,
    LIST_BOX_WITH_CANDIDATES,
    NOT_VALID_SPLIT,
    SEED,
    BallotKind,
    Mix,
    Profile,
    chamber_profile,
    draw,
    sorted_mix,
    stand_in_profile,
    unsorted_mix,
    write_pass_file,
)
from tests.reference import chamber_2024, synthetic

GOAL_KEYS = {"sorted": 3.3, "unsorted": 6.0}
GOAL_WALL_HOURS = 2.0


# --- the time model ---
#
# Sources:
# [KLM] Card, Moran & Newell, "The keystroke-level model for user performance time with interactive systems",
#       Communications of the ACM 23(7), 1980, pp. 396-410: K (one keystroke) = 0.08 s best typist, 0.12 good,
#       0.20 average skilled, 0.28 average non-secretary typist (40 wpm), 0.50 typing random letters, 0.75 typing
#       complex codes, 1.20 worst typist (unfamiliar with the keyboard); M (mental preparation) = 1.35 s.
# [10-key] Data-entry practice for 10-key operators: 8,000-12,000 keystrokes per hour for trained operators
#       (0.45-0.30 s a key), measured while keying from paper documents, i.e. with the reading included.
# The operator's time is split into keys (K each) and the time to take a ballot, find its marks and glance at the
# screen before Enter ("read"); a ballot that is one bare Enter in a pile sorted for it (list vote only, blank) is
# only taken and glanced at: the decision was made twice at sorting (art. 159), there is nothing to find ("glance").
# Starting a pile (take it, read its label and hand count) costs "pile" besides its header keys.


@dataclass(frozen=True)
class TimeModel:
    name: str
    key: float  # s per keystroke
    read: float  # s to take a ballot, find its marks on a 12-15 column ballot, check the screen
    glance: float  # s for a one-key ballot in a pile sorted for it
    pile: float  # s to start a pile, besides its header keys
    why: str


CONSERVATIVE = TimeModel(
    "conservative",
    key=0.30,
    read=2.0,
    glance=1.0,
    pile=1.35,
    why=(
        "K = 0.30 s: KLM average non-secretary typist 0.28 s, and 12,000 keys/h, the top of trained 10-key operators "
        "(whose rate includes reading); read = 2.0 s: one KLM M (1.35 s) to find and judge the marks, plus handling; "
        "glance = 1.0 s: handling and a look, no search or decision; pile = one M (1.35 s)"
    ),
)
VOLUNTEER = TimeModel(
    "volunteer",
    key=0.50,
    read=3.0,
    glance=1.5,
    pile=2.7,
    why=(
        "an assessor who never used a 10-key pad: K = 0.50 s, KLM 'typing random letters' (7,200 keys/h, below "
        "the trained range); read = 3.0 s and glance = 1.5 s (x1.5); pile = two M (2.7 s)"
    ),
)
MODELS = (CONSERVATIVE, VOLUNTEER)


# --- measuring ---


@dataclass(frozen=True)
class Measured:
    """Keys of one mix: per pile its header keys and the keys of every ballot, with the ballot's kind."""

    label: str
    mix: Mix
    header_keys: tuple[int, ...]  # per pile
    ballot_keys: tuple[tuple[int, ...], ...]  # per pile, per ballot
    glances: tuple[tuple[bool, ...], ...]  # per pile, per ballot: a bare Enter in a pile sorted for it
    declarations: tuple[PileKind, ...]
    keys: tuple[Key, ...]  # the whole pass
    bottom_up: tuple[tuple[int, ...], ...]  # per pile, per ballot: keys when each group is typed bottom-up
    all_mixed: int  # the whole pass with every pile declared mixed
    cli_keys: int
    cli_seconds: float

    @property
    def ballots(self) -> int:
        return sum(len(p) for p in self.ballot_keys)

    @property
    def total_keys(self) -> int:
        return sum(self.header_keys) + sum(sum(p) for p in self.ballot_keys)


def measure(label: str, election: Election, mix: Mix, candidates_csv: Path, folder: Path) -> Measured:
    """Every key of the mix: the whole pass once through `tabula keys encode`, then per pile and per ballot."""
    piles = mix.piles
    whole = encode_pass(election, piles)
    pass_file = folder / f"{label.replace(' ', '-')}.csv"
    write_pass_file(piles, pass_file)
    cli, seconds = _cli_encode(election, candidates_csv, pass_file)
    if cli != whole:
        raise SystemExit(f"{label}: `tabula keys encode` gives {len(cli)} keys, encode_pass {len(whole)}")
    headers, ballots, glances, kinds, bottom_up = [], [], [], [], []
    for i, (_, pile) in enumerate(piles):
        declaration = declaration_for(election, pile)
        keys = tuple(len(encode_ballot(election, declaration, b)) for b in pile)
        # the header of pile i: what pile i adds to the pass after pile i-1 (which sets the proposed pile number)
        before = piles[i - 1 : i]
        added = len(encode_pass(election, (*before, piles[i]))) - len(encode_pass(election, before))
        headers.append(added - sum(keys))
        ballots.append(keys)
        bottom_up.append(tuple(bottom_up_keys(election, declaration, b) or k for b, k in zip(pile, keys, strict=True)))
        # a pile sorted for one-key ballots (list vote only, blank): every ballot is a bare Enter
        sorted_for = declaration.kind in (PileKind.LIST_VOTE, PileKind.BLANK) and set(keys) == {1}
        glances.append((sorted_for,) * len(keys))
        kinds.append(declaration.kind)
    measured = Measured(
        label,
        mix,
        tuple(headers),
        tuple(ballots),
        tuple(glances),
        tuple(kinds),
        whole,
        tuple(bottom_up),
        len(all_mixed_keys(election, piles)),
        len(cli),
        seconds,
    )
    if measured.total_keys != len(whole):
        raise SystemExit(f"{label}: piles and ballots add up to {measured.total_keys} keys, the pass to {len(whole)}")
    return measured


def all_mixed_keys(election: Election, piles: Sequence[tuple[int, Sequence[Ballot]]]) -> tuple[Key, ...]:
    """The pass with every pile declared mixed (only Enter at "What is in it?"), as an operator would declare a pile
    that nobody sorted; checked by decoding it with the kiosk's machine."""
    keys: list[Key] = []
    for _, ballots in piles:  # numbered 1..n: the proposed pile number is always right
        keys += (Key.ENTER, Key.ENTER, *keys_of_number(len(ballots)), Key.ENTER)
        for ballot in ballots:
            keys += encode_ballot(election, MIXED, ballot)
    if decode_pass(election, keys) != tuple((n, tuple(b)) for n, b in piles):
        raise SystemExit("the pass declared mixed throughout does not decode to the same piles")
    return tuple(keys)


def bottom_up_keys(election: Election, declaration: Declaration, ballot: Ballot) -> int | None:
    """Keys for a valid ballot when the numbers of each group are typed from the bottom of the column up (descending)
    instead of top-down as the encoder writes them: a two-digit number is never continued, so `.` is rarely needed.

    Built from the grammar's rule (docs/keypad.md: `.` only where the next digit would continue the number) and
    checked with the kiosk's own reader; None for the ballots this does not cover (other lists, statuses) or if the
    reader disagrees.
    """
    lists = {m.list_number for m in ballot.marks}
    if ballot.status is not Status.NONE or len(lists) != 1 or ballot.marks == {Mark(next(iter(lists)), Box.LIST)}:
        return None
    (number,) = lists
    lst = election.list_by_number(number)
    assert lst is not None
    keys: list[Key] = []
    # the number typed last and the numbers it could still become (None: nothing pending, no `.` needed)
    pending: tuple[int, tuple[int, ...]] | None = None
    if declaration.kind in (PileKind.MIXED, PileKind.BLANK, PileKind.INVALID):
        keys += keys_of_number(number)  # the group's list number first
        pending = (number, tuple(other.number for other in election.lists))
    elif not (declaration.kind is PileKind.PREFERENCE and declaration.list_number == number):
        return None
    if Mark(number, Box.LIST) in ballot.marks:
        keys.append(Key.STAR)
        pending = None
    for box, size in ((Box.TITULAR, len(lst.titulars)), (Box.SUCCESSOR, len(lst.successors))):
        positions = sorted((m.position for m in ballot.marks if m.box is box), reverse=True)
        if positions and box is Box.SUCCESSOR:
            keys.append(Key.MINUS)
            pending = None
        for position in positions:
            if pending is not None and _continues(*pending, position):
                keys.append(Key.DOT)
            keys += keys_of_number(position)
            pending = (position, tuple(range(1, size + 1)))
    if read_ballot(election, declaration, keys).ballot != ballot:
        return None
    return len(keys) + 1  # Enter


def _continues(typed: int, domain: tuple[int, ...], following: int) -> bool:
    """Whether the first digit of `following` would continue `typed` into a number of `domain`."""
    start = str(typed) + str(following)[0]
    return any(str(n).startswith(start) for n in domain)


def _cli_encode(election: Election, candidates_csv: Path, pass_file: Path) -> tuple[tuple[Key, ...], float]:
    tabula = Path(sys.executable).with_name("tabula")
    command = [
        str(tabula),
        "keys",
        "encode",
        "--candidates",
        str(candidates_csv),
        "--election",
        election.code.value,
        "--constituency",
        election.constituency,
        str(pass_file),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()}")
    return tuple(Key(line.strip()) for line in done.stdout.splitlines() if line.strip()), took


def write_candidates(election: Election, path: Path) -> None:
    """The contract's candidates.csv for one election."""
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["election", "constituency", "list", "list_name", "kind", "position", "name"])
        for lst in election.lists:
            for c in (*lst.titulars, *lst.successors):
                out.writerow(
                    [election.code.value, election.constituency, lst.number, lst.name, c.kind.value, c.position, c.name]
                )


# --- time ---


def pile_seconds(m: Measured, model: TimeModel) -> list[float]:
    """One operator's time for each pile of one pass."""
    out = []
    for header, keys, glances in zip(m.header_keys, m.ballot_keys, m.glances, strict=True):
        ballots = sum(k * model.key + (model.glance if g else model.read) for k, g in zip(keys, glances, strict=True))
        out.append(model.pile + header * model.key + ballots)
    return out


def two_keypads(durations: Sequence[float]) -> float:
    """Pass 1 of pile k beside pass 2 of pile k-1: pass 2 of a pile starts once its pass 1 and the previous pass 2
    are done. Wall time until the last pass 2 ends (about one pass plus one pile)."""
    first_done = second_done = 0.0
    for d in durations:
        first_done += d
        second_done = max(second_done, first_done) + d
    return second_done


# --- printing ---


def nearest_rank(values: Sequence[float], q: float) -> float:
    """The q-quantile by nearest rank (a value that occurs): used for every median and p90 printed here."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def hours(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min"


def print_keys(m: Measured, kind: str) -> None:
    piles = m.mix.piles
    short = sum(1 for _, p in piles if len(p) < 50)
    declared: dict[str, int] = defaultdict(int)
    for d in m.declarations:
        declared[d.value] += 1
    per_ballot = m.cli_keys / m.ballots
    goal = GOAL_KEYS[kind]
    print(
        f"  {kind}: {len(piles)} piles ({short} under 50); declarations: "
        + ", ".join(f"{k} {n}" for k, n in sorted(declared.items()))
    )
    print(
        f"    keys (tabula keys encode, whole pass, {m.cli_seconds:.1f} s; = len(encode_pass)): {m.cli_keys:,} = "
        f"{per_ballot:.2f} per ballot (goal ≤ {goal}: {'met' if per_ballot <= goal else 'MISSED'})"
    )
    print(
        f"    pile headers: {sum(m.header_keys):,} keys = {sum(m.header_keys) / m.ballots:.2f} per ballot "
        f"(median {nearest_rank(m.header_keys, 0.5):.0f}, p90 {nearest_rank(m.header_keys, 0.9):.0f} per pile)"
    )
    by_kind: dict[BallotKind, list[int]] = defaultdict(list)
    for keys, kinds in zip(m.ballot_keys, m.mix.kinds, strict=True):
        for k, b in zip(keys, kinds, strict=True):
            by_kind[b].append(k)
    print(f"    {'ballot':<10}{'n':>6}{'share':>8}{'mean':>7}{'median':>8}{'p90':>5}{'max':>5}{'keys':>8}{'of all':>8}")
    for b in BallotKind:
        ks = by_kind.get(b, [])
        if not ks:
            continue
        print(
            f"    {b.value:<10}{len(ks):>6}{len(ks) / m.ballots:>8.1%}{statistics.mean(ks):>7.2f}"
            f"{nearest_rank(ks, 0.5):>8.0f}{nearest_rank(ks, 0.9):>5.0f}{max(ks):>5}{sum(ks):>8,}"
            f"{sum(ks) / m.cli_keys:>8.1%}"
        )
    every = [k for p in m.ballot_keys for k in p]
    print(
        f"    {'all':<10}{len(every):>6}{1:>8.1%}{statistics.mean(every):>7.2f}{nearest_rank(every, 0.5):>8.0f}"
        f"{nearest_rank(every, 0.9):>5.0f}{max(every):>5}{sum(every):>8,}{sum(every) / m.cli_keys:>8.1%}"
    )
    by_symbol: dict[str, int] = defaultdict(int)
    for key in m.keys:
        by_symbol["digits" if key.digit is not None else key.symbol] += 1
    print(
        "    where the keys go: "
        + ", ".join(
            f"{sym} {n:,} ({n / m.ballots:.2f}/ballot)" for sym, n in sorted(by_symbol.items(), key=lambda x: -x[1])
        )
    )
    if kind == "unsorted":
        print(
            f"    declared mixed throughout (what an operator declares for a pile nobody sorted; the encoder declares "
            f"a list or blank where cheaper): {m.all_mixed:,} keys = {m.all_mixed / m.ballots:.2f} per ballot"
        )
    saved = sum(every) - sum(k for p in m.bottom_up for k in p)
    print(
        f"    typing each group bottom-up (highest number first) instead of top-down: {saved:,} keys fewer = "
        f"{(m.cli_keys - saved) / m.ballots:.2f} per ballot (checked with the kiosk's reader)"
    )


def print_times(results: dict[str, Measured]) -> None:
    goal = GOAL_WALL_HOURS * 3600
    print(f"  operator time for the bureau ({BALLOTS:,} ballots x 2 passes = {2 * BALLOTS:,} entries):")
    print(f"    {'':<14}{'':<40}" + "".join(f"{kind:>16}" for kind in results))
    for model in MODELS:
        per_pass = {kind: pile_seconds(m, model) for kind, m in results.items()}
        rows = (
            ("one pass, one operator", [sum(d) for d in per_pass.values()], False),
            ("both passes, one keypad", [2 * sum(d) for d in per_pass.values()], False),
            (
                f"both passes, two keypads (goal < {GOAL_WALL_HOURS:.0f} h)",
                [two_keypads(d) for d in per_pass.values()],
                True,
            ),
        )
        for i, (row, values, judged) in enumerate(rows):
            cells = "".join(f"{hours(v):>12}{('  ok' if v < goal else ' >2h') if judged else '':>4}" for v in values)
            print(f"    {model.name if i == 0 else '':<14}{row:<40}{cells}".rstrip())
        for kind, m in results.items():
            seconds = [
                k * model.key + (model.glance if g else model.read)
                for keys, glances in zip(m.ballot_keys, m.glances, strict=True)
                for k, g in zip(keys, glances, strict=True)
            ]
            typing = sum(k for p in m.ballot_keys for k in p) * model.key / sum(seconds)
            print(
                f"    {'':<14}{kind} ballots: mean {statistics.mean(seconds):.2f} s, median "
                f"{nearest_rank(seconds, 0.5):.2f} s, p90 {nearest_rank(seconds, 0.9):.2f} s each; "
                f"keys are {typing:.0%} of it"
            )


def run(title: str, election: Election, profile: Profile, folder: Path) -> dict[tuple[str, str], float]:
    """Print the figures of one election; return the wall time with two keypads per (model, sorted/unsorted)."""
    candidates_csv = folder / f"candidates-{election.code.value}.csv"
    write_candidates(election, candidates_csv)
    drawn = draw(election, profile)
    kinds: dict[BallotKind, int] = defaultdict(int)
    for d in drawn:
        kinds[d.kind] += 1
    valid = [d for d in drawn if d.kind in (BallotKind.SC1, BallotKind.SC2, BallotKind.SC3, BallotKind.SC4)]
    titular = [_count(d.ballot, Box.TITULAR) for d in valid if d.kind in (BallotKind.SC2, BallotKind.SC3)]
    successor = [_count(d.ballot, Box.SUCCESSOR) for d in valid if d.kind in (BallotKind.SC3, BallotKind.SC4)]
    sizes = {len(lst.titulars) for lst in election.lists}, {len(lst.successors) for lst in election.lists}
    print(
        f"\n== {title}: {len(election.lists)} lists, titulars per list {sorted(sizes[0])}, "
        f"successors {sorted(sizes[1])}"
    )
    print(f"  mix: {profile.source}; seed {SEED}")
    print("  drawn: " + ", ".join(f"{b.value} {kinds[b]}" for b in BallotKind))
    print(
        f"    SC1 {kinds[BallotKind.SC1] / len(valid):.1%} of valid (reference {profile.sc1_share:.1%}); "
        f"titular marks per SC2/SC3 ballot: mean {statistics.mean(titular):.2f} (reference "
        f"{profile.mean_marks[0]:.2f}), median {nearest_rank(titular, 0.5):.0f}, p90 {nearest_rank(titular, 0.9):.0f}; "
        f"successor marks per SC3/SC4 ballot: mean {statistics.mean(successor):.2f} (reference "
        f"{profile.mean_marks[1]:.2f}), median {nearest_rank(successor, 0.5):.0f}, "
        f"p90 {nearest_rank(successor, 0.9):.0f}"
    )
    results = {
        "sorted": measure(f"{election.code.value} sorted", election, sorted_mix(drawn), candidates_csv, folder),
        "unsorted": measure(f"{election.code.value} unsorted", election, unsorted_mix(drawn), candidates_csv, folder),
    }
    for kind, m in results.items():
        print_keys(m, kind)
    print_times(results)
    return {(model.name, kind): two_keypads(pile_seconds(m, model)) for model in MODELS for kind, m in results.items()}


def _count(ballot: Ballot, box: Box) -> int:
    return sum(1 for m in ballot.marks if m.box is box)


def main() -> None:
    print("Entry throughput on the numeric keypad: keys and operator time for a 2,400-ballot bureau (both passes)")
    print("Time model (seconds; figures from the keystroke-level model (KLM): Card, Moran & Newell, CACM 23(7), 1980,")
    print("K = 0.28 s average non-secretary typist, 0.50 s random letters, M = 1.35 s; 10-key data entry: 8,000-12,000")
    print("keys/h for trained operators, reading included):")
    for model in MODELS:
        print(
            f"  {model.name}: key {model.key} s, read {model.read} s, glance {model.glance} s, "
            f"pile start {model.pile} s — {model.why}"
        )
    split = ", ".join(f"{name} {share:.0%}" for name, share in NOT_VALID_SPLIT.items())
    print(
        f"Mix: blank-or-invalid at the constituency's rate, split {split} (after Pilet et al., Politics of the Low "
        f"Countries 1(3), 2019); contested {CONTESTED_RATE:.1%} [assumed]; list box ticked besides candidates on "
        f"{LIST_BOX_WITH_CANDIDATES:.0%} of preference ballots [assumed]. Sorted (art. 159): per list its SC1 stack, "
        "then its SC2/SC3/SC4 stack; blank; invalid; contested; each stack in piles of 50. Unsorted: drawn order, "
        "piles of 50. Medians and p90 are nearest-rank."
    )
    walls: dict[str, dict[tuple[str, str], float]] = {}
    with tempfile.TemporaryDirectory(prefix="tabula-entry-") as tmp:
        folder = Path(tmp)
        chamber = chamber_2024()
        base = chamber_profile()
        walls["Chamber Antwerp"] = run("Chamber, Antwerp 2024 (real lists and votes)", chamber, base, folder)
        flemish = synthetic(ElectionCode.VL, 15, 33, 16)
        walls["Flemish Antwerp"] = run(
            "Flemish Parliament, Antwerp (15 lists x 33+16; STAND-IN: the Antwerp Chamber shares and preference "
            "votes, lists 13-15 repeat the smallest Chamber lists)",
            flemish,
            stand_in_profile(flemish, base),
            folder,
        )
    print(f"\nFinished tonight? Both passes with two keypads (goal < {GOAL_WALL_HOURS:.0f} h of keypad time):")
    for election, wall in walls.items():
        print(
            f"  {election}: "
            + "; ".join(
                f"{model.name} {hours(wall[(model.name, 'sorted')])} sorted, "
                f"{hours(wall[(model.name, 'unsorted')])} unsorted"
                for model in MODELS
            )
        )


if __name__ == "__main__":
    main()
