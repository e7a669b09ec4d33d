"""Hardened XML parsing: the one entry point for every XML byte string Tabula reads.

Files on a results stick or a provisioning file come from outside the appliance, so the parser never resolves
entities, never loads a DTD, never touches the network and refuses huge trees; a document with a DOCTYPE is
rejected outright (no billion laughs, no XXE). The size limit bounds memory before libxml2 sees a byte.

The shape is bounded too, before anything else reads the tree: libxml2 parses a 2 MB element with 150,000
attributes in 50 ms, but canonicalising it for a signature check takes minutes (exclusive c14n sorts attributes
per element). So the `<` in the bytes are counted before parsing (a bound on the tree libxml2 would build), depth
is bounded by libxml2 itself while parsing, and attributes per element and the number of elements are counted by
XPath, in C, right after parsing; a document over any limit is refused. (Namespace declarations need no limit:
exclusive c14n of 30,000 of them takes 30 ms, and XPath's namespace axis, which would count them, is quadratic.)
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from app.errors import BadInput, TabulaError

# A 460 file of 2,400 ballots is about 5 MB; 64 MB leaves room for the largest bureau and still bounds memory.
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The largest shape of document Tabula reads. Ours have at most 2 attributes on an element, 11 levels (a
    ballot's signature inside its CastVote) and 26 elements a ballot (61,747 in a 460 of 2,400 ballots, 1.6 `<`
    each)."""

    attributes: int = 16  # per element
    depth: int = 256  # nesting: libxml2's own limit without huge_tree, free to check (an XPath for it costs 40 ms)
    elements: int = 1_000_000  # in the whole document: a 460 of 38,000 ballots, more than any bureau counts
    # `<` in the bytes, counted before parsing: every element has one, so this bounds the tree libxml2 would build
    # (about 140 bytes an element: a 12 MB file of `<b/>` is a 400 MB tree) before it is built.
    markup: int = 2_000_000


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
    `eml.too_large`, `eml.too_many_elements`, `eml.too_many_attributes`, `eml.too_deep`, `eml.not_xml`,
    `eml.doctype_forbidden` or `eml.comment_forbidden`.

    Comments and processing instructions are refused unless `allow_comments` (an authority's own input file):
    exclusive c14n leaves them out of every signature, yet `element.text` stops at the first one, so
    `<Cast>1<!---->20</Cast>` would verify as signed and read as 1. Tabula never writes either.
    """
    if len(data) > max_bytes:
        raise error("eml.too_large", size=len(data), limit=max_bytes)
    if data.count(b"<") > LIMITS.markup:
        raise error("eml.too_many_elements", limit=LIMITS.elements)
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in (exc.msg or ""):  # libxml2's message, only used to name the reason
            raise error("eml.too_deep", limit=LIMITS.depth, line=exc.lineno or 0) from None
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
    """Refuse a tree over `limits`, each test one XPath evaluated in C (25 ms for a 2,400-ballot 460)."""
    elements = etree.XPath("count(//*)")(root)
    if not isinstance(elements, float) or elements > limits.elements:
        raise error("eml.too_many_elements", limit=limits.elements)
    found = etree.XPath(f"(//@*[{limits.attributes + 1}])[1]/..")(root)  # an element with one attribute too many
    if isinstance(found, list) and found:
        element = found[0]
        line = element.sourceline if isinstance(element, etree._Element) else None
        raise error("eml.too_many_attributes", limit=limits.attributes, line=line or 0)
