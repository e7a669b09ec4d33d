"""EML 460 (`Votes`): every ballot of a counting bureau, each signed on its own, the file signed as a whole (O1).

One `CastVote` per ballot, in the order given (see PROFILE.md for the full mapping):

    <CastVote [Category="agreed|decided|overruled"]>   (only for the ballots of a pile the bureau decided)
      <EventIdentifier/>                              (training: <EventQualifier Id="training">training</..>)
      <Election>
        <ElectionIdentifier Id="CK"/>
        <Contest Category="SC2">                      (valid: SC1..SC4; else Spoilt="blank" | invalid cause)
          <ContestIdentifier Id="Kieskring_Antwerpen"/>
          <Selection>                                 (one per marked list box: AffiliationIdentifier only)
          <Selection>                                 (one per list with marked candidates: AffiliationIdentifier
                                                       + Candidate/CandidateIdentifier Id="T3" | "S2")
          <Seal><ds:Signature/></Seal>                (the ballot's own enveloped signature)
        </Contest>
      </Election>
      <BallotIdentifier Id="<pile>-<position>"/>
      <ReportingUnitIdentifier Id="<bureau>">bureau name</ReportingUnitIdentifier>
      <ProposedRejection ReasonCode="contested">yes|no</ProposedRejection>   (only for a contested ballot)
    </CastVote>

A blank ballot has one empty `Selection`. A ballot the bureau declared invalid keeps its marks; its `Spoilt` is the
declared reason (`not-official`, `identifying-mark`, `altered`, `other`), which is how a reader tells it from a
ballot whose marks span several lists (`several-lists`).

The readings of the two passes are 460 messages too, written with the same ballot layout (`app.eml.passes`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from app.counting.classify import Classification, InvalidCause, Verdict, check_marks, classify, mark_exists
from app.counting.model import (
    Ballot,
    BallotRef,
    Box,
    Election,
    ElectionCode,
    InvalidReason,
    Kind,
    ListNumber,
    Mark,
    Position,
    StationId,
    Status,
)
from app.counting.tally import Tally, tally
from app.eml import codes
from app.eml.common import (
    check_signer,
    child,
    children,
    contest_identifier,
    election_code,
    elements,
    expect_message,
    malformed,
    new_message,
    positive_id,
    q,
    seal_and_serialize,
    sub,
)
from app.eml.provenance import event_identifier, platform_element
from app.eml.safe_xml import parse
from app.errors import CountStateError, UntrustedData
from app.platform.measurement import Provenance as Produced
from app.signing.signer import Signer
from app.signing.xmldsig_batch import sign_each

MESSAGE_ID = "460"

BallotEntry = tuple[BallotRef, Ballot, Classification]


class Provenance(enum.Enum):
    """How a ballot of a pile the bureau decided came to be in the result (`CastVote@Category`, PROFILE.md).

    A ballot of a pile without a decision has none: it is what both passes agreed on.
    """

    AGREED = "agreed"  # both passes read this ballot so, and the decision kept it
    DECIDED = "decided"  # the passes differed here, flagged it contested, or missed it: the bureau decided
    OVERRULED = "overruled"  # both passes agreed on another reading here: the bureau's decision overrules them


# ---------------------------------------------------------------------------------------------------- writing


def write_votes(
    station_id: str,
    election: Election,
    ballots: Iterable[BallotEntry],
    signer: Signer,
    *,
    issue_date: dt.date,
    contested: Collection[BallotRef] = (),
    station_name: str = "",
    provenance: Mapping[BallotRef, Provenance] | None = None,
    produced_by: Produced | None = None,
) -> bytes:
    """The signed EML 460 of a bureau: one signed `CastVote` per (ref, ballot, classification), in order.

    `contested` names the ballots that were contested during entry (C6); their `Ballot` is the bureau's decision.
    A ballot still `Status.CONTESTED` is undecided and cannot be written (CountStateError). `provenance` gives, for
    every ballot of a pile the bureau decided, how it came to be; `station_name` is the bureau's name; `produced_by`
    the platform and training flag that made it (default: development, not training).
    """
    produced = produced_by or Produced()
    check_signer(station_id, signer)
    root, seal = new_message(MESSAGE_ID, issue_date)
    votes = sub(root, "Votes")
    origin = provenance or {}
    unit = (station_id, station_name)
    ballot_seals = [
        _cast_vote(votes, unit, election, entry, (entry[0] in contested, produced.training), origin.get(entry[0]))
        for entry in ballots
    ]
    # Lay the document out once, before any signature: every signature covers the whitespace around it.
    etree.indent(root, space="  ")
    # Ballot signatures omit the certificates: the message Seal carries them, and the key must be the same. Signed
    # together: the same bytes as one by one, the parts all signatures share made once (issue 8).
    sign_each(ballot_seals, signer)
    return seal_and_serialize(root, seal, signer, [platform_element(produced.measurement)])


def _cast_vote(
    votes: etree._Element,
    unit: tuple[str, str],
    election: Election,
    entry: BallotEntry,
    flags: tuple[bool, bool],  # (contested during entry, training)
    provenance: Provenance | None,
) -> tuple[etree._Element, etree._Element]:
    ref, ballot, classification = entry
    was_contested, training = flags
    if ballot.status is Status.CONTESTED:
        raise CountStateError("eml.contested_undecided", ballot=str(ref))
    check_marks(election, ballot)
    if classify(ballot) != classification:
        raise CountStateError("eml.classification_mismatch", ballot=str(ref))
    category = {} if provenance is None else {"Category": provenance.value}
    cast_vote = sub(votes, "CastVote", **category)
    contest = ballot_contest(cast_vote, election, ballot, verdict_attributes(classification), training=training)
    seal = sub(contest, "Seal")
    ballot_place(cast_vote, ref, unit)
    if was_contested:
        rejected = "no" if classification.verdict is Verdict.VALID else "yes"
        sub(cast_vote, "ProposedRejection", rejected, ReasonCode=codes.CONTESTED)
    return cast_vote, seal


def ballot_contest(
    cast_vote: etree._Element, election: Election, ballot: Ballot, verdict: Mapping[str, str], *, training: bool = False
) -> etree._Element:
    """`EventIdentifier` (qualified as training in a training run) and `Election/Contest` with the ballot's marks:
    the part of a `CastVote` every 460 shares."""
    event_identifier(cast_vote, training)
    election_element = sub(cast_vote, "Election")
    sub(election_element, "ElectionIdentifier", Id=election.code.value)  # the Id only: repeated for every ballot
    contest = sub(election_element, "Contest", **verdict)
    contest_identifier(contest, election.constituency, with_name=False)
    _selections(contest, election, ballot)
    return contest


def ballot_place(cast_vote: etree._Element, ref: BallotRef, unit: tuple[str, str]) -> None:
    """Where the ballot lies (pile and position) and in which bureau (its id, and its name when known)."""
    station_id, station_name = unit
    sub(cast_vote, "BallotIdentifier", Id=codes.ballot_id(ref))
    sub(cast_vote, "ReportingUnitIdentifier", station_name or None, Id=station_id)


def verdict_attributes(classification: Classification) -> dict[str, str]:
    if classification.verdict is Verdict.VALID:
        assert classification.subcategory is not None
        return {"Category": codes.category_code(classification.subcategory)}
    if classification.verdict is Verdict.BLANK:
        return {"Spoilt": codes.BLANK}
    assert classification.invalid_cause is not None
    return {"Spoilt": classification.invalid_cause.value}


def _selections(contest: etree._Element, election: Election, ballot: Ballot) -> None:
    marks = ballot.sorted_marks()
    if not marks:
        sub(contest, "Selection")
        return
    for number in sorted({m.list_number for m in marks}):
        mine = [m for m in marks if m.list_number == number]
        if any(m.box is Box.LIST for m in mine):
            _affiliation(sub(contest, "Selection"), election, number)
        candidates = [m for m in mine if m.box is not Box.LIST]
        if candidates:
            selection = sub(contest, "Selection")
            _affiliation(selection, election, number)
            for mark in candidates:
                candidate = sub(selection, "Candidate")
                sub(candidate, "CandidateIdentifier", Id=codes.candidate_id(_kind(mark.box), mark.position))


def _affiliation(parent: etree._Element, election: Election, number: int) -> None:
    lst = election.list_by_number(number)
    assert lst is not None  # check_marks ran before
    identifier = sub(parent, "AffiliationIdentifier", Id=str(number))
    sub(identifier, "RegisteredName", lst.name)


def _kind(box: Box) -> Kind:
    return Kind.TITULAR if box is Box.TITULAR else Kind.SUCCESSOR


# ---------------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class CastBallot:
    """One ballot as the 460 states it: where it lies, its marks and status, and how the bureau counted it."""

    ref: BallotRef
    ballot: Ballot
    claimed: Classification  # verdict, sub-category, invalid cause as written (not recomputed)
    contested: bool = False
    provenance: Provenance | None = None  # set for the ballots of a pile the bureau decided


@dataclass(frozen=True)
class VotesMessage:
    station_id: StationId
    election: ElectionCode
    contest_id: str
    issue_date: str
    ballots: tuple[CastBallot, ...]
    station_name: str = ""  # the bureau's name, as written with every ballot ("" when none is)


@dataclass(frozen=True)
class BallotFields:
    """What one `CastVote` of any 460 says, read strictly (shared by the result and the pass readings)."""

    ref: BallotRef
    station: str
    station_name: str
    election: ElectionCode
    contest_id: str
    claimed: Classification | None  # None: the Contest has neither Category nor Spoilt (an undecided reading)
    marks: frozenset[Mark]
    contested: bool  # a ProposedRejection with ReasonCode contested

    @property
    def unit(self) -> tuple[str, str, ElectionCode, str]:
        """Bureau and contest: the same for every ballot of a message."""
        return self.station, self.station_name, self.election, self.contest_id

    def ballot(self, status: Status | None = None) -> Ballot:
        """The ballot: a declared cause of invalidity (not `several-lists`) is the bureau's status."""
        cause = self.claimed.invalid_cause if self.claimed is not None else None
        if status is None and cause not in (None, InvalidCause.SEVERAL_LISTS):
            assert cause is not None
            return Ballot(self.marks, Status.DECLARED_INVALID, InvalidReason(cause.value))
        return Ballot(self.marks, status or Status.NONE)


