"""Hardened XML parsing: the one entry point for every XML byte string Tabula reads.

Files on a results stick or a provisioning file come from outside the appliance, so the parser never resolves
entities, never loads a DTD, never touches the network and refuses huge trees; a document with a DOCTYPE is
rejected outright (no billion laughs, no XXE). The size limit bounds memory before libxml2 sees a byte.

The shape is bounded too, before anything else reads the tree: libxml2 parses a 2 MB element with 150,000
attributes in 50 ms, but canonicalising it for a signature check takes minutes (exclusive c14n sorts attributes
per element), so attributes per element, depth and the number of elements are counted (in libxml2, by XPath)
right after parsing and a document over any limit is refused. (Namespace declarations need no limit: exclusive
c14n of 30,000 of them takes 30 ms, and XPath's namespace axis, which would count them, is the quadratic one.)
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from app.errors import BadInput, TabulaError

# A 460 file of 2,400 ballots is about 5 MB; 64 MB leaves room for the largest bureau and still bounds memory.
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The largest shape of document Tabula reads. Ours have at most 4 attributes on an element, 12 levels (a
    ballot's signature inside its CastVote) and about 60 elements a ballot."""

    attributes: int = 16  # per element
    depth: int = 32  # elements nested in one another, the root being 1
    elements: int = 2_000_000  # in the whole document (a 64 MB file of the smallest elements)


LIMITS = Limits()


def _parser() -> etree.XMLParser:
    # A new parser per call: lxml parsers keep state and are not safe to share between threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=False,
        collect_ids=False,
    )


def parse(
    data: bytes, *, max_bytes: int = MAX_BYTES, error: type[TabulaError] = BadInput, allow_comments: bool = False
) -> etree._Element:
    """The root element of `data`, parsed safely.

    Raises `error` (BadInput unless the caller reads untrusted results, then UntrustedData) with key
    `eml.too_large`, `eml.not_xml`, `eml.doctype_forbidden` or `eml.comment_forbidden`.

    Comments and processing instructions are refused unless `allow_comments` (an authority's own input file):
    exclusive c14n leaves them out of every signature, yet `element.text` stops at the first one, so
    `<Cast>1<!---->20</Cast>` would verify as signed and read as 1. Tabula never writes either.
    """
    if len(data) > max_bytes:
        raise error("eml.too_large", size=len(data), limit=max_bytes)
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        if b"<!DOCTYPE" in data:  # e.g. an external DTD libxml2 refused to fetch: name the real reason
            raise error("eml.doctype_forbidden") from None
        raise error("eml.not_xml", line=exc.lineno or 0) from None
    # libxml2 records any DOCTYPE (with or without internal subset) as an internal DTD node.
    if root.getroottree().docinfo.internalDTD is not None:
        raise error("eml.doctype_forbidden")
    _check_shape(root, LIMITS, error)
    if not allow_comments and _has_comment_or_pi(root):
        raise error("eml.comment_forbidden")
    return root


def _has_comment_or_pi(root: etree._Element) -> bool:
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    inside = root.iter(etree.Comment, etree.ProcessingInstruction)
    return bool(outside) or next(iter(inside), None) is not None


def _check_shape(root: etree._Element, limits: Limits, error: type[TabulaError]) -> None:
    """Refuse a tree over `limits`, each test one XPath evaluated in C (a few ms for a 2,400-ballot 460)."""
    elements = int(root.xpath("count(//*)"))
    if elements > limits.elements:
        raise error("eml.too_complex", what="elements", found=elements, limit=limits.elements)
    for what, test, limit in (
        ("attributes", "count(@*) > $n", limits.attributes),
        ("depth", "count(ancestor::*) >= $n", limits.depth),
    ):
        found = root.xpath(f"(descendant-or-self::*[{test}])[1]", n=limit)
        if found:
            element = found[0]
            raise error("eml.too_complex", what=what, limit=limit, line=element.sourceline or 0)
