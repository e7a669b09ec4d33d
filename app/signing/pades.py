"""PAdES signature of the proces-verbaal (requirement O3, contract: verifiable with pyHanko and poppler's pdfsig).

The signature is PAdES baseline B-B (ETSI.CAdES.detached), made through our `Signer` port so that a TPM-held key
can replace the in-memory key later without touching this module. The bureau certificate and the issuing CA
certificate are embedded, so anyone holding the root certificate can verify the PV (P4).

pyHanko stamps the CMS signing time from the system clock; that is the one clock read here, and it is an unsigned
claim anyway (B-B has no timestamp).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from typing import Any

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.errors import UntrustedData
from app.signing import ecdsa
from app.signing.signer import Signer

FIELD_NAME = "Tabula-PV"
DIGEST = "sha256"  # our Signer signs with SHA-256, nothing else

# pyHanko logs a full traceback at ERROR level when a path does not validate; the typed error is what we report.
logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
logging.getLogger("pyhanko.sign.validation").setLevel(logging.CRITICAL)


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(Encoding.DER))


def _placeholder_size(certificate: x509.Certificate) -> int:
    """The largest raw signature the bureau key can produce (for pyHanko's dry run that sizes the /Contents)."""
    key = certificate.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        return key.key_size // 8
    if isinstance(key, ec.EllipticCurvePublicKey):
        n = (key.curve.key_size + 7) // 8
        return 2 * (n + 3) + 3  # DER SEQUENCE of two INTEGERs, each possibly with a leading zero byte
    raise ValueError("unsupported key type")


class PortSigner(signers.Signer):
    """A pyHanko signer whose raw signature comes from our `Signer` port (in-memory key now, TPM later)."""

    def __init__(self, signer: Signer) -> None:
        # The chain minus the bureau certificate itself: pyHanko embeds the signing certificate anyway, and a second
        # copy would let a verifier pick the intact copy when the first one has been tampered with.
        chain = [_asn1(c) for c in signer.chain if c != signer.certificate]
        super().__init__(
            signing_cert=_asn1(signer.certificate),
            cert_registry=SimpleCertificateStore.from_certs(chain),  # type: ignore[no-untyped-call]
            embed_roots=False,
        )
        self._port = signer

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
        if digest_algorithm != DIGEST:
            raise ValueError(f"the Signer port signs with {DIGEST} only, not {digest_algorithm}")
        if dry_run:
            return bytes(_placeholder_size(self._port.certificate))
        return ecdsa.sign(self._port, data)  # low-S: the one form `verify_pdf` accepts


def sign_pdf(pdf: bytes, signer: Signer, *, reason: str, location: str) -> bytes:
    """`pdf` with a PAdES B-B signature by the bureau key appended as an incremental update."""
    meta = PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm=DIGEST,
        reason=reason,
        location=location,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    out = signers.sign_pdf(writer, meta, signer=PortSigner(signer))
    return bytes(out.getvalue())


def verify_pdf(pdf: bytes, root_cert: x509.Certificate, *, moment: dt.datetime | None = None) -> x509.Certificate:
    """The certificate of the bureau that signed `pdf`, once the signature is intact, valid, trusted up to
    `root_cert` and covers the whole file.

    `moment` is the time at which the certificates must be valid (default: now). Raises `UntrustedData` otherwise.
    """
    status = _validate(_signature(pdf), root_cert, moment)
    if not status.intact:
        raise UntrustedData("pades.not_intact")
    if not status.valid:
        raise UntrustedData("pades.invalid")
    if not status.trusted:
        raise UntrustedData("pades.untrusted")
    if status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        raise UntrustedData("pades.not_whole_file")
    return x509.load_der_x509_certificate(status.signing_cert.dump())


def _signature(pdf: bytes) -> Any:
    """The one embedded signature of `pdf` (a PV carries exactly one)."""
    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except Exception as e:  # a PDF parser's failures are open-ended (`/Size 4..6`: decimal.InvalidOperation)
        raise UntrustedData("pades.unreadable") from e
    if len(signatures) != 1:
        raise UntrustedData("pades.unsigned" if not signatures else "pades.not_whole_file")
    _check_unsigned_framing(pdf, signatures[0])
    return signatures[0]


# What pyHanko writes into the gap the /ByteRange leaves: `<`, the DER in upper-case hex, `0` digits up to the
# reserved size, `>`. Nothing else (no lower case, no blanks, no other padding) is accepted.
_CONTENTS = re.compile(rb"<(?P<hex>(?:[0-9A-F]{2})*)>")


def _check_unsigned_framing(pdf: bytes, signature: Any) -> None:
    """Refuse changes to the bytes of /Contents that the signature itself does not cover.

    The hex text of /Contents (its case, its padding), the versions and the SignedData digest-algorithm set are
    outside the signed attributes, and so is the form of the ECDSA value (s or n - s); pyHanko ignores them all.
    A PV must still fail when any of its bytes is flipped.
    """
    try:
        _, start, end, _ = (int(x) for x in signature.byte_range)
        gap = _CONTENTS.fullmatch(pdf[start:end])
        canonical = gap is not None and _framing_is_canonical(bytes.fromhex(gap["hex"].decode("ascii")))
    except Exception as e:  # asn1crypto parses lazily: whatever a forged blob makes it raise
        raise UntrustedData("pades.invalid") from e
    if not canonical:
        raise UntrustedData("pades.invalid")


def _framing_is_canonical(raw: bytes) -> bool:
    info = cms.ContentInfo.load(raw, strict=False)
    der = info.dump()  # the bytes as parsed (re-encoding with force=True costs ~80 ms)
    signed_data = info["content"]
    (signer_info,) = signed_data["signer_infos"]
    digest = signer_info["digest_algorithm"]
    certificates = [c.chosen for c in signed_data["certificates"] if c.name == "certificate"]
    return (
        not raw[len(der) :].strip(b"\0")
        and signed_data["version"].native == "v1"
        and signer_info["version"].native == "v1"
        and [a.dump() for a in signed_data["digest_algorithms"]] == [digest.dump()]
        and digest["algorithm"].native == DIGEST
        and digest["parameters"].native is None
        and bool(certificates)
        and ecdsa.is_low_der(_signer_key(signer_info, certificates), signer_info["signature"].native)
    )


def _signer_key(signer_info: Any, certificates: list[asn1_x509.Certificate]) -> object:
    """The public key of the certificate the SignerInfo names (its issuer and serial number)."""
    sid = signer_info["sid"]
    if sid.name != "issuer_and_serial_number":
        raise ValueError("the signer is not named by issuer and serial number")
    issuer, serial = sid.chosen["issuer"], sid.chosen["serial_number"].native
    for certificate in certificates:
        if certificate.issuer == issuer and certificate.serial_number == serial:
            return x509.load_der_x509_certificate(certificate.dump()).public_key()
    raise ValueError("the signer's certificate is not embedded")


def _validate(signature: Any, root_cert: x509.Certificate, moment: dt.datetime | None) -> PdfSignatureStatus:
    context = ValidationContext(trust_roots=[_asn1(root_cert)], allow_fetching=False, moment=moment)
    try:
        return validate_pdf_signature(signature, context)
    except Exception as e:  # pyHanko's validation errors are ValueErrors; a mangled file raises anything
        raise UntrustedData("pades.invalid") from e
