"""EML 510: the results of the bureau (O2)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest
from lxml import etree

from app.counting.classify import classify
from app.counting.model import ElectionCode
from app.counting.tally import tally
from app.eml.count import read_count, write_count
from app.errors import UntrustedData
from tests.eml.cases import EVERY_KIND, SMALL, normalise
from tests.eml.conftest import ISSUE_DATE, LivePki, count_file, make_ballots
from tests.reference import chamber_2024

GOLDEN = Path(__file__).parent / "golden"
EML = "{urn:oasis:names:tc:evs:schema:eml}"


DATED = dataclasses.replace(SMALL, date=dt.date(2024, 6, 9))


def test_golden_510(live_pki: LivePki) -> None:
    data = normalise(count_file(DATED, EVERY_KIND, live_pki.signer("A-001")))
    golden = GOLDEN / "count-510.xml"
    if os.environ.get("TABULA_REGENERATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(data)
    assert data.decode() == golden.read_text(encoding="utf-8")


def test_antwerp_count_reads_back_as_the_same_tally(live_pki: LivePki) -> None:
    election = chamber_2024()
    ballots = make_ballots(election, 400)
    message = read_count(count_file(election, ballots, live_pki.signer("A-001")))
    assert message.tally == tally(election, (classify(b) for _, b in ballots))
    assert (message.station_id, message.election, message.constituency) == (
        "A-001",
        ElectionCode.CK,
        "Kieskring Antwerpen",
    )
    assert message.contest_id == "Kieskring_Antwerpen"


def test_every_list_and_candidate_appears_also_without_votes(live_pki: LivePki) -> None:
    root = etree.fromstring(count_file(SMALL, EVERY_KIND[:1], live_pki.signer("A-001")))
    lists = [a.get("Id") for a in root.iter(f"{EML}AffiliationIdentifier")]
    candidates = [c.get("Id") for c in root.iter(f"{EML}CandidateIdentifier")]
    assert lists == ["1", "2", "3"]
    assert candidates == ["T1", "T2", "T3", "S1", "S2"] * 3


def test_rejected_votes_carry_blank_and_every_invalid_cause(live_pki: LivePki) -> None:
    root = etree.fromstring(count_file(SMALL, EVERY_KIND, live_pki.signer("A-001")))
    rejected = {r.get("ReasonCode"): int(r.text or "") for r in root.iter(f"{EML}RejectedVotes")}
    assert rejected == {
        "blank": 1,
        "several-lists": 2,
        "not-official": 1,
        "identifying-mark": 1,
        "altered": 0,
        "other": 0,
    }
    metrics = {m.get("Type"): m.text for m in root.find(f".//{EML}ReportingUnitVotes").iterfind(f"{EML}CountMetric")}  # type: ignore[union-attr]
    assert metrics == {"valid": "6", "invalid": "4", "blank-or-invalid": "5"}


def test_a_tally_of_another_election_is_refused(live_pki: LivePki) -> None:
    other = tally(chamber_2024(), [])
    with pytest.raises(ValueError, match="does not match"):
        write_count("A-001", SMALL, other, live_pki.signer("A-001"), issue_date=ISSUE_DATE)


def _valid_510(live_pki: LivePki) -> bytes:
    return count_file(SMALL, EVERY_KIND, live_pki.signer("A-001"))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'<RejectedVotes ReasonCode="altered">', b'<RejectedVotes ReasonCode="torn">'),
        (b'<RejectedVotes ReasonCode="blank">1', b'<RejectedVotes ReasonCode="blank">2'),  # metrics disagree
        (b"<Cast>11</Cast>", b"<Cast>12</Cast>"),
        (b"<TotalCounted>11</TotalCounted>", b"<TotalCounted>-1</TotalCounted>"),
        (b'<CountMetric Type="SC1">1</CountMetric>', b'<CountMetric Type="SCX">1</CountMetric>'),
        (b'<CandidateIdentifier Id="T2"/>', b'<CandidateIdentifier Id="T5"/>'),
        (b'<AffiliationIdentifier Id="2">', b'<AffiliationIdentifier Id="1">'),
        (b'<AffiliationIdentifier Id="2">', b'<AffiliationIdentifier Id="zwei">'),
        # the totals of titular and successor votes must agree with the candidate rows, and appear once
        (b'Type="titular-votes">4<', b'Type="titular-votes">5<'),
        (b'Type="successor-votes">1<', b'Type="successor-votes">0<'),
        (b'<CountMetric Type="titular-votes">4</CountMetric>', b""),
        (b'<CountMetric Type="successor-votes">1</CountMetric>', b""),
        (b'<CountMetric Type="SC1">1</CountMetric>', b'<CountMetric Type="SC1">1</CountMetric>' * 2),
    ],
)
def test_reading_a_510_outside_the_profile_is_refused(live_pki: LivePki, old: bytes, new: bytes) -> None:
    data = _valid_510(live_pki)
    assert old in data
    with pytest.raises(UntrustedData, match="malformed"):
        read_count(data.replace(old, new, 1))


def test_a_candidate_row_before_any_list_row_is_refused(live_pki: LivePki) -> None:
    root = etree.fromstring(_valid_510(live_pki))
    first_list = next(root.iter(f"{EML}Selection"))
    first_list.getparent().remove(first_list)  # type: ignore[union-attr]
    with pytest.raises(UntrustedData, match="malformed"):
        read_count(etree.tostring(root))


def test_reading_a_460_as_510_is_refused(live_pki: LivePki) -> None:
    with pytest.raises(UntrustedData, match="wrong_message"):
        read_count(_valid_510(live_pki).replace(b'Id="510"', b'Id="460"', 1))


def test_each_list_row_carries_its_totals_of_titular_and_successor_votes(live_pki: LivePki) -> None:
    root = etree.fromstring(_valid_510(live_pki))
    rows = [a.getparent() for a in root.iter(f"{EML}AffiliationIdentifier")]
    totals = [
        {m.get("Type"): m.text for m in row.iterfind(f"{EML}CountMetric") if "votes" in (m.get("Type") or "")}  # type: ignore[union-attr]
        for row in rows
    ]
    assert totals == [
        {"titular-votes": "0", "successor-votes": "1"},
        {"titular-votes": "4", "successor-votes": "0"},
        {"titular-votes": "1", "successor-votes": "1"},
    ]


def test_an_election_without_successors_has_no_successor_totals(live_pki: LivePki) -> None:
    from tests.reference import synthetic

    election = synthetic(ElectionCode.BR, lists=2, titulars=3, successors=0)
    data = count_file(election, [], live_pki.signer("A-001"))
    assert b"successor-votes" not in data and data.count(b"titular-votes") == 2
    assert read_count(data).tally == tally(election, [])


def test_the_election_date_is_the_event_identifier(live_pki: LivePki) -> None:
    assert read_count(count_file(DATED, EVERY_KIND, live_pki.signer("A-001"))).election_date == "2024-06-09"
    undated = count_file(SMALL, EVERY_KIND, live_pki.signer("A-001"))
    assert b"<EventIdentifier/>" in undated and read_count(undated).election_date == ""