def read_votes(data: bytes) -> VotesMessage:
    """Parse an EML 460 written by `write_votes` (signatures are checked by `app.eml.verify`, not here).

    Raises UntrustedData naming the element that does not follow the profile.
    """
    return read_votes_tree(parse(data, error=UntrustedData))


def read_votes_tree(root: etree._Element) -> VotesMessage:
    """`read_votes` on a message already parsed by `app.eml.safe_xml.parse` (the tree is only read)."""
    expect_message(root, MESSAGE_ID)
    parsed = read_cast_votes(root)
    ballots = tuple(_cast_ballot(cast_vote, fields) for cast_vote, fields in parsed)
    station, name, code, contest = parsed[0][1].unit
    return VotesMessage(StationId(station), code, contest, (root.findtext(q("IssueDate")) or "").strip(), ballots, name)


def read_cast_votes(root: etree._Element) -> list[tuple[etree._Element, BallotFields]]:
    """Every `CastVote` of a 460 with what it says; at least one, one bureau and contest, no place twice."""
    cast_votes = list(children(child(root, "Votes"), "CastVote"))
    if not cast_votes:
        raise malformed(root, "at least one CastVote")
    parsed = [(cast_vote, read_ballot_fields(cast_vote)) for cast_vote in cast_votes]
    if len({fields.unit for _, fields in parsed}) != 1:
        raise malformed(root, "one bureau and one contest for all ballots")
    seen: set[BallotRef] = set()
    for _, fields in parsed:
        if fields.ref in seen:
            raise UntrustedData("eml.ballot_duplicate", ballot=str(fields.ref))
        seen.add(fields.ref)
    return parsed


