"""The readings of the two passes as EML 460 messages, each signed as a whole (contract: "Results on the stick").

Every ballot as it was entered in that pass, in entry order, pile after pile, so that anyone can compute every
difference between the passes again. The ballot layout is the one of the result's 460 (`app.eml.votes`), except:

    <CastVote Category="pass1|pass2">                 (what marks a reading: the pass it belongs to)
      <EventIdentifier/>
      <Election>
        <ElectionIdentifier Id="CK"/>
        <Contest Category="SC2">                      (as entered: SC1..SC4, or Spoilt="blank" | the cause; a
          <ContestIdentifier Id="..."/>                reading flagged contested has neither: it is undecided)
          <Selection>...</Selection>                  (no Seal: a reading is not signed on its own)
        </Contest>
      </Election>
      <BallotIdentifier Id="<pile>-<position in this pass>"/>
      <ReportingUnitIdentifier Id="<bureau>">bureau name</ReportingUnitIdentifier>
      <ProposedRejection ReasonCode="contested">yes</ProposedRejection>    (only for a reading flagged contested)
    </CastVote>

A reading is evidence of what an operator typed, not a result: the file has only the message `Seal`, and nothing in
it is counted. `verify` compares both readings with the result (`app.eml.pass_readings`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from app.counting.classify import Classification, check_marks, classify
from app.counting.model import Ballot, BallotRef, Election, ElectionCode, StationId, Status
from app.eml import codes
from app.eml.common import check_signer, expect_message, malformed, new_message, q, seal_and_serialize, sub
from app.eml.provenance import platform_element
from app.eml.safe_xml import parse
from app.eml.votes import MESSAGE_ID, ballot_contest, ballot_place, read_cast_votes, verdict_attributes
from app.errors import UntrustedData
from app.platform.measurement import Provenance
from app.signing.signer import Signer


def write_pass(
    station_id: str,
    election: Election,
    pass_no: int,
    readings: Iterable[tuple[BallotRef, Ballot]],
    signer: Signer,
    *,
    issue_date: dt.date,
    station_name: str = "",
    produced_by: Provenance | None = None,
) -> bytes:
    """The signed EML 460 of one pass (1 or 2): one `CastVote` per reading, as entered, in the order given.

    `readings` must not be empty (EML 460 has at least one `CastVote`); a reading flagged contested keeps its flag.
    `produced_by`: the platform and training flag that made it (default: development, not training).
    """
    produced = produced_by or Provenance()
    check_signer(station_id, signer)
    code = codes.pass_code(pass_no)
    root, seal = new_message(MESSAGE_ID, issue_date)
    votes = sub(root, "Votes")
    for ref, ballot in readings:
        check_marks(election, ballot)
        cast_vote = sub(votes, "CastVote", Category=code)
        flagged = ballot.status is Status.CONTESTED
        verdict = {} if flagged else verdict_attributes(classify(ballot))
        ballot_contest(cast_vote, election, ballot, verdict, training=produced.training)
        ballot_place(cast_vote, ref, (station_id, station_name))
        if flagged:
            sub(cast_vote, "ProposedRejection", "yes", ReasonCode=codes.CONTESTED)
    if not len(votes):
        raise ValueError(f"pass {pass_no} has no reading to write")
    etree.indent(root, space="  ")  # before signing: the signature covers the layout
    return seal_and_serialize(root, seal, signer, [platform_element(produced.measurement)])


@dataclass(frozen=True)
class Reading:
    """One ballot as an operator entered it: where (pile, position in that pass) and what."""

    ref: BallotRef
    ballot: Ballot  # Status.CONTESTED for a reading flagged contested
    claimed: Classification | None  # the category written beside it (None for a contested reading)


@dataclass(frozen=True)
class PassMessage:
    station_id: StationId
    station_name: str
    election: ElectionCode
    contest_id: str
    pass_no: int
    readings: tuple[Reading, ...]


def read_pass(data: bytes) -> PassMessage:
    """Parse a pass file written by `write_pass` (its signature is checked by `app.eml.verify`, not here).

    Raises UntrustedData naming the element that does not follow the profile: every `CastVote` must be a reading of
    the same pass, a contested reading has no category and every other reading has one.
    """
    return read_pass_tree(parse(data, error=UntrustedData))


def read_pass_tree(root: etree._Element) -> PassMessage:
    """`read_pass` on a message already parsed by `app.eml.safe_xml.parse` (the tree is only read)."""
    expect_message(root, MESSAGE_ID)
    parsed = read_cast_votes(root)
    passes = {cast_vote.get("Category") for cast_vote, _ in parsed}
    pass_no = codes.parse_pass_code(passes.pop()) if len(passes) == 1 else None
    if pass_no is None:
        raise malformed(root.find(q("Votes")), "readings of one pass (CastVote Category pass1 or pass2)")
    readings = []
    for cast_vote, fields in parsed:
        if fields.contested != (fields.claimed is None):
            raise malformed(cast_vote, "a category unless the reading is contested, and none if it is")
        status = Status.CONTESTED if fields.contested else None
        readings.append(Reading(fields.ref, fields.ballot(status), fields.claimed))
    station, name, code, contest = parsed[0][1].unit
    return PassMessage(StationId(station), name, code, contest, pass_no, tuple(readings))
