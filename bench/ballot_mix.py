"""A realistic 2,400-ballot mix of one counting bureau, drawn from the official 2024 Antwerp Chamber results, sorted
as a bureau sorts it (art. 159) and, for comparison, unsorted.

Used by `bench/entry_throughput.py` and `tests/test_bench_mix.py`. Plain data in, plain data out; the only I/O is
reading the reference tables and `write_pass_file`.

How a ballot is drawn (seeded `random.Random`, so every run gives the same mix):
- valid ballots: the list by its share of CE (stemcijfer), the sub-category by that list's SC1..SC4 shares, the number
  of titular marks of an SC2/SC3 ballot from a geometric distribution truncated to the list's titulars whose mean is
  the list's `sum_titular_pref_votes / (SC2 + SC3)` (successors likewise with `/ (SC3 + SC4)`), and the candidates
  without replacement, weighted by their real preference votes;
- blank and invalid ballots at the constituency's rate (`blank_or_invalid / (valid + blank_or_invalid)`), split as
  described at `NOT_VALID_SPLIT`; contested ballots at 1 in 1,000.
"""

from __future__ import annotations

import csv
import enum
import functools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.counting.model import Ballot, Box, Election, InvalidReason, ListNumber, Mark, Position, Status
from app.counting.notation import format_marks, format_status
from tests.reference import REFERENCE

ANTWERP = "Kieskring Antwerpen"
BALLOTS = 2400
PILE_SIZE = 50  # app.counting.double_entry.MAX_PILE_SIZE: a pile the bureau counts by hand
SEED = 20240609  # election day

# Blank vs invalid. The official figures merge them ("blanco of ongeldig"). The only published split we found is
# Pilet, Sanhuza, Talukder et al., "Opening the Opaque Blank Box", Politics of the Low Countries 1(3), 2019,
# pp. 182-204: in a sample of 13,243 blank-or-invalid paper ballots of the 2018 Walloon local elections, a third were
# blank and two thirds null, half of those unintentionally (e.g. votes on two lists), half intentionally (text,
# drawings, every list ticked). We assume the same split for a federal election in Antwerp:
# - 1/3 blank;
# - 1/3 unintended null: marks on two lists (a list vote or a candidate on each; art. 156 §2);
# - 1/6 intended null by marks: the list boxes of two to four lists ticked;
# - 1/6 intended null by writing or drawing: declared invalid by the bureau with a reason (art. 156 §2: identifying
#   mark, altered ballot, other), half of them without any vote, half with a vote for one list besides the writing.
NOT_VALID_SPLIT = {"blank": 2 / 6, "votes on two lists": 2 / 6, "several list boxes": 1 / 6, "declared invalid": 1 / 6}
_DECLARED_REASONS = (InvalidReason.IDENTIFYING_MARK, InvalidReason.OTHER, InvalidReason.ALTERED)
_DECLARED_WEIGHTS = (5, 4, 1)
# Contested ballots (the bureau decides later, art. 159): about 1 in 1,000 [assumption, no published figure]. They
# look like valid ballots with a doubtful extra sign.
CONTESTED_RATE = 1 / 1000
# A voter who ticks the list box and candidates of the same list (the list vote is void, art. 156 §2; the ballot is
# SC2/SC3/SC4 by its candidates) [assumption: 5 % of preference ballots, no published figure]. It costs one `*`.
LIST_BOX_WITH_CANDIDATES = 0.05


class BallotKind(enum.Enum):
    """What a ballot is, for reporting: a sub-category of a valid ballot, blank, invalid, or contested."""

    SC1 = "SC1"  # list vote only
    SC2 = "SC2"  # titulars only
    SC3 = "SC3"  # titulars and successors
    SC4 = "SC4"  # successors only
    BLANK = "blank"
    INVALID = "invalid"
    CONTESTED = "contested"


@dataclass(frozen=True)
class ListProfile:
    """One list's real figures: the sub-categories, preference-vote weights per position, mean marks per ballot."""

    number: ListNumber
    sc: tuple[int, int, int, int]  # SC1..SC4
    titular_votes: tuple[int, ...]  # by position
    successor_votes: tuple[int, ...]
    mean_titular_marks: float  # per SC2/SC3 ballot
    mean_successor_marks: float  # per SC3/SC4 ballot

    @property
    def ce(self) -> int:
        return sum(self.sc)


