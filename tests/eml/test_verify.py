"""Verification of signed EML (O1, O2, P4): tamper table, chain checks, interoperability with xmlsec1 and signxml."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from app.counting.classify import classify
from app.counting.tally import tally
from app.eml.count import read_count
from app.eml.verify import verify_message
from app.eml.votes import read_votes, recount
from app.errors import UntrustedData
from tests.eml.cases import CONTESTED, EVERY_KIND, SMALL
from tests.eml.conftest import LivePki, count_file, make_ballots, votes_file
from tests.reference import chamber_2024

EML = "{urn:oasis:names:tc:evs:schema:eml}"
DS = "{http://www.w3.org/2000/09/xmldsig#}"
XMLSEC1 = shutil.which("xmlsec1")


@pytest.fixture(scope="module")
def antwerp_460(live_pki: LivePki) -> bytes:
    return votes_file(chamber_2024(), make_ballots(chamber_2024(), 300), live_pki.signer("A-001"))


@pytest.fixture(scope="module")
def antwerp_510(live_pki: LivePki) -> bytes:
    return count_file(chamber_2024(), make_ballots(chamber_2024(), 300), live_pki.signer("A-001"))


def test_a_valid_460_verifies_every_ballot_and_recounts_to_the_510(
    live_pki: LivePki, antwerp_460: bytes, antwerp_510: bytes
) -> None:
    verified = verify_message(antwerp_460, live_pki.root.certificate, at=live_pki.at, expected_station="A-001")
    assert (verified.message_id, verified.station_id, verified.ballot_signatures) == ("460", "A-001", 300)
    assert verified.signer_certificate == live_pki.signer("A-001").certificate
    assert verified.chain[-1] == live_pki.root.certificate
    assert verify_message(antwerp_510, live_pki.root.certificate, at=live_pki.at).ballot_signatures == 0
    assert recount(read_votes(antwerp_460), chamber_2024()) == read_count(antwerp_510).tally


def test_2400_ballots_sign_write_and_verify(live_pki: LivePki) -> None:
    election = chamber_2024()
    ballots = make_ballots(election, 2400)
    data = votes_file(election, ballots, live_pki.signer("A-001"))
    assert verify_message(data, live_pki.root.certificate, at=live_pki.at).ballot_signatures == 2400
    assert recount(read_votes(data), election) == tally(election, (classify(b) for _, b in ballots))


# ---------------------------------------------------------------------------------------------------- tampering

Tamper = Callable[[etree._Element], None]


def _cast_vote(root: etree._Element, pile_position: str) -> etree._Element:
    for cast_vote in root.iter(f"{EML}CastVote"):
        identifier = cast_vote.find(f"{EML}BallotIdentifier")
        if identifier is not None and identifier.get("Id") == pile_position:
            return cast_vote
    raise AssertionError(pile_position)


def _change_candidate(root: etree._Element) -> None:
    _cast_vote(root, "1-2").iter(f"{EML}CandidateIdentifier").__next__().set("Id", "T2")


def _change_category(root: etree._Element) -> None:
    next(_cast_vote(root, "1-5").iter(f"{EML}Contest")).set("Category", "SC3")


def _delete_ballot(root: etree._Element) -> None:
    cast_vote = _cast_vote(root, "1-6")
    cast_vote.getparent().remove(cast_vote)  # type: ignore[union-attr]


def _add_ballot(root: etree._Element) -> None:
    extra = copy.deepcopy(_cast_vote(root, "1-1"))
    extra.find(f"{EML}BallotIdentifier").set("Id", "9-1")  # type: ignore[union-attr]
    _cast_vote(root, "2-5").addnext(extra)


def _duplicate_ballot(root: etree._Element) -> None:
    _cast_vote(root, "2-5").addnext(copy.deepcopy(_cast_vote(root, "1-1")))


def _change_list_total(root: etree._Element) -> None:
    next(root.iter(f"{EML}ValidVotes")).text = "3"


def _change_blank(root: etree._Element) -> None:
    for rejected in root.iter(f"{EML}RejectedVotes"):
        if rejected.get("ReasonCode") == "blank":
            rejected.text = "0"


def _remove_ballot_signature(root: etree._Element) -> None:
    signature = _cast_vote(root, "1-3").find(f".//{DS}Signature")
    signature.getparent().remove(signature)  # type: ignore[union-attr]


def _move_ballot_signature(up: int) -> Tamper:
    """Ballot 1-3's only signature moved `up` levels from its Seal (into the Contest, the Election, the CastVote)."""

    def tamper(root: etree._Element) -> None:
        signature = _cast_vote(root, "1-3").find(f".//{DS}Signature")
        assert signature is not None
        target = signature.getparent()
        for _ in range(up):
            target = target.getparent()  # type: ignore[union-attr]
        target.append(signature)  # type: ignore[union-attr]

    return tamper


