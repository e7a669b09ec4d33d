"""`manifest.p7s`: a detached CMS SignedData (RFC 5652, DER) over the exact bytes of `manifest.json`.

Made through the `Signer` port (a TPM key later): the port signs the DER of the signed attributes, this module
builds the CMS around that value with asn1crypto. One profile only, the one `openssl cms -verify -binary` checks:
SignedData v1, digest SHA-256, the signer named by issuer and serial number, signed attributes contentType (data)
and messageDigest and nothing else, the bureau and issuing certificates, no content (detached), ECDSA-SHA256 (low-S)
or RSA PKCS#1 v1.5 SHA-256.

Verification rebuilds the whole structure from the manifest, the certificates and the signature value it carries,
and requires the very same bytes: no field, order, length form or padding of the file can change unseen, although
the CMS signature itself covers only the signed attributes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from asn1crypto import algos, cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding

from app.errors import UntrustedData
from app.signing import ecdsa
from app.signing.signer import Signer
from app.signing.xmldsig import verify_chain

# A p7s of ours is about 1.3 kB (two certificates and a signature); anything far larger is not one.
MAX_BYTES = 64 * 1024


def sign_detached(content: bytes, signer: Signer) -> bytes:
    """The DER of a detached CMS signature over `content` by the signer, carrying its certificate chain."""
    attributes = _signed_attributes(hashlib.sha256(content).digest())
    signature = ecdsa.sign(signer, attributes.dump())
    return _assemble(attributes, signer.certificate, signer.chain, signature)


def verify_detached(
    signature: bytes, content: bytes, root: x509.Certificate, at: dt.datetime
) -> tuple[x509.Certificate, tuple[x509.Certificate, ...]]:
    """The certificate that signed `content` and every certificate the signature carries, once `signature` is
    exactly our CMS form, over exactly these bytes, made with that certificate's key (low-S) and chaining to `root`
    at `at`. (The certificates are outside what the signature covers: the caller pins them, e.g. to the ones the
    signed files carry, so that not even a certificate's own ECDSA value can be turned to its other form.)

    Raises UntrustedData: `cms.too_large`, `cms.other_content` (over other bytes), `cms.malformed` (not a CMS of
    our form),
    `signature.not_canonical`, `cms.bad_signature`, `xmldsig.untrusted_chain`.
    """
    if len(signature) > MAX_BYTES:
        raise UntrustedData("cms.too_large", size=len(signature), limit=MAX_BYTES)
    signer, chain, value, digest = _parts(signature)
    if digest != hashlib.sha256(content).digest():
        raise UntrustedData("cms.other_content")
    attributes = _signed_attributes(digest)
    if _assemble(attributes, signer, chain, value) != signature:
        raise UntrustedData("cms.malformed")  # another form, another content, or a field we never write
    key = signer.public_key()
    if not ecdsa.is_low_der(key, value):
        raise UntrustedData("signature.not_canonical")
    try:
        if isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(value, attributes.dump(), ec.ECDSA(hashes.SHA256()))
        elif isinstance(key, rsa.RSAPublicKey):
            key.verify(value, attributes.dump(), padding.PKCS1v15(), hashes.SHA256())
        else:
            raise UntrustedData("cms.malformed")
    except InvalidSignature:
        raise UntrustedData("cms.bad_signature") from None
    verify_chain(signer, [c for c in chain if c != signer], root, at)
    return signer, chain


def _signed_attributes(digest: bytes) -> cms.CMSAttributes:
    # DER sorts a SET OF by encoding: contentType (…9.3, 24 bytes) comes before messageDigest (…9.4, 47 bytes).
    return cms.CMSAttributes(
        [
            cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
            cms.CMSAttribute({"type": "message_digest", "values": [digest]}),
        ]
    )


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(Encoding.DER))


def _signature_algorithm(certificate: x509.Certificate) -> algos.SignedDigestAlgorithm:
    key = certificate.public_key()
    if isinstance(key, ec.EllipticCurvePublicKey):
        return algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"})
    if isinstance(key, rsa.RSAPublicKey):
        return algos.SignedDigestAlgorithm({"algorithm": "sha256_rsa"})
    raise UntrustedData("cms.malformed")


def _assemble(
    attributes: cms.CMSAttributes,
    signer: x509.Certificate,
    chain: Sequence[x509.Certificate],
    signature: bytes,
) -> bytes:
    certificate = _asn1(signer)
    signer_info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                        {"issuer": certificate.issuer, "serial_number": certificate.serial_number}
                    )
                }
            ),
            "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
            "signed_attrs": cms.CMSAttributes.load(attributes.dump()),
            "signature_algorithm": _signature_algorithm(signer),
            "signature": signature,
        }
    )
    # The bureau certificate and the rest of its chain (the issuing CA), each once (DER sorts the SET).
    certificates = [signer, *(c for c in chain if c != signer)]
    signed_data = cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {"content_type": "data"},
            "certificates": [cms.CertificateChoices({"certificate": _asn1(c)}) for c in certificates],
            "signer_infos": [signer_info],
        }
    )
    return bytes(cms.ContentInfo({"content_type": "signed_data", "content": signed_data}).dump())


def _parts(signature: bytes) -> tuple[x509.Certificate, tuple[x509.Certificate, ...], bytes, bytes]:
    """The signer's certificate (the one its SignerInfo names), every certificate carried, the signature value and
    the message digest of a p7s; nothing is trusted yet (the caller rebuilds the whole file from these and compares)."""
    try:
        info = cms.ContentInfo.load(signature, strict=True)
        if info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed_data = info["content"]
        (signer_info,) = signed_data["signer_infos"]
        sid = signer_info["sid"].chosen
        named = [
            choice.chosen
            for choice in signed_data["certificates"]
            if choice.chosen.issuer == sid["issuer"] and choice.chosen.serial_number == sid["serial_number"].native
        ]
        certificates = tuple(
            x509.load_der_x509_certificate(choice.chosen.dump()) for choice in signed_data["certificates"]
        )
        value = bytes(signer_info["signature"].native)
        digests = [a["values"][0].native for a in signer_info["signed_attrs"] if a["type"].native == "message_digest"]
        digest = digests[0] if len(digests) == 1 and isinstance(digests[0], bytes) else b""
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError, RecursionError):
        raise UntrustedData("cms.malformed") from None
    if len(named) != 1:
        raise UntrustedData("cms.malformed")
    return x509.load_der_x509_certificate(named[0].dump()), certificates, value, digest