@dataclass(frozen=True)
class Profile:
    """What a constituency's voters did: per list, and the share of blank-or-invalid ballots."""

    lists: tuple[ListProfile, ...]
    blank_or_invalid_rate: float
    source: str

    @property
    def mean_marks(self) -> tuple[float, float]:
        """Titular marks per SC2/SC3 ballot and successor marks per SC3/SC4 ballot, over all lists."""
        titular = sum(lst.mean_titular_marks * (lst.sc[1] + lst.sc[2]) for lst in self.lists)
        successor = sum(lst.mean_successor_marks * (lst.sc[2] + lst.sc[3]) for lst in self.lists)
        return (
            titular / sum(lst.sc[1] + lst.sc[2] for lst in self.lists),
            successor / sum(lst.sc[2] + lst.sc[3] for lst in self.lists),
        )

    @property
    def sc1_share(self) -> float:
        """SC1 ballots over valid ballots."""
        return sum(lst.sc[0] for lst in self.lists) / sum(lst.ce for lst in self.lists)


@dataclass(frozen=True)
class Drawn:
    ballot: Ballot
    kind: BallotKind


@dataclass(frozen=True)
class Mix:
    """Piles in entry order, numbered 1..n, and the kind of every ballot (same shape as the piles)."""

    piles: tuple[tuple[int, tuple[Ballot, ...]], ...]
    kinds: tuple[tuple[BallotKind, ...], ...]

    def ballots(self) -> list[Ballot]:
        return [b for _, pile in self.piles for b in pile]


# --- the reference data ---


def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def chamber_profile(constituency_nl: str = ANTWERP) -> Profile:
    """The real 2024 Chamber figures of one constituency (lists.csv, candidates.csv, constituencies.csv)."""
    (place,) = [r for r in _rows("constituencies.csv") if r["label_nl"] == constituency_nl]
    valid, not_valid = int(place["valid_ballots"]), int(place["blank_or_invalid_ballots"])
    candidates = [r for r in _rows("candidates.csv") if r["constituency_nl"] == constituency_nl]
    lists = []
    for row in (r for r in _rows("lists.csv") if r["constituency_nl"] == constituency_nl):
        number = int(row["list_nr"])
        sc = tuple(
            int(row[c])
            for c in ("SC1_list_vote_only", "SC2_titulars_only", "SC3_titulars_and_successors", "SC4_successors_only")
        )
        mine = [c for c in candidates if int(c["list_nr"]) == number]
        lists.append(
            ListProfile(
                ListNumber(number),
                (sc[0], sc[1], sc[2], sc[3]),
                _votes(mine, "T"),
                _votes(mine, "S"),
                int(row["sum_titular_pref_votes"]) / max(1, sc[1] + sc[2]),
                int(row["sum_successor_pref_votes"]) / max(1, sc[2] + sc[3]),
            )
        )
    return Profile(
        tuple(sorted(lists, key=lambda lst: lst.number)),
        not_valid / (valid + not_valid),
        f"official 2024 Chamber results, {constituency_nl} ({REFERENCE.name})",
    )


def _votes(rows: list[dict[str, str]], kind: str) -> tuple[int, ...]:
    mine = sorted((r for r in rows if r["kind"] == kind), key=lambda r: int(r["nr_on_list"]))
    return tuple(int(r["preference_votes"]) for r in mine)


def stand_in_profile(election: Election, base: Profile) -> Profile:
    """`base`'s figures on an election of another size (e.g. the Flemish Parliament in Antwerp, 15 lists of 33 + 16).

    Lists are matched in ballot order; extra lists repeat the smallest lists of `base` (every Flemish ballot carries
    small lists too). A longer list stretches its model's preference votes over its positions, keeping the head of
    the list first and the last candidate (the lijstduwer) last. The mean marks per ballot stay those of the model.
    """
    by_size = sorted(base.lists, key=lambda lst: lst.ce)
    lists = []
    for i, lst in enumerate(election.lists):
        model = base.lists[i] if i < len(base.lists) else by_size[(i - len(base.lists)) % len(by_size)]
        lists.append(
            ListProfile(
                lst.number,
                model.sc,
                _stretched(model.titular_votes, len(lst.titulars)),
                _stretched(model.successor_votes, len(lst.successors)),
                model.mean_titular_marks,
                model.mean_successor_marks,
            )
        )
    return Profile(tuple(lists), base.blank_or_invalid_rate, f"stand-in: {base.source}, stretched to this election")


