"""Hostile XML is refused before it can do harm (XXE, billion laughs, DTDs, huge input)."""

from __future__ import annotations

import pytest

from app.eml.safe_xml import parse
from app.eml.schemas import validate
from app.eml.verify import verify_message
from app.errors import BadInput, UntrustedData
from tests.eml.conftest import LivePki

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="460" SchemaVersion="5.0">&lol4;</EML>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE EML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="510" SchemaVersion="5.0">
<TransactionId>&xxe;</TransactionId></EML>"""

EXTERNAL_DTD = b'<!DOCTYPE EML SYSTEM "http://example.invalid/eml.dtd"><EML/>'


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE, EXTERNAL_DTD, b"<!DOCTYPE a><a/>"])
def test_any_doctype_is_refused(data: bytes) -> None:
    with pytest.raises(BadInput) as error:
        parse(data)
    assert error.value.key == "eml.doctype_forbidden"


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE])
def test_verification_and_validation_refuse_hostile_input(data: bytes, live_pki: LivePki) -> None:
    with pytest.raises(UntrustedData, match="doctype_forbidden"):
        verify_message(data, live_pki.root.certificate, at=live_pki.at)
    assert validate(data)[0].startswith("not readable as XML")


def test_input_over_the_size_limit_is_refused_before_parsing() -> None:
    with pytest.raises(BadInput) as error:
        parse(b"<a>" + b"x" * 100 + b"</a>", max_bytes=50)
    assert error.value.params == {"size": 107, "limit": 50}


def test_broken_xml_names_the_line() -> None:
    with pytest.raises(UntrustedData) as error:
        parse(b"<a>\n<b></a>", error=UntrustedData)
    assert error.value.key == "eml.not_xml"
    assert error.value.params["line"] == 2


def test_deeply_nested_input_is_refused() -> None:
    with pytest.raises(BadInput) as error:
        parse(b"<a>" * 300 + b"</a>" * 300)
    assert error.value.key == "eml.too_deep"


@pytest.mark.parametrize(
    ("data", "key"),
    [
        # canonicalising this one element took 134 s: it is refused before any c14n
        (b"<a " + b" ".join(b'a%d="1"' % i for i in range(150_000)) + b"/>", "eml.too_many_attributes"),
        (b"<a " + b" ".join(b'a%d="1"' % i for i in range(17)) + b"/>", "eml.too_many_attributes"),
        (b"<a>" + b"<b/>" * 1_000_001 + b"</a>", "eml.too_many_elements"),  # counted in the tree
        (b"<a>" + b"<b/>" * 2_000_001 + b"</a>", "eml.too_many_elements"),  # counted in the bytes, never parsed
    ],
    ids=["150000_attributes", "17_attributes", "a_million_elements", "two_million_tags"],
)
def test_a_shape_tabula_never_writes_is_refused_before_anyone_reads_it(data: bytes, key: str) -> None:
    with pytest.raises(UntrustedData) as error:
        parse(data, error=UntrustedData)
    assert error.value.key == key


def test_the_largest_shape_allowed_still_parses() -> None:
    attributes = b" ".join(b'a%d="1"' % i for i in range(16))
    assert len(parse(b"<a " + attributes + b">" + b"<b>" * 250 + b"</b>" * 250 + b"</a>").attrib) == 16


def test_plain_xml_parses() -> None:
    assert parse(b"<a><b/></a>").tag == "a"
    assert parse(b"<a><!-- c --><b/></a>", allow_comments=True).tag == "a"


@pytest.mark.parametrize(
    "xml",
    [
        b"<a><b>1<!---->20</b></a>",
        b"<a><b>1<?x y?>20</b></a>",
        b"<!-- before --><a/>",
        b"<a/><?after?>",
    ],
)
def test_comments_and_processing_instructions_are_refused(xml: bytes) -> None:
    """Exclusive c14n leaves them out of signatures, yet .text stops at them: `1<!---->20` would read as 1."""
    with pytest.raises(UntrustedData) as info:
        parse(xml, error=UntrustedData)
    assert info.value.key == "eml.comment_forbidden"
