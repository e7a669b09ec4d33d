"""Many enveloped signatures at once, byte for byte what `xmldsig.sign_enveloped` makes one by one (issue 8).

A 460 holds one signature per ballot (2,400 in a large bureau), and all of them share everything but the digest and
the signature value: the elements of the `ds:Signature`, laid out at the same depth, and the canonical `SignedInfo`
around the digest. So that part is made once per depth, by `sign_enveloped`'s own builders, and copied; what is
signed for each target is still its own canonical form, digested and signed through the `Signer` port one by one.

The canonical `SignedInfo` is the template's with the digest put in its place: a base64 digest (`[A-Za-z0-9+/=]`)
needs no escaping in canonical XML, so the bytes are those canonicalisation would give.
"""

from __future__ import annotations

import base64
import copy
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from app.signing import ecdsa
from app.signing.signer import Signer
from app.signing.xmldsig import _INDENT, _ds, _signature_method, _skeleton, _to_xmldsig_value, c14n

_PLACEHOLDER = "@DIGEST@"  # in no algorithm URI of a SignedInfo, nor in base64: marks where each digest goes
_DIGEST_VALUE = f"{_ds('SignedInfo')}/{_ds('Reference')}/{_ds('DigestValue')}"


@dataclass(frozen=True)
class _Template:
    """The `ds:Signature` of one depth, laid out, and its canonical `SignedInfo` split around the digest; where in
    it the digest and the value go, as child indexes (a copy is walked by index: `find` costs more than the copy)."""

    signature: etree._Element
    before_digest: bytes
    after_digest: bytes
    digest_at: tuple[int, ...]
    value_at: tuple[int, ...]

    @classmethod
    def make(cls, method: str, depth: int) -> _Template:
        signature, signed_info, value = _skeleton(method, b"", ())
        etree.indent(signature, space=_INDENT, level=depth + 1)
        digest = signature.find(_DIGEST_VALUE)
        assert digest is not None  # `_skeleton` makes it
        digest.text = _PLACEHOLDER
        before, after = c14n(signed_info).split(_PLACEHOLDER.encode("ascii"))
        return cls(signature, before, after, _indexes(signature, digest), _indexes(signature, value))

    def signed(self, digest: str, value: str) -> etree._Element:
        signature = copy.deepcopy(self.signature)
        _at(signature, self.digest_at).text = digest
        _at(signature, self.value_at).text = value
        return signature


def _indexes(root: etree._Element, element: etree._Element) -> tuple[int, ...]:
    """The child indexes that lead from `root` down to `element`."""
    path: list[int] = []
    while element is not root:
        parent = element.getparent()
        assert parent is not None  # `element` lies inside `root`
        path.insert(0, parent.index(element))
        element = parent
    return tuple(path)


def _at(root: etree._Element, indexes: tuple[int, ...]) -> etree._Element:
    for index in indexes:
        root = root[index]
    return root


def sign_each(targets: Iterable[tuple[etree._Element, etree._Element]], signer: Signer) -> int:
    """`sign_enveloped(target, seal, signer)` (no certificates) for every (target, seal), in order; the number signed.

    Each `seal` must be an empty element inside its `target`; the result is exactly what `sign_enveloped` gives.
    """
    method = _signature_method(signer.certificate)
    templates: dict[int, _Template] = {}
    signed = 0
    for target, seal in targets:
        if len(seal) or (seal.text or "").strip():
            raise ValueError("the seal element must be empty")
        depth = sum(1 for _ in seal.iterancestors())
        template = templates.get(depth) or templates.setdefault(depth, _Template.make(method, depth))
        opening = "\n" + _INDENT * (depth + 1)
        closing = "\n" + _INDENT * depth
        seal.text = opening + closing  # what the enveloped transform leaves behind
        digest = base64.b64encode(hashlib.sha256(c14n(target)).digest())
        signed_info = template.before_digest + digest + template.after_digest
        value = _to_xmldsig_value(signer, ecdsa.sign(signer, signed_info))
        signature = template.signed(digest.decode("ascii"), base64.b64encode(value).decode("ascii"))
        seal.text = opening
        seal.append(signature)
        signature.tail = closing
        signed += 1
    return signed