def _stretched(votes: tuple[int, ...], size: int) -> tuple[int, ...]:
    if size == 0 or not votes:
        return (1,) * size
    if size == 1:
        return (votes[0],)
    return tuple(votes[round((p * (len(votes) - 1)) / (size - 1))] for p in range(size))


# --- drawing ---


def draw(election: Election, profile: Profile, n: int = BALLOTS, seed: int = SEED) -> list[Drawn]:
    """n ballots in the order the bureau unfolds them (the boxes are mixed first, art. 159)."""
    sizes = {lst.number: (len(lst.titulars), len(lst.successors)) for lst in election.lists}
    if sizes != {lst.number: (len(lst.titular_votes), len(lst.successor_votes)) for lst in profile.lists}:
        raise ValueError("the profile does not describe this election's lists")
    rng = random.Random(seed)
    not_valid = round(n * profile.blank_or_invalid_rate)
    counts = _split(not_valid, NOT_VALID_SPLIT)
    contested = round(n * CONTESTED_RATE)
    drawn = [Drawn(Ballot(), BallotKind.BLANK) for _ in range(counts["blank"])]
    drawn += [_two_lists(rng, profile) for _ in range(counts["votes on two lists"])]
    drawn += [_many_list_boxes(rng, profile) for _ in range(counts["several list boxes"])]
    drawn += [_declared_invalid(rng, profile) for _ in range(counts["declared invalid"])]
    for _ in range(contested):
        valid = _valid(rng, profile)
        drawn.append(Drawn(Ballot(valid.ballot.marks, Status.CONTESTED), BallotKind.CONTESTED))
    drawn += [_valid(rng, profile) for _ in range(n - len(drawn))]
    rng.shuffle(drawn)
    return drawn


