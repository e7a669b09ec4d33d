"""What produced a message (PROFILE.md, "Provenance"): the platform in the Seal's signed properties, training in
EML's own elements; the readers accept exactly what the writers write and name anything else."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from app.eml.provenance import is_training, platform_element, read_platform
from app.eml.schemas import validate
from app.eml.verify import verify_message
from app.errors import UntrustedData
from app.platform.measurement import Measurement, Mode, Provenance
from tests.eml.cases import EVERY_KIND, SMALL
from tests.eml.conftest import ISSUE_DATE, LivePki

EML = "{urn:oasis:names:tc:evs:schema:eml}"
TABULA = "{urn:tabula:be:eml:ext:1}"
HEX64 = st.text("0123456789abcdef", min_size=64, max_size=64)
TPM = Measurement("1.4.0", "ab" * 32, {7: "01" * 32, 11: "02" * 32}, Mode.TPM)

measurements = st.one_of(
    st.builds(Measurement, st.from_regex(r"[0-9A-Za-z.+_-]{1,64}", fullmatch=True), st.just(""), st.just({}),
              st.just(Mode.DEVELOPMENT)),
    st.builds(Measurement, st.from_regex(r"[0-9A-Za-z.+_-]{1,64}", fullmatch=True), HEX64,
              st.dictionaries(st.integers(0, 23), HEX64, max_size=4), st.just(Mode.TPM)),
)  # fmt: skip


@given(measurements)
def test_a_platform_reads_back_as_written(measurement: Measurement) -> None:
    element = etree.fromstring(etree.tostring(platform_element(measurement)))
    assert read_platform([element]) == measurement


@given(st.lists(st.sampled_from(["SoftwareVersion", "SystemHash", "Mode", "Pcr", "Other"]), max_size=6),
       st.lists(st.text(max_size=70), min_size=6, max_size=6),
       st.lists(st.one_of(st.none(), st.text("0123456789x -", max_size=4)), min_size=6, max_size=6))  # fmt: skip
def test_any_platform_element_is_read_or_refused_as_untrusted(
    names: list[str], texts: list[str], indices: list[str | None]
) -> None:
    platform = etree.Element(f"{TABULA}Platform")
    for name, text, index in zip(names, texts, indices, strict=False):
        child = etree.SubElement(platform, f"{TABULA}{name}", {} if index is None else {"Index": index})
        child.text = "".join(c for c in text if c.isprintable() and c.isascii())  # what XML can hold
    try:
        read_platform([platform])
    except UntrustedData as error:
        assert error.key == "eml.malformed"


def _platform_with(edit: str) -> etree._Element:
    platform = platform_element(TPM)
    parts = {etree.QName(c).localname + (c.get("Index") or ""): c for c in platform}
    match edit:
        case "order":
            platform.insert(0, parts["Mode"])
        case "bad hash":
            parts["SystemHash"].text = "AB" * 32
        case "unknown mode":
            parts["Mode"].text = "simulated"
        case "pcr twice":
            platform.append(copy.deepcopy(parts["Pcr7"]))
        case "pcr 24":
            parts["Pcr7"].set("Index", "24")
        case "short pcr":
            parts["Pcr11"].text = "02"
        case "development with pcrs":
            parts["Mode"].text = "development"
        case "version with a space":
            parts["SoftwareVersion"].text = "1.4 beta"
    return platform


@pytest.mark.parametrize(
    "edit",
    ["order", "bad hash", "unknown mode", "pcr twice", "pcr 24", "short pcr", "development with pcrs",
     "version with a space"],
)  # fmt: skip
def test_a_malformed_platform_is_refused(edit: str) -> None:
    with pytest.raises(UntrustedData, match=r"eml.malformed"):
        read_platform([_platform_with(edit)])


def test_no_platform_reads_as_none_and_two_are_refused() -> None:
    assert read_platform([]) is None
    with pytest.raises(UntrustedData):
        read_platform([platform_element(TPM), platform_element(TPM)])


# ---------------------------------------------------------------------------------------------------- training


def _votes(live_pki: LivePki, training: bool) -> bytes:
    from app.eml.votes import entries, write_votes

    produced = Provenance(TPM, training)
    return write_votes(
        "A-001", SMALL, entries(EVERY_KIND), live_pki.signer("A-001"), issue_date=ISSUE_DATE, produced_by=produced
    )


def _count(live_pki: LivePki, training: bool) -> bytes:
    from app.counting.classify import classify
    from app.counting.tally import tally
    from app.eml.count import write_count

    result = tally(SMALL, (classify(b) for _, b in EVERY_KIND))
    signer = live_pki.signer("A-001")
    return write_count("A-001", SMALL, result, signer, issue_date=ISSUE_DATE, produced_by=Provenance(TPM, training))


@pytest.mark.parametrize("training", [False, True])
@pytest.mark.parametrize("writer", [_votes, _count])
def test_verify_reads_the_platform_and_training_from_a_valid_message(
    live_pki: LivePki, writer: object, training: bool
) -> None:
    data = writer(live_pki, training)  # type: ignore[operator]
    assert validate(data) == []
    verified = verify_message(data, live_pki.root.certificate, at=live_pki.at)
    assert (verified.platform, verified.training) == (TPM, training)


def test_a_460_marked_training_only_in_part_is_refused(live_pki: LivePki) -> None:
    root = etree.fromstring(_votes(live_pki, True))
    first = root.find(f".//{EML}EventQualifier")
    assert first is not None
    first.getparent().remove(first)  # type: ignore[union-attr]
    with pytest.raises(UntrustedData, match=r"eml.training_mixed"):
        is_training(root)


@pytest.mark.parametrize("remove", ["EventQualifier", "CountQualifier"])
def test_a_510_must_say_training_twice_or_not_at_all(live_pki: LivePki, remove: str) -> None:
    root = etree.fromstring(_count(live_pki, True))
    element = root.find(f".//{EML}{remove}")
    assert element is not None
    element.getparent().remove(element)  # type: ignore[union-attr]
    with pytest.raises(UntrustedData, match=r"eml.training_mixed"):
        is_training(root)


@pytest.mark.parametrize(
    ("path", "attribute", "value"),
    [("EventQualifier", "Id", "exercise"), ("Simulation", None, "maybe")],
)
def test_other_qualifiers_are_malformed(live_pki: LivePki, path: str, attribute: str | None, value: str) -> None:
    root = etree.fromstring(_count(live_pki, True))
    element = root.find(f".//{EML}{path}")
    assert element is not None
    if attribute is None:
        element.text = value
    else:
        element.set(attribute, value)
    with pytest.raises(UntrustedData, match=r"eml.malformed"):
        is_training(root)


def test_removing_the_training_mark_breaks_the_signatures(live_pki: LivePki) -> None:
    data = _votes(live_pki, True).replace(b'<EventQualifier Id="training">training</EventQualifier>', b"", 1)
    with pytest.raises(UntrustedData, match="ballot_signature_invalid"):
        verify_message(data, live_pki.root.certificate, at=live_pki.at)
