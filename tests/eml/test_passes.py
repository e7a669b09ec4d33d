"""The readings of the two passes as EML 460 messages signed as a whole (contract: "Results on the stick")."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from app.counting.model import Ballot, BallotRef, Box, Status
from app.eml.passes import read_pass, write_pass
from app.eml.schemas import validate
from app.eml.verify import verify_message
from app.eml.votes import Provenance, read_votes
from app.errors import UntrustedData
from tests.eml.cases import EVERY_KIND, SMALL, normalise
from tests.eml.conftest import ISSUE_DATE, LivePki, mark, votes_file

GOLDEN = Path(__file__).parent / "golden"
EML = "{urn:oasis:names:tc:evs:schema:eml}"
NAME = "Gemeenteschool Zuid"

# Pass 1 as typed: every kind of ballot, and one reading flagged contested for the bureau (C6).
READINGS: list[tuple[BallotRef, Ballot]] = [
    *EVERY_KIND[:-1],
    (BallotRef(2, 5), Ballot(frozenset({mark(2, Box.TITULAR, 1)}), Status.CONTESTED)),
]


def pass_file(live_pki: LivePki, pass_no: int = 1, readings: list[tuple[BallotRef, Ballot]] = READINGS) -> bytes:
    data = write_pass(
        "A-001", SMALL, pass_no, readings, live_pki.signer("A-001"), issue_date=ISSUE_DATE, station_name=NAME
    )
    assert validate(data) == []  # plain OASIS EML 5.0 460, and our profile's code lists
    return data


def test_golden_pass_file(live_pki: LivePki) -> None:
    data = normalise(pass_file(live_pki))
    golden = GOLDEN / "votes-460-pass1.xml"
    if os.environ.get("TABULA_REGENERATE_GOLDEN"):
        golden.write_bytes(data)
    assert data.decode() == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("pass_no", [1, 2])
def test_every_reading_reads_back_as_entered_with_its_pass(live_pki: LivePki, pass_no: int) -> None:
    message = read_pass(pass_file(live_pki, pass_no))
    assert (message.station_id, message.station_name, message.pass_no) == ("A-001", NAME, pass_no)
    assert [(r.ref, r.ballot) for r in message.readings] == READINGS
    assert message.readings[-1].claimed is None  # a contested reading is undecided: no category
    assert message.readings[0].claimed is not None


def test_a_pass_file_is_signed_as_a_whole_and_its_readings_are_not_signed_on_their_own(live_pki: LivePki) -> None:
    data = pass_file(live_pki)
    verified = verify_message(data, live_pki.root.certificate, at=live_pki.at, expected_station="A-001")
    assert (verified.message_id, verified.ballot_signatures) == ("460", 0)
    assert (data.count(b'<ds:Signature Id="seal">'), data.count(b"<ds:Signature>")) == (1, 0)  # the seal only
    changed = data.replace(b'<CandidateIdentifier Id="T1"/>', b'<CandidateIdentifier Id="T2"/>', 1)
    with pytest.raises(UntrustedData, match="message_signature_invalid"):
        verify_message(changed, live_pki.root.certificate, at=live_pki.at)


def test_a_result_ballot_passed_off_as_a_reading_needs_its_own_signature(live_pki: LivePki) -> None:
    """Only a file whose every ballot is a reading skips the ballot signatures: a mixed file is checked in full."""
    root = etree.fromstring(votes_file(SMALL, EVERY_KIND, live_pki.signer("A-001")))
    cast_votes = root.findall(f"{EML}Votes/{EML}CastVote")
    cast_votes[0].set("Category", "pass1")
    with pytest.raises(UntrustedData):
        verify_message(etree.tostring(root), live_pki.root.certificate, at=live_pki.at)


def test_a_pass_file_is_not_a_result_and_a_result_is_not_a_pass(live_pki: LivePki) -> None:
    with pytest.raises(UntrustedData, match="malformed"):
        read_votes(pass_file(live_pki))
    with pytest.raises(UntrustedData, match="malformed"):
        read_pass(votes_file(SMALL, EVERY_KIND, live_pki.signer("A-001")))


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("readings_of_both_passes", b'<CastVote Category="pass1">', b'<CastVote Category="pass2">'),
        ("a_reading_without_its_pass", b'<CastVote Category="pass1">', b"<CastVote>"),
        ("a_result_code_in_a_pass", b'<CastVote Category="pass1">', b'<CastVote Category="agreed">'),
        ("a_contested_reading_with_a_category", b"<Contest>", b'<Contest Category="SC2">'),
        ("a_reading_without_a_category", b'<Contest Category="SC1">', b"<Contest>"),
        ("a_name_with_markup", b"Gemeenteschool Zuid</", b"<b>x</b></"),
    ],
)
def test_reading_a_pass_outside_the_profile_names_the_problem(
    live_pki: LivePki, name: str, old: bytes, new: bytes
) -> None:
    data = pass_file(live_pki)
    assert old in data
    with pytest.raises(UntrustedData, match="malformed"):
        read_pass(data.replace(old, new, 1))


def test_an_empty_pass_cannot_be_written(live_pki: LivePki) -> None:
    with pytest.raises(ValueError, match="no reading"):
        write_pass("A-001", SMALL, 2, [], live_pki.signer("A-001"), issue_date=ISSUE_DATE)


def test_the_result_names_its_bureau_and_how_each_decided_ballot_came_to_be(live_pki: LivePki) -> None:
    from app.eml.votes import entries, write_votes

    origin = {BallotRef(2, 1): Provenance.AGREED, BallotRef(2, 2): Provenance.OVERRULED}
    data = write_votes(
        "A-001",
        SMALL,
        entries(EVERY_KIND[6:8]),
        live_pki.signer("A-001"),
        issue_date=ISSUE_DATE,
        station_name=NAME,
        provenance=origin,
    )
    assert validate(data) == []
    message = read_votes(data)
    assert message.station_name == NAME
    assert {c.ref: c.provenance for c in message.ballots} == origin
    with pytest.raises(UntrustedData, match="malformed"):
        read_votes(data.replace(b'Category="overruled"', b'Category="pass2"'))  # no reading of a pass in a result


def test_provenance_codes_are_the_profile_code_list() -> None:
    from app.eml import codes

    assert tuple(p.value for p in Provenance) == codes.PROVENANCE_CODES


XMLSEC1 = shutil.which("xmlsec1")


def test_xmlsec1_verifies_a_pass_file(tmp_path: Path, live_pki: LivePki) -> None:
    assert XMLSEC1 is not None, "xmlsec1 is part of the test tools (scripts/setup.sh)"
    file = tmp_path / "votes-460-pass1.xml"
    file.write_bytes(pass_file(live_pki))
    root = tmp_path / "root.pem"
    root.write_bytes(live_pki.root.certificate.public_bytes(Encoding.PEM))
    issuing = tmp_path / "issuing.pem"
    issuing.write_bytes(live_pki.issuing.certificate.public_bytes(Encoding.PEM))
    command = [XMLSEC1, "--verify", "--trusted-pem", str(root), "--untrusted-pem", str(issuing)]
    command += ["--id-attr:Id", "urn:oasis:names:tc:evs:schema:eml:EML", str(file)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    file.write_bytes(file.read_bytes().replace(b'Id="T1"', b'Id="T2"', 1))
    assert subprocess.run(command, capture_output=True, text=True, check=False).returncode != 0