def _split(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Largest remainder: whole ballots that add up to `total`."""
    exact = {k: total * s for k, s in shares.items()}
    counts = {k: math.floor(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[: total - sum(counts.values())]:
        counts[k] += 1
    return counts


def _pick_list(rng: random.Random, profile: Profile) -> ListProfile:
    return rng.choices(profile.lists, weights=[lst.ce for lst in profile.lists])[0]


def _valid(rng: random.Random, profile: Profile) -> Drawn:
    lst = _pick_list(rng, profile)
    kind = rng.choices((BallotKind.SC1, BallotKind.SC2, BallotKind.SC3, BallotKind.SC4), weights=lst.sc)[0]
    if kind is BallotKind.SC1:
        return Drawn(Ballot(frozenset({Mark(lst.number, Box.LIST)})), kind)
    marks: set[Mark] = set()
    if kind in (BallotKind.SC2, BallotKind.SC3):
        marks |= _candidates(rng, lst.number, Box.TITULAR, lst.titular_votes, lst.mean_titular_marks)
    if kind in (BallotKind.SC3, BallotKind.SC4):
        marks |= _candidates(rng, lst.number, Box.SUCCESSOR, lst.successor_votes, lst.mean_successor_marks)
    if rng.random() < LIST_BOX_WITH_CANDIDATES:
        marks.add(Mark(lst.number, Box.LIST))
    return Drawn(Ballot(frozenset(marks)), kind)


def _candidates(rng: random.Random, number: ListNumber, box: Box, votes: tuple[int, ...], mean: float) -> set[Mark]:
    """How many: truncated geometric with the list's mean; who: weighted by real preference votes, no repeats."""
    k = rng.choices(range(1, len(votes) + 1), weights=_truncated_geometric(len(votes), mean))[0]
    positions = list(range(1, len(votes) + 1))
    weights = [max(v, 1) for v in votes]
    chosen = set()
    for _ in range(k):
        i = rng.choices(range(len(positions)), weights=weights)[0]
        chosen.add(Mark(number, box, Position(positions.pop(i))))
        weights.pop(i)
    return chosen


@functools.cache
def _truncated_geometric(size: int, mean: float) -> tuple[float, ...]:
    """Weights q^(k-1) for k = 1..size, with q found by bisection so that the mean number of marks is `mean`."""

    def weights(q: float) -> tuple[float, ...]:
        return tuple(q ** (k - 1) for k in range(1, size + 1))

    def mean_of(q: float) -> float:
        w = weights(q)
        return sum(k * x for k, x in zip(range(1, size + 1), w, strict=True)) / sum(w)

    low, high = 0.0, 10.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if mean_of(middle) < mean else (low, middle)
    return weights(low)


def _two_lists(rng: random.Random, profile: Profile) -> Drawn:
    first, second = _two_distinct(rng, profile)
    return Drawn(Ballot(frozenset({_one_vote(rng, first), _one_vote(rng, second)})), BallotKind.INVALID)


def _one_vote(rng: random.Random, lst: ListProfile) -> Mark:
    """A list vote or one candidate (weighted by preference votes) of that list."""
    if rng.random() < 0.5:
        return Mark(lst.number, Box.LIST)
    position = rng.choices(range(1, len(lst.titular_votes) + 1), weights=[max(v, 1) for v in lst.titular_votes])[0]
    return Mark(lst.number, Box.TITULAR, Position(position))


def _two_distinct(rng: random.Random, profile: Profile) -> tuple[ListProfile, ListProfile]:
    first = _pick_list(rng, profile)
    second = first
    while second.number == first.number:
        second = _pick_list(rng, profile)
    return first, second


def _many_list_boxes(rng: random.Random, profile: Profile) -> Drawn:
    chosen = rng.sample(profile.lists, rng.randint(2, min(4, len(profile.lists))))
    return Drawn(Ballot(frozenset(Mark(lst.number, Box.LIST) for lst in chosen)), BallotKind.INVALID)


def _declared_invalid(rng: random.Random, profile: Profile) -> Drawn:
    reason = rng.choices(_DECLARED_REASONS, weights=_DECLARED_WEIGHTS)[0]
    marks = frozenset() if rng.random() < 0.5 else _valid(rng, profile).ballot.marks
    return Drawn(Ballot(marks, Status.DECLARED_INVALID, reason), BallotKind.INVALID)


# --- sorting into piles ---


def stack_of(drawn: Drawn) -> tuple[int, int]:
    """The stack a sorting bureau puts a ballot on (art. 159), as an order key: per list its list votes (SC1), then
    its preference ballots (SC2, SC3, SC4, each kept together); then blank, invalid, and contested ballots apart.
    """
    kind = drawn.kind
    if kind is BallotKind.BLANK:
        return (1_000_000, 0)
    if kind is BallotKind.INVALID:
        return (1_000_001, 0)
    if kind is BallotKind.CONTESTED:
        return (1_000_002, 0)
    (number,) = {m.list_number for m in drawn.ballot.marks}
    return (number * 2 + (kind is not BallotKind.SC1), int(kind.value[2]))


def sorted_mix(drawn: Sequence[Drawn], pile_size: int = PILE_SIZE) -> Mix:
    """The bureau's sorted stacks, each split into piles of at most `pile_size` (the last one of a stack smaller)."""
    ordered = sorted(drawn, key=stack_of)  # stable: the drawn order within a sub-category
    stacks: dict[int, list[Drawn]] = {}
    for d in ordered:
        stacks.setdefault(stack_of(d)[0], []).append(d)
    chunks = [stack[i : i + pile_size] for stack in stacks.values() for i in range(0, len(stack), pile_size)]
    return _mix(chunks)


def unsorted_mix(drawn: Sequence[Drawn], pile_size: int = PILE_SIZE) -> Mix:
    """The same ballots as they come out of the mixed boxes, in piles of `pile_size`."""
    return _mix([list(drawn[i : i + pile_size]) for i in range(0, len(drawn), pile_size)])


def _mix(chunks: list[list[Drawn]]) -> Mix:
    return Mix(
        tuple((number, tuple(d.ballot for d in chunk)) for number, chunk in enumerate(chunks, start=1)),
        tuple(tuple(d.kind for d in chunk) for chunk in chunks),
    )


# --- files ---


def write_pass_file(piles: Sequence[tuple[int, Sequence[Ballot]]], path: Path) -> None:
    """The contract's pass file: `pile,position,marks,status`, one row per ballot in entry order."""
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["pile", "position", "marks", "status"])
        for number, ballots in piles:
            for position, ballot in enumerate(ballots, start=1):
                out.writerow([number, position, format_marks(ballot), format_status(ballot)])