def _cast_ballot(cast_vote: etree._Element, fields: BallotFields) -> CastBallot:
    if fields.claimed is None:
        raise malformed(child(cast_vote, "Election"), "either Category or Spoilt")
    category = cast_vote.get("Category")
    provenance = None
    if category is not None:
        if category not in codes.PROVENANCE_CODES:
            raise malformed(cast_vote, "a ballot of the result (CastVote Category agreed, decided or overruled)")
        provenance = Provenance(category)
    return CastBallot(fields.ref, fields.ballot(), fields.claimed, fields.contested, provenance)


def read_ballot_fields(cast_vote: etree._Element) -> BallotFields:
    parts = _only(cast_vote, _CAST_VOTE_PARTS)
    ref = codes.parse_ballot_id(parts[_BALLOT_IDENTIFIER].get("Id"))
    if ref is None:
        raise malformed(cast_vote, "BallotIdentifier Id <pile>-<position>")
    unit = parts[_REPORTING_UNIT]
    if len(unit):
        raise malformed(unit, "the bureau's name as text")
    election = _only(parts[_ELECTION], _ELECTION_PARTS)
    contest = election[_CONTEST]
    return BallotFields(
        ref,
        unit.get("Id") or "",
        (unit.text or "").strip(),
        election_code(election[_ELECTION_IDENTIFIER]),
        child(contest, "ContestIdentifier").get("Id") or "",
        _read_claim(contest),
        frozenset(_read_marks(contest)),
        _read_contested(cast_vote),
    )


