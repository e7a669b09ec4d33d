"""One valid form per signature: the appliance writes low-S ECDSA whatever its key holder returns, and a verifier
refuses the other form (s replaced by n - s), which would verify mathematically (ECDSA malleability)."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from lxml import etree

from app import safe_json
from app.errors import UntrustedData
from app.signing import ecdsa
from app.signing.xmldsig import DS_NS, sign_enveloped, verify_enveloped
from tests.conftest import TestPki
from tests.signing.test_cms import HighSigner

N = ecdsa._ORDERS["secp256r1"]
DOC = b'<doc xmlns="urn:example"><item>1</item><seal/></doc>'


def _sealed(signer: object) -> etree._Element:
    root = etree.fromstring(DOC)
    seal = root.find("{urn:example}seal")
    assert seal is not None
    sign_enveloped(root, seal, signer, certificates=())  # type: ignore[arg-type]
    return etree.fromstring(etree.tostring(root))


def _value(root: etree._Element) -> etree._Element:
    found = root.find(f".//{{{DS_NS}}}SignatureValue")
    assert found is not None and found.text
    return found


def test_an_xml_seal_is_written_low_s_even_when_the_key_holder_returns_high_s(test_pki: TestPki) -> None:
    signer = test_pki.signer("A-001")
    root = _sealed(HighSigner(signer))
    s = int.from_bytes(base64.b64decode(_value(root).text or "")[32:], "big")
    assert ecdsa.is_low(signer.certificate.public_key(), s)  # type: ignore[arg-type]
    verify_enveloped(root, _value(root).getparent(), signer.certificate.public_key())  # type: ignore[arg-type]


def test_an_xml_seal_with_s_replaced_by_n_minus_s_is_refused(test_pki: TestPki) -> None:
    signer = test_pki.signer("A-001")
    root = _sealed(signer)
    value = base64.b64decode(_value(root).text or "")
    _value(root).text = base64.b64encode(value[:32] + (N - int.from_bytes(value[32:], "big")).to_bytes(32, "big"))
    with pytest.raises(UntrustedData) as error:
        verify_enveloped(root, _value(root).getparent(), signer.certificate.public_key())  # type: ignore[arg-type]
    assert error.value.key == "signature.not_canonical"


def test_normalise_and_is_low_der_agree(test_pki: TestPki) -> None:
    key = test_pki.signer("A-001").certificate.public_key()
    der = test_pki.signer("A-001").sign(b"x")
    r, s = decode_dss_signature(der)
    high = encode_dss_signature(r, max(s, N - s))
    assert not ecdsa.is_low_der(key, high) and ecdsa.is_low_der(key, ecdsa.normalise(key, high))
    assert not ecdsa.is_low_der(key, b"\x30\x00") and not ecdsa.is_low_der(key, der + b"\0")


@pytest.mark.parametrize("text", ['{"seq":1e999}', '{"seq":-1e999}', '{"seq":NaN}', "[" * 1000 + "]" * 1000])
def test_json_from_a_stick_that_no_writer_gives_back_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        safe_json.loads(text)
