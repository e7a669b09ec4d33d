"""A small election and one ballot of every kind of art. 156 §2, shared by the golden-file and round-trip tests."""

from __future__ import annotations

import re

from app.counting.model import Ballot, BallotRef, Box, ElectionCode, InvalidReason, Status
from tests.eml.conftest import mark
from tests.reference import synthetic

SMALL = synthetic(ElectionCode.VL, lists=3, titulars=3, successors=2)

EVERY_KIND: list[tuple[BallotRef, Ballot]] = [
    (BallotRef(1, 1), Ballot(frozenset({mark(1, Box.LIST)}))),  # SC1
    (BallotRef(1, 2), Ballot(frozenset({mark(2, Box.TITULAR, 1), mark(2, Box.TITULAR, 3)}))),  # SC2
    (BallotRef(1, 3), Ballot(frozenset({mark(3, Box.TITULAR, 2), mark(3, Box.SUCCESSOR, 1)}))),  # SC3
    (BallotRef(1, 4), Ballot(frozenset({mark(1, Box.SUCCESSOR, 2)}))),  # SC4
    # art. 156 §2: list box + candidates of the same list -> the list vote is void, the candidates count (SC2)
    (BallotRef(1, 5), Ballot(frozenset({mark(2, Box.LIST), mark(2, Box.TITULAR, 2)}))),
    (BallotRef(1, 6), Ballot()),  # blank
    (BallotRef(2, 1), Ballot(frozenset({mark(1, Box.LIST), mark(3, Box.LIST)}))),  # two list boxes
    (BallotRef(2, 2), Ballot(frozenset({mark(1, Box.LIST), mark(2, Box.TITULAR, 1)}))),  # box + other list
    (
        BallotRef(2, 3),
        Ballot(frozenset({mark(3, Box.LIST)}), Status.DECLARED_INVALID, InvalidReason.IDENTIFYING_MARK),
    ),
    (BallotRef(2, 4), Ballot(frozenset(), Status.DECLARED_INVALID, InvalidReason.NOT_OFFICIAL)),
    (BallotRef(2, 5), Ballot(frozenset({mark(2, Box.TITULAR, 1)}))),  # contested, decided valid
]
CONTESTED = (BallotRef(2, 5),)

_VOLATILE = re.compile(rb"(<ds:(?:DigestValue|SignatureValue|X509Certificate)>)[^<]*(</ds:)")
_VERSION = re.compile(rb"(<tabula:SoftwareVersion>)[^<]*(</tabula:)")


def normalise(data: bytes) -> bytes:
    """Signatures and certificates differ on every run (fresh keys, ECDSA nonces), the software version with every
    release: blank them for golden files."""
    return _VERSION.sub(rb"\1...\2", _VOLATILE.sub(rb"\1...\2", data))
