"""Building blocks shared by the EML writers and readers: the message envelope, identifiers, strict lookups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from lxml import etree

from app.counting.model import Election, ElectionCode
from app.eml.codes import NS, SCHEMA_VERSION, contest_id
from app.errors import UntrustedData
from app.signing.pki import station_id_of
from app.signing.signer import Signer
from app.signing.xmldsig import DS_NS, sign_enveloped


def q(name: str) -> str:
    """The qualified name of an EML element."""
    return f"{{{NS}}}{name}"


def sub(parent: etree._Element, name: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, q(name), attributes)
    if text is not None:
        element.text = text
    return element


def format_date(value: dt.date) -> str:
    """An EML `DateType`: xs:date for a date, xs:dateTime (seconds, with offset when known) for a datetime."""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def new_message(message_id: str, issue_date: dt.date) -> tuple[etree._Element, etree._Element]:
    """The EML root with its header, and the empty header `Seal` that will hold the message signature."""
    root = etree.Element(q("EML"), {"Id": message_id, "SchemaVersion": SCHEMA_VERSION}, nsmap={None: NS, "ds": DS_NS})  # type: ignore[dict-item]
    sub(root, "TransactionId", "1")
    sub(root, "IssueDate", format_date(issue_date))
    return root, sub(root, "Seal")


def election_identifier(parent: etree._Element, election: Election) -> None:
    identifier = sub(parent, "ElectionIdentifier", Id=election.code.value)
    sub(identifier, "ElectionCategory", election.code.value)


def contest_identifier(parent: etree._Element, constituency: str, *, with_name: bool) -> None:
    identifier = sub(parent, "ContestIdentifier", Id=contest_id(constituency))
    if with_name:
        sub(identifier, "ContestName", constituency)


def check_signer(station_id: str, signer: Signer) -> None:
    """The bureau id written into a message must be the one in the signing certificate (contract: results)."""
    if station_id_of(signer.certificate) != station_id:
        raise ValueError(f"station {station_id} cannot sign with the certificate of another bureau")


def seal_and_serialize(
    root: etree._Element, seal: etree._Element, signer: Signer, properties: Sequence[etree._Element] = ()
) -> bytes:
    """Sign the whole message into its header `Seal` (with the bureau and issuing certificates, and `properties`:
    the platform that made it, `app.eml.provenance`) and serialize it."""
    sign_enveloped(root, seal, signer, certificates=signer.chain, properties=properties)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# ---------------------------------------------------------------------------------------------------- reading


def malformed(element: etree._Element | None, what: str) -> UntrustedData:
    line = element.sourceline if element is not None else None
    return UntrustedData("eml.malformed", what=what, line=line or 0)


def expect_message(root: etree._Element, message_id: str, *, variants: bool = False) -> None:
    """The root must be EML message `message_id` (with `variants`, also a national variant such as `230b`)."""
    found = root.get("Id") or ""
    if variants and len(found) == len(message_id) + 1 and found[-1].isalpha():
        found = found[:-1]
    if root.tag != q("EML") or found != message_id:
        raise UntrustedData("eml.wrong_message", expected=message_id, found=str(root.get("Id")))


def child(parent: etree._Element, name: str) -> etree._Element:
    """The one child `name` of `parent`; anything else is malformed."""
    found = parent.findall(q(name))
    if len(found) != 1:
        raise malformed(parent, f"exactly one {name}")
    return found[0]


def children(parent: etree._Element, name: str) -> Iterator[etree._Element]:
    return parent.iterfind(q(name))


def elements(parent: etree._Element) -> list[etree._Element]:
    """The element children of `parent` (no comments or processing instructions)."""
    return [c for c in parent if isinstance(c.tag, str)]


# No count or list number of a bureau needs more digits; a longer one is tampering (and Python refuses to read
# integers of thousands of digits, which would stop the verification of every bureau on the stick).
MAX_DIGITS = 9


def _digits(text: str) -> bool:
    return text.isdigit() and text.isascii() and len(text) <= MAX_DIGITS


def count_value(element: etree._Element) -> int:
    text = (element.text or "").strip()
    if not _digits(text):
        raise malformed(element, "a non-negative integer")
    return int(text)


def positive_id(element: etree._Element) -> int:
    value = element.get("Id") or ""
    if not _digits(value) or int(value) < 1:
        raise malformed(element, "a list number")
    return int(value)


def election_code(identifier: etree._Element) -> ElectionCode:
    """The election of an `ElectionIdentifier`: its `ElectionCategory`, else its `Id` (CK, EU, VL, ...)."""
    value = (identifier.findtext(q("ElectionCategory")) or identifier.get("Id") or "").strip()
    try:
        return ElectionCode(value)
    except ValueError:
        raise UntrustedData("eml.unknown_election", election=value) from None
