"""Verification of a signed EML message from a results stick (P4: anyone with the root certificate can verify).

Checks, in this order, so that a failure names the most specific culprit:
1. the message `Seal` carries the bureau certificate (and the issuing CA's), chaining to the given root at `at`;
2. 460 only: every `CastVote` carries exactly one signature in `Election/Contest/Seal`, made with the bureau key
   over that `CastVote` alone (a changed ballot is named by its pile and position) — except in the reading of a
   pass (every `CastVote` marked `pass1` or `pass2`, `app.eml.passes`), which is signed only as a whole;
3. the message `Seal` signs the whole file (a deleted, added or reordered ballot, or a changed total);
4. every `ReportingUnitIdentifier` in the message is the bureau of the certificate (and the expected one);
5. what produced it (`app.eml.provenance`): the platform signed into the `Seal`, and training said everywhere or
   nowhere.

Only the verified bytes may be read afterwards (`read_votes`, `read_count`); the schema check is `schemas.validate`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from lxml import etree

from app.counting.model import StationId
from app.eml import codes
from app.eml.codes import NS
from app.eml.common import q
from app.eml.provenance import is_training, read_platform
from app.eml.safe_xml import parse
from app.errors import UntrustedData
from app.platform.measurement import Measurement
from app.signing.pki import station_id_of
from app.signing.xmldsig import DS_NS, PublicKey, signature_certificates, verify_chain, verify_enveloped

_SIGNATURE = f"{{{DS_NS}}}Signature"


@dataclass(frozen=True)
class VerifiedMessage:
    message_id: str  # "460", "510"
    station_id: StationId  # the bureau of the signing certificate
    signer_certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]  # bureau, issuing CA, root
    ballot_signatures: int  # 460: the number of ballots whose own signature was checked; else 0 (also a pass)
    platform: Measurement | None = None  # signed into the Seal; None: the message does not say (not ours)
    training: bool = False  # a training result (contract `--training`)


def verify_message(
    xml_bytes: bytes,
    root_certificate: x509.Certificate,
    *,
    at: dt.datetime,
    expected_station: str | None = None,
) -> VerifiedMessage:
    """Verify every signature of an EML message and the bureau behind it; raise UntrustedData naming what failed.

    `at` is the time the certificates must be valid at: the caller's clock, or the election night for an audit.
    """
    return verify_tree(
        parse(xml_bytes, error=UntrustedData), root_certificate, at=at, expected_station=expected_station
    )


def verify_tree(
    root: etree._Element,
    root_certificate: x509.Certificate,
    *,
    at: dt.datetime,
    expected_station: str | None = None,
) -> VerifiedMessage:
    """`verify_message` on a message already parsed by `app.eml.safe_xml.parse` (so that the verifier parses each
    file once for its signatures, its schema and its reading). The tree is left exactly as it was, also when a
    check fails: every signature is checked with the `Signature` taken out and put back (`xmldsig._detached`)."""
    if root.tag != q("EML"):
        raise UntrustedData("eml.wrong_message", expected="EML", found=str(root.tag))
    seal_signature = _message_signature(root)
    certificates = signature_certificates(seal_signature)
    if not certificates:
        raise UntrustedData("eml.no_certificates")
    try:
        chain = verify_chain(certificates[0], certificates[1:], root_certificate, at)
    except UntrustedData as exc:
        raise UntrustedData("eml.certificate_untrusted", **exc.params) from None
    signer = certificates[0]
    station = station_id_of(signer)
    if expected_station is not None and station != expected_station:
        raise UntrustedData("eml.station_mismatch", station=expected_station, certificate=station)
    key = _public_key(signer)
    ballots = _verify_ballots(root, key) if root.get("Id") == "460" and not _is_pass_reading(root) else 0
    _expect_signature_count(root, 1 + ballots)
    try:
        properties = verify_enveloped(root, seal_signature, key)
    except UntrustedData as exc:
        raise UntrustedData("eml.message_signature_invalid", message=str(root.get("Id")), detail=exc.key) from None
    _check_reporting_units(root, station)
    platform, training = read_platform(properties), is_training(root)
    return VerifiedMessage(str(root.get("Id")), StationId(station), signer, chain, ballots, platform, training)


def _message_signature(root: etree._Element) -> etree._Element:
    seals = root.findall(q("Seal"))
    signatures = seals[0].findall(_SIGNATURE) if len(seals) == 1 else []
    if len(signatures) != 1:
        raise UntrustedData("eml.signature_missing", message=str(root.get("Id")))
    return signatures[0]


def _public_key(certificate: x509.Certificate) -> PublicKey:
    key = certificate.public_key()
    if not isinstance(key, PublicKey):
        raise UntrustedData("eml.certificate_untrusted", detail="unsupported key type")
    return key


def _verify_ballots(root: etree._Element, key: PublicKey) -> int:
    votes = root.find(q("Votes"))
    if votes is None:
        raise UntrustedData("eml.malformed", what="Votes", line=root.sourceline or 0)
    count = 0
    for index, cast_vote in enumerate(votes.iterfind(q("CastVote")), start=1):
        signatures = list(cast_vote.iter(_SIGNATURE))
        if len(signatures) != 1 or not _in_ballot_seal(signatures[0], cast_vote):
            raise UntrustedData("eml.ballot_signature_missing", ballot=_ballot_name(cast_vote, index))
        try:
            verify_enveloped(cast_vote, signatures[0], key)
        except UntrustedData as exc:
            name = _ballot_name(cast_vote, index)  # only for a ballot that fails: 2,400 lookups otherwise
            raise UntrustedData("eml.ballot_signature_invalid", ballot=name, detail=exc.key) from None
        count += 1
    return count


_BALLOT_SEAL = (q("Seal"), q("Contest"), q("Election"))  # a ballot's signature, upwards to its CastVote


def _in_ballot_seal(signature: etree._Element, cast_vote: etree._Element) -> bool:
    """`signature` lies at `Election/Contest/Seal/ds:Signature` in `cast_vote` (what `find` of that path says when
    it is the ballot's only signature, walked upwards: `find` costs 7 µs a ballot)."""
    element: etree._Element | None = signature
    for tag in _BALLOT_SEAL:
        element = element.getparent() if element is not None else None
        if element is None or element.tag != tag:
            return False
    return element is not None and element.getparent() is cast_vote


def _is_pass_reading(root: etree._Element) -> bool:
    """A pass file: a 460 whose every `CastVote` is a reading of a pass; its ballots carry no signature."""
    cast_votes = _count(root, "count(eml:Votes/eml:CastVote)")
    return cast_votes > 0 and _count(root, f"count(eml:Votes/eml:CastVote[{_PASS_CATEGORY}])") == cast_votes


# Counted by XPath, in C: a Python loop over 2,400 ballots costs more than the check it makes.
_PASS_CATEGORY = " or ".join(f"@Category = '{code}'" for code in codes.PASS_CODES)
_NAMESPACES = {"eml": NS, "ds": DS_NS}


def _count(root: etree._Element, expression: str) -> int:
    found = root.xpath(expression, namespaces=_NAMESPACES)
    assert isinstance(found, float)  # count() is a number
    return int(found)


def _ballot_name(cast_vote: etree._Element, index: int) -> str:
    """A ballot as people name it: pile/position, else its rank in the file."""
    identifier = cast_vote.find(q("BallotIdentifier"))
    ref = codes.parse_ballot_id(identifier.get("Id") if identifier is not None else None)
    return str(ref) if ref is not None else f"#{index}"


def _expect_signature_count(root: etree._Element, expected: int) -> None:
    # A stray signature anywhere else could mislead another verifier that picks "the first signature".
    if _count(root, "count(descendant-or-self::ds:Signature)") != expected:
        raise UntrustedData("eml.signature_unexpected", message=str(root.get("Id")))


def _check_reporting_units(root: etree._Element, station: str) -> None:
    """Every `ReportingUnitIdentifier` names `station`; the first that does not is named (one XPath, in C)."""
    others = root.xpath(
        "descendant-or-self::eml:ReportingUnitIdentifier[not(@Id = $station)]", namespaces=_NAMESPACES, station=station
    )
    if isinstance(others, list) and others:
        unit = others[0]
        assert isinstance(unit, etree._Element)
        raise UntrustedData("eml.station_mismatch", station=str(unit.get("Id")), certificate=station)
