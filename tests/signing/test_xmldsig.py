"""Enveloped XML-DSig through the Signer port: our single profile, and everything outside it refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519
from lxml import etree

from app.errors import UntrustedData
from app.signing.signer import KeySigner
from app.signing.xmldsig import (
    DS_NS,
    EXC_C14N,
    RSA_SHA256,
    c14n,
    sign_enveloped,
    signature_certificates,
    verify_chain,
    verify_enveloped,
)
from tests import conftest as shared
from tests.conftest import NOW

DS = f"{{{DS_NS}}}"
DOC = b"""<doc xmlns="urn:example" xmlns:unused="urn:unused">
  <item n="1">caf\xc3\xa9 &amp; thee</item>
  <box>
    <seal/>
  </box>
</doc>"""


def _signed(signer: KeySigner, *, certificates: bool = True) -> etree._Element:
    root = etree.fromstring(DOC)
    seal = root.find("{urn:example}box/{urn:example}seal")
    assert seal is not None
    sign_enveloped(root, seal, signer, certificates=signer.chain if certificates else ())
    return etree.fromstring(etree.tostring(root))  # through bytes, as a verifier sees it


def _signature(root: etree._Element) -> etree._Element:
    found = root.find(f".//{DS}Signature")
    assert found is not None
    return found


def test_a_signature_verifies_and_carries_the_chain(test_pki: shared.TestPki) -> None:
    signer = test_pki.signer("A-001")
    root = _signed(signer)
    verify_enveloped(root, _signature(root), signer.certificate.public_key())  # type: ignore[arg-type]
    assert signature_certificates(_signature(root)) == signer.chain


def test_verifying_leaves_the_tree_exactly_as_it_was(test_pki: shared.TestPki) -> None:
    signer = test_pki.signer("A-001")
    root = _signed(signer)
    before = etree.tostring(root)
    verify_enveloped(root, _signature(root), signer.certificate.public_key())  # type: ignore[arg-type]
    assert etree.tostring(root) == before


def test_the_signed_document_keeps_its_layout(test_pki: shared.TestPki) -> None:
    text = etree.tostring(_signed(test_pki.signer("A-001"), certificates=False)).decode()
    assert "\n    <seal>\n      <ds:Signature" in text
    assert "</ds:Signature>\n    </seal>\n  </box>" in text


def test_a_signature_by_another_key_fails(test_pki: shared.TestPki) -> None:
    root = _signed(test_pki.signer("A-001"))
    with pytest.raises(UntrustedData, match="bad_signature"):
        verify_enveloped(root, _signature(root), test_pki.signer("A-002").certificate.public_key())  # type: ignore[arg-type]


def test_changed_content_fails_on_the_digest(test_pki: shared.TestPki) -> None:
    signer = test_pki.signer("A-001")
    root = _signed(signer)
    item = root.find("{urn:example}item")
    assert item is not None
    item.text = "koffie"
    with pytest.raises(UntrustedData, match="digest_mismatch"):
        verify_enveloped(root, _signature(root), signer.certificate.public_key())  # type: ignore[arg-type]


def test_the_seal_must_be_empty(test_pki: shared.TestPki) -> None:
    root = etree.fromstring(DOC)
    with pytest.raises(ValueError, match="empty"):
        sign_enveloped(root, root, test_pki.signer("A-001"))


@dataclass(frozen=True)
class _Ed25519Signer:
    key: ed25519.Ed25519PrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    def sign(self, data: bytes) -> bytes:
        return self.key.sign(data)


def test_only_ecdsa_and_rsa_keys_can_sign(test_pki: shared.TestPki) -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(test_pki.root.certificate.subject)
        .issuer_name(test_pki.root.certificate.subject)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(NOW)
        .not_valid_after(NOW + dt.timedelta(days=1))
        .sign(key, None)
    )
    root = etree.fromstring(DOC)
    seal = root.find("{urn:example}box/{urn:example}seal")
    assert seal is not None
    with pytest.raises(ValueError, match="ECDSA and RSA"):
        sign_enveloped(root, seal, _Ed25519Signer(key, certificate))


# ---------------------------------------------------------------------------------------------------- the profile

Edit = Callable[[etree._Element], None]


def _set(path: str, attribute: str, value: str) -> Edit:
    def edit(signature: etree._Element) -> None:
        element = signature.find(path, {"ds": DS_NS})
        assert element is not None
        element.set(attribute, value)

    return edit


def _text(path: str, value: str) -> Edit:
    def edit(signature: etree._Element) -> None:
        element = signature.find(path, {"ds": DS_NS})
        assert element is not None
        element.text = value

    return edit


def _duplicate_reference(signature: etree._Element) -> None:
    reference = signature.find("ds:SignedInfo/ds:Reference", {"ds": DS_NS})
    assert reference is not None
    reference.addnext(etree.fromstring(etree.tostring(reference)))


def _inclusive_namespaces(signature: etree._Element) -> None:
    transform = signature.find("ds:SignedInfo/ds:Reference/ds:Transforms/ds:Transform[2]", {"ds": DS_NS})
    assert transform is not None
    etree.SubElement(transform, f"{{{EXC_C14N}}}InclusiveNamespaces", PrefixList="unused")


def _c14n_child(signature: etree._Element) -> None:
    method = signature.find("ds:SignedInfo/ds:CanonicalizationMethod", {"ds": DS_NS})
    assert method is not None
    etree.SubElement(method, f"{{{EXC_C14N}}}InclusiveNamespaces", PrefixList="unused")


def _swap_first_children(signature: etree._Element) -> None:
    signature.insert(0, signature[1])


PROFILE_BREAKS: list[tuple[str, Edit, str]] = [
    (
        "inclusive c14n",
        _set("ds:SignedInfo/ds:CanonicalizationMethod", "Algorithm", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"),
        "malformed",
    ),
    (
        "sha1",
        _set("ds:SignedInfo/ds:SignatureMethod", "Algorithm", "http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
        "malformed",
    ),
    ("rsa method on an ec key", _set("ds:SignedInfo/ds:SignatureMethod", "Algorithm", RSA_SHA256), "malformed"),
    ("a reference by id", _set("ds:SignedInfo/ds:Reference", "URI", "#x"), "malformed"),
    (
        "sha1 digest",
        _set("ds:SignedInfo/ds:Reference/ds:DigestMethod", "Algorithm", "http://www.w3.org/2000/09/xmldsig#sha1"),
        "malformed",
    ),
    (
        "no enveloped transform",
        _set("ds:SignedInfo/ds:Reference/ds:Transforms/ds:Transform", "Algorithm", EXC_C14N),
        "malformed",
    ),
    ("two references", _duplicate_reference, "malformed"),
    ("inclusive namespaces in the transform", _inclusive_namespaces, "malformed"),
    ("inclusive namespaces in SignedInfo", _c14n_child, "malformed"),
    ("SignatureValue first", _swap_first_children, "malformed"),
    ("digest not base64", _text("ds:SignedInfo/ds:Reference/ds:DigestValue", "@@@"), "malformed"),
    ("a short ECDSA value", _text("ds:SignatureValue", "AAAA"), "bad_signature"),
]


@pytest.mark.parametrize(("case", "edit", "key"), PROFILE_BREAKS, ids=[row[0] for row in PROFILE_BREAKS])
def test_signatures_outside_our_profile_are_refused(test_pki: shared.TestPki, case: str, edit: Edit, key: str) -> None:
    signer = test_pki.signer("A-001")
    root = _signed(signer)
    edit(_signature(root))
    with pytest.raises(UntrustedData, match=key):
        verify_enveloped(root, _signature(root), signer.certificate.public_key())  # type: ignore[arg-type]


def test_an_rsa_method_cannot_be_swapped_for_ecdsa(test_pki: shared.TestPki) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from app.signing import pki

    rsa_station = pki.make_station_certificate(test_pki.issuing, "R-1", NOW, key_type=pki.KeyType.RSA_3072)
    signer = KeySigner(rsa_station.key, rsa_station.certificate, (rsa_station.certificate,))
    root = _signed(signer)
    public_key = rsa_station.certificate.public_key()
    assert isinstance(public_key, rsa.RSAPublicKey)
    verify_enveloped(root, _signature(root), public_key)
    _set("ds:SignedInfo/ds:SignatureMethod", "Algorithm", "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256")(
        _signature(root)
    )
    with pytest.raises(UntrustedData, match="malformed"):
        verify_enveloped(root, _signature(root), public_key)


def test_a_detached_signature_cannot_be_checked(test_pki: shared.TestPki) -> None:
    signer = test_pki.signer("A-001")
    signature = _signature(_signed(signer))
    lone = etree.fromstring(etree.tostring(signature))
    with pytest.raises(UntrustedData, match="malformed"):
        verify_enveloped(lone, lone, signer.certificate.public_key())  # type: ignore[arg-type]


def test_a_signature_right_after_text_is_detached_cleanly(test_pki: shared.TestPki) -> None:
    signer = test_pki.signer("A-001")
    root = etree.fromstring(b'<doc xmlns="urn:example"><a/>between<s/>after</doc>')
    seal = root.find("{urn:example}s")
    assert seal is not None
    sign_enveloped(root, seal, signer)
    root = etree.fromstring(etree.tostring(root))
    verify_enveloped(root, _signature(root), signer.certificate.public_key())  # type: ignore[arg-type]


def test_c14n_is_exclusive() -> None:
    root = etree.fromstring(DOC)
    item = root.find("{urn:example}item")
    assert item is not None
    assert c14n(item) == '<item xmlns="urn:example" n="1">café &amp; thee</item>'.encode()


# ---------------------------------------------------------------------------------------------------- certificates


def test_the_chain_is_checked_up_to_the_root(test_pki: shared.TestPki) -> None:
    signer = test_pki.signer("A-001")
    at = NOW + dt.timedelta(days=1)
    chain = verify_chain(signer.certificate, [test_pki.issuing.certificate], test_pki.root.certificate, at)
    assert chain == (signer.certificate, test_pki.issuing.certificate, test_pki.root.certificate)
    with pytest.raises(UntrustedData, match="untrusted_chain"):
        verify_chain(signer.certificate, [], test_pki.root.certificate, at)
    with pytest.raises(UntrustedData, match="untrusted_chain"):
        verify_chain(
            signer.certificate, [test_pki.issuing.certificate], test_pki.root.certificate, NOW - dt.timedelta(days=1)
        )


def test_garbage_in_x509_data_is_refused(test_pki: shared.TestPki) -> None:
    root = _signed(test_pki.signer("A-001"))
    certificate = root.find(f".//{DS}X509Certificate")
    assert certificate is not None
    certificate.text = "AAAA"
    with pytest.raises(UntrustedData, match="malformed"):
        signature_certificates(_signature(root))


def test_comments_between_the_parts_of_signed_info_are_skipped_as_findall_skips_them(
    test_pki: shared.TestPki,
) -> None:
    """The verifier's safe parser refuses comments; `verify_enveloped` on its own reads SignedInfo's parts by tag
    (comments are no part, and c14n leaves them out of what is signed) but refuses any child of a Transform."""
    signer = test_pki.signer("A-001")
    key = signer.certificate.public_key()
    root = _signed(signer)
    signed_info = _signature(root)[0]
    signed_info.insert(1, etree.Comment("between"))
    next(signed_info.iter(f"{DS}Reference")).insert(0, etree.Comment("inside"))
    verify_enveloped(root, _signature(root), key)  # type: ignore[arg-type]
    next(signed_info.iter(f"{DS}Transform")).append(etree.Comment("a parameter?"))
    with pytest.raises(UntrustedData, match=r"xmldsig\.malformed"):
        verify_enveloped(root, _signature(root), key)  # type: ignore[arg-type]