def _swap_ballot_signatures(root: etree._Element) -> None:
    first = _cast_vote(root, "1-1").find(f".//{EML}Seal")
    second = _cast_vote(root, "1-2").find(f".//{EML}Seal")
    assert first is not None and second is not None
    a, b = first[0], second[0]
    first.replace(a, copy.deepcopy(b))
    second.replace(b, copy.deepcopy(a))


def _stray_signature(root: etree._Element) -> None:
    root.append(copy.deepcopy(root.find(f"{EML}Seal/{DS}Signature")))  # type: ignore[arg-type]


def _remove_message_seal(root: etree._Element) -> None:
    seal = root.find(f"{EML}Seal")
    root.remove(seal)  # type: ignore[arg-type]


def _rename_bureau(root: etree._Element) -> None:
    next(root.iter(f"{EML}ReportingUnitIdentifier")).set("Id", "A-002")


TAMPER_460: list[tuple[str, Tamper, str, dict[str, object]]] = [
    ("one candidate of one ballot", _change_candidate, "eml.ballot_signature_invalid", {"ballot": "1/2"}),
    ("a changed category", _change_category, "eml.ballot_signature_invalid", {"ballot": "1/5"}),
    ("a deleted ballot", _delete_ballot, "eml.message_signature_invalid", {"message": "460"}),
    ("an added ballot", _add_ballot, "eml.ballot_signature_invalid", {"ballot": "9/1"}),
    ("a ballot copied verbatim", _duplicate_ballot, "eml.message_signature_invalid", {"message": "460"}),
    ("a ballot without its signature", _remove_ballot_signature, "eml.ballot_signature_missing", {"ballot": "1/3"}),
    (
        "a ballot's signature in its Contest",
        _move_ballot_signature(1),
        "eml.ballot_signature_missing",
        {"ballot": "1/3"},
    ),
    (
        "a ballot's signature in its Election",
        _move_ballot_signature(2),
        "eml.ballot_signature_missing",
        {"ballot": "1/3"},
    ),
    (
        "a ballot's signature in its CastVote",
        _move_ballot_signature(3),
        "eml.ballot_signature_missing",
        {"ballot": "1/3"},
    ),
    ("two ballot signatures swapped", _swap_ballot_signatures, "eml.ballot_signature_invalid", {"ballot": "1/1"}),
    ("a stray signature", _stray_signature, "eml.signature_unexpected", {"message": "460"}),
    ("no message seal", _remove_message_seal, "eml.signature_missing", {"message": "460"}),
]

TAMPER_510: list[tuple[str, Tamper, str, dict[str, object]]] = [
    ("a list total", _change_list_total, "eml.message_signature_invalid", {"message": "510"}),
    ("the blank ballots", _change_blank, "eml.message_signature_invalid", {"message": "510"}),
    ("the bureau", _rename_bureau, "eml.message_signature_invalid", {"message": "510"}),
]


