"""Fixtures for the EML tests: a PKI valid at the wall-clock time (for xmlsec1) and realistic ballots."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

import pytest

from app.counting.classify import classify
from app.counting.model import Ballot, BallotRef, Box, Election, InvalidReason, ListNumber, Mark, Position, Status
from app.signing import pki
from app.signing.signer import KeySigner
from app.signing.xmldsig import verify_chain

ISSUE_DATE = dt.datetime(2024, 6, 9, 21, 30, tzinfo=dt.UTC)


class LivePki:
    """Like the shared `test_pki`, but valid now: xmlsec1 checks certificates against the wall clock.

    (The shared fixture's certificates start on 2026-05-01 and the bureau ones last 180 days.)
    """

    def __init__(self, key_type: pki.KeyType = pki.KeyType.EC_P256) -> None:
        self.now = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=1)
        self.root = pki.make_root_ca(self.now, key_type=key_type)
        self.issuing = pki.make_issuing_ca(self.root, self.now, key_type=key_type)
        self.key_type = key_type
        self._signers: dict[str, KeySigner] = {}

    def signer(self, station_id: str) -> KeySigner:
        if station_id not in self._signers:
            station = pki.make_station_certificate(self.issuing, station_id, self.now, key_type=self.key_type)
            self._signers[station_id] = KeySigner(
                station.key, station.certificate, (station.certificate, self.issuing.certificate)
            )
        return self._signers[station_id]

    @property
    def at(self) -> dt.datetime:
        return self.now + dt.timedelta(hours=2)


@pytest.fixture(scope="session")
def live_pki() -> LivePki:
    live = LivePki()
    verify_chain(live.signer("A-001").certificate, [live.issuing.certificate], live.root.certificate, live.at)
    return live


@pytest.fixture(scope="session")
def rsa_pki() -> LivePki:
    return LivePki(pki.KeyType.RSA_3072)


def random_ballot(election: Election, rng: random.Random) -> Ballot:
    """A ballot drawn to cover every case of art. 156 §2 with realistic weights."""
    lists = election.lists
    roll = rng.random()
    lst = rng.choice(lists)
    marks: set[Mark] = set()
    if roll < 0.03:
        return Ballot()
    if roll < 0.05:
        other = rng.choice([x for x in lists if x.number != lst.number])
        marks = {Mark(lst.number, Box.LIST), Mark(other.number, Box.TITULAR, Position(1))}
    elif roll < 0.40:
        marks = {Mark(lst.number, Box.LIST)}
    else:
        for p in rng.sample(range(1, len(lst.titulars) + 1), rng.randint(0, min(4, len(lst.titulars)))):
            marks.add(Mark(lst.number, Box.TITULAR, Position(p)))
        if lst.successors and rng.random() < 0.3:
            marks.add(Mark(lst.number, Box.SUCCESSOR, Position(rng.randint(1, len(lst.successors)))))
        if not marks or rng.random() < 0.1:
            marks.add(Mark(lst.number, Box.LIST))
    if rng.random() < 0.02:
        return Ballot(frozenset(marks), Status.DECLARED_INVALID, rng.choice(list(InvalidReason)))
    return Ballot(frozenset(marks))


def make_ballots(election: Election, n: int, seed: int = 2024) -> list[tuple[BallotRef, Ballot]]:
    rng = random.Random(seed)
    return [(BallotRef(i // 50 + 1, i % 50 + 1), random_ballot(election, rng)) for i in range(n)]


def mark(list_number: int, box: Box, position: int = 0) -> Mark:
    return Mark(ListNumber(list_number), box, Position(position))


# ---------------------------------------------------------------------------------------------------- writers
# Every message a test writes goes through these, so each one is also checked against the schemas.


def votes_file(
    election: Election,
    ballots: Sequence[tuple[BallotRef, Ballot]],
    signer: KeySigner,
    station: str = "A-001",
    contested: Sequence[BallotRef] = (),
) -> bytes:
    from app.eml.schemas import validate
    from app.eml.votes import entries, write_votes

    data = write_votes(station, election, entries(ballots), signer, issue_date=ISSUE_DATE, contested=contested)
    assert validate(data) == []
    return data


def count_file(
    election: Election, ballots: Sequence[tuple[BallotRef, Ballot]], signer: KeySigner, station: str = "A-001"
) -> bytes:
    from app.counting.tally import tally
    from app.eml.count import write_count
    from app.eml.schemas import validate

    data = write_count(
        station, election, tally(election, (classify(b) for _, b in ballots)), signer, issue_date=ISSUE_DATE
    )
    assert validate(data) == []
    return data
