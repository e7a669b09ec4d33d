"""Signing many targets at once gives byte for byte what signing them one by one gives, and verifies the same."""

from __future__ import annotations

import copy
from dataclasses import dataclass

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from lxml import etree

from app.errors import UntrustedData
from app.signing import pki
from app.signing.signer import KeySigner
from app.signing.xmldsig import DS_NS, sign_enveloped, verify_enveloped
from app.signing.xmldsig_batch import sign_each
from tests import conftest as shared
from tests.conftest import NOW

# Targets at two depths (the 460's ballots, and one deeper), with text, attributes and a namespace to canonicalise.
DOC = b"""<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="460">
  <Votes>
    <CastVote Category="agreed"><Contest Category="SC2"><Sel>caf\xc3\xa9 &amp; 1</Sel><Seal/></Contest></CastVote>
    <CastVote><Contest Spoilt="blank"><Sel/><Seal/></Contest></CastVote>
    <CastVote><Contest Category="SC1"><Sel>3</Sel><Seal/></Contest></CastVote>
    <Deeper><CastVote><Contest><Sel>4</Sel><Seal/></Contest></CastVote></Deeper>
  </Votes>
</EML>"""
NS = "{urn:oasis:names:tc:evs:schema:eml}"


@dataclass(frozen=True)
class DeterministicSigner:
    """The bureau's key signing with RFC 6979 nonces: the same bytes give the same signature, so two ways of
    signing can be compared byte for byte."""

    inner: KeySigner

    @property
    def certificate(self) -> x509.Certificate:
        return self.inner.certificate

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return self.inner.chain

    def sign(self, data: bytes) -> bytes:
        assert isinstance(self.inner.key, ec.EllipticCurvePrivateKey)
        return self.inner.key.sign(data, ec.ECDSA(hashes.SHA256(), deterministic_signing=True))


def _targets(root: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
    return [(cv, cv.find(f"{NS}Contest/{NS}Seal")) for cv in root.iter(f"{NS}CastVote")]  # type: ignore[misc]


def _laid_out() -> etree._Element:
    root = etree.fromstring(DOC)
    etree.indent(root, space="  ")
    return root


@pytest.fixture(params=["ecdsa", "rsa"])
def signer(request: pytest.FixtureRequest, test_pki: shared.TestPki) -> DeterministicSigner | KeySigner:
    if request.param == "ecdsa":
        return DeterministicSigner(test_pki.signer("A-001"))
    station = pki.make_station_certificate(test_pki.issuing, "R-1", NOW, key_type=pki.KeyType.RSA_3072)
    return KeySigner(station.key, station.certificate, (station.certificate,))  # PKCS#1 v1.5: deterministic


def test_signing_together_gives_the_bytes_of_signing_one_by_one(signer: DeterministicSigner | KeySigner) -> None:
    one_by_one, together = _laid_out(), _laid_out()
    for target, seal in _targets(one_by_one):
        sign_enveloped(target, seal, signer)
    assert sign_each(_targets(together), signer) == 4
    assert etree.tostring(together) == etree.tostring(one_by_one)


def test_every_signature_made_together_verifies_and_names_a_changed_ballot(test_pki: shared.TestPki) -> None:
    signer = test_pki.signer("A-001")  # the bureau's real signer: random nonces
    root = _laid_out()
    sign_each(_targets(root), signer)
    parsed = etree.fromstring(etree.tostring(root))  # through bytes, as a verifier sees it
    key = signer.certificate.public_key()
    for target, _ in _targets(parsed):
        verify_enveloped(target, target.find(f".//{{{DS_NS}}}Signature"), key)  # type: ignore[arg-type]
    changed = copy.deepcopy(parsed)
    changed.find(f".//{NS}Sel").text = "2"  # type: ignore[union-attr]
    target = next(iter(changed.iter(f"{NS}CastVote")))
    with pytest.raises(UntrustedData, match="digest_mismatch"):
        verify_enveloped(target, target.find(f".//{{{DS_NS}}}Signature"), key)  # type: ignore[arg-type]


def test_a_seal_that_is_not_empty_is_refused(test_pki: shared.TestPki) -> None:
    root = _laid_out()
    targets = _targets(root)
    targets[1][1].text = "already"
    with pytest.raises(ValueError, match="empty"):
        sign_each(targets, test_pki.signer("A-001"))
