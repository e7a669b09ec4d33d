"""The code values of the Tabula Belgian EML profile (see PROFILE.md); one place, so writers and readers agree.

Belgian data lives in OASIS EML's own open attributes, with these values:
- `Category` (460 Contest): the sub-category of a valid ballot, `SC1`..`SC4` (art. 156 §1 al. 2; art. 159);
- `Spoilt` (460 Contest): `blank`, or the cause of an invalid ballot (`several-lists`, `not-official`, ...);
- `RejectedVotes@ReasonCode` (510): the same codes as `Spoilt`;
- `CountMetric@Type` (510): `SC1`..`SC4`, `titular-votes`, `successor-votes` on a list row; `valid`, `invalid`,
  `blank-or-invalid` on the bureau;
- `CandidateIdentifier@Id`: `T<n>` titular at position n, `S<n>` successor at position n, within its list;
- `ProposedRejection@ReasonCode` (460 CastVote): `contested` for a ballot contested during entry and decided;
- `CastVote@Category`: in a pass file, the pass the reading belongs to (`pass1`, `pass2`); in the final 460, how a
  ballot of a pile the bureau decided came to be (`agreed`, `decided`, `overruled`; absent: no decision).
"""

from __future__ import annotations

import re

from app.counting.classify import InvalidCause, SubCategory
from app.counting.model import BallotRef, Kind, Position

NS = "urn:oasis:names:tc:evs:schema:eml"
PROFILE_NS = "urn:tabula:be:eml:ext:1"  # the namespace of our profile schema (xsd/tabula-be-eml-ext-1.xsd)
SCHEMA_VERSION = "5.0"

BLANK = "blank"
CONTESTED = "contested"
SPOILT_CODES: tuple[str, ...] = (BLANK, *(cause.value for cause in InvalidCause))
CATEGORY_CODES: tuple[str, ...] = tuple(sc.name for sc in SubCategory)
METRIC_VALID = "valid"
METRIC_INVALID = "invalid"
METRIC_BLANK_OR_INVALID = "blank-or-invalid"
METRIC_TITULAR_VOTES = "titular-votes"  # a list's votes for all its titulars (the decree: at least SC2 + SC3)
METRIC_SUCCESSOR_VOTES = "successor-votes"  # for all its successors (at least SC3 + SC4); only with successors
PASS_CODES: tuple[str, ...] = ("pass1", "pass2")  # CastVote@Category of a reading in pass 1 / pass 2
PROVENANCE_CODES: tuple[str, ...] = ("agreed", "decided", "overruled")  # CastVote@Category of a decided ballot

_CANDIDATE_ID = re.compile(r"([TS])([1-9][0-9]{0,3})")
_BALLOT_ID = re.compile(r"([1-9][0-9]{0,5})-([1-9][0-9]{0,5})")
_NOT_NMTOKEN = re.compile(r"[^A-Za-z0-9._:-]+")


def category_code(category: SubCategory) -> str:
    return category.name


def parse_category(code: str) -> SubCategory | None:
    return SubCategory[code] if code in CATEGORY_CODES else None


def candidate_id(kind: Kind, position: int) -> str:
    """`T3` is the third titular of its list, `S2` the second successor (the Belgian distinction, art. 156)."""
    return f"{kind.value}{position}"


def parse_candidate_id(text: str | None) -> tuple[Kind, Position] | None:
    match = _CANDIDATE_ID.fullmatch(text or "")
    if match is None:
        return None
    return Kind(match.group(1)), Position(int(match.group(2)))


def ballot_id(ref: BallotRef) -> str:
    """`BallotIdentifier@Id` of a ballot: `<pile>-<position>` (an NMTOKEN; C5: piles and positions, no numbers)."""
    return f"{ref.pile}-{ref.position}"


def parse_ballot_id(text: str | None) -> BallotRef | None:
    match = _BALLOT_ID.fullmatch(text or "")
    return BallotRef(int(match.group(1)), int(match.group(2))) if match else None


def contest_id(constituency: str) -> str:
    """An NMTOKEN for `ContestIdentifier@Id`; the exact constituency name goes into `ContestName`."""
    return _NOT_NMTOKEN.sub("_", constituency.strip()) or "_"


def pass_code(pass_no: int) -> str:
    """`CastVote@Category` of every reading in the file of pass 1 or pass 2."""
    return PASS_CODES[pass_no - 1]


def parse_pass_code(code: str | None) -> int | None:
    return PASS_CODES.index(code) + 1 if code in PASS_CODES else None
