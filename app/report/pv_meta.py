"""The figures a verifier reads back from a PV: the control number, the files hash and what produced it, in the
PDF's keywords.

They are printed on the page for people and repeated in the document information (covered by the PAdES
signature) so that `tabula verify` can compare them with what it recomputes, without scraping page text:
`tabula:control_number`, `tabula:files_sha256`, `tabula:training` (`yes`/`no`), `tabula:mode` (`tpm`/`development`),
`tabula:system_hash` (empty without one) and `tabula:software_version`, each as `tabula:<name>=<value>`.
"""

from __future__ import annotations

import io

from pyhanko.pdf_utils.reader import PdfFileReader

from app.platform.measurement import Provenance

_PREFIX = "tabula:"


def pv_keywords(control_number: str, files_sha256: str, provenance: Provenance) -> str:
    measurement = provenance.measurement
    claims = {
        "control_number": control_number,
        "files_sha256": files_sha256,
        "training": "yes" if provenance.training else "no",
        "mode": measurement.mode.value,
        "system_hash": measurement.system_hash,
        "software_version": measurement.software_version,
    }
    return " ".join(f"{_PREFIX}{name}={value}" for name, value in claims.items())


def read_pv_claims(pdf: bytes) -> dict[str, str]:
    """The `tabula:` keywords of a PV; empty when there are none or the PDF cannot be read."""
    try:
        info = PdfFileReader(io.BytesIO(pdf), strict=False).trailer_view["/Info"]
        keywords = str(info.get("/Keywords", ""))
    except Exception:  # a damaged PDF has no claims; its signature check reports the damage
        return {}
    claims: dict[str, str] = {}
    for word in keywords.split():
        if word.startswith(_PREFIX) and "=" in word:
            key, _, value = word[len(_PREFIX) :].partition("=")
            claims[key] = value
    return claims
