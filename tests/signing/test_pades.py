"""PAdES signature of the PV: round trip, tampering, trust, and interoperability with poppler's pdfsig."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata

from app.errors import UntrustedData
from app.report.pv import render_pv
from app.signing import pki
from app.signing.pades import PortSigner, sign_pdf, verify_pdf
from app.signing.signer import KeySigner, Signer
from tests import conftest
from tests.conftest import NOW
from tests.report.sample import antwerp

# scripts/setup.sh installs poppler-utils and libnss3-tools: a missing tool fails the test, it never skips it
assert shutil.which("pdfsig") and shutil.which("certutil"), "install poppler-utils and libnss3-tools (scripts/setup.sh)"
MOMENT = NOW + dt.timedelta(days=1)  # the session PKI's certificates are valid then, whatever today's date


@cache
def unsigned_pv() -> bytes:
    return render_pv(antwerp())


@dataclass
class CountingSigner:
    """A `Signer` that is not a KeySigner (as a TPM signer will be), counting its signatures."""

    inner: KeySigner
    calls: list[bytes] = field(default_factory=list)

    @property
    def certificate(self) -> x509.Certificate:
        return self.inner.certificate

    @property
    def chain(self) -> tuple[x509.Certificate, ...]:
        return self.inner.chain

    def sign(self, data: bytes) -> bytes:
        self.calls.append(data)
        return self.inner.sign(data)


@pytest.fixture(scope="module")
def signed(test_pki: conftest.TestPki) -> bytes:
    return sign_pdf(unsigned_pv(), test_pki.signer("A-042"), reason="Proces-verbaal", location="A-042")


def test_signed_pv_verifies_and_names_the_bureau(signed: bytes, test_pki: conftest.TestPki) -> None:
    certificate = verify_pdf(signed, test_pki.root.certificate, moment=MOMENT)
    assert certificate == test_pki.signer("A-042").certificate
    assert pki.station_id_of(certificate) == "A-042"


def test_signature_goes_through_the_signer_port_once(test_pki: conftest.TestPki) -> None:
    port = CountingSigner(test_pki.signer("A-043"))
    signed = sign_pdf(unsigned_pv(), port, reason="r", location="l")
    assert len(port.calls) == 1  # pyHanko's dry run sizes the signature without the key
    assert pki.station_id_of(verify_pdf(signed, test_pki.root.certificate, moment=MOMENT)) == "A-043"


def test_signing_keeps_the_original_bytes_as_first_revision(signed: bytes) -> None:
    assert signed.startswith(unsigned_pv())


def test_rsa_bureau_key_signs_and_verifies(test_pki: conftest.TestPki) -> None:
    station = pki.make_station_certificate(test_pki.issuing, "R-001", NOW, key_type=pki.KeyType.RSA_3072)
    signer = KeySigner(station.key, station.certificate, (station.certificate, test_pki.issuing.certificate))
    signed = sign_pdf(unsigned_pv(), signer, reason="r", location="l")
    assert verify_pdf(signed, test_pki.root.certificate, moment=MOMENT) == station.certificate


def test_port_refuses_another_digest(test_pki: conftest.TestPki) -> None:
    port = PortSigner(test_pki.signer("A-042"))
    with pytest.raises(ValueError, match="sha256"):
        asyncio.run(port.async_sign_raw(b"data", "sha512"))


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def _positions(signed: bytes) -> list[tuple[str, int]]:
    """Where to flip a byte: across the whole file, and densely in the signature value (/Contents), whose CMS
    framing and zero padding the signature itself does not cover."""
    original = len(unsigned_pv())
    start = signed.index(b"/Contents <", original) + len(b"/Contents <")
    end = signed.index(b">", start)
    spots = [("file", at) for at in range(0, len(signed), 5011)]
    spots += [("signature value", at) for at in range(start, end, 37)]
    spots += [("byte range", signed.index(b"/ByteRange", original) + 13), ("last byte", len(signed) - 2)]
    return spots


def test_a_flipped_byte_anywhere_fails(signed: bytes, test_pki: conftest.TestPki) -> None:
    for where, at in _positions(signed):
        with pytest.raises(UntrustedData):
            verify_pdf(_flip(signed, at), test_pki.root.certificate, moment=MOMENT)
            pytest.fail(f"flipped byte in {where} at {at} not detected")


def test_a_flipped_byte_in_the_page_content_is_not_intact(signed: bytes, test_pki: conftest.TestPki) -> None:
    with pytest.raises(UntrustedData) as caught:
        verify_pdf(_flip(signed, len(unsigned_pv()) // 3), test_pki.root.certificate, moment=MOMENT)
    assert caught.value.key == "pades.not_intact"


def test_wrong_root_is_not_trusted(signed: bytes) -> None:
    other = pki.make_root_ca(NOW)
    with pytest.raises(UntrustedData) as caught:
        verify_pdf(signed, other.certificate, moment=MOMENT)
    assert caught.value.key == "pades.untrusted"
    assert caught.value.exit_code == 1


def test_expired_bureau_certificate_is_not_trusted(signed: bytes, test_pki: conftest.TestPki) -> None:
    with pytest.raises(UntrustedData) as caught:
        verify_pdf(signed, test_pki.root.certificate, moment=NOW + dt.timedelta(days=400))
    assert caught.value.key == "pades.untrusted"


def test_bytes_appended_after_signing_are_detected(signed: bytes, test_pki: conftest.TestPki) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.root["/Tampered"] = generic.BooleanObject(True)
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(UntrustedData) as caught:
        verify_pdf(out.getvalue(), test_pki.root.certificate, moment=MOMENT)
    assert caught.value.key == "pades.not_whole_file"


@pytest.mark.parametrize(
    ("pdf", "key"),
    [(b"not a pdf at all", "pades.unreadable"), (None, "pades.unsigned")],
    ids=["garbage", "unsigned"],
)
def test_unsigned_or_unreadable_pdf_fails(pdf: bytes | None, key: str, test_pki: conftest.TestPki) -> None:
    with pytest.raises(UntrustedData) as caught:
        verify_pdf(pdf or unsigned_pv(), test_pki.root.certificate, moment=MOMENT)
    assert caught.value.key == key


def test_second_signature_is_refused(signed: bytes, test_pki: conftest.TestPki) -> None:
    meta = PdfSignatureMetadata(field_name="Other", subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256")
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    twice = signers.sign_pdf(writer, meta, signer=PortSigner(test_pki.signer("A-042"))).getvalue()
    with pytest.raises(UntrustedData):
        verify_pdf(twice, test_pki.root.certificate, moment=MOMENT)


# --- interoperability with poppler's pdfsig (contract: "verifiable with pyHanko and poppler's pdfsig") -----------


@pytest.fixture(scope="module")
def todays_pki() -> tuple[x509.Certificate, Signer]:
    """A PKI valid today: pdfsig checks certificates at the current time and has no option to do otherwise."""
    now = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    root = pki.make_root_ca(now)
    issuing = pki.make_issuing_ca(root, now)
    station = pki.make_station_certificate(issuing, "B-007", now)
    return root.certificate, KeySigner(station.key, station.certificate, (station.certificate, issuing.certificate))


def _nss_db(directory: Path, root: x509.Certificate) -> str:
    (directory / "root.pem").write_bytes(root.public_bytes(Encoding.PEM))
    db = f"sql:{directory}"
    subprocess.run(["certutil", "-N", "-d", db, "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", db, "-n", "root", "-t", "CT,C,C", "-i", str(directory / "root.pem")],
                   check=True, capture_output=True)  # fmt: skip
    return db


def test_pdfsig_finds_the_signature_valid_and_trusted(
    tmp_path: Path, todays_pki: tuple[x509.Certificate, Signer]
) -> None:
    root, signer = todays_pki
    signed = sign_pdf(unsigned_pv(), signer, reason="Proces-verbaal", location="B-007")
    assert verify_pdf(signed, root) == signer.certificate  # at the current time, as pdfsig does
    (tmp_path / "pv.pdf").write_bytes(signed)
    db = _nss_db(tmp_path, root)
    out = subprocess.run(["pdfsig", "-nssdir", db, str(tmp_path / "pv.pdf")], capture_output=True, text=True).stdout
    assert "Signature is Valid" in out
    assert "Certificate is Trusted" in out
    assert "Total document signed" in out


def test_pdfsig_rejects_a_tampered_pv(tmp_path: Path, todays_pki: tuple[x509.Certificate, Signer]) -> None:
    root, signer = todays_pki
    signed = sign_pdf(unsigned_pv(), signer, reason="r", location="l")
    (tmp_path / "pv.pdf").write_bytes(_flip(signed, len(unsigned_pv()) // 3))
    db = _nss_db(tmp_path, root)
    out = subprocess.run(["pdfsig", "-nssdir", db, str(tmp_path / "pv.pdf")], capture_output=True, text=True).stdout
    assert "Signature is Valid" not in out