def _tampered(data: bytes, tamper: Tamper) -> bytes:
    root = etree.fromstring(data)
    tamper(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize(("case", "tamper", "key", "params"), TAMPER_460, ids=[row[0] for row in TAMPER_460])
def test_tampered_460_fails_naming_what_changed(
    live_pki: LivePki, case: str, tamper: Tamper, key: str, params: dict[str, object]
) -> None:
    data = votes_file(SMALL, EVERY_KIND, live_pki.signer("A-001"), contested=CONTESTED)
    with pytest.raises(UntrustedData) as error:
        verify_message(_tampered(data, tamper), live_pki.root.certificate, at=live_pki.at)
    assert error.value.key == key
    assert {k: v for k, v in error.value.params.items() if k != "detail"} == params


@pytest.mark.parametrize(("case", "tamper", "key", "params"), TAMPER_510, ids=[row[0] for row in TAMPER_510])
def test_tampered_510_fails_naming_what_changed(
    live_pki: LivePki, case: str, tamper: Tamper, key: str, params: dict[str, object]
) -> None:
    data = count_file(SMALL, EVERY_KIND, live_pki.signer("A-001"))
    with pytest.raises(UntrustedData) as error:
        verify_message(_tampered(data, tamper), live_pki.root.certificate, at=live_pki.at)
    assert (error.value.key, {k: v for k, v in error.value.params.items() if k != "detail"}) == (key, params)


def test_unchanged_reserialisation_still_verifies(live_pki: LivePki) -> None:
    data = votes_file(SMALL, EVERY_KIND, live_pki.signer("A-001"), contested=CONTESTED)
    verify_message(_tampered(data, lambda root: None), live_pki.root.certificate, at=live_pki.at)


# ---------------------------------------------------------------------------------------------------- the signer


def test_another_root_is_not_trusted(live_pki: LivePki, antwerp_510: bytes) -> None:
    stranger = LivePki()
    with pytest.raises(UntrustedData, match="certificate_untrusted"):
        verify_message(antwerp_510, stranger.root.certificate, at=live_pki.at)


def test_an_expired_bureau_certificate_is_not_trusted(live_pki: LivePki, antwerp_510: bytes) -> None:
    with pytest.raises(UntrustedData, match="certificate_untrusted"):
        verify_message(antwerp_510, live_pki.root.certificate, at=live_pki.at + dt.timedelta(days=400))


def test_the_expected_bureau_must_have_signed(live_pki: LivePki, antwerp_510: bytes) -> None:
    with pytest.raises(UntrustedData) as error:
        verify_message(antwerp_510, live_pki.root.certificate, at=live_pki.at, expected_station="A-002")
    assert error.value.params == {"station": "A-002", "certificate": "A-001"}


def test_a_file_signed_by_one_bureau_naming_another_fails(live_pki: LivePki) -> None:
    # A-002 signs a file whose ballots name A-001: caught even though every signature is genuine.
    data = count_file(SMALL, EVERY_KIND, live_pki.signer("A-002"), station="A-002")
    root = etree.fromstring(data)
    seal = root.find(f"{EML}Seal")
    assert seal is not None
    seal.remove(seal[0])
    seal.text = None
    next(root.iter(f"{EML}ReportingUnitIdentifier")).set("Id", "A-001")
    from app.signing.xmldsig import sign_enveloped

    signer = live_pki.signer("A-002")
    sign_enveloped(root, seal, signer, certificates=signer.chain)
    with pytest.raises(UntrustedData) as error:
        verify_message(etree.tostring(root), live_pki.root.certificate, at=live_pki.at)
    assert error.value.params == {"station": "A-001", "certificate": "A-002"}


def test_a_message_without_certificates_fails(live_pki: LivePki, antwerp_510: bytes) -> None:
    root = etree.fromstring(antwerp_510)
    key_info = root.find(f"{EML}Seal/{DS}Signature/{DS}KeyInfo")
    key_info.getparent().remove(key_info)  # type: ignore[union-attr]
    with pytest.raises(UntrustedData, match="no_certificates"):
        verify_message(etree.tostring(root), live_pki.root.certificate, at=live_pki.at)


def test_something_else_than_eml_fails(live_pki: LivePki) -> None:
    with pytest.raises(UntrustedData, match="wrong_message"):
        verify_message(b"<html/>", live_pki.root.certificate, at=live_pki.at)


def test_rsa_bureau_keys_work_too(rsa_pki: LivePki) -> None:
    data = votes_file(SMALL, EVERY_KIND, rsa_pki.signer("B-7"), station="B-7")
    assert verify_message(data, rsa_pki.root.certificate, at=rsa_pki.at).ballot_signatures == len(EVERY_KIND)


# ---------------------------------------------------------------------------------------------------- interop


def _pem(path: Path, certificate: object) -> Path:
    path.write_bytes(certificate.public_bytes(Encoding.PEM))  # type: ignore[attr-defined]
    return path


def _xmlsec1(*args: str | Path) -> subprocess.CompletedProcess[str]:
    assert XMLSEC1 is not None
    return subprocess.run([XMLSEC1, *map(str, args)], capture_output=True, text=True, check=False)


@pytest.mark.parametrize("pki_name", ["live_pki", "rsa_pki"])
@pytest.mark.parametrize("message", ["460", "510"])
def test_xmlsec1_verifies_the_message_seal(
    tmp_path: Path, request: pytest.FixtureRequest, pki_name: str, message: str
) -> None:
    pki: LivePki = request.getfixturevalue(pki_name)
    writer = votes_file if message == "460" else count_file
    data = writer(SMALL, EVERY_KIND, pki.signer("A-001"))
    (tmp_path / "file.xml").write_bytes(data)
    root = _pem(tmp_path / "root.pem", pki.root.certificate)
    issuing = _pem(tmp_path / "issuing.pem", pki.issuing.certificate)
    args = ["--verify", "--trusted-pem", root, "--untrusted-pem", issuing]
    result = _xmlsec1(*args, "--id-attr:Id", "urn:oasis:names:tc:evs:schema:eml:EML", tmp_path / "file.xml")
    assert result.returncode == 0, result.stderr
    (tmp_path / "file.xml").write_bytes(_tampered(data, _change_list_total if message == "510" else _delete_ballot))
    result = _xmlsec1(*args, "--id-attr:Id", "urn:oasis:names:tc:evs:schema:eml:EML", tmp_path / "file.xml")
    assert result.returncode != 0


def test_xmlsec1_verifies_one_extracted_ballot_with_the_bureau_certificate(tmp_path: Path, live_pki: LivePki) -> None:
    data = votes_file(SMALL, EVERY_KIND, live_pki.signer("A-001"), contested=CONTESTED)
    cast_vote = copy.deepcopy(_cast_vote(etree.fromstring(data), "2-2"))
    cast_vote.tail = None
    ballot = tmp_path / "ballot.xml"
    ballot.write_bytes(etree.tostring(cast_vote, xml_declaration=True, encoding="UTF-8"))
    bureau = _pem(tmp_path / "bureau.pem", live_pki.signer("A-001").certificate)
    assert _xmlsec1("--verify", "--pubkey-cert-pem", bureau, ballot).returncode == 0
    other = _pem(tmp_path / "other.pem", live_pki.signer("A-009").certificate)
    assert _xmlsec1("--verify", "--pubkey-cert-pem", other, ballot).returncode != 0
    _change_candidate_of(cast_vote)
    ballot.write_bytes(etree.tostring(cast_vote))
    assert _xmlsec1("--verify", "--pubkey-cert-pem", bureau, ballot).returncode != 0


def _change_candidate_of(cast_vote: etree._Element) -> None:
    next(cast_vote.iter(f"{EML}AffiliationIdentifier")).set("Id", "99")


def test_signxml_agrees_on_the_message_seal_and_a_ballot(tmp_path: Path, live_pki: LivePki) -> None:
    from signxml import SignatureConfiguration, SignatureMethod, XMLVerifier

    data = votes_file(SMALL, EVERY_KIND, live_pki.signer("A-001"))
    root_pem = _pem(tmp_path / "root.pem", live_pki.root.certificate)
    config = SignatureConfiguration(signature_methods=frozenset({SignatureMethod.ECDSA_SHA256}))
    # signxml picks the first signature in document order: the message Seal in the EML header, with its second
    # reference over the platform it was made on (the signature properties).
    seal_config = SignatureConfiguration(signature_methods=config.signature_methods, expect_references=2)
    whole, platform = XMLVerifier().verify(data, ca_pem_file=str(root_pem), expect_config=seal_config)
    assert etree.tostring(whole.signed_xml).count(b"<CastVote") == len(EVERY_KIND)
    assert platform.signed_xml.tag == f"{DS}SignatureProperties"
    assert b"<tabula:Mode>development</tabula:Mode>" in etree.tostring(platform.signed_xml)
    cast_vote = copy.deepcopy(_cast_vote(etree.fromstring(data), "1-3"))
    bureau = live_pki.signer("A-001").certificate.public_bytes(Encoding.PEM).decode()
    XMLVerifier().verify(etree.tostring(cast_vote), x509_cert=bureau, expect_config=config)
    _change_candidate_of(cast_vote)
    with pytest.raises(Exception, match=r"[Dd]igest"):
        XMLVerifier().verify(etree.tostring(cast_vote), x509_cert=bureau, expect_config=config)
