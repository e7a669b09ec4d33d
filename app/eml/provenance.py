"""What produced a message (PROFILE.md, "Provenance"): the measured platform, signed, and whether it is a training run.

- The platform (software version, system hash, PCRs, mode) travels in the message `Seal`'s own XML-DSig, as a
  signature property (`ds:Object/ds:SignatureProperties`, XML-DSig's place for "how the signature was generated"):
  the `##other` wildcards of EML are strict, a `SignatureProperty` takes any element of another namespace, and a
  second reference of the signature covers it (`app.signing.xmldsig`).

      <tabula:Platform xmlns:tabula="urn:tabula:be:eml:ext:1">
        <tabula:SoftwareVersion>0.9.0</tabula:SoftwareVersion>
        <tabula:SystemHash>…64 hex, empty without a verity image…</tabula:SystemHash>
        <tabula:Mode>tpm|development</tabula:Mode>
        <tabula:Pcr Index="7">…64 hex…</tabula:Pcr>                    (one per measured PCR; none in development)
      </tabula:Platform>

- Training (contract `--training`) uses EML's own elements, inside what the signatures cover: every
  `EventIdentifier` of the message (each `CastVote`'s in a 460, the `Count`'s in a 510) holds
  `<EventQualifier Id="training">training</EventQualifier>`, and the 510 also says
  `Contest/CountQualifier/Simulation` = `yes` (EML's element for a count that is not real). A real result has
  neither. A message that says it only in part is malformed: nothing half-training can pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from app.eml.codes import PROFILE_NS
from app.eml.common import malformed, q, sub
from app.errors import UntrustedData
from app.platform.measurement import Measurement, Mode

TRAINING = "training"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_VERSION = re.compile(r"[0-9A-Za-z.+_-]{1,64}")
_MAX_PCR = 23


def _t(name: str) -> str:
    return f"{{{PROFILE_NS}}}{name}"


# ---------------------------------------------------------------------------------------------------- the platform


def platform_element(measurement: Measurement) -> etree._Element:
    """The measurement as the signature property of a message `Seal`."""
    platform = etree.Element(_t("Platform"), nsmap={"tabula": PROFILE_NS})
    etree.SubElement(platform, _t("SoftwareVersion")).text = measurement.software_version
    etree.SubElement(platform, _t("SystemHash")).text = measurement.system_hash
    etree.SubElement(platform, _t("Mode")).text = measurement.mode.value
    for index, value in sorted(measurement.pcrs.items()):
        etree.SubElement(platform, _t("Pcr"), Index=str(index)).text = value
    return platform


def read_platform(properties: Sequence[etree._Element]) -> Measurement | None:
    """The measurement among a seal's signed properties: `None` when there is none; UntrustedData if malformed."""
    platforms = [p for p in properties if p.tag == _t("Platform")]
    if not platforms:
        return None
    if len(platforms) != 1 or len(properties) != 1:
        raise malformed(platforms[0], "one tabula:Platform as the seal's signature property")
    return _measurement(platforms[0])


def _measurement(platform: etree._Element) -> Measurement:
    parts = [c for c in platform if isinstance(c.tag, str)]
    head = [c.tag for c in parts[:3]]
    if head != [_t("SoftwareVersion"), _t("SystemHash"), _t("Mode")] or any(c.tag != _t("Pcr") for c in parts[3:]):
        raise malformed(platform, "SoftwareVersion, SystemHash, Mode, then Pcr elements")
    version, system_hash, mode_text = ((c.text or "").strip() for c in parts[:3])
    if not _VERSION.fullmatch(version) or not (system_hash == "" or _HEX64.fullmatch(system_hash)):
        raise malformed(platform, "a software version and a system hash of 64 hex digits (or none)")
    try:
        mode = Mode(mode_text)
    except ValueError:
        raise malformed(platform, "Mode tpm or development") from None
    pcrs = dict(_pcr(element) for element in parts[3:])
    if len(pcrs) != len(parts) - 3 or (mode is Mode.DEVELOPMENT and (pcrs or system_hash)):
        raise malformed(platform, "each PCR once; none, and no system hash, in development mode")
    return Measurement(version, system_hash, pcrs, mode)


def _pcr(element: etree._Element) -> tuple[int, str]:
    index, value = element.get("Index") or "", (element.text or "").strip()
    if not (index.isdigit() and index.isascii() and len(index) <= 2 and int(index) <= _MAX_PCR):
        raise malformed(element, "a PCR index 0..23")
    if not _HEX64.fullmatch(value):
        raise malformed(element, "a PCR value of 64 hex digits")
    return int(index), value


# ---------------------------------------------------------------------------------------------------- training


def event_identifier(parent: etree._Element, training: bool, **attributes: str) -> etree._Element:
    """An `EventIdentifier`, qualified as training when it is."""
    identifier = sub(parent, "EventIdentifier", **attributes)
    if training:
        sub(identifier, "EventQualifier", TRAINING, Id=TRAINING)
    return identifier


def count_qualifier(contest: etree._Element, training: bool) -> None:
    """A 510 `Contest`'s `CountQualifier`: a training count is a simulation; a real one has none."""
    if training:
        sub(sub(contest, "CountQualifier"), "Simulation", "yes")


def is_training(root: etree._Element) -> bool:
    """Whether a message says it is a training result: all its marks, or none (UntrustedData otherwise)."""
    identifiers = list(root.iter(q("EventIdentifier")))
    marks = [_qualified(identifier) for identifier in identifiers]
    marks += [_simulation(element) for element in root.iter(q("CountQualifier"))]
    if root.get("Id") == "510" and len(marks) == 1:
        marks.append(False)  # a 510 says training twice: its event and its CountQualifier
    if not identifiers or len(set(marks)) != 1:
        raise UntrustedData("eml.training_mixed")
    return marks[0]


def _qualified(identifier: etree._Element) -> bool:
    qualifiers = identifier.findall(q("EventQualifier"))
    if not qualifiers:
        return False
    only = qualifiers[0]
    if len(qualifiers) != 1 or (only.get("Id"), (only.text or "").strip()) != (TRAINING, TRAINING):
        raise malformed(identifier, 'no EventQualifier, or EventQualifier Id="training"')
    return True


def _simulation(qualifier: etree._Element) -> bool:
    parts = [c for c in qualifier if isinstance(c.tag, str)]
    if [c.tag for c in parts] != [q("Simulation")] or (parts[0].text or "").strip() not in ("yes", "no"):
        raise malformed(qualifier, "CountQualifier with Simulation only")
    return (parts[0].text or "").strip() == "yes"