_BALLOT_IDENTIFIER, _REPORTING_UNIT, _ELECTION = q("BallotIdentifier"), q("ReportingUnitIdentifier"), q("Election")
_ELECTION_IDENTIFIER, _CONTEST = q("ElectionIdentifier"), q("Contest")
_CAST_VOTE_PARTS = frozenset({_BALLOT_IDENTIFIER, _REPORTING_UNIT, _ELECTION})
_ELECTION_PARTS = frozenset({_ELECTION_IDENTIFIER, _CONTEST})


def _only(parent: etree._Element, tags: frozenset[str]) -> dict[str, etree._Element]:
    """The children of `parent` with these tags, each exactly once (as `common.child`, in one pass: a 460 has
    thousands of ballots)."""
    found: dict[str, etree._Element] = {}
    for element in parent:
        tag = element.tag
        if tag in tags:
            if tag in found:
                raise malformed(parent, f"exactly one {etree.QName(tag).localname}")
            found[tag] = element
    for tag in tags - found.keys():
        raise malformed(parent, f"exactly one {etree.QName(tag).localname}")
    return found


def _read_claim(contest: etree._Element) -> Classification | None:
    category, spoilt = contest.get("Category"), contest.get("Spoilt")
    if category is None and spoilt is None:
        return None
    if category is not None and spoilt is not None:
        raise malformed(contest, "either Category or Spoilt")
    if category is not None:
        subcategory = codes.parse_category(category)
        if subcategory is None:
            raise malformed(contest, "Category SC1..SC4")
        return Classification(Verdict.VALID, subcategory=subcategory)
    if spoilt == codes.BLANK:
        return Classification(Verdict.BLANK)
    try:
        return Classification(Verdict.INVALID, invalid_cause=InvalidCause(spoilt))
    except ValueError:
        raise malformed(contest, "a known Spoilt code") from None


def _read_marks(contest: etree._Element) -> list[Mark]:
    selections = list(children(contest, "Selection"))
    marks: list[Mark] = []
    for selection in selections:
        parts = elements(selection)
        if not parts:
            if len(selections) != 1:
                raise malformed(selection, "an empty Selection only on a blank ballot")
            continue
        if parts[0].tag != q("AffiliationIdentifier"):
            raise malformed(selection, "AffiliationIdentifier first")
        marks += _selection_marks(parts)
    if len(set(marks)) != len(marks):
        raise malformed(contest, "each box at most once")
    return marks


