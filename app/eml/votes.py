"""EML 460 (`Votes`): every ballot of a counting bureau, each signed on its own, the file signed as a whole (O1).

One `CastVote` per ballot, in the order given (see PROFILE.md for the full mapping):

    <CastVote>
      <EventIdentifier/>
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
      <ReportingUnitIdentifier Id="<bureau>"/>
      <ProposedRejection ReasonCode="contested">yes|no</ProposedRejection>   (only for a contested ballot)
    </CastVote>

A blank ballot has one empty `Selection`. A ballot the bureau declared invalid keeps its marks; its `Spoilt` is the
declared reason (`not-official`, `identifying-mark`, `altered`, `other`), which is how a reader tells it from a
ballot whose marks span several lists (`several-lists`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
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
from app.eml.safe_xml import parse
from app.errors import CountStateError, UntrustedData
from app.signing.signer import Signer
from app.signing.xmldsig import sign_enveloped

MESSAGE_ID = "460"

BallotEntry = tuple[BallotRef, Ballot, Classification]


# ---------------------------------------------------------------------------------------------------- writing


def write_votes(
    station_id: str,
    election: Election,
    ballots: Iterable[BallotEntry],
    signer: Signer,
    *,
    issue_date: dt.date,
    contested: Collection[BallotRef] = (),
) -> bytes:
    """The signed EML 460 of a bureau: one signed `CastVote` per (ref, ballot, classification), in order.

    `contested` names the ballots that were contested during entry (C6); their `Ballot` is the bureau's decision.
    A ballot still `Status.CONTESTED` is undecided and cannot be written (CountStateError).
    """
    check_signer(station_id, signer)
    root, seal = new_message(MESSAGE_ID, issue_date)
    votes = sub(root, "Votes")
    ballot_seals = [_cast_vote(votes, station_id, election, entry, entry[0] in contested) for entry in ballots]
    # Lay the document out once, before any signature: every signature covers the whitespace around it.
    etree.indent(root, space="  ")
    for cast_vote, ballot_seal in ballot_seals:
        # Ballot signatures omit the certificates: the message Seal carries them, and the key must be the same.
        sign_enveloped(cast_vote, ballot_seal, signer)
    return seal_and_serialize(root, seal, signer)


def _cast_vote(
    votes: etree._Element, station_id: str, election: Election, entry: BallotEntry, was_contested: bool
) -> tuple[etree._Element, etree._Element]:
    ref, ballot, classification = entry
    if ballot.status is Status.CONTESTED:
        raise CountStateError("eml.contested_undecided", ballot=str(ref))
    check_marks(election, ballot)
    if classify(ballot) != classification:
        raise CountStateError("eml.classification_mismatch", ballot=str(ref))
    cast_vote = sub(votes, "CastVote")
    sub(cast_vote, "EventIdentifier")
    election_element = sub(cast_vote, "Election")
    sub(election_element, "ElectionIdentifier", Id=election.code.value)  # the Id only: repeated for every ballot
    contest = sub(election_element, "Contest", **_verdict_attributes(classification))
    contest_identifier(contest, election.constituency, with_name=False)
    _selections(contest, election, ballot)
    seal = sub(contest, "Seal")
    sub(cast_vote, "BallotIdentifier", Id=codes.ballot_id(ref))
    sub(cast_vote, "ReportingUnitIdentifier", Id=station_id)
    if was_contested:
        rejected = "no" if classification.verdict is Verdict.VALID else "yes"
        sub(cast_vote, "ProposedRejection", rejected, ReasonCode=codes.CONTESTED)
    return cast_vote, seal


def _verdict_attributes(classification: Classification) -> dict[str, str]:
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


@dataclass(frozen=True)
class VotesMessage:
    station_id: StationId
    election: ElectionCode
    contest_id: str
    issue_date: str
    ballots: tuple[CastBallot, ...]


def read_votes(data: bytes) -> VotesMessage:
    """Parse an EML 460 written by `write_votes` (signatures are checked by `app.eml.verify`, not here).

    Raises UntrustedData naming the element that does not follow the profile.
    """
    root = parse(data, error=UntrustedData)
    expect_message(root, MESSAGE_ID)
    cast_votes = list(children(child(root, "Votes"), "CastVote"))
    if not cast_votes:
        raise malformed(root, "at least one CastVote")
    parsed = [_read_cast_vote(cv) for cv in cast_votes]
    stations = {station for _, station, _, _ in parsed}
    elections = {(code, contest) for _, _, code, contest in parsed}
    if len(stations) != 1 or len(elections) != 1:
        raise malformed(root, "one bureau and one contest for all ballots")
    seen: set[BallotRef] = set()
    for ballot, _, _, _ in parsed:
        if ballot.ref in seen:
            raise UntrustedData("eml.ballot_duplicate", ballot=str(ballot.ref))
        seen.add(ballot.ref)
    ((code, contest),) = elections
    return VotesMessage(
        StationId(stations.pop()),
        code,
        contest,
        (root.findtext(q("IssueDate")) or "").strip(),
        tuple(ballot for ballot, _, _, _ in parsed),
    )


def _read_cast_vote(cast_vote: etree._Element) -> tuple[CastBallot, str, ElectionCode, str]:
    ref = codes.parse_ballot_id(child(cast_vote, "BallotIdentifier").get("Id"))
    if ref is None:
        raise malformed(cast_vote, "BallotIdentifier Id <pile>-<position>")
    station = child(cast_vote, "ReportingUnitIdentifier").get("Id") or ""
    election = child(cast_vote, "Election")
    contest = child(election, "Contest")
    contest_id = child(contest, "ContestIdentifier").get("Id") or ""
    claimed = _read_claim(contest)
    marks = _read_marks(contest)
    status, reason = Status.NONE, None
    if claimed.invalid_cause not in (None, InvalidCause.SEVERAL_LISTS):
        assert claimed.invalid_cause is not None
        status, reason = Status.DECLARED_INVALID, InvalidReason(claimed.invalid_cause.value)
    ballot = Ballot(frozenset(marks), status, reason)
    contested = _read_contested(cast_vote)
    return (
        CastBallot(ref, ballot, claimed, contested),
        station,
        election_code(child(election, "ElectionIdentifier")),
        contest_id,
    )


def _read_claim(contest: etree._Element) -> Classification:
    category, spoilt = contest.get("Category"), contest.get("Spoilt")
    if (category is None) == (spoilt is None):
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
        number = ListNumber(positive_id(parts[0]))
        if len(parts) == 1:
            marks.append(Mark(number, Box.LIST))
        for candidate in parts[1:]:
            marks.append(_read_candidate(candidate, number))
    if len(set(marks)) != len(marks):
        raise malformed(contest, "each box at most once")
    return marks


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
