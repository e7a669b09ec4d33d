"""Signature properties in our XML-DSig profile: signed by a second reference, exactly where the profile puts them;
anything unsigned or out of place beside the signature is refused (a tamper table, one row per case)."""

from __future__ import annotations

import copy
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from app.errors import UntrustedData
from app.signing.signer import KeySigner
from app.signing.xmldsig import DS_NS, sign_enveloped, verify_enveloped
from tests import conftest as shared

DS = f"{{{DS_NS}}}"
EX = "{urn:example:props}"
DOC = b'<doc xmlns="urn:example"><item>42</item><seal/></doc>'


def _property(text: str = "tpm") -> etree._Element:
    element = etree.Element(f"{EX}Mode", nsmap={"ex": "urn:example:props"})
    element.text = text
    return element


def _signed(signer: KeySigner) -> etree._Element:
    root = etree.fromstring(DOC)
    seal = root.find("{urn:example}seal")
    assert seal is not None
    sign_enveloped(root, seal, signer, certificates=signer.chain, properties=[_property()])
    return etree.fromstring(etree.tostring(root))


def _verify(root: etree._Element, signer: KeySigner) -> tuple[etree._Element, ...]:
    signature = root.find(f".//{DS}Signature")
    assert signature is not None
    return verify_enveloped(root, signature, signer.certificate.public_key())  # type: ignore[arg-type]


def test_signed_properties_come_back_from_verification(test_pki: shared.TestPki) -> None:
    signer = test_pki.signer("A-001")
    (found,) = _verify(_signed(signer), signer)
    assert (found.tag, found.text) == (f"{EX}Mode", "tpm")


def test_a_signature_without_properties_returns_none(test_pki: shared.TestPki) -> None:
    signer = test_pki.signer("A-001")
    root = etree.fromstring(DOC)
    seal = root.find("{urn:example}seal")
    assert seal is not None
    sign_enveloped(root, seal, signer)
    assert _verify(etree.fromstring(etree.tostring(root)), signer) == ()


def _first(root: etree._Element, path: str) -> etree._Element:
    found = root.find(f".//{path}")
    assert found is not None
    return found


def _change_property(root: etree._Element) -> None:
    _first(root, f"{EX}Mode").text = "development"


def _drop_second_reference(root: etree._Element) -> None:
    references = root.findall(f".//{DS}Reference")
    references[1].getparent().remove(references[1])  # type: ignore[union-attr]


def _drop_object(root: etree._Element) -> None:
    obj = _first(root, f"{DS}Object")
    obj.getparent().remove(obj)  # type: ignore[union-attr]


def _second_object(root: etree._Element) -> None:
    obj = _first(root, f"{DS}Object")
    obj.getparent().append(etree.Element(f"{DS}Object"))  # type: ignore[union-attr]


def _point_elsewhere(root: etree._Element) -> None:
    _first(root, f"{DS}Reference[2]").set("URI", "#elsewhere")


def _duplicate_id(root: etree._Element) -> None:
    decoy = copy.deepcopy(_first(root, f"{DS}SignatureProperties"))
    root.append(decoy)


def _wrong_target(root: etree._Element) -> None:
    _first(root, f"{DS}SignatureProperty").set("Target", "#other")


def _extra_transform(root: etree._Element) -> None:
    transforms = _first(root, f"{DS}Reference[2]/{DS}Transforms")
    transforms.insert(0, etree.Element(f"{DS}Transform", Algorithm=f"{DS_NS}enveloped-signature"))


def _text_in_object(root: etree._Element) -> None:
    _first(root, f"{DS}Object").text = "unsigned words"


TAMPERING: list[tuple[str, Callable[[etree._Element], None], str]] = [
    ("a property changed", _change_property, "xmldsig.digest_mismatch"),
    ("the reference to the properties removed", _drop_second_reference, "xmldsig.malformed"),
    ("the properties removed", _drop_object, "xmldsig.malformed"),
    ("an unsigned second Object", _second_object, "xmldsig.malformed"),
    ("the reference pointing elsewhere", _point_elsewhere, "xmldsig.malformed"),
    ("a second element with the properties' Id", _duplicate_id, "xmldsig.malformed"),
    ("properties of another signature", _wrong_target, "xmldsig.malformed"),
    ("another transform on the properties", _extra_transform, "xmldsig.malformed"),
    ("text in the Object", _text_in_object, "xmldsig.malformed"),
]


@pytest.mark.parametrize(("case", "tamper", "key"), TAMPERING, ids=[row[0] for row in TAMPERING])
def test_tampering_with_the_properties_is_refused(
    test_pki: shared.TestPki, case: str, tamper: Callable[[etree._Element], None], key: str
) -> None:
    signer = test_pki.signer("A-001")
    root = _signed(signer)
    tamper(root)
    with pytest.raises(UntrustedData) as refused:
        _verify(root, signer)
    assert refused.value.key == key, case


def test_xmlsec1_checks_the_properties_reference_too(tmp_path: Path, test_pki: shared.TestPki) -> None:
    xmlsec1 = shutil.which("xmlsec1")
    assert xmlsec1 is not None, "xmlsec1 is missing: apt-get install xmlsec1 (scripts/setup.sh does)"
    signer = test_pki.signer("A-001")
    (tmp_path / "bureau.pem").write_bytes(signer.certificate.public_bytes(Encoding.PEM))
    root = _signed(signer)
    for name, tree in (("good.xml", root), ("changed.xml", _changed(root))):
        (tmp_path / name).write_bytes(etree.tostring(tree))
    args = [xmlsec1, "--verify", "--pubkey-cert-pem", str(tmp_path / "bureau.pem")]
    good = subprocess.run([*args, str(tmp_path / "good.xml")], capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stderr
    changed = subprocess.run([*args, str(tmp_path / "changed.xml")], capture_output=True, text=True, check=False)
    assert changed.returncode != 0


def _changed(root: etree._Element) -> etree._Element:
    changed = copy.deepcopy(root)
    _change_property(changed)
    return changed