# The marks of a Selection by its identifiers: a bureau's ballots repeat the same few selections thousands of times
# (and three files hold them), so each is read once. Bounded, so that a hostile file cannot grow it.
_SELECTIONS: dict[tuple[str | None, ...], tuple[Mark, ...]] = {}
_SELECTIONS_KEPT = 20_000


def _selection_marks(parts: list[etree._Element]) -> tuple[Mark, ...]:
    key = (parts[0].get("Id"), *(_candidate_key(part) for part in parts[1:]))
    known = _SELECTIONS.get(key)
    if known is not None:
        return known
    number = ListNumber(positive_id(parts[0]))
    marks = (Mark(number, Box.LIST),) if len(parts) == 1 else tuple(_read_candidate(c, number) for c in parts[1:])
    if None not in key and len(_SELECTIONS) < _SELECTIONS_KEPT:
        _SELECTIONS[key] = marks
    return marks


def _candidate_key(candidate: etree._Element) -> str | None:
    """A candidate's identifier, or None for anything that is not exactly `Candidate/CandidateIdentifier@Id` (read
    in full, and refused, by `_read_candidate`)."""
    if candidate.tag != _CANDIDATE or len(candidate) != 1 or candidate[0].tag != _CANDIDATE_IDENTIFIER:
        return None
    return candidate[0].get("Id")


_CANDIDATE, _CANDIDATE_IDENTIFIER = q("Candidate"), q("CandidateIdentifier")


def _read_candidate(candidate: etree._Element, number: ListNumber) -> Mark:
    identifier = candidate.find(q("CandidateIdentifier"))
    parsed = codes.parse_candidate_id(identifier.get("Id") if identifier is not None else None)
    if candidate.tag != q("Candidate") or parsed is None:
        raise malformed(candidate, "Candidate with CandidateIdentifier Id T<n> or S<n>")
    kind, position = parsed
    box = Box.TITULAR if kind is Kind.TITULAR else Box.SUCCESSOR
    return Mark(number, box, Position(position))


def _read_contested(cast_vote: etree._Element) -> bool:
    proposed = cast_vote.find(q("ProposedRejection"))
    if proposed is None:
        return False
    if proposed.get("ReasonCode") != codes.CONTESTED:
        raise malformed(proposed, "ReasonCode contested")
    return True


# ---------------------------------------------------------------------------------------------------- recount


def recount(message: VotesMessage, election: Election) -> Tally:
    """Classify every ballot of a 460 again and add them up; the result must equal the bureau's 510.

    Raises UntrustedData naming the first ballot whose marks do not exist in `election` or whose written
    category differs from what its marks give.
    """
    if message.election is not election.code or message.contest_id != codes.contest_id(election.constituency):
        raise UntrustedData("eml.wrong_election", election=message.election.value, contest=message.contest_id)
    return tally(election, (_checked(election, cast) for cast in message.ballots))


def reclassify(election: Election, cast: CastBallot) -> Classification:
    """A ballot of a 460 classified again from its marks (art. 156); UntrustedData for a mark `election` lacks."""
    for mark in cast.ballot.sorted_marks():
        if not mark_exists(election, mark):
            raise UntrustedData("eml.ballot_unknown_mark", ballot=str(cast.ref), mark=str(mark))
    return classify(cast.ballot)


def claim_matches(cast: CastBallot, classification: Classification) -> bool:
    """Whether the category written on the ballot (verdict, sub-category, invalid cause) is what its marks give."""
    claimed = cast.claimed
    return (classification.verdict, classification.subcategory, classification.invalid_cause) == (
        claimed.verdict,
        claimed.subcategory,
        claimed.invalid_cause,
    )


def _checked(election: Election, cast: CastBallot) -> Classification:
    classification = reclassify(election, cast)
    if not claim_matches(cast, classification):
        raise UntrustedData("eml.ballot_claim_mismatch", ballot=str(cast.ref))
    return classification


def entries(ballots: Sequence[tuple[BallotRef, Ballot]]) -> list[BallotEntry]:
    """Convenience for callers holding (ref, ballot) pairs: add each ballot's classification."""
    return [(ref, ballot, classify(ballot)) for ref, ballot in ballots]
