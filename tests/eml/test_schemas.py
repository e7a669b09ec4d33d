"""Validation against OASIS EML 5.0 and the Tabula profile (O5)."""

from __future__ import annotations

from lxml import etree

from app.eml import codes
from app.eml.schemas import SCHEMA_FILES, oasis_schema, validate, xsd_dir
from tests.eml.cases import EVERY_KIND, SMALL
from tests.eml.conftest import LivePki, count_file, votes_file

XS = "{http://www.w3.org/2001/XMLSchema}"


def test_every_message_schema_compiles_offline() -> None:
    for message_id in SCHEMA_FILES:
        assert oasis_schema(message_id) is oasis_schema(message_id)  # compiled once


def test_a_missing_required_element_is_reported_with_its_line(live_pki: LivePki) -> None:
    data = votes_file(SMALL, EVERY_KIND[:1], live_pki.signer("A-001"))
    broken = data.replace(b"<TransactionId>1</TransactionId>", b"", 1)
    problems = validate(broken)
    assert problems and problems[0].startswith("line ")
    assert "TransactionId" in problems[0]


def test_a_code_outside_the_profile_is_reported(live_pki: LivePki) -> None:
    data = count_file(SMALL, EVERY_KIND, live_pki.signer("A-001"))
    problems = validate(data.replace(b'ReasonCode="altered"', b'ReasonCode="torn"', 1))
    assert len(problems) == 1
    assert "RejectedVotes/@ReasonCode 'torn'" in problems[0]


def test_a_candidate_id_outside_the_profile_is_reported(live_pki: LivePki) -> None:
    data = votes_file(SMALL, EVERY_KIND[1:2], live_pki.signer("A-001"))
    problems = validate(data.replace(b'Id="T1"', b'Id="7"', 1))
    assert problems == [p for p in problems if "CandidateIdentifier/@Id '7'" in p] and problems


def test_unknown_messages_and_non_xml_are_reported() -> None:
    assert "not an EML message" in validate(b'<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="999"/>')[0]
    assert "not an EML message" in validate(b"<html/>")[0]
    assert validate(b"not xml")[0].startswith("not readable as XML")


def test_profile_code_lists_equal_the_extension_schema() -> None:
    with (xsd_dir() / "tabula-be-eml-ext-1.xsd").open("rb") as f:
        schema = etree.parse(f)
    etree.XMLSchema(schema)  # it is a valid schema in its own right

    def enumeration(name: str) -> tuple[str, ...]:
        return tuple(e.get("value") or "" for e in schema.iterfind(f"{XS}simpleType[@name='{name}']//{XS}enumeration"))

    assert enumeration("CategoryCode") == codes.CATEGORY_CODES
    assert enumeration("SpoiltCode") == codes.SPOILT_CODES
    assert enumeration("ProposedRejectionCode") == (codes.CONTESTED,)
    assert enumeration("CastVoteCategory") == (*codes.PASS_CODES, *codes.PROVENANCE_CODES)
    assert enumeration("MetricType") == (
        *codes.CATEGORY_CODES,
        codes.METRIC_TITULAR_VOTES,
        codes.METRIC_SUCCESSOR_VOTES,
        codes.METRIC_VALID,
        codes.METRIC_INVALID,
        codes.METRIC_BLANK_OR_INVALID,
    )
