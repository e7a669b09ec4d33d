"""Validation of EML messages: the OASIS EML 5.0 schemas (offline, compiled once) plus our profile's code lists (O5).

The schemas are packaged in `xsd/oasis/` (unmodified OASIS copies) and compiled with lxml on first use; imports
are resolved from the package only (the parser has no network). After the XSD pass, a profile pass checks the
attributes that carry Belgian data against the code lists of `xsd/tabula-be-eml-ext-1.xsd`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources
from typing import cast

from lxml import etree

from app.eml import codes
from app.eml.common import q
from app.eml.safe_xml import parse
from app.errors import TabulaError

SCHEMA_FILES = {
    "230": "230-candidatelist-v5-0.xsd",
    "460": "460-votes-v5-0.xsd",
    "510": "510-count-v5-0.xsd",
}
EXTENSION_SCHEMA = "tabula-be-eml-ext-1.xsd"


def xsd_dir() -> resources.abc.Traversable:
    return resources.files("app.eml") / "xsd"


@cache
def oasis_schema(message_id: str) -> etree.XMLSchema:
    """The compiled OASIS schema of one message type (cached: compiling takes ~0.1 s)."""
    with resources.as_file(xsd_dir() / "oasis" / SCHEMA_FILES[message_id]) as path:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        return etree.XMLSchema(etree.parse(str(path), parser))


def validate(data: bytes) -> list[str]:
    """Problems of an EML message against OASIS EML 5.0 and our profile; an empty list means valid.

    Each problem is one line of technical English (`line N: ...`) for the verification report.
    """
    try:
        root = parse(data)
    except TabulaError as exc:
        return [f"not readable as XML: {exc}"]
    return validate_tree(root)


def validate_tree(root: etree._Element) -> list[str]:
    """`validate` on a message already parsed by `app.eml.safe_xml.parse` (the tree is only read)."""
    message_id = root.get("Id") or ""
    if root.tag != q("EML") or message_id not in SCHEMA_FILES:
        return [f"not an EML message Tabula knows (root {root.tag}, Id {message_id!r})"]
    schema = oasis_schema(message_id)
    if not schema.validate(root):
        entries = cast("Iterable[etree._LogEntry]", schema.error_log)
        return [f"line {e.line}: {e.message}" for e in entries]
    return list(profile_problems(root))


# ---------------------------------------------------------------------------------------------------- profile


def profile_problems(root: etree._Element) -> Iterator[str]:
    """Attributes carrying Belgian data whose value is outside our code lists."""
    checks: list[tuple[str, str, Callable[[str], bool]]] = [
        ("Contest", "Category", lambda v: v in codes.CATEGORY_CODES),
        ("Contest", "Spoilt", lambda v: v in codes.SPOILT_CODES),
        ("RejectedVotes", "ReasonCode", lambda v: v in codes.SPOILT_CODES),
        ("ProposedRejection", "ReasonCode", lambda v: v == codes.CONTESTED),
        ("CastVote", "Category", lambda v: v in codes.PASS_CODES + codes.PROVENANCE_CODES),
        ("CountMetric", "Type", lambda v: v in _METRICS),
        ("BallotIdentifier", "Id", lambda v: codes.parse_ballot_id(v) is not None),
    ]
    for tag, attribute, ok in checks:
        for element in root.iter(q(tag)):
            value = element.get(attribute)
            if value is not None and not ok(value):
                yield f"line {element.sourceline}: {tag}/@{attribute} {value!r} is not in the Tabula profile"
    if root.get("Id") != "230":  # 230 files from elsewhere may number candidates 1..n
        for element in root.iter(q("CandidateIdentifier")):
            if codes.parse_candidate_id(element.get("Id")) is None:
                yield f"line {element.sourceline}: CandidateIdentifier/@Id {element.get('Id')!r} is not T<n> or S<n>"


_METRICS = (
    *codes.CATEGORY_CODES,
    codes.METRIC_TITULAR_VOTES,
    codes.METRIC_SUCCESSOR_VOTES,
    codes.METRIC_VALID,
    codes.METRIC_INVALID,
    codes.METRIC_BLANK_OR_INVALID,
)
