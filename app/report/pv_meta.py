"""The figures a verifier reads back from a PV: the control number and the files hash, in the PDF's keywords.

They are printed on the page for people and repeated in the document information (covered by the PAdES
signature) so that `tabula verify` can compare them with what it recomputes, without scraping page text.
"""

from __future__ import annotations

import io

from pyhanko.pdf_utils.reader import PdfFileReader

_PREFIX = "tabula:"


def pv_keywords(control_number: str, files_sha256: str) -> str:
    return f"{_PREFIX}control_number={control_number} {_PREFIX}files_sha256={files_sha256}"


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
