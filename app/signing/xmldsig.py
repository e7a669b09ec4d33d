"""W3C XML-DSig enveloped signatures, made through the `Signer` port and checked without trusting the document.

One profile only, so there is nothing to negotiate and nothing to downgrade:
- `Reference URI=""` over a target element taken as a document of its own (the EML root, or one `CastVote`);
- transforms: enveloped-signature, then exclusive XML canonicalization 1.0 (no comments);
- optionally, signature properties (XML-DSig §5.2: "information about the generation of the signature", here the
  measured platform that made it): one `ds:Object` after `KeyInfo` holding `ds:SignatureProperties Id="seal-properties"`
  with one `ds:SignatureProperty Target="#seal"` (the `Signature`'s own `Id`), covered by a second
  `Reference URI="#seal-properties"` with `Type` SignatureProperties and exclusive c14n as its only transform.
  The enveloped transform removes the whole signature, so without that reference the properties would be unsigned;
  a `ds:Object` without it, or anything else in its place, is refused;
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
import copy
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

SIGNATURE_PROPERTIES = "http://www.w3.org/2000/09/xmldsig#SignatureProperties"
SIGNATURE_ID = "seal"
PROPERTIES_ID = "seal-properties"
_OUR_IDS = (SIGNATURE_ID, PROPERTIES_ID)
# every `Id` attribute in a document with one of our values (the target itself included)
_WITH_OUR_IDS = etree.XPath("descendant-or-self::*/@Id[" + " or ".join(f". = '{i}'" for i in _OUR_IDS) + "]")

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
    properties: Sequence[etree._Element] = (),
) -> etree._Element:
    """Sign `target` (as if it were a document of its own) with an enveloped signature placed inside `seal`.

    `seal` must be an empty element inside `target`. `certificates` go into `KeyInfo/X509Data` in the given order
    (bureau first); an empty sequence leaves `KeyInfo` out. `properties` (elements of another namespace) become the
    signed signature properties; at most one signature of a document may have them (they have a fixed `Id`).
    Returns the new `ds:Signature` element.
    """
    if len(seal) or (seal.text or "").strip():
        raise ValueError("the seal element must be empty")
    depth = sum(1 for _ in seal.iterancestors())
    opening = "\n" + _INDENT * (depth + 1)
    closing = "\n" + _INDENT * depth
    seal.text = opening + closing  # what the enveloped transform leaves behind
    digest = hashlib.sha256(c14n(target)).digest()
    signature, signed_info, value = _skeleton(_signature_method(signer.certificate), digest, certificates)
    signed_properties = _add_properties(signature, signed_info, properties) if properties else None
    etree.indent(signature, space=_INDENT, level=depth + 1)
    if signed_properties is not None:  # digested as laid out: the reference covers its whitespace too
        reference_digest, signature_properties = signed_properties
        reference_digest.text = base64.b64encode(hashlib.sha256(c14n(signature_properties)).digest()).decode("ascii")
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


def _add_properties(
    signature: etree._Element, signed_info: etree._Element, properties: Sequence[etree._Element]
) -> tuple[etree._Element, etree._Element]:
    """The `ds:Object` with the signature properties and the reference that signs them; returns that reference's
    (still empty) `DigestValue` and the `SignatureProperties` it covers."""
    signature.set("Id", SIGNATURE_ID)
    reference = etree.SubElement(signed_info, _ds("Reference"), URI=f"#{PROPERTIES_ID}", Type=SIGNATURE_PROPERTIES)
    transforms = etree.SubElement(reference, _ds("Transforms"))
    etree.SubElement(transforms, _ds("Transform"), Algorithm=EXC_C14N)
    etree.SubElement(reference, _ds("DigestMethod"), Algorithm=SHA256)
    digest_value = etree.SubElement(reference, _ds("DigestValue"))
    container = etree.SubElement(etree.SubElement(signature, _ds("Object")), _ds("SignatureProperties"))
    container.set("Id", PROPERTIES_ID)
    holder = etree.SubElement(container, _ds("SignatureProperty"), Target=f"#{SIGNATURE_ID}")
    for element in properties:
        holder.append(copy.deepcopy(element))
    return digest_value, container


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
    properties_digest: bytes | None  # the second reference's digest; None: the signature has no properties


def verify_enveloped(
    target: etree._Element, signature: etree._Element, public_key: PublicKey
) -> tuple[etree._Element, ...]:
    """Check that `signature` (inside `target`) is a valid enveloped signature of our profile over `target`.

    Returns the signed signature properties (the elements inside its `SignatureProperty`; empty without).
    Raises UntrustedData: `xmldsig.malformed` (structure or an algorithm outside our profile),
    `xmldsig.digest_mismatch` (the content or its properties were changed), `xmldsig.bad_signature` (not signed by
    this key). The tree is left exactly as it was.
    """
    info = _read_signed_info(signature)
    properties = _signature_properties(target, signature, info.properties_digest is not None)
    with _detached(signature):
        digest = hashlib.sha256(c14n(target)).digest()
    if digest != info.digest:
        raise UntrustedData("xmldsig.digest_mismatch")
    if properties is not None and hashlib.sha256(c14n(properties)).digest() != info.properties_digest:
        raise UntrustedData("xmldsig.digest_mismatch")
    signed_info = signature.find(_ds("SignedInfo"))
    assert signed_info is not None  # checked by _read_signed_info
    _check_value(public_key, info.method, info.value, c14n(signed_info))
    if properties is None:
        return ()
    return tuple(c for c in properties[0] if isinstance(c.tag, str))


def _read_signed_info(signature: etree._Element) -> _SignedInfo:
    """The parts of a signature we need, refusing anything but our single profile."""
    children = [c for c in signature if isinstance(c.tag, str)]
    tags = [c.tag for c in children]
    if signature.tag != _ds("Signature") or tags[:2] != [_ds("SignedInfo"), _ds("SignatureValue")]:
        raise UntrustedData("xmldsig.malformed")
    signed_info = _Children(children[0])
    method = _only_algorithm(signed_info, "SignatureMethod")
    if _only_algorithm(signed_info, "CanonicalizationMethod") != EXC_C14N or method not in (ECDSA_SHA256, RSA_SHA256):
        raise UntrustedData("xmldsig.malformed")
    references = [_Children(r) for r in signed_info.get(_ds("Reference"), ())]
    if not 1 <= len(references) <= 2 or references[0].element.get("URI") != "":
        raise UntrustedData("xmldsig.malformed")
    if references[0].element.get("Type") is not None or _transforms(references[0]) != [ENVELOPED, EXC_C14N]:
        raise UntrustedData("xmldsig.malformed")
    properties_digest = None
    if len(references) == 2:
        second = references[1]
        expected = (f"#{PROPERTIES_ID}", SIGNATURE_PROPERTIES)
        if (second.element.get("URI"), second.element.get("Type")) != expected or _transforms(second) != [EXC_C14N]:
            raise UntrustedData("xmldsig.malformed")
        properties_digest = _b64(second.text_of("DigestValue"))
    if len(signed_info[_ds("CanonicalizationMethod")][0]):
        raise UntrustedData("xmldsig.malformed")
    return _SignedInfo(method, _b64(references[0].text_of("DigestValue")), _b64(children[1].text), properties_digest)


class _Children(dict[str, list[etree._Element]]):
    """The element children of `element` by tag, in document order: what `findall(tag)` gives, for several tags
    in one pass (a signature is read for each of 2,400 ballots; every `findall` walks the children again)."""

    def __init__(self, element: etree._Element) -> None:
        super().__init__()
        self.element = element
        for child in element:
            if isinstance(child.tag, str):
                self.setdefault(child.tag, []).append(child)

    def text_of(self, name: str) -> str | None:
        """`findtext` of the `ds:` child `name`: its text ("" without), None without such a child."""
        found = self.get(_ds(name))
        return None if not found else (found[0].text or "")


def _transforms(reference: _Children) -> list[str | None]:
    """The transform algorithms of a reference; refused outside our profile (only SHA-256, no transform parameters:
    an InclusiveNamespaces PrefixList would change what exclusive c14n means)."""
    transforms = [t for ts in reference.get(_ds("Transforms"), ()) for t in ts if t.tag == _ds("Transform")]
    if _only_algorithm(reference, "DigestMethod") != SHA256 or any(len(t) for t in transforms):
        raise UntrustedData("xmldsig.malformed")
    return [t.get("Algorithm") for t in transforms]


def _signature_properties(target: etree._Element, signature: etree._Element, referenced: bool) -> etree._Element | None:
    """The `SignatureProperties` the second reference covers, exactly where our profile puts it; `None` without one.
    What follows `SignatureValue` is `KeyInfo` and, only with that reference, one `Object`: nothing unsigned."""
    rest = [c.tag for c in signature if isinstance(c.tag, str)][2:]
    if rest[:1] == [_ds("KeyInfo")]:
        rest = rest[1:]
    if rest != ([_ds("Object")] if referenced else []):
        raise UntrustedData("xmldsig.malformed")
    if not referenced:
        return None
    obj = signature.find(_ds("Object"))
    assert obj is not None
    inside = [c for c in obj if isinstance(c.tag, str)]
    holders = [c for c in inside[0]] if inside else []
    well_formed = (
        len(inside) == 1
        and inside[0].tag == _ds("SignatureProperties")
        and not (obj.text or "").strip()
        and signature.get("Id") == SIGNATURE_ID
        and inside[0].get("Id") == PROPERTIES_ID
        and [(h.tag, h.get("Target")) for h in holders] == [(_ds("SignatureProperty"), f"#{SIGNATURE_ID}")]
    )
    # one element only with each Id: another verifier resolving "#seal-properties" must find this one
    ids = _WITH_OUR_IDS(target)  # in C: 10 ms for a 2,400-ballot 460, a Python walk 25 ms
    if not well_formed or not isinstance(ids, list) or sorted(map(str, ids)) != sorted(_OUR_IDS):
        raise UntrustedData("xmldsig.malformed")
    return inside[0]


def _only_algorithm(parent: _Children, name: str) -> str | None:
    found = parent.get(_ds(name), [])
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
