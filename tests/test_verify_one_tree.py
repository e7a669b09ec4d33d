"""The verifier parses each EML file once and runs every check on that one tree: signatures, schema, reading. A
signature check takes each `Signature` out of the tree and puts it back, a failing one as well, so none of them may
leave the tree other than parsed: the checks after it must see exactly the bytes on the stick."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from app.eml.count import read_count_tree
from app.eml.passes import read_pass_tree
from app.eml.safe_xml import parse
from app.eml.schemas import validate_tree
from app.eml.verify import verify_tree
from app.eml.votes import read_votes_tree
from app.errors import TabulaError, UntrustedData
from app.results_layout import COUNT_FILE, VOTES_FILE
from app.verify import verify_files
from tests.conftest import TestPki
from tests.test_verify_reports import AT, PASS1, PASS2, Files, damages, made

__all__ = ["made"]  # the fixture, shared with the golden reports

READERS: dict[str, Callable[[etree._Element], object]] = {
    VOTES_FILE: read_votes_tree,
    COUNT_FILE: read_count_tree,
    PASS1: read_pass_tree,
    PASS2: read_pass_tree,
}


def _every_check_on(tree: etree._Element, name: str, test_pki: TestPki) -> None:
    """What `verify_files` runs on one parsed file, in its order: signatures, schema, reading."""
    with contextlib.suppress(TabulaError):
        verify_tree(tree, test_pki.root.certificate, at=AT, expected_station="P-1")
    validate_tree(tree)
    with contextlib.suppress(TabulaError):
        READERS[name](tree)


def _unchanged_by_the_checks(data: bytes, name: str, test_pki: TestPki) -> None:
    try:
        tree = parse(data, error=UntrustedData)
    except TabulaError:
        return  # nothing parsed, nothing shared
    before = etree.tostring(tree)
    lines = [element.sourceline for element in tree.iter()]
    _every_check_on(tree, name, test_pki)
    assert etree.tostring(tree) == before, name
    assert [element.sourceline for element in tree.iter()] == lines, name  # schema messages name these lines


def test_the_checks_leave_the_one_parsed_tree_as_it_was_on_every_row(made: Files, test_pki: TestPki) -> None:
    """Signature checks take each `Signature` out of the tree and put it back: a failing one as well, so the schema
    and the reading that follow see exactly the bytes on the stick."""
    signer = test_pki.signer("P-1")
    for damage in damages(test_pki).values():
        files = dict(made)
        damage(files, signer)
        for name in READERS.keys() & files.keys():
            _unchanged_by_the_checks(files[name], name, test_pki)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(sorted(READERS)),
    at=st.floats(min_value=0, max_value=1, exclude_max=True),
    byte=st.integers(min_value=0, max_value=255),
)
def test_one_byte_changed_anywhere_leaves_the_tree_as_parsed_and_verify_reports_it(
    made: Files, test_pki: TestPki, name: str, at: float, byte: int
) -> None:
    data = made[name]
    where = int(at * len(data))
    files = {**made, name: data[:where] + bytes([byte]) + data[where + 1 :]}
    _unchanged_by_the_checks(files[name], name, test_pki)
    report = verify_files("P-1", files, test_pki.root.certificate, AT)  # never raises: what it finds is a problem
    assert report.ok == (files[name] == data)  # the PV and the log hash every byte, even where c14n would not see it
