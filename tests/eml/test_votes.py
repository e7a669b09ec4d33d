"""EML 460: every ballot, signed on its own (O1)."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
from lxml import etree

from app.counting.classify import Classification, InvalidCause, SubCategory, Verdict, classify
from app.counting.model import Ballot, BallotRef, Box, ElectionCode, InvalidReason, StationId, Status
from app.counting.tally import tally
from app.eml import votes
from app.eml.votes import CastBallot, VotesMessage, read_votes, recount, write_votes
from app.errors import BadInput, CountStateError, UntrustedData
from tests.eml.cases import CONTESTED, EVERY_KIND, SMALL, normalise
from tests.eml.conftest import ISSUE_DATE, LivePki, make_ballots, mark, votes_file
from tests.reference import chamber_2024

GOLDEN = Path(__file__).parent / "golden"
EML = "{urn:oasis:names:tc:evs:schema:eml}"


def test_golden_460(live_pki: LivePki) -> None:
    data = normalise(votes_file(SMALL, EVERY_KIND, live_pki.signer("A-001"), contested=CONTESTED))
    golden = GOLDEN / "votes-460.xml"
    if os.environ.get("TABULA_REGENERATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(data)
    assert data.decode() == golden.read_text(encoding="utf-8")


def test_every_kind_of_ballot_reads_back_as_written(live_pki: LivePki) -> None:
    message = read_votes(votes_file(SMALL, EVERY_KIND, live_pki.signer("A-001"), contested=CONTESTED))
    assert message.station_id == "A-001"
    assert message.election is ElectionCode.VL
    assert message.issue_date == "2024-06-09T21:30:00+00:00"
    assert [(c.ref, c.ballot) for c in message.ballots] == EVERY_KIND
    assert [c.ref for c in message.ballots if c.contested] == list(CONTESTED)
    for cast, (_, ballot) in zip(message.ballots, EVERY_KIND, strict=True):
        expected = classify(ballot)
        assert (cast.claimed.verdict, cast.claimed.subcategory, cast.claimed.invalid_cause) == (
            expected.verdict,
            expected.subcategory,
            expected.invalid_cause,
        )


def test_list_box_with_candidates_of_same_list_keeps_both_marks_in_two_selections(live_pki: LivePki) -> None:
    root = etree.fromstring(votes_file(SMALL, EVERY_KIND[4:5], live_pki.signer("A-001")))
    contest = root.find(f"{EML}Votes/{EML}CastVote/{EML}Election/{EML}Contest")
    assert contest is not None
    assert contest.get("Category") == "SC2"
    selections = contest.findall(f"{EML}Selection")
    assert [len(s) for s in selections] == [1, 2]  # list box alone; then affiliation + one candidate
    assert selections[1].find(f"{EML}Candidate/{EML}CandidateIdentifier").get("Id") == "T2"  # type: ignore[union-attr]


def test_declared_invalid_and_several_lists_have_their_cause_as_spoilt(live_pki: LivePki) -> None:
    root = etree.fromstring(votes_file(SMALL, EVERY_KIND, live_pki.signer("A-001"), contested=CONTESTED))
    spoilt = [c.get("Spoilt") for c in root.iter(f"{EML}Contest")]
    assert spoilt == [None] * 5 + ["blank", "several-lists", "several-lists", "identifying-mark", "not-official", None]


def test_contested_ballot_records_the_decision(live_pki: LivePki) -> None:
    rejected = (BallotRef(2, 1),)
    root = etree.fromstring(votes_file(SMALL, EVERY_KIND[5:8], live_pki.signer("A-001"), contested=rejected))
    proposed = [(p.get("ReasonCode"), p.text) for p in root.iter(f"{EML}ProposedRejection")]
    assert proposed == [("contested", "yes")]


def test_recount_of_antwerp_equals_the_tally(live_pki: LivePki) -> None:
    election = chamber_2024()
    ballots = make_ballots(election, 300)
    message = read_votes(votes_file(election, ballots, live_pki.signer("A-001")))
    assert recount(message, election) == tally(election, (classify(b) for _, b in ballots))


def test_an_undecided_contested_ballot_cannot_be_written(live_pki: LivePki) -> None:
    ballot = Ballot(frozenset({mark(1, Box.LIST)}), Status.CONTESTED)
    with pytest.raises(CountStateError) as error:
        write_votes(
            "A-001",
            SMALL,
            [(BallotRef(1, 1), ballot, classify(ballot))],
            live_pki.signer("A-001"),
            issue_date=ISSUE_DATE,
        )
    assert error.value.params == {"ballot": "1/1"}


def test_a_classification_that_does_not_match_the_marks_is_refused(live_pki: LivePki) -> None:
    ballot = Ballot(frozenset({mark(1, Box.LIST)}))
    wrong = Classification(Verdict.BLANK)
    with pytest.raises(CountStateError, match="classification_mismatch"):
        write_votes("A-001", SMALL, [(BallotRef(1, 1), ballot, wrong)], live_pki.signer("A-001"), issue_date=ISSUE_DATE)


def test_a_mark_outside_the_election_is_bad_input(live_pki: LivePki) -> None:
    ballot = Ballot(frozenset({mark(9, Box.LIST)}))
    with pytest.raises(BadInput, match="unknown_mark"):
        write_votes(
            "A-001",
            SMALL,
            [(BallotRef(1, 1), ballot, classify(ballot))],
            live_pki.signer("A-001"),
            issue_date=ISSUE_DATE,
        )


def test_a_bureau_cannot_write_with_another_bureaus_key(live_pki: LivePki) -> None:
    with pytest.raises(ValueError, match="another bureau"):
        write_votes("A-002", SMALL, [], live_pki.signer("A-001"), issue_date=ISSUE_DATE)


# ---------------------------------------------------------------------------------------------------- reading


def _valid_460(live_pki: LivePki) -> bytes:
    return votes_file(SMALL, EVERY_KIND, live_pki.signer("A-001"), contested=CONTESTED)


@pytest.mark.parametrize(
    ("old", "new", "what"),
    [
        (b'Id="460"', b'Id="510"', "eml.wrong_message"),
        (b'<BallotIdentifier Id="1-2"/>', b'<BallotIdentifier Id="1-x"/>', "eml.malformed"),
        (b'<BallotIdentifier Id="1-2"/>', b'<BallotIdentifier Id="1-1"/>', "eml.ballot_duplicate"),
        (b'Category="SC2"', b'Category="SC7"', "eml.malformed"),
        (b'Category="SC2"', b'Category="SC2" Spoilt="blank"', "eml.malformed"),
        (b'Spoilt="blank"', b'Spoilt="torn"', "eml.malformed"),
        (b'ReasonCode="contested"', b'ReasonCode="other"', "eml.malformed"),
        (b'<CandidateIdentifier Id="T1"/>', b'<CandidateIdentifier Id="X1"/>', "eml.malformed"),
        (b'<ReportingUnitIdentifier Id="A-001"/>', b'<ReportingUnitIdentifier Id="A-002"/>', "eml.malformed"),
        (b'<ElectionIdentifier Id="VL"/>', b'<ElectionIdentifier Id="XX"/>', "eml.unknown_election"),
    ],
)
def test_reading_a_460_outside_the_profile_names_the_problem(
    live_pki: LivePki, old: bytes, new: bytes, what: str
) -> None:
    data = _valid_460(live_pki)
    assert old in data
    with pytest.raises(UntrustedData) as error:
        read_votes(data.replace(old, new, 1))
    assert error.value.key == what


def test_reading_rejects_a_selection_that_does_not_start_with_the_list(live_pki: LivePki) -> None:
    data = _valid_460(live_pki)
    broken = data.replace(b"<Selection/>", b"<Selection><PersonalIdentifier>x</PersonalIdentifier></Selection>", 1)
    with pytest.raises(UntrustedData, match="malformed"):
        read_votes(broken)


def test_reading_rejects_an_empty_selection_beside_marks(live_pki: LivePki) -> None:
    data = _valid_460(live_pki).replace(b"</Selection>", b"</Selection><Selection/>", 1)
    with pytest.raises(UntrustedData, match="malformed"):
        read_votes(data)


def test_reading_rejects_a_box_marked_twice(live_pki: LivePki) -> None:
    root = etree.fromstring(_valid_460(live_pki))
    candidate = next(root.iter(f"{EML}Candidate"))
    candidate.getparent().append(copy.deepcopy(candidate))  # type: ignore[union-attr]
    with pytest.raises(UntrustedData, match="malformed"):
        read_votes(etree.tostring(root))


def test_reading_rejects_votes_without_ballots(live_pki: LivePki) -> None:
    root = etree.fromstring(_valid_460(live_pki))
    for cast_vote in root.findall(f"{EML}Votes/{EML}CastVote"):
        cast_vote.getparent().remove(cast_vote)  # type: ignore[union-attr]
    with pytest.raises(UntrustedData, match="malformed"):
        read_votes(etree.tostring(root))


# ---------------------------------------------------------------------------------------------------- recount


def _message(*casts: CastBallot) -> VotesMessage:
    return VotesMessage(StationId("A-001"), ElectionCode.VL, "Antwerpen", "2024-06-09", casts)


def test_recount_names_a_ballot_whose_claim_differs_from_its_marks() -> None:
    ballot = Ballot(frozenset({mark(1, Box.LIST)}))
    cast = CastBallot(BallotRef(3, 7), ballot, Classification(Verdict.VALID, subcategory=SubCategory.SC2))
    with pytest.raises(UntrustedData) as error:
        recount(_message(cast), SMALL)
    assert (error.value.key, error.value.params) == ("eml.ballot_claim_mismatch", {"ballot": "3/7"})


def test_recount_names_a_ballot_with_a_mark_the_election_does_not_have() -> None:
    ballot = Ballot(frozenset({mark(1, Box.TITULAR, 9)}))
    cast = CastBallot(BallotRef(1, 2), ballot, Classification(Verdict.VALID, subcategory=SubCategory.SC2))
    with pytest.raises(UntrustedData) as error:
        recount(_message(cast), SMALL)
    assert error.value.params == {"ballot": "1/2", "mark": "1:T9"}


def test_recount_refuses_ballots_of_another_election() -> None:
    cast = CastBallot(BallotRef(1, 1), Ballot(), Classification(Verdict.BLANK))
    with pytest.raises(UntrustedData, match="wrong_election"):
        recount(_message(cast), chamber_2024())


def test_recount_accepts_a_declared_invalid_ballot() -> None:
    ballot = Ballot(frozenset(), Status.DECLARED_INVALID, InvalidReason.ALTERED)
    cast = CastBallot(BallotRef(1, 1), ballot, Classification(Verdict.INVALID, invalid_cause=InvalidCause.ALTERED))
    assert recount(_message(cast), SMALL).invalid == 1


def test_entries_adds_the_classification() -> None:
    assert votes.entries(EVERY_KIND[:1])[0][2] == classify(EVERY_KIND[0][1])
