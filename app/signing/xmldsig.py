"""W3C XML-DSig enveloped signatures, made through the `Signer` port and checked without trusting the document.

One profile only, so there is nothing to negotiate and nothing to downgrade:
- `Reference URI=""` over a target element taken as a document of its own (the EML root, or one `CastVote`);
- transforms: enveloped-signature, then exclusive XML canonicalization 1.0 (no comments);
- SignedInfo canonicalized with exclusive c14n; digest SHA-256;
- signature ECDSA-SHA256 (value = raw r||s as XML-DSig requires, not DER) or RSA-SHA256 (PKCS#1 v1.5).

We build the signature ourselves instead of using signxml's signer because signxml wants a private key object and
we must sign through `Signer.sign()` (a TPM key later). Exclusive c14n makes the digest of a subtree independent of
its ancestors, which is what lets anyone verify one ballot after extracting its `CastVote`.

Whitespace: the caller lays the document out (pretty-printed) before signing. The enveloped transform removes the
`Signature` element but keeps the text around it, so we digest the target with exactly the whitespace that will
remain once the signature is removed again.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import verification
from lxml import etree

from app.errors import UntrustedData
from app.signing import ecdsa
from app.signing.signer import Signer

DS_NS = "http://www.w3.org/2000/09/xmldsig#"
EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"

_INDENT = "  "


def _ds(name: str) -> str:
    return f"{{{DS_NS}}}{name}"


def c14n(element: etree._Element) -> bytes:
    """Exclusive canonical XML 1.0 without comments of `element` and its subtree."""
    return etree.tostring(element, method="c14n", exclusive=True, with_comments=False)


# ---------------------------------------------------------------------------------------------------- signing


def sign_enveloped(
    target: etree._Element,
    seal: etree._Element,
    signer: Signer,
    *,
    certificates: Sequence[x509.Certificate] = (),
) -> etree._Element:
    """Sign `target` (as if it were a document of its own) with an enveloped signature placed inside `seal`.

    `seal` must be an empty element inside `target`. `certificates` go into `KeyInfo/X509Data` in the given order
    (bureau first); an empty sequence leaves `KeyInfo` out. Returns the new `ds:Signature` element.
    """
    if len(seal) or (seal.text or "").strip():
        raise ValueError("the seal element must be empty")
    depth = sum(1 for _ in seal.iterancestors())
    opening = "\n" + _INDENT * (depth + 1)
    closing = "\n" + _INDENT * depth
    seal.text = opening + closing  # what the enveloped transform leaves behind
    digest = hashlib.sha256(c14n(target)).digest()
    signature, signed_info, value = _skeleton(_signature_method(signer.certificate), digest, certificates)
    etree.indent(signature, space=_INDENT, level=depth + 1)
    value.text = base64.b64encode(_to_xmldsig_value(signer, ecdsa.sign(signer, c14n(signed_info)))).decode("ascii")
    seal.text = opening
    seal.append(signature)
    signature.tail = closing
    return signature


def _skeleton(
    method: str, digest: bytes, certificates: Sequence[x509.Certificate]
) -> tuple[etree._Element, etree._Element, etree._Element]:
    signature = etree.Element(_ds("Signature"), nsmap={"ds": DS_NS})
    signed_info = etree.SubElement(signature, _ds("SignedInfo"))
    etree.SubElement(signed_info, _ds("CanonicalizationMethod"), Algorithm=EXC_C14N)
    etree.SubElement(signed_info, _ds("SignatureMethod"), Algorithm=method)
    reference = etree.SubElement(signed_info, _ds("Reference"), URI="")
    transforms = etree.SubElement(reference, _ds("Transforms"))
    etree.SubElement(transforms, _ds("Transform"), Algorithm=ENVELOPED)
    etree.SubElement(transforms, _ds("Transform"), Algorithm=EXC_C14N)
    etree.SubElement(reference, _ds("DigestMethod"), Algorithm=SHA256)
    etree.SubElement(reference, _ds("DigestValue")).text = base64.b64encode(digest).decode("ascii")
    value = etree.SubElement(signature, _ds("SignatureValue"))
    if certificates:
        data = etree.SubElement(etree.SubElement(signature, _ds("KeyInfo")), _ds("X509Data"))
        for cert in certificates:
            der = cert.public_bytes(Encoding.DER)
            etree.SubElement(data, _ds("X509Certificate")).text = base64.b64encode(der).decode("ascii")
    return signature, signed_info, value


def _signature_method(certificate: x509.Certificate) -> str:
    key = certificate.public_key()
    if isinstance(key, ec.EllipticCurvePublicKey):
        return ECDSA_SHA256
    if isinstance(key, rsa.RSAPublicKey):
        return RSA_SHA256
    raise ValueError("only ECDSA and RSA bureau keys are supported")


def _to_xmldsig_value(signer: Signer, signature: bytes) -> bytes:
    """XML-DSig wants ECDSA signatures as fixed-width r||s (RFC 4050 / XML-DSig 1.1), not DER."""
    key = signer.certificate.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey):
        return signature
    size = (key.curve.key_size + 7) // 8
    r, s = decode_dss_signature(signature)
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


# ---------------------------------------------------------------------------------------------------- verifying


PublicKey = ec.EllipticCurvePublicKey | rsa.RSAPublicKey


@dataclass(frozen=True)
class _SignedInfo:
    method: str
    digest: bytes
    value: bytes


def verify_enveloped(target: etree._Element, signature: etree._Element, public_key: PublicKey) -> None:
    """Check that `signature` (inside `target`) is a valid enveloped signature of our profile over `target`.

    Raises UntrustedData: `xmldsig.malformed` (structure or an algorithm outside our profile),
    `xmldsig.digest_mismatch` (the content was changed), `xmldsig.bad_signature` (not signed by this key).
    The tree is left exactly as it was.
    """
    info = _read_signed_info(signature)
    with _detached(signature):
        digest = hashlib.sha256(c14n(target)).digest()
    if digest != info.digest:
        raise UntrustedData("xmldsig.digest_mismatch")
    signed_info = signature.find(_ds("SignedInfo"))
    assert signed_info is not None  # checked by _read_signed_info
    _check_value(public_key, info.method, info.value, c14n(signed_info))


def _read_signed_info(signature: etree._Element) -> _SignedInfo:
    """The parts of a signature we need, refusing anything but our single profile."""
    children = [c for c in signature if isinstance(c.tag, str)]
    tags = [c.tag for c in children]
    if signature.tag != _ds("Signature") or tags[:2] != [_ds("SignedInfo"), _ds("SignatureValue")]:
        raise UntrustedData("xmldsig.malformed")
    signed_info = children[0]
    method = _only_algorithm(signed_info, "SignatureMethod")
    if _only_algorithm(signed_info, "CanonicalizationMethod") != EXC_C14N or method not in (ECDSA_SHA256, RSA_SHA256):
        raise UntrustedData("xmldsig.malformed")
    references = signed_info.findall(_ds("Reference"))
    if len(references) != 1 or references[0].get("URI") != "":
        raise UntrustedData("xmldsig.malformed")
    reference = references[0]
    transforms = [t.get("Algorithm") for t in reference.iterfind(f"{_ds('Transforms')}/{_ds('Transform')}")]
    if transforms != [ENVELOPED, EXC_C14N] or _only_algorithm(reference, "DigestMethod") != SHA256:
        raise UntrustedData("xmldsig.malformed")
    # An InclusiveNamespaces PrefixList would change what exclusive c14n means: outside our profile.
    if any(len(t) for t in reference.iterfind(f"{_ds('Transforms')}/{_ds('Transform')}")):
        raise UntrustedData("xmldsig.malformed")
    if len(signed_info.findall(_ds("CanonicalizationMethod"))[0]):
        raise UntrustedData("xmldsig.malformed")
    return _SignedInfo(method, _b64(reference.findtext(_ds("DigestValue"))), _b64(children[1].text))


def _only_algorithm(parent: etree._Element, name: str) -> str | None:
    found = parent.findall(_ds(name))
    return found[0].get("Algorithm") if len(found) == 1 else None


def _b64(text: str | None) -> bytes:
    try:
        return base64.b64decode("".join((text or "").split()), validate=True)
    except ValueError:
        raise UntrustedData("xmldsig.malformed") from None


def _check_value(public_key: PublicKey, method: str, value: bytes, data: bytes) -> None:
    try:
        if isinstance(public_key, ec.EllipticCurvePublicKey):
            if method != ECDSA_SHA256:
                raise UntrustedData("xmldsig.malformed")
            size = (public_key.curve.key_size + 7) // 8
            if len(value) != 2 * size:
                raise UntrustedData("xmldsig.bad_signature")
            r, s = int.from_bytes(value[:size], "big"), int.from_bytes(value[size:], "big")
            if not ecdsa.is_low(public_key, s):  # (r, n - s) verifies too: only the form we write is accepted
                raise UntrustedData("signature.not_canonical")
            der = encode_dss_signature(r, s)
            public_key.verify(der, data, ec.ECDSA(hashes.SHA256()))
        else:
            if method != RSA_SHA256:
                raise UntrustedData("xmldsig.malformed")
            public_key.verify(value, data, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise UntrustedData("xmldsig.bad_signature") from None


@contextmanager
def _detached(signature: etree._Element) -> Iterator[None]:
    """Take `signature` out of the tree as the enveloped-signature transform does (its tail text stays)."""
    parent = signature.getparent()
    if parent is None:
        raise UntrustedData("xmldsig.malformed")
    index = parent.index(signature)
    previous = signature.getprevious()
    tail = signature.tail
    old_text = previous.tail if previous is not None else parent.text
    parent.remove(signature)  # lxml removes the tail together with the element
    merged = (old_text or "") + (tail or "")
    if previous is not None:
        previous.tail = merged or None
    else:
        parent.text = merged or None
    try:
        yield
    finally:
        if previous is not None:
            previous.tail = old_text
        else:
            parent.text = old_text
        parent.insert(index, signature)
        signature.tail = tail


# ---------------------------------------------------------------------------------------------------- certificates


def signature_certificates(signature: etree._Element) -> tuple[x509.Certificate, ...]:
    """The certificates in `KeyInfo/X509Data`, in document order (for us: bureau, then issuing CA)."""
    path = f"{_ds('KeyInfo')}/{_ds('X509Data')}/{_ds('X509Certificate')}"
    try:
        return tuple(x509.load_der_x509_certificate(_b64(e.text)) for e in signature.iterfind(path))
    except ValueError:
        raise UntrustedData("xmldsig.malformed") from None


def verify_chain(
    leaf: x509.Certificate, intermediates: Sequence[x509.Certificate], root: x509.Certificate, at: dt.datetime
) -> tuple[x509.Certificate, ...]:
    """Check that `leaf` chains up to `root` through `intermediates` and may sign, at time `at`.

    The leaf needs KeyUsage digitalSignature; the CAs the usual web-PKI CA rules (BasicConstraints, keyCertSign).
    Returns the chain leaf first, root last. Raises UntrustedData `xmldsig.untrusted_chain`.
    """
    ee_policy = verification.ExtensionPolicy.permit_all().require_present(
        x509.KeyUsage, verification.Criticality.AGNOSTIC, _require_digital_signature
    )
    builder = (
        verification.PolicyBuilder()
        .store(verification.Store([root]))
        .time(at)
        .extension_policies(ca_policy=verification.ExtensionPolicy.webpki_defaults_ca(), ee_policy=ee_policy)
    )
    try:
        result = builder.build_client_verifier().verify(leaf, list(intermediates))
    except verification.VerificationError:
        raise UntrustedData("xmldsig.untrusted_chain") from None  # no library text reaches a user
    return tuple(result.chain)


def _require_digital_signature(policy: object, certificate: object, key_usage: x509.KeyUsage | None) -> None:
    if key_usage is None or not key_usage.digital_signature:
        raise ValueError("certificate KeyUsage does not allow digitalSignature")
