"""EML 230: candidate lists for provisioning (P5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.counting.model import ElectionCode, Kind
from app.eml.candidates import read_candidates, write_candidates
from app.eml.schemas import validate
from app.errors import BadInput
from tests.eml.cases import SMALL
from tests.eml.conftest import ISSUE_DATE
from tests.reference import chamber_2024

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "eml-samples" / "kiesraad-abacus"


def test_antwerp_lists_survive_a_round_trip_through_230() -> None:
    data = write_candidates([chamber_2024(), SMALL], issue_date=ISSUE_DATE.date())
    assert validate(data) == []
    assert read_candidates(data) == (chamber_2024(), SMALL)


def test_a_kiesraad_230_is_read_with_numbered_candidates_as_titulars() -> None:
    path = SAMPLES / "backend" / "src" / "eml" / "tests" / "eml230b_test.eml.xml"
    assert path.exists(), "the Kiesraad samples are in ../shared beside the repository"
    data = path.read_bytes().replace(
        b"<ElectionCategory>GR</ElectionCategory>", b"<ElectionCategory>VL</ElectionCategory>"
    )
    (election,) = read_candidates(data)
    assert election.code is ElectionCode.VL
    assert not election.has_successors
    first = election.lists[0]
    assert first.name == "Partijdige Partij"
    assert first.titulars[0].kind is Kind.TITULAR
    assert first.titulars[0].name.startswith("A.B.C.")


def _one_list(candidates: str) -> bytes:
    return f"""<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="230" SchemaVersion="5.0">
<TransactionId>1</TransactionId>
<CandidateList><Election><ElectionIdentifier Id="CK"/><Contest><ContestIdentifier Id="X"/>
<Affiliation><AffiliationIdentifier Id="1"><RegisteredName>L</RegisteredName></AffiliationIdentifier><Type>x</Type>
{candidates}</Affiliation></Contest></Election></CandidateList></EML>""".encode()


def test_names_come_from_name_parts_or_the_identifier() -> None:
    data = _one_list(
        """<Candidate><CandidateIdentifier Id="T1"/>
        <CandidateFullName xmlns:x="urn:oasis:names:tc:ciq:xsdschema:xNL:2.0">
        <x:PersonName><x:FirstName>Jan</x:FirstName><x:NamePrefix>de</x:NamePrefix><x:LastName>Smet</x:LastName>
        </x:PersonName></CandidateFullName></Candidate>
        <Candidate><CandidateIdentifier Id="S1"><CandidateName>Els Peeters</CandidateName></CandidateIdentifier>
        </Candidate>"""
    )
    (election,) = read_candidates(data)
    assert election.constituency == "X"
    assert [c.name for c in election.lists[0].titulars + election.lists[0].successors] == ["Jan de Smet", "Els Peeters"]
    assert election.has_successors


@pytest.mark.parametrize(
    "candidates",
    [
        '<Candidate><CandidateIdentifier Id="T2"/></Candidate>',  # gap
        '<Candidate><CandidateIdentifier Id="T1"/></Candidate><Candidate><CandidateIdentifier Id="T1"/></Candidate>',
        '<Candidate><CandidateIdentifier Id="Q1"/></Candidate>',
        '<Candidate><CandidateIdentifier Id="0"/></Candidate>',
    ],
)
def test_badly_numbered_candidates_are_bad_input(candidates: str) -> None:
    with pytest.raises(BadInput, match="malformed"):
        read_candidates(_one_list(candidates))


def test_duplicate_lists_are_bad_input() -> None:
    data = _one_list("").replace(b"</Affiliation>", b"</Affiliation>" + _affiliation_again(), 1)
    with pytest.raises(BadInput, match="malformed"):
        read_candidates(data)


def _affiliation_again() -> bytes:
    return (
        b'<Affiliation><AffiliationIdentifier Id="1"><RegisteredName>L</RegisteredName></AffiliationIdentifier>'
        b"<Type>x</Type></Affiliation>"
    )


def test_an_unknown_election_or_another_message_is_bad_input() -> None:
    with pytest.raises(BadInput, match="unknown_election"):
        read_candidates(_one_list("").replace(b'Id="CK"', b'Id="GR"'))
    with pytest.raises(BadInput, match="wrong_message"):
        read_candidates(_one_list("").replace(b'Id="230"', b'Id="110"'))
